"""Playwright errors become the runbook error a user can act on: a console that went away is
not a console whose UI changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from runbook.console.failures import translate
from runbook.errors import ConsoleChanged, StepFailed
from runbook.locales import Labels
from runbook.simulator.server import SimulatorServer


def _wait_in_vain(page: Page) -> AssertionError:
    """What a page object meets when a control it waits for never appears."""
    with pytest.raises(AssertionError) as caught:
        expect(page.get_by_role("button", name="No such button")).to_be_visible(timeout=300)
    return caught.value


def test_a_console_that_stops_answering_is_named_so_not_a_changed_ui(
    page: Page, tmp_path: Path
) -> None:
    server = SimulatorServer(tmp_path / "state.json", auth=False)
    server.start()
    try:
        page.goto(f"{server.url}/ac/apps/gmail/hosts?hl=en")
        expect(page.get_by_role("heading", name=Labels("en").name("hosts_heading"))).to_be_visible()
        alive = translate(_wait_in_vain(page), page=page, what="opening the Hosts page")
        assert isinstance(alive, ConsoleChanged)
    finally:
        server.stop()
    gone = translate(_wait_in_vain(page), page=page, what="opening the Hosts page")
    assert type(gone) is StepFailed and gone.exit_code == 1
    assert "the console stopped answering while opening the Hosts page" in str(gone)
    assert "ERR_CONNECTION_REFUSED" in str(gone) or "refused" in str(gone).lower()
