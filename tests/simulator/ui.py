"""Role-and-name helpers for the simulator's browser tests (what a page object would do)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from runbook.locales import Labels

EN = Labels("en")
FR = Labels("fr")

HOSTS = "/ac/apps/gmail/hosts"
ROUTING = "/ac/apps/gmail/routing"
DEFAULT_ROUTING = "/ac/apps/gmail/defaultrouting"


def goto_list(page: Page, path: str, labels: Labels = EN) -> None:
    """Open a console page and wait for its list to load."""
    page.goto(path + ("?hl=fr" if labels.locale == "fr" else ""))
    expect(page.get_by_role("progressbar", name=labels.name("loading"))).to_have_count(0)


def routing_block(page: Page, labels: Labels = EN) -> Locator:
    """The Routing block of the Routing page (the page holds other settings blocks too)."""
    return page.get_by_role("region", name=labels.name("routing_heading"), exact=True)


def row(page: Page | Locator, table: str, name: str) -> Locator:
    """The row of a table whose name (its row header) is exactly `name`."""
    root = page.page if isinstance(page, Locator) else page  # `has=` takes a page-relative locator
    cell = root.get_by_role("rowheader", name=name, exact=True)
    return page.get_by_role("table", name=table).get_by_role("row").filter(has=cell)


def choose(scope: Locator, combobox: str, option: str) -> None:
    """Pick an option of an ARIA combobox (click, then the option in its listbox)."""
    scope.get_by_role("combobox", name=combobox, exact=True).click()
    scope.get_by_role("option", name=option, exact=True).click()
    expect(scope.get_by_role("combobox", name=combobox, exact=True)).to_have_text(option)


def saved_toast(page: Page, labels: Labels = EN) -> Locator:
    """The confirmation shown after a save."""
    return page.get_by_role("status").filter(has_text=labels.name("saved_note"))


def expect_field_error(field: Locator, message: str) -> None:
    """An error shown next to a field: aria-invalid, and the alert as its description."""
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(message)
