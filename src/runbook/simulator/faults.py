"""Fault injection for reliability tests: latency, failing saves, expiring sessions.

Settings arrive as a JSON document (`POST /_sim/faults`, `runbook simulator --faults`); each
key is one fault kind, merged into the current settings. To add a kind: a field on
`FaultSettings`, a parser in `_PARSERS`, and the place in the app that consults it.

| key | value | effect |
|---|---|---|
| `latency_ms` | `[min, max]` | delay of each data request, drawn uniformly (default `[100, 200]`) |
| `fail_next_saves` | `N` | the next N writes answer 500 with the console's error message |
| `message` | text | that error message instead of the console's own (optional) |
| `fail_save_probability` | `0.0`-`1.0` | each write fails with that probability (seeded) |
| `expire_session_after` | `N` | sessions expire after N more console requests (`null`: never) |
| `seed` | int | seeds the random draws, for repeatable runs |
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

DEFAULT_LATENCY_MS = (100, 200)


class FaultError(ValueError):
    """A fault document the simulator does not understand."""


@dataclass(frozen=True)
class FaultSettings:
    """Current fault injection settings (the defaults are a healthy, slightly slow console)."""

    latency_ms: tuple[int, int] = DEFAULT_LATENCY_MS
    fail_next_saves: int = 0
    message: str | None = None
    fail_save_probability: float = 0.0
    expire_session_after: int | None = None
    seed: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON form, as `GET /_sim/faults` shows it."""
        doc = asdict(self)
        doc["latency_ms"] = list(self.latency_ms)
        return doc


def _count(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FaultError(f"{key}: expected a non-negative integer")
    return value


def _latency(value: Any) -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        or value[0] > value[1]
    ):
        raise FaultError("latency_ms: expected [min, max] in milliseconds, min <= max")
    return (value[0], value[1])


def _message(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise FaultError("message: expected a string")
    return value


def _probability(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FaultError("fail_save_probability: expected a number from 0 to 1")
    return float(value)


def _optional_count(value: Any) -> int | None:
    return None if value is None else _count(value, "expire_session_after")


def _seed(value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise FaultError("seed: expected an integer")
    return value


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "latency_ms": _latency,
    "fail_next_saves": lambda v: _count(v, "fail_next_saves"),
    "message": _message,
    "fail_save_probability": _probability,
    "expire_session_after": _optional_count,
    "seed": _seed,
}


def parse(doc: Any, base: FaultSettings | None = None) -> FaultSettings:
    """Settings from a fault document, merged into `base` (default: no faults)."""
    if not isinstance(doc, dict):
        raise FaultError("expected a JSON object")
    unknown = sorted(set(doc) - set(_PARSERS))
    if unknown:
        raise FaultError(f"unknown fault(s) {', '.join(unknown)}; known: {', '.join(_PARSERS)}")
    changes = {key: _PARSERS[key](value) for key, value in doc.items()}
    return replace(base or FaultSettings(), **changes)


class Faults:
    """The live fault state the app consults on each request."""

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self._lock = threading.Lock()
        self.settings = FaultSettings()
        self._random = random.Random()
        if initial:
            self.update(initial)

    def update(self, doc: Any) -> FaultSettings:
        """Merge a fault document into the current settings."""
        with self._lock:
            self.settings = parse(doc, self.settings)
            if "seed" in doc:
                self._random.seed(self.settings.seed)
            return self.settings

    def reset(self) -> None:
        """Back to a healthy console."""
        with self._lock:
            self.settings = FaultSettings()
            self._random = random.Random()

    def latency(self) -> float:
        """Seconds to delay the current data request."""
        with self._lock:
            low, high = self.settings.latency_ms
            return self._random.uniform(low, high) / 1000

    def take_save_failure(self) -> tuple[bool, str | None]:
        """Whether this write fails, and the message to show (None: the console's own)."""
        with self._lock:
            s = self.settings
            if s.fail_next_saves > 0:
                self.settings = replace(s, fail_next_saves=s.fail_next_saves - 1)
                return True, s.message
            if s.fail_save_probability and self._random.random() < s.fail_save_probability:
                return True, s.message
            return False, None

    def count_console_request(self) -> bool:
        """Count one signed-in console request; True when sessions expire now."""
        with self._lock:
            left = self.settings.expire_session_after
            if left is None:
                return False
            if left == 0:
                self.settings = replace(self.settings, expire_session_after=None)
                return True
            self.settings = replace(self.settings, expire_session_after=left - 1)
            return False
