"""The baseline: split delivery as a careful engineer would script it in plain Playwright.

Usage: python benchmarks/baseline.py CONSOLE_URL STORAGE_STATE
Direct URLs, fill, save; no framework, no reading back, no screenshots.
"""

from __future__ import annotations

import sys

from playwright.sync_api import expect, sync_playwright

from runbook.console.browser import launch_args


def main(console: str, storage_state: str) -> None:
    """Add the legacy route and the split-delivery rule."""
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        context = browser.new_context(storage_state=storage_state)
        page = context.new_page()
        saved = page.get_by_role("status").filter(has_text="up to 24 hours")

        page.goto(f"{console}/ac/apps/gmail/hosts?hl=en")
        page.get_by_role("button", name="Add route", exact=True).click()
        dialog = page.get_by_role("dialog", name="Add mail route")
        dialog.get_by_role("textbox", name="Name", exact=True).fill("Legacy mail server")
        dialog.get_by_role("textbox", name="Host name or IP").fill("mail.legacy.example.com")
        dialog.get_by_role("textbox", name="Port").fill("25")
        dialog.get_by_role("button", name="Save").click()
        expect(saved).to_be_visible()

        page.goto(f"{console}/ac/apps/gmail/routing?hl=en")
        routing = page.get_by_role("region", name="Routing", exact=True)  # the page's other
        routing.get_by_role("button", name="Configure").click()  # blocks have a Configure too
        dialog = page.get_by_role("dialog", name="Add setting")
        dialog.get_by_role("textbox", name="Description").fill(
            "Split delivery to the legacy server"
        )
        dialog.get_by_role("checkbox", name="Inbound", exact=True).check()
        dialog.get_by_role("checkbox", name="Internal - receiving").check()
        dialog.get_by_role("checkbox", name="Change route").check()
        dialog.get_by_role("combobox", name="Route to").click()
        page.get_by_role("option", name="Legacy mail server").click()
        dialog.get_by_role("button", name="Show options").click()
        dialog.get_by_role("checkbox", name="Users", exact=True).uncheck()
        dialog.get_by_role("checkbox", name="Unrecognized / Catch-all").check()
        dialog.get_by_role("checkbox", name="Groups", exact=True).uncheck()
        dialog.get_by_role("button", name="Save").click()
        expect(saved).to_be_visible()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
