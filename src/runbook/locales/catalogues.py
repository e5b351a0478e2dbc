"""The locales found beside this module, one file each, and the catalogue read from each.

A locale is the module `runbook/locales/<code>.py` (`pt_BR.py` for `pt-BR`): the list of
locales is the files present, and an unknown locale is a usage error naming them, never
English instead. `Labels` is one locale's catalogue as the page objects use it, with a labels
file's names (`runbook.file.labels`) tried first.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

from runbook.errors import UsageError

if TYPE_CHECKING:
    from runbook.locales import LabelKey, ProseKey, V

PACKAGE = "runbook.locales"
# A locale module's name: a language code, with an optional region (`en`, `fr`, `pt_BR`);
# the package's other modules (this one among them) have longer names.
_LOCALE_MODULE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def found_locales(folder: Path = Path(__file__).parent) -> tuple[str, ...]:
    """The locale codes of the locale modules in `folder`, sorted."""
    names = (m.name for m in pkgutil.iter_modules([str(folder)]) if not m.ispkg)
    return tuple(sorted(n.replace("_", "-") for n in names if _LOCALE_MODULE.match(n)))


LOCALES: tuple[str, ...] = found_locales()
DEFAULT_LOCALE = "en"  # when neither the runbook nor the command line names one

if TYPE_CHECKING:
    Locale: TypeAlias = str
else:
    # A runbook's `console.locale`: one of the files present (its JSON Schema's enum).
    Locale = Literal[LOCALES]


@dataclass(frozen=True)
class Catalogue:
    """What one locale module holds."""

    locale: Locale
    labels: Mapping[LabelKey, tuple[str, ...]]
    prose: Mapping[ProseKey, str]
    quotes: tuple[str, str]
    browser_locale: str


def check_locale(locale: str) -> Locale:
    """`locale` as a `Locale`; an unknown one is a usage error (never English instead)."""
    for known in LOCALES:
        if locale == known:
            return known
    raise UsageError(f"unsupported console locale {locale!r}; use one of {', '.join(LOCALES)}")


def missing_keys(names: Mapping[LabelKey, object]) -> list[LabelKey]:
    """The catalogue keys `names` does not give (what a new console language still needs)."""
    from runbook.locales import LabelKey

    keys: tuple[LabelKey, ...] = get_args(LabelKey)
    return [key for key in keys if key not in names]


def text_key(name: str) -> str:
    """How a written name is looked up in a labels file's `form:` table: case aside, runs of
    whitespace as one."""
    return " ".join(name.split()).casefold()


@cache
def catalogue(locale: str) -> Catalogue:
    """The catalogue of a locale, from its module `runbook.locales.<locale>`."""
    code = check_locale(locale)
    module = importlib.import_module(f"{PACKAGE}.{code.replace('-', '_')}")
    return Catalogue(code, module.LABELS, module.PROSE, module.QUOTES, module.BROWSER_LOCALE)


class Labels:
    """The label catalogue of one console language: `labels.name("add_route")`.

    `overrides` (a labels file's names for this locale, see `runbook.file.labels`) are tried
    before the built-in names; a locale runbook does not ship takes every name from them.
    `texts` (the file's `form:` table) maps a name a runbook writes (a `form` step's control,
    section, button, option or menu item) to the names the console gives it instead.
    """

    def __init__(
        self,
        locale: str,
        overrides: Mapping[LabelKey, tuple[str, ...]] | None = None,
        texts: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.overrides: dict[LabelKey, tuple[str, ...]] = dict(overrides or {})
        self.texts: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (texts or {}).items()}
        self._texts = {text_key(k): v for k, v in self.texts.items()}
        self.locale: str = locale
        if locale in LOCALES:
            self._catalogue: Catalogue | None = catalogue(locale)
            self._builtin: Mapping[LabelKey, tuple[str, ...]] = self._catalogue.labels
            self.browser_locale = self._catalogue.browser_locale
        else:
            missing = missing_keys(self.overrides)
            if missing:
                raise UsageError(
                    f"unsupported console locale {locale!r}: use one of {', '.join(LOCALES)}, "
                    f"or a labels file giving every key for it (missing: {', '.join(missing)})"
                )
            self._catalogue, self._builtin, self.browser_locale = None, {}, locale

    def builtin(self, key: LabelKey) -> tuple[str, ...]:
        """The names runbook ships for this control (none for a labels-file language)."""
        return self._builtin.get(key, ())

    def names(self, key: LabelKey, **fields: object) -> tuple[str, ...]:
        """Every accessible name the console may give this control (`{n}` fields filled):
        the labels file's first, then the built-in ones."""
        own = self.overrides.get(key, ())
        builtin = self.builtin(key)
        names = own + tuple(n for n in builtin if n not in own) if own else builtin
        return tuple(n.format(**fields) for n in names) if fields else names

    def name(self, key: LabelKey, **fields: object) -> str:
        """The control's first name: the one `explain` prints and messages use."""
        return self.names(key, **fields)[0]

    def matches(self, key: LabelKey, text: str) -> bool:
        """Whether `text` is exactly one of the control's names."""
        return text in self.names(key)

    def found_in(self, key: LabelKey, text: str) -> bool:
        """Whether one of the names occurs in `text` (case aside): for parts of messages."""
        lowered = text.lower()
        return any(n.lower() in lowered for n in self.names(key))

    def renamed(self, name: str, *also: str) -> tuple[str, ...]:
        """The names to look for where a runbook writes `name`: the labels file's names for
        it (its `form:` table; else for `also`, e.g. the runbook's English name for it), then
        `name` itself."""
        for written in (name, *also):
            given = self._texts.get(text_key(written))
            if given:
                return tuple(dict.fromkeys((*given, name)))
        return (name,)

    def value_of(self, keys: Mapping[V, LabelKey], text: str) -> V | None:
        """The runbook value whose control is named `text` (`keys`: value -> label key)."""
        return next((value for value, key in keys.items() if self.matches(key, text)), None)
