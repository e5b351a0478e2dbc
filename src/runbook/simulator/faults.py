r"""Fault injection for reliability tests: latency, failing or lost saves, late pages, races.

Settings arrive as a JSON document (`POST /_sim/faults`, `runbook simulator --faults`); each
key is one fault kind, merged into the current settings. To add a kind: a field on
`FaultSettings`, a parser in `_PARSERS`, and the place in the app that consults it.
`GET /_sim/faults` shows the current settings, one-shot faults with what is left of them.

| key | value | effect |
|---|---|---|
| `latency_ms` | `[min, max]` | delay of each data request (default `[100, 200]`) |
| `fail_next_saves` | `N` | the next N writes answer 500, unapplied |
| `message` | text | error text instead of the console's own (failed, lost saves) |
| `fail_save_probability` | `0`-`1` | each write fails (500, unapplied) with that probability |
| `lose_next_responses` | `N` | the next N accepted writes lose their response (1) |
| `lose_response_probability` | `0`-`1` | each accepted write loses its response (1) |
| `late_dialog_ms` | `[min, max]` / `null` | Add/Edit dialogs show their fields late (2) |
| `late_rows_ms` | `[min, max]` / `null` | lists show their second half of rows late (3) |
| `concurrent_edit` | object / `null` | another admin edits the entry we save (4); one-shot |
| `expire_session_after` | `N` | sessions expire after N more console requests (`null`: never) |
| `extra_option` | `{"label": ..., "rule": ...}` / `null` | the console grew an option (5) |
| `seed` | int | seeds the random draws, for repeatable runs |

Writes are the create, update and delete of routes and rules, and the rule enable switch;
the DKIM writes and a settings page's section saves and inherits take failed and lost saves
too, and a settings page (`gmail_settings_data.py`) loads late under `late_rows_ms`.

1. A lost response: the write is applied (state and audit) but the page gets 502 or 504 with
   the console's error message ("We couldn't save your changes. Try again."), as if the answer
   was lost on its way. Only writes the console accepts count.
2. A late dialog opens with a "Loading" progressbar (and Cancel); its fields are built only
   when the server answers, after the delay: the Edit dialog loads the entry (and its
   revision) from the server then. The page learns of this fault when it loads and with each
   data answer.
3. Late rows: the page's list answer holds only the first half of the rows (rounded down); the
   table shows them with a "Loading" progressbar, which goes once the rest, asked for at once
   but served after the delay, is there.
4. `{"kind": "route" | "rule" | "default", "name": <route name | description>, "change":
   {<fields to change>} | "delete", "org_unit"?: <OU>}` (default: a Default routing setting):
   rules and settings are entries of one OU, `org_unit` (default: whichever OU our write is
   in; the audit records it). When our next write to that entry arrives (update, delete,
   enable switch; or a create of that name, when `change` is fields), another admin's write
   is made first (audited with `"by": "another-admin"`): fields changed (on the entry, or on our
   create's fields when the entry does not exist), or the entry deleted. Our write is then
   refused, unapplied: 409 "This setting was changed by someone else. Reload the page to see
   the latest changes.", or 404 "This setting no longer exists." when it was deleted. If the
   console refuses the other admin's write (say, deleting a route a rule uses), nothing
   happens and our write goes on. The fault clears once it fires.

5. The Add setting dialog shows one more checkbox under Modify message, named `label`, that
   runbook's catalogue does not know: checked in the Edit dialog of the rule `rule`, unchecked
   elsewhere; never saved (it stands for a console option newer than runbook).

Each random draw has its own stream derived from `seed` (latency, failed saves, lost responses,
late dialogs, late rows), so which saves fail under a probability depends only on the sequence
of writes, not on how many pages were loaded in between.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from runbook.simulator.document import KINDS, Kind

DEFAULT_LATENCY_MS = (100, 200)
LOST_RESPONSE_STATUSES = (502, 504)
OTHER_ADMIN = "another-admin"

Range = tuple[int, int]


class FaultError(ValueError):
    """A fault document the simulator does not understand."""


@dataclass(frozen=True)
class ConcurrentEdit:
    """Another admin's write to one entry, made when our next write to it arrives."""

    kind: Kind
    name: str
    change: dict[str, Any] | Literal["delete"]
    org_unit: str | None = None  # the entry's OU (kinds set per OU); None: that of our write

    @property
    def deletes(self) -> bool:
        """Whether the other admin deletes the entry (rather than changing it)."""
        return self.change == "delete"


