"""The console pages runbook reaches: name, path, Main-menu path and heading (pure data).

The one table a page adds a line to: `runbook explain` reads these menu paths without loading
Playwright or any page module, so the entries stay here, as plain data (every other part of
a page is in its page module, found by the page's name). To add a page:
1. add its `PageInfo` to `PAGES` below;
2. write its page module `console/pages/<name>.py`: its page object
   (`class XPage(ListPage, page="<name>")`), its probe `WALK`, its `ELSEWHERE` places and the
   `ROLES` of the label keys it uses (its menu link and heading among them);
3. add those keys' names to each locale file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from runbook.locales import LabelKey

HOME_PATH = "/ac"  # the console's home: where the Main menu is always found


@dataclass(frozen=True)
class PageInfo:
    """One console page: where it is, how a person reaches it, how it is recognised."""

    name: str
    path: str  # under the console's address
    menu: tuple[LabelKey, ...]  # label keys of the Main-menu path: buttons to expand, then the link
    heading: LabelKey  # label key of the page's level-1 heading
    # Label key of the settings block that holds the page's entries, when the page shows
    # several blocks each with its own Configure / Edit (a region or group so named); the
    # page object scopes every locator to it. None: the whole page is one list.
    block: LabelKey | None = None

    @property
    def expanders(self) -> tuple[LabelKey, ...]:
        """The menu buttons to expand, in order, before the page's link shows."""
        return self.menu[:-1]

    @property
    def link(self) -> LabelKey:
        """The label key of the menu link that opens the page."""
        return self.menu[-1]


_GMAIL: tuple[LabelKey, ...] = ("nav_apps", "nav_workspace", "nav_gmail")

PAGES: dict[str, PageInfo] = {
    info.name: info
    for info in (
        PageInfo("hosts", "/ac/apps/gmail/hosts", (*_GMAIL, "nav_hosts"), "hosts_heading"),
        PageInfo(
            "routing",
            "/ac/apps/gmail/routing",
            (*_GMAIL, "nav_routing"),
            "routing_heading",
            block="routing_heading",
        ),
        PageInfo(
            "default_routing",
            "/ac/apps/gmail/defaultrouting",
            (*_GMAIL, "nav_default_routing"),
            "default_routing_heading",
        ),
        PageInfo("spam", "/ac/apps/gmail/spam", (*_GMAIL, "nav_spam"), "spam_heading"),
        PageInfo(
            "authenticate_email",
            "/ac/apps/gmail/authenticateemail",
            (*_GMAIL, "nav_authenticate_email"),
            "authenticate_email_heading",
        ),
    )
}


def page_info(name: str) -> PageInfo:
    """The registered page of this name; a name nobody registered fails loudly."""
    try:
        return PAGES[name]
    except KeyError:
        known = ", ".join(sorted(PAGES))
        raise KeyError(f"no console page {name!r} is registered (known: {known})") from None


# A registered page's name: a `str` for the type checker, the `Literal` of `PAGES` at run time.
if TYPE_CHECKING:
    PageName: TypeAlias = str
else:
    PageName = Literal[tuple(PAGES)]
