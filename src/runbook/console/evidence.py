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


# The open dialogs' tallest scrolled region (a dialog taller than the window scrolls inside):
# [scrollHeight, clientHeight, scrollTop], or null. With a `top`, it is scrolled there first.
_SCROLLER = """(dialogs, top) => {
  const scrolls = (e) => e.scrollHeight > e.clientHeight + 1
    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY);
  const found = dialogs.flatMap((d) => [d, ...d.querySelectorAll('*')]).filter(scrolls)
    .sort((a, b) => (b.scrollHeight - b.clientHeight) - (a.scrollHeight - a.clientHeight))[0];
  if (!found) return null;
  if (top !== null) found.scrollTop = top;
  return [found.scrollHeight, found.clientHeight, found.scrollTop];
}"""


def screenshot(page: Page, path: Path, secrets: Iterable[str]) -> list[Path]:
    """Screenshot the page into `path`, every element showing a secret painted over; the
    files written.

    An open dialog taller than the window scrolls inside: it is taken in parts, top to
    bottom (`path`, then `NAME-2.png`, ...), each masked, and left scrolled as it was.
    """
    wanted = list(secrets)

    def shot(target: Path) -> Path:
        mask = secret_masks(page, wanted)
        page.screenshot(path=str(target), mask=mask, animations="disabled", caret="hide")
        return target

    with translated(page, f"taking the screenshot {path.name}"):
        dialogs = page.get_by_role("dialog")
        region = dialogs.evaluate_all(_SCROLLER, None) if dialogs.count() else None
        if not region:
            return [shot(path)]
        height, view, was = region
        step = max(1, int(view * 0.9))  # each part overlaps the one before a little
        tops = [*range(0, max(0, height - view), step), max(0, height - view)]
        taken = []
        for n, top in enumerate(dict.fromkeys(tops), start=1):
            dialogs.evaluate_all(_SCROLLER, top)
            part = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
            taken.append(shot(part))
        dialogs.evaluate_all(_SCROLLER, was)
        return taken


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
