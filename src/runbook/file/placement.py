"""Where a rule lives: its organizational unit, or a rule it inherits there (only on or off)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from runbook.file import checks
from runbook.file.fields import SpecIssue, SpecModel, fail

# What a step about an inherited rule may say: which rule, where, and whether it is on there.
INHERITED_FIELDS = frozenset({"description", "org_unit", "inherited", "enabled"})


class PerOu(SpecModel):
    """The OU something is set in (default: the console's)."""

    org_unit: str | None = Field(
        default=None,
        description="The organizational unit it is set in (a path like /Sales/EMEA); "
        "default: console.org_unit.",
    )

    @field_validator("org_unit")
    @classmethod
    def _org_unit(cls, value: str | None) -> str | None:
        problem = checks.org_unit_problem(value) if value is not None else None
        if problem:
            fail(((), problem))
        return value


class Placement(PerOu):
    """The OU a rule is set in (default: the console's), or that it is inherited there."""

    inherited: bool = Field(
        default=False,
        description="The rule is inherited from a parent organizational unit: the step only "
        "turns it on or off (`enabled`) in this one; no other rule field may be given.",
    )

    @model_validator(mode="before")
    @classmethod
    def _inherited_only_switches(cls, data: Any) -> Any:
        """An inherited rule's step names the rule and its OU, and says `enabled`: nothing else."""
        if not isinstance(data, dict) or data.get("inherited") is not True:
            return data
        issues: list[SpecIssue] = [
            (
                (name,),
                f"{name!r} cannot be set on an inherited rule: a child organizational unit can "
                "only disable it or enable it again (enabled: false / true)",
                "key",
            )
            for name in data
            if name not in INHERITED_FIELDS
        ]
        if data.get("org_unit") == "/":
            issues.append(
                (("org_unit",), "the top organizational unit '/' inherits no rule", "key")
            )
        if issues:
            fail(*issues)
        return data


def org_unit_of(resource: object, default: str) -> str | None:
    """The OU a resource is placed in (its own, else `default`: the run's); None for a kind
    that is not placed per OU (a mail route)."""
    if not isinstance(resource, PerOu):
        return None
    return resource.org_unit or default


def parents_of(unit: str) -> list[str]:
    """The OUs above `unit`, nearest first: "/A/B" -> ["/A", "/"]."""
    parts = unit.strip("/").split("/") if unit != "/" else []
    return ["/" + "/".join(parts[:i]) for i in range(len(parts) - 1, -1, -1)]
