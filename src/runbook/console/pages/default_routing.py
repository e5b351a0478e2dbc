"""The Gmail Default routing page and its "Add setting" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator

from runbook.console.aria import AriaNode
from runbook.console.failures import translated
from runbook.console.locate import by_role
from runbook.console.moves import Cancel, Look, Move, Pick, Press
from runbook.console.pages.message_options import ACTIONS, MODIFY_WALK
from runbook.console.pages.switchable import ADD_KEYS, SettingDialog, SwitchableList
from runbook.console.widgets import choose
from runbook.locales import LabelKey, Role
from runbook.locales.values.default_routing import (
    APPLY_TO_KEYS,
    DEFAULT_MATCH_KEYS,
    DEFAULT_MATCH_VALUE_KEYS,
)
from runbook.names import shown


class DefaultRoutingPage(SwitchableList["DefaultRuleDialog"], page="default_routing"):
    """Apps > Google Workspace > Gmail > Default routing: its settings, in priority order."""

    name_column_key = "col_description"
    table_key = "default_rules_table"
    delete_title_key = "delete_rule_title"
    noun = "setting"

    def _add_area(self) -> Locator:
        return by_role(self.page, "region", "default_routing_heading", self.labels, exact=False)

    def _dialog(self, title: LabelKey) -> DefaultRuleDialog:
        return DefaultRuleDialog(self, title)


class DefaultRuleDialog(SettingDialog):
    """The "Add setting" dialog of Default routing (also used to edit a setting).

    1. the envelope recipients to match; 2. Modify message with every option group of the
    Routing dialog, or Reject message (`SettingDialog`, `MessageOptions`); 3. whom it applies to.
    """

    action_key = "dr_action_menu"

    def __init__(self, owner: DefaultRoutingPage, title: LabelKey) -> None:
        super().__init__(owner, title)
        labels, root = self.labels, self.root
        self.recipients_menu = by_role(root, "combobox", "recipients_menu", labels, exact=False)
        self.apply_to = {
            value: by_role(root, "radio", key, labels) for value, key in APPLY_TO_KEYS.items()
        }

    def _value_box(self, match: str) -> Locator:
        section = by_role(self.root, "group", "dr_recipients_group", self.labels)
        return by_role(section, "textbox", DEFAULT_MATCH_VALUE_KEYS[match], self.labels)

    # --- reading ------------------------------------------------------------------------------
    def _fields(self, snap: AriaNode) -> dict[str, Any]:
        labels = self.labels
        shown_match = snap.text_of("combobox", labels.names("recipients_menu"))
        match = labels.value_of(DEFAULT_MATCH_KEYS, shown_match) or shown_match
        # The field's own value: a pattern's spaces are significant, and the snapshot
        # collapses them.
        value = self._value_box(match).input_value() if match in DEFAULT_MATCH_VALUE_KEYS else None
        apply_to = next(
            (
                value
                for value, key in APPLY_TO_KEYS.items()
                if (node := snap.find("radio", labels.names(key))) is not None and node.checked
            ),
            None,
        )
        return {
            "description": shown(snap.text_of("textbox", labels.names("rule_description"))),
            "recipients": {"match": match, "value": value},
            **self._message_fields(snap),
            "apply_to": apply_to,
        }

    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (without `enabled`)."""
        with translated(self.page, "reading the Add setting dialog"):
            return self._fields(self.snapshot())

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        labels = self.labels
        with translated(self.page, "filling the Add setting dialog"):
            snap = self.snapshot()
            have = self._fields(snap)
            self._refuse_unmodeled(have)
            self.set_name(self.description_box, want["description"], have["description"])
            wanted, had = want["recipients"], have["recipients"]
            if had["match"] != wanted["match"]:
                choose(
                    self.page,
                    self.recipients_menu,
                    labels.names(DEFAULT_MATCH_KEYS[wanted["match"]]),
                )
            if wanted["match"] in DEFAULT_MATCH_VALUE_KEYS:
                same = had["match"] == wanted["match"]
                self.set_text(
                    self._value_box(wanted["match"]),
                    wanted["value"],
                    had["value"] if same else None,
                )
            self._fill_message(snap, want, have)
            if have["apply_to"] != want["apply_to"]:
                self.apply_to[want["apply_to"]].check()


# What `runbook probe` does on this page, read-only (the moves: `console/moves.py`).
WALK: tuple[Move, ...] = (
    Look(("default_routing_heading",), either=ADD_KEYS),
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
    Pick("dr_action_menu", ACTIONS, choose="reject_message"),
    Look(("rejection_notice",)),
    Pick("dr_action_menu", ACTIONS, choose="modify_message"),
    *MODIFY_WALK,
    Cancel(),
)

# Keys of this page a read-only walk does not reach, by the place that shows them.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {"default_routing/list": ("default_rules_table",)}

# The roles of the label keys this page uses (the shared ones: `switchable`, `message_options`).
ROLES: dict[LabelKey, Role] = {
    "nav_default_routing": "link",
    "default_routing_heading": "heading",  # level 1; also the section's region
    "default_rules_table": "table",
    "recipients_menu": "combobox",  # section 1 of the Default routing dialog
    "dr_recipients_group": "group",  # section 1 itself: its menu and the value
    "dr_match_single_recipient": "option",
    "dr_match_pattern": "option",
    "dr_match_group": "option",
    "dr_match_all": "option",
    "dr_action_menu": "combobox",  # section 2 of the Default routing dialog
    "apply_unrecognized": "radio",  # section 3, Options
    "apply_all": "radio",
}
