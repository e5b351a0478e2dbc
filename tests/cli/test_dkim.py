"""`runbook` with `dkim` steps end to end: the simulator's Authenticate email page, a real DNS
server (dnsmasq) that both the simulator and runbook query, the test playing the DNS admin."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import CliResult
from tests.conftest import SimApi
from tests.dnsmasq import DnsServer

Run = Callable[..., CliResult]
Write = Callable[..., Path]

DOMAINS = ("example.com", "example.org", "example.net")


def _no_key(name: str, kind: str) -> dict[str, Any]:
    return {"name": name, "kind": kind, "dkim": {"status": "no_key", "too_early": False}}


@pytest.fixture
def tenant(sim: SimApi, dns: DnsServer) -> DnsServer:
    """A primary, a secondary and an alias domain, none with a key; the simulator's Start
    authentication looks records up in the test's DNS server."""
    sim.domains(
        [
            _no_key("example.com", "primary"),
            _no_key("example.org", "secondary"),
            _no_key("example.net", "alias"),
        ]
    )
    sim.dns(dns.address)
    return dns


def _book(*domains: str, **fields: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "name": "dkim",
        "steps": [{"name": f"DKIM for {d}", "dkim": {"domain": d, **fields}} for d in domains],
    }


def _records(result: CliResult) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in result.run()["dns_records"]}


def _writes(sim: SimApi) -> list[tuple[str, str]]:
    return [(a["action"], a["name"]) for a in sim.audit()]


# Over 20 s: the round trip is the subject: four runs, two drifts and an export over
# three domains, the DNS admin publishing in dnsmasq between them.
def test_the_round_trip_generate_publish_start_for_three_domains(
    runbook_cli: Run,
    write_runbook: Write,
    sim: SimApi,
    simulator: Any,
    tenant: DnsServer,
    tmp_path: Path,
) -> None:
    book = str(write_runbook(_book(*DOMAINS)))
    dns = ["--dns-resolver", tenant.address]
    records_file = tmp_path / "records.json"

    first = runbook_cli("run", book, *dns, "--json", "--records", str(records_file))
    assert first.code == 0, first.output
    assert [s["status"] for s in first.run()["steps"]] == ["waiting_dns"] * 3
    assert "waiting for DNS" in first.run()["steps"][0]["message"]
    assert _writes(sim) == [("generate_dkim", d) for d in DOMAINS]
    records = _records(first)
    names = [f"google._domainkey.{d}" for d in DOMAINS]
    assert list(records) == names
    for name in names:
        assert records[name]["status"] == "publish"
        assert records[name]["value"].startswith("v=DKIM1; k=rsa; p=")
        assert len(records[name]["value"]) > 255  # 2048 bits: more than one TXT string
    written = json.loads(records_file.read_text())
    assert [(r["name"], r["type"], r["value"]) for r in written["records"]] == [
        (n, "TXT", records[n]["value"]) for n in names
    ]

    # The DNS admin publishes two of the three (each split into strings inside one record).
    for name in names[:2]:
        tenant.publish_value(name, records[name]["value"])
    second = runbook_cli("run", book, *dns, "--json")
    assert second.code == 0, second.output
    assert [s["status"] for s in second.run()["steps"]] == ["changed", "changed", "waiting_dns"]
    assert _writes(sim)[3:] == [("start_dkim", "example.com"), ("start_dkim", "example.org")]
    assert [r["status"] for r in second.run()["dns_records"]] == [
        "published",
        "published",
        "publish",
    ]

    drift = runbook_cli("drift", book, *dns, "--json")
    assert drift.code == 2, drift.output
    drifted = [s for s in drift.run()["steps"] if s["status"] == "drift"]
    assert [s["resource"] for s in drifted] == ["example.net"]
    assert "not authenticating" in drifted[0]["message"]

    tenant.publish_value(names[2], records[names[2]]["value"])
    third = runbook_cli("run", book, *dns, "--json")
    assert third.code == 0, third.output
    assert [s["status"] for s in third.run()["steps"]] == ["ok", "ok", "changed"]
    writes = len(_writes(sim))
    fourth = runbook_cli("run", book, *dns)
    assert fourth.code == 0, fourth.output
    assert len(_writes(sim)) == writes  # nothing to do: no write at all
    assert runbook_cli("drift", book, *dns).code == 0

    # An export writes each domain's key as a step, and its records (all served now).
    export = ("export", "--console", simulator.url, "--kind", "dkim", *dns, "-o", "keys.yaml")
    exported = runbook_cli(*export, "--json")
    assert exported.code == 0, exported.output
    text = (tmp_path / "keys.yaml").read_text()
    assert all(f"domain: {d}" in text for d in DOMAINS)
    assert [r["status"] for r in exported.run()["dns_records"]] == ["published"] * 3
    assert len(_writes(sim)) == writes  # read-only


