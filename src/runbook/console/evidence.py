"""What a step keeps of the console page: masked screenshots, its DOM and accessibility tree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from playwright.sync_api import Page

from runbook.console.failures import translated
from runbook.console.masking import secret_masks


def screenshot(page: Page, path: Path, secrets: Iterable[str]) -> bool:
    """Screenshot the page to `path`, every secret it shows masked; False when it is closed."""
    if page.is_closed():
        return False
    with translated(page, f"taking the screenshot {path.name}"):
        mask = secret_masks(page, secrets)
        page.screenshot(path=str(path), mask=mask, animations="disabled", caret="hide")
    return True


def page_source(page: Page) -> tuple[str, str] | None:
    """The page's DOM (HTML) and accessibility tree (YAML); None when it is closed."""
    if page.is_closed():
        return None
    with translated(page, "reading the page's DOM and accessibility tree"):
        return page.content(), page.locator("body").aria_snapshot()
