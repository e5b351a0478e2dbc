"""Every registered kind is complete: model, page (entry, walk, keys), step, explainer, names.

A kind is its modules, found by its name (`runbook.file.kinds`): a part left out fails here,
naming the kind and what it lacks, and the lookups themselves fail loudly naming the module.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import types
from collections.abc import Iterator
from typing import cast

import pytest
from playwright.sync_api import Page

from runbook.console import keys
from runbook.console.keys import ROLES, role
from runbook.console.locate import by_role
from runbook.console.moves import Check, Look, Move, Pick, Press
from runbook.console.places import PAGES
from runbook.console.walks import ELSEWHERE, WALKS, page_part
from runbook.engine.registry import STEP_TYPES, step_type
from runbook.explain import EXPLAINERS, explainer
from runbook.file import KINDS, Resource
from runbook.file.kinds import BUILTIN_KINDS, kind_part, part_name
from runbook.locales import LOCALES, Labels, catalogue


def _move_keys(move: Move) -> Iterator[str]:
    if isinstance(move, Look):
        yield from (*move.keys, *move.either, *((move.within,) if move.within else ()))
    elif isinstance(move, Press):
        yield from (move.key, *move.otherwise)
        yield from (k for k in (move.opens, move.within) if k)
    elif isinstance(move, Pick):
        yield from (move.menu, *move.options, move.choose)
    elif isinstance(move, Check):
        yield move.key


def _page_keys(page: str) -> set[str]:
    """Every label key a page's entry, walk, places and roles name."""
    info = PAGES[page]
    keys = {*info.menu, info.heading, *((info.block,) if info.block else ())}
    keys |= {k for move in WALKS[page] for k in _move_keys(move)}
    elsewhere = page_part(page, "ELSEWHERE")
    assert isinstance(elsewhere, dict)
    keys |= {k for found in elsewhere.values() for k in found}
    own = page_part(page, "ROLES")
    assert isinstance(own, dict)
    return keys | set(own)


def _value_keys(kind: str) -> set[str]:
    """The label keys of a kind's value -> label-key maps (`locales/values/<kind>.py`, if any)."""
    try:
        module = importlib.import_module(f"runbook.locales.values.{kind}")
    except ModuleNotFoundError:
        return set()
    maps = [v for name, v in vars(module).items() if name.endswith("_KEYS") and isinstance(v, dict)]
    return {key for mapping in maps for key in mapping.values() if isinstance(key, str)}


def missing_parts(kind: str) -> list[str]:
    """What a registered kind lacks, each named; empty when it is complete."""
    problems: list[str] = []
    try:
        info = KINDS[kind]
    except KeyError:
        return [f"{kind}: no KIND in {part_name(kind, 'model')}"]
    if not (isinstance(info.model, type) and issubclass(info.model, Resource)):
        problems.append(f"{kind}: KIND.model is not a Resource")
    if info.page == "":  # its steps name their pages (a form): no page of its own
        for part in ("step", "explain"):
            try:
                kind_part(kind, part)
            except LookupError as exc:
                problems.append(f"{kind}: {exc}")
        return problems
    if info.page not in PAGES:
        problems.append(f"{kind}: its page {info.page!r} has no entry in console.places.PAGES")
        return problems
    for name in ("WALK", "ELSEWHERE", "ROLES"):
        try:
            page_part(info.page, name)
        except LookupError as exc:
            problems.append(f"{kind}: {exc}")
    for part in ("step", "explain"):
        try:
            kind_part(kind, part)
        except LookupError as exc:
            problems.append(f"{kind}: {exc}")
    if problems:
        return problems
    if step_type(kind).page_name != info.page:
        problems.append(f"{kind}: its step type works on another page")
    if explainer(kind).page != info.page:
        problems.append(f"{kind}: its explainer starts on another page")
    keys = _page_keys(info.page) | _value_keys(kind)
    problems += [f"{kind}: label key {k!r} has no role" for k in sorted(keys) if k not in ROLES]
    for locale in LOCALES:
        labels = catalogue(locale).labels
        problems += [
            f"{kind}: label key {k!r} has no names in locales/{locale}.py"
            for k in sorted(keys)
            if k not in labels
        ]
    return problems


@pytest.mark.parametrize("kind", BUILTIN_KINDS)
def test_every_registered_kind_is_complete(kind: str) -> None:
    assert missing_parts(kind) == []


def test_the_registries_hold_exactly_the_registered_kinds() -> None:
    assert tuple(KINDS) == BUILTIN_KINDS
    assert tuple(STEP_TYPES) == BUILTIN_KINDS
    assert tuple(EXPLAINERS) == BUILTIN_KINDS
    assert set(WALKS) == set(PAGES) >= {KINDS[k].page for k in BUILTIN_KINDS} - {""}


def test_every_declared_key_has_names_in_every_locale_and_one_place() -> None:
    for locale in LOCALES:
        assert set(catalogue(locale).labels) == set(ROLES), locale
    assert {k for keys in ELSEWHERE.values() for k in keys} <= set(ROLES)


def test_a_kind_without_a_module_fails_naming_the_module() -> None:
    with pytest.raises(LookupError, match=r"'quarantine' has no step module.*steps\.quarantine"):
        kind_part("quarantine", "step")
    assert missing_parts("quarantine") == ["quarantine: no KIND in runbook.file.quarantine"]


def test_a_module_without_its_part_fails_naming_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "runbook.explain.quarantine", types.ModuleType("q"))
    with pytest.raises(LookupError, match=r"runbook\.explain\.quarantine\) has no EXPLAINER"):
        kind_part("quarantine", "explain")


def test_a_page_without_its_walk_fails_naming_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "runbook.console.pages.quarantine", types.ModuleType("q"))
    with pytest.raises(LookupError, match=r"'quarantine'.*has no WALK"):
        page_part("quarantine", "WALK")
    with pytest.raises(LookupError, match=r"'no_such_page' has no page module"):
        page_part("no_such_page", "WALK")


def test_an_undeclared_label_key_fails_loudly() -> None:
    assert role("add_route") == "button"
    with pytest.raises(LookupError, match=r"'add_rout'.*ROLES"):
        role("add_rout")
    with pytest.raises(LookupError, match=r"'add_rout' has no names in the 'fr' catalogue"):
        by_role(cast(Page, None), "button", "add_rout", Labels("fr"))


def test_a_label_key_declared_twice_fails_naming_both_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twin = types.ModuleType("runbook.console.pages.twin")
    twin.ROLES = {"add_route": "button"}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "runbook.console.pages.twin", twin)
    real = pkgutil.iter_modules

    def with_twin(path: list[str]) -> list[pkgutil.ModuleInfo]:
        return [*real(path), pkgutil.ModuleInfo(None, "twin", False)]  # type: ignore[arg-type]

    monkeypatch.setattr(pkgutil, "iter_modules", with_twin)
    with pytest.raises(LookupError, match=r"'add_route'.*pages\.hosts and .*pages\.twin"):
        keys._gathered()
