"""The Authenticate email (DKIM) endpoints over HTTP: real keys, Start through real DNS, audit.

DNS is dnsmasq on loopback (`tests/dnsmasq.py`): the test publishes the records, as an admin
would at the domain's DNS host, and the simulator looks them up there.
"""

from __future__ import annotations

import base64
import socket
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from runbook.simulator.i18n import text
from tests.dnsmasq import DnsServer

DOMAINS = "/ac/_data/domains"
PREFIX = "v=DKIM1; k=rsa; p="
THREE = [
    {"name": "example.com", "kind": "primary"},
    {"name": "example.org", "kind": "secondary"},
    {"name": "example.net", "kind": "alias"},
]


def rsa_key(txt_value: str) -> rsa.RSAPublicKey:
    """The public key a TXT value publishes (it must be a real RSA key)."""
    assert txt_value.startswith(PREFIX), txt_value
    key = serialization.load_der_public_key(base64.b64decode(txt_value[len(PREFIX) :]))
    assert isinstance(key, rsa.RSAPublicKey)
    return key


def generate(console: httpx.Client, domain: str, **body: Any) -> httpx.Response:
    return console.post(f"{DOMAINS}/{domain}/dkim", json=body)


def start(console: httpx.Client, domain: str) -> httpx.Response:
    return console.post(f"{DOMAINS}/{domain}/dkim/start")


def record(domain: str, selector: str = "google") -> str:
    return f"{selector}._domainkey.{domain}"


@pytest.fixture
def three(sim: Any, dns: DnsServer) -> DnsServer:
    """A primary, a secondary and an alias domain, none with a key; DNS at dnsmasq."""
    sim.domains(THREE)
    sim.dns(dns.address)
    return dns


# --- state -------------------------------------------------------------------------------------
def test_a_state_without_domains_has_the_primary_domain_alone(
    sim: Any, console: httpx.Client
) -> None:
    sim.put_state({"routes": []})
    assert "domains" not in sim.state()
    assert console.get(DOMAINS).json() == {
        "domains": [{"name": "example.com", "kind": "primary", "status": "no_key"}]
    }


def test_domains_round_trip_through_the_state(sim: Any) -> None:
    doc = {
        "routes": [],
        "domains": [
            *THREE,
            {"name": "Late.Example", "dkim": {"too_early": True}},
            {
                "name": "keyed.example",
                "kind": "alias",
                "dkim": {"selector": "s1", "key_bits": 1024},
            },
        ],
    }
    got = sim.put_state(doc)["domains"]
    assert [(d["name"], d["kind"]) for d in got] == [
        ("example.com", "primary"),
        ("example.org", "secondary"),
        ("example.net", "alias"),
        ("late.example", "secondary"),
        ("keyed.example", "alias"),
    ]
    assert got[0]["dkim"] == {"status": "no_key", "too_early": False}
    assert got[3]["dkim"] == {"status": "no_key", "too_early": True}
    keyed = got[4]["dkim"]  # a key given without its value gets a real one
    assert keyed["status"] == "not_started" and keyed["selector"] == "s1"
    assert rsa_key(keyed["txt_value"]).key_size == 1024
    again = sim.put_state({"routes": [], "domains": got})  # canonical: unchanged
    assert again["domains"] == got
    sim.reset()
    assert "domains" not in sim.state()


@pytest.mark.parametrize(
    "domains",
    [
        [{"name": "a.example", "kind": "primary"}, {"name": "b.example", "kind": "primary"}],
        [{"name": "a.example", "kind": "secondary"}],
        [{"name": "not a domain", "kind": "primary"}],
        [{"name": "a.example"}, {"name": "A.example"}],
        [{"name": "a.example", "kind": "subsidiary"}],
        [{"name": "a.example", "dkim": {"selector": "-bad"}}],
        [{"name": "a.example", "dkim": {"key_bits": 4096}}],
        [{"name": "a.example", "dkim": {"status": "authenticating", "txt_value": PREFIX + "AAAA"}}],
        [{"name": "a.example", "dkim": {"status": "no_key", "selector": "google"}}],
        [],
    ],
)
def test_domains_the_console_could_not_have_are_refused(sim: Any, domains: Any) -> None:
    answer = sim.client.put("/_sim/state", json={"domains": domains})
    assert answer.status_code == 400, answer.text
    assert sim.client.put("/_sim/domains", json=domains).status_code == 400


