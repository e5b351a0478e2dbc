"""What every list page shares: a table of named entries, its dialogs, saves and deletes."""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from playwright.sync_api import Locator, Page, Request, Response, expect

from runbook.console.aria import AriaNode, parse
from runbook.console.failures import doing, on_sign_in
from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards, sign_in_heading
from runbook.console.locate import any_role, by_role, text_matcher
from runbook.console.places import PageInfo, page_info
from runbook.console.widgets import wait_loaded
from runbook.errors import (
    ConcurrentChange,
    NameTaken,
    SaveNotConfirmed,
    SaveRejected,
    SignInBeforeSave,
    SignInRequired,
)
from runbook.locales import LabelKey, Labels
from runbook.names import shown

# Reads one column, found by its header's text (any accepted name), of every row: one round trip
# for the list.
# A row's name cell may be a row header (`<th scope="row">`): it counts as a cell.
# Each row's cell under the column named one of `headers`, and whether one of its cells reads
# one of `flags` (case aside): one pass over the table, however long the list.
_READ_ROWS = """(table, [headers, flags]) => {
  const shown = (e) => e.textContent.replace(/\\s+/g, ' ').trim();
  const heads = [...table.querySelectorAll('[role=columnheader], thead th, th[scope=col]')];
  const col = heads.findIndex(h => headers.includes(shown(h)));
  if (col < 0) return null;
  const flagged = new Set(flags.map(f => f.toLowerCase()));
  const rows = [...table.querySelectorAll('[role=row], tr')].filter(
    r => !heads.some(h => r.contains(h)));
  return rows.map(r => {
    const cells = [...r.querySelectorAll('[role=cell], [role=gridcell], [role=rowheader], td, th')];
    return [cells[col] ? cells[col].textContent : '',
            cells.some(c => flagged.has(shown(c).toLowerCase()))];
  });
}"""


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class WriteWatch:
    """Notes the HTTP answers to the page's writes while a save is in progress.

    Only the network tells a transient failure (5xx, a lost answer, no answer at all) from a
    refusal (4xx, or a field error shown before anything was sent): the alert's text is the
    same "try again" for a server error and for an answer lost after the write was applied.
    Start it before pressing Save.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.statuses: list[int] = []  # 0: the request got no answer
        page.on("response", self._answered)
        page.on("requestfailed", self._failed)

    def _answered(self, response: Response) -> None:
        if response.request.method in WRITE_METHODS:
            self.statuses.append(response.status)

    def _failed(self, request: Request) -> None:
        if request.method in WRITE_METHODS:
            self.statuses.append(0)

    def stop(self) -> None:
        self.page.remove_listener("response", self._answered)
        self.page.remove_listener("requestfailed", self._failed)

    @property
    def sent(self) -> bool:
        """A write left the page (whatever its answer)."""
        return bool(self.statuses)

    @property
    def refused_for_sign_in(self) -> bool:
        """The last write was answered with a demand to sign in (401 or 403): not applied."""
        return bool(self.statuses) and self.statuses[-1] in (401, 403)

    @property
    def transient(self) -> bool:
        """The last write failed in a way a retry may fix: 5xx, or no answer."""
        return bool(self.statuses) and (self.statuses[-1] >= 500 or self.statuses[-1] == 0)


def gone(page: Page, dialog: Locator) -> Locator:
    """Shown once `dialog` is gone: the document without it (a positive condition to wait for,
    with an error or sign-in, in one `expect`)."""
    return page.locator(":root").filter(has_not=dialog)


class SaveOutcome:
    """Waits for what the console shows after Save: the dialog gone, an error, or sign-in.

    Only the dialog itself being gone proves it closed: on some consoles the page behind an
    open dialog stays in the accessibility tree, its heading visible all along. (Confirmation
    toasts linger for seconds and cannot tell one save from the next.)
    Create it before pressing Save: it watches the write's answer from then on. A console
    that asks to verify it's the user on Save (the page goes to a password-only challenge,
    the dialog with it) is answered through `hazards` when the run can; the save is then
    tried again from the start (SaveNotConfirmed: the step re-reads the entry first).
    """

    def __init__(
        self, page: Page, labels: Labels, dialog: Locator, hazards: Hazards | None = None
    ) -> None:
        self.page = page
        self.labels = labels
        self.dialog = dialog
        self.hazards = hazards
        self.closed = gone(page, dialog)
        # A failed TLS test also shows an alert; it is a warning, not a refusal.
        self.error = dialog.get_by_role("alert").filter(
            has_not_text=text_matcher(labels, "tls_failed")
        )
        self.sign_in = sign_in_heading(page, labels)
        self.watch = WriteWatch(page)

    @doing("waiting for the console's answer to saving {what}")
    def wait(self, what: str) -> None:
        """Return when the save was accepted; raise why it was not otherwise."""
        try:
            expect(self.error.or_(self.sign_in).or_(self.closed).first).to_be_visible()
            if on_sign_in(self.page) or self.sign_in.is_visible():
                self._signed_out(what)
            if self.error.count():
                raise_refusal(self.labels, what, self.error.all_inner_texts(), self.watch)
            # else the dialog is gone: the save was accepted
        finally:
            self.watch.stop()

    def _signed_out(self, what: str) -> NoReturn:
        """The console left the dialog for its sign-in: answer a "Verify it's you" when the
        run can, then have the save tried again; else sign-in is required."""
        refused = self.watch.refused_for_sign_in
        if self.hazards is None or not on_sign_in(self.page):
            raise _sign_in_error(f"the console asked for sign-in while saving {what}", refused)
        expect(self.sign_in.first).to_be_visible()  # the challenge's page, loaded
        try:
            self.hazards.check_signed_in(self.page)
        except SignInRequired as exc:  # it cannot answer: no password for the run
            raise _sign_in_error(str(exc), refused) from None
        self.hazards.note(
            "console.reauthenticated_on_save",
            "the console asked to verify it's you on Save, the dialog open: answered, then "
            "read the entry again and saved it once more",
            saving=what,
        )
        raise SaveNotConfirmed(
            f"the console asked to verify it's you while saving {what} and did not save it"
        )


def _sign_in_error(message: str, refused: bool) -> SignInRequired:
    """Sign-in required while saving; when the console answered the save itself with it,
    nothing of the save was applied, and the error says so."""
    if refused:
        return SignInBeforeSave(f"{message}; it answered the save with it: nothing was saved")
    return SignInRequired(message)


def raise_refusal(labels: Labels, what: str, texts: list[str], watch: WriteWatch) -> NoReturn:
    """Raise the error that matches the console's refusal message and the write's answer."""
    message = "; ".join(t.strip() for t in texts if t.strip())
    if labels.found_in("concurrent_change", message) or labels.found_in("concurrent_gone", message):
        raise ConcurrentChange(
            f"{what} was changed in the console by someone else after runbook read it; "
            f"nothing was overwritten (the console said: {message}). Run again to compare "
            "with the new values."
        )
    if labels.found_in("name_taken", message):
        raise NameTaken(f"the console refused to save {what}: {message}")
    if watch.transient or (not watch.sent and labels.found_in("save_failed", message)):
        # 5xx or no answer; or a "try again" whose answer the page got but we did not see
        raise SaveNotConfirmed(f"the console could not save {what}: {message}")
    raise SaveRejected(f"the console refused to save {what}: {message}")


class ListPage:
    """A console page listing named entries in a table, each row with Edit and Delete.

    A subclass names its registered page: `class HostsPage(ListPage, page="hosts")`.
    """

    info: ClassVar[PageInfo]  # the page in the registry: path, menu path, heading
    heading_key: ClassVar[LabelKey]
    table_key: LabelKey
    name_column_key: LabelKey
    delete_title_key: LabelKey

    def __init_subclass__(cls, page: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if page:
            cls.info = page_info(page)
            cls.heading_key = cls.info.heading

    def __init__(
        self, page: Page, labels: Labels, guard: WriteGuard, hazards: Hazards | None = None
    ) -> None:
        self.page = page
        self.labels = labels
        self.guard = guard
        self.hazards = hazards or Hazards(labels)
        self.heading = by_role(page, "heading", self.heading_key, labels, exact=False, level=1)
        # The settings block of the page's entries (None: the page is one list); every locator
        # of the list (buttons, table, rows and their actions) is found inside it. A region
        # or a group: which one is settled once the page shows it (`wait_ready`), so that
        # every locator through the block looks for one role, not both.
        self.block: Locator | None = None
        self._block_settled = False
        if self.info.block is not None:
            self.block = any_role(page, ("region", "group"), self.info.block, labels)
        self._ready = False

    @property
    def scope(self) -> Page | Locator:
        """Where the list's locators look: the page's settings block, or the page."""
        return self.block if self.block is not None else self.page

    @property
    def table(self) -> Locator:
        return by_role(self.scope, "table", self.table_key, self.labels, exact=False)

    def _settle_block(self, key: LabelKey) -> None:
        """Once the block shows: keep the role it has on this console (region or group)."""
        if self._block_settled:
            return
        found = by_role(self.page, "region", key, self.labels)
        self.block = found if found.count() else by_role(self.page, "group", key, self.labels)
        self._block_settled = True

    @doing("waiting for the {self.info.name} page and its list")
    def wait_ready(self) -> None:
        """Wait for the page and its asynchronously loaded list (once, until it reloads)."""
        if self._ready:
            return
        self.hazards.wait_for(self.page, self.heading)
        if self.block is not None and self.info.block is not None:
            expect(self.block).to_be_visible()
            self._settle_block(self.info.block)
        wait_loaded(self.page, self.labels)
        self._ready = True

    def reloading(self) -> None:
        """Note that the console reloads the list (after a save or a delete)."""
        self._ready = False

    @doing("waiting for {name!r} in the {self.info.name} list")
    def wait_listed(self, name: str) -> None:
        """Wait until the reloaded list shows the entry with this name."""
        self.wait_ready()
        self.hazards.wait_for(self.page, self.row(name))

    @doing("reading the {self.info.name} list")
    def names(self) -> list[str]:
        """The name of every entry listed, in console order (empty list when none)."""
        return [name for name, _ in self.rows()]

    @doing("reading the {self.info.name} list")
    def rows(self, flag: LabelKey | None = None) -> list[tuple[str, bool]]:
        """Each entry's name, in console order, and whether a cell of its row reads one of
        `flag`'s names (e.g. "Inherited"): the whole list read at once."""
        self.wait_ready()
        if self.table.count() == 0:
            return []
        headers = list(self.labels.names(self.name_column_key))
        flags = list(self.labels.names(flag)) if flag is not None else []
        rows = self.table.evaluate(_READ_ROWS, [headers, flags])
        if rows is None:
            expect(
                by_role(self.table, "columnheader", self.name_column_key, self.labels, exact=False)
            ).to_be_visible()
        return [(shown(str(name)), bool(flagged)) for name, flagged in rows or []]

    @doing("looking for {name!r} in the {self.info.name} list")
    def has(self, name: str) -> bool:
        """Whether the list shows an entry with this name (compared as the console shows it)."""
        return shown(name) in self.names()

    def row(self, name: str) -> Locator:
        """The table row of the entry with this name.

        The row whose header (the name cell) has the name as its accessible name: only the
        name column counts, so an entry named "Edit", "Locally applied" or like another
        row's host is found in its own row. Accessible names are compared with whitespace
        collapsed, as the console shows them.
        """
        header = self.page.get_by_role("rowheader", name=shown(name), exact=True)
        return self.table.get_by_role("row").filter(has=header)

    def open_edit(self, name: str) -> Dialog:
        """Press Edit on the entry with this name; its dialog, filled in."""
        raise NotImplementedError

    def row_action(self, name: str, key: LabelKey) -> Locator:
        """An action of the entry's row: a button, or a link on consoles that show links."""
        return any_role(self.row(name), ("button", "link"), key, self.labels)

    @doing("pressing Edit on {name!r}")
    def click_edit(self, name: str) -> None:
        self.row_action(name, "edit").click()

    def confirmation(self, name: str) -> Locator:
        """The question before deleting this entry: an alertdialog, or a plain dialog titled
        "Delete {name}"; the one that names the entry, not a dialog of another block."""
        labels = self.labels
        question = by_role(self.page, "alertdialog", self.delete_title_key, labels, exact=False)
        plain = by_role(self.page, "dialog", "delete_named_title", labels, name=shown(name))
        return question.or_(plain).filter(has_text=shown(name))

    @doing("deleting {name!r}")
    def delete(self, name: str) -> None:
        """Delete the entry with this name, confirming the console's question."""
        self.guard.allow(f"delete {name!r}")
        self.reloading()
        self.row_action(name, "delete").click()
        confirm = self.confirmation(name)
        outcome = SaveOutcome(self.page, self.labels, confirm, self.hazards)
        by_role(confirm, "button", "delete", self.labels).click()
        outcome.wait(f"the deletion of {name!r}")
        self.wait_unlisted(name)

    @doing("waiting for {name!r} to leave the {self.info.name} list")
    def wait_unlisted(self, name: str) -> None:
        """Wait until the list no longer shows a deleted entry; a list that still does once it
        has settled (some consoles do not refresh it after a delete) is loaded again."""
        self.wait_ready()
        if self.row(name).count():
            self.hazards.reload(self.page)
            self.reloading()
            self.wait_ready()
            self.hazards.note(
                "console.list_reloaded",
                f"the {self.info.name} list still showed {name!r} after its deletion: reloaded it",
                entry=name,
            )
        expect(self.row(name)).to_have_count(0)


