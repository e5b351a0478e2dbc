"""The JSON documents runbook prints (`--json`) and writes (report.json): one shape each,
whatever the number of files, every one with its `format` number (`docs/outputs.md`).

Changing a document's shape (a key renamed, removed, retyped or made required) means a new
`FORMAT`; its JSON Schema is in `schema/` (`runbook.outputs.schemas` writes them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

FORMAT = 1


def document(**keys: Any) -> dict[str, Any]:
    """A document: its format first, then `keys`."""
    return {"format": FORMAT, **keys}


def runs_document(runs: Iterable[Mapping[str, Any]], exit_code: int) -> dict[str, Any]:
    """`run`, `drift`, `plan`, `apply`, `export`: every run's document, and the exit code."""
    return document(runs=list(runs), exit_code=int(exit_code))


def error_document(message: str, exit_code: int) -> dict[str, Any]:
    """A command that stopped on an error: the message and the exit code."""
    return document(error=message, exit_code=int(exit_code))


def errors_document(problems: Iterable[Mapping[str, Any]], exit_code: int) -> dict[str, Any]:
    """Invalid runbooks (or tenants, or labels file): every problem, and the exit code."""
    return document(errors=list(problems), exit_code=int(exit_code))


def dumps(doc: Mapping[str, Any]) -> str:
    """A document as printed and written: indented, UTF-8 kept."""
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str)
