"""The console's languages: per locale, the accessible names of its controls and explain's prose.

One module per locale (`en.py`, `fr.py`) holds `LABELS` (label key -> the accepted accessible
names, the first the one `explain` prints and log messages use), `PROSE` (the sentences of
`runbook explain`), `QUOTES` and `BROWSER_LOCALE` (the browser's language for that console).
Page objects locate every control by ARIA role and any of its accepted names (see
`runbook.console.locate`); `explain` writes the first. No Playwright here (cheap to import).

To add a locale: add its code to `Locale`, then write `locales/<code>.py` with every key of
`LabelKey` and `ProseKey` (a test checks that each locale has exactly the same keys). To add a
label: add its key to `LabelKey` and `ROLES`, then its names to every locale module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar, get_args

from runbook.errors import UsageError

Locale = Literal["en", "fr"]
LOCALES: tuple[Locale, ...] = get_args(Locale)
DEFAULT_LOCALE: Locale = "en"  # when neither the runbook nor the command line names one

# The ARIA roles the catalogue's controls have (a subset of Playwright's `get_by_role` roles).
Role = Literal[
    "alert",
    "alertdialog",
    "button",
    "cell",
    "checkbox",
    "columnheader",
    "combobox",
    "dialog",
    "group",
    "heading",
    "link",
    "navigation",
    "option",
    "list",
    "progressbar",
    "radio",
    "region",
    "searchbox",
    "status",
    "switch",
    "table",
    "textbox",
    "tree",
]

# A label key: a control of the console, named in the label catalogue. The keys are those of
# the default locale's catalogue (every locale has the same: a test checks), and each is
# declared, with its role, where it is used: the shell's and sign-in's below (`SHELL_ROLES`),
# a page's in its page module (`ROLES` in `runbook.console.pages.<page>`); the full table is
# `runbook.console.keys.ROLES`. For the type checker a key is a `str`; at run time `LabelKey`
# is the `Literal` of the catalogue's keys, so `get_args(LabelKey)` lists them all.
if TYPE_CHECKING:
    LabelKey: TypeAlias = str
else:
    LabelKey = Literal[tuple(importlib.import_module(f"{__name__}.{DEFAULT_LOCALE}").LABELS)]

ProseKey = Literal[
    "title",
    "sign_in",
    "go_to",
    "org_unit",
    "org_top",
    "inherited_off",
    "inherited_on",
    "inherited_off_title",
    "inherited_on_title",
    "add_route",
    "edit_route",
    "route_name",
    "server_menu",
    "single_host",
    "table",
    "row",
    "no_secondary",
    "loads",
    "options",
    "check",
    "uncheck",
    "test_tls",
    "save",
    "delete_route",
    "scroll_routing",
    "add_rule",
    "edit_rule",
    "description",
    "messages",
    "messages_off_one",
    "messages_off_many",
    "action",
    "change_route",
    "existing_route",
    "show_options",
    "accounts",
    "accounts_off_one",
    "accounts_off_many",
    "envelope",
    "envelope_side",
    "envelope_none",
    "disable",
    "delete_rule",
    "and",
    "secret_value",
    "remove_route",
    "remove_rule",
    "set_route",
    "set_rule",
    "add_default_rule",
    "edit_default_rule",
    "dr_recipients",
    "dr_recipients_all",
    "rejection_notice",
    "dr_apply_to",
    "disable_default_rule",
    "delete_default_rule",
    "remove_default_rule",
    "set_default_rule",
    # the Modify / Reject options (explain/message_options.py)
    "in_group",
    "custom_header",
    "enter_text",
    "envelope_recipient",
    "deliver",
    "copy_basic",
    "copy_advanced",
    "copy_route",
    "copy_flag_on",
    "copy_flag_off",
    "others_off",
]


class _AllRoles(Mapping[LabelKey, Role]):
    """Every key's role, read on first use from `runbook.console.keys` (which gathers each
    page module's): for callers that read `ROLES` here, as `runbook labels` does."""

    def _table(self) -> Mapping[LabelKey, Role]:
        table: Mapping[LabelKey, Role] = importlib.import_module("runbook.console.keys").ROLES
        return table

    def __getitem__(self, key: LabelKey) -> Role:
        return self._table()[key]

    def __iter__(self) -> Iterator[LabelKey]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


ROLES: Mapping[LabelKey, Role] = _AllRoles()

# The role of each control of the shell, sign-in and every dialog, whatever the language (a
# page's own keys have theirs in its page module; `runbook labels` prints key, role, names).
# A few names serve a second role too: `main_menu` also names the navigation it opens.
SHELL_ROLES: dict[LabelKey, Role] = {
    "main_menu": "button",  # opens the navigation of the same name
    "nav_apps": "button",  # aria-expanded, in the navigation
    "nav_workspace": "button",  # aria-expanded
    "nav_gmail": "button",  # aria-expanded
    "org_units": "tree",
    "org_search": "searchbox",  # filters the OU picker's tree
    "loading": "progressbar",  # while a list loads
    "saved_note": "status",  # part of the text shown after a save
    "signin_heading": "heading",
    "signin_email": "textbox",
    "signin_password": "textbox",
    "signin_code": "textbox",  # 2-step verification
    "signin_next": "button",
    "reauth_heading": "heading",  # the mid-session, password-only "Verify it's you"
    "signin_refused": "heading",  # Google's refusal of a browser under automation
    "banner_got_it": "button",  # a banner over the page (it may swallow a click)
    "banner_dismiss": "button",
    "edit": "button",  # in a row
    "delete": "button",  # in a row and in the confirmation
    "delete_named_title": "dialog",  # a delete confirmation seen as a plain dialog, {name}
    "save": "button",
    "concurrent_change": "alert",  # part of the stale-edit error
    "concurrent_gone": "alert",  # part of the error for a deleted entry
    "name_taken": "alert",  # part of the error for a name or description taken
    "save_failed": "alert",  # part of the error worth a retry
    "cancel": "button",
}

V = TypeVar("V")


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
    return [key for key in get_args(LabelKey) if key not in names]


@cache
def catalogue(locale: str) -> Catalogue:
    """The catalogue of a locale, from its module `runbook.locales.<locale>`."""
    code = check_locale(locale)
    module = importlib.import_module(f"{__name__}.{code}")
    return Catalogue(code, module.LABELS, module.PROSE, module.QUOTES, module.BROWSER_LOCALE)


class Labels:
    """The label catalogue of one console language: `labels.name("add_route")`.

    `overrides` (a labels file's names for this locale, see `runbook.file.labels`) are tried
    before the built-in names; a locale runbook does not ship takes every name from them.
    """

    def __init__(
        self, locale: str, overrides: Mapping[LabelKey, tuple[str, ...]] | None = None
    ) -> None:
        self.overrides: dict[LabelKey, tuple[str, ...]] = dict(overrides or {})
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

    def value_of(self, keys: Mapping[V, LabelKey], text: str) -> V | None:
        """The runbook value whose control is named `text` (`keys`: value -> label key)."""
        return next((value for value, key in keys.items() if self.matches(key, text)), None)
