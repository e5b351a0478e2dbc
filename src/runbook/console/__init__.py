"""The console as the rest of runbook sees it: import these names from here, not submodules.

Like playwright's `sync_api` over `_impl`, this face hides the internals (failures, widgets,
the accessibility snapshot...); each page object is imported from its own public module,
`runbook.console.pages.<page>`, so a new page adds nothing here. The face loads each name on
first use, so `explain` and `validate`, which use none of them, never start Playwright.
A name is listed three times (imported for the type checker, in `__all__`, in `_HOMES`);
`tests/unit/test_console_face.py` checks they agree.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from runbook.console.browser import ffmpeg_path
    from runbook.console.bundle import Bundle
    from runbook.console.demo import Demo
    from runbook.console.guard import WriteGuard
    from runbook.console.hazards import Hazards
    from runbook.console.page import Dialog, ListPage
    from runbook.console.places import PAGES, PageInfo, PageName, page_info
    from runbook.console.probe import Capture, Prober, ProbeReport
    from runbook.console.probe_output import labels_file_text, summary
    from runbook.console.recorder import ArtifactsRecorder
    from runbook.console.remote import RemoteBrowser, check_reachable, remote_browser
    from runbook.console.run import ConsoleOptions, OpenConsole, run_console
    from runbook.console.session import BrowserSession, SessionOptions
    from runbook.console.shell import ConsoleShell, Navigate
    from runbook.console.signin import (
        Credentials,
        check_session_target,
        password_from_env,
        profile_path,
    )

__all__ = [
    "PAGES",
    "ArtifactsRecorder",
    "BrowserSession",
    "Bundle",
    "Capture",
    "ConsoleOptions",
    "ConsoleShell",
    "Credentials",
    "Demo",
    "Dialog",
    "Hazards",
    "ListPage",
    "Locator",
    "Navigate",
    "OpenConsole",
    "Page",
    "PageInfo",
    "PageName",
    "ProbeReport",
    "Prober",
    "RemoteBrowser",
    "SessionOptions",
    "WriteGuard",
    "check_reachable",
    "check_session_target",
    "ffmpeg_path",
    "labels_file_text",
    "page_info",
    "password_from_env",
    "profile_path",
    "remote_browser",
    "run_console",
    "summary",
]

# The module each public name is loaded from.
_HOMES = {
    "playwright.sync_api": ("Locator", "Page"),
    "runbook.console.browser": ("ffmpeg_path",),
    "runbook.console.bundle": ("Bundle",),
    "runbook.console.demo": ("Demo",),
    "runbook.console.guard": ("WriteGuard",),
    "runbook.console.hazards": ("Hazards",),
    "runbook.console.page": ("Dialog", "ListPage"),
    "runbook.console.places": ("PAGES", "PageInfo", "PageName", "page_info"),
    "runbook.console.probe": ("Capture", "ProbeReport", "Prober"),
    "runbook.console.probe_output": ("labels_file_text", "summary"),
    "runbook.console.recorder": ("ArtifactsRecorder",),
    "runbook.console.run": ("ConsoleOptions", "OpenConsole", "run_console"),
    "runbook.console.remote": ("RemoteBrowser", "check_reachable", "remote_browser"),
    "runbook.console.session": ("BrowserSession", "SessionOptions"),
    "runbook.console.shell": ("ConsoleShell", "Navigate"),
    "runbook.console.signin": (
        "Credentials",
        "check_session_target",
        "password_from_env",
        "profile_path",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use."""
    home = _HOME_OF.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
