"""Locating a control by ARIA role and any of the accessible names the label catalogue accepts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from playwright.sync_api import Locator, Page

from runbook.locales import LabelKey, Labels, Role


def name_matcher(names: Sequence[str], *, exact: bool = True) -> str | re.Pattern[str]:
    """What Playwright's `name=` takes for these names: the name itself when there is one,
    else a regex of the alternatives (anchored when `exact`; else, as Playwright matches a
    plain name, anywhere and case aside)."""
    if len(names) == 1:
        return names[0]
    alternatives = "|".join(re.escape(n) for n in names)
    if exact:
        return re.compile(f"^(?:{alternatives})$")
    return re.compile(alternatives, re.IGNORECASE)


def text_matcher(labels: Labels, key: LabelKey) -> str | re.Pattern[str]:
    """For `filter(has_text=...)`: any of the names, within the text (case aside)."""
    return name_matcher(labels.names(key), exact=False)


def contains(names: Sequence[str]) -> str | re.Pattern[str]:
    """For `to_contain_text`: any of the names, within the text, case as written."""
    if len(names) == 1:
        return names[0]
    return re.compile("|".join(re.escape(n) for n in names))


def _spelled(name: str) -> str:
    """A name as a pattern: its words as written, any run of whitespace between them (`/`
    escaped too: Playwright writes the pattern into its selector between slashes)."""
    return r"\s+".join(re.escape(word).replace("/", r"\/") for word in name.split())


def accessible_name(names: Sequence[str], *, exact: bool = True) -> re.Pattern[str]:
    """What `by_role` matches: any of the names, case aside and whitespace collapsed (the real
    console writes some buttons in capitals); the whole name when `exact`, else within it."""
    alternatives = "|".join(_spelled(n) for n in names)
    if exact:
        return re.compile(rf"^\s*(?:{alternatives})\s*$", re.IGNORECASE)
    return re.compile(alternatives, re.IGNORECASE)


_COMPILED = re.compile(r"""re\.compile\(r?(["'])(?P<pattern>.*?)\1(?:, re\.IGNORECASE)?\)""")


def readable(locator: str) -> str:
    """A locator as Playwright prints it, its name patterns written back as the names they
    accept (`name="Add route"` rather than the case-aside regex `by_role` builds)."""

    def names(match: re.Match[str]) -> str:
        pattern = match["pattern"].removeprefix(r"^\s*(?:").removesuffix(r")\s*$")
        alternatives = re.split(r"(?<!\\)\|", pattern)
        spelled = [re.sub(r"\\(.)", r"\1", a.replace(r"\s+", " ")) for a in alternatives]
        return " or ".join(f'"{name}"' for name in spelled)

    return _COMPILED.sub(names, locator)


def by_role(
    scope: Page | Locator,
    role: Role,
    key: LabelKey | tuple[LabelKey, ...],
    labels: Labels,
    *,
    exact: bool = True,
    level: int | None = None,
    checked: bool | None = None,
    **fields: object,
) -> Locator:
    """The control with this role named by one of the names of `key` (`fields` fill `{n}`);
    several keys: a control named by any of them (one query, where `or_` would run two).

    Names match case aside and with whitespace collapsed. `exact=False` also accepts a name
    within the accessible name, for the groups and menus whose accessible name includes more
    than the catalogue's words.
    """
    keys = key if isinstance(key, tuple) else (key,)
    for each in keys:
        if not labels.names(each):  # a key no locale file and no page's ROLES declare: our bug
            raise LookupError(f"label key {each!r} has no names in the {labels.locale!r} catalogue")
    names = tuple(name for each in keys for name in labels.names(each, **fields))
    name = accessible_name(names, exact=exact)
    return scope.get_by_role(role, name=name, level=level, checked=checked)


def any_role(
    scope: Page | Locator, roles: tuple[Role, ...], key: LabelKey, labels: Labels
) -> Locator:
    """The control named by `key` with any of these roles (a button, or a link on consoles
    that show links), inside `scope`.

    The alternatives are tried inside `scope`, which is found once: `a.or_(b)` finds each of
    its sides from the page, so every locator before the alternative (a settings block, a
    table, a row among a thousand) would be found once per role.
    """
    page = scope if isinstance(scope, Page) else scope.page
    first, *others = (by_role(page, role, key, labels) for role in roles)
    for other in others:
        first = first.or_(other)
    return first if isinstance(scope, Page) else scope.locator(first)
