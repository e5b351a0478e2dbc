"""A field that names a resource of another kind (a rule's `change_route`), and how it is written.

In a file a reference is the target's key (`change_route: Legacy`) or `{name: ..., existing:
true}` when the target is not defined by an earlier step but exists in the console; the model
keeps that flag in `existing_field`, which the file cannot spell. The registry
(`runbook.file.kinds`) lists each kind's references; the cross checks follow them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from runbook.file import checks
from runbook.file.fields import SpecIssue, fail

_KEYS = ("name", "existing")


@dataclass(frozen=True)
class Reference:
    """`field` of a resource names a resource of kind `kind` (its `noun`, for messages)."""

    field: str
    kind: str
    existing_field: str
    noun: str
    # When the field is on each item of a list field (a copy's route in `also_deliver_to`):
    # that list field, and the model of its items (whose schema hides `existing_field`).
    within: str = ""
    holder: str = ""

    def uses(self, resource: Any) -> list[tuple[Any, tuple[str | int, ...]]]:
        """The objects holding the field in `resource` (a model or raw data), with their paths."""
        if not self.within:
            return [(resource, ())]
        items = _get(resource, self.within)
        if not isinstance(items, list):
            return []
        return [(item, (self.within, i)) for i, item in enumerate(items)]

    def as_written(self, data: Any, *, from_yaml: bool) -> Any:
        """`data` with `{name: ..., existing: ...}` spread into the two model fields.

        Fails at each key that is wrong; the model field the file cannot spell is refused.
        """
        if not isinstance(data, dict):
            return data
        if from_yaml and self.existing_field in data:
            fail(
                (
                    (self.existing_field,),
                    f"unknown key {self.existing_field!r}; write "
                    f"{self.field}: {{name: ..., existing: true}}",
                    "key",
                )
            )
        spec = data.get(self.field)
        if not isinstance(spec, dict):
            return data
        issues: list[SpecIssue] = [
            (
                (self.field, key),
                f"unknown key {key!r} in {self.field}"
                f"{checks.did_you_mean(str(key), _KEYS)} (it takes name and existing)",
                "key",
            )
            for key in spec
            if key not in _KEYS
        ]
        name = spec.get("name")
        existing = spec.get("existing", False)
        if "name" not in spec:
            issues.append(
                ((self.field,), f"{self.field} needs a 'name' (the {self.noun}'s name)", "key")
            )
        elif not isinstance(name, str):
            issues.append(((self.field, "name"), f"the {self.noun} name must be text"))
        if not isinstance(existing, bool):
            issues.append(((self.field, "existing"), "existing must be true or false"))
        if issues:
            fail(*issues)
        return {**data, self.field: name, self.existing_field: existing}

    def check_name(self, value: str | None) -> str | None:
        """`value` when it can name a console entry (or is None); else fail."""
        if value is not None:
            problem = checks.text_problem(value, what=f"{self.noun} name")
            if problem:
                fail(((), problem))
        return value


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
