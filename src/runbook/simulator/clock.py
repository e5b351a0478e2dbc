"""The simulator's clock: real time plus an offset the test API moves (`POST /_sim/clock`).

Sessions age on it (the `session-hour` variant), the audit is stamped with it, and every
answer's HTTP `Date` header shows it, as a console's clock would: tests move time instead of
waiting for it.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from email.utils import formatdate
from typing import Any


class Clock:
    """Real time, moved forward by `advance`; `reset` puts it back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset_s = 0.0

    def time(self) -> float:
        """Seconds since the epoch, as the simulator sees them."""
        with self._lock:
            return time.time() + self._offset_s

    def iso(self) -> str:
        """The time as the state and the audit write it (UTC, milliseconds)."""
        moment = datetime.fromtimestamp(self.time(), UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def http_date(self) -> str:
        """The time as an HTTP `Date` header says it."""
        return formatdate(self.time(), usegmt=True)

    def advance(self, seconds: float) -> None:
        """Move the clock forward (never back: a session cannot grow younger)."""
        if seconds < 0:
            raise ValueError("advance_s: the clock only moves forward")
        with self._lock:
            self._offset_s += seconds

    def reset(self) -> None:
        with self._lock:
            self._offset_s = 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON form, as `GET /_sim/clock` shows it."""
        with self._lock:
            offset = self._offset_s
        return {"now": self.iso(), "offset_s": offset}


def parse_iso(text: str) -> float:
    """Seconds since the epoch of a time the state wrote (`Clock.iso`)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class ClockDate:
    """ASGI middleware: every answer's `Date` header is the simulator's clock (the server's
    own header is off), as a console's answers carry the console's time."""

    def __init__(self, app: Any, clock: Clock) -> None:
        self.app, self.clock = app, clock

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def dated(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                headers.append((b"date", self.clock.http_date().encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, dated)
