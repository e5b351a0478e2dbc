"""The Gmail Routing page and its "Add setting" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import doing, on_sign_in, translated
from runbook.console.labels import ACCOUNT_TYPE_KEYS, MATCH_KEYS, MATCH_VALUE_KEYS, MESSAGE_KEYS
from runbook.console.page import Dialog, ListPage, WriteWatch, raise_refusal
from runbook.console.widgets import choose, current_choice
from runbook.errors import SignInRequired
from runbook.names import shown

ACTION_KEYS = {"modify_message": "modify_message", "reject_message": "reject_message"}
SIDES = {
    "senders": ("env_senders", "env_senders_check"),
    "recipients": ("env_recipients", "env_recipients_check"),
}


class RoutingPage(ListPage, page="routing"):
    """Apps > Google Workspace > Gmail > Routing: the Routing section's rules."""

    name_column_key = "col_description"
    table_key = "rules_table"
    delete_title_key = "delete_rule_title"

    def open_add(self) -> RuleDialog:
        """Press "Configure" (first rule) or "Add another rule"; the empty dialog."""
        labels = self.labels
        with translated(self.page, "opening the Add setting dialog"):
            self.wait_ready()
            section = self.page.get_by_role("region", name=labels.routing_heading)
            configure = section.get_by_role("button", name=labels.configure, exact=True)
            another = section.get_by_role("button", name=labels.add_another_rule, exact=True)
            configure.or_(another).first.click()
            dialog = RuleDialog(self, labels.rule_dialog)
            dialog.wait_open()
        return dialog

    def open_edit(self, description: str) -> RuleDialog:
        """Press Edit on the rule with this description; the dialog, filled in."""
        with translated(self.page, f"opening rule {description!r}"):
            self.wait_ready()
            self.click_edit(description)
            dialog = RuleDialog(self, self.labels.rule_dialog_edit)
            expect(dialog.description_box).not_to_have_value("")
        return dialog

    def _switch(self, description: str) -> Locator:
        return self.row(description).get_by_role(
            "switch", name=self.labels.rule_enabled, exact=True
        )

    def is_enabled(self, description: str) -> bool:
        """Whether the rule with this description is enabled."""
        with translated(self.page, f"reading whether rule {description!r} is enabled"):
            return self._switch(description).get_attribute("aria-checked") == "true"

    def set_enabled(self, description: str, enabled: bool) -> None:
        """Enable or disable the rule with this description (a save of its own)."""
        what = f"the state of rule {description!r}"
        self.guard.allow(f"{'enable' if enabled else 'disable'} rule {description!r}")
        with translated(self.page, f"switching rule {description!r}"):
            self.reloading()
            watch = WriteWatch(self.page)
            try:
                self._switch(description).click()
                done = self.row(description).get_by_role(
                    "switch", name=self.labels.rule_enabled, exact=True, checked=enabled
                )
                refused = self.page.get_by_role("alert")
                sign_in = self.page.get_by_role("heading", name=self.labels.signin_heading)
                expect(done.or_(refused).or_(sign_in).first).to_be_visible()
                if on_sign_in(self.page) or sign_in.is_visible():
                    raise SignInRequired(f"the console asked for sign-in while saving {what}")
                if not done.count():
                    raise_refusal(self.labels, what, refused.all_inner_texts(), watch)
            finally:
                watch.stop()


