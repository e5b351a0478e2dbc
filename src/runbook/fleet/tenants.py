"""The tenants file: a YAML list of tenants, each checked like a runbook (`FILE:LINE:COL`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from runbook.errors import InvalidRunbook, Problem, UsageError
from runbook.file.checks import did_you_mean, org_unit_problem
from runbook.file.labels import LOCALE_CODE, load_labels
from runbook.file.source import DocPath, Pos, Source, SourceFatal, read_text
from runbook.file.yamlsource import parse_items
from runbook.locales import LOCALES
from runbook.target import NotAConsoleUrl, console_key, parse_console_url

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")
REQUIRED = ("name", "console")
KEYS = ("name", "console", "profile", "locale", "org_unit", "vars", "labels")


@dataclass(frozen=True)
class Tenant:
    """One Workspace tenant of a fleet: its console and what its runs use there."""

    name: str
    console: str  # a console origin, as `--console` takes it
    profile: str  # saved session (default: the tenant's name)
    locale: str | None = None
    org_unit: str | None = None
    vars: dict[str, str] = field(default_factory=dict)
    labels: str | None = None  # a labels file (as `--labels` takes it) for this console

    @property
    def lock_key(self) -> tuple[str, str]:
        """What its runs lock (one run at a time per console and profile): tenants that share
        it run one after the other."""
        return console_key(self.console), self.profile

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "console": self.console,
            "profile": self.profile,
            "locale": self.locale,
            "org_unit": self.org_unit,
            "labels": self.labels,
        }


def load_tenants(path: Path) -> list[Tenant]:
    """Every tenant of the file at `path`, or `InvalidRunbook` listing every problem found."""
    file = str(path)
    try:
        source, items = parse_items(read_text(path), file, what="tenants")
    except OSError as exc:
        raise UsageError(f"cannot read tenants file {file}: {exc.strerror or exc}") from None
    except SourceFatal as exc:
        raise InvalidRunbook(
            [Problem(file, i.pos.line, i.pos.column, i.message) for i in exc.issues]
        ) from None
    tenants = [_with_labels(path, t) for t in _checked(source, items)]
    labels_problems: list[Problem] = []
    index = {item.get("name"): i for i, item in enumerate(items) if isinstance(item, dict)}
    for tenant in tenants:
        if tenant.labels is None:
            continue
        if not Path(tenant.labels).is_file():
            where = (index[tenant.name], "labels")
            source.report(
                where,
                f"labels file {tenant.labels} not found (a relative path is taken from the "
                "tenants file's folder)",
            )
            continue
        try:
            load_labels(Path(tenant.labels))
        except InvalidRunbook as exc:
            labels_problems.extend(exc.problems)
        except UsageError as exc:  # unreadable: a directory, no permission
            source.report((index[tenant.name], "labels"), str(exc))
    problems = sorted(
        (Problem(file, i.pos.line, i.pos.column, i.message) for _, i in source.issues),
        key=lambda p: (p.line, p.column),
    )
    if problems or labels_problems:
        raise InvalidRunbook(problems + labels_problems)
    return tenants


def _with_labels(tenants_file: Path, tenant: Tenant) -> Tenant:
    """`tenant` with its labels file's path taken relative to the tenants file."""
    if tenant.labels is None or Path(tenant.labels).is_absolute():
        return tenant
    return replace(tenant, labels=str(tenants_file.parent / tenant.labels))


def _checked(source: Source, items: list[Any]) -> list[Tenant]:
    tenants: list[Tenant] = []
    seen: dict[str, Pos] = {}
    if not items:
        source.report((), "the file lists no tenants")
    for index, item in enumerate(items):
        tenant = _tenant(source, (index,), item)
        name = item.get("name") if isinstance(item, dict) else None
        if isinstance(name, str):
            here = source.position((index, "name"))
            first = seen.setdefault(name, here)
            if first != here:
                source.report(
                    (index, "name"), f"duplicate tenant name {name!r} (first at line {first.line})"
                )
                continue
        if tenant is not None:
            tenants.append(tenant)
    return tenants


