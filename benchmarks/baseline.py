"""The baselines: the reference jobs as a careful engineer would script them in plain Playwright.

Usage: python benchmarks/baseline.py CONSOLE_URL STORAGE_STATE [split|dual|split-read-first]
Direct URLs, fill, save; no framework, no reading back, no screenshots. `split` (the default)
is split delivery; `dual` is `runbooks/dual-delivery.yaml` (a copy through Also deliver to);
`split-read-first` is split delivery as a careful script that may run twice writes it: each
page's list is waited for and read first, and what it already holds is not added again.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import partial

from playwright.sync_api import Locator, Page, expect, sync_playwright

from runbook.console.browser import launch_args


def listed(page: Page, heading: str, table: Locator) -> list[str]:
    """The names a list shows, once the page has loaded it (what a script that must not add
    an entry twice reads first)."""
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_role("progressbar", name="Loading")).to_have_count(0)
    return [" ".join(t.split()) for t in table.get_by_role("rowheader").all_inner_texts()]


def add_route(
    page: Page, console: str, saved: Locator, name: str, host: str, *, read_first: bool = False
) -> None:
    """Hosts > Add route: a single host on port 25, the TLS options as the dialog has them;
    `read_first`: not when the list already shows it."""
    page.goto(f"{console}/ac/apps/gmail/hosts?hl=en")
    routes = page.get_by_role("table", name="Mail routes")
    if read_first and name in listed(page, "Hosts", routes):
        return
    page.get_by_role("button", name="Add route", exact=True).click()
    dialog = page.get_by_role("dialog", name="Add mail route")
    dialog.get_by_role("textbox", name="Name", exact=True).fill(name)
    dialog.get_by_role("textbox", name="Host name or IP").fill(host)
    dialog.get_by_role("textbox", name="Port").fill("25")
    dialog.get_by_role("button", name="Save").click()
    expect(saved).to_be_visible()


def open_rule(
    page: Page, console: str, description: str, *, read_first: bool = False
) -> Locator | None:
    """Routing > Configure: the Add setting dialog, its description and messages filled;
    `read_first`: None when the list already shows the rule."""
    page.goto(f"{console}/ac/apps/gmail/routing?hl=en")
    routing = page.get_by_role("region", name="Routing", exact=True)  # the page's other
    rules = routing.get_by_role("table", name="Routing rules")
    if read_first and description in listed(page, "Routing", rules):
        return None
    add = re.compile(r"^(Configure|Add another rule)$")  # blocks have a Configure too; a
    routing.get_by_role("button", name=add).click()  # console with rules: Add another rule
    dialog = page.get_by_role("dialog", name="Add setting")
    dialog.get_by_role("textbox", name="Description").fill(description)
    dialog.get_by_role("checkbox", name="Inbound", exact=True).check()
    dialog.get_by_role("checkbox", name="Internal - receiving").check()
    return dialog


def split(page: Page, console: str, saved: Locator, *, read_first: bool = False) -> None:
    """Add the legacy route and the split-delivery rule."""
    route, host = "Legacy mail server", "mail.legacy.example.com"
    add_route(page, console, saved, route, host, read_first=read_first)
    dialog = open_rule(page, console, "Split delivery to the legacy server", read_first=read_first)
    if dialog is None:
        return
    dialog.get_by_role("checkbox", name="Change route").check()
    dialog.get_by_role("combobox", name="Route to").click()
    page.get_by_role("option", name="Legacy mail server").click()
    dialog.get_by_role("button", name="Show options").click()
    dialog.get_by_role("checkbox", name="Users", exact=True).uncheck()
    dialog.get_by_role("checkbox", name="Unrecognized / Catch-all").check()
    dialog.get_by_role("checkbox", name="Groups", exact=True).uncheck()
    dialog.get_by_role("button", name="Save").click()
    expect(saved).to_be_visible()


def dual(page: Page, console: str, saved: Locator) -> None:
    """Add the archive's route and the dual-delivery rule (an Advanced copy on that route)."""
    add_route(page, console, saved, "Archive smarthost", "smtp.archive.example.net")
    dialog = open_rule(page, console, "Dual delivery - copy inbound mail to the archive")
    assert dialog is not None
    dialog.get_by_role("checkbox", name="Add X-Gm-Original-To header").check()
    deliver = dialog.get_by_role("group", name="Also deliver to", exact=True)
    deliver.get_by_role("checkbox", name="Add more recipients").check()
    deliver.get_by_role("button", name="Add", exact=True).click()
    sub = page.get_by_role("dialog", name="Add recipient")
    sub.get_by_role("combobox", name="Recipient type").click()
    page.get_by_role("option", name="Advanced").click()
    route = sub.get_by_role("group", name="Route", exact=True)
    route.get_by_role("checkbox", name="Change route").check()
    route.get_by_role("combobox", name="Route to").click()
    page.get_by_role("option", name="Archive smarthost").click()
    sub.get_by_role("textbox", name="Email address").fill("journal@archive.example.net")
    sub.get_by_role("button", name="Save").click()
    expect(sub).to_be_hidden()
    dialog.get_by_role("button", name="Save").click()
    expect(saved).to_be_visible()


JOBS: dict[str, Callable[[Page, str, Locator], None]] = {
    "split": split,
    "dual": dual,
    "split-read-first": partial(split, read_first=True),
}


def main(console: str, storage_state: str, job: str = "split") -> None:
    """Do the job in a fresh browser."""
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        context = browser.new_context(storage_state=storage_state)
        page = context.new_page()
        saved = page.get_by_role("status").filter(has_text="up to 24 hours")
        JOBS[job](page, console, saved)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
