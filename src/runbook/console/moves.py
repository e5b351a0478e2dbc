"""The moves of a probe walk: what `runbook probe` does, read-only, on one console page.

A walk is a list of moves on one registered page: `Look` at controls (by their keys, each
with its role), `Press` a button (which may open a dialog, or a sub-dialog of the open one),
`Pick` an option of a menu (after looking at its options), `Check` a box that reveals more,
and `Cancel` the innermost open dialog. `within` scopes a look or a press to a group of the
dialog (two "Add" buttons, one per list). Each page module holds its page's `WALK`.
"""

from __future__ import annotations

from dataclasses import dataclass

from runbook.locales import LabelKey


@dataclass(frozen=True)
class Look:
    """Look for these controls where the walk is (the page, its dialog or an open menu)."""

    keys: tuple[LabelKey, ...]
    # Controls of which one is enough (the console shows Configure or Add another rule).
    either: tuple[LabelKey, ...] = ()
    within: LabelKey | None = None  # a group of the dialog to look in


@dataclass(frozen=True)
class Press:
    """Press a control; `opens`: the dialog it opens (the walk then looks inside it)."""

    key: LabelKey
    opens: LabelKey | None = None
    otherwise: tuple[LabelKey, ...] = ()  # pressed instead when `key` is not shown
    within: LabelKey | None = None  # the group of the dialog whose `key` is pressed


@dataclass(frozen=True)
class Pick:
    """Open a menu, look at its options, pick `choose`."""

    menu: LabelKey
    options: tuple[LabelKey, ...]
    choose: LabelKey


@dataclass(frozen=True)
class Check:
    """Check a box that reveals more controls (the dialog is cancelled at the end)."""

    key: LabelKey


@dataclass(frozen=True)
class Cancel:
    """Cancel the innermost open dialog (a sub-dialog first): nothing is saved."""


Move = Look | Press | Pick | Check | Cancel


def each_option(menu: LabelKey, shows: dict[LabelKey, LabelKey]) -> tuple[Move, ...]:
    """Pick each option of a menu in turn and look at the field it shows."""
    options = tuple(shows)
    return tuple(m for o, f in shows.items() for m in (Pick(menu, options, o), Look((f,))))
