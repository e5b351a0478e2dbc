"""The Gmail Default routing page and its "Add setting" dialog."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import doing, on_sign_in, translated
from runbook.console.locate import by_role
from runbook.console.page import Dialog, ListPage, WriteWatch, raise_refusal
from runbook.console.widgets import choose, current_choice
from runbook.errors import SignInRequired
from runbook.locales import (
    ACTION_KEYS,
    APPLY_TO_KEYS,
    DEFAULT_MATCH_KEYS,
    DEFAULT_MATCH_VALUE_KEYS,
    LabelKey,
)
from runbook.names import shown


class DefaultRoutingPage(ListPage, page="default_routing"):
    """Apps > Google Workspace > Gmail > Default routing: its settings, in priority order."""

    name_column_key = "col_description"
    table_key = "default_rules_table"
    delete_title_key = "delete_rule_title"

    def open_add(self) -> DefaultRuleDialog:
        """Press "Configure" (first setting) or "Add another rule"; the empty dialog."""
        labels = self.labels
        with translated(self.page, "opening the Add setting dialog"):
            self.wait_ready()
            section = by_role(self.page, "region", "default_routing_heading", labels, exact=False)
            configure = by_role(section, "button", "configure", labels)
            another = by_role(section, "button", "add_another_rule", labels)
            configure.or_(another).first.click()
            dialog = DefaultRuleDialog(self, "rule_dialog")
            dialog.wait_open()
        return dialog

    def open_edit(self, description: str) -> DefaultRuleDialog:
        """Press Edit on the setting with this description; the dialog, filled in."""
        with translated(self.page, f"opening setting {description!r}"):
            self.wait_ready()
            self.click_edit(description)
            dialog = DefaultRuleDialog(self, "rule_dialog_edit")
            expect(dialog.description_box).not_to_have_value("")
        return dialog

    def _switch(self, description: str) -> Locator:
        return by_role(self.row(description), "switch", "rule_enabled", self.labels)

    def is_enabled(self, description: str) -> bool:
        """Whether the setting with this description is on."""
        with translated(self.page, f"reading whether setting {description!r} is on"):
            return self._switch(description).get_attribute("aria-checked") == "true"

    def set_enabled(self, description: str, enabled: bool) -> None:
        """Turn the setting with this description on or off (a save of its own)."""
        what = f"the state of setting {description!r}"
        self.guard.allow(f"{'enable' if enabled else 'disable'} setting {description!r}")
        with translated(self.page, f"switching setting {description!r}"):
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


class DefaultRuleDialog(Dialog):
    """The "Add setting" dialog of Default routing (also used to edit a setting).

    Modify message's option groups are read and filled by `_modify_fields` / `_fill_modify`:
    today the Route group; the Routing dialog's other groups plug in there.
    """

    def __init__(self, owner: DefaultRoutingPage, title: LabelKey) -> None:
        super().__init__(owner, title)
        labels, root = self.labels, self.root
        self.description_box = by_role(root, "textbox", "rule_description", labels)
        self.recipients_menu = by_role(root, "combobox", "recipients_menu", labels, exact=False)
        self.action_menu = by_role(root, "combobox", "dr_action_menu", labels, exact=False)
        self.notice_box = by_role(root, "textbox", "rejection_notice", labels)
        route_group = by_role(root, "group", "route_group", labels)
        self.change_route_box = by_role(route_group, "checkbox", "change_route", labels)
        self.route_menu = by_role(route_group, "combobox", "route_menu", labels, exact=False)
        self.apply_to = {
            value: by_role(root, "radio", key, labels) for value, key in APPLY_TO_KEYS.items()
        }

    def _value_box(self, match: str) -> Locator:
        return by_role(self.root, "textbox", DEFAULT_MATCH_VALUE_KEYS[match], self.labels)

    # --- reading ------------------------------------------------------------------------------
    def _modify_fields(self, snap: AriaNode, action: str) -> dict[str, Any]:
        """The Modify message groups' fields (defaults when the action is Reject message)."""
        labels = self.labels
        change_route = None
        group = snap.find("group", labels.names("route_group"))
        routed = group is not None and group.is_checked(labels.names("change_route"))
        if action == "modify_message" and group is not None and routed:
            chosen = group.text_of("combobox", labels.names("route_menu"))
            change_route = None if labels.matches("normal_routing", chosen) else shown(chosen)
        return {"change_route": change_route}

    def _fields(self, snap: AriaNode) -> dict[str, Any]:
        labels = self.labels
        shown_match = snap.text_of("combobox", labels.names("recipients_menu"))
        match = labels.value_of(DEFAULT_MATCH_KEYS, shown_match) or shown_match
        # The field's own value: a pattern's spaces are significant, and the snapshot
        # collapses them.
        value = self._value_box(match).input_value() if match in DEFAULT_MATCH_VALUE_KEYS else None
        shown_action = snap.text_of("combobox", labels.names("dr_action_menu"))
        action = labels.value_of(ACTION_KEYS, shown_action) or shown_action
        notice = None
        if action == "reject_message":
            notice = self.notice_box.input_value().strip() or None
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
            "action": action,
            "rejection_notice": notice,
            **self._modify_fields(snap, action),
            "apply_to": apply_to,
        }

    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape (without `enabled`)."""
        with translated(self.page, "reading the Add setting dialog"):
            return self._fields(self.snapshot())

    @doing("reading the routes the Change route menu offers")
    def route_names(self) -> list[str]:
        """The routes the "Change route" menu offers (without "Normal routing")."""
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
    def _fill_modify(self, snap: AriaNode, want: dict[str, Any], have: dict[str, Any]) -> None:
        """Make the Modify message groups show `want` (today: the Route group)."""
        labels = self.labels
        route = want.get("change_route")
        group = snap.find("group", labels.names("route_group"))
        box_checked = group is not None and group.is_checked(labels.names("change_route"))
        self.set_checked(self.change_route_box, route is not None, box_checked)
        if route is not None and have["change_route"] != shown(route):
            choose(self.page, self.route_menu, route)

    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        labels = self.labels
        with translated(self.page, "filling the Add setting dialog"):
            snap = self.snapshot()
            have = self._fields(snap)
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
            if have["action"] != want["action"]:
                choose(self.page, self.action_menu, labels.names(ACTION_KEYS[want["action"]]))
                snap = self.snapshot()  # the options under the action change with it
            if want["action"] == "modify_message":
                self._fill_modify(snap, want, have)
            else:
                self.set_text(self.notice_box, want.get("rejection_notice") or "")
            if have["apply_to"] != want["apply_to"]:
                self.apply_to[want["apply_to"]].check()
