"""Checks across steps: duplicate keys, `change_route` references, `drift.ignore` targets.

They run on plain facts drawn either from validated models or from the raw file data, so a
file whose steps have errors of their own still gets these checks (all problems at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from runbook.names import shown
from runbook.spec.checks import did_you_mean

if TYPE_CHECKING:
    from runbook.spec.model import Runbook

DocPath = tuple[str | int, ...]
CrossIssue = tuple[DocPath, str]

_ROW: dict[str, Any] = {}  # a host table is compared whole, as `drift` diffs it
_MATCH: dict[str, Any] = {"match": {}, "value": {}}
FIELD_TREES: dict[str, dict[str, Any]] = {
    "mail_route": {
        "name": {},
        "server": {
            "single_host": {"host": {}, "port": {}},
            "multiple_hosts": {"primary": _ROW, "secondary": _ROW},
        },
        "mx_lookup": {},
        "require_tls": {},
        "require_ca_signed_certificate": {},
        "validate_certificate_hostname": {},
    },
    "routing_rule": {
        "description": {},
        "messages": {},
        "action": {},
        "change_route": {},
        "account_types": {},
        "envelope_filter": {"senders": _MATCH, "recipients": _MATCH},
        "enabled": {},
    },
}
_WHAT = {"mail_route": "mail route", "routing_rule": "routing rule"}


@dataclass(frozen=True)
class StepFacts:
    """What the cross checks need of one step."""

    index: int
    name: str | None
    state: str
    kind: str | None
    key: str | None
    change_route: str | None = None
    change_route_existing: bool = False
    change_route_path: DocPath = ()


@dataclass(frozen=True)
class IgnoreFacts:
    """What the cross checks need of one `drift.ignore` entry."""

    index: int
    step: str | None
    field: str | None


def facts_from_models(book: Runbook) -> tuple[list[StepFacts], list[IgnoreFacts]]:
    """Facts of a validated runbook."""
    steps: list[StepFacts] = []
    for i, step in enumerate(book.steps):
        rule = step.routing_rule
        steps.append(
            StepFacts(
                index=i,
                name=step.name,
                state=step.state,
                kind=step.kind,
                key=step.key,
                change_route=rule.change_route if rule else None,
                change_route_existing=rule.change_route_existing if rule else False,
                change_route_path=("steps", i, "routing_rule", "change_route"),
            )
        )
    ignores = [IgnoreFacts(j, ig.step, ig.field) for j, ig in enumerate(book.drift.ignore)]
    return steps, ignores


def facts_from_data(data: dict[str, Any]) -> tuple[list[StepFacts], list[IgnoreFacts]]:
    """Facts of raw runbook data, whatever its shape (anything unexpected is left out)."""
    steps: list[StepFacts] = []
    raw_steps = data.get("steps")
    for i, raw in enumerate(raw_steps if isinstance(raw_steps, list) else []):
        if not isinstance(raw, dict):
            continue
        name = raw.get("name") if isinstance(raw.get("name"), str) else None
        state = raw.get("state", "present")
        kinds = [k for k in ("mail_route", "routing_rule") if isinstance(raw.get(k), dict)]
        if len(kinds) != 1 or state not in ("present", "absent"):
            steps.append(StepFacts(i, name, "present", None, None))
            continue
        kind = kinds[0]
        resource = raw[kind]
        key_field = "name" if kind == "mail_route" else "description"
        key = resource.get(key_field) if isinstance(resource.get(key_field), str) else None
        route: str | None = None
        existing = False
        path: DocPath = ("steps", i, kind, "change_route")
        spec = resource.get("change_route") if kind == "routing_rule" else None
        if isinstance(spec, str):
            route = spec
        elif isinstance(spec, dict) and isinstance(spec.get("name"), str):
            route = spec["name"]
            existing = spec.get("existing") is True
            path = (*path, "name")
        steps.append(StepFacts(i, name, state, kind, key, route, existing, path))
    ignores: list[IgnoreFacts] = []
    drift = data.get("drift")
    raw_ignores = drift.get("ignore") if isinstance(drift, dict) else None
    for j, raw in enumerate(raw_ignores if isinstance(raw_ignores, list) else []):
        if isinstance(raw, dict):
            step = raw.get("step") if isinstance(raw.get("step"), str) else None
            field = raw.get("field") if isinstance(raw.get("field"), str) else None
            ignores.append(IgnoreFacts(j, step, field))
    return steps, ignores


def check_steps(steps: list[StepFacts], ignores: list[IgnoreFacts]) -> list[CrossIssue]:
    """Every cross-step problem, each with the path of the value it is about."""
    issues: list[CrossIssue] = []
    issues += _duplicates(steps)
    issues += _routes_used(steps)
    issues += _ignores(steps, ignores)
    return issues


def _duplicates(steps: list[StepFacts]) -> list[CrossIssue]:
    issues: list[CrossIssue] = []
    names: dict[str, int] = {}
    keys: dict[tuple[str, str], tuple[int, str]] = {}
    for f in steps:
        if f.name is not None:
            if f.name in names:
                issues.append(
                    (
                        ("steps", f.index, "name"),
                        f"step name {f.name!r} is already "
                        f"used by step {names[f.name] + 1}; step names must be unique",
                    )
                )
            else:
                names[f.name] = f.index
        if f.kind is None or f.key is None:
            continue
        key = (f.kind, shown(f.key))  # two names the console shows alike are one entry
        if key in keys:
            first, earlier = keys[key]
            key_field = "name" if f.kind == "mail_route" else "description"
            alike = "" if earlier == f.key else f" as {earlier!r}, which the console shows alike"
            issues.append(
                (
                    ("steps", f.index, f.kind, key_field),
                    f"{_WHAT[f.kind]} {f.key!r} is already managed by step {first + 1}{alike}; "
                    "each route or rule belongs to one step",
                )
            )
        else:
            keys[key] = (f.index, f.key)
    return issues


def _routes_used(steps: list[StepFacts]) -> list[CrossIssue]:
    issues: list[CrossIssue] = []
    routes = [f for f in steps if f.kind == "mail_route" and f.key is not None]
    for f in steps:
        if f.kind != "routing_rule" or f.state != "present" or f.change_route is None:
            continue
        name = f.change_route
        same = [r for r in routes if r.key is not None and shown(r.key) == shown(name)]
        removed = [r for r in same if r.state == "absent"]
        if removed:
            issues.append(
                (
                    f.change_route_path,
                    f"change_route names mail route {name!r}, which "
                    f"step {removed[0].index + 1} removes (state: absent)",
                )
            )
            continue
        if f.change_route_existing:
            continue
        if any(r.index < f.index for r in same):
            continue
        later = [r for r in same if r.index > f.index]
        if later:
            issues.append(
                (
                    f.change_route_path,
                    f"mail route {name!r} is defined later, by step "
                    f"{later[0].index + 1}; move that step before this one so the route "
                    "exists when the rule is saved",
                )
            )
            continue
        earlier = [r.key for r in routes if r.index < f.index and r.key is not None]
        hint = did_you_mean(name, earlier)
        issues.append(
            (
                f.change_route_path,
                f"no earlier step defines mail route {name!r}"
                f"{hint}; add a mail_route step before this one, or write "
                f"change_route: {{name: {name}, existing: true}} if the route already "
                "exists in the console",
            )
        )
    return issues


def _ignores(steps: list[StepFacts], ignores: list[IgnoreFacts]) -> list[CrossIssue]:
    issues: list[CrossIssue] = []
    for ig in ignores:
        if ig.step is None:
            continue
        target = next((f for f in steps if ig.step in (f.name, f.key)), None)
        if target is None:
            names = [n for f in steps for n in (f.name, f.key) if n]
            issues.append(
                (
                    ("drift", "ignore", ig.index, "step"),
                    f"no step is named "
                    f"{ig.step!r}, and no route or rule has that name"
                    f"{did_you_mean(ig.step, names)}",
                )
            )
            continue
        if ig.field is None or target.kind is None:
            continue
        problem = field_path_problem(target.kind, ig.field)
        if problem:
            issues.append((("drift", "ignore", ig.index, "field"), problem))
    return issues


def field_path_problem(kind: str, path: str) -> str | None:
    """Why `path` (like `server.single_host.port`) is not a field of a `kind`, or None."""
    tree = FIELD_TREES[kind]
    done: list[str] = []
    for part in path.split("."):
        if part in tree:
            tree = tree[part]
        else:
            where = ".".join(done) or _WHAT[kind]
            if not tree:
                return (
                    f"{where} is compared as a whole; write field: {where} (no {part!r} below it)"
                )
            fields = ", ".join(tree)
            return (
                f"{part!r} is not a field of {where}{did_you_mean(part, tree)} (fields: {fields})"
            )
        done.append(part)
    return None
