"""The simulator shows each of the real console's known variants, switched through /_sim/."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from runbook.simulator.auth import DEFAULT_PASSWORD, DEFAULT_USER
from runbook.simulator.server import SimulatorServer
from runbook.simulator.variants import TLS_WORDING_2, VARIANTS

from .samples import LEGACY
from .ui import EN, FR, HOSTS, goto_list, row

LEGACY_NAME = str(LEGACY["name"])


def test_the_test_api_lists_switches_and_resets_variants(
    simulator: SimulatorServer, sim: Any
) -> None:
    assert sim.variants() == {"active": [], "known": VARIANTS}
    assert sim.variants(["row-links", "caps"])["active"] == ["caps", "row-links"]
    refused = httpx.put(f"{simulator.url}/_sim/variants", json=["capitals"])
    assert refused.status_code == 400
    assert "unknown variant(s) capitals; known: caps, tls-wording-2" in refused.json()["error"]
    assert sim.variants()["active"] == ["caps", "row-links"]  # a refused switch changes nothing
    sim.reset()
    assert sim.variants()["active"] == []


@pytest.mark.parametrize("labels", [EN, FR], ids=["en", "fr"])
def test_caps_and_the_second_tls_wording(page: Page, sim: Any, labels: Any) -> None:
    sim.variants(["caps", "tls-wording-2"])
    goto_list(page, HOSTS, labels)
    add = labels.name("add_route")
    page.get_by_role("button", name=add.upper(), exact=True).click()
    dialog = page.get_by_role("dialog", name=labels.name("route_dialog"))
    expect(
        dialog.get_by_role("button", name=labels.name("save").upper(), exact=True)
    ).to_be_visible()
    tls = dialog.get_by_role("checkbox", name=TLS_WORDING_2[labels.locale], exact=True)
    expect(tls).to_be_checked()
    assert TLS_WORDING_2[labels.locale] in labels.names("require_tls")  # the catalogue knows it


def test_plain_delete_dialog_row_links_and_a_list_that_does_not_refresh(
    page: Page, sim: Any
) -> None:
    sim.put_state({"routes": [LEGACY]})
    sim.variants(["plain-delete-dialog", "row-links", "no-refresh-after-delete"])
    goto_list(page, HOSTS)
    listed = row(page, EN.name("routes_table"), LEGACY_NAME)
    expect(listed.get_by_role("button")).to_have_count(0)
    listed.get_by_role("link", name="Delete", exact=True).click()
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    confirm = page.get_by_role("dialog", name=f"Delete {LEGACY_NAME}", exact=True)
    expect(confirm.get_by_role("button", name="Cancel")).to_be_visible()
    confirm.get_by_role("button", name="Delete").click()
    expect(confirm).to_be_hidden()
    assert sim.state()["routes"] == []
    expect(listed).to_be_visible()  # the list still shows the deleted route ...
    page.reload()
    expect(page.get_by_role("progressbar", name=EN.name("loading"))).to_have_count(0)
    expect(listed).to_have_count(0)  # ... until the page is reloaded


def test_the_page_behind_a_dialog_stays_in_the_accessibility_tree(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY]})
    for variants, behind in (([], 0), (["page-not-inert"], 1)):
        sim.variants(variants)
        goto_list(page, HOSTS)
        page.get_by_role("button", name=EN.name("add_route")).click()
        expect(page.get_by_role("dialog", name=EN.name("route_dialog"))).to_be_visible()
        # the table's "Name" header, named like the dialog's Name field
        header = page.get_by_role("columnheader", name=EN.name("col_name"), exact=True)
        expect(header).to_have_count(behind)
        expect(page.get_by_role("heading", name=EN.name("hosts_heading"), level=1)).to_have_count(
            behind
        )


def test_a_banner_swallows_the_first_click_until_dismissed(page: Page, sim: Any) -> None:
    sim.variants(["banner"])
    goto_list(page, HOSTS)
    banner = page.get_by_role("region", name="Announcement")
    menu = page.get_by_role("button", name=EN.name("main_menu"))
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "false")  # the click did nothing
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")  # the second one works
    banner.get_by_role("button", name="Got it").click()
    expect(banner).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name=EN.name("hosts_heading"))).to_be_visible()
    expect(banner).to_have_count(0)  # dismissed for good


def _answer_verify(page: Page) -> None:
    expect(page.get_by_role("heading", name="Verify it's you")).to_be_visible()
    page.get_by_label(EN.name("signin_password")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=EN.name("signin_next")).click()
    expect(page.get_by_role("heading", name=EN.name("hosts_heading"), level=1)).to_be_visible()


def test_reauth_asks_again_on_the_first_save_with_the_dialog_open(page: Page, sim: Any) -> None:
    sim.variants(["reauth"])
    page.goto(HOSTS)
    _answer_verify(page)  # the page's challenge
    goto_list(page, HOSTS)
    page.get_by_role("button", name=EN.name("add_route")).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog"))
    expect(dialog).to_be_visible()
    dialog.get_by_role("textbox", name=EN.name("route_name"), exact=True).fill(LEGACY_NAME)
    dialog.get_by_role("textbox", name=EN.name("host"), exact=True).fill("mail.legacy.example.com")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(page).to_have_url(re.compile(r"/v3/signin/challenge/pwd\?continue=%2Fac%2Fapps"))
    assert sim.audit() == []  # the save was refused until the challenge is answered
    _answer_verify(page)  # back to Hosts, the dialog gone with the page it was on
    assert page.url.endswith(HOSTS) and sim.state()["routes"] == []
    saved = page.request.post("/ac/_data/routes?hl=en", data=LEGACY)  # answered: saves go on
    assert saved.ok, saved.text()
    assert [a["action"] for a in sim.audit()] == ["create_route"]


def test_reauth_asks_for_the_password_once_then_goes_back(page: Page, sim: Any) -> None:
    sim.variants(["reauth"])
    page.goto(HOSTS)
    expect(page).to_have_url(re.compile(r"/v3/signin/challenge/pwd\?continue="))
    expect(page.get_by_role("heading", name="Verify it's you")).to_be_visible()
    expect(page.get_by_text(DEFAULT_USER)).to_be_visible()  # the identity is known
    password = page.get_by_label(EN.name("signin_password"))
    password.fill("not the password")
    page.get_by_role("button", name=EN.name("signin_next")).click()
    expect(page.get_by_role("alert")).to_have_text("Wrong password. Try again.")
    page.get_by_label(EN.name("signin_password")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=EN.name("signin_next")).click()
    expect(page.get_by_role("heading", name=EN.name("hosts_heading"), level=1)).to_be_visible()
    assert page.url.endswith(HOSTS)
    page.goto(HOSTS)  # answered: the session is not asked again
    expect(page.get_by_role("heading", name=EN.name("hosts_heading"), level=1)).to_be_visible()
