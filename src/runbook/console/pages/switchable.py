"""A list page whose rows each have an on/off switch, and its "Add setting" dialog.

Shared by Routing and Default routing: Configure / Add another rule opens the dialog, each
row's Edit opens it filled in, and the row's switch saves at once (`set_enabled`).
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from playwright.sync_api import Locator, Page, expect

from runbook.console.aria import AriaNode
from runbook.console.failures import doing, on_sign_in, translated
from runbook.console.hazards import sign_in_heading
from runbook.console.locate import by_role
from runbook.console.page import Dialog, ListPage, WriteWatch, raise_refusal
from runbook.console.pages.message_options import UNMODELED, MessageOptions
from runbook.console.widgets import choose
from runbook.errors import ConsoleChanged, SignInRequired
from runbook.locales import LabelKey, Role
from runbook.locales.values.message_options import ACTION_KEYS
from runbook.names import placed, shown

D = TypeVar("D", bound="SettingDialog")
# The buttons that open the Add setting dialog: one of them shows (for a probe walk's `Look`).
ADD_KEYS: tuple[LabelKey, ...] = ("configure", "add_another_rule")


class SwitchableList(ListPage, Generic[D]):
    """Entries with an on/off switch on their row and one dialog to add or edit them.

    A subclass names its dialog class (`dialog_type`) and how messages name an entry (`noun`).
    """

    noun: ClassVar[str] = "rule"

    def _dialog(self, title: LabelKey) -> D:
        """The page's Add setting dialog, with this title."""
        raise NotImplementedError

    def _add_area(self) -> Page | Locator:
        """Where Configure / Add another rule are (the page's block, by default)."""
        return self.scope

    def open_add(self) -> D:
        """Press "Configure" (first entry) or "Add another rule"; the empty dialog."""
        labels = self.labels
        with translated(self.page, "opening the Add setting dialog"):
            self.wait_ready()
            area = self._add_area()
            by_role(area, "button", ADD_KEYS, labels).first.click()
            dialog = self._dialog("rule_dialog")
            dialog.wait_open()
        return dialog

    def open_edit(self, description: str) -> D:
        """Press Edit on the entry with this description; the dialog, filled in."""
        with translated(self.page, f"opening {self.noun} {description!r}"):
            self.wait_ready()
            self.click_edit(description)
            dialog = self._dialog("rule_dialog_edit")
            dialog.wait_open()
            expect(dialog.description_box).not_to_have_value("")
        return dialog

    # --- local and inherited rows -------------------------------------------------------------
    # In a child OU the list shows the entries inherited from its parents too, their status
    # cell saying so ("Inherited"); every other row is the OU's own, whatever its status says
    # ("Locally applied", "Overridden"). The same description may be in both.

    def _inherited_cell(self) -> Locator:
        return by_role(self.page, "cell", "status_inherited", self.labels)

    def row(self, name: str) -> Locator:
        """The row of this OU's own entry with this name (never an inherited one)."""
        return super().row(name).filter(has_not=self._inherited_cell())

    def inherited_row(self, name: str) -> Locator:
        """The row of the entry with this name inherited from a parent OU."""
        return super().row(name).filter(has=self._inherited_cell())

    def _row(self, description: str, inherited: bool) -> Locator:
        return self.inherited_row(description) if inherited else self.row(description)

    @doing("reading the inherited entries of the {self.info.name} list")
    def inherited_names(self) -> list[str]:
        """The names of the entries inherited from parent OUs, in console order."""
        return [name for name, inherited in self.rows("status_inherited") if inherited]

    @doing("reading the {self.info.name} list")
    def names(self) -> list[str]:
        """The names of this OU's own entries (inherited ones left out), in console order."""
        return [name for name, inherited in self.rows("status_inherited") if not inherited]

    @doing("looking for the inherited {name!r} in the {self.info.name} list")
    def inherited_count(self, name: str) -> int:
        """How many entries with this name the list shows inherited from parent OUs (two
        ancestors may each have one)."""
        return self.inherited_names().count(shown(name))

    def _switch(self, description: str, inherited: bool = False) -> Locator:
        return by_role(self._row(description, inherited), "switch", "rule_enabled", self.labels)

    def is_enabled(self, description: str, *, inherited: bool = False) -> bool:
        """Whether the entry with this description (an inherited one: `inherited`) is on."""
        with translated(self.page, f"reading whether {self.noun} {description!r} is enabled"):
            return self._switch(description, inherited).get_attribute("aria-checked") == "true"

    def set_enabled(
        self,
        description: str,
        enabled: bool,
        *,
        inherited: bool = False,
        org_unit: str | None = None,
    ) -> None:
        """Turn the entry with this description on or off (a save of its own); `inherited`:
        the one inherited from a parent OU, switched in this OU only; `org_unit`: the OU the
        page shows, named in errors."""
        what = placed(f"the state of {self.noun} {description!r}", org_unit)
        self.guard.allow(f"{'enable' if enabled else 'disable'} {self.noun} {description!r}")
        with translated(self.page, f"switching {self.noun} {description!r}"):
            self.reloading()
            watch = WriteWatch(self.page)
            try:
                self._switch(description, inherited).click()
                done = by_role(
                    self._row(description, inherited),
                    "switch",
                    "rule_enabled",
                    self.labels,
                    checked=enabled,
                )
                refused = self.page.get_by_role("alert")
                sign_in = sign_in_heading(self.page, self.labels)
                expect(done.or_(refused).or_(sign_in).first).to_be_visible()
                if on_sign_in(self.page) or sign_in.is_visible():
                    raise SignInRequired(f"the console asked for sign-in while saving {what}")
                if not done.count():
                    raise_refusal(self.labels, what, refused.all_inner_texts(), watch)
            finally:
                watch.stop()


