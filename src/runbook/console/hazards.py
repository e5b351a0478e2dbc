"""What the real console puts in a run's way (banners, stale lists, re-authentication)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import structlog
from playwright.sync_api import Locator, Page, expect

from runbook.console.failures import on_sign_in
from runbook.console.locate import by_role
from runbook.console.signin import SignInPage
from runbook.errors import SaveNotConfirmed, SignInRequired
from runbook.locales import Labels


def sign_in_heading(page: Page, labels: Labels) -> Locator:
    """The heading of the console's sign-in flow: "Sign in", or "Verify it's you"."""
    return by_role(page, "heading", ("signin_heading", "reauth_heading"), labels, exact=False)


class Hazards:
    """Copes with the console's known hazards and notes each time it did, for the report.

    `notes` is the run's list (the report shows it); `password` answers a mid-session,
    password-only re-authentication (None: the run stops there, sign-in required);
    `after_reload` puts the page back as the run had it (its org unit) after a reload.
    """

    def __init__(
        self,
        labels: Labels,
        *,
        notes: list[str] | None = None,
        password: str | None = None,
        after_reload: Callable[[], None] | None = None,
    ) -> None:
        self.labels = labels
        self.notes = notes if notes is not None else []
        self.password = password
        self.after_reload = after_reload
        self._banners_looked_at: set[str] = set()  # the console pages (paths) looked at

    def note(self, event: str, text: str, **fields: object) -> None:
        """Say in the run's log (one event) and its report (one line) what was coped with."""
        if text not in self.notes:
            self.notes.append(text)
        structlog.get_logger("runbook").info(event, note=text, **fields)

    def clear_banner(self, page: Page) -> None:
        """Dismiss a known banner ("Got it", "Dismiss") once the page has loaded: while one
        shows, the console swallows the first click. An announcement stays dismissed, so
        each console page is looked at once in a run (on a 1,000-rule list a look at every
        button takes most of a second), not at every load, nor before every action."""
        where = urlsplit(page.url).path
        if where in self._banners_looked_at:
            return
        self._banners_looked_at.add(where)
        page.wait_for_load_state()
        labels = self.labels
        # a banner has both: either dismisses it
        button = by_role(page, "button", ("banner_got_it", "banner_dismiss"), labels).first
        if not button.is_visible():
            return
        name = " ".join(button.inner_text().split())
        button.click()
        self.note(
            "console.banner_dismissed",
            f"a banner was over the page: pressed {name!r}",
            button=name,
        )

    def wait_for(self, page: Page, target: Locator) -> None:
        """Wait until `target` shows, or the console leaves for its sign-in flow instead: a
        session that ended with the page open is told by the page's next request.

        Then a "Verify it's you" is answered when the run can and the step starts again from
        reading (`SaveNotConfirmed`: nothing was saved); otherwise `SignInRequired`, at once
        rather than when the wait for `target` times out.
        """
        expect(target.or_(sign_in_heading(page, self.labels)).first).to_be_visible()
        if not on_sign_in(page):
            return
        self.check_signed_in(page)
        self.note(
            "console.reauthenticated",
            "the console asked to verify it's you with the page open: answered, then "
            "started the step again",
        )
        raise SaveNotConfirmed(
            "the console asked to verify it's you with the page open; nothing was saved"
        )

    def reload(self, page: Page) -> None:
        """Load the page again (a list that did not refresh), as the run had it."""
        page.reload()
        self.check_signed_in(page)
        self.clear_banner(page)
        if self.after_reload is not None:
            self.after_reload()

    def check_signed_in(self, page: Page) -> None:
        """Answer a "Verify it's you" challenge with the password; raise when sign-in is needed."""
        if not on_sign_in(page):
            return
        signin = SignInPage(page, self.labels)
        signin.check_not_refused()
        challenge = signin.challenge
        if not challenge.is_visible():
            raise SignInRequired("the console asked for sign-in (no session, or it expired)")
        if not self.password:
            raise SignInRequired(
                "the console asked to verify it's you (re-authentication); nothing was saved "
                "since. Set RUNBOOK_PASSWORD (as for runbook login --non-interactive) to let "
                "the run answer it"
            )
        SignInPage(page, self.labels).verify(self.password)
        self.note(
            "console.reauthenticated",
            "the console asked to verify it's you: answered with the password, then went on",
        )
