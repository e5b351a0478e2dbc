"""The runbook JSON Schema, generated from the model (for editors and CI)."""

from __future__ import annotations

from typing import Any

from runbook.file.kinds import KINDS
from runbook.file.model import Runbook

_HIDDEN: dict[str, set[str]] = {"Runbook": {"secrets", "secret_names", "source"}}
for _info in KINDS.values():
    for _ref in _info.references:
        _HIDDEN.setdefault(_ref.holder or _info.model.__name__, set()).add(_ref.existing_field)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a runbook file: the model as YAML spells it (draft 2020-12)."""
    schema = Runbook.model_json_schema(mode="validation")
    for name, fields in _HIDDEN.items():
        target = schema if name == "Runbook" else schema["$defs"].get(name)
        if target is None:
            continue  # a model whose schema is written by hand (it leaves the field out)
        for field in sorted(fields):
            target["properties"].pop(field, None)
            if field in target.get("required", []):
                target["required"].remove(field)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **{k: v for k, v in schema.items() if k != "title"},
        "title": "runbook",
    }
