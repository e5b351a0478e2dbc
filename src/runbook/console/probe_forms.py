"""`runbook probe` of `form` steps: each form's page, section, dialog button, controls and Save,
looked for read-only by the names the runbook (and a labels file's `form:` table) gives.

A form's page is opened by its path at the top OU; the dialog `open:` names is opened and
cancelled. A name not found is `Missing` with `form=True`: its key is the runbook's name (as
a labels file's `form:` table takes it), its candidates the unknown names of that role there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

from runbook.console.aria import parse
from runbook.console.failures import translated
from runbook.console.forms import FormControl, FormPage, FormRole
from runbook.console.guard import WriteGuard
from runbook.console.probe import SETTLE_MS, Missing, Prober, candidates
from runbook.console.widgets import wait_loaded


@dataclass(frozen=True)
class Named:
    """A name a form step writes: as written in the run's language (a labels file's `form:`
    key), and the names looked for (the labels file's first)."""

    written: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class FormToProbe:
    """What a form step names, in plain values (the engine builds it from the step)."""

    name: str
    path: str
    section: Named | None = None
    opened: Named | None = None
    save: Named | None = None  # a Save the runbook names (None: the console's, or none)
    saves: bool = True
    controls: list[tuple[FormRole, Named]] = field(default_factory=list)


class FormProbe:
    """One form of a runbook, looked for by `prober` (its report gets what was found)."""

    def __init__(self, prober: Prober, form: FormToProbe) -> None:
        self.prober = prober
        self.form = form
        self.where = form.path

        def names(name: Named | None) -> tuple[str, ...] | None:
            return None if name is None else name.names

        self.page = FormPage(
            prober.page,
            prober.labels,
            WriteGuard(read_only=True, mode="probe"),
            prober.shell.hazards,
            section=names(form.section),
            opened=names(form.opened),
            save=names(form.save),
            saves=form.saves,
        )

    def walk(self) -> None:
        """Look for the section, the dialog's button, each control and the Save; the dialog
        cancelled."""
        form, page = self.form, self.page
        with translated(self.prober.page, f"opening {self.where}"):
            self.prober.shell.open_path(self.where, "/")
            wait_loaded(self.prober.page, self.prober.labels)
        if self.prober.capture is not None:
            self.prober.capture(self.prober.page, f"form {form.name}")
        if form.section is not None and not self._note(form.section, "region", page.region):
            return self._unreached()
        if form.opened is not None:
            if not self._note(form.opened, "button", page.opener()):
                return self._unreached()
            with translated(self.prober.page, f"opening the dialog of {form.name!r}"):
                page.open()
        for role, control in form.controls:
            self._note(control, role, page.control(FormControl(role, control.names)))
        if form.save is not None:
            self._note(form.save, "button", page.save_button())
        with translated(self.prober.page, f"closing the dialog of {form.name!r}"):
            page.close()

    def _note(self, name: Named, role: str, found: Locator | None) -> bool:
        """Whether the control shows (given a moment); noted found or missing in the report."""
        report = self.prober.report
        try:
            assert found is not None
            expect(found.first).to_be_attached(timeout=SETTLE_MS)
        except (AssertionError, PlaywrightError):
            report.missing.append(
                Missing(
                    name.written,
                    role,
                    self.where,
                    list(name.names),
                    self._candidates(role, name.names),
                    form=True,
                )
            )
            return False
        report.found.append((name.written, self.where))
        return True

    def _candidates(self, role: str, tried: tuple[str, ...]) -> list[str]:
        """The unknown names of that role in the opened dialog, else in the page's main area."""
        opened = self.prober.page.get_by_role("dialog").count() > 0
        where = self.page.scope if opened else self.prober.page.get_by_role("main")
        try:
            tree = parse(where.aria_snapshot())
        except PlaywrightError:
            return []
        roles = ("region", "group") if role == "region" else (role,)
        found: list[str] = []
        for each in roles:
            found += candidates(tree, each, tried, {t.lower() for t in tried})
        return found[:3]

    def _unreached(self) -> None:
        """The form's controls behind a section or button that is not there."""
        for _, control in self.form.controls:
            self.prober.report.unreached.append((control.written, self.where))


def probe_forms(prober: Prober, forms: list[FormToProbe]) -> None:
    """Look for each form's names, in order (each page once per form)."""
    for form in forms:
        FormProbe(prober, form).walk()