# --- Generate new record -----------------------------------------------------------------------
def test_generate_makes_a_real_2048_bit_key_whose_value_exceeds_one_txt_string(
    sim: Any, console: httpx.Client
) -> None:
    answer = generate(console, "example.com")  # the dialog's defaults: google, 2048
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["status"] == "not_started"
    assert (shown["selector"], shown["host_name"]) == ("google", "google._domainkey")
    assert len(shown["txt_value"]) > 255
    key = rsa_key(shown["txt_value"])
    assert key.key_size == 2048 and key.public_numbers().e == 65537
    dkim = sim.domains()[0]["dkim"]
    assert dkim == {
        "status": "not_started",
        "too_early": False,
        "selector": "google",
        "key_bits": 2048,
        "txt_value": shown["txt_value"],
    }
    assert [(a["action"], a["name"], a["selector"], a["key_bits"]) for a in sim.audit()] == [
        ("generate_dkim", "example.com", "google", 2048)
    ]


def test_a_1024_bit_key_fits_one_string_and_each_key_is_new(console: httpx.Client) -> None:
    first = generate(console, "example.com", selector="s2024", key_bits=1024).json()
    second = generate(console, "example.com", selector="s2024", key_bits=1024).json()
    assert rsa_key(first["txt_value"]).key_size == 1024
    assert len(first["txt_value"]) <= 255
    assert first["txt_value"] != second["txt_value"]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"selector": "-google"}, "err_dkim_selector"),
        ({"selector": "goo_gle"}, "err_dkim_selector"),
        ({"selector": "a" * 64}, "err_dkim_selector"),
        ({"selector": ""}, "err_dkim_selector"),
        ({"key_bits": 4096}, "err_dkim_key_bits"),
        ({"key_bits": "2048"}, "err_dkim_key_bits"),
        ({"key_bits": 2048.0}, "err_dkim_key_bits"),
    ],
)
def test_generate_refuses_what_the_dialog_would_not_send(
    sim: Any, console: httpx.Client, body: dict[str, Any], key: str
) -> None:
    answer = generate(console, "example.com", **body)
    assert answer.status_code == 400
    assert answer.json()["error"] == text("en", key)
    assert sim.audit() == []


def test_a_domain_turned_on_too_recently_gets_no_key(sim: Any, console: httpx.Client) -> None:
    sim.domains([{"name": "example.com", "dkim": {"too_early": True}}])
    answer = console.post(f"{DOMAINS}/example.com/dkim?hl=fr", json={})
    assert answer.status_code == 400
    assert answer.json()["error"] == text("fr", "err_dkim_too_early")
    assert sim.domains()[0]["dkim"]["status"] == "no_key"
    assert sim.audit() == []


def test_the_page_and_its_data_answer_behind_an_account_prefix(console: httpx.Client) -> None:
    page = console.get("/u/1/ac/apps/gmail/authenticateemail?hl=fr")
    assert page.status_code == 200
    assert "<h1>Authentifier les e-mails</h1>" in page.text
    assert console.get(f"/u/1{DOMAINS}").json()["domains"][0]["name"] == "example.com"


def test_an_unknown_domain_is_not_found(console: httpx.Client) -> None:
    assert console.get(f"{DOMAINS}/other.example").status_code == 404
    assert generate(console, "other.example").status_code == 404
    assert start(console, "other.example").status_code == 404


