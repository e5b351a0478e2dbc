"""The state document's entry kinds, one table row each, and its check (`/_sim/state`, the file)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from runbook.simulator.default_validation import DEFAULT_RULE_KEYS, normalize_default_rule
from runbook.simulator.org_units import TOP, check_disabled, check_org_units, entry_unit
from runbook.simulator.validation import (
    ROUTE_KEYS,
    RULE_KEYS,
    SETTING_BLOCKS,
    Invalid,
    Json,
    normalize_route,
    normalize_rule,
)

Kind = Literal["route", "rule", "default"]  # default: a Default routing setting


@dataclass(frozen=True)
class KindRow:
    """One kind of console entry: where the document keeps it and how it is checked."""

    key: str  # its list in the state document
    name_field: str  # the field that names an entry
    audit: str  # the audit's noun: create_<audit>, update_<audit>, delete_<audit>
    check: Callable[[Any, Collection[str], Collection[str]], Json]  # (raw, taken, routes)
    fields: tuple[str, ...]  # the fields an entry has (a fault's change may name)
    is_route: bool = False  # its entries are the routes the other kinds' entries name
    per_ou: bool = False  # each entry is set in one OU (`org_unit`) and inherited below it


def _route(raw: Any, taken: Collection[str], routes: Collection[str]) -> Json:
    return normalize_route(raw, taken_names=taken)


def _rule(raw: Any, taken: Collection[str], routes: Collection[str]) -> Json:
    return normalize_rule(raw, taken_descriptions=taken, route_names=routes)


def _default(raw: Any, taken: Collection[str], routes: Collection[str]) -> Json:
    return normalize_default_rule(raw, taken_descriptions=taken, route_names=routes)


KINDS: dict[Kind, KindRow] = {
    "route": KindRow("routes", "name", "route", _route, ROUTE_KEYS, is_route=True),
    "rule": KindRow("routing_rules", "description", "rule", _rule, RULE_KEYS, per_ou=True),
    "default": KindRow(
        "default_routing_rules",
        "description",
        "default_rule",
        _default,
        DEFAULT_RULE_KEYS,
        per_ou=True,
    ),
}
DOCUMENT_KEYS = tuple(row.key for row in KINDS.values())
TREE_KEYS = ("org_units", "disabled_inherited")
DOMAINS_KEY = "domains"  # the organization's domains and their DKIM state (`dkim.py`)
GMAIL_SETTINGS_KEY = "gmail_settings"  # the Gmail settings pages per OU (`gmail_settings.py`)


def check_entry(
    row: KindRow,
    raw: Any,
    entries: Iterable[Json],
    routes: Collection[str],
    units: Sequence[str],
    default_unit: str = TOP,
) -> Json:
    """One entry of a kind, canonical: its name is free among `entries` (of its OU, per OU)."""
    if not row.per_ou:
        return row.check(raw, {e[row.name_field] for e in entries}, routes)
    fields, unit = entry_unit(raw, units, default_unit)
    taken = {e[row.name_field] for e in entries if e["org_unit"] == unit}
    return {**row.check(fields, taken, routes), "org_unit": unit}


def check_tree(doc: Any) -> tuple[list[str], list[Json]]:
    """The OU tree of a state document and its disabled inherited rules."""
    units = check_org_units(doc.get("org_units") if isinstance(doc, dict) else None)
    raw = doc.get("disabled_inherited") if isinstance(doc, dict) else None
    return units, check_disabled(raw, units)


def check_document(doc: Any) -> dict[Kind, list[Json]]:
    """The entries of each kind of a state document, canonical, or `Invalid`.

    Entries may leave out optional fields: the console's defaults for a new entry fill them.
    Routes come first: the other kinds' entries are checked against them.
    """
    if not isinstance(doc, dict):
        raise Invalid("err_bad_request", "state", "expected an object")
    unknown = sorted(
        set(doc) - {*DOCUMENT_KEYS, *SETTING_BLOCKS, *TREE_KEYS, DOMAINS_KEY, GMAIL_SETTINGS_KEY}
    )
    if unknown:
        raise Invalid("err_bad_request", "state", f"unknown field(s) {', '.join(unknown)}")
    out: dict[Kind, list[Json]] = {}
    names: set[str] = set()
    units, _ = check_tree(doc)
    for kind, row in KINDS.items():
        raw_entries = doc.get(row.key) or []
        if not isinstance(raw_entries, list):
            raise Invalid("err_bad_request", "state", f"{row.key} must be a list")
        entries: list[Json] = []
        for i, raw in enumerate(raw_entries):
            try:
                entries.append(check_entry(row, raw, entries, names, units))
            except Invalid as exc:
                raise Invalid(exc.key, f"{row.key}.{i}.{exc.field}", exc.detail) from None
        out[kind] = entries
        if row.is_route:
            names = {e[row.name_field] for e in entries}
    return out