@dataclass(frozen=True)
class FaultSettings:
    """Current fault injection settings (the defaults are a healthy, slightly slow console)."""

    latency_ms: Range = DEFAULT_LATENCY_MS
    fail_next_saves: int = 0
    message: str | None = None
    fail_save_probability: float = 0.0
    lose_next_responses: int = 0
    lose_response_probability: float = 0.0
    late_dialog_ms: Range | None = None
    late_rows_ms: Range | None = None
    concurrent_edit: ConcurrentEdit | None = None
    expire_session_after: int | None = None
    extra_option: dict[str, str] | None = None
    seed: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON form, as `GET /_sim/faults` shows it."""
        doc = asdict(self)
        for key in ("latency_ms", "late_dialog_ms", "late_rows_ms"):
            value = getattr(self, key)
            doc[key] = None if value is None else list(value)
        edit = doc.get("concurrent_edit")
        if edit is not None and edit["org_unit"] is None:
            del edit["org_unit"]  # as given: the OU of our write
        return doc


def _count(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FaultError(f"{key}: expected a non-negative integer")
    return value


def _range(value: Any, key: str) -> Range:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        or value[0] > value[1]
    ):
        raise FaultError(f"{key}: expected [min, max] in milliseconds, min <= max")
    return (value[0], value[1])


def _optional_range(value: Any, key: str) -> Range | None:
    return None if value is None else _range(value, key)


def _message(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise FaultError("message: expected a string")
    return value


def _probability(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FaultError(f"{key}: expected a number from 0 to 1")
    return float(value)


def _optional_count(value: Any) -> int | None:
    return None if value is None else _count(value, "expire_session_after")


def _seed(value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise FaultError("seed: expected an integer")
    return value


def _concurrent_edit(value: Any) -> ConcurrentEdit | None:
    if value is None:
        return None
    key = "concurrent_edit"
    if not isinstance(value, dict) or not {"kind", "name", "change"} <= set(value) <= {
        "kind",
        "name",
        "change",
        "org_unit",
    }:
        raise FaultError(
            f'{key}: expected {{"kind": ..., "name": ..., "change": ..., "org_unit"?: ...}}'
        )
    kind, name, change = value["kind"], value["name"], value["change"]
    unit = value.get("org_unit")
    if unit is not None and (not isinstance(unit, str) or not unit.startswith("/")):
        raise FaultError(f"{key}.org_unit: expected an OU path such as /Sales, or null")
    if kind not in KINDS:
        raise FaultError(f'{key}.kind: expected "route", "rule" or "default"')
    if not isinstance(name, str) or not name.strip():
        raise FaultError(f"{key}.name: expected the route name or the rule description")
    if change == "delete":
        return ConcurrentEdit(kind, name.strip(), "delete", unit)
    fields = KINDS[kind].fields
    if not isinstance(change, dict) or not change:
        raise FaultError(f'{key}.change: expected {{field: value, ...}} or "delete"')
    unknown = sorted(set(change) - set(fields))
    if unknown:
        raise FaultError(
            f"{key}.change: unknown {kind} field(s) {', '.join(unknown)}; "
            f"known: {', '.join(fields)}"
        )
    return ConcurrentEdit(kind, name.strip(), dict(change), unit)


def _extra_option(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or set(value) != {"label", "rule"}
        or not all(isinstance(v, str) and v.strip() for v in value.values())
    ):
        raise FaultError('extra_option: expected {"label": ..., "rule": ...} or null')
    return {"label": value["label"].strip(), "rule": value["rule"].strip()}


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "latency_ms": lambda v: _range(v, "latency_ms"),
    "fail_next_saves": lambda v: _count(v, "fail_next_saves"),
    "message": _message,
    "fail_save_probability": lambda v: _probability(v, "fail_save_probability"),
    "lose_next_responses": lambda v: _count(v, "lose_next_responses"),
    "lose_response_probability": lambda v: _probability(v, "lose_response_probability"),
    "late_dialog_ms": lambda v: _optional_range(v, "late_dialog_ms"),
    "late_rows_ms": lambda v: _optional_range(v, "late_rows_ms"),
    "concurrent_edit": _concurrent_edit,
    "expire_session_after": _optional_count,
    "extra_option": _extra_option,
    "seed": _seed,
}

_STREAMS = ("latency", "save", "lose", "dialog", "rows")


def parse(doc: Any, base: FaultSettings | None = None) -> FaultSettings:
    """Settings from a fault document, merged into `base` (default: no faults)."""
    if not isinstance(doc, dict):
        raise FaultError("expected a JSON object")
    unknown = sorted(set(doc) - set(_PARSERS))
    if unknown:
        raise FaultError(f"unknown fault(s) {', '.join(unknown)}; known: {', '.join(_PARSERS)}")
    changes = {key: _PARSERS[key](value) for key, value in doc.items()}
    return replace(base or FaultSettings(), **changes)


def _streams(seed: int | None) -> dict[str, random.Random]:
    """One random stream per kind of draw, each derived from the seed (unseeded: system)."""
    if seed is None:
        return {name: random.Random() for name in _STREAMS}
    return {name: random.Random(f"{seed}/{name}") for name in _STREAMS}


class Faults:
    """The live fault state the app consults on each request."""

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self._lock = threading.Lock()
        self.settings = FaultSettings()
        self._random = _streams(None)
        if initial:
            self.update(initial)

    def update(self, doc: Any) -> FaultSettings:
        """Merge a fault document into the current settings."""
        with self._lock:
            self.settings = parse(doc, self.settings)
            if "seed" in doc:
                self._random = _streams(self.settings.seed)
            return self.settings

    def reset(self) -> None:
        """Back to a healthy console."""
        with self._lock:
            self.settings = FaultSettings()
            self._random = _streams(None)

    def _draw_ms(self, stream: str, span: Range | None) -> float:
        if span is None:
            return 0.0
        return self._random[stream].uniform(*span) / 1000

    def latency(self) -> float:
        """Seconds to delay the current data request."""
        with self._lock:
            return self._draw_ms("latency", self.settings.latency_ms)

    @property
    def late_dialogs(self) -> bool:
        """Whether Add/Edit dialogs load their contents late."""
        return self.settings.late_dialog_ms is not None

    def dialog_delay(self) -> float:
        """Seconds before a dialog's contents are served (0 when dialogs are not late)."""
        with self._lock:
            return self._draw_ms("dialog", self.settings.late_dialog_ms)

    @property
    def late_rows(self) -> bool:
        """Whether lists serve their rows in two parts, the second one late."""
        return self.settings.late_rows_ms is not None

    def rows_delay(self) -> float:
        """Seconds before the late part of a list is served (0 when rows are not late)."""
        with self._lock:
            return self._draw_ms("rows", self.settings.late_rows_ms)

    def take_save_failure(self) -> tuple[bool, str | None]:
        """Whether this write fails, and the message to show (None: the console's own)."""
        with self._lock:
            s = self.settings
            if s.fail_next_saves > 0:
                self.settings = replace(s, fail_next_saves=s.fail_next_saves - 1)
                return True, s.message
            if s.fail_save_probability and (
                self._random["save"].random() < s.fail_save_probability
            ):
                return True, s.message
            return False, None

    def take_lost_response(self) -> tuple[int | None, str | None]:
        """For an applied write: the status answered instead (None: the response arrives)."""
        with self._lock:
            s = self.settings
            stream = self._random["lose"]
            if s.lose_next_responses > 0:
                self.settings = replace(s, lose_next_responses=s.lose_next_responses - 1)
            elif not (
                s.lose_response_probability and stream.random() < s.lose_response_probability
            ):
                return None, None
            return stream.choice(LOST_RESPONSE_STATUSES), s.message

    def take_concurrent_edit(
        self, targets: Callable[[ConcurrentEdit], bool]
    ) -> ConcurrentEdit | None:
        """The pending concurrent edit if our write `targets` its entry (it fires once)."""
        with self._lock:
            edit = self.settings.concurrent_edit
            if edit is None or not targets(edit):
                return None
            self.settings = replace(self.settings, concurrent_edit=None)
            return edit

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
