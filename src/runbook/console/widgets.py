"""Helpers for the console's custom ARIA widgets (menus) and its asynchronous loading."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from runbook.console.locate import by_role, contains, name_matcher
from runbook.locales import Labels


def choose(
    page: Page, combobox: Locator, option: str | tuple[str, ...], current: str | None = None
) -> None:
    """Open an ARIA combobox menu and pick the option with this accessible name.

    `option` is one name, or the names the catalogue accepts for it (`labels.names(key)`).
    `current` is what the menu shows, when already read (from a snapshot of the dialog).
    """
    names = (option,) if isinstance(option, str) else option
    if (current_choice(combobox) if current is None else current) in names:
        return
    combobox.click()
    name = name_matcher(names)
    page.get_by_role("listbox").get_by_role("option", name=name, exact=True).click()
    expect(combobox).to_contain_text(contains(names))


def current_choice(combobox: Locator) -> str:
    """The option an ARIA combobox shows as chosen."""
    return combobox.inner_text().strip()


def wait_loaded(page: Page, labels: Labels) -> None:
    """Wait until the page's asynchronous loading indicator has gone."""
    expect(by_role(page, "progressbar", "loading", labels, exact=False)).to_have_count(0)
