"""What every step type shares: timing, the diff-then-act flow, failure evidence."""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar

import structlog

from runbook.console.page import Dialog, ListPage
from runbook.console.places import PageName
from runbook.engine.context import RunContext
from runbook.engine.diff import comparable
from runbook.engine.plan import LISTED, Action, Plan, as_shown, convergence, removal
from runbook.errors import (
    ConcurrentChange,
    ConsoleChanged,
    NameTaken,
    RunbookError,
    SaveNotConfirmed,
    SaveRejected,
    SignInBeforeSave,
    SignInRequired,
    StepFailed,
)
from runbook.file import KindInfo, Step, kind_info
from runbook.file.placement import org_unit_of
from runbook.names import placed, shown
from runbook.results import Attempt, ChangesState, Mode, StepResult, one_line

BACKOFF_BASE_S = 0.5
BACKOFF_MAX_S = 8.0


def backoff(attempt: int) -> None:
    """Pause before retry `attempt` (exponential, capped): rate-limiting, not a UI wait."""
    threading.Event().wait(min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2 ** (attempt - 1)))


P = TypeVar("P", bound=ListPage)
D = TypeVar("D", bound=Dialog)


class StepType(ABC, Generic[P, D]):
    """One kind of runbook step, keyed by a resource name listed on one console page.

    A step reads its entry, makes a `Plan` of it (pure: `plan()`), and the mode decides what
    is done with the plan, in one table (`BEHAVIOUR`). A kind supplies the plan and the
    dialog work (`open_add`, `open_edit`, `fill_dialog`) and may add checks.
    """

    kind: ClassVar[str]  # the runbook key of its steps: "mail_route"
    info: ClassVar[KindInfo]  # its entry in the kinds registry (set from `kind`)
    page_type: type[P]  # the page listing the entries
    page_name: ClassVar[PageName]  # from the registry: the page that lists the entries
    noun: ClassVar[str]  # from the registry: "route", "rule": how messages name an entry
    unmanaged_key: ClassVar[str]  # drift --show-unmanaged: the JSON key of entries no step names
    shown_fields: tuple[str, ...] = ()  # names among the fields: compared as the console shows them
    # Takes its page as the step before left it, when that step ended well on the same page
    # (the OU selected anew if it differs); a kind whose page a step leaves otherwise says no.
    reuses_page: ClassVar[bool] = True
    create_leaves: frozenset[str] = frozenset()  # fields a create cannot set: a later write does

    # What each planned action becomes in each mode: the one place the mode decides.
    BEHAVIOUR: ClassVar[dict[tuple[Action, Mode], str]] = {
        ("none", "apply"): "keep",
        ("none", "dry-run"): "keep",
        ("none", "drift"): "look",
        ("create", "apply"): "save",
        ("update", "apply"): "save",
        ("delete", "apply"): "delete",
        ("create", "dry-run"): "rehearse",
        ("update", "dry-run"): "rehearse",
        ("delete", "dry-run"): "rehearse_delete",
        ("create", "drift"): "report_missing",
        ("update", "drift"): "report_live",
        ("delete", "drift"): "report_delete",
    }

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A kind's step type takes its page and noun from the kinds registry."""
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            cls.info = kind_info(cls.kind)
            cls.page_name = cls.info.page
            cls.noun = cls.info.noun

    def __init__(self, ctx: RunContext, step: Step, index: int) -> None:
        self.ctx = ctx
        self.step = step
        self.result = StepResult(
            index=index, name=step.title, kind=step.kind, resource=step.key, status="ok"
        )
        self.result.org_unit = org_unit_of(step.resource, ctx.shell.org_unit)
        self.open_dialog: D | None = None
        self.error: RunbookError | None = None
        self.save_sent = False  # a save was pressed: the console may hold our change
        self.sent_before = False  # an earlier attempt (retried) pressed a save
        self.failed_state: ChangesState | None = None  # a failed step: what became of its changes
        self.first_attempt: StepResult | None = None  # a retried save: what it read and sent

    def run(self) -> StepResult:
        """Carry out the step; never raises for a step failure (it is in the result)."""
        started = time.perf_counter()
        try:
            self._run_with_retries()
        except RunbookError as exc:  # the console's failures come translated; ours propagate
            self._failed(self._after_save(exc))
        finally:
            self.result.duration_ms = round((time.perf_counter() - started) * 1000)
        self._last_attempt()
        self._changes_state()
        return self.result

    def _retrying(self, attempt: int, exc: RunbookError) -> None:
        """Keep the attempt that just failed (its error, its screenshots) before the next."""
        with contextlib.suppress(RunbookError):
            self.ctx.checkpoint(self.result, "failure", force=True)
        self.result.attempts.append(
            Attempt(
                n=attempt,
                outcome="failed",
                error=one_line(str(exc)),
                checkpoints=list(self.result.checkpoints),
            )
        )

    def _last_attempt(self) -> None:
        """A retried step: its last attempt is how the step ended."""
        if not self.result.attempts:
            return
        error = one_line(self.result.message) if self.result.status == "failed" else ""
        self.result.attempts.append(
            Attempt(
                n=len(self.result.attempts) + 1,
                outcome=self.result.status,
                error=error,
                checkpoints=list(self.result.checkpoints),
            )
        )

    def _changes_state(self) -> None:
        """Apply mode: whether the changes shown were saved, not saved, or may have been."""
        if self.ctx.mode != "apply" or not self.result.changes or self.result.changes_state:
            return
        if self.result.status == "changed":
            self.result.changes_state = "saved"
        elif self.result.status == "failed":
            self.result.changes_state = self.failed_state

    def _unsaved(self, exc: RunbookError) -> ChangesState:
        """A failing step's changes: not saved when no save reached the console or it refused
        the only one; unconfirmed when one went through (or may have) before the failure."""
        if self.result.status == "changed":  # a save went through; what came after failed
            return "unconfirmed"
        refused = isinstance(exc, SaveRejected | ConcurrentChange | SignInBeforeSave)
        if self.sent_before or (self.save_sent and not refused):
            return "unconfirmed"
        return "not_saved"

    @property
    def org_unit(self) -> str:
        """The OU the step works in: its own `org_unit`, or the run's."""
        return org_unit_of(self.step.resource, self.ctx.shell.org_unit) or self.ctx.shell.org_unit

    def open_page(self, *, again: bool = False) -> P:
        """The entries' page at the step's OU (selected before anything is read): as the step
        before left it when that step ended well on it (`reuses_page`), else loaded afresh;
        `again`: loaded afresh, to read what may have changed since."""
        if again:
            self.ctx.shell.forget()
        self.ctx.shell.open(self.page_name, self.org_unit, reuse=self.reuses_page)
        return self.ctx.list_page(self.page_type)

    def _run_with_retries(self) -> None:
        """Retry a save that failed transiently, after re-reading: it is not made twice.

        A refusal for good (validation, in use, name taken) fails at once; a create refused
        because the name is now taken is someone else's entry, never ours to overwrite.
        """
        attempt = 0
        first: StepResult | None = None
        while True:
            try:
                self.execute()
                break
            except (SaveRejected, ConcurrentChange) as exc:
                raise self._created_meanwhile(exc) or exc from None
            except SaveNotConfirmed as exc:
                if attempt >= self.ctx.retries:
                    raise
                attempt += 1
                first = self.first_attempt = first or copy.deepcopy(self.result)
                structlog.get_logger("runbook").warning(
                    "step.retry", step=self.step.title, attempt=attempt, reason=str(exc)
                )
                self._retrying(attempt, exc)
                self._close_dialog()
                self.ctx.shell.forget()  # the retry reads the entry afresh
                backoff(attempt)
                self.sent_before = self.sent_before or self.save_sent
                self.save_sent = False
                self.result.status, self.result.action = "ok", "none"
                self.result.changes, self.result.checkpoints = [], []
        if attempt:
            self.result.details["attempts"] = attempt + 1
        if first is not None and self.result.status == "ok" and first.changes:
            # The console holds exactly what an earlier attempt sent: its answer was lost.
            self.result.status, self.result.action = "changed", first.action
            self.result.changes = first.changes
            self.result.message = "saved by an earlier attempt whose answer was lost"

    def _created_meanwhile(self, refusal: StepFailed) -> ConcurrentChange | None:
        """After a refused create: "already exists", or the name listed now, is theirs."""
        if self.result.action != "create":
            return None
        if isinstance(refusal, NameTaken):
            return self.concurrent_create(refusal)
        self._close_dialog()
        page = self.open_page(again=True)
        if not page.has(self.step.key):
            return None
        return self.concurrent_create()

    def concurrent_create(self, refusal: StepFailed | None = None) -> ConcurrentChange:
        said = f" ({refusal})" if refusal else ""
        return ConcurrentChange(
            f"{self.noun} {self.step.key!r} was created by someone else meanwhile{said}; "
            "nothing was overwritten. Run again to compare with their values."
        )

    def check_not_theirs(self) -> None:
        """Re-reading after a save whose answer was lost: only ours or the old values are ok.

        Each field the console holds must be what we sent or what the first attempt read (the
        save was not applied); anything else is someone else's entry or change, never
        overwritten. An entry found where our create may have been refused is theirs.
        """
        first = self.first_attempt
        if first is None or not self.result.changes:
            return
        if first.action == "create":
            if any(c.field not in self.create_leaves for c in self.result.changes):
                raise self.concurrent_create()
            return  # our create, as it could be sent; what it could not set is still to do
        read_first = {c.field: c.before for c in first.changes}
        if any(read_first.get(c.field, c.after) != c.before for c in self.result.changes):
            raise ConcurrentChange(
                f"{self.noun} {self.step.key!r} was changed by someone else meanwhile, after "
                "our save whose answer was lost; nothing was overwritten. Run again to compare "
                "with their values."
            )

    def _after_save(self, exc: RunbookError) -> RunbookError:
        """Sign-in asked for after a save was sent: say the change may be in the console."""
        if not self.save_sent or not isinstance(exc, SignInRequired):
            return exc
        if isinstance(exc, SignInBeforeSave):  # the console refused the save itself
            return exc
        return SignInRequired(
            f"{exc}; sign-in was required after the save was sent; it may have been applied "
            "— run again to compare"
        )

    def _failed(self, exc: RunbookError) -> None:
        self.ctx.shell.forget()  # the next step loads its page afresh
        self.error = exc
        self.failed_state = self._unsaved(exc)
        self.result.status = "failed"
        self.result.message = str(exc)
        if isinstance(exc, ConsoleChanged) and exc.locator:
            self.result.details["locator"] = exc.locator
            self.result.details["url"] = exc.url
        with contextlib.suppress(RunbookError):
            self.ctx.checkpoint(self.result, "failure", force=True)
        with contextlib.suppress(RunbookError, OSError):
            self.ctx.save_page(self.result, "failure")
        if not isinstance(exc, SignInRequired):
            self._close_dialog()

    def _close_dialog(self) -> None:
        """Leave the console as it was: cancel a dialog left open by a failure."""
        dialog = self.open_dialog
        if dialog is None:
            return
        try:
            if dialog.is_open():
                dialog.cancel()
        except RunbookError:
            pass
        self.open_dialog = None

    def close_dialog(self, dialog: Dialog) -> None:
        """Cancel a dialog the step only read (it saves nothing)."""
        dialog.cancel()
        self.open_dialog = None

    def read_back(self, page: P) -> dict[str, Any]:
        """After the step's last change: what the console now holds for the entry.

        The next step's page starts loading (look-ahead) while the reloaded list is
        checkpointed and the entry's dialog is opened, read and cancelled.
        """
        self.ctx.look_ahead()
        page.wait_listed(self.step.key)
        self.ctx.checkpoint(self.result, "saved")
        dialog = self.open_dialog = self.open_edit(page)
        have = dialog.read()
        self.close_dialog(dialog)
        return have

    def verify(self, have: dict[str, Any], want: dict[str, Any]) -> None:
        """Fail the step when reading back does not show what was saved."""
        # Names as the console shows them; host tables as sets of rows.
        have, want = (
            comparable(as_shown(have, self.shown_fields)),
            comparable(as_shown(want, self.shown_fields)),
        )
        wrong = [k for k, v in want.items() if have.get(k) != v]
        if wrong:
            raise StepFailed(
                f"the console does not show what was saved for {self.step.key!r} "
                f"(fields: {', '.join(wrong)})"
            )

    @classmethod
    def plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """What `step` would do to its entry as the console holds it (None: missing). Pure.

        `state: absent` deletes a listed entry; `present` creates or updates its fields.
        """
        if step.state == "absent":
            return removal(cls.noun, have)
        return convergence(have, step.resource.console_fields(), cls.shown_fields)

    def execute(self) -> None:
        """Find the entry on its page, read it, plan, and act on the plan as the mode says."""
        ctx, name = self.ctx, self.step.key
        ctx.say(
            f"Open {ctx.labels.name(self.page_type.heading_key)} to find the {self.noun} {name!r}"
        )
        page = self.open_page()
        if ctx.read_only:
            ctx.look_ahead()  # nothing will change: the next page can load now
        exists = self.listed(page)
        have: Mapping[str, Any] | None = LISTED if exists else None
        if self.step.state == "present":
            ctx.planned[self.kind].add(shown(name))
            if exists:
                have = self.read_entry(page)
        plan = self.plan(self.step, have)
        if ctx.observe is not None:
            ctx.observe(self.result.index, have, plan)
        self.result.changes = list(plan.changes)
        if have is not LISTED and have is not None:
            self.check_not_theirs()
        self.result.action = plan.action
        getattr(self, self.BEHAVIOUR[plan.action, ctx.mode])(page, plan)

    # The behaviours of BEHAVIOUR: what a plan becomes in a mode.

    def keep(self, page: P, plan: Plan) -> None:
        """Nothing to change (apply, dry-run): the kind's checks on the entry read, then close."""
        self._leave(checks=True)

    def look(self, page: P, plan: Plan) -> None:
        """Drift, nothing differs: close the entry read; nothing is tested."""
        self._leave(checks=False)

    def _leave(self, *, checks: bool) -> None:
        dialog = self.open_dialog
        if dialog is None:
            return  # `state: absent`, and the console does not list it
        self.ctx.look_ahead()  # nothing to change here
        if checks:
            self.check(dialog)
        self.close_dialog(dialog)
        self.ctx.known[self.kind].add(shown(self.step.key))

    def save(self, page: P, plan: Plan) -> None:
        """Apply: fill the dialog and save it, then read the entry back and verify it."""
        if plan.switch_only:
            self._close_read()
            self.flip(page, plan)
            return
        dialog = self._fill(page, plan, rehearsal=False)
        self.ctx.checkpoint(self.result, "filled")
        what = placed(f"{self.noun} {self.step.key!r}", self.result.org_unit)
        self.ctx.say(f"Save {what}", dialog.save_button)
        self.save_sent = True
        dialog.save(what)
        self.open_dialog = None
        self.result.status = "changed"
        page = self.after_save(page, plan)
        self.verify(self.read_saved(page), plan.wanted)
        self.ctx.known[self.kind].add(shown(self.step.key))

    def rehearse(self, page: P, plan: Plan) -> None:
        """Dry run: fill the dialog, checkpoint it, and cancel instead of saving."""
        if plan.switch_only:
            self._close_read()
            self.result.status = "would_change"
            return
        dialog = self._fill(page, plan, rehearsal=True)
        self.ctx.checkpoint(self.result, "filled")
        self.ctx.say("Dry run: cancel instead of saving", dialog.cancel_button)
        dialog.cancel()
        self.open_dialog = None
        self.result.status = "would_change"

    def report_missing(self, page: P, plan: Plan) -> None:
        """Drift, the entry is missing: report it (no dialog is opened)."""
        self.result.status = "drift"
        self.result.message = f"{self.noun} {self.step.key!r} is missing from the console"

    def report_live(self, page: P, plan: Plan) -> None:
        """Drift, the entry differs: checkpoint the live dialog, close it, report drift."""
        self.ctx.checkpoint(self.result, "live")
        self._close_read()
        self.result.status = "drift"

    def delete(self, page: P, plan: Plan) -> None:
        """Apply, `state: absent`: delete the listed entry."""
        ctx, name = self.ctx, self.step.key
        ctx.say(f"Delete the {self.noun} {name!r}")
        self.save_sent = True
        page.delete(name)
        ctx.look_ahead()
        page.wait_ready()
        ctx.checkpoint(self.result, "deleted")
        self.result.status = "changed"

    def rehearse_delete(self, page: P, plan: Plan) -> None:
        """Dry run, `state: absent`: checkpoint the entry that would be deleted."""
        self.ctx.checkpoint(self.result, "to-delete")
        self.result.status = "would_change"

    def report_delete(self, page: P, plan: Plan) -> None:
        """Drift, `state: absent`: the console still lists the entry."""
        self.result.status = "drift"

    def _fill(self, page: P, plan: Plan, *, rehearsal: bool) -> D:
        """The entry's dialog (the one read, or the Add dialog for a create), filled."""
        dialog = self.open_dialog = self.open_dialog or self.open_add(page)
        self.fill_dialog(dialog, plan, rehearsal=rehearsal)
        return dialog

    def _close_read(self) -> None:
        """Cancel the dialog the entry was read from (none: it was read from its row)."""
        if self.open_dialog is not None:
            self.close_dialog(self.open_dialog)

    # What a kind supplies or may change.

    def listed(self, page: P) -> bool:
        """Whether the page lists the step's entry; two entries that show the same name (they
        differ in spacing only) fail the step: runbook cannot tell which one is meant."""
        found = page.names().count(shown(self.step.key))
        if found > 1:
            these = placed(f"{found} {self.noun}s shown as {shown(self.step.key)!r}", self.org_unit)
            raise StepFailed(
                f"the console lists {these}, their names differing only in spacing: runbook "
                "cannot tell which one the step means; nothing was changed (rename all but one "
                "in the console)"
            )
        return found == 1

    def read_entry(self, page: P) -> dict[str, Any]:
        """What the console holds for the listed entry; its dialog is left open."""
        dialog = self.open_dialog = self.open_edit(page)
        return dialog.read()

    def read_saved(self, page: P) -> dict[str, Any]:
        """After the save: what the console now holds for the entry (see `read_back`)."""
        return self.read_back(page)

    @abstractmethod
    def open_add(self, page: P) -> D:
        """Open the dialog that creates an entry."""

    @abstractmethod
    def open_edit(self, page: P) -> D:
        """Open the listed entry's dialog."""

    @abstractmethod
    def fill_dialog(self, dialog: D, plan: Plan, *, rehearsal: bool) -> None:
        """Fill the dialog as the plan asks; `rehearsal`: a dry run, nothing will be saved."""

    def check(self, dialog: D) -> None:
        """The kind's checks on a dialog about to be saved or left (e.g. Test TLS)."""

    def after_save(self, page: P, plan: Plan) -> P:
        """Changes the dialog cannot make, after its save; the page the step goes on with."""
        return page

    def flip(self, page: P, plan: Plan) -> None:
        """Apply a plan whose only change is on the list (`plan.switch_only`)."""
        raise NotImplementedError(f"{type(self).__name__} plans no switch-only change")
