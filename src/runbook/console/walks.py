"""Where each catalogue key is used, as data: the read-only walk `runbook probe` takes per page.

A walk is a list of moves on one registered page: `Look` at controls (by their keys, each
with its role from `locales.ROLES`), `Press` a button (which may open a dialog, or a
sub-dialog of the open one), `Pick` an option of a menu (after looking at its options),
`Check` a box that reveals more, and `Cancel` the innermost open dialog. `within` scopes a
look or a press to a group of the dialog (two "Add" buttons, one per list). Keys no walk can
see without writing (rows, errors, confirmations, sign-in, a listed item) are listed in
`ELSEWHERE` with the place that shows them. `runbook labels` prints both; a test checks
every key has a place.

To add a page: add its walk to `WALKS` (the page's name from `console.places`).
"""

from __future__ import annotations

from dataclasses import dataclass

from runbook.locales import MATCH_KEYS, MATCH_VALUE_KEYS, LabelKey


@dataclass(frozen=True)
class Look:
    """Look for these controls where the walk is (the page, its dialog or an open menu)."""

    keys: tuple[LabelKey, ...]
    # Controls of which one is enough (the console shows Configure or Add another rule).
    either: tuple[LabelKey, ...] = ()
    within: LabelKey | None = None  # a group of the dialog to look in


@dataclass(frozen=True)
class Press:
    """Press a control; `opens`: the dialog it opens (the walk then looks inside it)."""

    key: LabelKey
    opens: LabelKey | None = None
    otherwise: tuple[LabelKey, ...] = ()  # pressed instead when `key` is not shown
    within: LabelKey | None = None  # the group of the dialog whose `key` is pressed


@dataclass(frozen=True)
class Pick:
    """Open a menu, look at its options, pick `choose`."""

    menu: LabelKey
    options: tuple[LabelKey, ...]
    choose: LabelKey


@dataclass(frozen=True)
class Check:
    """Check a box that reveals more controls (the dialog is cancelled at the end)."""

    key: LabelKey


@dataclass(frozen=True)
class Cancel:
    """Cancel the innermost open dialog (a sub-dialog first): nothing is saved."""


Move = Look | Press | Pick | Check | Cancel

_ADD: tuple[LabelKey, ...] = ("configure", "add_another_rule")
_MODIFY_GROUPS: tuple[LabelKey, ...] = (
    "route_group",
    "change_route",
    "headers_group",
    "hdr_original_to",
    "hdr_spam",
    "hdr_custom",
    "subject_group",
    "prepend_subject",
    "also_reroute_spam",
    "suppress_bounces",
    "envelope_recipient_group",
    "change_envelope",
    "spam_group",
    "bypass_spam",
    "attachments_group",
    "remove_attachments",
    "deliver_group",
    "add_recipients",
    "encryption_group",
    "require_secure_transport",
)
_ACTIONS: tuple[LabelKey, ...] = ("modify_message", "reject_message")
# A menu's options, each with the field it shows.
_ENVELOPE: dict[LabelKey, LabelKey] = {
    "envelope_recipient": "envelope_value_recipient",
    "envelope_username": "envelope_value_username",
    "envelope_domain": "envelope_value_domain",
}
# Each envelope match option and the field it shows.
_MATCH: dict[LabelKey, LabelKey] = {MATCH_KEYS[m]: MATCH_VALUE_KEYS[m] for m in MATCH_KEYS}


def _each_option(menu: LabelKey, shows: dict[LabelKey, LabelKey]) -> tuple[Move, ...]:
    """Pick each option of a menu in turn and look at the field it shows."""
    options = tuple(shows)
    return tuple(m for o, f in shows.items() for m in (Pick(menu, options, o), Look((f,))))


# Modify message's groups (Routing's and Default routing's Add setting dialog), their menus,
# and the two lists that grow through a sub-dialog: each sub-dialog opened, then cancelled.
_MODIFY: tuple[Move, ...] = (
    Look(_MODIFY_GROUPS),
    Check("change_route"),
    Pick("route_menu", ("normal_routing",), choose="normal_routing"),
    Check("prepend_subject"),
    Look(("subject_text",)),
    Check("change_envelope"),
    *_each_option("envelope_menu", _ENVELOPE),
    Check("hdr_custom"),
    Look(("custom_headers_list", "add_item"), within="headers_group"),
    Press("add_item", opens="header_dialog", within="headers_group"),
    Look(("header_key", "header_value", "save", "cancel")),
    Cancel(),
    Check("add_recipients"),
    Look(("recipients_list", "add_item"), within="deliver_group"),
    Press("add_item", opens="recipient_dialog", within="deliver_group"),
    Look(("recipient_address", "save", "cancel")),
    Pick("recipient_mode", ("recipient_basic", "recipient_advanced"), "recipient_advanced"),
    Look(("route_group", "change_route", "copy_no_spam", "copy_suppress_bounces")),
    Check("change_route"),
    Pick("route_menu", ("normal_routing",), choose="normal_routing"),
    Cancel(),
)

