"""Playwright errors leave the console package as runbook errors: the one place this happens.

Every public page-object method runs under `doing("what it does")` (or a `translated` block):
a Playwright error, or a Playwright `expect` that waited in vain, becomes the most specific
error of `runbook.errors`, naming what the method was doing. An exception from our own code
(an `assert`, a bug) is not the console's doing: it leaves as it is.
"""

from __future__ import annotations

import functools
import inspect
import re
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

import playwright
from playwright.sync_api import BrowserContext, Page, Request, Response
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from runbook.console.locate import readable
from runbook.errors import ConsoleChanged, RunbookError, SignInRequired, StepFailed

SIGN_IN_MARKERS = ("/signin", "accounts.google.com", "ServiceLogin")
_PLAYWRIGHT_DIR = str(Path(playwright.__file__).parent)


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


def from_playwright(exc: BaseException) -> bool:
    """Whether Playwright raised this: its own errors, and what its `expect` waited in vain for.

    `expect` raises a bare AssertionError; so does an `assert` in our own code, which is a bug
    to report as one, not a changed console. Where it was raised tells them apart.
    """
    if isinstance(exc, PlaywrightError):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_filename.startswith(_PLAYWRIGHT_DIR)


# The network error of the console's last unanswered request, per browser context; cleared
# by its next good answer (a 5xx, such as a request cut off as the server stops, is none). A
# page that waits in vain while this is set waits on a console gone, not on a changed UI.
_unanswered: weakref.WeakKeyDictionary[BrowserContext, str] = weakref.WeakKeyDictionary()


def watch_console(context: BrowserContext, console: str = "") -> None:
    """Remember, for `console_gone`, when the console (at URL `console`; "": any host) stops
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


REACHABLE_TIMEOUT_MS = 5_000


def _unanswered_request(page: Page) -> str:
    """The network error of the console's last request from `page`'s context, if unanswered."""
    try:
        return _unanswered.get(page.context, "")
    except PlaywrightError:
        return ""


def _fresh_request_fails(page: Page) -> str:
    """Why a fresh request to the page's console origin gets no answer, or ""."""
    if not page.url.startswith("http"):
        return ""
    origin = "/".join(page.url.split("/", 3)[:3])
    try:
        page.request.get(origin, timeout=REACHABLE_TIMEOUT_MS, max_redirects=0)
    except PlaywrightError as exc:
        return _network_failure(str(exc)) or (str(exc).splitlines() or ["no answer"])[0]
    return ""


def console_gone(exc: BaseException, page: Page | None) -> str:
    """Why the console stopped answering, or "" when it did not.

    The error may name a network failure; else the console's last request may have got no
    answer (`watch_console`); else, for a wait in vain (a changed console, or one that went
    away while the page sat there), only a fresh request tells.
    """
    network = _network_failure(str(exc))
    if network or page is None or page.is_closed():
        return network
    network = _unanswered_request(page)
    if network or not isinstance(exc, PlaywrightTimeoutError | AssertionError):
        return network
    return _fresh_request_fails(page)


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
    gone = console_gone(exc, page)
    if gone:
        return StepFailed(f"the console stopped answering while {what}: {gone}")
    if isinstance(exc, PlaywrightTimeoutError | AssertionError):
        url = page.url if page is not None and not page.is_closed() else ""
        locator = readable(_awaited_locator(str(exc))) or what
        return ConsoleChanged(
            f"the console did not show what runbook expects while {what}: "
            f"no {locator} on {url or 'the page'} (the console UI may have changed)",
            locator=locator,
            url=url,
        )
    return StepFailed(f"browser error while {what}: {message}")


@contextmanager
def translated(page: Page | None, what: str) -> Iterator[None]:
    """Run a block of browser work; Playwright errors leave it as runbook errors.

    Errors already translated (an inner block's) and our own exceptions pass through.
    """
    try:
        yield
    except (PlaywrightError, AssertionError) as exc:
        if not from_playwright(exc):
            raise
        raise translate(exc, page=page, what=what) from exc


P = ParamSpec("P")
R = TypeVar("R")


def doing(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a page-object method: its Playwright errors leave it as runbook errors.

    `what` says what the method does, for the message ("opening route {name!r}"); it is
    formatted with the method's arguments, `self` included. The page is `self.page`.
    """

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(method)

        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            owner: Any = args[0]
            try:
                return method(*args, **kwargs)
            except (PlaywrightError, AssertionError) as exc:
                if not from_playwright(exc):
                    raise
                bound = signature.bind(*args, **kwargs)
                bound.apply_defaults()
                page = getattr(owner, "page", None)
                raise translate(exc, page=page, what=what.format(**bound.arguments)) from exc

        return wrapper

    return decorate
