"""What every step type shares: timing, the diff-then-act flow, failure evidence."""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar

import structlog

from runbook.console import Dialog, ListPage, PageName
from runbook.engine.context import RunContext
from runbook.engine.diff import comparable
from runbook.errors import (
    ConcurrentChange,
    ConsoleChanged,
    NameTaken,
    RunbookError,
    SaveNotConfirmed,
    SaveRejected,
    SignInRequired,
    StepFailed,
)
from runbook.names import shown
from runbook.results import FieldChange, StepResult
from runbook.spec import Step

BACKOFF_BASE_S = 0.5
BACKOFF_MAX_S = 8.0


def backoff(attempt: int) -> None:
    """Pause before retry `attempt` (exponential, capped): rate-limiting, not a UI wait."""
    threading.Event().wait(min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2 ** (attempt - 1)))


P = TypeVar("P", bound=ListPage)


class StepType(ABC, Generic[P]):
    """One kind of runbook step, keyed by a resource name listed on one console page."""

    page_type: type[P]  # the page listing the entries
    page_name: PageName
    noun: str  # "route", "rule": how messages name an entry
    shown_fields: tuple[str, ...] = ()  # names among the fields: compared as the console shows them
    create_leaves: frozenset[str] = frozenset()  # fields a create cannot set: a later write does

    def __init__(self, ctx: RunContext, step: Step, index: int) -> None:
        self.ctx = ctx
        self.step = step
        self.result = StepResult(
            index=index, name=step.title, kind=step.kind, resource=step.key, status="ok"
        )
        self.open_dialog: Dialog | None = None
        self.error: RunbookError | None = None
        self.save_sent = False  # a save was pressed: the console may hold our change
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
        return self.result

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
                self._close_dialog()
                backoff(attempt)
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
        self.ctx.shell.open(self.page_name)
        page = self.page_type(self.ctx.page, self.ctx.labels, self.ctx.guard)
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
        return SignInRequired(
            f"{exc}; sign-in was required after the save was sent; it may have been applied "
            "— run again to compare"
        )

    def _failed(self, exc: RunbookError) -> None:
        self.error = exc
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

    def finish_dialog(self, dialog: Dialog, what: str) -> None:
        """Checkpoint the filled dialog, then save it (apply) or cancel it (read-only)."""
        self.ctx.checkpoint(self.result, "filled")
        if self.ctx.read_only:
            self.ctx.say("Dry run: cancel instead of saving", dialog.cancel_button)
            dialog.cancel()
            self.open_dialog = None
            self.result.status = "would_change"
            return
        self.ctx.say(f"Save {what}", dialog.save_button)
        self.save_sent = True
        dialog.save(what)
        self.open_dialog = None
        self.result.status = "changed"

    def close_dialog(self, dialog: Dialog) -> None:
        """Cancel a dialog the step only read (it saves nothing)."""
        dialog.cancel()
        self.open_dialog = None

    def live_drift(self, dialog: Dialog) -> None:
        """Drift mode, the entry differs: checkpoint the live dialog, close it, report drift."""
        self.ctx.checkpoint(self.result, "live")
        self.close_dialog(dialog)
        self.result.status = "drift"

    def read_back(self, page: P) -> dict[str, Any]:
        """After the step's last change: what the console now holds for the entry.

        The next step's page starts loading (look-ahead) while the reloaded list is
        checkpointed and the entry's dialog is opened, read and cancelled.
        """
        self.ctx.look_ahead()
        page.wait_listed(self.step.key)
        self.ctx.checkpoint(self.result, "saved")
        dialog = self.open_dialog = page.open_edit(self.step.key)
        have = dialog.read()
        self.close_dialog(dialog)
        return have

    def as_shown(self, fields: dict[str, Any]) -> dict[str, Any]:
        """`fields` with the names among them as the console shows them (whitespace collapsed).

        Values whose whitespace matters (an envelope pattern) are compared as they are.
        """
        return {
            k: shown(v) if k in self.shown_fields and isinstance(v, str) else v
            for k, v in fields.items()
        }

    def verify(self, have: dict[str, Any], want: dict[str, Any]) -> None:
        """Fail the step when reading back does not show what was saved."""
        # Names as the console shows them; host tables as sets of rows.
        have, want = comparable(self.as_shown(have)), comparable(self.as_shown(want))
        wrong = [k for k, v in want.items() if have.get(k) != v]
        if wrong:
            raise StepFailed(
                f"the console does not show what was saved for {self.step.key!r} "
                f"(fields: {', '.join(wrong)})"
            )

    def remove(self, page: P, exists: bool) -> None:
        """`state: absent`: delete the named entry if the console has it, and nothing else."""
        ctx, result, name, noun = self.ctx, self.result, self.step.key, self.noun
        if not exists:
            return
        result.action = "delete"
        result.changes = [FieldChange(field=f"({noun})", before="present", after="absent")]
        if ctx.mode == "drift":
            result.status = "drift"
        elif ctx.read_only:
            ctx.checkpoint(result, "to-delete")
            result.status = "would_change"
        else:
            ctx.say(f"Delete the {noun} {name!r}")
            self.save_sent = True
            page.delete(name)
            ctx.look_ahead()
            page.wait_ready()
            ctx.checkpoint(result, "deleted")
            result.status = "changed"

    def execute(self) -> None:
        """Find the entry on its page; remove it (`state: absent`) or converge it."""
        ctx, name = self.ctx, self.step.key
        ctx.say(
            f"Open {ctx.labels.name(self.page_type.heading_key)} to find the {self.noun} {name!r}"
        )
        ctx.shell.open(self.page_name)
        if ctx.read_only:
            ctx.look_ahead()  # nothing will change: the next page can load now
        page = self.page_type(ctx.page, ctx.labels, ctx.guard)
        exists = page.has(name)
        if self.step.state == "absent":
            self.remove(page, exists)
        else:
            self.converge(page, exists)

    @abstractmethod
    def converge(self, page: P, exists: bool) -> None:
        """Make the entry what the runbook asks, as the mode allows; fill self.result."""
