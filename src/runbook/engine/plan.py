"""A step's plan as data: what the console holds + what the runbook asks → action and changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, get_args

from runbook.engine.diff import diff
from runbook.names import shown
from runbook.results import FieldChange, Mode

# What a step does to its entry, decided before anything acts (Terraform's plans.Action).
Action = Literal["create", "update", "delete", "none"]
ACTIONS: tuple[Action, ...] = get_args(Action)
MODES: tuple[Mode, ...] = get_args(Mode)

# A `state: absent` step reads no fields: the entry is listed (this) or missing (None).
LISTED: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Plan:
    """What a step would do to its entry; the mode decides what is done with it."""

    action: Action
    changes: list[FieldChange] = field(default_factory=list)
    # Everything the runbook asks for the entry, as reading it back must show it.
    wanted: dict[str, Any] = field(default_factory=dict)
    # What the entry's dialog is filled with (`wanted` less what the dialog cannot set).
    fill: dict[str, Any] = field(default_factory=dict)
    # After the dialog is saved: set the entry's on/off switch to this (None: it stays).
    switch: bool | None = None
    # Only the switch differs: flip it on the list; the dialog is closed unfilled.
    switch_only: bool = False

    @property
    def disable_after_create(self) -> bool:
        """A create the console cannot make disabled: it is switched off right after."""
        return self.action == "create" and self.switch is False


def as_shown(fields: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """`fields` with those in `names` as the console shows them (whitespace collapsed).

    Values whose whitespace matters (an envelope pattern) are compared as they are.
    """
    return {k: shown(v) if k in names and isinstance(v, str) else v for k, v in fields.items()}


def removal(noun: str, have: Mapping[str, Any] | None) -> Plan:
    """`state: absent`: delete the entry when the console lists it; nothing otherwise."""
    if have is None:
        return Plan("none")
    return Plan("delete", [FieldChange(field=f"({noun})", before="present", after="absent")])


def convergence(
    have: Mapping[str, Any] | None, want: dict[str, Any], names: tuple[str, ...] = ()
) -> Plan:
    """`state: present`: create the entry when missing, else update the fields that differ.

    `names` are the fields compared as the console shows them; host tables compare as sets.
    """
    if have is None:
        return Plan("create", diff(None, want), wanted=want, fill=want)
    changes = diff(as_shown(have, names), as_shown(want, names))
    return Plan("update" if changes else "none", changes, wanted=want, fill=want)
