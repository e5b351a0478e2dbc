"""The run context handed to every step: page, labels, guard, mode, evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from runbook.console.guard import WriteGuard
from runbook.console.page import ListPage
from runbook.console.places import PageName
from runbook.console.recorder import ArtifactsRecorder
from runbook.console.shell import ConsoleShell
from runbook.dns_records.resolver import Resolver
from runbook.engine.plan import Plan
from runbook.locales import Labels
from runbook.results import Mode, StepResult

if TYPE_CHECKING:
    from runbook.console.handles import Locator, Page

L = TypeVar("L", bound=ListPage)


def _quiet(text: str) -> None:
    """No progress display."""


@dataclass(frozen=True)
class DnsSettings:
    """How steps that hand records off to DNS look them up (`--dns-resolver`, `--wait-dns`)."""

    resolver: Resolver = field(default_factory=Resolver.system)
    wait_s: float = 0.0  # how long the run may wait for DNS to serve records (0: it does not)
    progress: Callable[[str], None] = _quiet  # a line of the run's progress display
    # When the run's waiting for DNS ends (`time.monotonic()`): the run's start + `wait_s`.
    until: float = 0.0


@dataclass
class RunContext:
    """Everything a step needs to read, change and record the console."""

    labels: Labels
    guard: WriteGuard
    shell: ConsoleShell
    # The run's evidence (checkpoints, a failed step's page), as its artifact policy says.
    recorder: ArtifactsRecorder
    mode: Mode
    retries: int = 3
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
    # Told each step's plan, with what the console held for its entry (saved plans read them).
    observe: Callable[[int, Mapping[str, Any] | None, Plan], None] | None = None
    dns: DnsSettings = field(default_factory=DnsSettings)

    @property
    def page(self) -> Page:
        """The browser tab in use (the shell may switch to the tab it opened ahead)."""
        return self.shell.page

    def list_page(self, page_type: type[L]) -> L:
        """The page object of the page in use (it copes with the console's hazards)."""
        return page_type(self.page, self.labels, self.guard, self.shell.hazards)

    @property
    def read_only(self) -> bool:
        return self.mode != "apply"

    def look_ahead(self) -> None:
        """The current step will change nothing more: start loading the next step's page."""
        if self.next_page is not None:
            self.shell.open_ahead(self.next_page)
            self.next_page = None

    def checkpoint(self, result: StepResult, name: str, *, force: bool = False) -> None:
        """Screenshot the page as checkpoint `name` of the step, every secret it shows masked.

        `force`: evidence of the step failing, taken whatever `--screenshots` says.
        """
        self.recorder.checkpoint(self.page, result, name, failure=force)

    def save_page(self, result: StepResult, name: str) -> None:
        """Keep the page's DOM and accessibility tree beside checkpoint `name` (secrets out)."""
        self.recorder.save_page(self.page, result, name)

    def say(self, text: str, target: Locator | None = None) -> None:
        """Tell the demo display what is about to happen (no-op outside demo mode)."""
        if self.announce is not None:
            self.announce(text, target)
