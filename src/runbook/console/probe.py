"""`runbook probe`: a read-only walk of the pages, dialogs and menus a runbook uses, per key.

For each registered page asked for, `Prober` takes the page's walk (`console.walks`): it opens
the page and its Add dialog, opens each menu and reveals each option group, then cancels;
nothing is ever saved (no Save is pressed; `writes` counts any write the page sent anyway).
Every catalogue key it looks for is found or missing; for a missing one it gives where it
looked, the role, the names it tried and up to three candidates — the unknown names of the
controls with that role in that place, closest first. Keys behind a control that is missing
are "unreached".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Locator, Page, expect

from runbook.console.aria import AriaNode, parse
from runbook.console.failures import is_sign_in_url, translated
from runbook.console.keys import ROLES
from runbook.console.locate import any_role, by_role
from runbook.console.page import WRITE_METHODS
from runbook.console.places import page_info
from runbook.console.shell import ConsoleShell
from runbook.console.walks import WALKS, Cancel, Check, Look, Move, Pick, Press
from runbook.console.widgets import wait_loaded
from runbook.locales import LabelKey, Labels

# Roles whose accessible name holds more than the catalogue's words (as the page objects find
# them: part of the name, case aside).
LOOSE_ROLES = frozenset(
    {"heading", "dialog", "alertdialog", "group", "combobox", "table", "region", "tree"}
)
CANDIDATES = 3
SETTLE_MS = 2_000  # how long a control that is not there at once may take to show
# Words of the redesigned "Add setting" dialog some 2025-26 documents show (unconfirmed).
REDESIGN_MARKERS = (
    "Select when this action is applied",
    "Active user accounts",
    "All inactive and unrecognized accounts",
)

Capture = Callable[[Page, str], None]  # a bundle's capture of the page at a place


@dataclass
class Missing:
    """A catalogue key the walk did not find."""

    key: str
    role: str
    where: str
    tried: list[str]
    candidates: list[str]
    form: bool = False  # a `form` step's name (its key: the runbook's name), not a catalogue key

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "role": self.role,
            "where": self.where,
            "tried": self.tried,
            "candidates": self.candidates,
            **({"form": True} if self.form else {}),
        }


@dataclass
class ProbeReport:
    """What the walk found: keys found, missing (with candidates) and not reached."""

    console: str
    locale: str
    found: list[tuple[str, str]] = field(default_factory=list)  # (key, where)
    missing: list[Missing] = field(default_factory=list)
    unreached: list[tuple[str, str]] = field(default_factory=list)
    redesign: list[str] = field(default_factory=list)  # markers of the redesigned dialog seen
    writes: int = 0  # write requests the pages sent (a read-only walk sends none)
    trace: str | None = None  # where the walk's Playwright trace was kept

    def as_dict(self) -> dict[str, Any]:
        return {
            "console": self.console,
            "locale": self.locale,
            "found": len(self.found),
            "missing": [m.as_dict() for m in self.missing],
            "unreached": [{"key": k, "where": w} for k, w in self.unreached],
            "redesigned_dialog": self.redesign,
            "writes": self.writes,
            "trace": self.trace,
        }


def _fields(labels: Labels, key: LabelKey) -> dict[str, Any]:
    """The `{n}` of a numbered control (a host row): the first one."""
    return {"n": 1} if any("{n}" in n for n in labels.names(key)) else {}


def _loose(key: LabelKey) -> bool:
    return ROLES[key] in LOOSE_ROLES


_NUMBER = re.compile(r"(?<!\w)\d+(?!\w)")  # a number standing alone, not "IPv4"


def as_pattern(name: str, fields: Mapping[str, object]) -> str:
    """A numbered control's name as the catalogue writes it ("Server 2" -> "Server {n}"): its
    last number standing alone back to the field; other names as they are."""
    numbers = list(_NUMBER.finditer(name)) if fields else []
    if not numbers:
        return name
    last, field = numbers[-1], next(iter(fields))
    return f"{name[: last.start()]}{{{field}}}{name[last.end() :]}"


def candidates(
    tree: AriaNode,
    role: str,
    tried: tuple[str, ...],
    known: set[str],
    fields: Mapping[str, object] | None = None,
) -> list[str]:
    """The names of the controls with `role` in `tree` that the catalogue does not know,
    closest to the names tried first (at most `CANDIDATES`). For a numbered control
    (`fields`: its `{n}`) they are patterns, as the catalogue names it: "Server {n}" for
    "Server 1" and "Server 2", those with a number first."""
    names: list[str] = []
    for node in tree.find_all(role):
        name = as_pattern(node.name, fields or {}) if node.name else ""
        if name and name.lower() not in known and name not in names:
            names.append(name)
    if fields and any("{" in n for n in names):
        names = [n for n in names if "{" in n]

    def closeness(name: str) -> float:
        return max(
            difflib.SequenceMatcher(None, name.lower(), t.lower()).ratio() for t in tried or ("",)
        )

    return sorted(names, key=closeness, reverse=True)[:CANDIDATES]


class Prober:
    """Walks pages with the catalogue `labels`, noting what it finds into a `ProbeReport`."""

    def __init__(self, shell: ConsoleShell, labels: Labels, capture: Capture | None = None):
        self.shell = shell
        self.labels = labels
        self.capture = capture
        self.report = ProbeReport(shell.base_url, labels.locale)
        self.known = {n.lower() for key in ROLES for n in labels.names(key)}
        self._writes: list[str] = []

    @property
    def page(self) -> Page:
        return self.shell.page

    def probe(self, pages: list[str], then: Callable[[Prober], None] | None = None) -> ProbeReport:
        """Walk each page (in order), then what `then` walks (the runbooks' forms); the report."""
        self.page.on("request", self._request)
        try:
            for name in pages:
                self._walk(name)
            if then is not None:
                then(self)
        finally:
            self.page.remove_listener("request", self._request)
        self.report.writes = len(self._writes)
        return self.report

    def _request(self, request: Any) -> None:
        # Answering a "Verify it's you" posts a password to the sign-in, not to the console.
        if request.method in WRITE_METHODS and not is_sign_in_url(request.url):
            self._writes.append(request.url)

    # --- one page -------------------------------------------------------------------------
    def _walk(self, name: str) -> None:
        with translated(self.page, f"opening the {name} page"):
            self.shell.goto(name)
            self.shell.arrive()
            expect(self.page.get_by_role("heading", level=1).first).to_be_visible()
            wait_loaded(self.page, self.labels)
        self._capture(name)
        walk = _Walk(self, name)
        for move in WALKS[name]:
            walk.move(move)

    def _capture(self, where: str) -> None:
        if self.capture is not None:
            self.capture(self.page, where)


@dataclass
class _Opened:
    """Where a walk was before it pressed a control that opens a dialog, to go back to."""

    scope: Page | Locator
    where: str
    blocked: bool
    dialogs: int  # dialogs shown before it opened


class _Walk:
    """The walk of one page: where it is (the page, its dialog, a sub-dialog, a menu) and what
    it found."""

    def __init__(self, prober: Prober, page_name: str) -> None:
        self.prober = prober
        self.page = prober.page
        self.labels = prober.labels
        self.page_name = page_name
        info = page_info(page_name)
        self.page_scope: Page | Locator = self.page
        if info.block is not None:
            self.page_scope = any_role(self.page, ("region", "group"), info.block, self.labels)
        self.scope: Page | Locator = self.page_scope
        self.where = page_name
        self.blocked = False  # a control to press was missing: the rest of the dialog is unseen
        self.opened: list[_Opened] = []  # the dialogs open, innermost last

    def move(self, move: Move) -> None:
        with translated(self.page, f"probing {self.where}"):
            if isinstance(move, Cancel):
                self._cancel()
            elif self.blocked:
                self._unreached(move)
                if isinstance(move, Press) and move.opens is not None:
                    self._enter(move.opens, self.scope, blocked=True)
            elif isinstance(move, Look):
                self._look(move)
            elif isinstance(move, Press):
                self._press(move)
            elif isinstance(move, Pick):
                self._pick(move)
            elif isinstance(move, Check):
                self._check(move)

    # --- finding --------------------------------------------------------------------------
    def locate(self, key: LabelKey, scope: Page | Locator | None = None) -> Locator:
        return by_role(
            scope or self.scope,
            ROLES[key],
            key,
            self.labels,
            exact=not _loose(key),
            **_fields(self.labels, key),
        ).first

    def present(self, key: LabelKey, scope: Page | Locator | None = None) -> bool:
        found = self.locate(key, scope)
        if found.count():
            return True
        try:
            expect(found).to_be_attached(timeout=SETTLE_MS)
        except AssertionError:
            return False
        return True

    def shown_of(self, keys: tuple[LabelKey, ...], scope: Page | Locator) -> list[LabelKey]:
        """Those of `keys` shown, in their order: alternatives, of which the console shows
        one (Configure or Add another rule), so none is waited for once one is there; when
        none is there yet, the first to show within `SETTLE_MS` (and any shown with it)."""
        shown = [k for k in keys if self.locate(k, scope).count()]
        if shown or not keys:
            return shown
        anyone = self.locate(keys[0], scope)
        for key in keys[1:]:
            anyone = anyone.or_(self.locate(key, scope))
        try:
            expect(anyone.first).to_be_attached(timeout=SETTLE_MS)
        except AssertionError:
            return []
        return [k for k in keys if self.locate(k, scope).count()]

    def note(self, key: LabelKey, where: str, scope: Page | Locator | None = None) -> bool:
        """Look for one key; note it found or missing (with candidates)."""
        report = self.prober.report
        if any(m.key == key and m.where == where for m in report.missing):
            return False  # noted already (a control looked at, then pressed)
        if self.present(key, scope):
            if (key, where) not in report.found:  # a menu looked at, then opened
                report.found.append((key, where))
            return True
        tree = self._tree(scope or self.scope)
        tried = self.labels.names(key)  # a numbered control's as patterns ("Host {n}")
        fields = _fields(self.labels, key)
        found = candidates(tree, ROLES[key], tried, self.prober.known, fields)
        report.missing.append(Missing(key, ROLES[key], where, list(tried), found))
        return False

    def _tree(self, scope: Page | Locator) -> AriaNode:
        root = scope.locator("body") if isinstance(scope, Page) else scope
        if not root.count():
            root = self.page.locator("body")
        tree = parse(root.first.aria_snapshot())
        text = root.first.inner_text()
        for marker in REDESIGN_MARKERS:
            if marker.lower() in text.lower() and marker not in self.prober.report.redesign:
                self.prober.report.redesign.append(marker)
        return tree

    # --- moves ----------------------------------------------------------------------------
    def _within(self, group: LabelKey | None) -> Page | Locator:
        """The scope of a move: a group of where the walk is, when it names one that is shown."""
        if group is None or not self.present(group):
            return self.scope
        return self.locate(group)

    def _look(self, move: Look) -> None:
        scope = self._within(move.within)
        for key in move.keys:
            self.note(key, self.where, scope)
        if move.either:  # one of them is enough; the others are not shown
            shown = self.shown_of(move.either, scope)
            self.prober.report.found.extend((k, self.where) for k in shown)
            if not shown:
                for key in move.either:
                    self.note(key, self.where, scope)

    def _press(self, move: Press) -> None:
        scope = self._within(move.within)
        keys = (move.key, *move.otherwise)
        target = next(iter(self.shown_of(keys, scope)), None)
        if target is None:
            if not move.otherwise:
                self.note(move.key, self.where, scope)
            if move.opens is not None:
                self._enter(move.opens, self.scope, blocked=True)
            return
        dialogs = self.page.get_by_role("dialog")
        before = dialogs.count()
        open_names = self._dialog_names() if before else []
        self.locate(target, scope).click()
        if move.opens is None:
            return
        dialog = by_role(self.page, "dialog", move.opens, self.labels, exact=False)
        # The dialog it opened, whatever its title: one named unlike those open before.
        taken = "|".join(re.escape(name) for name in open_names)
        new = self.page.get_by_role("dialog", name=re.compile(f"^(?!(?:{taken})$)"))
        expect(dialog.or_(new).first).to_be_visible()
        self.note(move.opens, self.where, self.page)
        self._enter(move.opens, dialog if dialog.count() else new, blocked=False, dialogs=before)
        self.prober._capture(self.where)

    def _dialog_names(self) -> list[str]:
        """The accessible names of the dialogs open now (what their ARIA snapshots say)."""
        names = []
        for dialog in self.page.get_by_role("dialog").all():
            names += [n.name for n in parse(dialog.aria_snapshot()).children if n.role == "dialog"]
        return names

    def _enter(
        self, opens: LabelKey, scope: Page | Locator, *, blocked: bool, dialogs: int = 0
    ) -> None:
        """Go into the dialog a press opened (`blocked`: it could not be opened)."""
        self.opened.append(_Opened(self.scope, self.where, self.blocked, dialogs))
        self.scope, self.where, self.blocked = scope, f"{self.where}/{opens}", blocked

    def _pick(self, move: Pick) -> None:
        if not self.note(move.menu, self.where):
            for key in move.options:
                self.prober.report.unreached.append((key, f"{self.where}/{move.menu}"))
            return
        self.locate(move.menu).click()
        listbox = self.page.get_by_role("listbox").last
        expect(listbox).to_be_visible()
        for key in move.options:
            self.note(key, f"{self.where}/{move.menu}", listbox)
        chosen = self.locate(move.choose, listbox)
        (chosen if chosen.count() else listbox.get_by_role("option").first).click()
        expect(self.page.get_by_role("listbox")).to_have_count(0)

    def _check(self, move: Check) -> None:
        box = self.locate(move.key)
        if box.count():
            box.check()

    def _cancel(self) -> None:
        """Close the innermost dialog (one that could not be opened: only leave it)."""
        if not self.opened:
            return
        back = self.opened.pop()
        if not self.blocked:
            cancel = self.locate("cancel")
            if cancel.count():
                cancel.click()
            else:  # nothing saved: leave the dialogs by reloading the page
                self.prober.shell.goto(self.page_name)
                back = self.opened[0] if self.opened else back
                self.opened.clear()
                back.dialogs = 0
            expect(self.page.get_by_role("dialog")).to_have_count(back.dialogs)
        self.scope, self.where, self.blocked = back.scope, back.where, back.blocked

    def _unreached(self, move: Move) -> None:
        keys: tuple[LabelKey, ...] = ()
        if isinstance(move, Look):
            keys = (*move.keys, *move.either)
        elif isinstance(move, Pick):
            keys = (move.menu, *move.options)
        self.prober.report.unreached.extend((k, self.where) for k in keys)