def test_the_round_trip_on_a_german_console(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tenant: DnsServer
) -> None:
    # The page objects find every control by its German name (`console.locale: de`): a page
    # shown in another language would fail the run, not pass it in English.
    book = str(write_runbook({**_book("example.com"), "console": {"locale": "de"}}))
    dns = ["--dns-resolver", tenant.address]

    first = runbook_cli("run", book, *dns, "--json")
    assert first.code == 0, first.output
    assert first.run()["locale"] == "de"
    assert [s["status"] for s in first.run()["steps"]] == ["waiting_dns"]
    [record] = first.run()["dns_records"]
    assert record["name"] == "google._domainkey.example.com" and record["status"] == "publish"

    tenant.publish_value(record["name"], record["value"])
    second = runbook_cli("run", book, *dns, "--json")
    assert second.code == 0, second.output
    assert [s["status"] for s in second.run()["steps"]] == ["changed"]
    assert _writes(sim) == [("generate_dkim", "example.com"), ("start_dkim", "example.com")]
    assert sim.domains()[0]["dkim"]["status"] == "authenticating"

    drift = runbook_cli("drift", book, *dns)
    assert drift.code == 0, drift.output  # in sync


def test_a_record_split_across_two_txt_records_is_named_as_the_dns_mistake(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tenant: DnsServer
) -> None:
    book = str(write_runbook(_book("example.com")))
    dns = ["--dns-resolver", tenant.address]
    first = runbook_cli("run", book, *dns, "--json")
    assert first.code == 0, first.output
    [record] = first.run()["dns_records"]
    value = record["value"]
    half = len(value) // 2
    tenant.publish(record["name"], value[:half][:255])  # two records, not one of two strings
    tenant.publish(record["name"], value[half:][:255])
    second = runbook_cli("run", book, *dns, "--json")
    assert second.code == 0, second.output
    [step] = second.run()["steps"]
    assert step["status"] == "waiting_dns"
    assert "split across 2 TXT records" in step["message"]
    assert ("start_dkim", "example.com") not in _writes(sim)

    # A resolver that does not answer is named, never taken for "not published yet".
    nobody = runbook_cli("run", book, "--dns-resolver", "127.0.0.1:9", "--json")
    assert nobody.code == 1, nobody.output
    assert "127.0.0.1:9" in nobody.run()["steps"][0]["message"]


