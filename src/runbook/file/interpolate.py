"""`${name}` and `${env:NAME}` substitution in runbook values; `$${` writes a literal `${`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Reference:
    """One `${...}` in a value: its text as written and where it starts in the value."""

    text: str  # e.g. "${legacy_host}" or "${env:SMTP_HOST}"
    offset: int
    name: str  # "legacy_host", or "SMTP_HOST" for env references
    env: bool


@dataclass(frozen=True)
class RefProblem:
    """A reference that could not be substituted."""

    offset: int
    text: str
    message: str
    secondary: bool = False  # caused by a problem reported elsewhere


class Unresolved(Exception):
    """Raised by a lookup function when a reference has no value; the message says why."""

    def __init__(self, message: str, *, secondary: bool = False) -> None:
        super().__init__(message)
        self.secondary = secondary


def literal(value: str) -> str:
    """`value` written so that a runbook reads it back as it is: each `${` as `$${`.

    For writers of runbook text from values they did not make (export copies the console's):
    a console value `${env:HOME}` must not become a reference to the runner's environment.
    """
    return value.replace("${", "$${")


def has_references(value: str) -> bool:
    """True when `value` contains `${` (a reference or an escaped `$${`)."""
    return "${" in value


def variable_names(value: str) -> set[str]:
    """The names of the `${name}` references in `value` (not `${env:...}`, not `$${`)."""
    names: set[str] = set()

    def record(ref: Reference) -> str:
        if not ref.env:
            names.add(ref.name)
        return ""

    substitute(value, record)
    return names


def substitute(value: str, lookup: Callable[[Reference], str]) -> tuple[str, list[RefProblem]]:
    """`value` with every reference replaced through `lookup`, and the problems found.

    `lookup` returns the replacement or raises `Unresolved`. A problem leaves its reference
    text unchanged in the result.
    """
    out: list[str] = []
    problems: list[RefProblem] = []
    i = 0
    n = len(value)
    while i < n:
        j = value.find("$", i)
        if j < 0:
            out.append(value[i:])
            break
        out.append(value[i:j])
        if value.startswith("$${", j):
            out.append("${")
            i = j + 3
            continue
        if not value.startswith("${", j):
            out.append("$")
            i = j + 1
            continue
        close = value.find("}", j + 2)
        if close < 0:
            problems.append(
                RefProblem(
                    j,
                    value[j:],
                    "'${' is not closed; write ${name} or ${env:NAME} (or $${ for a literal '${')",
                )
            )
            out.append(value[j:])
            break
        text = value[j : close + 1]
        inner = value[j + 2 : close].strip()
        ref = _parse(inner, text, j)
        if isinstance(ref, RefProblem):
            problems.append(ref)
            out.append(text)
        else:
            try:
                out.append(lookup(ref))
            except Unresolved as exc:
                problems.append(RefProblem(j, text, str(exc), exc.secondary))
                out.append(text)
        i = close + 1
    return "".join(out), problems


def _parse(inner: str, text: str, offset: int) -> Reference | RefProblem:
    if inner.startswith("env:"):
        name = inner[4:].strip()
        if not ENV_NAME.match(name):
            return RefProblem(
                offset,
                text,
                f"{text} is not a valid environment reference; write ${{env:NAME}}"
                " with NAME made of letters, digits and '_'",
            )
        return Reference(text, offset, name, env=True)
    if not VAR_NAME.match(inner):
        return RefProblem(
            offset,
            text,
            f"{text} is not a valid variable reference; write ${{name}} or "
            "${env:NAME} (or $${ for a literal '${')",
        )
    return Reference(text, offset, inner, env=False)
