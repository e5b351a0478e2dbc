"""One browser, one context, one page for a run: launch (or connect), trace, video, storage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
)
from playwright.sync_api import Error as PlaywrightError

from runbook import defaults
from runbook.console import driver
from runbook.console.browser import launch_args
from runbook.console.failures import browser_gone, doing, watch_console
from runbook.console.remote import RemoteBrowser, connect
from runbook.errors import BrowserNotFound

VIEWPORT = {"width": 1280, "height": 900}


@dataclass
class SessionOptions:
    """How the browser for a run is set up."""

    headed: bool = False
    slow_mo: float = 0
    storage_state: Path | None = None
    trace: bool = False
    trace_screenshots: bool = True
    trace_snapshots: bool = True
    video_dir: Path | None = None
    timeout_ms: int = defaults.TIMEOUT_MS
    locale: str = defaults.LOCALE
    console: str = ""  # its origin: whether the console answers is watched (none: any host)
    remote: RemoteBrowser | None = None  # a browser server to connect to, not a launch


_BROWSER_STDERR = re.compile(r"^\[pid=\d+\]\[err\] (.+)$", re.M)
_BROWSER_EXIT = re.compile(r"process did exit: exitCode=(\d+)")


def launch_failure(message: str, *, headed: bool) -> str:
    """What a user should read when Chromium did not start: what Chromium itself said, first."""
    if headed and ("XServer" in message or "DISPLAY" in message or "display" in message):
        return "could not start Chromium: no display for --headed; use xvfb-run or drop --headed"
    said = _BROWSER_STDERR.findall(message)  # the browser's own stderr, in Playwright's log
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    cause = next((line for line in said if "error" in line.lower()), said[-1] if said else "")
    cause = cause or next((line for line in lines if "error" in line.lower()), "")
    exited = _BROWSER_EXIT.search(message)
    code = f" (it exited with code {exited.group(1)})" if exited else ""
    return f"could not start Chromium: {cause or 'it exited at launch'}{code}"


class BrowserSession:
    """Context manager owning Playwright, the browser, the context and the run's page."""

    def __init__(self, options: SessionOptions) -> None:
        self.options = options
        self._playwright: Playwright | None = None
        self.browser: Browser | None = None
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self._tracing = False
        remote = options.remote
        # Which browser ran: the endpoint (never its secrets) or the executable, and a version.
        self.info: dict[str, str] = {"endpoint": remote.shown} if remote else {}

    def __enter__(self) -> BrowserSession:
        opts = self.options
        self._playwright = driver.take()
        try:
            self.browser = self._start_browser(self._playwright)
        except BaseException:
            driver.release(self._playwright)
            self._playwright = None
            raise
        self.info["version"] = self.browser.version
        context_args: dict[str, Any] = {"viewport": VIEWPORT, "locale": opts.locale}
        if opts.storage_state is not None and opts.storage_state.exists():
            context_args["storage_state"] = str(opts.storage_state.resolve())
        if opts.video_dir is not None:
            context_args["record_video_dir"] = str(opts.video_dir.resolve())
            context_args["record_video_size"] = VIEWPORT
        self.context = self.browser.new_context(**context_args)
        self.context.set_default_timeout(opts.timeout_ms)
        watch_console(self.context, opts.console)
        expect.set_options(timeout=opts.timeout_ms)
        if opts.trace:
            self.context.tracing.start(
                screenshots=opts.trace_screenshots,
                snapshots=opts.trace_snapshots,
                sources=False,
            )
            self._tracing = True
        self.page = self.context.new_page()
        return self

    def _start_browser(self, playwright: Playwright) -> Browser:
        opts = self.options
        if opts.remote is not None:
            return connect(
                playwright,
                opts.remote,
                slow_mo=opts.slow_mo,
                console=opts.console,
                headed=opts.headed,
            )
        args = launch_args(headless=not opts.headed, slow_mo=opts.slow_mo)
        self.info["executable"] = str(args["executable_path"])
        try:
            return driver.launch(playwright, args)
        except PlaywrightError as exc:
            raise BrowserNotFound(launch_failure(str(exc), headed=opts.headed)) from exc

    @doing("saving the trace")
    def save_trace(self, path: Path | None) -> None:
        """Stop tracing, writing the trace to `path` (None discards it)."""
        self._stop_tracing(path)

    def _stop_tracing(self, path: Path | None) -> None:
        if self.context is None or not self._tracing:
            return
        self._tracing = False
        if path is None:
            self.context.tracing.stop()
        else:
            # Absolute: the driver writes it, from its own working directory (a kept driver's
            # is that of the run that started it).
            self.context.tracing.stop(path=str(path.resolve()))

    @doing("reading the session's cookies")
    def cookie_values(self) -> list[str]:
        """The values of the context's cookies (to keep them out of artifacts)."""
        if self.context is None:
            return []
        return [c["value"] for c in self.context.cookies() if len(c.get("value", "")) >= 8]

    @doing("saving the session")
    def storage_state(self, path: Path) -> None:
        """Save the context's cookies and storage (a console session) to `path`."""
        assert self.context is not None
        self.context.storage_state(path=str(path.resolve()))

    def _close(self) -> None:
        if self._tracing:
            self._stop_tracing(None)
        if self.context is not None and self.options.video_dir is not None:
            pages = list(self.context.pages)
            self.context.close()  # writes the video (closing the browser would not wait)
            if self.options.remote is not None:
                self._fetch_videos(pages, self.options.video_dir)
        if self.browser is not None and driver.is_kept(self.browser):
            if self.context is not None and self.options.video_dir is None:
                self.context.close()  # the browser is kept for the thread's next run
        elif self.browser is not None:
            self.browser.close()

    @staticmethod
    def _fetch_videos(pages: list[Page], folder: Path) -> None:
        """A remote browser records on the server: copy each page's video here, then free it."""
        for n, page in enumerate(pages, start=1):
            if page.video is not None:
                page.video.save_as((folder / f"page-{n}.webm").resolve())
                page.video.delete()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._close()
        except PlaywrightError as error:
            # A run that ended in an error, or a browser already gone (the run recorded it):
            # nothing left to close. Ctrl-C reaches the driver too.
            if exc is None and not browser_gone(str(error)):
                raise
        finally:
            if self._playwright is not None:
                driver.release(self._playwright)
