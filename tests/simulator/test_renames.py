"""`PUT /_sim/labels` renames the console's controls until `/_sim/reset`: a console that changed."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.sync_api import Page, expect

from .ui import HOSTS


def test_renamed_controls_show_under_their_new_names_until_reset(
    page: Page, sim: Any, console: httpx.Client
) -> None:
    assert sim.client.put("/_sim/labels", json={"en": ["x"]}).status_code == 400
    assert sim.client.put("/_sim/labels", json={"en": {"Add route": ""}}).status_code == 400
    done = sim.client.put(
        "/_sim/labels", json={"en": {"Add route": "New route", "Hosts": "Relays"}}
    )
    assert done.json() == {"en": {"Add route": "New route", "Hosts": "Relays"}}
    page.goto(HOSTS)
    expect(page.get_by_role("heading", name="Relays", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="New route", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Add route", exact=True)).to_have_count(0)
    assert "Ajouter une route" in console.get(f"{HOSTS}?hl=fr").text  # French as it was

    sim.reset()
    assert sim.client.get("/_sim/labels").json() == {}
    page.goto(HOSTS)
    expect(page.get_by_role("button", name="Add route", exact=True)).to_be_visible()
