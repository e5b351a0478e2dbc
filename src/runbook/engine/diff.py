"""Per-field comparison of what the console has with what the runbook asks for."""

from __future__ import annotations

import json
from typing import Any

from runbook.results import FieldChange

# Tables whose rows the console balances as a set: their order means nothing.
HOST_TABLES = frozenset({"primary", "secondary"})


def comparable(data: Any) -> Any:
    """`data` as it is compared: the rows of each host table in one canonical order."""
    if not isinstance(data, dict):
        return data
    return {
        key: _rows(value) if key in HOST_TABLES else comparable(value)
        for key, value in data.items()
    }


def _rows(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    rows = [comparable(row) for row in value]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings as dotted paths (`server.single_host.port`); lists stay whole values."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out.update(flatten(value, f"{path}."))
        else:
            out[path] = value
    return out


def diff(have: dict[str, Any] | None, want: dict[str, Any]) -> list[FieldChange]:
    """The fields whose value differs, in the runbook's field order; all of them for a create.

    Values are compared as `comparable` makes them, and reported as the console and the
    runbook list them.
    """
    before = flatten(have) if have is not None else {}
    after = flatten(want)
    seen = flatten(comparable(have)) if have is not None else {}
    wanted = flatten(comparable(want))
    changes = [
        FieldChange(field=path, before=before.get(path), after=value)
        for path, value in after.items()
        if (have is None and value is not None)
        or (have is not None and seen.get(path) != wanted[path])
    ]
    changes.extend(
        FieldChange(field=path, before=value, after=None)
        for path, value in before.items()
        if path not in after and value is not None
    )
    return changes
