"""The sign-in Google gives automation: a refused automated browser (`automation-refused`), a
session that ends after one hour of the simulator's clock (`session-hour`), and cookies that
outlive the window."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import pyotp
import pytest

from runbook.simulator.auth import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET, DEFAULT_USER
from runbook.simulator.i18n import text
from runbook.simulator.server import SimulatorServer
from tests.clients import sim_client

HOME = "/ac"
RULES = "/ac/_data/rules"


@pytest.fixture
def client(simulator: SimulatorServer, sim: Any) -> httpx.Client:
    sim.faults({"latency_ms": [0, 0]})
    with sim_client(simulator.url) as http:
        yield http  # type: ignore[misc]


def sign_in(client: httpx.Client, automation: str | None = "no") -> httpx.Response:
    """Walk the forms as a browser whose page script says `automation` (None: no script)."""
    said = {} if automation is None else {"automation": automation}
    first = client.post("/signin/identifier", data={"identifier": DEFAULT_USER, **said})
    if first.headers.get("location", "").startswith("/signin/rejected"):
        return first
    client.post("/signin/challenge/pwd", data={"password": DEFAULT_PASSWORD, **said})
    code = pyotp.TOTP(DEFAULT_TOTP_SECRET).now()
    return client.post("/signin/challenge/totp", data={"code": code, **said})


def test_a_browser_reporting_automation_is_refused_after_the_email_step(
    client: httpx.Client, sim: Any
) -> None:
    sim.variants(["automation-refused"])
    for said in ("yes", None):  # navigator.webdriver true; or no script ran at all
        refused = sign_in(client, said)
        assert refused.status_code == 303
        page = client.get(refused.headers["location"])
        assert text("en", "signin_refused") == "Couldn’t sign you in"
        assert "Couldn’t sign you in" in page.text
        assert "This browser or app may not be secure." in page.text
        assert "SIM_SID" not in client.cookies
    assert sign_in(client, "no").status_code == 303  # a plain browser goes on
    assert client.get(HOME).status_code == 200


def test_the_sign_in_page_says_whether_the_browser_reports_automation(
    client: httpx.Client,
) -> None:
    page = client.get("/signin/identifier").text
    assert 'name="automation" value="unknown"' in page
    assert "navigator.webdriver" in page


def test_a_session_ends_after_one_hour_of_the_simulators_clock(
    client: httpx.Client, sim: Any, simulator: SimulatorServer
) -> None:
    sim.variants(["session-hour"])
    done = sign_in(client)
    assert "max-age=" in done.headers["set-cookie"].lower()  # persistent, as Google's
    assert client.get(HOME).status_code == 200
    before = parsedate_to_datetime(client.get(HOME).headers["date"])

    moved = httpx.post(f"{simulator.url}/_sim/clock", json={"advance_s": 3599}).json()
    assert moved["offset_s"] == 3599
    assert client.get(HOME).status_code == 200  # a second left
    httpx.post(f"{simulator.url}/_sim/clock", json={"advance_s": 1}).raise_for_status()
    page = client.get(HOME)
    assert (page.status_code, page.headers["location"].split("?")[0]) == (
        302,
        "/v3/signin/challenge/pwd",
    )
    assert (parsedate_to_datetime(page.headers["date"]) - before).total_seconds() >= 3600
    assert client.get(RULES).status_code == 401  # every write and read asks too

    # Verify it's you: the password, then the code, then a new hour.
    verified = client.post(
        "/v3/signin/challenge/pwd?continue=/ac",
        data={"password": DEFAULT_PASSWORD, "automation": "no"},
    )
    assert verified.headers["location"].startswith("/signin/challenge/totp")
    code = pyotp.TOTP(DEFAULT_TOTP_SECRET).now()
    back = client.post(verified.headers["location"], data={"code": code})
    assert back.status_code == 303
    assert client.get(HOME).status_code == 200
    assert client.get(RULES).status_code == 200


def test_verify_its_you_refuses_an_automated_browser_too(
    client: httpx.Client, sim: Any, simulator: SimulatorServer
) -> None:
    sign_in(client)
    sim.variants(["automation-refused", "session-hour"])
    httpx.post(f"{simulator.url}/_sim/clock", json={"advance_s": 3600}).raise_for_status()
    asked = client.post(
        "/v3/signin/challenge/pwd", data={"password": DEFAULT_PASSWORD, "automation": "yes"}
    )
    assert asked.headers["location"].startswith("/signin/rejected")


def test_the_clock_only_moves_forward_and_a_reset_puts_it_back(simulator: SimulatorServer) -> None:
    api = f"{simulator.url}/_sim/clock"
    assert httpx.post(api, json={"advance_s": -1}).status_code == 400
    assert httpx.post(api, json={"seconds": 1}).status_code == 400
    assert httpx.post(api, json={"advance_s": 60}).json()["offset_s"] == 60
    httpx.post(f"{simulator.url}/_sim/reset").raise_for_status()
    assert httpx.get(api).json()["offset_s"] == 0


def test_a_reset_forgets_the_sign_ins_under_way(client: httpx.Client, sim: Any) -> None:
    client.post("/signin/identifier", data={"identifier": DEFAULT_USER, "automation": "no"})
    assert client.get("/_sim/signin").json()["flows"] == ["password"]
    sessions = client.get("/_sim/signin").json()["sessions"]
    sim.reset()
    # A test that waits for "a flow at the password step" sees its own, not an earlier one.
    assert client.get("/_sim/signin").json() == {"flows": [], "sessions": sessions}
