"""The sign-in flow (email, password, 2-step code) and where saved sessions live."""

from __future__ import annotations

import binascii
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pyotp
from platformdirs import user_config_dir
from playwright.sync_api import Locator, Page, expect

from runbook.console.failures import is_sign_in_url, on_sign_in, translated
from runbook.console.locate import by_role
from runbook.errors import SignInRequired, UsageError
from runbook.locales import LabelKey, Labels

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass(frozen=True, repr=False)
class Credentials:
    """An automation account's sign-in; repr never shows the secrets."""

    user: str
    password: str
    totp_secret: str

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=***, totp_secret=***)"


def profile_path(profile: str) -> Path:
    """Where the saved session of a profile lives (mode 0600)."""
    if not profile.replace("-", "").replace("_", "").isalnum():
        raise UsageError(f"profile names are letters, digits, - and _: {profile!r}")
    return Path(user_config_dir("runbook")) / "profiles" / f"{profile}.json"


def save_private(path: Path, write: Callable[[Path], object]) -> None:
    """Let `write` fill `path`, a file only the user can read (0600 from its first byte)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    write(path)
    os.chmod(path, 0o600)


def check_session_target(url: str) -> None:
    """Refuse to send a saved session to a console that is neither https nor loopback."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme == "https" or (parsed.scheme == "http" and host in LOOPBACK_HOSTS):
        return
    raise UsageError(
        f"refusing to send a console session to {url}: use https "
        "(plain http is allowed for loopback addresses only)"
    )


REFUSED = (
    "Google refused sign-in in an automated browser (“Couldn’t sign you in”); sign in with "
    "`runbook login` (a plain browser window), then run again"
)


class SignInPage:
    """The console's sign-in pages, for automation accounts and the simulator."""

    def __init__(self, page: Page, labels: Labels) -> None:
        self.page = page
        self.labels = labels
        self.next_button = by_role(page, "button", "signin_next", labels)
        self.refusal = page.get_by_role("alert").first  # why the console refused a value

    @property
    def refused(self) -> Locator:
        """The heading of Google's refusal of a browser under automation."""
        return by_role(self.page, "heading", "signin_refused", self.labels, exact=False)

    @property
    def challenge(self) -> Locator:
        """The heading of a mid-session "Verify it's you" (password only)."""
        return by_role(self.page, "heading", "reauth_heading", self.labels, exact=False)

    def check_not_refused(self) -> None:
        """Raise `SignInRequired` (exit 3) when Google refused the sign-in because the browser
        is under automation: no retry helps; a person signs in with `runbook login`."""
        with translated(self.page, "reading whether Google refused the sign-in"):
            refused = self.refused.is_visible()
        if refused:
            raise SignInRequired(REFUSED)

    def verify(self, password: str) -> None:
        """Answer "Verify it's you" with the password and wait to be back on the console."""
        labels, page = self.labels, self.page
        with translated(page, "answering 'Verify it's you'"):
            by_role(page, "textbox", "signin_password", labels).fill(password)
            self.next_button.click()
            back = by_role(page, "button", "main_menu", labels)  # on the console page again
            code = by_role(page, "textbox", "signin_code", labels)  # a whole new sign-in
            expect(back.or_(self.refusal).or_(self.refused).or_(code).first).to_be_visible()
            new_sign_in = code.is_visible()
        self.check_not_refused()
        if new_sign_in:
            raise SignInRequired(
                "the console asked to verify it's you, then for a 2-step verification code: "
                "the session has ended (the Admin console ends sessions one hour after sign-in)"
            )
        if on_sign_in(page):
            raise SignInRequired("the console refused the password when asked to verify it's you")
        page.wait_for_load_state()  # the page's script in place, as after any navigation

    def sign_in(self, creds: Credentials) -> bool:
        """Fill email, password and the current 2-step code; wait to leave the flow. A "Verify
        it's you" (at once, or on the way back to the console) is answered with the password;
        returns whether one was.

        A value the console refuses (it shows its reason in an alert) ends the sign-in at once
        with that reason: `SignInRequired` naming what was refused.
        """
        labels = self.labels
        page = self.page
        main_menu = by_role(page, "button", "main_menu", labels)
        with translated(page, "signing in"):
            if self.challenge.is_visible():
                self.verify(creds.password)
                return True
            steps: list[tuple[LabelKey, str, str]] = [
                ("signin_email", creds.user, f"the account {creds.user}"),
                ("signin_password", creds.password, f"the password for {creds.user}"),
                (
                    "signin_code",
                    pyotp.TOTP(creds.totp_secret).now(),
                    f"the 2-step verification code for {creds.user} (check RUNBOOK_TOTP_SECRET)",
                ),
            ]
            boxes = [by_role(page, "textbox", key, labels) for key, _, _ in steps]
            for n, (_, value, what) in enumerate(steps):
                box = boxes[n]
                expect(box).to_be_visible()
                box.fill(value)
                self.next_button.click()
                after = boxes[n + 1] if n + 1 < len(boxes) else main_menu.or_(self.challenge)
                expect(after.or_(self.refusal).or_(self.refused).first).to_be_visible()
                self.check_not_refused()
                if self.refusal.is_visible():
                    reason = " ".join(self.refusal.inner_text().split())
                    raise SignInRequired(f"the console refused {what}: {reason}")
            verified = self.challenge.is_visible()
            if verified:
                self.verify(creds.password)
            page.wait_for_url(lambda url: not is_sign_in_url(url))
        if on_sign_in(page):
            raise SignInRequired("sign-in did not complete")
        return verified


def password_from_env() -> str | None:
    """The automation account's password (RUNBOOK_PASSWORD), to answer "Verify it's you"."""
    return os.environ.get("RUNBOOK_PASSWORD") or None


def credentials_from_env(user: str | None) -> Credentials:
    """An automation account from --user and the RUNBOOK_PASSWORD/RUNBOOK_TOTP_SECRET variables."""
    password = os.environ.get("RUNBOOK_PASSWORD", "")
    secret = os.environ.get("RUNBOOK_TOTP_SECRET", "")
    if not user or not password or not secret:
        raise UsageError(
            "--non-interactive needs --user, and RUNBOOK_PASSWORD and "
            "RUNBOOK_TOTP_SECRET in the environment"
        )
    secret = "".join(secret.split())  # the console shows the secret in groups of four
    try:
        pyotp.TOTP(secret).byte_secret()
    except (binascii.Error, ValueError):
        raise UsageError(
            "RUNBOOK_TOTP_SECRET is not a base32 TOTP secret (letters A-Z and digits 2-7, "
            "as shown when 2-step verification was set up with an authenticator app)"
        ) from None
    return Credentials(user=user, password=password, totp_secret=secret)
