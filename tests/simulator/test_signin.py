"""Sign-in: email, password, 2-step code; expired sessions send the page back to sign-in."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from runbook.simulator.i18n import text
from runbook.simulator.server import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET, SimulatorServer

from .samples import SPLIT
from .ui import EN, FR, HOSTS, ROUTING, goto_list, routing_block, row


def wrong_code() -> str:
    """A 6-digit code that is not valid now (nor one step before or after)."""
    totp = pyotp.TOTP(DEFAULT_TOTP_SECRET)
    now = time.time()
    valid = {totp.at(now + skew) for skew in (-30, 0, 30)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in valid)


def test_sign_in_in_french_with_wrong_email_password_and_code(
    signed_out_page: Page, sim: Any
) -> None:
    page = signed_out_page
    page.goto(f"{ROUTING}?hl=fr")
    expect(page).to_have_url(re.compile(r"/signin/identifier\?continue="))
    expect(page.get_by_role("heading", name=FR.name("signin_heading"))).to_be_visible()

    email = page.get_by_role("textbox", name=FR.name("signin_email"))
    email.fill("someone@else.example")
    page.get_by_role("button", name=FR.name("signin_next")).click()
    expect(page.get_by_role("alert")).to_have_text(text("fr", "signin_wrong_email"))
    expect(email).to_have_attribute("aria-invalid", "true")
    email.fill("admin@example.com")
    page.get_by_role("button", name=FR.name("signin_next")).click()

    password = page.get_by_role("textbox", name=FR.name("signin_password"))
    password.fill("not the password")
    page.get_by_role("button", name=FR.name("signin_next")).click()
    expect(page.get_by_role("alert")).to_have_text(text("fr", "signin_wrong_password"))
    page.get_by_role("textbox", name=FR.name("signin_password")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=FR.name("signin_next")).click()

    code = page.get_by_role("textbox", name=FR.name("signin_code"))
    code.fill(wrong_code())
    page.get_by_role("button", name=FR.name("signin_next")).click()
    expect(page.get_by_role("alert")).to_have_text(text("fr", "signin_wrong_code"))
    page.get_by_role("textbox", name=FR.name("signin_code")).fill(
        pyotp.TOTP(DEFAULT_TOTP_SECRET).now()
    )
    page.get_by_role("button", name=FR.name("signin_next")).click()

    expect(page).to_have_url(re.compile(r"/ac/apps/gmail/routing\?hl=fr$"))
    expect(routing_block(page, FR).get_by_role("button", name=FR.name("configure"))).to_be_visible()


def test_session_cookie_is_http_only(signed_in_state: dict[str, Any]) -> None:
    cookies = [c for c in signed_in_state["cookies"] if c["name"] == "SIM_SID"]
    assert cookies and all(c["httpOnly"] for c in cookies)


def test_a_refused_request_sends_the_page_to_sign_in(page: Page, sim: Any) -> None:
    sim.put_state({"routing_rules": [{**SPLIT, "change_route": None}]})
    goto_list(page, ROUTING)
    page.context.clear_cookies()  # the session is gone, as after a sign-out elsewhere
    row(page, EN.name("rules_table"), SPLIT["description"]).get_by_role(
        "switch", name=EN.name("rule_enabled")
    ).click()
    expect(page).to_have_url(re.compile(r"/signin/identifier\?continue=%2Fac%2Fapps%2Fgmail"))
    expect(page.get_by_role("heading", name=EN.name("signin_heading"))).to_be_visible()
    assert sim.state()["routing_rules"][0]["enabled"] is True
    assert sim.audit() == []


@pytest.fixture
def own_simulator(tmp_path: Path) -> Iterator[SimulatorServer]:
    """A simulator of its own, for tests that expire every session."""
    with SimulatorServer(tmp_path / "state.json") as server:
        yield server


def test_session_expires_after_n_requests_and_sign_in_resumes(
    browser: Browser, own_simulator: SimulatorServer, sign_in: Any
) -> None:
    context = browser.new_context(base_url=own_simulator.url)
    try:
        page = context.new_page()
        page.goto(f"{HOSTS}?hl=fr")
        sign_in(page, locale="fr")
        expect(page.get_by_role("button", name=FR.name("add_route"))).to_be_visible()
        # One more console request is allowed: the page itself; its list request is refused.
        httpx.post(f"{own_simulator.url}/_sim/faults", json={"expire_session_after": 1})
        page.reload()
        expect(page).to_have_url(re.compile(r"/signin/identifier\?continue=.*hosts.*&hl=fr"))
        sign_in(page, locale="fr")
        expect(page).to_have_url(re.compile(r"/ac/apps/gmail/hosts\?hl=fr$"))
        expect(page.get_by_text(text("fr", "no_routes"))).to_be_visible()
    finally:
        context.close()
