"""The one exception tree of runbook; each family carries the exit code the CLI returns.

    RunbookError                      exit 1   (base; a step failed at run time)
    ├── StepFailed                    exit 1   a step failed after its retries
    │   ├── SaveRejected              exit 1   the console refused a save for good (validation)
    │   │   └── NameTaken             exit 1   a create refused: the name exists (someone else's)
    │   ├── SaveNotConfirmed          exit 1   a save failed transiently (5xx, lost answer): retried
    │   └── ConcurrentChange          exit 1   someone else changed the entry between read and save
    ├── DriftDetected                 exit 2   drift only: the console differs from the runbook
    ├── SignInRequired                exit 3   no session, or it expired: run `runbook login`
    ├── ConsoleChanged                exit 4   the page did not look as the page objects expect
    ├── UsageError                    exit 64  bad command-line usage
    │   └── PluginError               exit 64  a kind from another package does not load
    ├── InvalidRunbook                exit 65  one or more `FILE:LINE:COL: message` problems
    ├── NotAConsole                   exit 1   the server at --console answers, but is no console
    ├── BrowserNotFound               exit 1   no usable Chromium on this machine
    ├── BrowserUnreachable            exit 1   the browser server (--browser-endpoint) failed us
    │   └── BrowserVersionMismatch    exit 1   it runs another Playwright version (HTTP 428)
    ├── ReadOnlyViolation             exit 1   a save was attempted in dry-run or drift mode
    ├── RunLocked                     exit 1   another run holds the lock for this console
    └── StalePlan                     exit 1   a saved plan no longer holds: nothing was applied

Playwright errors are translated into this tree in one place: `runbook.console.failures`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the `runbook` command, each with its one meaning: `--help`, the reports and
    the README's table (a test keeps it equal to this) all show these words."""

    meaning: str

    def __new__(cls, code: int, meaning: str) -> ExitCode:
        member = int.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        return member

    OK = 0, "success; for drift: the console matches the runbook"
    STEP_FAILED = (
        1,
        "a step failed at run time (after retries), Chromium did not start or died, "
        "or the console stopped answering (the error says which)",
    )
    DRIFT = 2, "drift only: the console differs from the runbook"
    SIGN_IN_REQUIRED = 3, "sign-in required: no session, or it expired; run `runbook login`"
    CONSOLE_CHANGED = 4, "the console page did not look as expected (the console UI changed)"
    USAGE = 64, "bad command-line usage"
    INVALID_RUNBOOK = 65, "invalid runbook (every error as `FILE:LINE:COL: message`)"
    INTERRUPTED = 130, "interrupted by Ctrl-C"
    TERMINATED = 143, "interrupted by SIGTERM"


def exit_meaning(code: int) -> str:
    """The meaning of exit code `code` (`unknown exit code` for any other)."""
    known = {int(c): c.meaning for c in ExitCode}
    return known.get(code, "unknown exit code")


# `--tenants`: the exit code of many tenants (runbook.fleet.outcome.PRECEDENCE, in words).
FLEET_EXIT_HELP = (
    "With --tenants the exit code is the most urgent tenant's: "
    "65/64 > 4 > 3 > 1 > 2 > 0 (130/143 when interrupted)."
)


def worst_exit_code(codes: list[int]) -> int:
    """One exit code for several runs of one command (drift, plan, apply): an interruption
    beats an error, an error beats drift (changes pending), drift beats success."""
    stopped = [c for c in codes if c in (ExitCode.INTERRUPTED, ExitCode.TERMINATED)]
    if stopped:
        return stopped[0]
    errors = [c for c in codes if c not in (ExitCode.OK, ExitCode.DRIFT)]
    if errors:
        return errors[0]
    return ExitCode.DRIFT if ExitCode.DRIFT in codes else ExitCode.OK


def exit_codes_help() -> str:
    """The exit codes as `--help` lists them (click keeps the `\\b` paragraph unwrapped)."""
    lines = [
        textwrap.fill(code.meaning, 78, initial_indent=f"  {code:<4}", subsequent_indent=" " * 6)
        for code in ExitCode
    ]
    return "\b\nExit codes:\n" + "\n".join(lines) + "\n"


def exit_codes_markdown() -> str:
    """The exit codes as the README's table."""
    rows = [f"| {code:d} | {code.meaning} |" for code in ExitCode]
    return "\n".join(["| exit code | meaning |", "|---|---|", *rows]) + "\n"


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is so that it ends the way Ctrl-C does."""


class RunbookError(Exception):
    """Base of every error runbook raises on purpose."""

    exit_code: ExitCode = ExitCode.STEP_FAILED


class StepFailed(RunbookError):
    """A step failed at run time, after its retries."""


class SaveRejected(StepFailed):
    """The console refused a save for good (a retry gets the same); the console's message."""


class NameTaken(SaveRejected):
    """A create refused because an entry of that name exists now: someone else's, not ours."""


class SaveNotConfirmed(StepFailed):
    """A save got a server error or no answer: it may or may not be applied; worth a retry."""


class ConcurrentChange(StepFailed):
    """The entry changed in the console between our read and our save."""


class DriftDetected(RunbookError):
    """The live console differs from the runbook (drift mode only)."""

    exit_code = ExitCode.DRIFT


class SignInRequired(RunbookError):
    """The console asked for sign-in: there is no session, or it expired."""

    exit_code = ExitCode.SIGN_IN_REQUIRED


class SignInBeforeSave(SignInRequired):
    """The console answered a save with a demand to sign in (HTTP 401 or 403): nothing of
    that save was applied."""


class ConsoleChanged(RunbookError):
    """A page element the page objects rely on could not be found: the console UI changed."""

    exit_code = ExitCode.CONSOLE_CHANGED

    def __init__(
        self, message: str, *, locator: str = "", url: str = "", screenshot: str = ""
    ) -> None:
        super().__init__(message)
        self.locator = locator
        self.url = url
        self.screenshot = screenshot


class UsageError(RunbookError):
    """The command line was used wrongly."""

    exit_code = ExitCode.USAGE


class PluginError(UsageError):
    """A kind from another package (entry-point group `runbook.kinds`) cannot be loaded: its
    module does not import, or a part is missing or of the wrong type. Names the distribution
    and the part; raised when the registry loads, before any step runs."""


@dataclass(frozen=True)
class Problem:
    """One problem in a runbook file, located as precisely as a compiler would."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class InvalidRunbook(RunbookError):
    """A runbook file failed to load or validate; carries every problem found."""

    exit_code = ExitCode.INVALID_RUNBOOK

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class StalePlan(RunbookError):
    """A saved plan's "before", runbook file or secret no longer holds; nothing was written."""


class NotAConsole(RunbookError):
    """The server at the console address answers, but not as an Admin console does."""


class BrowserNotFound(RunbookError):
    """No usable Chromium was found."""


class BrowserUnreachable(RunbookError):
    """The browser server at `--browser-endpoint` did not answer, refused us, or could not
    start a browser; the message names the endpoint (never its secrets)."""


class BrowserVersionMismatch(BrowserUnreachable):
    """The browser server runs another Playwright version than ours (it answered HTTP 428)."""


class ReadOnlyViolation(RunbookError):
    """A save was attempted while the run is read-only (dry-run or drift)."""


class RunLocked(RunbookError):
    """Another run holds the lock for this console and profile."""
