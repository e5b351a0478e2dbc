"""The Gmail Routing page and its "Add setting" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import doing, on_sign_in, translated
from runbook.console.locate import by_role
from runbook.console.page import Dialog, ListPage, WriteWatch, raise_refusal
from runbook.console.pages.message_options import MessageOptions
from runbook.console.widgets import choose, current_choice
from runbook.errors import ConsoleChanged, SignInRequired
from runbook.locales import (
    ACCOUNT_TYPE_KEYS,
    ACTION_KEYS,
    MATCH_KEYS,
    MATCH_VALUE_KEYS,
    MESSAGE_KEYS,
    LabelKey,
)
from runbook.names import shown

UNMODELED = "unmodeled_options"  # read: the set controls the catalogue does not know
SIDES: dict[str, tuple[LabelKey, LabelKey]] = {
    "senders": ("env_senders", "env_senders_check"),
    "recipients": ("env_recipients", "env_recipients_check"),
}


class RoutingPage(ListPage, page="routing"):
    """Apps > Google Workspace > Gmail > Routing: the rules of the page's Routing block.

    The page holds several settings blocks, each with its own Configure / Add another rule
    and Edit / Delete; every locator here is scoped to the Routing block (`self.scope`).
    """

    name_column_key = "col_description"
    table_key = "rules_table"
    delete_title_key = "delete_rule_title"

    def open_add(self) -> RuleDialog:
        """Press "Configure" (first rule) or "Add another rule"; the empty dialog."""
        labels = self.labels
        with translated(self.page, "opening the Add setting dialog"):
            self.wait_ready()
            configure = by_role(self.scope, "button", "configure", labels)
            another = by_role(self.scope, "button", "add_another_rule", labels)
            configure.or_(another).first.click()
            dialog = RuleDialog(self, "rule_dialog")
            dialog.wait_open()
        return dialog

    def open_edit(self, description: str) -> RuleDialog:
        """Press Edit on the rule with this description; the dialog, filled in."""
        with translated(self.page, f"opening rule {description!r}"):
            self.wait_ready()
            self.click_edit(description)
            dialog = RuleDialog(self, "rule_dialog_edit")
            expect(dialog.description_box).not_to_have_value("")
        return dialog

    def _switch(self, description: str) -> Locator:
        return by_role(self.row(description), "switch", "rule_enabled", self.labels)

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
                done = by_role(
                    self.row(description), "switch", "rule_enabled", self.labels, checked=enabled
                )
                refused = self.page.get_by_role("alert")
                sign_in = by_role(self.page, "heading", "signin_heading", self.labels, exact=False)
                expect(done.or_(refused).or_(sign_in).first).to_be_visible()
                if on_sign_in(self.page) or sign_in.is_visible():
                    raise SignInRequired(f"the console asked for sign-in while saving {what}")
                if not done.count():
                    raise_refusal(self.labels, what, refused.all_inner_texts(), watch)
            finally:
                watch.stop()


class RuleDialog(Dialog):
    """The "Add setting" dialog of the Routing section (also used to edit a rule)."""

    def __init__(self, routing: RoutingPage, title: LabelKey) -> None:
        super().__init__(routing, title)
        labels = self.labels
        root = self.root
        self.description_box = by_role(root, "textbox", "rule_description", labels)
        messages = by_role(root, "group", "messages_group", labels, exact=False)
        self.messages = {
            value: by_role(messages, "checkbox", key, labels) for value, key in MESSAGE_KEYS.items()
        }
        self.action_menu = by_role(root, "combobox", "action_menu", labels, exact=False)
        route_group = by_role(root, "group", "route_group", labels)
        self.change_route_box = by_role(route_group, "checkbox", "change_route", labels)
        self.route_menu = by_role(route_group, "combobox", "route_menu", labels, exact=False)
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
        self.options = MessageOptions(self)

    @doing("showing the options of the Add setting dialog")
    def show_options(self) -> AriaNode:
        """Reveal the account types and envelope filter (once); the dialog's tree then."""
        snap = self.snapshot()
        if snap.find("group", self.labels.names("account_types")) is None:
            self.show_options_button.click()
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
        shown_action = snap.text_of("combobox", labels.names("action_menu"))
        action = labels.value_of(ACTION_KEYS, shown_action) or shown_action
        change_route = None
        route_group = snap.find("group", labels.names("route_group"))
        routed = route_group is not None and route_group.is_checked(labels.names("change_route"))
        if action == "modify_message" and route_group is not None and routed:
            chosen = route_group.text_of("combobox", labels.names("route_menu"))
            change_route = None if labels.matches("normal_routing", chosen) else shown(chosen)
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
        unmodeled = self.options.unknown(snap)
        return {
            "description": shown(snap.text_of("textbox", labels.names("rule_description"))),
            "messages": [
                v for v, k in MESSAGE_KEYS.items() if messages.is_checked(labels.names(k))
            ],
            "action": action,
            **self.options.read(snap, action),
            "change_route": change_route,
            "account_types": [
                v for v, k in ACCOUNT_TYPE_KEYS.items() if accounts.is_checked(labels.names(k))
            ],
            "envelope_filter": envelope or None,
            **({UNMODELED: unmodeled} if unmodeled else {}),
        }

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (without `enabled`)."""
        with translated(self.page, "reading the Add setting dialog"):
            return self._fields(self.show_options())

    def route_names(self) -> list[str]:
        """The routes the "Change route" menu offers (without "Normal routing")."""
        with translated(self.page, "reading the routes the Change route menu offers"):
            choose(self.page, self.action_menu, self.labels.names("modify_message"))
            was_checked = self.change_route_box.is_checked()
            self.change_route_box.set_checked(True)
            current = shown(current_choice(self.route_menu))
            self.route_menu.click()
            listbox = self.page.get_by_role("listbox")
            normal = by_role(listbox, "option", "normal_routing", self.labels)
            expect(normal).to_be_visible()
            names = [shown(n) for n in listbox.get_by_role("option").all_inner_texts()]
            # Close the menu by picking what it already shows (Escape would close the dialog).
            shows = listbox.get_by_role("option", name=current, exact=True)
            (shows if current in names else normal).click()
            expect(listbox).to_have_count(0)
            self.change_route_box.set_checked(was_checked)
        return [n for n in names if not self.labels.matches("normal_routing", n)]

    # --- writing ------------------------------------------------------------------------------
    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        labels = self.labels
        with translated(self.page, "filling the Add setting dialog"):
            snap = self.show_options()
            have = self._fields(snap)
            if have.get(UNMODELED):
                raise ConsoleChanged(
                    f"the {self.title} dialog shows an option runbook does not model, set: "
                    f"{', '.join(repr(n) for n in have[UNMODELED])}; saving it would lose that "
                    "option, so nothing was saved (update runbook, or clear the option in the "
                    "console)"
                )
            self.set_name(self.description_box, want["description"], have["description"])
            for value, box in self.messages.items():
                self.set_checked(box, value in want["messages"], value in have["messages"])
            if have["action"] != want["action"]:
                choose(self.page, self.action_menu, labels.names(ACTION_KEYS[want["action"]]))
                snap = self.snapshot()  # the options under the action change with it
            if want["action"] == "modify_message":
                route = want.get("change_route")
                group = snap.find("group", labels.names("route_group"))
                box_checked = group is not None and group.is_checked(labels.names("change_route"))
                self.set_checked(self.change_route_box, route is not None, box_checked)
                if route is not None and have["change_route"] != shown(route):
                    choose(self.page, self.route_menu, route)
            if have["action"] != want["action"]:
                have = {**have, **self.options.read(snap, want["action"])}
            self.options.fill(want, have)
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
