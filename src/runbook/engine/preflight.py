"""What is checked once before any run starts (a fleet's tenants): the browser server answers."""

from __future__ import annotations

from runbook.console.remote import check_reachable
from runbook.engine.options import RunOptions


def check_browser_server(options: RunOptions) -> None:
    """With `--browser-endpoint`: its server takes a connection, else `BrowserUnreachable`
    naming it (one cheap check, no browser)."""
    if options.browser is not None:
        check_reachable(options.browser.endpoint)
