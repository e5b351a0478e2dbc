"""Checks across steps: duplicate keys, `change_route` references, `drift.ignore` targets.

They run on plain facts drawn either from validated models or from the raw file data, so a
file whose steps have errors of their own still gets these checks (all problems at once).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from runbook.file.checks import did_you_mean
from runbook.file.kinds import KINDS, KindInfo, kind_info, nouns
from runbook.file.references import Reference
from runbook.names import shown

if TYPE_CHECKING:
    from runbook.file.model import Runbook

DocPath = tuple[str | int, ...]
CrossIssue = tuple[DocPath, str]


@dataclass(frozen=True)
class RefFacts:
    """A reference a step makes to a resource of another kind, as written."""

    ref: Reference
    name: str
    existing: bool
    path: DocPath


@dataclass(frozen=True)
class StepFacts:
    """What the cross checks need of one step."""

    index: int
    name: str | None
    state: str
    kind: str | None
    key: str | None
    refs: tuple[RefFacts, ...] = ()
    # Where the entry is, for a kind placed per OU: its OU, and whether it is inherited
    # there (the same description is another entry in another OU, or inherited).
    place: tuple[str, bool] | None = None
    own_unit: bool = False  # the step names its OU (else the console's applies)


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
        resource = step.resource
        refs = tuple(
            RefFacts(ref, name, getattr(holder, ref.existing_field) is True, path)
            for ref in kind_info(step.kind).references
            for holder, where in ref.uses(resource)
            if isinstance(name := getattr(holder, ref.field, None), str)
            for path in [("steps", i, step.kind, *where, ref.field)]
        )
        raw = resource.model_dump()
        place = _place(raw, book.console.org_unit)
        own = raw.get("org_unit") is not None
        steps.append(StepFacts(i, step.name, step.state, step.kind, step.key, refs, place, own))
    ignores = [IgnoreFacts(j, ig.step, ig.field) for j, ig in enumerate(book.drift.ignore)]
    return steps, ignores


def facts_from_data(data: dict[str, Any]) -> tuple[list[StepFacts], list[IgnoreFacts]]:
    """Facts of raw runbook data, whatever its shape (anything unexpected is left out)."""
    steps: list[StepFacts] = []
    console = data.get("console")
    unit = console.get("org_unit") if isinstance(console, dict) else None
    top = unit if isinstance(unit, str) else "/"
    raw_steps = data.get("steps")
    for i, raw in enumerate(raw_steps if isinstance(raw_steps, list) else []):
        if not isinstance(raw, dict):
            continue
        name = raw.get("name") if isinstance(raw.get("name"), str) else None
        state = raw.get("state", "present")
        kinds = [k for k in KINDS if isinstance(raw.get(k), dict)]
        if len(kinds) != 1 or state not in ("present", "absent"):
            steps.append(StepFacts(i, name, "present", None, None))
            continue
        info = KINDS[kinds[0]]
        resource = raw[info.key]
        key = resource.get(info.key_field)
        refs = tuple(_raw_refs(info, resource, i))
        place = _place(resource, top)
        own = resource.get("org_unit") is not None
        key = key if isinstance(key, str) else None
        steps.append(StepFacts(i, name, state, info.key, key, refs, place, own))
    ignores: list[IgnoreFacts] = []
    drift = data.get("drift")
    raw_ignores = drift.get("ignore") if isinstance(drift, dict) else None
    for j, raw in enumerate(raw_ignores if isinstance(raw_ignores, list) else []):
        if isinstance(raw, dict):
            step = raw.get("step") if isinstance(raw.get("step"), str) else None
            field = raw.get("field") if isinstance(raw.get("field"), str) else None
            ignores.append(IgnoreFacts(j, step, field))
    return steps, ignores


def _place(resource: dict[str, Any], top: str) -> tuple[str, bool]:
    """The OU of a resource (its own, else the run's) and whether it is inherited there."""
    unit = resource.get("org_unit")
    return (unit if isinstance(unit, str) else top, resource.get("inherited") is True)


def _raw_refs(info: KindInfo, resource: dict[str, Any], index: int) -> list[RefFacts]:
    """The references of a raw resource: `field: key` or `field: {name: key, existing: ...}`."""
    out: list[RefFacts] = []
    for ref in info.references:
        for holder, where in ref.uses(resource):
            out += _raw_ref(ref, holder, ("steps", index, info.key, *where, ref.field))
    return out


def _raw_ref(ref: Reference, holder: Any, path: DocPath) -> list[RefFacts]:
    """The reference `holder` (raw data) makes, if it is written as one."""
    out: list[RefFacts] = []
    if isinstance(holder, dict):
        spec = holder.get(ref.field)
        if isinstance(spec, str):
            out.append(RefFacts(ref, spec, False, path))
        elif isinstance(spec, dict) and isinstance(spec.get("name"), str):
            out.append(RefFacts(ref, spec["name"], spec.get("existing") is True, (*path, "name")))
    return out


def check_steps(steps: list[StepFacts], ignores: list[IgnoreFacts]) -> list[CrossIssue]:
    """Every cross-step problem, each with the path of the value it is about."""
    issues: list[CrossIssue] = []
    issues += _duplicates(steps)
    issues += _inherited_at_top(steps)
    issues += _references(steps)
    issues += _ignores(steps, ignores)
    return issues


def _duplicates(steps: list[StepFacts]) -> list[CrossIssue]:
    issues: list[CrossIssue] = []
    names: dict[str, int] = {}
    keys: dict[tuple[str, tuple[str, bool] | None, str], tuple[int, str]] = {}
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
        key = (f.kind, f.place, shown(f.key))  # two names the console shows alike are one entry
        if key in keys:
            first, earlier = keys[key]
            info = kind_info(f.kind)
            alike = "" if earlier == f.key else f" as {earlier!r}, which the console shows alike"
            unit, inherited = f.place or ("/", False)
            where = "" if unit == "/" else f" in {unit}"
            what = f"inherited {info.what}" if inherited else info.what
            issues.append(
                (
                    ("steps", f.index, f.kind, info.key_field),
                    f"{what} {f.key!r}{where} is already managed by step {first + 1}{alike}; "
                    f"each {nouns()} belongs to one step",
                )
            )
        else:
            keys[key] = (f.index, f.key)
    return issues


def _inherited_at_top(steps: list[StepFacts]) -> list[CrossIssue]:
    """An entry inherited at the top OU by the console's org unit: nothing is inherited there
    (a step naming `org_unit: /` itself is told so at that line)."""
    issues: list[CrossIssue] = []
    for f in steps:
        if f.kind is not None and f.place == ("/", True) and not f.own_unit:
            issues.append(
                (
                    ("steps", f.index, f.kind, "inherited"),
                    f"an inherited {kind_info(f.kind).what} needs an org unit below the top: "
                    "nothing is inherited at /; give the step (or console) the org_unit where "
                    "it is switched, e.g. org_unit: /Sales",
                )
            )
    return issues


def _references(steps: list[StepFacts]) -> list[CrossIssue]:
    issues: list[CrossIssue] = []
    # The steps of each kind, and of each kind and name as the console shows it: found once,
    # not once per reference (a file of a thousand routes and rules reads in linear time).
    defined: dict[str, list[StepFacts]] = {}
    named: dict[tuple[str, str], list[StepFacts]] = {}
    for t in steps:
        if t.kind is not None and t.key is not None:
            defined.setdefault(t.kind, []).append(t)
            named.setdefault((t.kind, shown(t.key)), []).append(t)
    for f in steps:
        if f.state != "present" or f.kind is None:
            continue
        for r in f.refs:
            kind = r.ref.kind
            same = named.get((kind, shown(r.name)), [])
            problem = _reference_problem(defined.get(kind, []), same, f, kind_info(f.kind).noun, r)
            if problem:
                issues.append((r.path, problem))
    return issues


def _reference_problem(
    defined: list[StepFacts], same: list[StepFacts], f: StepFacts, noun: str, r: RefFacts
) -> str | None:
    """Why the resource `r` names is not there when step `f` (a `noun`) is saved, or None;
    `defined`: the steps of the kind it names, `same`: those of them with its name."""
    target, name = kind_info(r.ref.kind), r.name
    removed = [t for t in same if t.state == "absent"]
    if removed:
        return (
            f"{r.ref.field} names {target.what} {name!r}, which "
            f"step {removed[0].index + 1} removes (state: absent)"
        )
    if r.existing or any(t.index < f.index for t in same):
        return None
    later = [t for t in same if t.index > f.index]
    if later:
        return (
            f"{target.what} {name!r} is defined later, by step "
            f"{later[0].index + 1}; move that step before this one so the {target.noun} "
            f"exists when the {noun} is saved"
        )
    earlier = [t.key for t in defined if t.index < f.index and t.key is not None]
    return (
        f"no earlier step defines {target.what} {name!r}"
        f"{did_you_mean(name, earlier)}; add a {target.key} step before this one, or write "
        f"{r.ref.field}: {{name: {name}, existing: true}} if the {target.noun} already "
        "exists in the console"
    )


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
                    f"{ig.step!r}, and no {nouns()} has that name"
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
    info = kind_info(kind)
    tree: Mapping[str, Any] = info.fields
    done: list[str] = []
    for part in path.split("."):
        if part in tree:
            tree = tree[part]
        else:
            where = ".".join(done) or info.what
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
