"""What generic code needs to know of one resource kind; each model module holds its `KIND`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from runbook.file.fields import Resource, SpecIssue
from runbook.file.references import Reference


@dataclass(frozen=True)
class KindInfo:
    """What generic code needs to know of one resource kind."""

    key: str  # the step key that holds it in a runbook: `mail_route`
    key_field: str  # the field that names it in the console: `name`
    noun: str  # short, for prose: "route"
    what: str  # in messages: "mail route"
    page: str  # the console page that lists it (the pages registry's name): "hosts"; "": the
    # step names its page (a `form`), and no list of such entries is read (drift, export)
    model: type[Resource]
    fields: Mapping[str, Any]  # the field tree `drift.ignore` may name
    required: Mapping[str, str]  # fields needed unless state is absent -> how a message names it
    references: tuple[Reference, ...] = ()
    unvalidated: Callable[[dict[str, Any]], list[SpecIssue]] | None = None  # raw-data checks
    plural: str = ""  # `what` in the plural, when adding an "s" is wrong
    # The console cannot remove one: what to write instead of `state: absent` (refused then).
    instead_of_absent: str = ""

    def count(self, n: int) -> str:
        """`1 mail route`, `2 mail routes`."""
        return f"{n} {self.what if n == 1 else (self.plural or self.what + 's')}"

    def missing(self, field: str, key: object) -> str:
        """The problem of a present step whose resource leaves out `field` (`key` if known)."""
        named = f" {key!r}" if isinstance(key, str) else ""
        return (
            f"{self.what}{named} needs {self.required[field]}; "
            "only 'state: absent' may leave it out"
        )