# --- Start authentication: DNS -----------------------------------------------------------------
def test_start_is_refused_until_the_record_is_in_dns_then_accepted(
    sim: Any, console: httpx.Client, three: DnsServer
) -> None:
    value = generate(console, "example.org").json()["txt_value"]
    refused = start(console, "example.org")
    assert refused.status_code == 400
    assert refused.json() == {
        "error": text("en", "err_dkim_not_found", record=record("example.org")),
        "reason": "absent",
        "record": record("example.org"),
    }
    assert sim.domains()[1]["dkim"]["status"] == "not_started"

    three.publish_value(record("example.org"), value)  # one record, strings of 255 at most
    assert len(three.lookup(record("example.org"))[0]) == 2
    accepted = start(console, "example.org")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "authenticating"
    assert sim.domains()[1]["dkim"]["status"] == "authenticating"
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("generate_dkim", "example.org"),
        ("start_dkim", "example.org"),
    ]


def test_a_record_that_differs_is_refused(
    sim: Any, console: httpx.Client, three: DnsServer
) -> None:
    generate(console, "example.net", key_bits=1024)
    other = generate(console, "example.com", key_bits=1024).json()["txt_value"]
    three.publish_value(record("example.net"), other)  # another key at this domain's name
    refused = start(console, "example.net")
    assert refused.status_code == 400
    assert refused.json()["reason"] == "mismatch"
    assert refused.json()["error"] == text("en", "err_dkim_mismatch", record=record("example.net"))
    assert sim.domains()[2]["dkim"]["status"] == "not_started"


def test_a_value_split_across_two_txt_records_is_not_a_match(
    sim: Any, console: httpx.Client, three: DnsServer
) -> None:
    value = generate(console, "example.com").json()["txt_value"]
    head, tail = value[:200], value[200:]
    three.publish(record("example.com"), head)
    three.publish(record("example.com"), tail)
    assert sorted(three.lookup(record("example.com"))) == sorted([(head,), (tail,)])
    refused = start(console, "example.com")
    assert refused.status_code == 400
    assert refused.json()["reason"] == "mismatch"
    three.remove(record("example.com"))
    three.publish(record("example.com"), head, tail)  # the same strings in ONE record
    assert start(console, "example.com").status_code == 200


def test_whitespace_between_the_tags_does_not_matter(
    console: httpx.Client, three: DnsServer
) -> None:
    value = generate(console, "example.com", key_bits=1024).json()["txt_value"]
    three.publish(record("example.com"), value.replace("; ", ";").replace("p=", "p= "))
    assert start(console, "example.com").status_code == 200


def test_without_a_resolver_every_record_is_absent(sim: Any, console: httpx.Client) -> None:
    generate(console, "example.com", key_bits=1024)
    assert sim.client.get("/_sim/dns").json() == {"resolver": None}
    refused = start(console, "example.com")
    assert refused.status_code == 400
    assert refused.json()["reason"] == "no_resolver"
    assert refused.json()["error"] == text("en", "err_dkim_not_found", record=record("example.com"))


def test_a_resolver_that_does_not_answer_is_said(sim: Any, console: httpx.Client) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:  # bound, never answers
        silent.bind(("127.0.0.1", 0))
        sim.dns(f"127.0.0.1:{silent.getsockname()[1]}")
        generate(console, "example.com", key_bits=1024)
        refused = start(console, "example.com")
    assert refused.status_code == 400
    assert refused.json()["reason"] == "unreachable"
    assert refused.json()["error"] == text("en", "err_dkim_dns_unavailable")


def test_the_dns_setting_is_checked_and_reset(sim: Any) -> None:
    for bad in ({"resolver": "dns.example:53"}, {"resolver": "127.0.0.1:0"}, {"server": "x"}):
        assert sim.client.put("/_sim/dns", json=bad).status_code == 400, bad
    sim.dns("[::1]:5353")
    assert sim.client.get("/_sim/dns").json() == {"resolver": "[::1]:5353"}
    sim.reset()
    assert sim.client.get("/_sim/dns").json() == {"resolver": None}


