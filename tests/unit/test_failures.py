"""A page that waits in vain: 'the console stopped answering' only when the console did not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import playwright
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from runbook.console.failures import doing, from_playwright, translate, watch_console
from runbook.errors import ConsoleChanged, StepFailed

CONSOLE = "http://console.test:8080"


class _Context:
    def __init__(self) -> None:
        self.handlers: dict[str, Callable[[Any], None]] = {}

    def on(self, event: str, handler: Callable[[Any], None]) -> None:
        self.handlers[event] = handler

    def request_failed(self, url: str, failure: str) -> None:
        self.handlers["requestfailed"](type("Request", (), {"url": url, "failure": failure}))

    def answered(self, url: str, status: int = 200) -> None:
        self.handlers["response"](type("Response", (), {"url": url, "status": status}))


class _Requests:
    """A console that answers a fresh request (whatever its earlier requests met)."""

    def get(self, url: str, **options: Any) -> None:
        return None


class _Page:
    url = f"{CONSOLE}/ac/apps/gmail/hosts"

    def __init__(self, context: _Context) -> None:
        self.context = context
        self.request = _Requests()

    def is_closed(self) -> bool:
        return False


@pytest.fixture
def context() -> _Context:
    context = _Context()
    watch_console(context, CONSOLE)  # type: ignore[arg-type]
    return context


def _waited_in_vain(context: _Context) -> Exception:
    return translate(PlaywrightTimeoutError("Timeout"), page=_Page(context), what="step 'x'")  # type: ignore[arg-type]


def test_a_wait_after_the_console_stopped_answering_names_the_network_error(
    context: _Context,
) -> None:
    context.request_failed(f"{CONSOLE}/ac/_data/routes", "net::ERR_CONNECTION_REFUSED")
    context.answered(f"{CONSOLE}/ac/_data/routes", 500)  # cut off as the server stopped
    error = _waited_in_vain(context)
    assert isinstance(error, StepFailed)
    assert not isinstance(error, ConsoleChanged)
    assert "the console stopped answering" in str(error)
    assert "net::ERR_CONNECTION_REFUSED" in str(error)


@pytest.mark.parametrize(
    "events",
    [
        [("failed", "https://fonts.example/x.woff", "net::ERR_NAME_NOT_RESOLVED")],
        [("failed", f"{CONSOLE}/ac/apps/gmail/hosts", "net::ERR_ABORTED")],
        [("failed", f"{CONSOLE}/ac/_data/routes", "net::ERR_EMPTY_RESPONSE"), ("ok", CONSOLE)],
    ],
    ids=["another-host", "aborted", "answered-again"],
)
def test_a_wait_on_a_console_that_answers_is_a_changed_ui(
    context: _Context, events: list[tuple[str, ...]]
) -> None:
    for kind, url, *failure in events:
        if kind == "failed":
            context.request_failed(url, failure[0])
        else:
            context.answered(url)
    assert isinstance(_waited_in_vain(context), ConsoleChanged)


class _PageObject:
    """A page object whose method meets what it is given to raise."""

    def __init__(self) -> None:
        self.page = _Page(_Context())

    @doing("opening route {name!r}")
    def open(self, name: str, error: BaseException) -> None:
        raise error


def _raised_in_playwright(message: str) -> AssertionError:
    """An AssertionError as Playwright's `expect` raises it: from Playwright's own code."""
    where = str(Path(playwright.__file__).parent / "_impl" / "_assertions.py")
    try:
        exec(compile(f"raise AssertionError({message!r})", where, "exec"))
    except AssertionError as exc:
        return exc
    raise RuntimeError("unreachable")


def test_a_wait_in_vain_in_a_page_object_method_says_what_it_was_doing() -> None:
    with pytest.raises(ConsoleChanged) as caught:
        _PageObject().open("Legacy", _raised_in_playwright("Locator expected to be visible"))
    assert "while opening route 'Legacy'" in str(caught.value)
    assert caught.value.url == _Page.url


def test_a_playwright_timeout_in_a_page_object_method_is_translated() -> None:
    with pytest.raises(ConsoleChanged, match="while opening route 'x'"):
        _PageObject().open("x", PlaywrightTimeoutError("Timeout 15000ms exceeded"))


@pytest.mark.parametrize(
    "error", [AssertionError("a bug of ours"), KeyError("field"), ConsoleChanged("already ours")]
)
def test_our_own_exceptions_leave_a_page_object_method_as_they_are(error: Exception) -> None:
    with pytest.raises(type(error)) as caught:
        _PageObject().open("x", error)
    assert caught.value is error


def test_only_playwright_is_playwright() -> None:
    assert from_playwright(PlaywrightTimeoutError("Timeout"))
    assert from_playwright(_raised_in_playwright("expected"))
    try:
        raise AssertionError("ours")
    except AssertionError as exc:
        assert not from_playwright(exc)
