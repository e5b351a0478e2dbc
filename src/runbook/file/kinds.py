"""The kinds registry: a resource kind is its modules, each found by the kind's name.

Generic code (the Step model, loader, cross checks, summary, the engine's step types, explain,
probe) never lists kinds: it asks here. A kind named `<kind>` is, by convention:

- `runbook.file.<kind>`: its model (a `Resource` subclass and its `FIELDS` tree) and `KIND`
  (its `KindInfo`: key field, noun, page);
- `runbook.console.pages.<page>` (`<page>` is `KIND.page`): its page object, with the page's
  probe `WALK`, `ELSEWHERE` and the `ROLES` of the label keys it uses, found by the page's
  name (`console/walks.py`, `console/keys.py`); a new page also adds its `PageInfo` to
  `console/places.py`, the pages table `explain` reads without Playwright;
- `runbook.engine.steps.<kind>`: `STEP_TYPE`, its step type (`plan()` and dialog work);
- `runbook.explain.<kind>`: `EXPLAINER`, how `runbook explain` writes its steps;
- its label keys and prose keys in each locale file, `runbook/locales/<code>.py`, and, when its
  page object and explainer turn field values into controls, the maps from values to label
  keys in `runbook/locales/values/<kind>.py` (both read them; the console may not import this
  package, and explain loads no page module).

To add a kind: write those modules and add its name to `BUILTIN_KINDS` below, the one list of
the kinds runbook ships. `tests/unit/test_kinds_complete.py` checks every registered kind has
every part; a missing part fails loudly, naming the module and the name it lacks. (Kinds from
other packages will come through the entry-point group `runbook.kinds`: `kind_names()` and
`part_name()` are the two places that will read it.)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Literal

from runbook.file.kind import KindInfo

__all__ = ["BUILTIN_KINDS", "KINDS", "KindInfo", "kind_info", "kind_part", "part_name"]

# The kinds runbook ships, in the order summaries and schemas list them.
BUILTIN_KINDS: tuple[str, ...] = (
    "mail_route",
    "routing_rule",
    "default_routing",
    "dkim",
    "form",
)

Part = Literal["model", "step", "explain"]
# Where each part of a kind lives, and the name it exports there.
PARTS: dict[Part, tuple[str, str]] = {
    "model": ("runbook.file.{kind}", "KIND"),
    "step": ("runbook.engine.steps.{kind}", "STEP_TYPE"),
    "explain": ("runbook.explain.{kind}", "EXPLAINER"),
}


def kind_names() -> tuple[str, ...]:
    """The names of the registered kinds."""
    return BUILTIN_KINDS


def part_name(kind: str, part: Part) -> str:
    """The module that holds a part of a kind: `runbook.engine.steps.mail_route`."""
    return PARTS[part][0].format(kind=kind)


def kind_part(kind: str, part: Part) -> object:
    """A part of a kind (its `KIND`, `STEP_TYPE` or `EXPLAINER`), imported from its module;
    a missing module or name is a `LookupError` naming both."""
    module_name, attr = part_name(kind, part), PARTS[part][1]
    try:
        module: ModuleType = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise LookupError(
            f"the resource kind {kind!r} has no {part} module: write {module_name}"
        ) from None
    try:
        return getattr(module, attr)
    except AttributeError:
        raise LookupError(
            f"the {part} module of the resource kind {kind!r} ({module_name}) has no {attr}"
        ) from None


def _registered(kind: str) -> KindInfo:
    info = kind_part(kind, "model")
    if not isinstance(info, KindInfo) or info.key != kind:
        raise LookupError(
            f"{part_name(kind, 'model')}.KIND must be the KindInfo of {kind!r}, not {info!r}"
        )
    return info


KINDS: dict[str, KindInfo] = {name: _registered(name) for name in kind_names()}


def kind_info(key: str) -> KindInfo:
    """The registry entry of kind `key`; a kind that is not registered is a `LookupError`."""
    try:
        return KINDS[key]
    except KeyError:
        raise LookupError(
            f"no resource kind {key!r} is registered; the kinds: {', '.join(KINDS)} "
            "(add its name to BUILTIN_KINDS in runbook.file.kinds)"
        ) from None


def nouns() -> str:
    """The kinds' nouns for a message: `route or rule`."""
    names = [info.noun for info in KINDS.values()]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def hidden_fields() -> set[str]:
    """Model fields a file cannot spell (set from a reference's `{name, existing}` form)."""
    return {ref.existing_field for info in KINDS.values() for ref in info.references}
