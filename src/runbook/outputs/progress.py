"""A live line on a terminal naming the step that runs; nothing when output is not a terminal."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class StepProgress:
    """Spinner and "Step N of M — title" while a run goes; log lines print above it."""

    def __init__(self, total: int, *, enabled: bool | None = None) -> None:
        self.total = total
        self.enabled = sys.stdout.isatty() if enabled is None else enabled
        self._status: Any = None

    def __enter__(self) -> StepProgress:
        if self.enabled:
            from rich.console import Console

            self._status = Console().status("Starting the browser…", spinner="dots")
            self._status.start()
        return self

    def step(self, index: int, title: str) -> None:
        """Show that step `index` is running."""
        if self._status is not None:
            self._status.update(f"Step {index} of {self.total} — {title}")

    def line(self, text: str) -> None:
        """Print one line of progress above the spinner (on a terminal only)."""
        if self._status is not None:
            self._status.console.print(text, markup=False, highlight=False)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None
