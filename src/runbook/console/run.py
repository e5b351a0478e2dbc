"""The console of one run, opened once and closed once.

Opening makes the artifacts recorder (as the run's artifact policy says), the browser session,
the shell with its hazards, and the write guard; closing keeps the trace (when the work
ended), closes the browser, then keeps or drops the evidence. The engine gives plain values
(`ConsoleOptions`); the run's folder, policy and redactor come from its open outputs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator

from runbook.console.demo import Demo
from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.recorder import ArtifactsRecorder
from runbook.console.remote import RemoteBrowser
from runbook.console.session import BrowserSession, SessionOptions
from runbook.console.shell import ConsoleShell, Navigate
from runbook.console.signin import profile_path
from runbook.locales import Labels
from runbook.outputs.run import RunOutputs
from runbook.results import Mode, RunResult
from runbook.session_age import session_check


@dataclass(frozen=True)
class ConsoleOptions:
    """How one run opens the console, in plain values."""

    url: str
    labels: Labels
    mode: Mode  # dry-run and drift hand the page objects a guard that refuses every write
    headed: bool
    slow_mo: int
    timeout_ms: int
    navigate: Navigate
    look_ahead: bool
    org_unit: str
    remote: RemoteBrowser | None
    profile: str | None  # the saved session (None: the embedded simulator signs in)
    min_session: int  # minutes of the saved session's hour the run needs
    masked: frozenset[str]  # values painted over in screenshots (the runbook's secrets)
    password: str | None  # answers a mid-session "Verify it's you"
    demo_steps: int | None  # --demo: captions over this many steps


@dataclass(frozen=True)
class OpenConsole:
    """The console of a run, open: what each step is handed."""

    session: BrowserSession
    shell: ConsoleShell
    guard: WriteGuard
    recorder: ArtifactsRecorder
    announce: Callable[[str, Locator | None], None] | None


@contextmanager
def run_console(options: ConsoleOptions, outputs: RunOutputs) -> Iterator[OpenConsole]:
    """Open the run's console into its open `outputs` (the evidence into their folder as
    their policy says, secrets found added to their redactor; notes, session facts and
    browser into their result); close it whatever happened, keeping the trace only when the
    work ended."""
    folder, policy, redactor, result = (
        outputs.folder,
        outputs.policy,
        outputs.redactor,
        outputs.result,
    )
    recorder = ArtifactsRecorder(folder, policy, redactor, masked=options.masked)
    storage_state = profile_path(options.profile) if options.profile is not None else None
    for value in _session_values(storage_state):
        redactor.add(value)
    session = BrowserSession(
        SessionOptions(
            headed=options.headed,
            slow_mo=options.slow_mo,
            storage_state=storage_state,
            trace=recorder.tracing,
            trace_screenshots=False,  # see ArtifactsRecorder.trace_snapshots
            trace_snapshots=recorder.trace_snapshots,
            video_dir=recorder.video_dir,
            timeout_ms=options.timeout_ms,
            locale=options.labels.browser_locale,
            console=options.url,
            remote=options.remote,
        )
    )
    try:
        with session:
            opened = _open(session, options, recorder, result)
            if storage_state is not None and options.profile is not None:
                opened.shell.on_console_time = session_check(
                    storage_state,
                    options.profile,
                    options.url,
                    options.min_session,
                    lambda facts: setattr(result, "session", facts),
                )
            yield opened
            recorder.browser_closing(session, result)
    finally:
        result.browser = dict(session.info)
        recorder.finish(result)


def _open(
    session: BrowserSession, options: ConsoleOptions, recorder: ArtifactsRecorder, result: RunResult
) -> OpenConsole:
    page = session.page
    assert page is not None
    hazards = Hazards(options.labels, notes=result.notes, password=options.password)
    shell = ConsoleShell(
        page,
        options.labels,
        options.url,
        navigate=options.navigate,
        org_unit=options.org_unit,
        look_ahead=options.look_ahead,
        hazards=hazards,
    )
    guard = WriteGuard(read_only=options.mode != "apply", mode=options.mode)
    demo = Demo(page, total=options.demo_steps) if options.demo_steps is not None else None
    return OpenConsole(session, shell, guard, recorder, demo.announce if demo else None)


def _session_values(path: Path | None) -> list[str]:
    """The cookie and storage values of a saved session: secrets for every artifact."""
    if path is None or not path.exists():
        return []
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return []
    values = [str(c.get("value", "")) for c in data.get("cookies", [])]
    for origin in data.get("origins", []):
        values += [str(item.get("value", "")) for item in origin.get("localStorage", [])]
    return [v for v in values if len(v) >= 8]
