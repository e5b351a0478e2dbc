"""Sign-in outside automation: a plain Chromium window on a dedicated profile, then a read.

Google refuses sign-in in a browser under automation ("Couldn't sign you in"). So `runbook
login` starts Chromium as a plain program — no automation switches, no remote-debugging
channel — on a profile directory of its own per `--profile`, with the cookie store that
Playwright's later launch uses (`--password-store=basic`, `--use-mock-keychain`). A person signs
in and closes the window (or presses Enter in the terminal). The profile is then opened
headless, read-only, and the session saved as every run loads it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from platformdirs import user_config_dir
from playwright.sync_api import BrowserContext, expect
from playwright.sync_api import Error as PlaywrightError

from runbook.console import driver
from runbook.console.answer import check_answer
from runbook.console.browser import QUIET_ARGS, require_browser
from runbook.console.failures import on_sign_in, translated
from runbook.console.locate import by_role
from runbook.console.signin import save_private
from runbook.errors import BrowserNotFound, BrowserUnreachable, SignInRequired, UsageError
from runbook.locales import Labels
from runbook.session_age import http_time

# The switches of Playwright's own launch that decide how cookies are stored on disk.
COOKIE_STORE_ARGS = ["--password-store=basic", "--use-mock-keychain"]
CLOSE_TIMEOUT_S = 30


def browser_profile(profile: str) -> Path:
    """The profile directory of `profile`'s sign-in window (mode 0700; never in recordings)."""
    base = Path(user_config_dir("runbook")) / "browsers"
    base.mkdir(parents=True, exist_ok=True)
    os.chmod(base, 0o700)
    path = base / profile
    path.mkdir(exist_ok=True)
    os.chmod(path, 0o700)
    return path


def check_display() -> None:
    """A plain window needs a display: exit 64 with the `xvfb-run` hint when there is none."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError(
            "runbook login opens a browser window and there is no display (DISPLAY is not "
            "set); run it on a desktop, under xvfb-run, or use --non-interactive"
        )


def check_free(folder: Path) -> None:
    """Exit 64 when another Chromium holds the profile (its `SingletonLock`), never a hang."""
    lock = folder / "SingletonLock"
    try:
        holder = os.readlink(lock)  # "<host>-<pid>"
    except OSError:
        return
    host, _, pid = holder.rpartition("-")
    alive = pid.isdigit() and host == socket.gethostname() and _running(int(pid))
    if alive:
        raise UsageError(
            f"the browser profile {folder} is in use by another Chromium (process {pid}); "
            "close that window first"
        )


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def window_args(executable: Path, folder: Path, url: str, locale: str) -> list[str]:
    """The plain window's command line: no automation switch, no debugging channel."""
    args = [str(executable), f"--user-data-dir={folder}", *COOKIE_STORE_ARGS]
    args += ["--no-first-run", "--no-default-browser-check", f"--lang={locale}", "--new-window"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to sandbox as root
    return [*args, url]


def wait_for_person(window: subprocess.Popen[bytes]) -> None:
    """Until the person closes the window, or presses Enter (then the window is closed as a
    person would, letting Chromium write its cookies)."""
    done = threading.Event()

    def closed() -> None:
        window.wait()
        done.set()

    threading.Thread(target=closed, daemon=True).start()

    def enter() -> None:
        if sys.stdin is not None and sys.stdin.isatty() and sys.stdin.readline():
            done.set()

    threading.Thread(target=enter, daemon=True).start()
    done.wait()
    if window.poll() is None:
        # The whole session: a distribution's launcher script may run Chromium as its child.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(window.pid, signal.SIGTERM)
        window.wait(timeout=CLOSE_TIMEOUT_S)


def sign_in_in_window(profile: str, url: str, labels: Labels) -> Path:
    """Open the plain window at `url` on `profile`'s browser profile; return it once the person
    is done."""
    check_display()
    folder = browser_profile(profile)
    check_free(folder)
    executable = require_browser(headless=False)  # the full browser, as the window is
    try:
        window = subprocess.Popen(
            window_args(executable, folder, url, labels.browser_locale),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the terminal is the tool's, not the window's
        )
    except OSError as exc:
        raise BrowserNotFound(f"could not start Chromium ({executable}): {exc}") from None
    print(
        "Sign in in the browser window (2-step verification included), then close the window"
        + (" or press Enter here." if sys.stdin is not None and sys.stdin.isatty() else "."),
        flush=True,
    )
    wait_for_person(window)
    return folder


def read_session(folder: Path, home: str, labels: Labels, state: Path) -> float | None:
    """Open the signed-in profile headless, read-only: the console's home must open. Save its
    session to `state` (mode 0600); the console's clock as it answered (None: not said)."""
    args = [*QUIET_ARGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    playwright = driver.take()
    try:
        try:
            context = playwright.chromium.launch_persistent_context(
                str(folder),
                executable_path=str(require_browser(headless=False)),
                headless=True,
                args=args,
                locale=labels.browser_locale,
            )
        except PlaywrightError as exc:
            raise BrowserNotFound(f"could not open the signed-in profile {folder}: {exc}") from None
        try:
            unsigned = (
                "the window was closed before the console opened signed in; nothing was "
                "saved. Run `runbook login` again and sign in before closing it"
            )
            return _save_signed_in(context, home, labels, state, unsigned)
        finally:
            context.close()
    finally:
        driver.release(playwright)


def read_attached(endpoint: str, home: str, labels: Labels, state: Path) -> float | None:
    """Take the session of a browser a person started with remote debugging (on a dedicated
    profile) and signed in: its console home must open; its session is saved to `state`."""
    playwright = driver.take()
    try:
        try:
            browser = playwright.chromium.connect_over_cdp(endpoint)
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise BrowserUnreachable(
                f"no browser answered at {endpoint} ({first}); start Chromium with "
                "--remote-debugging-port and a dedicated --user-data-dir, sign in, then attach"
            ) from None
        try:
            context = browser.contexts[0] if browser.contexts else browser.new_context()
            unsigned = (
                "the browser is not signed in to the console; nothing was saved. Sign in in "
                "it, then run `runbook login --attach` again"
            )
            return _save_signed_in(context, home, labels, state, unsigned)
        finally:
            browser.close()  # the connection only: the person's browser stays open
    finally:
        driver.release(playwright)


def _save_signed_in(
    context: BrowserContext, home: str, labels: Labels, state: Path, unsigned: str
) -> float | None:
    """Open the console's home in a new tab of `context`: signed in, save its session to
    `state` (0600) and return the console's clock; else `SignInRequired(unsigned)`, nothing
    saved."""
    page = context.new_page()
    try:
        with translated(page, "opening the console with the signed-in browser"):
            answer = page.goto(home)
            check_answer(page, answer, home)
            if on_sign_in(page):
                raise SignInRequired(unsigned)
            expect(by_role(page, "button", "main_menu", labels)).to_be_visible()
            now = http_time(answer.headers.get("date")) if answer is not None else None
        save_private(state, lambda path: context.storage_state(path=str(path)))
        return now
    finally:
        page.close()
