"""The console pages runbook reaches: name, path, Main-menu path and heading (pure data).

To add a page:
1. add its `PageInfo` to `PAGES` below (and its name to `PageName`);
2. add the label keys of its menu path and heading (and of its settings block, when the page
   holds several) to each locale's catalogue;
3. write its page object in `console/pages/<name>.py`, with `info = page_info("<name>")`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from runbook.locales import LabelKey

PageName = Literal["hosts", "routing", "default_routing"]

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
    )
}


def page_info(name: str) -> PageInfo:
    """The registered page of this name; a name nobody registered fails loudly."""
    try:
        return PAGES[name]
    except KeyError:
        known = ", ".join(sorted(PAGES))
        raise KeyError(f"no console page {name!r} is registered (known: {known})") from None
