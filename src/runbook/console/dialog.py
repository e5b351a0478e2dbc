"""What the "Add mail route" and "Add setting" dialogs share: fields, save, cancel."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from runbook.console.aria import AriaNode, parse
from runbook.console.guard import WriteGuard
from runbook.console.listing import ListPage, SaveOutcome
from runbook.console.locate import by_role
from runbook.locales import LabelKey, Labels
from runbook.names import shown


class Dialog:
    """A console dialog of a list page, located by its role and title (a label key)."""

    def __init__(self, owner: ListPage, title: LabelKey) -> None:
        self.owner = owner
        self.page: Page = owner.page
        self.heading = owner.heading  # the page's heading: visible again once the dialog closes
        self.labels: Labels = owner.labels
        self.guard: WriteGuard = owner.guard
        self.title = title
        self.root = by_role(self.page, "dialog", title, self.labels, exact=False)
        self.save_button = by_role(self.root, "button", "save", self.labels)
        self.cancel_button = by_role(self.root, "button", "cancel", self.labels)

    def read(self) -> dict[str, Any]:
        """Every stored field of the dialog, in the runbook's shape."""
        raise NotImplementedError

    def snapshot(self) -> AriaNode:
        """The dialog's accessibility tree, read in one round trip."""
        tree = parse(self.root.aria_snapshot())
        return tree.find("dialog", self.labels.names(self.title)) or tree

    def wait_open(self) -> None:
        expect(self.root).to_be_visible()

    def is_open(self) -> bool:
        return self.root.is_visible()

    def set_text(self, box: Locator, value: str, current: str | None = None) -> None:
        """Type a value into a field, only when it differs from what is there."""
        if (box.input_value() if current is None else current) != value:
            box.fill(value)

    @staticmethod
    def set_name(box: Locator, value: str, current: str) -> None:
        """Type a name, unless the console already shows it (whitespace aside)."""
        if shown(value) != shown(current):
            box.fill(value)

    @staticmethod
    def set_checked(box: Locator, want: bool, current: bool) -> None:
        """Check or uncheck a box, only when it is not already so."""
        if current != want:
            box.set_checked(want)

    def save(self, what: str) -> None:
        """Press Save and wait for the console to accept it; refused in read-only runs."""
        self.guard.allow(f"save {what}")
        self.owner.reloading()
        outcome = SaveOutcome(self.page, self.labels, self.root, self.heading)
        self.save_button.click()
        outcome.wait(what)

    def cancel(self) -> None:
        """Close the open dialog without saving anything."""
        self.cancel_button.click()
        expect(self.root).to_be_hidden()


def as_port(text: str) -> int | str:
    """A port field's value as the runbook writes it: an int when it is one."""
    text = text.strip()
    return int(text) if text.isdigit() else text