class SettingDialog(Dialog):
    """An "Add setting" dialog: a description, Modify / Reject message and their options.

    A subclass names the label key of its action menu (`action_key`); `MessageOptions`
    reads and fills what the action does to a message, Change route included.
    """

    action_key: ClassVar[LabelKey] = "action_menu"

    def __init__(self, owner: ListPage, title: LabelKey) -> None:
        super().__init__(owner, title)
        labels = self.labels
        self.description_box = by_role(self.root, "textbox", "rule_description", labels)
        self.action_menu = by_role(self.root, "combobox", self.action_key, labels, exact=False)
        self.options = MessageOptions(self)

    def fill(self, want: dict[str, Any]) -> None:
        """Make the dialog show `want`, touching only the fields that differ."""
        raise NotImplementedError

    def _action(self, snap: AriaNode) -> str:
        """The action the dialog shows (its runbook value)."""
        shown_action = snap.text_of("combobox", self.labels.names(self.action_key))
        return self.labels.value_of(ACTION_KEYS, shown_action) or shown_action

    def _message_fields(self, snap: AriaNode) -> dict[str, Any]:
        """The action and every option it has, and the set controls runbook does not know."""
        action = self._action(snap)
        unmodeled = self.options.unknown(snap)
        return {
            "action": action,
            **self.options.read(snap, action),
            **({UNMODELED: unmodeled} if unmodeled else {}),
        }

    def route_names(self) -> list[str]:
        """The routes the "Change route" menu offers (without "Normal routing")."""
        with translated(self.page, "reading the routes the Change route menu offers"):
            return self.options.route_names(self.action_menu)

    def _refuse_unmodeled(self, have: dict[str, Any]) -> None:
        """Saving over an option runbook does not model would lose it: refuse."""
        if have.get(UNMODELED):
            raise ConsoleChanged(
                f"the {self.title} dialog shows an option runbook does not model, set: "
                f"{', '.join(repr(n) for n in have[UNMODELED])}; saving it would lose that "
                "option, so nothing was saved (update runbook, or clear the option in the "
                "console)"
            )

    def _fill_message(self, snap: AriaNode, want: dict[str, Any], have: dict[str, Any]) -> None:
        """Choose the wanted action and make its options show `want`."""
        if have["action"] != want["action"]:
            choose(self.page, self.action_menu, self.labels.names(ACTION_KEYS[want["action"]]))
            snap = self.snapshot()  # the options under the action change with it
            have = {**have, **self.options.read(snap, want["action"])}
        self.options.fill(snap, want, have)


# The roles of the label keys the switchable lists share (Routing, Default routing).
ROLES: dict[LabelKey, Role] = {
    "status_inherited": "cell",  # status of a rule inherited from a parent OU
    "status_local": "cell",  # status of a rule set in this OU (either wording)
    "col_description": "columnheader",  # of the rules table
    "delete_rule_title": "alertdialog",
    "configure": "button",  # no rule yet
    "add_another_rule": "button",
    "rule_enabled": "switch",  # in a rule row
    "rule_dialog": "dialog",
    "rule_dialog_edit": "dialog",  # when editing
    "rule_description": "textbox",
    "action_menu": "combobox",  # section 2
    "match_value_single_address": "textbox",
    "match_value_pattern": "textbox",
    "match_value_group": "textbox",
}
