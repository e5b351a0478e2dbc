"""The Gmail Routing page and its "Add setting" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import doing, translated
from runbook.console.locate import by_role
from runbook.console.moves import Cancel, Check, Look, Move, Pick, Press, each_option
from runbook.console.pages.message_options import ACTIONS, MODIFY_WALK
from runbook.console.pages.switchable import ADD_KEYS, SettingDialog, SwitchableList
from runbook.console.widgets import choose
from runbook.locales import LabelKey, Role
from runbook.locales.values.routing_rule import (
    ACCOUNT_TYPE_KEYS,
    MATCH_KEYS,
    MATCH_VALUE_KEYS,
    MESSAGE_KEYS,
)
from runbook.names import shown

SIDES: dict[str, tuple[LabelKey, LabelKey]] = {
    "senders": ("env_senders", "env_senders_check"),
    "recipients": ("env_recipients", "env_recipients_check"),
}


class RoutingPage(SwitchableList["RuleDialog"], page="routing"):
    """Apps > Google Workspace > Gmail > Routing: the rules of the page's Routing block.

    The page holds several settings blocks, each with its own Configure / Add another rule
    and Edit / Delete; every locator here is scoped to the Routing block (`self.scope`).
    """

    name_column_key = "col_description"
    table_key = "rules_table"
    delete_title_key = "delete_rule_title"
    noun = "rule"

    def _dialog(self, title: LabelKey) -> RuleDialog:
        return RuleDialog(self, title)


class RuleDialog(SettingDialog):
    """The "Add setting" dialog of the Routing section (also used to edit a rule)."""

    def __init__(self, routing: RoutingPage, title: LabelKey) -> None:
        super().__init__(routing, title)
        labels = self.labels
        root = self.root
        messages = by_role(root, "group", "messages_group", labels, exact=False)
        self.messages = {
            value: by_role(messages, "checkbox", key, labels) for value, key in MESSAGE_KEYS.items()
        }
        self.show_options_button = by_role(root, "button", "show_options", labels)
        accounts = by_role(root, "group", "account_types", labels, exact=False)
        self.account_types = {
            value: by_role(accounts, "checkbox", key, labels)
            for value, key in ACCOUNT_TYPE_KEYS.items()
        }
        envelope = by_role(root, "group", "envelope_filter", labels, exact=False)
        self.sides = {
            side: by_role(envelope, "group", group_key, labels)
            for side, (group_key, _) in SIDES.items()
        }

    @doing("showing the options of the Add setting dialog")
    def show_options(self) -> AriaNode:
        """Reveal the account types and envelope filter (once); the dialog's tree then."""
        snap = self.snapshot()
        if snap.find("group", self.labels.names("account_types")) is None:
            # Pressed from the keyboard, as a disclosure button is: the control sits at the
            # foot of the dialog's body, where the "Saved" toasts of the last saves lie over
            # it for their ~8 s, and a click would wait them out (the read-back of each rule
            # after the first two did).
            self.show_options_button.press("Enter")
            expect(self.account_types["users"]).to_be_visible()
            snap = self.snapshot()
        return snap

    def _side_checkbox(self, side: str) -> Locator:
        return by_role(self.sides[side], "checkbox", SIDES[side][1], self.labels)

    def _side_menu(self, side: str) -> Locator:
        return by_role(self.sides[side], "combobox", "match_menu", self.labels, exact=False)

    def _side_value(self, side: str, match: str) -> Locator:
        return by_role(self.sides[side], "textbox", MATCH_VALUE_KEYS[match], self.labels)

    def _fields(self, snap: AriaNode) -> dict[str, Any]:
        labels = self.labels
        envelope: dict[str, Any] = {}
        for side, (group_key, check_key) in SIDES.items():
            group = snap.find("group", labels.names(group_key))
            if group is None or not group.is_checked(labels.names(check_key)):
                continue
            chosen_match = group.text_of("combobox", labels.names("match_menu"))
            match = labels.value_of(MATCH_KEYS, chosen_match) or chosen_match
            value_key = MATCH_VALUE_KEYS.get(match)
            # The field's own value: a pattern's spaces are significant, and the snapshot
            # collapses them.
            value = self._side_value(side, match).input_value() if value_key else ""
            envelope[side] = {"match": match, "value": value}
        messages = snap.find("group", labels.names("messages_group")) or snap
        accounts = snap.find("group", labels.names("account_types")) or snap
        return {
            "description": shown(snap.text_of("textbox", labels.names("rule_description"))),
            "messages": [
                v for v, k in MESSAGE_KEYS.items() if messages.is_checked(labels.names(k))
            ],
            **self._message_fields(snap),
            "account_types": [
                v for v, k in ACCOUNT_TYPE_KEYS.items() if accounts.is_checked(labels.names(k))
            ],
            "envelope_filter": envelope or None,
        }

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (without `enabled`)."""
        with translated(self.page, "reading the Add setting dialog"):
            return self._fields(self.show_options())

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        labels = self.labels
        with translated(self.page, "filling the Add setting dialog"):
            snap = self.show_options()
            have = self._fields(snap)
            self._refuse_unmodeled(have)
            self.set_name(self.description_box, want["description"], have["description"])
            for value, box in self.messages.items():
                self.set_checked(box, value in want["messages"], value in have["messages"])
            self._fill_message(snap, want, have)
            # Check the wanted account types before unchecking the others (at least one).
            for value in want["account_types"]:
                self.set_checked(self.account_types[value], True, value in have["account_types"])
            for value, box in self.account_types.items():
                if value not in want["account_types"]:
                    self.set_checked(box, False, value in have["account_types"])
            envelope = want.get("envelope_filter") or {}
            had = have["envelope_filter"] or {}
            for side in SIDES:
                side_want, side_had = envelope.get(side), had.get(side)
                self.set_checked(
                    self._side_checkbox(side), side_want is not None, side_had is not None
                )
                if not side_want:
                    continue
                same_match = side_had is not None and side_had["match"] == side_want["match"]
                if not same_match:
                    choose(
                        self.page,
                        self._side_menu(side),
                        labels.names(MATCH_KEYS[side_want["match"]]),
                    )
                self.set_text(
                    self._side_value(side, side_want["match"]),
                    side_want["value"],
                    side_had["value"] if same_match and side_had else None,
                )


# What `runbook probe` does on this page, read-only (the moves: `console/moves.py`).
# Each envelope match option and the field it shows.
_MATCH: dict[LabelKey, LabelKey] = {MATCH_KEYS[m]: MATCH_VALUE_KEYS[m] for m in MATCH_KEYS}
WALK: tuple[Move, ...] = (
    Look(("routing_heading",), either=ADD_KEYS),
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
    Pick("action_menu", ACTIONS, choose="reject_message"),
    Look(("rejection_notice",)),
    Pick("action_menu", ACTIONS, choose="modify_message"),
    *MODIFY_WALK,
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
    *each_option("match_menu", _MATCH),
    Cancel(),
)

# Keys of this page a read-only walk does not reach, by the place that shows them.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
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
}

# The roles of the label keys this page uses (the shared ones: `switchable`, `message_options`).
ROLES: dict[LabelKey, Role] = {
    "nav_routing": "link",
    "routing_heading": "heading",  # level 1; also the section's region
    "rules_table": "table",
    "messages_group": "group",  # section 1
    "msg_inbound": "checkbox",
    "msg_outbound": "checkbox",
    "msg_internal_sending": "checkbox",
    "msg_internal_receiving": "checkbox",
    "show_options": "button",  # a link-styled control
    "account_types": "group",
    "acct_users": "checkbox",
    "acct_groups": "checkbox",
    "acct_unrecognized": "checkbox",
    "envelope_filter": "group",
    "env_senders": "group",
    "env_recipients": "group",
    "env_senders_check": "checkbox",
    "env_recipients_check": "checkbox",
    "match_menu": "combobox",  # inside an envelope group
    "match_single_address": "option",
    "match_pattern": "option",
    "match_group": "option",
}
