"""The Authenticate email (DKIM) page object against the simulator: it lists and selects the
organization's domains, reads each one's record and status, generates a key, starts and stops
authentication (refused until DNS has the record), and cannot write in a read-only run."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.pages.authenticate_email import (
    AuthenticateEmailPage,
    GenerateTooEarly,
    StartRefused,
)
from runbook.console.shell import ConsoleShell
from runbook.errors import ReadOnlyViolation, SaveNotConfirmed, StepFailed
from runbook.locales import Labels
from runbook.simulator.i18n import text
from runbook.simulator.server import DEFAULT_PASSWORD
from runbook.simulator.variants import VARIANTS
from tests.dnsmasq import DnsServer

DOMAINS = [
    {"name": "example.com", "kind": "primary"},
    {"name": "example.org", "kind": "secondary"},
    {"name": "example.net", "kind": "alias"},
]


def open_page(
    page: Page,
    simulator: Any,
    locale: str = "en",
    *,
    read_only: bool = False,
    navigate: str = "url",
) -> AuthenticateEmailPage:
    labels = Labels(locale)
    shell = ConsoleShell(page, labels, simulator.url, navigate=navigate)  # type: ignore[arg-type]
    shell.open("authenticate_email")
    guard = WriteGuard(read_only=read_only, mode="dry-run" if read_only else "apply")
    return AuthenticateEmailPage(page, labels, guard)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_names_lists_every_domain_in_console_order(
    page: Page, sim: Any, simulator: Any, locale: str
) -> None:
    sim.domains(DOMAINS)
    dkim = open_page(page, simulator, locale, navigate="click")  # through the Main menu
    assert dkim.names() == ["example.com", "example.org", "example.net"]
    assert dkim.read("example.net")["domain"] == "example.net"  # the menu closed again


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_read_shows_each_state_of_a_domain(
    page: Page, sim: Any, simulator: Any, locale: str
) -> None:
    sim.domains(
        [
            {"name": "example.com", "kind": "primary"},
            {"name": "example.org", "dkim": {"selector": "s1", "key_bits": 1024}},
            {"name": "example.net", "dkim": {"selector": "google", "status": "authenticating"}},
            {
                "name": "example.info",
                "dkim": {"selector": "g2027", "active": {"selector": "google"}},
            },
        ]
    )
    keys = {d["name"]: d.get("dkim", {}) for d in sim.domains()}
    dkim = open_page(page, simulator, locale)
    assert dkim.read("example.com") == {
        "domain": "example.com",
        "authentication": "off",
        "host_name": None,
        "txt_value": None,
        "active_selector": None,
    }
    assert dkim.read("example.org") == {
        "domain": "example.org",
        "authentication": "off",
        "host_name": "s1._domainkey",
        "txt_value": keys["example.org"]["txt_value"],
        "active_selector": None,
    }
    assert dkim.read("EXAMPLE.NET") == {
        "domain": "example.net",
        "authentication": "on",
        "host_name": "google._domainkey",
        "txt_value": keys["example.net"]["txt_value"],
        "active_selector": None,
    }
    rotating = dkim.read("example.info")
    assert rotating["authentication"] == "off"
    assert rotating["host_name"] == "g2027._domainkey"
    assert rotating["active_selector"] == "google"
    assert sim.audit() == []


def test_a_domain_the_menu_does_not_list_names_those_it_does(
    page: Page, sim: Any, simulator: Any
) -> None:
    sim.domains(DOMAINS)
    dkim = open_page(page, simulator)
    with pytest.raises(StepFailed) as caught:
        dkim.select("x.example")
    assert str(caught.value) == (
        "the console lists no domain 'x.example' "
        "(its domains: example.com, example.org, example.net)"
    )
    assert dkim.record_shown() is None  # still on the primary domain, menu closed


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_generate_shows_a_2048_bit_record(
    page: Page, sim: Any, simulator: Any, locale: str
) -> None:
    sim.domains(DOMAINS)
    dkim = open_page(page, simulator, locale)
    dkim.select("example.org")
    dialog = dkim.open_generate()
    assert dialog.read() == {"selector": "google", "key_bits": 2048}
    dialog.fill("g2026", 2048)
    dialog.save("the DKIM record of example.org")
    host, value = dkim.record_shown() or ("", "")
    assert host == "g2026._domainkey"
    assert value.startswith("v=DKIM1; k=rsa; p=") and len(value) > 255
    assert sim.domains()[1]["dkim"]["txt_value"] == value
    assert dkim.read("example.org")["authentication"] == "off"
    assert [(a["action"], a["name"]) for a in sim.audit()] == [("generate_dkim", "example.org")]


def test_a_1024_bit_key_through_a_late_dialog(page: Page, sim: Any, simulator: Any) -> None:
    sim.faults({"late_dialog_ms": 300})
    dkim = open_page(page, simulator)
    dialog = dkim.open_generate()
    dialog.fill("google", 1024)
    dialog.save("the DKIM record of example.com")
    assert sim.domains()[0]["dkim"]["key_bits"] == 1024
    assert len((dkim.record_shown() or ("", ""))[1]) <= 255


def test_too_early_is_its_own_refusal(page: Page, sim: Any, simulator: Any) -> None:
    sim.domains([{"name": "example.com", "dkim": {"too_early": True}}])
    dkim = open_page(page, simulator)
    dialog = dkim.open_generate()
    with pytest.raises(GenerateTooEarly, match="DKIM record not created"):
        dialog.save("the DKIM record of example.com")
    assert dialog.is_open()
    dialog.cancel()
    assert sim.audit() == []


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_start_is_refused_until_dns_has_the_record_then_stop(
    page: Page, sim: Any, simulator: Any, dns: DnsServer, locale: str
) -> None:
    sim.domains([{"name": "example.com", "dkim": {"selector": "google"}}])
    sim.dns(dns.address)
    dkim = open_page(page, simulator, locale)
    before = dkim.read("example.com")
    with pytest.raises(StartRefused) as caught:
        dkim.start("example.com")
    assert caught.value.message == text(
        locale, "err_dkim_not_found", record="google._domainkey.example.com"
    )
    assert caught.value.reason == "not_found"
    assert dkim.read("example.com")["authentication"] == "off"

    dns.publish_value("google._domainkey.example.com", "v=DKIM1; k=rsa; p=AAAA")
    with pytest.raises(StartRefused) as differs:
        dkim.start("example.com")
    assert differs.value.reason == "mismatch"

    dns.remove("google._domainkey.example.com")
    dns.publish_value("google._domainkey.example.com", before["txt_value"])
    dkim.start("example.com")
    assert dkim.read("example.com")["authentication"] == "on"
    dkim.stop("example.com")
    assert dkim.read("example.com")["authentication"] == "off"
    actions = [a["action"] for a in sim.audit()]
    assert actions == ["start_dkim", "stop_dkim"]


def test_a_read_only_page_cannot_write(page: Page, sim: Any, simulator: Any) -> None:
    sim.domains([{"name": "example.com", "dkim": {"selector": "google"}}])
    dkim = open_page(page, simulator, read_only=True)
    dialog = dkim.open_generate()
    dialog.fill("g2026", 1024)
    with pytest.raises(ReadOnlyViolation):
        dialog.save("the DKIM record of example.com")
    dialog.cancel()
    with pytest.raises(ReadOnlyViolation):
        dkim.start("example.com")
    with pytest.raises(ReadOnlyViolation):
        dkim.stop("example.com")
    assert sim.audit() == []
    assert dkim.read("example.com")["host_name"] == "google._domainkey"


def test_every_variant_of_the_page_at_once(
    page: Page, sim: Any, simulator: Any, dns: DnsServer
) -> None:
    # Capitals, a banner that swallows a click, the page behind the dialog in the tree, and a
    # "Verify it's you" at the first page and at the first write (the sign-in's own variants
    # would end this automated browser's session: tests/cli/test_sessions.py has them).
    sim.variants([v for v in VARIANTS if v not in ("automation-refused", "session-hour")])
    sim.domains(DOMAINS)
    sim.dns(dns.address)
    labels = Labels("en")
    hazards = Hazards(labels, password=DEFAULT_PASSWORD)
    shell = ConsoleShell(page, labels, simulator.url, hazards=hazards)
    shell.open("authenticate_email")
    dkim = AuthenticateEmailPage(page, labels, WriteGuard(read_only=False), hazards)
    dkim.select("example.net")
    try:
        dkim.open_generate().save("the DKIM record of example.net")
    except SaveNotConfirmed:  # answered "Verify it's you"; nothing saved: the step goes again
        dkim.open_generate().save("the DKIM record of example.net")
    record = dkim.read("example.net")
    assert record["host_name"] == "google._domainkey"
    dns.publish_value("google._domainkey.example.net", record["txt_value"])
    dkim.start("example.net")
    assert dkim.read("example.net")["authentication"] == "on"
    assert [a["action"] for a in sim.audit()] == ["generate_dkim", "start_dkim"]
