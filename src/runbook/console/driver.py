"""Playwright's driver, started while the runbook loads on another thread (it takes ~0.2 s),
and a driver and browsers kept across the runs of one thread (`keeping`)."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from playwright.sync_api import Browser, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

T = TypeVar("T")

_early: Playwright | None = None
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY")


@dataclass
class _Kept:
    """The driver and the browsers (one per set of launch options) a thread's runs share."""

    playwright: Playwright | None = None
    browsers: dict[str, Browser] = field(default_factory=dict)


_local = threading.local()


def _kept() -> _Kept | None:
    return getattr(_local, "kept", None)


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """While inside, the runs of this thread share one driver, and one browser per set of
    launch options, started at first use and stopped on leaving, instead of starting and
    stopping their own. A run borrows them: it opens and closes its own browser context. A
    kept browser that died (a crash, a run that killed it) is replaced at the next launch.
    """
    kept = _Kept()
    _local.kept = kept
    try:
        yield
    finally:
        _local.kept = None
        for browser in kept.browsers.values():
            with contextlib.suppress(PlaywrightError, OSError):
                browser.close()
        if kept.playwright is not None:
            with contextlib.suppress(PlaywrightError, OSError):
                kept.playwright.stop()


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
        if _early is None and _kept() is None:
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
    """The kept driver, or the driver started early (once), or a new one."""
    global _early
    kept = _kept()
    if kept is not None and kept.playwright is not None:
        return kept.playwright
    driver, _early = _early, None
    driver = driver if driver is not None else sync_playwright().start()
    if kept is not None:
        kept.playwright = driver
    return driver


def release(playwright: Playwright) -> None:
    """Stop a driver `take` gave, unless it is kept."""
    kept = _kept()
    if kept is None or kept.playwright is not playwright:
        playwright.stop()


def launch(playwright: Playwright, args: dict[str, Any]) -> Browser:
    """Chromium launched with `args`, or the kept browser launched with the same ones."""
    kept = _kept()
    if kept is None or kept.playwright is not playwright:
        return playwright.chromium.launch(**args)
    # A kept driver started under another environment: the browser gets this run's (its
    # display above all), and a browser on another display is another browser.
    display = {k: os.environ.get(k) for k in DISPLAY_VARIABLES}
    key = json.dumps([args, display], sort_keys=True, default=str)
    browser = kept.browsers.get(key)
    if browser is None or not browser.is_connected():
        launched = playwright.chromium.launch(**args, env=dict(os.environ))
        browser = kept.browsers[key] = launched
    return browser


def is_kept(browser: Browser) -> bool:
    """Whether `browser` outlives the run that borrowed it."""
    kept = _kept()
    return kept is not None and any(b is browser for b in kept.browsers.values())


def discard() -> None:
    """Stop a driver started early and never used."""
    global _early
    driver, _early = _early, None
    if driver is not None:
        with contextlib.suppress(PlaywrightError, OSError):
            driver.stop()
