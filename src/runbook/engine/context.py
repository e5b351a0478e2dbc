"""The run context handed to every step: page, labels, guard, mode, evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page

from runbook.console.guard import WriteGuard
from runbook.console.labels import Labels
from runbook.console.masking import secret_masks
from runbook.console.shell import ConsoleShell, PageName
from runbook.recording.folder import RunFolder
from runbook.results import Checkpoint, Mode, StepResult


@dataclass
class RunContext:
    """Everything a step needs to read, change and record the console."""

    labels: Labels
    guard: WriteGuard
    shell: ConsoleShell
    folder: RunFolder
    mode: Mode
    screenshots: bool = True
    retries: int = 3
    secrets: frozenset[str] = frozenset()
    # By kind, the entries (names as shown) an earlier step of this run makes present, or
    # would, in a dry run: a rule may name a route that a step before it creates.
    planned: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # By kind, the entries this run has seen in the console with the runbook's values.
    known: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Called before each element is used in demo mode (caption and highlight); may be None.
    announce: Callable[[str, Locator | None], None] | None = None
    # The page the next step works on: it loads in a second tab once this step has made its
    # last change (look-ahead), the same page included (a fresh load, as `open` would do).
    next_page: PageName | None = None
    # Takes the run's secrets out of text written to the run folder.
    redact: Callable[[str], str] = str

    @property
    def page(self) -> Page:
        """The browser tab in use (the shell may switch to the tab it opened ahead)."""
        return self.shell.page

    @property
    def read_only(self) -> bool:
        return self.mode != "apply"

    def look_ahead(self) -> None:
        """The current step will change nothing more: start loading the next step's page."""
        if self.next_page is not None:
            self.shell.open_ahead(self.next_page)
            self.next_page = None

    def checkpoint(
        self,
        result: StepResult,
        name: str,
        *,
        force: bool = False,
    ) -> None:
        """Screenshot the page as checkpoint `name` of the step, every secret it shows masked."""
        if not (self.screenshots or force) or self.page.is_closed():
            return
        path: Path = self.folder.checkpoint_path(result.index, result.name, name)
        mask = secret_masks(self.page, self.secrets)
        self.page.screenshot(path=str(path), mask=mask, animations="disabled", caret="hide")
        result.checkpoints.append(Checkpoint(name=name, path=self.folder.relative(path)))

    def save_page(self, result: StepResult, name: str) -> None:
        """Keep the page's DOM and accessibility tree beside checkpoint `name` (secrets out).

        What a failed step's locators were looking at: enough to fix a role or a name.
        """
        if self.page.is_closed():
            return
        path = self.folder.checkpoint_path
        html = path(result.index, result.name, f"{name}-dom").with_suffix(".html")
        aria = path(result.index, result.name, f"{name}-aria").with_suffix(".yml")
        html.write_text(self.redact(self.page.content()), encoding="utf-8")
        aria.write_text(self.redact(self.page.locator("body").aria_snapshot()), encoding="utf-8")
        result.details["page_html"] = self.folder.relative(html)
        result.details["accessibility_tree"] = self.folder.relative(aria)

    def say(self, text: str, target: Locator | None = None) -> None:
        """Tell the demo display what is about to happen (no-op outside demo mode)."""
        if self.announce is not None:
            self.announce(text, target)
