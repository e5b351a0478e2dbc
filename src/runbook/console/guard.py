"""The write guard: read-only runs (dry-run, drift) cannot save, by construction."""

from __future__ import annotations

from dataclasses import dataclass, field

from runbook.errors import ReadOnlyViolation


@dataclass
class WriteGuard:
    """Held by every page object that writes; each write asks it first."""

    read_only: bool
    mode: str = "apply"
    writes: list[str] = field(default_factory=list)

    def allow(self, action: str) -> None:
        """Raise unless this run may write; record the write otherwise."""
        if self.read_only:
            raise ReadOnlyViolation(f"refused to {action}: this is a read-only {self.mode} run")
        self.writes.append(action)
