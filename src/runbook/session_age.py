"""How old a saved session is, on the console's clock, and whether a run still fits in it.

The Admin console ends a session one hour after its sign-in, and that cannot be changed.
`runbook login` records, beside the saved session, when the sign-in happened by the console's
own clock (the HTTP `Date` header of its answer); a run reads the console's clock again from
its first page, so a runner whose own clock is off is not fooled. A run refuses to start
(exit 3) when less than `--min-session` of the hour is left.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from runbook.defaults import MIN_SESSION_MIN
from runbook.errors import SignInRequired
from runbook.target import console_key

SESSION_LIMIT_S = 3600  # the Admin console's session, fixed by Google
DEFAULT_MIN_SESSION_MIN = MIN_SESSION_MIN


def record_path(state: Path) -> Path:
    """The record beside a saved session (`default.json` -> `default.session.json`)."""
    return state.with_name(f"{state.stem}.session.json")


def http_time(value: str | None) -> float | None:
    """Seconds since the epoch of an HTTP `Date` header (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def minutes(seconds: float) -> str:
    """`57 min`, `1 h 3 min`, as people read a session's age."""
    total = max(0, round(seconds / 60))
    hours, mins = divmod(total, 60)
    return f"{hours} h {mins} min" if hours else f"{mins} min"


@dataclass(frozen=True)
class SessionRecord:
    """When a profile's session signed in, by the console's clock."""

    console: str
    signed_in_at: float | None  # None: not known (a session older than these records)
    user: str | None = None

    def save(self, state: Path) -> Path:
        """Write the record beside the saved session, mode 0600."""
        path = record_path(state)
        doc: dict[str, Any] = {
            "console": self.console,
            "signed_in_at": _iso(self.signed_in_at) if self.signed_in_at else None,
            "user": self.user,
        }
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(doc, out, indent=2)
        return path

    @classmethod
    def read(cls, state: Path) -> SessionRecord | None:
        """The record of a saved session; None when there is none (or it is unreadable)."""
        try:
            doc = json.loads(record_path(state).read_text(encoding="utf-8"))
            at = doc.get("signed_in_at")
            when = datetime.fromisoformat(at).timestamp() if at else None
            return cls(str(doc["console"]), when, doc.get("user"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def age_s(self, console_now: float) -> float | None:
        """The session's age at `console_now` (the console's clock)."""
        return None if self.signed_in_at is None else console_now - self.signed_in_at

    def facts(self, console_now: float | None) -> dict[str, Any]:
        """What reports say of the session."""
        age = self.age_s(console_now) if console_now is not None else None
        return {
            "signed_in_at": _iso(self.signed_in_at) if self.signed_in_at else None,
            "age_s": round(age) if age is not None else None,
            "left_s": round(SESSION_LIMIT_S - age) if age is not None else None,
        }


def check_fits(
    record: SessionRecord | None, console_now: float | None, min_session_min: int, profile: str
) -> None:
    """Refuse (`SignInRequired`, exit 3) a run on a session with less than `min_session_min`
    minutes of its hour left; 0 turns the check off, and an unknown age passes."""
    if record is None or console_now is None or min_session_min <= 0:
        return
    age = record.age_s(console_now)
    if age is None:
        return
    left = SESSION_LIMIT_S - age
    signed = _iso(record.signed_in_at or 0)
    if left <= 0:
        raise SignInRequired(
            f"the session of profile {profile!r} is {minutes(age)} old (signed in {signed} by "
            "the console's clock): the Admin console ends sessions after one hour. Nothing was "
            "changed"
        )
    if left < min_session_min * 60:
        raise SignInRequired(
            f"the session of profile {profile!r} is {minutes(age)} old (signed in {signed} by "
            f"the console's clock): {minutes(left)} of its hour is left, less than "
            f"--min-session {min_session_min} min. Nothing was changed"
        )


def session_check(
    state: Path,
    profile: str,
    console: str,
    min_session_min: int,
    facts: Callable[[dict[str, Any]], None] | None = None,
) -> Callable[[float | None], None]:
    """What a run does with the console's clock at each page it loads: tell `facts` the saved
    session's age; at the first page, refuse (`SignInRequired`, exit 3) a session signed in
    to another console, or with too little of its hour left."""
    record = SessionRecord.read(state)
    first = [True]

    def check(console_now: float | None) -> None:
        if record is not None and console_now is not None and facts is not None:
            facts({"profile": profile, **record.facts(console_now)})
        if not first:
            return  # later pages: only the age, as the console last said it
        first.clear()
        if record is not None and console_key(record.console) != console_key(console):
            raise SignInRequired(
                f"the session of profile {profile!r} was signed in to {record.console}, not "
                f"to {console}; nothing was changed"
            )
        check_fits(record, console_now, min_session_min, profile)

    return check
