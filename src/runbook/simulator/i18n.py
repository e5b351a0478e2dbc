"""The simulator's languages: the modules in `simulator/locales/`, and the one a request shows.

The list of languages is the files present (`locales/<code>.py`, `pt_BR.py` for `pt-BR`).
A request asks for one with `?hl=`: the console shows that language (`fr`, `fr-CA`, `FR` all
show French); with no `hl`, or one the simulator has no strings for, it shows
`ACCOUNT_LANGUAGE`, as the real console shows the account's language for a language it does
not offer. Never silently: `runbook.simulator.languages` logs a language the simulator lacks
and lists it at `GET /_sim/locales`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import TypeAlias

from runbook.simulator.renames import renamed

Locale: TypeAlias = str  # one of LOCALES

PACKAGE = "runbook.simulator.locales"
_MODULE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def found_locales(folder: Path = Path(__file__).parent / "locales") -> tuple[Locale, ...]:
    """The language codes of the locale modules in `folder`, sorted."""
    names = (m.name for m in pkgutil.iter_modules([str(folder)]) if not m.ispkg)
    return tuple(sorted(n.replace("_", "-") for n in names if _MODULE_NAME.match(n)))


def _module(locale: Locale) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.{locale.replace('-', '_')}")


LOCALES: tuple[Locale, ...] = found_locales()
# The language of the simulated account: shown without `hl`, and for an `hl` the simulator
# has no strings for (the reference: "the console follows the account language").
ACCOUNT_LANGUAGE: Locale = "en"

STRINGS: dict[Locale, dict[str, str]] = {code: _module(code).STRINGS for code in LOCALES}
VARIANT_STRINGS: dict[Locale, dict[str, dict[str, str]]] = {
    code: _module(code).VARIANT_STRINGS for code in LOCALES
}


def known_locale(hl: str) -> Locale | None:
    """The language `hl` names, when the simulator has it: the whole tag (`pt-BR`), else its
    language (`fr` for `fr-CA`), case aside; None for a language it lacks."""
    tag = hl.replace("_", "-").lower()
    by_tag = {code.lower(): code for code in LOCALES}
    return by_tag.get(tag) or by_tag.get(tag.split("-")[0])


def locale_from(hl: str | None) -> Locale:
    """The language a request shows for its `hl` value: the one it names, else (none named, or
    one the simulator lacks) `ACCOUNT_LANGUAGE`."""
    return (known_locale(hl) if hl else None) or ACCOUNT_LANGUAGE


def strings(locale: Locale) -> dict[str, str]:
    """Every UI string of a locale, as this request shows them (`runbook.simulator.renames`)."""
    return {key: renamed(locale, value) for key, value in STRINGS[locale].items()}


def text(locale: Locale, key: str, **values: object) -> str:
    """One UI string, with `{name}` placeholders filled in."""
    template = renamed(locale, STRINGS[locale][key])
    return template.format(**values) if values else template
