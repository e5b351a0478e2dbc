"""The console's organizational units: their tree (paths), rules per OU and inherited rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from runbook.simulator.validation import Invalid, Json

TOP = "/"
DEFAULT_ORG_UNITS: tuple[str, ...] = (TOP, "/Sales")


def parent_of(path: str) -> str | None:
    """The parent OU of `path` (None for the top)."""
    if path == TOP:
        return None
    head = path.rsplit("/", 1)[0]
    return head or TOP


def ancestors(path: str) -> list[str]:
    """The OUs above `path`, the top first."""
    out: list[str] = []
    at = parent_of(path)
    while at is not None:
        out.insert(0, at)
        at = parent_of(at)
    return out


def leaf_name(path: str) -> str:
    """The name the picker shows for a child OU (its last part)."""
    return path.rsplit("/", 1)[-1]


def path_problem(path: Any) -> str | None:
    """Why `path` is not an OU path like `/` or `/Sales/EMEA`, or None."""
    if not isinstance(path, str) or not path.startswith("/"):
        return "an organizational unit is a path that starts with '/'"
    if path != TOP and (path.endswith("/") or "//" in path or path != path.strip()):
        return f"organizational unit {path!r} has an empty or padded part"
    return None


def check_org_units(raw: Any) -> list[str]:
    """The OU tree of a state document: paths, each one's parent listed before it."""
    if raw is None:
        return list(DEFAULT_ORG_UNITS)
    if not isinstance(raw, list):
        raise Invalid("err_bad_request", "org_units", "must be a list of paths")
    units = [TOP]
    for i, path in enumerate(raw):
        problem = path_problem(path)
        if problem:
            raise Invalid("err_bad_request", f"org_units.{i}", problem)
        if path in units:
            continue
        if parent_of(path) not in units:
            raise Invalid("err_bad_request", f"org_units.{i}", f"{path}: its parent is not listed")
        units.append(path)
    return units


def entry_unit(raw: Any, units: Sequence[str], default: str = TOP) -> tuple[Any, str]:
    """Split a rule as written into (its fields without `org_unit`, its OU, checked)."""
    if not isinstance(raw, dict) or "org_unit" not in raw:
        return raw, default
    unit = raw["org_unit"]
    if path_problem(unit) or unit not in units:
        raise Invalid("err_bad_request", "org_unit", f"no organizational unit {unit!r}")
    return {k: v for k, v in raw.items() if k != "org_unit"}, unit


# The kinds whose entries are inherited (state keys); a mark without `kind` is a routing rule's.
INHERITED_KINDS = ("routing_rules", "default_routing_rules")


def check_disabled(raw: Any, units: Sequence[str]) -> list[Json]:
    """`disabled_inherited`: [{org_unit, description, kind}], each in a child OU; `kind` (the
    state key of the entry switched off: `routing_rules` when not given) keeps a Default
    routing setting and a Routing rule of one description apart."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise Invalid("err_bad_request", "disabled_inherited", "must be a list")
    out: list[Json] = []
    for i, item in enumerate(raw):
        where = f"disabled_inherited.{i}"
        keys = {"org_unit", "description"}
        if not isinstance(item, dict) or not keys <= set(item) <= keys | {"kind"}:
            raise Invalid("err_bad_request", where, "expected {org_unit, description, kind}")
        item = {"kind": INHERITED_KINDS[0], **item}
        if item["kind"] not in INHERITED_KINDS:
            raise Invalid("err_bad_request", where, f"kind must be one of {INHERITED_KINDS}")
        if item["org_unit"] not in units or item["org_unit"] == TOP:
            raise Invalid("err_bad_request", where, "org_unit must be a child OU of the tree")
        if not isinstance(item["description"], str) or not item["description"].strip():
            raise Invalid("err_bad_request", where, "description must be a non-empty string")
        mark = disabled_mark(item["kind"], item["org_unit"], item["description"])
        if mark not in out:
            out.append(mark)
    return out


def disabled_mark(kind: str, unit: str, description: str) -> Json:
    """The record that the inherited entry `description` of `kind` is off in `unit`."""
    return {"org_unit": unit, "description": description, "kind": kind}


def in_view(
    entries: Iterable[tuple[str, Json]], unit: str, disabled: Sequence[Json], kind: str
) -> list[tuple[str, Json]]:
    """What the page of OU `unit` lists of `kind` (a state key): inherited entries (the top's
    first), then its own.

    An inherited rule is marked `inherited` and is on only when it is on where it is set and
    no OU between there and `unit` (this one included) disabled it.
    """
    above = ancestors(unit)
    rows = list(entries)
    out: list[tuple[str, Json]] = []
    for source in above:
        below = [*above[above.index(source) + 1 :], unit]
        for entry_id, entry in rows:
            if entry["org_unit"] != source:
                continue
            off = any(disabled_mark(kind, u, entry["description"]) in disabled for u in below)
            out.append(
                (entry_id, {**entry, "enabled": entry["enabled"] and not off, "inherited": True})
            )
    out += [(i, {**e, "inherited": False}) for i, e in rows if e["org_unit"] == unit]
    return out