def test_a_rotation_is_planned_as_such_made_by_apply_and_the_old_record_kept(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tenant: DnsServer, tmp_path: Path
) -> None:
    dns = ["--dns-resolver", tenant.address]
    book = str(write_runbook(_book("example.com")))
    first = runbook_cli("run", book, *dns, "--json")
    [old] = first.run()["dns_records"]
    tenant.publish_value(old["name"], old["value"])
    assert runbook_cli("run", book, *dns).code == 0  # started with selector google

    rotated = str(write_runbook(_book("example.com", selector="google2026"), "rotated.yaml"))
    writes = len(_writes(sim))
    dry = runbook_cli("run", rotated, *dns, "--dry-run", "--json")
    assert dry.code == 0, dry.output
    [step] = dry.run()["steps"]
    assert step["status"] == "would_change" and step["details"]["rotation"] is True
    assert {c["field"]: (c["before"], c["after"]) for c in step["changes"]}["selector"] == (
        "google",
        "google2026",
    )
    assert len(_writes(sim)) == writes  # a dry run: nothing generated
    keep = [r for r in dry.run()["dns_records"] if r["status"] == "keep"]
    assert [(r["name"], r["value"]) for r in keep] == [(old["name"], old["value"])]

    applied = runbook_cli("run", rotated, *dns, "--json", "--records", str(tmp_path / "r.zone"))
    assert applied.code == 0, applied.output
    assert applied.run()["steps"][0]["status"] == "waiting_dns"
    records = _records(applied)
    assert records[old["name"]]["status"] == "keep"
    assert records[old["name"]]["value"] == old["value"]
    new = records["google2026._domainkey.example.com"]
    assert new["status"] == "publish"
    zone = (tmp_path / "r.zone").read_text()
    assert "google2026._domainkey.example.com." in zone and "google._domainkey.example.com." in zone
    domain = next(d for d in sim.domains() if d["name"] == "example.com")
    assert domain["dkim"]["active"]["selector"] == "google"  # the old key still signs

    tenant.publish_value(new["name"], new["value"])
    done = runbook_cli("run", rotated, *dns, "--json")
    assert done.code == 0, done.output
    assert done.run()["steps"][0]["status"] == "changed"
    assert [r["name"] for r in done.run()["dns_records"]] == [new["name"]]


def test_what_the_console_or_dns_refuses_exits_1_with_the_reason(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tenant: DnsServer
) -> None:
    dns = ["--dns-resolver", tenant.address]
    missing = runbook_cli("run", str(write_runbook(_book("example.edu"))), *dns)
    assert missing.code == 1, missing.output
    assert "example.edu" in missing.output
    assert all(d in missing.output for d in DOMAINS)  # the domains it has

    early_domain = _no_key("example.com", "primary")
    early_domain["dkim"]["too_early"] = True
    sim.domains([early_domain])
    early = runbook_cli("run", str(write_runbook(_book("example.com"))), *dns, "--json")
    assert early.code == 1, early.output
    assert "step.retry" not in early.output
    assert sim.audit() == []


def test_bad_dkim_fields_are_refused_at_their_line_before_any_browser(
    runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nname: bad\nsteps:\n"
        "  - dkim:\n      domain: example.com\n      key_bits: 4096\n"
        "  - dkim:\n      domain: example.org\n      selector: -google\n"
        "  - dkim:\n      domain: example.net\n    state: absent\n"
    )
    result = runbook_cli("validate", str(path))
    assert result.code == 65, result.output
    assert f"{path}:6:" in result.output and "2048" in result.output
    assert f"{path}:9:" in result.output and "DNS label" in result.output
    assert f"{path}:12:" in result.output and "authentication: off" in result.output


def test_wait_dns_starts_authentication_once_dns_serves_the_record_or_names_it(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tenant: DnsServer, tmp_path: Path
) -> None:
    book = str(write_runbook(_book("example.com")))
    dns = ["--dns-resolver", tenant.address]
    [record] = runbook_cli("run", book, *dns, "--json").run()["dns_records"]

    late = runbook_cli("run", book, *dns, "--wait-dns", "1s", "--json")
    assert late.code == 1, late.output
    message = late.run()["steps"][0]["message"]
    assert "1 s of --wait-dns" in message and record["name"] in message

    published = threading.Event()
    earlier = set((tmp_path / "recordings").glob("*/run.jsonl"))

    def dns_admin() -> None:  # publishes once the next run is waiting for DNS
        for _ in range(600):
            logs = set((tmp_path / "recordings").glob("*/run.jsonl")) - earlier
            if any('"dns.waiting"' in log.read_text() for log in logs):
                tenant.publish_value(record["name"], record["value"])
                published.set()
                return
            threading.Event().wait(0.05)

    admin = threading.Thread(target=dns_admin)
    admin.start()
    try:
        waited = runbook_cli("run", book, *dns, "--wait-dns", "2m", "--json")
    finally:
        admin.join(timeout=60)
    assert published.is_set()
    assert waited.code == 0, waited.output
    assert waited.run()["steps"][0]["status"] == "changed"
    assert ("start_dkim", "example.com") in _writes(sim)
