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
every part; a missing part fails loudly, naming the module and the name it lacks.

Kinds from other packages come through the entry-point group `runbook.kinds`
(`runbook.plugins`): the entry point's name is the kind's key, its value a package holding the
same three parts in three modules (`PLUGIN_PARTS`), e.g. `email_allowlist =
"runbook_email_allowlist"`:

- `<package>.model`: `KIND`, its `KindInfo` (with `page=""` its steps name their page, as a
  `form`'s do; else a page of `console.places.PAGES`, whose label keys runbook's locales hold);
- `<package>.step`: `STEP_TYPE`, a `StepType` subclass with `kind` set (`FormStep` is one);
- `<package>.explain`: `EXPLAINER`, a `KindExplainer`.

They are registered after `BUILTIN_KINDS` (`kind_names()`, `part_name()` read them), each part
checked as its registry loads it (this one `KIND`, `engine.registry` the step type and its page,
`explain` the explainer and its page); a key that shadows a built-in kind, a module that does
not import, a part missing or of the wrong type is one `PluginError` (exit 64) naming the
distribution and the part. `runbook kinds` lists them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Literal, TypeVar

from runbook import plugins
from runbook.errors import PluginError
from runbook.file.fields import Resource
from runbook.file.kind import KindInfo
from runbook.plugins import PluginKind

__all__ = [
    "BUILTIN_KINDS",
    "KINDS",
    "PLUGINS",
    "KindInfo",
    "kind_info",
    "kind_part",
    "part_name",
    "registered",
]

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


# The module of a plugin kind's package that holds each part.
PLUGIN_PARTS: dict[Part, str] = {"model": "model", "step": "step", "explain": "explain"}


def _plugins() -> dict[str, PluginKind]:
    """The kinds of other packages by key; one that shadows a built-in or an earlier one fails."""
    found: dict[str, PluginKind] = {}
    for plugin in plugins.plugin_kinds():
        if plugin.key in BUILTIN_KINDS or plugin.key in found:
            other = "runbook" if plugin.key in BUILTIN_KINDS else found[plugin.key].source
            plugins.report(
                plugin, plugin.error(f"the key {plugin.key!r} is taken: a kind of {other}")
            )
            continue
        found[plugin.key] = plugin
    return found


PLUGINS: dict[str, PluginKind] = _plugins()


def kind_names() -> tuple[str, ...]:
    """The names of the registered kinds: the built-in ones, then those of other packages."""
    return BUILTIN_KINDS + tuple(k for k, p in PLUGINS.items() if p not in plugins.BROKEN)


def part_name(kind: str, part: Part) -> str:
    """The module that holds a part of a kind: `runbook.engine.steps.mail_route`, or
    `runbook_email_allowlist.step` for a kind of another package."""
    if kind in PLUGINS:
        return f"{PLUGINS[kind].package}.{PLUGIN_PARTS[part]}"
    return PARTS[part][0].format(kind=kind)


def fault(kind: str, part: Part, problem: str) -> LookupError | PluginError:
    """What a registry raises for a part that is not what it must be: a `LookupError` for a
    built-in kind (a bug of runbook's), a `PluginError` naming the distribution for a plugin's."""
    if kind in PLUGINS:
        return PLUGINS[kind].error(problem, part)
    return LookupError(problem)


def kind_part(kind: str, part: Part) -> object:
    """A part of a kind (its `KIND`, `STEP_TYPE` or `EXPLAINER`), imported from its module;
    a missing module or name is a `LookupError` naming both (a `PluginError` for a plugin's,
    as is any failure importing its module)."""
    module_name, attr = part_name(kind, part), PARTS[part][1]
    try:
        module: ModuleType = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is None or not module_name.startswith(exc.name):
            if kind not in PLUGINS:
                raise
            raise fault(
                kind, part, f"{module_name} does not import ({type(exc).__name__}: {exc})"
            ) from exc
        raise fault(
            kind, part, f"the resource kind {kind!r} has no {part} module: write {module_name}"
        ) from None
    except Exception as exc:
        if kind not in PLUGINS:
            raise
        raise fault(
            kind, part, f"{module_name} does not import ({type(exc).__name__}: {exc})"
        ) from exc
    try:
        return getattr(module, attr)
    except AttributeError:
        raise fault(
            kind,
            part,
            f"the {part} module of the resource kind {kind!r} ({module_name}) has no {attr}",
        ) from None


T = TypeVar("T")


def registered(load: Callable[[str], T]) -> dict[str, T]:
    """A registry: each registered kind's part, by `load` (which raises `fault(...)` for a part
    that is not what it must be); a plugin kind that fails is reported (`runbook.plugins`)."""
    found: dict[str, T] = {}
    for kind in kind_names():
        try:
            found[kind] = load(kind)
        except PluginError as exc:
            plugins.report(PLUGINS[kind], exc)
    return found


def _found(kind: str) -> None:
    """A plugin kind's step and explain modules exist (found, not imported: they need the
    registry this builds); their contents are checked as their registries load them."""
    from importlib.util import find_spec

    for part in ("step", "explain"):
        module_name = part_name(kind, part)
        if find_spec(module_name) is None:
            raise fault(kind, part, f"it has no {part} module: write {module_name}")


def _registered(kind: str) -> KindInfo:
    info = kind_part(kind, "model")
    if not isinstance(info, KindInfo) or info.key != kind:
        raise fault(
            kind,
            "model",
            f"{part_name(kind, 'model')}.KIND must be the KindInfo of {kind!r}, not {info!r}",
        )
    if not (isinstance(info.model, type) and issubclass(info.model, Resource)):
        raise fault(kind, "model", f"KIND.model must be a Resource subclass, not {info.model!r}")
    if kind in PLUGINS:
        _found(kind)
    # Its page, when it names one, is checked where pages are known: the step types'
    # registry (engine/registry.py), as the file format may not import the console.
    return info


KINDS: dict[str, KindInfo] = registered(_registered)


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
