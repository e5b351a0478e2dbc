"""Per-field comparison of what the console has with what the runbook asks for."""

from __future__ import annotations

from typing import Any

from runbook.engine.result import FieldChange


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
    """The fields whose value differs, in the runbook's field order; all of them for a create."""
    before = flatten(have) if have is not None else {}
    after = flatten(want)
    changes = [
        FieldChange(field=path, before=before.get(path), after=value)
        for path, value in after.items()
        if (have is None and value is not None) or (have is not None and before.get(path) != value)
    ]
    changes.extend(
        FieldChange(field=path, before=value, after=None)
        for path, value in before.items()
        if path not in after and value is not None
    )
    return changes
