"""`runbook probe` of `form` steps: each form's page, section, dialog button, controls and Save,
looked for read-only by the names the runbook (and a labels file's `form:` table) gives.

A form's page is opened by its path at the top OU; the dialog `open:` names is opened and
cancelled. A name not found is `Missing` with `form=True`: its key is the runbook's name (as
a labels file's `form:` table takes it), its candidates the unknown names of that role there.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

from runbook.console.aria import parse
from runbook.console.failures import translated
from runbook.console.forms import FormControl, FormPage
from runbook.console.guard import WriteGuard
from runbook.console.probe import SETTLE_MS, Missing, Prober, candidates
from runbook.console.widgets import wait_loaded
from runbook.file.form import Form, Name, name_in, names_in


class FormProbe:
    """One form of a runbook, looked for by `prober` (its report gets what was found)."""

    def __init__(self, prober: Prober, form: Form) -> None:
        self.prober = prober
        self.form = form
        labels = prober.labels
        self.where = form.page.path

        def names(name: Name | None) -> tuple[str, ...] | None:
            return None if name is None else names_in(name, labels)

        self.page = FormPage(
            prober.page,
            labels,
            WriteGuard(read_only=True, mode="probe"),
            prober.shell.hazards,
            section=names(form.section),
            opened=names(form.open),
            save=names(form.save) if form.saves else None,
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
        if form.open is not None:
            if not self._note(form.open, "button", page.opener()):
                return self._unreached()
            with translated(self.prober.page, f"opening the dialog of {form.name!r}"):
                page.open()
        for control in form.controls:
            names = names_in(control.name, self.prober.labels)
            self._note(control.name, control.role, page.control(FormControl(control.role, names)))
        if form.saves and form.save is not None:
            self._note(form.save, "button", page.save_button())
        with translated(self.prober.page, f"closing the dialog of {form.name!r}"):
            page.close()

    def _note(self, name: Name, role: str, found: Locator | None) -> bool:
        """Whether the control shows (given a moment); noted found or missing in the report."""
        written = name_in(name, self.prober.labels.locale)
        report = self.prober.report
        try:
            assert found is not None
            expect(found.first).to_be_attached(timeout=SETTLE_MS)
        except (AssertionError, PlaywrightError):
            tried = names_in(name, self.prober.labels)
            report.missing.append(
                Missing(written, role, self.where, list(tried), self._candidates(role, tried), True)
            )
            return False
        report.found.append((written, self.where))
        return True

    def _candidates(self, role: str, tried: tuple[str, ...]) -> list[str]:
        scope = self.page.scope if self.prober.page.get_by_role("dialog").count() else None
        where = scope if scope is not None else self.prober.page.get_by_role("main")
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
        locale = self.prober.labels.locale
        for control in self.form.controls:
            self.prober.report.unreached.append((name_in(control.name, locale), self.where))


def probe_forms(prober: Prober, forms: list[Form]) -> None:
    """Look for each form's names, in order (each page once per form)."""
    for form in forms:
        FormProbe(prober, form).walk()
