"""A page that waits in vain: 'the console stopped answering' only when the console did not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from runbook.console.failures import translate, watch_console
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