class Dialog:
    """A console dialog of a list page, located by its role and title (a label key)."""

    def __init__(self, owner: ListPage, title: LabelKey) -> None:
        self.owner = owner
        self.page: Page = owner.page
        self.labels: Labels = owner.labels
        self.guard: WriteGuard = owner.guard
        self.title_key = title
        self.title = self.labels.name(title)  # as messages name the dialog
        self.root = by_role(self.page, "dialog", title, self.labels, exact=False)
        self.save_button = by_role(self.root, "button", "save", self.labels)
        self.cancel_button = by_role(self.root, "button", "cancel", self.labels)

    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape."""
        raise NotImplementedError

    @doing("reading the {self.title} dialog")
    def snapshot(self) -> AriaNode:
        """The dialog's accessibility tree, read in one round trip."""
        tree = parse(self.root.aria_snapshot())
        return tree.find("dialog", self.labels.names(self.title_key)) or tree

    @doing("waiting for the {self.title} dialog")
    def wait_open(self) -> None:
        self.owner.hazards.wait_for(self.page, self.root)

    @doing("looking for the {self.title} dialog")
    def is_open(self) -> bool:
        return self.root.is_visible()

    @doing("typing into the {self.title} dialog")
    def set_text(self, box: Locator, value: str, current: str | None = None) -> None:
        """Type a value into a field, only when it differs from what is there."""
        if (box.input_value() if current is None else current) != value:
            box.fill(value)

    @doing("typing a name into the {self.title} dialog")
    def set_name(self, box: Locator, value: str, current: str) -> None:
        """Type a name, unless the console already shows it (whitespace aside)."""
        if shown(value) != shown(current):
            box.fill(value)

    @doing("checking a box of the {self.title} dialog")
    def set_checked(self, box: Locator, want: bool, current: bool) -> None:
        """Check or uncheck a box, only when it is not already so."""
        if current != want:
            box.set_checked(want)

    @doing("saving {what}")
    def save(self, what: str) -> None:
        """Press Save and wait for the console to accept it; refused in read-only runs."""
        self.guard.allow(f"save {what}")
        self.owner.reloading()
        outcome = SaveOutcome(self.page, self.labels, self.root, self.owner.hazards)
        self.save_button.click()
        outcome.wait(what)

    @doing("cancelling the {self.title} dialog")
    def cancel(self) -> None:
        """Close the open dialog without saving anything."""
        self.cancel_button.click()
        expect(self.root).to_be_hidden()


def as_port(text: str) -> int | str:
    """A port field's value as the runbook writes it: an int when it is one."""
    text = text.strip()
    return int(text) if text.isdigit() else text
