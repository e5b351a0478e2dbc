"""Shared fixtures: one simulator and one signed-in browser session per test session.

Layers (each can be overridden like pytest-playwright's own):
`simulator` (session) -> `sim_api` (session, httpx on /_sim/) -> `sim` (per test, reset first);
`signed_in_state` (session, signed in once through the UI) -> `browser_context_args`
(base_url + that session), so `page` is a signed-in console page. `signed_out_page` (or
`@pytest.mark.browser_context_args(storage_state=None)`) gives a page without a session.
`dns_server` (session) -> `dns` (per test, no records): dnsmasq on loopback, `tests/dnsmasq.py`.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from runbook.console.browser import launch_args
from runbook.simulator.server import (
    DEFAULT_PASSWORD,
    DEFAULT_TOTP_SECRET,
    DEFAULT_USER,
    SimulatorServer,
)
from tests.clients import sim_client
from tests.dnsmasq import dns, dns_server  # noqa: F401  (fixtures: a real DNS server)
from tests.in_process import InProcessRunbook

SignIn = Callable[..., None]


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C reaches the `runbook` processes tests start, as in a terminal, even when the
    suite itself was started in the background (a shell then ignores SIGINT for it, and a
    signal ignored is ignored by every process started after)."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


class SimApi:
    """The simulator's test API (`/_sim/`) over httpx."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = sim_client(url)

    def state(self) -> dict[str, Any]:
        return self._ok(self.client.get("/_sim/state")).json()

    def state_text(self) -> str:
        """The state exactly as served (for byte-for-byte comparisons)."""
        return self._ok(self.client.get("/_sim/state")).text

    def put_state(self, doc: dict[str, Any]) -> dict[str, Any]:
        return self._ok(self.client.put("/_sim/state", json=doc)).json()

    def audit(self) -> list[dict[str, Any]]:
        return self._ok(self.client.get("/_sim/audit")).json()

    def reset(self) -> None:
        self._ok(self.client.post("/_sim/reset"))

    def faults(self, doc: dict[str, Any] | None = None) -> dict[str, Any]:
        if doc is None:
            return self._ok(self.client.get("/_sim/faults")).json()
        return self._ok(self.client.post("/_sim/faults", json=doc)).json()

    def variants(self, names: list[str] | None = None) -> dict[str, Any]:
        """The active variants of the real console (`names`: switch to these first)."""
        if names is None:
            return self._ok(self.client.get("/_sim/variants")).json()
        return self._ok(self.client.put("/_sim/variants", json=names)).json()

    def tls(self, results: dict[str, str]) -> None:
        self._ok(self.client.put("/_sim/tls", json=results))

    def domains(self, domains: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """The organization's domains with their DKIM state (`domains`: put these first)."""
        if domains is None:
            return self._ok(self.client.get("/_sim/domains")).json()
        return self._ok(self.client.put("/_sim/domains", json=domains)).json()

    def dns(self, resolver: str | None) -> None:
        """Where Start authentication looks DKIM records up (`host:port`; None: nowhere)."""
        self._ok(self.client.put("/_sim/dns", json={"resolver": resolver}))

    @staticmethod
    def _ok(response: httpx.Response) -> httpx.Response:
        response.raise_for_status()
        return response


@pytest.fixture(scope="session")
def in_process() -> Iterator[InProcessRunbook]:
    """This test process's runner of in-process `runbook` invocations (its driver and browser
    kept for the session): see `tests/in_process.py`."""
    runner = InProcessRunbook()
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Our Chromium and quiet flags, under pytest-playwright's own options (--headed...)."""
    headless = browser_type_launch_args.get("headless", True)
    return {**launch_args(headless=headless), **browser_type_launch_args}


@pytest.fixture(scope="session")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    """One simulator (sign-in on, state in a temporary file) for the whole session."""
    server = SimulatorServer(tmp_path_factory.mktemp("simulator") / "state.json")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sim_api(simulator: SimulatorServer) -> Iterator[SimApi]:
    api = SimApi(simulator.url)
    yield api
    api.client.close()


@pytest.fixture(autouse=True)
def _reset_simulator(request: pytest.FixtureRequest) -> None:
    """Each test that uses the simulator starts from an empty, healthy console."""
    if "simulator" in request.fixturenames:
        request.getfixturevalue("sim_api").reset()


@pytest.fixture
def sim(sim_api: SimApi) -> SimApi:
    """The test API of a freshly reset simulator."""
    return sim_api


@pytest.fixture(scope="session")
def sign_in() -> SignIn:
    """Walk the sign-in pages from wherever `page` is on them (email, password, code)."""

    def walk(page: Page, *, locale: str = "en") -> None:
        from runbook.locales import Labels

        labels = Labels(locale)
        page.get_by_role("textbox", name=labels.name("signin_email")).fill(DEFAULT_USER)
        page.get_by_role("button", name=labels.name("signin_next")).click()
        page.get_by_role("textbox", name=labels.name("signin_password")).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name=labels.name("signin_next")).click()
        code = page.get_by_role("textbox", name=labels.name("signin_code"))
        expect(code).to_be_visible()
        code.fill(pyotp.TOTP(DEFAULT_TOTP_SECRET).now())
        page.get_by_role("button", name=labels.name("signin_next")).click()

    return walk


@pytest.fixture(scope="session")
def signed_in_state(
    browser: Browser, simulator: SimulatorServer, sim_api: SimApi, sign_in: SignIn
) -> dict[str, Any]:
    """A Playwright storage_state with a console session, signed in once through the UI (on a
    console reset first: an earlier test may have left a variant that refuses the sign-in)."""
    sim_api.reset()
    context = browser.new_context(base_url=simulator.url)
    try:
        page = context.new_page()
        page.goto("/ac")
        sign_in(page)
        expect(page.get_by_role("button", name="Main menu")).to_be_visible()
        return dict(context.storage_state())
    finally:
        context.close()


@pytest.fixture(scope="session")
def browser_context_args(
    browser_context_args: dict[str, Any],
    simulator: SimulatorServer,
    signed_in_state: dict[str, Any],
) -> dict[str, Any]:
    """Contexts open the simulator, signed in."""
    return {**browser_context_args, "base_url": simulator.url, "storage_state": signed_in_state}


@pytest.fixture
def signed_out_page(browser: Browser, simulator: SimulatorServer) -> Iterator[Page]:
    """A page in a context with no console session."""
    context = browser.new_context(base_url=simulator.url)
    yield context.new_page()
    context.close()
