"""Console entries written as a runbook: each entry's fields that differ from a new entry's."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from runbook.file.interpolate import literal
from runbook.file.kinds import KINDS, KindInfo, hidden_fields

SCHEMA_FILE = Path("schema") / "runbook.schema.json"
DEFAULT_SCHEMA_REF = "../schema/runbook.schema.json"


@dataclass
class Entry:
    """One console entry read for export: its kind, key, fields and what runbook cannot say."""

    kind: str
    key: str
    have: Mapping[str, Any]
    missing: list[str] = field(default_factory=list)  # options the console shows, unmodeled


def kinds_in_order(kinds: Sequence[str]) -> list[str]:
    """`kinds` with every kind after the kinds its references name (routes before rules)."""
    ordered: list[str] = []

    def visit(kind: str) -> None:
        if kind in ordered:
            return
        for ref in KINDS[kind].references:
            if ref.kind in kinds:
                visit(ref.kind)
        ordered.append(kind)

    for kind in KINDS:
        if kind in kinds:
            visit(kind)
    return ordered


def file_fields(info: KindInfo, have: Mapping[str, Any]) -> dict[str, Any]:
    """The entry as a runbook writes it: the fields that differ from the model's defaults.

    The model's defaults are the console's for a new entry; `ValidationError` when the console
    holds a value the model refuses.
    """
    model = info.model.model_validate(_given(info, have), context={"console": True})
    hidden = hidden_fields() & set(info.model.model_fields)
    dumped = _pruned(model.model_dump(mode="json", exclude_defaults=True, exclude=hidden))
    order = list(info.fields)
    return dict(sorted(dumped.items(), key=lambda kv: _rank(order, kv[0])))


def _given(info: KindInfo, have: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the console sets: an option left empty (off, none) as a new entry has it is
    not given, so that an action's choices hold (a rejected message has no Modify options)."""
    out: dict[str, Any] = {}
    for key, value in have.items():
        spec = info.model.model_fields.get(key)
        if spec is None:
            continue
        default = spec.get_default(call_default_factory=True)
        if isinstance(default, BaseModel):
            default = default.model_dump()
        if not (_empty(value) and _empty(default)):
            out[key] = value
    return out


def _empty(value: Any) -> bool:
    """Off, none, or a group of such values."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value is False or value == [] or value == ""


def _rank(order: list[str], key: str) -> int:
    """Where `key` goes: in the kind's field tree order, fields it does not list last."""
    return order.index(key) if key in order else len(order)


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """`data` without the groups left empty once their defaults are out (`headers: {}`)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _pruned(value)
            if not value:
                continue
        out[key] = value
    return out


def _referenced(info: KindInfo, fields: dict[str, Any], written: set[tuple[str, str]]) -> None:
    """A reference to an entry this file does not write becomes `{name, existing: true}`."""
    for ref in info.references:
        name = fields.get(ref.field)
        if isinstance(name, str) and (ref.kind, name) not in written:
            fields[ref.field] = {"name": name, "existing": True}


def step_name(info: KindInfo, key: str, *, inherited: bool = False) -> str:
    """The step of an exported entry: `Mail route: Legacy mail server`; an inherited one that
    its OU switches off, `Inherited routing rule: X` (an OU's own entry may share its key)."""
    what = f"inherited {info.what}" if inherited else info.what
    return f"{what[:1].upper()}{what[1:]}: {key}"


def schema_ref(output: Path | None) -> str:
    """The `$schema` of a runbook written at `output`: the nearest `schema/` folder above it."""
    if output is not None:
        folder = output.resolve().parent
        for parent in (folder, *folder.parents):
            if (parent / SCHEMA_FILE).is_file():
                return Path(os.path.relpath(parent / SCHEMA_FILE, folder)).as_posix()
    return DEFAULT_SCHEMA_REF


def _dump(data: Any) -> str:
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


def _literals(data: Any) -> Any:
    """`data` with every string as a runbook reads it back literally (`${` escaped)."""
    if isinstance(data, str):
        return literal(data)
    if isinstance(data, dict):
        return {key: _literals(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_literals(value) for value in data]
    return data


def _indented(text: str, prefix: str = "  ") -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))


def _step(entry: Entry, written: set[tuple[str, str]]) -> str:
    """One step's YAML (indented under `steps:`), a comment first when it is partial."""
    info = KINDS[entry.kind]
    notes = [f"runbook does not model option {name!r} of this entry" for name in entry.missing]
    try:
        fields = file_fields(info, entry.have)
    except ValidationError as exc:
        reasons = sorted({str(e["msg"]) for e in exc.errors()})
        notes = [f"{step_name(info, entry.key)} not exported: {r}" for r in reasons]
        return "".join(f"  # {note}\n" for note in notes)
    _referenced(info, fields, written)
    inherited = bool(entry.have.get("inherited"))
    step = {"name": step_name(info, entry.key, inherited=inherited), entry.kind: fields}
    text = _dump([_literals(step)])
    return "".join(f"  # {note}\n" for note in notes) + _indented(text)


def runbook_text(
    entries: Sequence[Entry],
    *,
    name: str,
    description: str,
    console: Mapping[str, Any],
    schema: str = DEFAULT_SCHEMA_REF,
) -> str:
    """The runbook of `entries`, in the order given: the same entries give the same bytes."""
    written = {(e.kind, e.key) for e in entries}
    head = _dump(
        _literals(
            {"version": 1, "name": name, "description": description, "console": dict(console)}
        )
    )
    steps = "".join(_step(entry, written) for entry in entries)
    return f"# yaml-language-server: $schema={schema}\n{head}steps:\n{steps}"


def partial_entries(entries: Sequence[Entry]) -> list[Entry]:
    """The entries a runbook cannot express whole (an option it does not model, a refused value)."""
    out = []
    for entry in entries:
        if entry.missing:
            out.append(entry)
            continue
        try:
            file_fields(KINDS[entry.kind], entry.have)
        except ValidationError:
            out.append(entry)
    return out
