"""Playwright errors translated into runbook's exception tree: the one place this happens."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from runbook.errors import ConsoleChanged, RunbookError, SignInRequired, StepFailed

SIGN_IN_MARKERS = ("/signin", "accounts.google.com", "ServiceLogin")


def is_sign_in_url(url: str) -> bool:
    """Whether a URL belongs to the console's sign-in flow."""
    return any(marker in url for marker in SIGN_IN_MARKERS)


def on_sign_in(page: Page) -> bool:
    """Whether the page is the console's sign-in flow (no session, or it expired)."""
    return is_sign_in_url(page.url)


def _awaited_locator(message: str) -> str:
    """The locator a Playwright timeout was waiting for, from its call log."""
    for line in message.splitlines():
        line = line.strip().lstrip("-").strip()
        for prefix in ("waiting for ", "Locator expected to be visible", "locator resolved"):
            if line.startswith(prefix) and "get_by_" in line:
                return line.removeprefix("waiting for ").strip()
        if line.startswith("Locator:") or line.startswith("locator:"):
            return line.split(":", 1)[1].strip()
    return ""


_CLOSED_MARKERS = ("has been closed", "Target closed", "Browser closed", "Connection closed")
_NETWORK_FAILURE = re.compile(r"net::ERR_[A-Z_]+|ECONNREFUSED|ECONNRESET|connection refused", re.I)


def browser_gone(message: str) -> bool:
    """Whether a Playwright message says the page, context or browser is gone."""
    return any(marker in message for marker in _CLOSED_MARKERS)


def _network_failure(message: str) -> str:
    """The network error a Playwright message names (net::ERR_…, refused), or ""."""
    found = _NETWORK_FAILURE.search(message)
    return found.group(0) if found else ""


# The network error of the console's last unanswered request, per browser context; cleared
# by its next good answer (a 5xx, such as a request cut off as the server stops, is none). A
# page that waits in vain while this is set waits on a console gone, not on a changed UI.
_unanswered: weakref.WeakKeyDictionary[BrowserContext, str] = weakref.WeakKeyDictionary()


def watch_console(context: BrowserContext, console: str = "") -> None:
    """Remember, for `translate`, when the console (at URL `console`; "": any host) stops
    answering the context's requests."""
    host = urlsplit(console).netloc

    def ours(url: str) -> bool:
        return not host or urlsplit(url).netloc == host

    def failed(request: Request) -> None:
        failure = request.failure or ""
        # Aborted: the page moved on, not an error.
        if failure and "ERR_ABORTED" not in failure and ours(request.url):
            _unanswered[context] = failure

    def answered(response: Response) -> None:
        if response.status < 500 and ours(response.url):
            _unanswered.pop(context, None)

    context.on("requestfailed", failed)
    context.on("response", answered)


def _unanswered_request(page: Page | None) -> str:
    """The network error of the console's last request from `page`'s context, if unanswered."""
    if page is None:
        return ""
    try:
        return _unanswered.get(page.context, "")
    except PlaywrightError:
        return ""


REACHABLE_TIMEOUT_MS = 5_000


def _unreachable(page: Page | None) -> str:
    """Why the page's console no longer answers (a request to its origin fails), or "".

    A page that waited in vain for an element may be a changed console, or one that went away
    while the page sat there: only a fresh request tells them apart.
    """
    if page is None or page.is_closed() or not page.url.startswith("http"):
        return ""
    origin = "/".join(page.url.split("/", 3)[:3])
    try:
        page.request.get(origin, timeout=REACHABLE_TIMEOUT_MS, max_redirects=0)
    except PlaywrightError as exc:
        return _network_failure(str(exc)) or (str(exc).splitlines() or ["no answer"])[0]
    return ""


def on_sign_in_safely(page: Page | None) -> bool:
    """`on_sign_in` for a page that may be gone (then: no)."""
    try:
        return page is not None and not page.is_closed() and on_sign_in(page)
    except PlaywrightError:
        return False


def translate(exc: BaseException, *, page: Page | None, what: str) -> RunbookError:
    """The most specific runbook error for a Playwright error met while doing `what`.

    Playwright's `expect` raises AssertionError when what it waits for never appears: for
    page objects that is the same as a timeout.
    """
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if (page is not None and page.is_closed()) or browser_gone(str(exc)):
        return StepFailed(f"the browser closed while {what} (Chromium exited or was killed)")
    if on_sign_in_safely(page):
        return SignInRequired("the console asked for sign-in")
    network = _network_failure(str(exc)) or _unanswered_request(page)
    if network:
        return StepFailed(f"the console stopped answering while {what}: {network}")
    if isinstance(exc, PlaywrightTimeoutError | AssertionError):
        gone = _unreachable(page)
        if gone:
            return StepFailed(f"the console stopped answering while {what}: {gone}")
        url = page.url if page is not None and not page.is_closed() else ""
        locator = _awaited_locator(str(exc)) or what
        return ConsoleChanged(
            f"the console did not show what runbook expects while {what}: "
            f"no {locator} on {url or 'the page'} (the console UI may have changed)",
            locator=locator,
            url=url,
        )
    return StepFailed(f"browser error while {what}: {message}")


@contextmanager
def translated(page: Page | None, what: str) -> Iterator[None]:
    """Run a block of browser work; Playwright errors leave it as runbook errors."""
    try:
        yield
    except (PlaywrightError, AssertionError) as exc:
        raise translate(exc, page=page, what=what) from exc
