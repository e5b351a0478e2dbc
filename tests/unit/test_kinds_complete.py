"""Every registered kind is complete: model, page (entry, walk, keys), step, explainer, names.

A kind is its modules, found by its name (`runbook.file.kinds`): a part left out fails here,
naming the kind and what it lacks (`runbook.cli.kinds.missing_parts`, which `runbook kinds`
runs on the kinds of other packages), and the lookups themselves fail loudly naming the module.
"""

from __future__ import annotations

import pkgutil
import sys
import types
from typing import cast

import pytest
from playwright.sync_api import Page

from runbook.cli.kinds import missing_parts
from runbook.console import keys
from runbook.console.keys import ROLES, role
from runbook.console.locate import by_role
from runbook.console.places import PAGES
from runbook.console.walks import ELSEWHERE, WALKS, page_part
from runbook.engine.registry import STEP_TYPES
from runbook.explain import EXPLAINERS
from runbook.file import KINDS
from runbook.file.kinds import BUILTIN_KINDS, PLUGINS, kind_part
from runbook.locales import LOCALES, Labels, catalogue


@pytest.mark.parametrize("kind", BUILTIN_KINDS)
def test_every_registered_kind_is_complete(kind: str) -> None:
    assert missing_parts(kind) == []


# The kinds of other packages the suite installs (scripts/bootstrap.sh): examples/plugin-kind.
PACKAGE_KINDS = ("email_allowlist",)


def test_the_registries_hold_exactly_the_registered_kinds() -> None:
    assert BUILTIN_KINDS == ("mail_route", "routing_rule", "default_routing", "dkim", "form")
    assert tuple(PLUGINS) == PACKAGE_KINDS
    assert PLUGINS["email_allowlist"].distribution == "runbook-email-allowlist"
    assert tuple(KINDS) == BUILTIN_KINDS + PACKAGE_KINDS
    assert tuple(STEP_TYPES) == BUILTIN_KINDS + PACKAGE_KINDS
    assert tuple(EXPLAINERS) == BUILTIN_KINDS + PACKAGE_KINDS
    assert set(WALKS) == set(PAGES) >= {KINDS[k].page for k in BUILTIN_KINDS} - {""}


@pytest.mark.parametrize("kind", PACKAGE_KINDS)
def test_every_kind_of_another_package_is_complete(kind: str) -> None:
    assert missing_parts(kind) == []


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
