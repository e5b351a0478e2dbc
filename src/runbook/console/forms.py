"""A settings form on any console page (the `form` step): its controls found by role and the
accessible names a runbook gives, read, set, saved; its section's Inherited / Override / Inherit.

The names are the runbook's (in the run's locale, a labels file's first), matched as the
console shows them: case aside, runs of whitespace as one. The section (a region or group so
named; else the page's main area) holds the status, Override / Inherit and the button that
opens a dialog; the controls, Cancel and Save are in the section, or in the dialog that button
opened. A control that is not there fails with what is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from playwright.sync_api import Locator, Page, expect

from runbook.console.aria import parse
from runbook.console.failures import doing
from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.locate import accessible_name, by_role
from runbook.console.widgets import choose, current_choice, wait_loaded
from runbook.errors import ConsoleChanged, SaveRejected
from runbook.locales import Labels
from runbook.names import shown

FormRole = Literal["textbox", "checkbox", "radio", "switch", "combobox"]
CONTROL_ROLES = ("textbox", "checkbox", "radio", "switch", "combobox", "button", "radiogroup")


@dataclass(frozen=True)
class FormControl:
    """A control as the step hands it over: its role and the names it may have in the run's
    locale (a labels file's first), and for a menu the option's names it accepts."""

    role: FormRole
    names: tuple[str, ...]
    option: tuple[str, ...] | None = None

    @property
    def name(self) -> str:
        return self.names[0]


class FormPage:
    """A settings form: `section` (a region or group by any of these names), or the dialog
    `opened` by a button; `save`: its Save button's names (None: the console's Save, from the
    catalogue); `saves`: False for a page that saves each change (no Save pressed)."""

    def __init__(
        self,
        page: Page,
        labels: Labels,
        guard: WriteGuard,
        hazards: Hazards,
        *,
        section: tuple[str, ...] | None,
        opened: tuple[str, ...] | None,
        save: tuple[str, ...] | None,
        saves: bool = True,
    ) -> None:
        self.page = page
        self.labels = labels
        self.guard = guard
        self.hazards = hazards
        self.section = section
        self.opened = opened
        self.saves = saves
        save_names = save if save is not None else labels.names("save")
        self.save_names = accessible_name(save_names)
        if section is not None:
            name = accessible_name(section)
            self.region: Locator = (
                page.get_by_role("region", name=name)
                .or_(page.get_by_role("group", name=name))
                .first
            )
        else:
            self.region = page.get_by_role("main")
        self.dialogs = page.get_by_role("dialog")
        self.scope: Locator = self.dialogs.last if opened is not None else self.region
        self.where = f"section {section[0]!r}" if section else "the page"
        if opened is not None:
            self.where = f"the dialog of {opened[0]!r} in {self.where}"

    # --- finding ----------------------------------------------------------------------------

    @doing("waiting for {self.where} of the form")
    def wait_ready(self) -> None:
        """Wait for the page's loading to end and the form's section to show."""
        self.hazards.wait_for(self.page, self.region)
        wait_loaded(self.page, self.labels)

    def opener(self) -> Locator:
        assert self.opened is not None
        return self.region.get_by_role("button", name=accessible_name(self.opened)).first

    @doing("opening {self.where}")
    def open(self) -> None:
        """Press the button that opens the form's dialog (a form that names one), and wait
        for the dialog."""
        if self.opened is None or self.dialogs.count():
            return
        self.opener().click()
        self.hazards.wait_for(self.page, self.scope)

    @doing("closing {self.where}")
    def close(self) -> None:
        """Leave the form's dialog without saving (Cancel), when it is open."""
        if self.opened is None or not self.dialogs.count():
            return
        self.cancel_button().click()
        expect(self.dialogs).to_have_count(0)

    def control(self, control: FormControl) -> Locator:
        return self.scope.get_by_role(control.role, name=accessible_name(control.names))

    @doing("looking for the form's controls in {self.where}")
    def missing(self, controls: list[FormControl]) -> list[FormControl]:
        """The controls the section does not show."""
        return [c for c in controls if self.control(c).count() != 1]

    @doing("reading what {self.where} shows")
    def candidates(self) -> list[str]:
        """Every named control in the section, as `role "name"` (for a message)."""
        tree = parse(self.scope.aria_snapshot())
        return [
            f'{node.role} "{node.name}"'
            for role in CONTROL_ROLES
            for node in tree.find_all(role)
            if node.name
        ]

    def not_found(self, missing: list[FormControl]) -> ConsoleChanged:
        there = "; ".join(self.candidates()) or "no named control"
        names = ", ".join(f'{c.role} "{c.name}"' for c in missing)
        return ConsoleChanged(
            f"the console shows no {names} in {self.where} of {self.page.url} (it shows: {there})",
            locator=names,
            url=self.page.url,
        )

    # --- reading ----------------------------------------------------------------------------

    @doing("reading the form's controls")
    def read(self, control: FormControl) -> Any:
        """What the control shows: its text, whether it is on, or the option chosen."""
        found = self.control(control)
        if control.role == "textbox":
            return found.input_value()
        if control.role == "combobox":
            return current_choice(found)
        return found.is_checked()

    @doing("reading the status of {self.where}")
    def inherited(self) -> bool:
        """Whether the section shows its values as inherited from a parent OU."""
        status = self.region.get_by_role("status")
        if status.count() == 0:
            return False
        names = self.labels.names("status_inherited")
        text = shown(status.first.inner_text()).casefold()
        return any(n.casefold() == text for n in names)

    @doing("looking for Override in {self.where}")
    def overridable(self) -> bool:
        """Whether the section has an Override to press before its controls can change (a
        section edited in a dialog, or saved on each change, is overridden by saving it)."""
        return by_role(self.region, "button", "settings_override", self.labels).count() > 0

    def settle(self) -> None:
        """Wait for the section's busy indicator to go: the console has answered."""
        expect(self.scope.get_by_role("progressbar")).to_have_count(0)

    # --- the escape hatch: guarded actions in the section, or on the page -------------------

    def element(
        self,
        role: str,
        names: tuple[str, ...],
        checked: bool | None = None,
        disabled: bool | None = None,
    ) -> Locator:
        """An element an action or its guard names: in the section (or the opened dialog)
        when the form names one, else anywhere on the page."""
        where: Page | Locator = self.scope if self.section or self.opened else self.page
        found = where.get_by_role(
            role,  # type: ignore[arg-type]
            name=accessible_name(names),
            checked=checked,
            disabled=disabled,
        )
        return found.first

    @doing("looking for {what}")
    def shows(self, element: Locator, what: str) -> bool:
        """Whether the page shows the element now (a guard: no waiting)."""
        return element.is_visible()

    @doing("waiting for {what}")
    def expect_shown(self, element: Locator, what: str) -> None:
        """Wait for the element (an `expect` action); the page's sign-in counts as an answer."""
        self.hazards.wait_for(self.page, element)

    @doing("{verb} {what}")
    def act(self, verb: str, element: Locator, what: str, value: Any = None) -> None:
        """Carry out one guarded write of the escape hatch: click, fill, check or choose."""
        self.guard.allow(f"{verb} {what}")
        if verb == "click":
            element.click()
        elif verb == "fill":
            element.fill(str(value))
        elif verb == "check":
            element.set_checked(bool(value))
        else:
            choose(self.page, element, value if isinstance(value, tuple) else str(value))
        # What it set off (a save, a panel loading) ends before anything else is read.
        self.settle()

    # --- changing ---------------------------------------------------------------------------

    @doing("pressing Override in {self.where}")
    def override(self) -> None:
        """Override an inherited section: its controls become editable (saved with Save)."""
        button = by_role(self.region, "button", "settings_override", self.labels)
        if button.count() == 0:
            return  # overriding already (an action of the runbook pressed it)
        self.guard.allow(f"override {self.where}")
        button.click()
        expect(by_role(self.region, "button", "settings_override", self.labels)).to_have_count(0)

    @doing("setting a control of {self.where}")
    def set(self, control: FormControl, value: Any) -> None:
        """Make the control show `value` (only when it does not already)."""
        found = self.control(control)
        if control.role == "textbox":
            if found.input_value() != value:
                found.fill(str(value))
        elif control.role == "combobox":
            choose(self.page, found, control.option or str(value))
        elif control.role == "radio":
            if value and not found.is_checked():
                found.check()
        elif found.is_checked() != bool(value):
            found.set_checked(bool(value))

    def save_button(self) -> Locator | None:
        if not self.saves:
            return None
        return self.scope.get_by_role("button", name=self.save_names).last

    def cancel_button(self) -> Locator:
        return by_role(self.scope, "button", "cancel", self.labels).last

    @doing("saving {what}")
    def save(self, what: str) -> None:
        """Press Save; wait until the section is saved (its busy indicator gone, Save disabled:
        nothing left to save; a dialog: closed) or refused (an alert in the section or dialog:
        `SaveRejected` with the console's words). A page that saves each change (`saves`
        False): wait for the last change's save to end, refused or not."""
        button = self.save_button()
        self.guard.allow(f"save {what}")
        refused = self.scope.get_by_role("alert")
        if button is None:
            self.settle()
        else:
            expect(button).to_be_enabled()
            button.click()
            # saved: nothing is left to save (Save is disabled while saving too: hence the busy
            # indicator below, whose end is the console's answer); a dialog closes, and the
            # page behind it shows again
            done = (
                self.opener()
                if self.opened is not None
                else self.scope.get_by_role("button", name=self.save_names, disabled=True)
            )
            self.hazards.wait_for(self.page, refused.or_(done).first)
            self.settle()
        if refused.count():
            message = " ".join(refused.first.inner_text().split())
            raise SaveRejected(f"the console refused to save {what}: {message}")
        if self.opened is not None:
            expect(self.dialogs).to_have_count(0)

    @doing("cancelling the changes in {self.where}")
    def cancel(self) -> None:
        """Leave the section as it was: Cancel when something was changed."""
        button = self.cancel_button()
        if button.count() and button.is_enabled():
            button.click()

    @doing("pressing Inherit in {self.where}")
    def inherit(self, what: str) -> None:
        """Return the section to its parent's values (Inherit, then the confirmation)."""
        self.guard.allow(f"inherit {what}")
        by_role(self.region, "button", "settings_inherit", self.labels).click()
        confirm = by_role(self.page, "alertdialog", "settings_inherit_title", self.labels).or_(
            by_role(self.page, "dialog", "settings_inherit_title", self.labels)
        )
        self.hazards.wait_for(self.page, confirm.first)
        by_role(confirm.first, "button", "settings_inherit", self.labels).click()
        expect(confirm).to_have_count(0)
        inherited = accessible_name(self.labels.names("status_inherited"))
        expect(self.region.get_by_role("status").first).to_have_text(inherited)
