"""`load_runbook`: file -> validated `Runbook`, or every problem as `FILE:LINE:COL: message`."""

from __future__ import annotations

import difflib
import os
import re
import types
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from runbook.errors import InvalidRunbook, Problem, UsageError
from runbook.file.checks import did_you_mean
from runbook.file.crosscheck import check_steps, facts_from_data
from runbook.file.kinds import KINDS, KindInfo, hidden_fields
from runbook.file.labels import console_labels_problems
from runbook.file.model import Runbook
from runbook.file.source import DocPath, Source, SourceFatal, read_text
from runbook.file.variables import resolve_references
from runbook.file.yamlsource import parse_source

MASK = "********"
NOT_FROM_YAML = (
    "secrets",
    "secret_names",
    "source",
)  # model fields the loader fills, never the file
HIDDEN_FIELDS = {*NOT_FROM_YAML, *hidden_fields()}


def load_runbook(
    path: Path,
    variables: Mapping[str, str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Runbook:
    """Load, interpolate and validate the runbook at `path`.

    Raises `InvalidRunbook` with every problem found (not only the first), each located at
    the offending value; `UsageError` when the file cannot be read at all.
    """
    file = str(path)
    try:
        text = read_text(path)
    except OSError as exc:
        raise UsageError(f"cannot read runbook {file}: {exc.strerror or exc}") from None
    except SourceFatal as exc:
        raise InvalidRunbook(
            _problems(file, [(i.pos, i.message) for i in exc.issues], ())
        ) from None
    return load_text(text, file, variables=variables, env=env)


def load_text(
    text: str,
    file: str = "<runbook>",
    *,
    variables: Mapping[str, str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Runbook:
    """Like `load_runbook`, from text already read (`file` names it in problems)."""
    env = os.environ if env is None else env
    try:
        source = parse_source(text, file)
    except SourceFatal as exc:
        raise InvalidRunbook(
            _problems(file, [(i.pos, i.message) for i in exc.issues], ())
        ) from None
    resolve_references(source, variables or {}, env)
    undeclared = sorted(set(variables or {}) - source.declared)
    if undeclared:
        raise UsageError(_undeclared_message(file, undeclared, sorted(source.declared)))
    book = _validate(source)
    elsewhere = console_labels_problems(book, source) if book is not None else []
    found = [(issue.pos, issue.message) for _, issue in source.issues]
    if found or book is None or elsewhere:
        raise InvalidRunbook(_problems(file, found, source.secrets) + elsewhere)
    return book.model_copy(
        update={
            "secrets": frozenset(source.secrets),
            "secret_names": dict(source.secret_names),
            "source": file,
        }
    )


def _undeclared_message(file: str, undeclared: list[str], known: list[str]) -> str:
    """`FILE: no such variable 'x' (did you mean 'y'?)` for each --var the runbook never uses."""
    parts = []
    for name in undeclared:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            parts.append(f"no such variable {name!r} (did you mean {close[0]!r}?)")
        elif known:
            parts.append(f"no such variable {name!r}; its variables: {', '.join(known)}")
        else:
            parts.append(f"no such variable {name!r}; the runbook declares no variables")
    return f"{file}: {'; '.join(parts)} (--var sets a variable the runbook declares)"


def _validate(source: Source) -> Runbook | None:
    data = dict(source.data)
    for key in NOT_FROM_YAML:
        if key in data:
            del data[key]
            source.report((key,), _unknown_key((key,)), source.key_position((key,)))
    book: Runbook | None = None
    try:
        book = Runbook.model_validate(data, context={"yaml": True, "cross_checks": False})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        misspelt = _misspelt_keys(errors)
        for error in errors:
            if error["type"] == "missing" and tuple(error["loc"]) in misspelt:
                continue  # the unknown key that is probably this one says it all
            _report_error(source, error)
    except RecursionError:  # pragma: no cover - nesting is bounded while reading
        source.report((), "the runbook is nested too deeply")
    _unvalidated_steps(source)
    for path, message in check_steps(*facts_from_data(source.data)):
        if not source.reported(path):
            source.report(path, message)
    return book


def _unvalidated_steps(source: Source) -> None:
    """Checks a step's own validators could not make because a field of it is invalid."""
    steps = source.data.get("steps")
    for i, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict) or not source.inside_reported(("steps", i)):
            continue
        present = _step_state(step) == "present"
        for info in KINDS.values():
            body = step.get(info.key)
            if isinstance(body, dict):
                # An inherited rule is only switched: it needs none of a new rule's fields.
                new = present and body.get("inherited") is not True
                _unvalidated_resource(source, info, ("steps", i, info.key), body, new)


def _unvalidated_resource(
    source: Source, info: KindInfo, base: DocPath, body: dict[str, Any], present: bool
) -> None:
    for field in info.required if present else ():
        if field not in body and not source.reported(base):
            key = body.get(info.key_field)
            source.report((*base, field), info.missing(field, key), source.key_position(base))
    for sub, message, *_ in info.unvalidated(body) if info.unvalidated else ():
        if not source.reported((*base, *sub)):
            source.report((*base, *sub), message)


def _step_state(step: dict[str, Any]) -> Any:
    """The step's state, or one written by mistake inside its body (reported as misplaced)."""
    bodies = [step.get(kind) for kind in KINDS]
    inner = [body["state"] for body in bodies if isinstance(body, dict) and "state" in body]
    return step.get("state", inner[0] if inner else "present")


def _misspelt_keys(errors: list[ErrorDetails]) -> set[DocPath]:
    """Paths of missing keys for which an unknown key nearby looks like a misspelling."""
    out: set[DocPath] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        allowed = _fields_at(loc[:-1]) or []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if close:
            out.add((*loc[:-1], close[0]))
    return out


def _report_error(source: Source, error: ErrorDetails) -> None:
    loc: DocPath = tuple(error["loc"])
    if error["type"] == "runbook":
        for issue in error.get("ctx", {}).get("issues", ()):
            path: DocPath = (*loc, *issue[0])
            if source.reported(path):
                continue
            at_key = len(issue) > 2 and issue[2] == "key"
            pos = source.key_position(path) if at_key else source.position(path)
            source.report(path, issue[1], pos)
        return
    if source.reported(loc):
        return
    if error["type"] == "missing":
        parent = loc[:-1]
        pos = source.key_positions.get(parent) or source.position(parent)
        source.report(loc, f"missing required key {loc[-1]!r} in {_where(parent)}", pos)
    elif error["type"] == "extra_forbidden":
        source.report(loc, _unknown_key(loc), source.key_position(loc))
    else:
        source.report(loc, _describe(error, loc))


def _problems(
    file: str, found: list[tuple[Any, str]], secrets: set[str] | frozenset[str] | tuple[()]
) -> list[Problem]:
    ordered = sorted(secrets, key=lambda s: (-len(s), s))
    pattern = re.compile("|".join(re.escape(s) for s in ordered)) if ordered else None
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    for pos, message in sorted(found, key=lambda item: (item[0].line, item[0].column)):
        if pattern is not None:
            message = pattern.sub(MASK, message)
        if (pos.line, pos.column, message) in seen:
            continue
        seen.add((pos.line, pos.column, message))
        problems.append(Problem(file, pos.line, pos.column, message))
    return problems


def _where(path: DocPath) -> str:
    if not path:
        return "the runbook (top level)"
    last = path[-1]
    if isinstance(last, int):
        if len(path) >= 2 and path[-2] == "steps":
            return f"step {last + 1}"
        return f"{path[-2]}[{last}]" if len(path) >= 2 else f"item {last}"
    return repr(last)


def _unknown_key(loc: DocPath) -> str:
    key = str(loc[-1])
    allowed = _fields_at(loc[:-1])
    where = _where(loc[:-1])
    if len(loc) >= 2 and loc[-2] in KINDS and key == "state":
        return (
            f"{key!r} belongs on the step, not inside {where}; "
            f"write it beside '{loc[-2]}:' (at the indent of the step's 'name:')"
        )
    if allowed is None:
        return f"unknown key {key!r} in {where}"
    hint = did_you_mean(key, allowed)
    if hint:
        return f"unknown key {key!r} in {where}{hint}"
    return f"unknown key {key!r} in {where}; expected one of: {', '.join(allowed)}"


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            rest = [a for a in get_args(tp) if a is not type(None)]
            if len(rest) != 1:
                return tp
            tp = rest[0]
        else:
            return tp


def _fields_at(path: DocPath) -> list[str] | None:
    """The keys the model accepts at `path`, or None when it is not a model."""
    tp: Any = Runbook
    for part in path:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        elif get_origin(tp) is list and isinstance(part, int):
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [name for name in tp.model_fields if name not in HIDDEN_FIELDS]
    return None


def _shown(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 60 else f"the text {value[:57]!r}..."
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _describe(error: ErrorDetails, loc: DocPath) -> str:
    kind = error["type"]
    value = error.get("input")
    shown = _shown(value)
    if kind == "string_type":
        quote = "; put it in quotes" if isinstance(value, int | float | bool | date) else ""
        return f"expected text for {_where(loc)}, got {shown}{quote}"
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return f"expected a whole number for {_where(loc)}, got {shown}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false for {_where(loc)}, got {shown}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping (key: value) for {_where(loc)}, got {shown}"
    if kind == "list_type":
        printable = isinstance(value, str) and value.isprintable() and len(value) <= 60
        hint = f"; write [{value}]" if printable else ""
        return f"expected a list for {_where(loc)}, got {shown}{hint}"
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        choices = re.findall(r"'([^']*)'", expected)
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        return f"{shown} is not allowed for {_where(loc)}; use {expected}{hint}"
    if kind.startswith(("date", "datetime")):
        return f"expected a date like 2026-12-31 for {_where(loc)}, got {shown}"
    if kind in ("frozen_set_type", "set_type", "too_short", "too_long"):
        return f"{_where(loc)}: {error['msg']}"
    return f"{_where(loc)}: {error['msg']}"


def summarize(book: Runbook) -> str:
    """One line about the runbook, e.g. `2 steps: 1 mail route, 1 routing rule`."""
    count = len(book.steps)
    kinds = Counter(step.kind for step in book.steps)
    parts = [info.count(kinds[key]) for key, info in KINDS.items() if kinds[key]]
    removed = sum(1 for s in book.steps if s.state == "absent")
    tail = f" ({removed} to remove)" if removed else ""
    return f"{count} step{'s' if count != 1 else ''}: {', '.join(parts)}{tail}"
