"""What the spec models share: how a check reports, the base model, field types of one value.

A failed check raises `PydanticCustomError("runbook", ...)` whose context lists each problem
with the path below the validated value where it lies, so the loader can point at the exact
line and column of the offending value (see `fail`).
"""

from __future__ import annotations

from typing import Annotated, Any, NoReturn

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

from runbook.file import checks

IssuePath = tuple[str | int, ...]
# A problem: (path below the value, message) or (path, message, "key") to point at the key.
SpecIssue = tuple[IssuePath, str] | tuple[IssuePath, str, str]


def fail(*issues: SpecIssue) -> NoReturn:
    """Raise the problems `(path below this value, message[, "key"])`; all are reported.

    A third element `"key"` asks for the position of the key at the path instead of its value
    (for "unknown", "duplicate", "choose one" problems about the key itself).
    """
    raise PydanticCustomError(
        "runbook", "{message}", {"message": issues[0][1], "issues": tuple(issues)}
    )


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def _port(value: int) -> int:
    problem = checks.port_problem(value)
    if problem:
        fail(((), problem))
    return value


def _load(value: int) -> int:
    if not 1 <= value <= 100:
        fail(((), f"load {value} is out of range; each host takes 1 to 100 (% of the mail)"))
    return value


def _host(value: str) -> str:
    problem = checks.host_problem(value)
    if problem:
        fail(((), problem))
    return value


def text(what: str) -> AfterValidator:
    """A validator of a console name or description (one line, not empty, not padded)."""

    def check(value: str) -> str:
        problem = checks.text_problem(value, what=what)
        if problem:
            fail(((), problem))
        return value

    return AfterValidator(check)


Port = Annotated[
    int,
    BeforeValidator(_no_bool),
    AfterValidator(_port),
    WithJsonSchema(
        {
            "type": "integer",
            "anyOf": [{"enum": [25, 587]}, {"minimum": 1024, "maximum": 65535}],
            "description": "SMTP port: 25, 587 or 1024-65535 (465 is refused by the console).",
        }
    ),
]
Load = Annotated[
    int,
    BeforeValidator(_no_bool),
    AfterValidator(_load),
    WithJsonSchema(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": 100,
            "description": "% load of this host; the loads of a table total 100.",
        }
    ),
]
Host = Annotated[
    str,
    AfterValidator(_host),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "description": "Host name (recommended) or IP."}
    ),
]


def unique_nonempty(values: list[str], *, what: str, choices: tuple[str, ...]) -> list[str]:
    """`values` when it is a non-empty list without repeats; else fail at each repeat."""
    if not values:
        fail(((), f"give at least one {what} ({checks.one_of(choices)})"))
    seen: set[str] = set()
    issues: list[SpecIssue] = []
    for i, value in enumerate(values):
        if value in seen:
            issues.append(((i,), f"{what} {value!r} is listed twice"))
        seen.add(value)
    if issues:
        fail(*issues)
    return values


class SpecModel(BaseModel):
    """A part of a runbook file: unknown keys are refused, defaults are not re-validated."""

    model_config = ConfigDict(extra="forbid", validate_default=False)


class Resource(SpecModel):
    """A console entry a step manages (a route, a rule, ...): its key and its stored fields."""

    @property
    def key(self) -> str:
        """The value that names the entry in the console (its key field)."""
        raise NotImplementedError

    def console_fields(self) -> dict[str, Any]:
        """The stored fields, in the simulator's state shape."""
        raise NotImplementedError
