"""Evidence capture from the browser: screenshots with every secret masked, DOM, trace."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from runbook.console.failures import translated
from runbook.console.session import BrowserSession
from runbook.errors import RunbookError

__all__ = [
    "BrowserSession",
    "Page",
    "accessibility_tree",
    "page_dom",
    "page_open",
    "save_trace",
    "screenshot",
    "secret_masks",
]


def secret_masks(page: Page, secrets: Iterable[str]) -> list[Locator]:
    """The elements whose text holds a secret (list cells, menus, messages), and the text
    fields whose value does (a field's value is not its text)."""
    wanted = [s for s in secrets if s.strip()]
    if not wanted:
        return []
    shown = [page.get_by_text(secret) for secret in wanted]
    boxes = [
        box
        for box in page.get_by_role("textbox").all()
        if any(secret in box.input_value() for secret in wanted)
    ]
    return shown + boxes


def page_open(page: Page) -> bool:
    """Whether the tab is still there to be captured."""
    return not page.is_closed()


def screenshot(page: Page, path: Path, secrets: Iterable[str]) -> None:
    """Screenshot the page into `path`, every element showing a secret painted over."""
    with translated(page, f"taking the screenshot {path.name}"):
        mask = secret_masks(page, secrets)
        page.screenshot(path=str(path), mask=mask, animations="disabled", caret="hide")


def page_dom(page: Page) -> str:
    """The page's DOM as HTML."""
    with translated(page, "reading the page's DOM"):
        return page.content()


def accessibility_tree(page: Page) -> str:
    """The page's accessibility tree (Playwright's ARIA snapshot, YAML) — what locators see."""
    with translated(page, "reading the page's accessibility tree"):
        return page.locator("body").aria_snapshot()


def save_trace(session: BrowserSession, path: Path, secret: Callable[[str], None]) -> str | None:
    """Stop tracing into `path`, first handing each cookie value to `secret` (to scrub it).

    None when the trace is saved; else why it is lost (the browser went away).
    """
    try:
        for value in session.cookie_values():
            secret(value)
        session.save_trace(path)
    except (PlaywrightError, RunbookError) as exc:
        return str(exc).splitlines()[0] if str(exc) else ""
    return None
