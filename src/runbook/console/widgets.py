"""Helpers for the console's custom ARIA widgets (menus) and its asynchronous loading."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from runbook.console.labels import Labels


def choose(page: Page, combobox: Locator, option: str, current: str | None = None) -> None:
    """Open an ARIA combobox menu and pick the option with this accessible name.

    `current` is what the menu shows, when already read (from a snapshot of the dialog).
    """
    if (current_choice(combobox) if current is None else current) == option:
        return
    combobox.click()
    page.get_by_role("listbox").get_by_role("option", name=option, exact=True).click()
    expect(combobox).to_contain_text(option)


def current_choice(combobox: Locator) -> str:
    """The option an ARIA combobox shows as chosen."""
    return combobox.inner_text().strip()


def wait_loaded(page: Page, labels: Labels) -> None:
    """Wait until the page's asynchronous loading indicator has gone."""
    expect(page.get_by_role("progressbar", name=labels.loading)).to_have_count(0)
