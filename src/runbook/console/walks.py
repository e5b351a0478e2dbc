"""Where each catalogue key is used, as data: the read-only walk `runbook probe` takes per page.

Each page's walk is `WALK` in its page module, `runbook.console.pages.<page>` (the moves are in
`console/moves.py`), found here by the page's name; keys no walk can see without writing (rows,
errors, confirmations, a listed item) are in its `ELSEWHERE`, by the place that shows them.
The shell's and sign-in's keys are listed below, and the Main menu's come from the pages
registry. `runbook labels` prints both; a test checks every key has a place. Nothing here
names a page: to add one, give its page module a `WALK` and an `ELSEWHERE`.
"""

from __future__ import annotations

import importlib

from runbook.console.moves import Cancel, Check, Look, Move, Pick, Press
from runbook.console.places import PAGES
from runbook.locales import LabelKey

__all__ = [
    "ELSEWHERE",
    "WALKS",
    "Cancel",
    "Check",
    "Look",
    "Move",
    "Pick",
    "Press",
    "look_places",
    "page_part",
    "places",
]


def page_part(page: str, name: str) -> object:
    """`name` (`WALK`, `ELSEWHERE`) from the page module of `page`; a missing one fails loudly."""
    module_name = f"runbook.console.pages.{page}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise LookupError(
            f"the console page {page!r} has no page module: write {module_name}"
        ) from None
    try:
        return getattr(module, name)
    except AttributeError:
        raise LookupError(f"the page module of {page!r} ({module_name}) has no {name}") from None


def _walk(page: str) -> tuple[Move, ...]:
    walk = page_part(page, "WALK")
    if not (isinstance(walk, tuple) and all(isinstance(m, Move) for m in walk)):
        raise LookupError(f"runbook.console.pages.{page}.WALK must be a tuple of moves")
    return walk


def _elsewhere(page: str) -> dict[str, tuple[LabelKey, ...]]:
    found = page_part(page, "ELSEWHERE")
    if not isinstance(found, dict):
        raise LookupError(f"runbook.console.pages.{page}.ELSEWHERE must be a dict")
    return found


WALKS: dict[str, tuple[Move, ...]] = {page: _walk(page) for page in PAGES}

# Keys a read-only walk does not reach, and the place that shows them: the shell's and
# sign-in's, then each page's own.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
    "shell": ("main_menu", "org_units", "org_search", "loading", "saved_note"),
    "shell/main_menu": tuple(dict.fromkeys(key for info in PAGES.values() for key in info.menu)),
    "sign-in": (
        "signin_heading",
        "signin_email",
        "signin_password",
        "signin_code",
        "signin_next",
        "reauth_heading",
        "signin_refused",
    ),
    "shell/banner": ("banner_got_it", "banner_dismiss"),
    "dialog/delete": ("delete_named_title",),
    "dialog/errors": ("concurrent_change", "concurrent_gone", "name_taken", "save_failed"),
}
for _page in PAGES:
    ELSEWHERE.update(_elsewhere(_page))


def look_places() -> dict[LabelKey, list[str]]:
    """Every key a walk looks at, with the places (`page`, `page/dialog`, `page/dialog/menu`)."""
    out: dict[LabelKey, list[str]] = {}

    def seen(key: LabelKey, place: str) -> None:
        if place not in out.setdefault(key, []):
            out[key].append(place)

    for page, moves in WALKS.items():
        opened = [page]  # the page, then each dialog opened over it
        for move in moves:
            for key, place in _seen(move, page, opened[-1]):
                seen(key, place)
            if isinstance(move, Press) and move.opens is not None:
                seen(move.opens, opened[-1])
                opened.append(f"{opened[-1]}/{move.opens}")
            elif isinstance(move, Cancel) and len(opened) > 1:
                opened.pop()
    return out


def _seen(move: Move, page: str, where: str) -> list[tuple[LabelKey, str]]:
    if isinstance(move, Look):
        return [(k, where) for k in (*move.keys, *move.either)]
    if isinstance(move, Pick):
        return [(move.menu, where), *((o, f"{where}/{move.menu}") for o in move.options)]
    return []


def places(key: LabelKey) -> list[str]:
    """Where a catalogue key's control is used (probed places first)."""
    found = list(look_places().get(key, []))
    found += [place for place, keys in ELSEWHERE.items() if key in keys and place not in found]
    return found
