"""`runbook login`: a person (or an automation account) signs in; the session is saved."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import expect

from runbook import defaults
from runbook.console.answer import check_answer
from runbook.console.failures import is_sign_in_url, on_sign_in, translated
from runbook.console.locate import by_role
from runbook.console.places import HOME_PATH
from runbook.console.plain_window import read_attached, read_session, sign_in_in_window
from runbook.console.remote import RemoteBrowser
from runbook.console.session import BrowserSession, SessionOptions
from runbook.console.signin import (
    SignInPage,
    check_session_target,
    credentials_from_env,
    profile_path,
    save_private,
)
from runbook.locales import Labels
from runbook.session_age import SessionRecord, http_time
from runbook.target import console_key

INTERACTIVE_TIMEOUT_MS = 5 * 60 * 1000


def home_url(console_url: str, locale: str) -> str:
    """The console's home in `locale`: its sign-in pages, if it asks, are in that language."""
    return console_url.rstrip("/") + HOME_PATH + "?" + urlencode({"hl": locale})


def login(
    *,
    profile: str,
    console_url: str,
    non_interactive: bool,
    user: str | None,
    labels: Labels,
    remote: RemoteBrowser | None = None,
    attach: str | None = None,
) -> Path:
    """Sign in to the console, in the language of `labels` (a labels file's names first), and
    save the session of `profile`; the file written.

    Interactive: a plain window, outside automation (`plain_window`). `remote`: a browser
    server (its window, when interactive, opens on the server's display, under automation).
    """
    check_session_target(console_url)
    path = profile_path(profile)
    if attach is not None:
        return _save(
            path,
            console_url,
            lambda: read_attached(attach, home_url(console_url, labels.locale), labels, path),
        )
    if not non_interactive and remote is None:
        return _login_in_plain_window(profile, console_url, labels, path)
    creds = credentials_from_env(user) if non_interactive else None
    options = SessionOptions(
        headed=not non_interactive,
        storage_state=path,
        timeout_ms=INTERACTIVE_TIMEOUT_MS if creds is None else defaults.TIMEOUT_MS,
        locale=labels.browser_locale,
        remote=remote,
    )
    with BrowserSession(options) as session:
        page = session.page
        assert page is not None
        with translated(page, "opening the console"):
            home = home_url(console_url, labels.locale)
            check_answer(page, page.goto(home), home)
        signing_in = on_sign_in(page)
        if signing_in:
            if creds is not None:
                if SignInPage(page, labels).sign_in(creds):
                    print("The console asked to verify it's you: answered with the password.")
            else:
                print(
                    "Sign in in the browser window (2-step verification included); "
                    "runbook waits for the console home."
                )
        with translated(page, "waiting for the console home"):
            page.wait_for_url(lambda url: not is_sign_in_url(url))
            menu = by_role(page, "button", "main_menu", labels)
            expect(menu).to_be_visible()
            # When the sign-in happened, by the console's clock (its answer's Date header).
            now = http_time(page.request.get(home).headers.get("date")) if signing_in else None
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        save_private(path, session.storage_state)
        earlier = SessionRecord.read(path)
        same_console = earlier is not None and console_key(earlier.console) == console_key(
            console_url
        )
        if signing_in or not same_console:
            SessionRecord(console_url, now, user).save(path)
    return path


def check_session(
    profile: str, console_url: str, labels: Labels, remote: RemoteBrowser | None = None
) -> tuple[bool, float | None]:
    """Whether the saved session of `profile` still opens the console's home (headless,
    read-only: nothing is clicked), and the console's clock as it answered."""
    path = profile_path(profile)
    options = SessionOptions(storage_state=path, locale=labels.browser_locale, remote=remote)
    with BrowserSession(options) as session:
        page = session.page
        assert page is not None
        with translated(page, f"opening the console with profile {profile!r}"):
            home = home_url(console_url, labels.locale)
            answer = page.goto(home)
            check_answer(page, answer, home)
            now = http_time(answer.headers.get("date")) if answer is not None else None
            if on_sign_in(page):
                return False, now
            expect(by_role(page, "button", "main_menu", labels)).to_be_visible()
            return True, now


def _login_in_plain_window(profile: str, console_url: str, labels: Labels, path: Path) -> Path:
    """A person signs in in a plain window; the profile is then read headless and saved."""
    home = home_url(console_url, labels.locale)
    folder = sign_in_in_window(profile, home, labels)
    return _save(path, console_url, lambda: read_session(folder, home, labels, path))


def _save(path: Path, console_url: str, read: Callable[[], float | None]) -> Path:
    """`read` saves the session to `path` (in a 0700 folder) and tells the console's clock;
    the record of when it signed in goes beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    SessionRecord(console_url, read(), None).save(path)
    return path