class RuleDialog(Dialog):
    """The "Add setting" dialog of the Routing section (also used to edit a rule)."""

    def __init__(self, routing: RoutingPage, title: str) -> None:
        super().__init__(routing, title)
        labels = self.labels
        root = self.root
        self.description_box = root.get_by_role("textbox", name=labels.rule_description, exact=True)
        messages = root.get_by_role("group", name=labels.messages_group)
        self.messages = {
            value: messages.get_by_role("checkbox", name=labels[key], exact=True)
            for value, key in MESSAGE_KEYS.items()
        }
        self.action_menu = root.get_by_role("combobox", name=labels.action_menu)
        route_group = root.get_by_role("group", name=labels.route_group, exact=True)
        self.change_route_box = route_group.get_by_role(
            "checkbox", name=labels.change_route, exact=True
        )
        self.route_menu = route_group.get_by_role("combobox", name=labels.route_menu)
        self.show_options_button = root.get_by_role("button", name=labels.show_options, exact=True)
        accounts = root.get_by_role("group", name=labels.account_types)
        self.account_types = {
            value: accounts.get_by_role("checkbox", name=labels[key], exact=True)
            for value, key in ACCOUNT_TYPE_KEYS.items()
        }
        envelope = root.get_by_role("group", name=labels.envelope_filter)
        self.sides = {
            side: envelope.get_by_role("group", name=labels[group_key], exact=True)
            for side, (group_key, _) in SIDES.items()
        }

    @doing("showing the options of the Add setting dialog")
    def show_options(self) -> AriaNode:
        """Reveal the account types and envelope filter (once); the dialog's tree then."""
        snap = self.snapshot()
        if snap.find("group", self.labels.account_types) is None:
            self.show_options_button.click()
            expect(self.account_types["users"]).to_be_visible()
            snap = self.snapshot()
        return snap

    def _side_checkbox(self, side: str) -> Locator:
        return self.sides[side].get_by_role(
            "checkbox", name=self.labels[SIDES[side][1]], exact=True
        )

    def _side_menu(self, side: str) -> Locator:
        return self.sides[side].get_by_role("combobox", name=self.labels.match_menu)

    def _side_value(self, side: str, match: str) -> Locator:
        name = self.labels[MATCH_VALUE_KEYS[match]]
        return self.sides[side].get_by_role("textbox", name=name, exact=True)

    def _fields(self, snap: AriaNode) -> dict[str, Any]:
        labels = self.labels
        shown_action = snap.text_of("combobox", labels.action_menu)
        action = next(
            (v for v, k in ACTION_KEYS.items() if labels[k] == shown_action), shown_action
        )
        change_route = None
        route_group = snap.find("group", labels.route_group)
        routed = route_group is not None and route_group.is_checked(labels.change_route)
        if action == "modify_message" and route_group is not None and routed:
            chosen = route_group.text_of("combobox", labels.route_menu)
            change_route = None if chosen == labels.normal_routing else shown(chosen)
        envelope: dict[str, Any] = {}
        for side, (group_key, check_key) in SIDES.items():
            group = snap.find("group", labels[group_key])
            if group is None or not group.is_checked(labels[check_key]):
                continue
            chosen_match = group.text_of("combobox", labels.match_menu)
            match = next(
                (m for m, k in MATCH_KEYS.items() if labels[k] == chosen_match), chosen_match
            )
            value_key = MATCH_VALUE_KEYS.get(match)
            # The field's own value: a pattern's spaces are significant, and the snapshot
            # collapses them.
            value = self._side_value(side, match).input_value() if value_key else ""
            envelope[side] = {"match": match, "value": value}
        messages = snap.find("group", labels.messages_group) or snap
        accounts = snap.find("group", labels.account_types) or snap
        return {
            "description": shown(snap.text_of("textbox", labels.rule_description)),
            "messages": [v for v, k in MESSAGE_KEYS.items() if messages.is_checked(labels[k])],
            "action": action,
            "change_route": change_route,
            "account_types": [
                v for v, k in ACCOUNT_TYPE_KEYS.items() if accounts.is_checked(labels[k])
            ],
            "envelope_filter": envelope or None,
        }

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (without `enabled`)."""
        with translated(self.page, "reading the Add setting dialog"):
            return self._fields(self.show_options())

    def route_names(self) -> list[str]:
        """The routes the "Change route" menu offers (without "Normal routing")."""
        with translated(self.page, "reading the routes the Change route menu offers"):
            choose(self.page, self.action_menu, self.labels.modify_message)
            was_checked = self.change_route_box.is_checked()
            self.change_route_box.set_checked(True)
            current = shown(current_choice(self.route_menu))
            self.route_menu.click()
            listbox = self.page.get_by_role("listbox")
            normal = listbox.get_by_role("option", name=self.labels.normal_routing, exact=True)
            expect(normal).to_be_visible()
            names = [shown(n) for n in listbox.get_by_role("option").all_inner_texts()]
            # Close the menu by picking what it already shows (Escape would close the dialog).
            keep = current if current in names else self.labels.normal_routing
            listbox.get_by_role("option", name=keep, exact=True).click()
            expect(listbox).to_have_count(0)
            self.change_route_box.set_checked(was_checked)
        return [n for n in names if n != self.labels.normal_routing]

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        labels = self.labels
        with translated(self.page, "filling the Add setting dialog"):
            snap = self.show_options()
            have = self._fields(snap)
            self.set_name(self.description_box, want["description"], have["description"])
            for value, box in self.messages.items():
                self.set_checked(box, value in want["messages"], value in have["messages"])
            if have["action"] != want["action"]:
                choose(self.page, self.action_menu, labels[ACTION_KEYS[want["action"]]])
                snap = self.snapshot()  # the options under the action change with it
            if want["action"] == "modify_message":
                route = want.get("change_route")
                group = snap.find("group", labels.route_group)
                box_checked = group is not None and group.is_checked(labels.change_route)
                self.set_checked(self.change_route_box, route is not None, box_checked)
                if route is not None and have["change_route"] != shown(route):
                    choose(self.page, self.route_menu, route)
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
                    choose(self.page, self._side_menu(side), labels[MATCH_KEYS[side_want["match"]]])
                self.set_text(
                    self._side_value(side, side_want["match"]),
                    side_want["value"],
                    side_had["value"] if same_match and side_had else None,
                )