# --- Stop, rotation ----------------------------------------------------------------------------
def test_stop_then_start_again(sim: Any, console: httpx.Client, three: DnsServer) -> None:
    value = generate(console, "example.com", key_bits=1024).json()["txt_value"]
    three.publish_value(record("example.com"), value)
    assert start(console, "example.com").status_code == 200
    assert start(console, "example.com").status_code == 409  # already on: the page is stale
    stopped = console.post(f"{DOMAINS}/example.com/dkim/stop")
    assert stopped.status_code == 200 and stopped.json()["status"] == "stopped"
    assert console.post(f"{DOMAINS}/example.com/dkim/stop").status_code == 409
    assert sim.domains()[0]["dkim"]["status"] == "stopped"
    assert start(console, "example.com").status_code == 200
    actions = [a["action"] for a in sim.audit()]
    assert actions == ["generate_dkim", "start_dkim", "stop_dkim", "start_dkim"]


def test_a_new_key_waits_beside_the_active_one_until_started(
    sim: Any, console: httpx.Client, three: DnsServer
) -> None:
    old = generate(console, "example.com", key_bits=1024).json()["txt_value"]
    three.publish_value(record("example.com"), old)
    start(console, "example.com")
    new = generate(console, "example.com", selector="google2026").json()
    assert new["status"] == "not_started" and new["active_selector"] == "google"
    dkim = sim.domains()[0]["dkim"]
    assert dkim["active"] == {"selector": "google", "key_bits": 1024, "txt_value": old}
    assert start(console, "example.com").json()["reason"] == "absent"
    three.publish_value(record("example.com", "google2026"), new["txt_value"])
    started = start(console, "example.com").json()
    assert started["status"] == "authenticating" and "active_selector" not in started
    assert "active" not in sim.domains()[0]["dkim"]


def test_start_without_a_key_is_refused(sim: Any, console: httpx.Client) -> None:
    answer = start(console, "example.com")
    assert answer.status_code == 400
    assert answer.json()["error"] == text("en", "err_dkim_no_key")


def test_dkim_state_survives_a_restart(sim: Any, simulator: Any, console: httpx.Client) -> None:
    from runbook.simulator.state import Store

    generate(console, "example.com", key_bits=1024)
    reloaded = Store(simulator.state_path)
    assert reloaded.domains() == sim.domains()


# --- the resolver given at start -----------------------------------------------------------------
def test_the_resolver_given_at_start_is_the_one_a_reset_puts_back(tmp_path: Any) -> None:
    from runbook.simulator.dns_lookup import Resolver
    from runbook.simulator.server import SimulatorServer

    server = SimulatorServer(tmp_path / "state.json", dns=Resolver.parse("127.0.0.1:5353"))
    with server, httpx.Client(base_url=server.url) as client:
        assert client.get("/_sim/dns").json() == {"resolver": "127.0.0.1:5353"}
        client.put("/_sim/dns", json={"resolver": None})
        assert client.get("/_sim/dns").json() == {"resolver": None}
        client.post("/_sim/reset")
        assert client.get("/_sim/dns").json() == {"resolver": "127.0.0.1:5353"}


@pytest.mark.parametrize("given", ["dns.example:53", "127.0.0.1:99999", "[::1"])
def test_a_dns_option_that_is_no_resolver_is_a_usage_error(given: str) -> None:
    from click.testing import CliRunner

    from runbook.cli import cli

    result = CliRunner().invoke(cli, ["simulator", "--port", "0", "--dns", given])
    assert result.exit_code == 64, result.output
    assert "--dns" in result.output


def test_a_failed_save_writes_nothing_and_a_lost_answer_was_applied(
    sim: Any, console: httpx.Client
) -> None:
    sim.faults({"fail_next_saves": 1})
    failed = generate(console, "example.com", key_bits=1024)
    assert failed.status_code == 500
    assert failed.json()["error"] == text("en", "err_save_failed")
    assert sim.domains()[0]["dkim"]["status"] == "no_key" and sim.audit() == []
    sim.faults({"lose_next_responses": 1})
    assert generate(console, "example.com", key_bits=1024).status_code >= 500
    assert sim.domains()[0]["dkim"]["status"] == "not_started"
    assert [a["action"] for a in sim.audit()] == ["generate_dkim"]