WALKS: dict[str, tuple[Move, ...]] = {
    "hosts": (
        Look(("hosts_heading", "add_route")),
        Press("add_route", opens="route_dialog"),
        Look(
            (
                "route_name",
                "server_menu",
                "host",
                "port",
                "options",
                "mx_lookup",
                "require_tls",
                "require_ca",
                "validate_hostname",
                "test_tls",
                "save",
                "cancel",
            )
        ),
        Pick("server_menu", ("single_host", "multiple_hosts"), choose="multiple_hosts"),
        Look(("primary", "secondary", "host_row", "load", "add_host", "remove_host")),
        Cancel(),
    ),
    "routing": (
        Look(("routing_heading",), either=_ADD),
        Press("configure", opens="rule_dialog", otherwise=("add_another_rule",)),
        Look(
            (
                "rule_description",
                "messages_group",
                "msg_inbound",
                "msg_outbound",
                "msg_internal_sending",
                "msg_internal_receiving",
                "action_menu",
                "show_options",
                "save",
                "cancel",
            )
        ),
        Pick("action_menu", _ACTIONS, choose="reject_message"),
        Look(("rejection_notice",)),
        Pick("action_menu", _ACTIONS, choose="modify_message"),
        *_MODIFY,
        Press("show_options"),
        Look(
            (
                "account_types",
                "acct_users",
                "acct_groups",
                "acct_unrecognized",
                "envelope_filter",
                "env_senders",
                "env_recipients",
                "env_senders_check",
                "env_recipients_check",
            )
        ),
        Check("env_senders_check"),
        *_each_option("match_menu", _MATCH),
        Cancel(),
    ),
    "default_routing": (
        Look(("default_routing_heading",), either=_ADD),
        Press("configure", opens="rule_dialog", otherwise=("add_another_rule",)),
        Look(
            (
                "rule_description",
                "dr_recipients_group",
                "recipients_menu",
                "dr_action_menu",
                "apply_unrecognized",
                "apply_all",
                "save",
                "cancel",
            )
        ),
        Pick(
            "recipients_menu",
            ("dr_match_single_recipient", "dr_match_pattern", "dr_match_group", "dr_match_all"),
            choose="dr_match_single_recipient",
        ),
        Look(("match_value_single_address",)),
        Pick("dr_action_menu", _ACTIONS, choose="reject_message"),
        Look(("rejection_notice",)),
        Pick("dr_action_menu", _ACTIONS, choose="modify_message"),
        *_MODIFY,
        Cancel(),
    ),
}

# Keys a read-only walk does not reach, and the place that shows them.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
    "shell": ("main_menu", "org_units", "org_search", "loading", "saved_note"),
    "shell/main_menu": (
        "nav_apps",
        "nav_workspace",
        "nav_gmail",
        "nav_hosts",
        "nav_routing",
        "nav_default_routing",
    ),
    "sign-in": (
        "signin_heading",
        "signin_email",
        "signin_password",
        "signin_code",
        "signin_next",
        "reauth_heading",
        "signin_refused",
    ),
    "shell/banner": ("banner_got_it", "banner_dismiss"),
    "hosts/list": ("routes_table", "col_name", "edit", "delete"),
    "hosts/delete": ("delete_route_title",),
    "hosts/route_dialog_edit": ("route_dialog_edit",),
    "hosts/route_dialog/test_tls": ("tls_passed", "tls_failed"),
    "dialog/delete": ("delete_named_title",),
    "dialog/errors": ("concurrent_change", "concurrent_gone", "name_taken", "save_failed"),
    "routing/list": (
        "rules_table",
        "col_description",
        "rule_enabled",
        "status_inherited",
        "status_local",
    ),
    "routing/delete": ("delete_rule_title",),
    "routing/rule_dialog_edit": ("rule_dialog_edit",),
    # A listed header or recipient: none is listed in a new rule's dialog.
    "routing/rule_dialog/item": ("remove_item",),
    "default_routing/list": ("default_rules_table",),
}


def look_places() -> dict[LabelKey, list[str]]:
    """Every key a walk looks at, with the places (`page`, `page/dialog`, `page/dialog/menu`)."""
    out: dict[LabelKey, list[str]] = {}

    def seen(key: LabelKey, place: str) -> None:
        if place not in out.setdefault(key, []):
            out[key].append(place)

    for page, moves in WALKS.items():
        opened = [page]  # the page, then each dialog opened over it
        for move in moves:
            for key, place in _seen(move, page, opened[-1]):
                seen(key, place)
            if isinstance(move, Press) and move.opens is not None:
                seen(move.opens, opened[-1])
                opened.append(f"{opened[-1]}/{move.opens}")
            elif isinstance(move, Cancel) and len(opened) > 1:
                opened.pop()
    return out


def _seen(move: Move, page: str, where: str) -> list[tuple[LabelKey, str]]:
    if isinstance(move, Look):
        return [(k, where) for k in (*move.keys, *move.either)]
    if isinstance(move, Pick):
        return [(move.menu, where), *((o, f"{where}/{move.menu}") for o in move.options)]
    return []


def places(key: LabelKey) -> list[str]:
    """Where a catalogue key's control is used (probed places first)."""
    found = list(look_places().get(key, []))
    found += [place for place, keys in ELSEWHERE.items() if key in keys and place not in found]
    return found
