"""Playwright's driver, started while the runbook loads on another thread (it takes ~0.2 s)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright, sync_playwright

T = TypeVar("T")

_early: Playwright | None = None


def while_starting(work: Callable[[], T]) -> T:
    """Run `work` on another thread while this one starts Playwright's driver; its result.

    The driver is a Node process, not a browser: a runbook that does not load still starts
    no browser, and the driver is stopped before `work`'s error is raised.
    """
    global _early
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # re-raised on the calling thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="runbook-load", daemon=True)
    thread.start()
    try:
        if _early is None:
            # A driver that cannot start fails again, with its error translated, at launch.
            with contextlib.suppress(PlaywrightError, OSError):
                _early = sync_playwright().start()
    finally:
        thread.join()
    if "error" in outcome:
        discard()
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def take() -> Playwright:
    """The driver started early (once), or a new one."""
    global _early
    driver, _early = _early, None
    return driver if driver is not None else sync_playwright().start()


def discard() -> None:
    """Stop a driver started early and never used."""
    global _early
    driver, _early = _early, None
    if driver is not None:
        with contextlib.suppress(PlaywrightError, OSError):
            driver.stop()
