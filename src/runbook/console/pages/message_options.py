"""What a setting does to a message, in an "Add setting" dialog: reading and filling its options.

Shared by the dialogs with "Modify message" / "Reject message" (Routing, Default routing):
`MessageOptions(dialog)` reads every option from the dialog's accessibility snapshot
(`read(snap, action)`, the runbook's field names, `file/message_options.py`), fills the ones
that differ (`fill(want, have)`), and names the set controls the catalogue does not know
(`unknown(snap)`: an option the console grew, which a save would lose).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.locate import by_role
from runbook.console.moves import Cancel, Check, Look, Move, Pick, Press, each_option
from runbook.console.widgets import choose, current_choice
from runbook.locales import LabelKey, Labels, Role
from runbook.names import shown

if TYPE_CHECKING:
    from runbook.console.page import Dialog

UNMODELED = "unmodeled_options"  # read: the set controls the catalogue does not know
ENVELOPE_KEYS: dict[str, LabelKey] = {
    "recipient": "envelope_recipient",
    "username": "envelope_username",
    "domain": "envelope_domain",
}
ENVELOPE_VALUE_KEYS: dict[str, LabelKey] = {
    "recipient": "envelope_value_recipient",
    "username": "envelope_value_username",
    "domain": "envelope_value_domain",
}
# field -> (its group, its checkbox)
FLAGS: dict[str, tuple[LabelKey, LabelKey]] = {
    "also_reroute_spam": ("route_group", "also_reroute_spam"),
    "suppress_bounces": ("route_group", "suppress_bounces"),
    "bypass_spam_filter": ("spam_group", "bypass_spam"),
    "remove_attachments": ("attachments_group", "remove_attachments"),
    "require_secure_transport": ("encryption_group", "require_secure_transport"),
}
HEADER_FLAGS: dict[str, LabelKey] = {"x_gm_original_to": "hdr_original_to", "x_gm_spam": "hdr_spam"}


# The probe's walk of these options (`runbook probe`, read-only; see `console/moves.py`).
MODIFY_GROUPS: tuple[LabelKey, ...] = (
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
ACTIONS: tuple[LabelKey, ...] = ("modify_message", "reject_message")
# The envelope menu's options, each with the field it shows.
_ENVELOPE_FIELDS = {ENVELOPE_KEYS[part]: ENVELOPE_VALUE_KEYS[part] for part in ENVELOPE_KEYS}
# Modify message's groups (Routing's and Default routing's Add setting dialog), their menus,
# and the two lists that grow through a sub-dialog: each sub-dialog opened, then cancelled.
MODIFY_WALK: tuple[Move, ...] = (
    Look(MODIFY_GROUPS),
    Check("change_route"),
    Pick("route_menu", ("normal_routing",), choose="normal_routing"),
    Check("prepend_subject"),
    Look(("subject_text",)),
    Check("change_envelope"),
    *each_option("envelope_menu", _ENVELOPE_FIELDS),
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


def new_options() -> dict[str, Any]:
    """The options of a new entry (nothing done to the message), as `read` gives them."""
    return {
        "rejection_notice": None,
        "headers": {"x_gm_original_to": False, "x_gm_spam": False, "custom": []},
        "prepend_subject": None,
        "change_route": None,
        "also_reroute_spam": False,
        "suppress_bounces": False,
        "change_envelope_recipient": None,
        "bypass_spam_filter": False,
        "remove_attachments": False,
        "also_deliver_to": [],
        "require_secure_transport": False,
    }


def known_names(labels: Labels) -> set[str]:
    """Every accessible name of the catalogue, in this language (case aside)."""
    return {n.lower() for key in get_args(LabelKey) for n in labels.names(key)}


class MessageOptions:
    """The Reject / Modify options of one open dialog."""

    def __init__(self, dialog: Dialog) -> None:
        self.dialog = dialog
        self.page = dialog.page
        self.labels = dialog.labels
        self.root = dialog.root

    # --- reading ------------------------------------------------------------------------------
    def _group(self, snap: AriaNode, key: LabelKey) -> AriaNode:
        return snap.find("group", self.labels.names(key)) or AriaNode("group")

    def _items(self, group: AriaNode, check: LabelKey, listed: LabelKey) -> list[AriaNode]:
        if not group.is_checked(self.labels.names(check)):
            return []
        items = group.find("list", self.labels.names(listed))
        return [] if items is None else items.find_all("group")

    def read(self, snap: AriaNode, action: str) -> dict[str, Any]:
        """The option fields the dialog shows for `action` (a new entry's for the others)."""
        names = self.labels.names
        out = new_options()
        if action == "reject_message":
            notice = snap.text_of("textbox", names("rejection_notice"))
            out["rejection_notice"] = notice or None
            return out
        if action != "modify_message":
            return out
        headers = self._group(snap, "headers_group")
        out["headers"] = {
            **{f: headers.is_checked(names(k)) for f, k in HEADER_FLAGS.items()},
            "custom": [
                {"key": g.name, "value": g.text_of("textbox", names("header_value"))}
                for g in self._items(headers, "hdr_custom", "custom_headers_list")
            ],
        }
        subject = self._group(snap, "subject_group")
        if subject.is_checked(names("prepend_subject")):
            out["prepend_subject"] = subject.text_of("textbox", names("subject_text")) or None
        route = self._group(snap, "route_group")
        if route.is_checked(names("change_route")):
            chosen = route.text_of("combobox", names("route_menu"))
            normal = self.labels.matches("normal_routing", chosen)
            out["change_route"] = None if normal else shown(chosen)
        for field, (group_key, box) in FLAGS.items():
            out[field] = self._group(snap, group_key).is_checked(names(box))
        envelope = self._group(snap, "envelope_recipient_group")
        if envelope.is_checked(names("change_envelope")):
            menu = envelope.text_of("combobox", names("envelope_menu"))
            part = self.labels.value_of(ENVELOPE_KEYS, menu) or menu
            value_key = ENVELOPE_VALUE_KEYS.get(part)
            value = envelope.text_of("textbox", names(value_key)) if value_key else ""
            out["change_envelope_recipient"] = {part: value}
        deliver = self._group(snap, "deliver_group")
        out["also_deliver_to"] = [
            self._copy(g) for g in self._items(deliver, "add_recipients", "recipients_list")
        ]
        return out

    def _copy(self, item: AriaNode) -> dict[str, Any]:
        names = self.labels.names
        mode = item.text_of("textbox", names("recipient_mode"))
        if self.labels.matches("recipient_basic", mode):
            return {"address": item.name}
        routed = item.is_checked(names("change_route"))
        route = shown(item.text_of("textbox", names("route_menu"))) if routed else None
        return {
            "address": item.name,
            "change_route": route,
            "do_not_deliver_spam": item.is_checked(names("copy_no_spam")),
            "suppress_bounces": item.is_checked(names("copy_suppress_bounces")),
        }

    def unknown(self, snap: AriaNode) -> list[str]:
        """The checked boxes and filled fields whose names the catalogue does not know."""
        known = known_names(self.labels)
        found: list[str] = []

        def visit(node: AriaNode) -> None:
            for child in node.children:
                is_set = (child.role == "checkbox" and child.checked) or (
                    child.role == "textbox" and bool(child.value)
                )
                if is_set and child.name.lower() not in known:
                    found.append(child.name)
                if child.role not in ("list",):  # listed headers / recipients are data
                    visit(child)

        visit(snap)
        return found

    # --- writing ------------------------------------------------------------------------------
    def _box(self, group: LabelKey, role: Any, key: LabelKey) -> Locator:
        scope = by_role(self.root, "group", group, self.labels)
        return by_role(scope, role, key, self.labels)

    def _route_menu(self) -> Locator:
        scope = by_role(self.root, "group", "route_group", self.labels)
        return by_role(scope, "combobox", "route_menu", self.labels, exact=False)

    def route_names(self, action_menu: Locator) -> list[str]:
        """The routes the "Change route" menu offers (without "Normal routing").

        Modify message is chosen (its Route group shows) and the menu opened, read and closed
        on what it showed; Change route is left as it was.
        """
        labels = self.labels
        choose(self.page, action_menu, labels.names("modify_message"))
        box = self._box("route_group", "checkbox", "change_route")
        menu = self._route_menu()
        was_checked = box.is_checked()
        box.set_checked(True)
        current = shown(current_choice(menu))
        menu.click()
        listbox = self.page.get_by_role("listbox")
        normal = by_role(listbox, "option", "normal_routing", labels)
        expect(normal).to_be_visible()
        names = [shown(n) for n in listbox.get_by_role("option").all_inner_texts()]
        # Close the menu by picking what it already shows (Escape would close the dialog).
        shows = listbox.get_by_role("option", name=current, exact=True)
        (shows if current in names else normal).click()
        expect(listbox).to_have_count(0)
        box.set_checked(was_checked)
        return [n for n in names if not labels.matches("normal_routing", n)]

    def _route(self, snap: AriaNode, route: str | None, have: str | None) -> None:
        """Change route: ticked with `route` chosen, or unticked (None)."""
        labels = self.labels
        group = snap.find("group", labels.names("route_group"))
        box_checked = group is not None and group.is_checked(labels.names("change_route"))
        self.dialog.set_checked(
            self._box("route_group", "checkbox", "change_route"), route is not None, box_checked
        )
        if route is not None and have != shown(route):
            choose(self.page, self._route_menu(), route)

    def fill(self, snap: AriaNode, want: dict[str, Any], have: dict[str, Any]) -> None:
        """Make the options show `want` (they show `have`, read from `snap`), for its action."""
        d, labels = self.dialog, self.labels
        if want["action"] == "reject_message":
            box = by_role(self.root, "textbox", "rejection_notice", labels)
            d.set_text(box, want.get("rejection_notice") or "", have["rejection_notice"] or "")
            return
        wh, hh = want["headers"], have["headers"]
        for field, key in HEADER_FLAGS.items():
            d.set_checked(self._box("headers_group", "checkbox", key), wh[field], hh[field])
        self._list(
            "headers_group",
            "hdr_custom",
            wh["custom"],
            hh["custom"],
            name=lambda h: h["key"],
            add=self._add_header,
        )
        subject = want.get("prepend_subject")
        prepend = self._box("subject_group", "checkbox", "prepend_subject")
        d.set_checked(prepend, subject is not None, have["prepend_subject"] is not None)
        if subject is not None:
            text = self._box("subject_group", "textbox", "subject_text")
            d.set_text(text, subject, have["prepend_subject"])
        self._route(snap, want.get("change_route"), have.get("change_route"))
        for field, (group, key) in FLAGS.items():
            d.set_checked(self._box(group, "checkbox", key), want[field], have[field])
        self._envelope(want["change_envelope_recipient"], have["change_envelope_recipient"])
        self._list(
            "deliver_group",
            "add_recipients",
            want["also_deliver_to"],
            have["also_deliver_to"],
            name=lambda c: c["address"],
            add=self._add_copy,
        )

    def _envelope(self, want: dict[str, str] | None, have: dict[str, str] | None) -> None:
        d, labels = self.dialog, self.labels
        d.set_checked(
            self._box("envelope_recipient_group", "checkbox", "change_envelope"),
            want is not None,
            have is not None,
        )
        if want is None or want == have:
            return
        [(part, value)] = want.items()
        group = by_role(self.root, "group", "envelope_recipient_group", labels)
        menu = by_role(group, "combobox", "envelope_menu", labels, exact=False)
        choose(self.page, menu, labels.names(ENVELOPE_KEYS[part]))
        box = by_role(group, "textbox", ENVELOPE_VALUE_KEYS[part], labels)
        d.set_text(box, value, (have or {}).get(part))

    def _list(
        self,
        group_key: LabelKey,
        check: LabelKey,
        want: list[dict[str, Any]],
        have: list[dict[str, Any]],
        *,
        name: Any,
        add: Any,
    ) -> None:
        """Make a listed option (headers, recipients) hold `want`, in order, touching the least."""
        if want == have:
            return
        labels = self.labels
        group = by_role(self.root, "group", group_key, labels)
        keep = 0
        while keep < min(len(want), len(have)) and want[keep] == have[keep]:
            keep += 1
        for item in reversed(have[keep:]):
            listed = group.get_by_role("group", name=name(item), exact=True)
            by_role(listed, "button", "remove_item", labels).click()
            expect(listed).to_have_count(0)
        box = by_role(group, "checkbox", check, labels)
        self.dialog.set_checked(box, bool(want), bool(have))
        for item in want[keep:]:
            by_role(group, "button", "add_item", labels).click()
            add(item)
            expect(group.get_by_role("group", name=name(item), exact=True)).to_be_visible()

    def _sub_dialog(self, title: LabelKey) -> Locator:
        sub = by_role(self.page, "dialog", title, self.labels, exact=False)
        expect(sub).to_be_visible()
        return sub

    def _save_sub(self, sub: Locator) -> None:
        by_role(sub, "button", "save", self.labels).click()
        expect(sub).to_be_hidden()

    def _add_header(self, header: dict[str, str]) -> None:
        sub = self._sub_dialog("header_dialog")
        by_role(sub, "textbox", "header_key", self.labels).fill(header["key"])
        by_role(sub, "textbox", "header_value", self.labels).fill(header["value"])
        self._save_sub(sub)

    def _add_copy(self, copy: dict[str, Any]) -> None:
        labels = self.labels
        sub = self._sub_dialog("recipient_dialog")
        if "do_not_deliver_spam" in copy:
            mode = by_role(sub, "combobox", "recipient_mode", labels, exact=False)
            choose(self.page, mode, labels.names("recipient_advanced"))
            route = copy.get("change_route")
            if route is not None:
                group = by_role(sub, "group", "route_group", labels)
                by_role(group, "checkbox", "change_route", labels).check()
                choose(self.page, by_role(group, "combobox", "route_menu", labels), route)
            for field, key in (
                ("do_not_deliver_spam", "copy_no_spam"),
                ("suppress_bounces", "copy_suppress_bounces"),
            ):
                by_role(sub, "checkbox", key, labels).set_checked(bool(copy[field]))
        by_role(sub, "textbox", "recipient_address", labels).fill(copy["address"])
        self._save_sub(sub)


# The roles of the label keys of the Modify / Reject options (Routing, Default routing).
ROLES: dict[LabelKey, Role] = {
    "modify_message": "option",
    "reject_message": "option",
    "route_group": "group",  # under Modify message
    "change_route": "checkbox",
    "route_menu": "combobox",  # lists the Hosts routes
    "normal_routing": "option",
    "rejection_notice": "textbox",  # under Reject message
    "headers_group": "group",
    "hdr_original_to": "checkbox",
    "hdr_spam": "checkbox",
    "hdr_custom": "checkbox",
    "custom_headers_list": "list",
    "add_item": "button",  # in Headers and in Also deliver to
    "remove_item": "button",  # in a listed header or recipient
    "header_dialog": "dialog",
    "header_key": "textbox",
    "header_value": "textbox",  # also read-only in the list
    "subject_group": "group",
    "prepend_subject": "checkbox",
    "subject_text": "textbox",
    "also_reroute_spam": "checkbox",
    "suppress_bounces": "checkbox",
    "envelope_recipient_group": "group",
    "change_envelope": "checkbox",
    "envelope_menu": "combobox",
    "envelope_recipient": "option",
    "envelope_username": "option",
    "envelope_domain": "option",
    "envelope_value_recipient": "textbox",
    "envelope_value_username": "textbox",
    "envelope_value_domain": "textbox",
    "spam_group": "group",
    "bypass_spam": "checkbox",
    "attachments_group": "group",
    "remove_attachments": "checkbox",
    "deliver_group": "group",
    "add_recipients": "checkbox",
    "recipients_list": "list",
    "recipient_dialog": "dialog",
    "recipient_mode": "combobox",  # Basic / Advanced; read-only text in the list
    "recipient_basic": "option",
    "recipient_advanced": "option",
    "recipient_address": "textbox",
    "copy_no_spam": "checkbox",
    "copy_suppress_bounces": "checkbox",
    "encryption_group": "group",
    "require_secure_transport": "checkbox",
}
