"""Step types by the kind that names them in a runbook, found through the kinds registry.

A kind's step type is `STEP_TYPE` in its step module `runbook.engine.steps.<kind>` (a
`StepType` with `kind`, `page_type`, `unmanaged_key` and its `plan`); `runbook.file.kinds`
says which kinds there are and where their parts live. Nothing here lists kinds.
"""

from __future__ import annotations

from typing import Any

from runbook.console.places import PAGES
from runbook.engine.steps.base import StepType
from runbook.file.kinds import fault, kind_part, part_name, registered

AnyStepType = type[StepType[Any, Any]]


def _registered(*types: AnyStepType) -> dict[str, AnyStepType]:
    """The step types by kind; a page the console shell cannot open fails at import."""
    for cls in types:
        if cls.page_name == "":  # its steps name their pages (a `form`)
            continue
        if cls.page_name not in PAGES or cls.page_type.info.name != cls.page_name:
            raise LookupError(
                f"step type {cls.__name__} works on page {cls.page_name!r}, which no "
                f"registered page object lists (pages: {', '.join(PAGES)})"
            )
    return {cls.kind: cls for cls in types}


def _step_type_of(kind: str) -> AnyStepType:
    """The `STEP_TYPE` of a kind's step module; one that is not a step type of that kind, or
    works on a page the console shell cannot open, fails."""
    cls = kind_part(kind, "step")
    if not (isinstance(cls, type) and issubclass(cls, StepType) and cls.kind == kind):
        raise fault(
            kind,
            "step",
            f"{part_name(kind, 'step')}.STEP_TYPE must be the StepType of kind {kind!r}, "
            f"not {cls!r}",
        )
    try:
        _registered(cls)
    except LookupError as exc:
        raise fault(kind, "step", str(exc)) from None
    return cls


STEP_TYPES: dict[str, AnyStepType] = registered(_step_type_of)


def step_type(kind: str) -> AnyStepType:
    """The class that carries out steps of this kind; an unknown kind fails loudly."""
    try:
        return STEP_TYPES[kind]
    except KeyError:
        raise LookupError(
            f"no step type for kind {kind!r} (registered: {', '.join(STEP_TYPES)})"
        ) from None
