"""The console shell: reaching the Gmail pages by URL or by the documented menu path."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Literal
from urllib.parse import urlencode

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from runbook.console.answer import check_answer
from runbook.console.failures import doing, on_sign_in, translated
from runbook.console.hazards import Hazards
from runbook.console.locate import by_role
from runbook.console.ou_picker import OuPicker
from runbook.console.places import HOME_PATH, PageName, page_info
from runbook.console.signin import Credentials, SignInPage
from runbook.errors import RunbookError
from runbook.locales import Labels
from runbook.session_age import http_time

Navigate = Literal["url", "click"]
HOME = "home"  # the console's home page, where the Main menu always is


class ConsoleShell:
    """The console around every page: its URLs, its Main menu and its org-unit picker."""

    def __init__(
        self,
        page: Page,
        labels: Labels,
        base_url: str,
        *,
        navigate: Navigate = "url",
        org_unit: str = "/",
        look_ahead: bool = False,
        hazards: Hazards | None = None,
    ) -> None:
        self.page = page  # the tab in use
        # With look-ahead, the next page loads in a second tab while this one is still in use.
        self.look_ahead = look_ahead and navigate == "url"
        self._ahead: tuple[PageName, Page] | None = None
        self._spare: Page | None = None
        self.labels = labels
        self.base_url = base_url.rstrip("/")
        self.navigate = navigate
        self.org_unit = org_unit  # the run's OU (`console.org_unit`)
        self.here = org_unit  # the OU the page in use shows: a step's own, or the run's
        # The registered page the tab in use shows and its OU, as `open` left them (None:
        # loaded since by other means, or forgotten): `open(..., reuse=True)` loads nothing.
        self._shown: tuple[PageName, str] | None = None
        # Told the console's clock at each page it serves (the session's age is checked at the
        # first, before anything is read or written).
        self.on_console_time: Callable[[float | None], None] | None = None
        self.menu_button = by_role(page, "button", "main_menu", labels)
        self.menu = by_role(page, "navigation", "main_menu", labels, exact=False)
        # Banners, stale lists and re-authentication; a reload keeps the run's org unit.
        self.hazards = hazards or Hazards(labels)
        self.hazards.after_reload = self._select_org_unit

    def url(self, name: str) -> str:
        """Absolute URL of a console page (a registered page, or `HOME`), in its language."""
        path = HOME_PATH if name == HOME else page_info(name).path
        return f"{self.base_url}{path}?{urlencode({'hl': self.labels.locale})}"

    @doing("opening the {name} page")
    def goto(self, name: str) -> None:
        """Load a console page; fail at once when the server that answers is no console. Each
        answer's `Date` (the console's clock) goes to `on_console_time`."""
        self._shown = None
        answer = self.page.goto(self.url(name))
        if answer is not None and self.on_console_time is not None:
            self.on_console_time(http_time(answer.headers.get("date")))
        check_answer(self.page, answer, self.url(HOME))

    def tell_console_time(self) -> None:
        """Ask the console for its clock (a plain request: nothing navigates) and tell
        `on_console_time`; a console that does not answer tells nothing."""
        if self.on_console_time is None or self.page.is_closed():
            return
        with (
            contextlib.suppress(RunbookError),
            translated(self.page, "reading the console's clock"),
        ):
            answer = self.page.request.get(self.url(HOME), max_redirects=0)
            self.on_console_time(http_time(answer.headers.get("date")))

    def check_signed_in(self) -> None:
        """Answer a mid-session "Verify it's you" when the run can; raise SignInRequired when
        the console sent us to its sign-in flow otherwise."""
        self.hazards.check_signed_in(self.page)

    def arrive(self) -> None:
        """On a page just loaded: signed in (`check_signed_in`), and no banner in the way."""
        self.check_signed_in()
        self.hazards.clear_banner(self.page)

    def sign_in(self, creds: Credentials) -> None:
        """Open the console's home; sign in with `creds` when it asks for it."""
        with translated(self.page, "opening the console"):
            self.goto(HOME)
        if on_sign_in(self.page):
            SignInPage(self.page, self.labels).sign_in(creds)

    def forget(self) -> None:
        """The next `open` loads its page afresh, whatever the tab shows (after a failure, or
        to read again what may have changed)."""
        self._shown = None

    def open_ahead(self, name: PageName) -> None:
        """Start loading a page in the second tab, for the next `open(name)` to use.

        Call it once the current step has made its last change: the page then loads (its
        list included) while the step reads back what it saved. The page the tab in use
        shows is not loaded again: the next step takes it as it is (`open(..., reuse=True)`).
        """
        if not self.look_ahead or (self._shown is not None and self._shown[0] == name):
            return
        if self._ahead is not None:
            self._spare = self._ahead[1]
            self._ahead = None
        try:
            tab = self._spare or self.page.context.new_page()
            self._spare = tab
            tab.goto(self.url(name), wait_until="commit")
            # A background tab gets no animation frames, which Playwright's clicks wait for.
            self.page.bring_to_front()
        except PlaywrightError:
            return  # not this step's failure: the next `open` navigates, and reports it
        self._spare, self._ahead = None, (name, tab)

    def open(self, name: PageName, org_unit: str | None = None, *, reuse: bool = False) -> None:
        """Reach a registered console page, the fast way or by its menu path, at an OU.

        `org_unit`: the OU to select (a path; default: the run's); it is selected again after
        the console reloads the page. An OU the console does not have fails (`StepFailed`).
        `reuse`: when the tab in use shows that page as an earlier `open` left it (nothing
        navigated since, nothing `forget`-ed), only the OU is selected, as a person would:
        the list the page shows is the one the last save left, or the page loaded.
        """
        self.here = org_unit or self.org_unit
        shown, self._shown = self._shown, None
        if reuse and shown is not None and shown[0] == name and not self.page.is_closed():
            if shown[1] != self.here:
                with translated(self.page, f"opening the {name} page"):
                    self._select_org_unit()
            self._shown = (name, self.here)
            return
        if self._ahead is not None:
            ahead, tab = self._ahead
            self._ahead = None
            if ahead == name and not tab.is_closed():
                self._spare, self.page = self.page, tab
                with translated(self.page, f"opening the {name} page"):
                    tab.bring_to_front()
                    self.arrive()
                    self._select_org_unit()
                self._shown = (name, self.here)
                return
            self._spare = tab
        with translated(self.page, f"opening the {name} page"):
            if self.navigate == "click":
                self._walk_menu(name)
            else:
                self.goto(name)
            self.arrive()
            if self.look_ahead and self._spare is None:
                # The second tab opens while the page's list is still loading.
                self._spare = self.page.context.new_page()
                self.page.bring_to_front()
            self._select_org_unit()
        self._shown = (name, self.here)

    def open_path(self, path: str, org_unit: str | None = None) -> None:
        """Reach a console page no page object registers (a `form`'s) by its path, at an OU
        (selected when the page has the picker; a child OU on a page without one fails)."""
        self.here = org_unit or self.org_unit
        self._shown = None
        if self._ahead is not None:
            self._spare, self._ahead = self._ahead[1], None
        url = f"{self.base_url}{path}?{urlencode({'hl': self.labels.locale})}"
        with translated(self.page, f"opening {path}"):
            answer = self.page.goto(url)
            if answer is not None and self.on_console_time is not None:
                self.on_console_time(http_time(answer.headers.get("date")))
            check_answer(self.page, answer, self.url(HOME))
            self.arrive()
            self._select_org_unit()

    def _walk_menu(self, name: str) -> None:
        labels, info = self.labels, page_info(name)
        if not self.menu_button.is_visible():
            self.goto(HOME)
            self.arrive()
        self.menu_button.click()
        for key in info.expanders:
            item = by_role(self.menu, "button", key, labels)
            if item.get_attribute("aria-expanded") != "true":
                item.click()
        by_role(self.menu, "link", info.link, labels).click()
        heading = by_role(self.page, "heading", info.heading, labels, exact=False, level=1)
        expect(heading).to_be_visible()

    def org_units_below(self) -> list[str]:
        """The OUs one level below the one the page shows (from its picker)."""
        return OuPicker(self.page, self.labels).children(self.here)

    def _select_org_unit(self) -> None:
        picker = OuPicker(self.page, self.labels)
        if self.here in ("", "/") and not picker.tree.count():
            return  # a page without the picker (or not yet shown): the top is the default
        picker.select(self.here)
