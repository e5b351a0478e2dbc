"""What a run produces: per-step results and the run document (plain data, JSON-ready)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from runbook.errors import exit_meaning
from runbook.names import placed

Status = Literal[
    "ok",
    "changed",
    "failed",
    "skipped",
    "not_run",
    "drift",
    "would_change",
    "interrupted",
    "waiting_dns",  # done but for what DNS must serve first: its records are to publish
]
Mode = Literal["apply", "dry-run", "drift"]


def one_line(text: str) -> str:
    """The first line of a message that says something (a cause as a table cell shows it)."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


@dataclass
class FieldChange:
    """One field of a resource: what the console had and what the runbook asks for."""

    field: str
    before: Any
    after: Any
    ignored: str | None = None  # drift only: the reason this difference is acknowledged


@dataclass
class Checkpoint:
    """A screenshot taken at a named moment of a step."""

    name: str
    path: str  # relative to the run folder


@dataclass
class Attempt:
    """One try of a step that was retried: how it ended and the screenshots it took."""

    n: int  # 1-based
    outcome: Status  # "failed" for every attempt but the last; the last's is the step's status
    error: str = ""  # why it failed, one line (secrets masked as everywhere)
    checkpoints: list[Checkpoint] = field(default_factory=list)


# What became of a write step's changes: saved (and read back), not saved (no save reached the
# console), or unconfirmed (a save was sent but the step failed after it: compare in the console).
ChangesState = Literal["saved", "not_saved", "unconfirmed"]


@dataclass
class StepResult:
    """The outcome of one step, as reported in the log, the JSON and the HTML report."""

    index: int  # 1-based
    name: str
    kind: str  # mail_route | routing_rule
    resource: str  # the route name or rule description
    status: Status
    action: Literal["create", "update", "delete", "none"] = "none"
    changes: list[FieldChange] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    duration_ms: int = 0
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # e.g. {"tls_test": "passed"}
    org_unit: str | None = None  # the OU of a kind placed per OU ("/": the top)
    # Each try of a step retried after a transient failure, in order (empty: tried once).
    attempts: list[Attempt] = field(default_factory=list)
    # Apply mode, a step with changes to write: what became of them (None: nothing to write,
    # or a read-only mode, where changes are what would be written).
    changes_state: ChangesState | None = None

    @property
    def changed(self) -> bool:
        return self.status == "changed"

    @property
    def changes_not_saved(self) -> bool:
        """Its changes are what it meant to write, not what the console holds."""
        return self.changes_state in ("not_saved", "unconfirmed") and bool(self.changes)

    @property
    def placed(self) -> str:
        """The resource as reports name it: with its OU when that is not the top."""
        return placed(self.resource, self.org_unit)


@dataclass
class RunResult:
    """The outcome of a whole run."""

    runbook: str  # the runbook's name
    file: str
    mode: Mode
    console: str  # the console URL
    locale: str
    started_at: str  # ISO 8601 UTC
    duration_ms: int = 0
    steps: list[StepResult] = field(default_factory=list)
    exit_code: int = 0
    error: str = ""
    run_dir: str = ""
    trace: str = ""  # path of trace.zip when kept
    unmanaged: dict[str, list[str]] = field(default_factory=dict)  # drift --show-unmanaged
    # The saved session's age by the console's clock: profile, signed_in_at, age_s, left_s.
    session: dict[str, Any] = field(default_factory=dict)
    # The browser used: "endpoint" (a browser server, without secrets) or "executable" (a
    # local Chromium), and its "version" once it started.
    browser: dict[str, str] = field(default_factory=dict)
    summary: str = ""  # what a read-only walk other than drift did (export), for the verdict
    # What the console put in the way that the run coped with (a banner dismissed, a list
    # reloaded after a delete, a re-authentication answered), one sentence each.
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for step in self.steps:
            out[step.status] = out.get(step.status, 0) + 1
        return out

    @property
    def dns_records(self) -> list[dict[str, Any]]:
        """The DNS records the run's steps need (to publish, published, to keep), in order."""
        return [r for step in self.steps for r in step.details.get("dns_records", [])]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["exit_meaning"] = exit_meaning(self.exit_code)
        data["counts"] = self.counts()
        data["dns_records"] = self.dns_records
        return data