def _tenant(source: Source, at: DocPath, item: Any) -> Tenant | None:
    """One tenant from the item at `at`, its problems reported into `source` (None if any)."""
    before = len(source.issues)
    if not isinstance(item, dict):
        source.report(at, "a tenant is a mapping with name and console (and optional keys)")
        return None
    for key in item:
        if key not in KEYS:
            hint = did_you_mean(str(key), KEYS) or f"; expected one of: {', '.join(KEYS)}"
            source.report(
                (*at, key),
                f"unknown key {key!r} in a tenant{hint}",
                source.key_position((*at, key)),
            )
    for key in REQUIRED:
        if key not in item:
            source.report(at, f"a tenant needs {key!r}")
    values = {key: _value(source, (*at, key), item[key]) for key in KEYS if key in item}
    locale = values.get("locale")
    if locale is not None and locale not in LOCALES and "labels" not in item:
        source.report(
            (*at, "locale"),
            f"locale {locale!r} is not one of: {', '.join(LOCALES)}"
            f"{did_you_mean(str(locale), LOCALES)} (another needs the tenant's labels file)",
        )
    if len(source.issues) > before:
        return None
    name = str(values["name"])
    return Tenant(
        name=name,
        console=str(values["console"]),
        profile=str(values.get("profile") or name),
        locale=values.get("locale"),
        org_unit=values.get("org_unit"),
        vars=values.get("vars") or {},
        labels=values.get("labels"),
    )


def _value(source: Source, path: DocPath, value: Any) -> Any:
    """`value` of the key at the end of `path` if it is acceptable; else report why."""
    problem = _CHECKS[str(path[-1])](value)
    if isinstance(problem, str):
        source.report(path, problem)
        return None
    return problem.value


@dataclass(frozen=True)
class _Ok:
    value: Any


def _name(value: Any) -> _Ok | str:
    if isinstance(value, str) and NAME.match(value):
        return _Ok(value)
    return (
        f"tenant name {value!r} must be letters, digits, - and _ (it names a folder and a "
        "saved session), at most 63 characters"
    )


def _console(value: Any) -> _Ok | str:
    if not isinstance(value, str):
        return f"console must be the console's URL, not {value!r}"
    try:
        return _Ok(parse_console_url(value).url)
    except NotAConsoleUrl as exc:
        return str(exc)


def _profile(value: Any) -> _Ok | str:
    if isinstance(value, str) and NAME.match(value):
        return _Ok(value)
    return f"profile {value!r} must be letters, digits, - and _"


def _locale(value: Any) -> _Ok | str:
    if value in LOCALES or (isinstance(value, str) and LOCALE_CODE.match(value)):
        return _Ok(value)  # a code runbook does not ship needs the tenant's labels file
    return (
        f"locale {value!r} is not one of: {', '.join(LOCALES)}{did_you_mean(str(value), LOCALES)}"
    )


def _labels_file(value: Any) -> _Ok | str:
    if isinstance(value, str) and value.strip():
        return _Ok(value)
    return f"labels must be the path of a labels file, not {value!r}"


def _org_unit(value: Any) -> _Ok | str:
    if not isinstance(value, str):
        return f"org_unit must be a path such as /Sales, not {value!r}"
    problem = org_unit_problem(value)
    return problem if problem else _Ok(value)


def _strings(what: str) -> Callable[[Any], _Ok | str]:
    def check(value: Any) -> _Ok | str:
        if not isinstance(value, dict):
            return f"{what} must be a mapping of names to values"
        bad = [k for k, v in value.items() if isinstance(v, dict | list) or v is None]
        if bad:
            return f"{what} values must be single values (not lists, mappings or empty): {bad[0]!r}"
        refs = [k for k, v in value.items() if "${" in _text(v)]
        if refs:
            return (
                f"{what} value {refs[0]!r} holds '${{': a tenant's {what} are taken as written, "
                "never resolved; give the runbook's vars the ${env:NAME} reference (it is "
                "masked as a secret) and set NAME in the tenant's environment"
            )
        return _Ok({str(k): _text(v) for k, v in value.items()})

    return check


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_CHECKS: dict[str, Callable[[Any], _Ok | str]] = {
    "name": _name,
    "console": _console,
    "profile": _profile,
    "locale": _locale,
    "org_unit": _org_unit,
    "vars": _strings("vars"),
    "labels": _labels_file,
}
