"""A runbook file as located data: positions of every value and key, problems, file reading.

`Source` is what the YAML reader (`runbook.file.yamlsource`) produces and what the loader
reports problems into; `read_text` refuses files too large or not UTF-8 before any parsing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

MAX_BYTES = 1024 * 1024  # a runbook is a few KiB; refuse anything over 1 MiB

DocPath = tuple[str | int, ...]


class Pos(NamedTuple):
    """A 1-based line and column in the file."""

    line: int
    column: int


@dataclass(frozen=True)
class Issue:
    """A problem found while reading: where, and what (the loader turns it into a `Problem`)."""

    pos: Pos
    message: str


class SourceFatal(Exception):
    """The file cannot be read into data at all; carries the issues that say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.message for i in issues))
        self.issues = issues


@dataclass
class Source:
    """The data of a runbook file, with the position of every value and key in it."""

    file: str
    text: str
    data: dict[str, Any]
    positions: dict[DocPath, Pos] = field(default_factory=dict)
    key_positions: dict[DocPath, Pos] = field(default_factory=dict)
    issues: list[tuple[DocPath, Issue]] = field(default_factory=list)
    secrets: set[str] = field(default_factory=set)
    secret_names: dict[str, str] = field(default_factory=dict)  # secret -> its env variable
    variables: dict[str, str] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)  # `vars` keys and `${name}` references
    templates: list[Template] = field(default_factory=list)  # values holding `${...}`

    def report(self, path: DocPath, message: str, pos: Pos | None = None) -> None:
        """Record a problem at `path` (or at `pos` when given)."""
        self.issues.append((path, Issue(pos or self.position(path), message)))

    def reported(self, path: DocPath) -> bool:
        """True when a problem was already recorded at `path` or at a value containing it."""
        return any(seen and path[: len(seen)] == seen for seen, _ in self.issues)

    def inside_reported(self, path: DocPath) -> bool:
        """True when a problem was recorded at `path` or anywhere below it."""
        return any(seen[: len(path)] == path for seen, _ in self.issues)

    def position(self, path: DocPath) -> Pos:
        """The position of the value at `path`, or of its nearest recorded ancestor."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(path[:end])
            if pos is not None:
                return pos
        return Pos(1, 1)

    def key_position(self, path: DocPath) -> Pos:
        """The position of the key that introduces `path`, else of its value."""
        return self.key_positions.get(path) or self.position(path)


@dataclass
class Template:
    """A scalar whose text holds `${...}`: where it is in the data and in the file text."""

    path: DocPath
    text: str
    start: int  # index of the scalar in the file text
    end: int
    plain: bool  # written unquoted: the substituted text is read as YAML would read it


def read_text(path: Path) -> str:
    """The text of `path`: refuses files over `MAX_BYTES` and text that is not UTF-8.

    Raises `OSError` when the file cannot be read, `SourceFatal` when it is not acceptable.
    """
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        size = os.path.getsize(path)
        raise SourceFatal(
            [
                Issue(
                    Pos(1, 1),
                    f"the file is too large ({size} bytes); a runbook "
                    f"may be at most {MAX_BYTES // 1024} KiB",
                )
            ]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceFatal([Issue(Pos(1, 1), "the file is UTF-16 text; save it as UTF-8")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        raise SourceFatal(
            [
                Issue(
                    Pos(line, column),
                    f"the file is not UTF-8 text (byte "
                    f"0x{byte:02X} cannot be decoded); save it as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")
