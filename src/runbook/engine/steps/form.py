"""The `form` step: any console settings form, read, compared, set where it differs, saved once.

The page, section and controls come from the runbook (`file/form.py`), by role and accessible
name; the plan names each control with its value before and after. In a child OU a section
shown as Inherited is overridden only when a value differs; `inherit: true` returns it to the
parent's values. A form in a dialog (`open:`) is read there, and the dialog cancelled unless
saved. Dry runs fill and cancel (an inherited section is not overridden to do so; a page that
saves each change is not touched, and the message names what was not changed); drift reads
and reports.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any, cast

from runbook.console.forms import FormControl, FormPage
from runbook.engine.plan import Plan, convergence
from runbook.engine.steps.base import StepType
from runbook.errors import RunbookError, StepFailed
from runbook.file import Step
from runbook.file.form import Control, Form, names_in
from runbook.names import placed, shown

INHERIT_FIELD = "(section)"


class FormStep(StepType[Any, Any]):
    """Set the controls of one console form (or return its section to the parent's values)."""

    kind = "form"
    unmanaged_key = ""  # a form is no list: nothing of it is "unmanaged"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form_page: FormPage | None = None
        self.filled = False  # controls were changed in the page, not saved yet

    @classmethod
    def plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """Each control (or the section's inheritance) that differs: an update."""
        return convergence(have, step.resource.console_fields())

    @property
    def form(self) -> Form:
        return cast(Form, self.step.resource)

    def controls(self) -> list[FormControl]:
        labels = self.ctx.labels
        return [
            FormControl(
                c.role,
                names_in(c.name, labels),
                names_in(c.option, labels) if c.option is not None else None,
            )
            for c in self.form.controls
        ]

    def execute(self) -> None:
        ctx, form = self.ctx, self.form
        ctx.say(f"Open {form.page.path} for the form {form.name!r}")
        ctx.shell.open_path(form.page.path, self.org_unit)
        labels = ctx.labels
        page = self.form_page = FormPage(
            ctx.page,
            labels,
            ctx.guard,
            ctx.shell.hazards,
            section=names_in(form.section, labels) if form.section is not None else None,
            opened=names_in(form.open, labels) if form.open is not None else None,
            save=names_in(form.save, labels) if form.save is not None and form.saves else None,
            saves=form.saves,
        )
        page.wait_ready()
        inherited = self.org_unit not in ("", "/") and page.inherited()
        overridable = inherited and page.overridable()  # else saving overrides it
        if not form.inherit:
            page.open()
        if ctx.read_only:
            ctx.look_ahead()
        acted = self._actions(page)
        controls = self.controls()
        missing = page.missing(controls)
        if missing:
            raise page.not_found(missing)
        have = acted | self._read(page, controls, inherited)
        plan = self.plan(self.step, have)
        if ctx.observe is not None:
            ctx.observe(self.result.index, have, plan)
        self.result.changes = list(plan.changes)
        self.result.action = plan.action
        self.result.details["inherited"] = inherited
        if plan.action == "none":
            ctx.known[self.kind].add(shown(form.name))
        elif ctx.mode == "drift":
            self._drift(plan)
        elif ctx.mode == "dry-run":
            self._rehearse(page, controls, plan, overridable)
        else:
            self._apply(page, controls, plan, overridable)
        page.close()  # a dialog not saved: cancelled

    def _actions(self, page: FormPage) -> dict[str, str]:
        """The escape hatch, before the controls: each `expect` waited for (unless a write
        before it was only noted); each write whose guard says it is needed done (apply) or
        only noted (dry run, drift). Each write as the
        plan names it: "not done" when it was needed, "done" when its guard said not."""
        labels, state = self.ctx.labels, {}
        skipped = False  # a write not done (dry run, drift): what follows may not hold
        for action in self.form.actions:
            target = action.target
            what = target.shown()
            element = page.element(
                target.role, names_in(target.name, labels), target.checked, target.disabled
            )
            if action.verb == "expect":
                if not skipped:
                    page.expect_shown(element, what)
                continue
            guard = action.when or action.unless
            assert guard is not None, "a write action has its guard (checked on load)"
            there = page.shows(
                page.element(
                    guard.role, names_in(guard.name, labels), guard.checked, guard.disabled
                ),
                guard.shown(),
            )
            needed = there if action.when is not None else not there
            state[action.field] = "not done" if needed else "done"
            if not needed:
                continue
            if self.ctx.mode != "apply":
                skipped = True
                continue
            value: Any = {
                "fill": action.value,
                "check": action.checked,
                "choose": names_in(action.option, labels) if action.option is not None else None,
            }.get(action.verb)
            self.save_sent = True
            page.act(action.verb, element, what, value)
        return state

    def _read(self, page: FormPage, controls: list[FormControl], inherited: bool) -> dict[str, Any]:
        """What each control shows, named as the plan names it (a menu's option as the
        runbook names it when the console shows one of its names)."""
        if self.form.inherit:
            return {INHERIT_FIELD: "inherited" if inherited else "overridden"}
        have: dict[str, Any] = {}
        for spec, control in zip(self.form.controls, controls, strict=True):
            value = page.read(control)
            if spec.role == "combobox" and _same_option(value, spec, control):
                value = spec.wanted
            have[spec.field] = value
        return have

    def _what(self) -> str:
        return placed(f"the form {self.form.name!r}", self.result.org_unit)

    def _drift(self, plan: Plan) -> None:
        self.ctx.checkpoint(self.result, "live")
        self.result.status = "drift"
        if self.form.inherit:
            self.result.message = (
                f"the section is overridden in {self.org_unit}; the runbook says inherit"
            )
            return
        differing = ", ".join(c.field for c in plan.changes)
        self.result.message = f"{differing} differ{'s' if len(plan.changes) == 1 else ''}"

    def _rehearse(
        self, page: FormPage, controls: list[FormControl], plan: Plan, overridable: bool
    ) -> None:
        self.result.status = "would_change"
        skipped = [c.field for c in plan.changes if c.before == "not done"]
        changing = self._control_changes(plan)
        if changing and not self.form.saves:
            skipped.append(f"change {', '.join(changing)} (the page saves each change)")
        if skipped:
            self.result.message = f"dry run: did not {'; '.join(skipped)}"
        if not changing:
            return
        if self.form.inherit or overridable or not self.form.saves:
            # Overriding, or a page that saves each change, would write: shown, not filled.
            self.ctx.checkpoint(self.result, "live")
            return
        self._set_controls(page, controls, plan)
        self.ctx.checkpoint(self.result, "filled")
        self.ctx.say("Dry run: cancel instead of saving", page.cancel_button())
        page.cancel()
        self.filled = False

    def _apply(
        self, page: FormPage, controls: list[FormControl], plan: Plan, overridable: bool
    ) -> None:
        what = self._what()
        if self.form.inherit:
            self.ctx.say(f"Inherit {what}")
            self.save_sent = True
            page.inherit(what)
            self.result.status = "changed"
            self.ctx.checkpoint(self.result, "saved")
            return
        if overridable:
            self.ctx.say(f"Override {what}")
            page.override()
            self.filled = True
        if not self._control_changes(plan):
            self.result.status = "changed"  # the actions were the change
            return
        if not self.form.saves:
            page.guard.allow(f"change {what} (the page saves each change)")
        self._set_controls(page, controls, plan)
        self.ctx.checkpoint(self.result, "filled")
        if self.form.saves:
            self.ctx.say(f"Save {what}", page.save_button())
        self.save_sent = True
        page.save(what)
        self.filled = False
        self.result.status = "changed"
        self.ctx.look_ahead()
        page.open()  # a dialog closes once saved: read back in it again
        have = self._read(page, controls, inherited=False)
        self.ctx.checkpoint(self.result, "saved")
        wrong = [f for f, v in plan.wanted.items() if f in have and have.get(f) != v]
        if wrong:
            raise StepFailed(
                f"after saving, the console shows other values than those saved for "
                f"{', '.join(wrong)} (it may write them its own way: put them in the runbook "
                "as the console shows them)"
            )

    def _control_changes(self, plan: Plan) -> list[str]:
        fields = {c.field for c in self.form.controls}
        return [c.field for c in plan.changes if c.field in fields]

    def _set_controls(self, page: FormPage, controls: list[FormControl], plan: Plan) -> None:
        """Set the controls that differ, in the runbook's order."""
        differing = {c.field for c in plan.changes}
        for spec, control in zip(self.form.controls, controls, strict=True):
            if spec.field in differing:
                self.filled = True
                page.set(control, spec.wanted)

    def _close_dialog(self) -> None:
        """Leave the console as it was after a failure: the section's changes cancelled."""
        if self.form_page is not None and self.filled:
            with contextlib.suppress(RunbookError):  # the step's own failure is reported
                self.form_page.cancel()
        self.filled = False

    # StepType's list-page work: a form has no list, no Add or Edit dialog.
    def open_add(self, page: Any) -> Any:
        raise NotImplementedError("a form has no Add dialog")

    def open_edit(self, page: Any) -> Any:
        raise NotImplementedError("a form has no Edit dialog")

    def fill_dialog(self, dialog: Any, plan: Plan, *, rehearsal: bool) -> None:
        raise NotImplementedError("a form is filled in its page")


def _same_option(shown_text: Any, spec: Control, control: FormControl) -> bool:
    """Whether a menu shows the runbook's option (any of its names, a labels file's included;
    case and spacing aside)."""
    if not isinstance(shown_text, str) or spec.option is None or control.option is None:
        return False
    written = spec.option.values() if isinstance(spec.option, dict) else [spec.option]
    names = [*control.option, *written]
    return any(shown(n).casefold() == shown(shown_text).casefold() for n in names)


STEP_TYPE = FormStep  # found by the kinds registry: runbook.file.kinds
