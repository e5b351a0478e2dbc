"""What a fleet run produced: each tenant's outcome, read back from its run folder, and the
fleet's one exit code."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runbook.errors import ExitCode, exit_meaning
from runbook.fleet.tenants import Tenant
from runbook.outputs.documents import document
from runbook.results import one_line

# Most urgent first: an interrupted fleet, then a file or command line to fix (65/64), then a
# console that changed (4), an expired session (3), a failed step (1), drift (2), success (0).
PRECEDENCE: tuple[int, ...] = (143, 130, 65, 64, 4, 3, 1, 2, 0)
STATUS_WORDS: dict[int, str] = {
    0: "ok",
    1: "failed",
    2: "drift",
    3: "sign_in_required",
    4: "console_changed",
    64: "usage",
    65: "invalid",
    130: "interrupted",
    143: "terminated",
}


def fleet_exit_code(codes: Iterable[int]) -> int:
    """The most urgent of the tenants' exit codes (an unknown code ranks as a failure, 1)."""
    fallback = PRECEDENCE.index(ExitCode.STEP_FAILED)

    def rank(code: int) -> int:
        return PRECEDENCE.index(code) if code in PRECEDENCE else fallback

    return min(codes, key=rank, default=int(ExitCode.OK))


@dataclass
class TenantOutcome:
    """One tenant's run: its exit code and, when the run got that far, its report.json."""

    tenant: Tenant
    exit_code: int
    run_dir: Path
    result: dict[str, Any] | None = None
    duration_ms: int = 0
    started: bool = True  # False: the fleet was stopped before this tenant's turn

    @classmethod
    def not_started(cls, tenant: Tenant, exit_code: int, run_dir: Path) -> TenantOutcome:
        """A tenant the fleet never started (stopped first): the fleet's stop code, no report."""
        return cls(tenant, exit_code, run_dir, started=False)

    @classmethod
    def read(cls, tenant: Tenant, exit_code: int, run_dir: Path, duration_ms: int) -> TenantOutcome:
        """The outcome from the tenant's run folder (its report.json, when written)."""
        result = None
        with contextlib.suppress(OSError, ValueError):
            result = json.loads((run_dir / "report.json").read_text(encoding="utf-8"))
        return cls(tenant, exit_code, run_dir, result, duration_ms)

    @property
    def status(self) -> str:
        if not self.started:
            return "not_started"
        return STATUS_WORDS.get(self.exit_code, "failed")

    @property
    def report(self) -> str | None:
        """The tenant's report.html (its run folder's output.txt when no report was written;
        None for a tenant never started: it has neither)."""
        if not self.started:
            return None
        html = self.run_dir / "report.html"
        return str(html if html.exists() else self.run_dir / "output.txt")

    @property
    def steps(self) -> list[dict[str, Any]]:
        return list((self.result or {}).get("steps", []))

    @property
    def error(self) -> str:
        if not self.started:
            how = "terminated" if self.exit_code == ExitCode.TERMINATED else "interrupted"
            return f"not started: the fleet was {how} before this tenant's turn"
        if self.result is not None:
            return str(self.result.get("error") or "")
        try:
            lines = (self.run_dir / "output.txt").read_text(encoding="utf-8").splitlines()
        except OSError:
            return ""
        return next((line for line in reversed(lines) if line.strip()), "")

    @property
    def cause(self) -> str:
        """Why the tenant did not succeed, in one line: its failed step and that step's error,
        else the run's error ("" for success, and for drift: nothing failed). Masked, as the
        report it is read from."""
        if self.exit_code in (ExitCode.OK, ExitCode.DRIFT) and self.started:
            return ""
        failed = next((s for s in self.steps if s.get("status") == "failed"), None)
        if failed is not None:
            said = one_line(str(failed.get("message") or "")) or "failed"
            return f'step {failed.get("index")} "{failed.get("name")}": {said}'
        return one_line(self.error) or exit_meaning(self.exit_code)

    def line(self) -> dict[str, Any]:
        """The JSON line printed when the tenant finishes (output piped)."""
        return {
            "tenant": self.tenant.name,
            "exit_code": self.exit_code,
            "status": self.status,
            "duration_ms": self.duration_ms,
            "report": self.report,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.line(),
            **self.tenant.as_dict(),
            "tenant": self.tenant.name,
            "error": self.error,
            "cause": self.cause,
            "run": self.result,
        }


@dataclass
class FleetRun:
    """A runbook over many tenants: the fleet folder and every tenant's outcome."""

    runbook: str
    file: str
    mode: str
    folder: Path
    started_at: str
    workers: int
    outcomes: list[TenantOutcome] = field(default_factory=list)
    duration_ms: int = 0

    @property
    def exit_code(self) -> int:
        return fleet_exit_code(o.exit_code for o in self.outcomes)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out

    def as_dict(self) -> dict[str, Any]:
        """The fleet's document (`--json`, the fleet folder's report.json)."""
        return document(
            runbook=self.runbook,
            file=self.file,
            mode=self.mode,
            fleet_dir=str(self.folder),
            report=str(self.folder / "report.html"),
            started_at=self.started_at,
            duration_ms=self.duration_ms,
            workers=self.workers,
            exit_code=self.exit_code,
            counts=self.counts(),
            tenants=[o.as_dict() for o in self.outcomes],
        )
