"""DKIM names and values, and the record files handed to the admin (no DNS server)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.zone
import pytest
from tests.dkim_keys import dkim_value

from runbook.dns_records.dkim import (
    KEY_BITS,
    SELECTOR_RULE,
    host_name,
    key_bits,
    record_name,
    same_key,
    selector_of,
    selector_problem,
    tags,
)
from runbook.dns_records.records import DnsRecord, bind_lines, json_document, write_records
from runbook.dns_records.resolver import Resolver


def test_names_of_a_record() -> None:
    assert host_name("google") == "google._domainkey"
    assert record_name("Google2026", "Example.COM.") == "google2026._domainkey.example.com"
    assert selector_of("google._domainkey") == "google"
    assert selector_of("Google2026._domainkey.example.com.") == "google2026"
    assert selector_of("  ") is None
    assert selector_of("google.example.com") is None
    assert selector_of("_domainkey.example.com") is None


def test_selector_rule() -> None:
    for good in ("google", "g", "google-2026", "A" * 63):
        assert selector_problem(good) is None, good
    for bad in ("", "-google", "google-", "google.two", "google_1", "a" * 64, None, 7):
        problem = selector_problem(bad)
        assert problem is not None and problem.endswith(SELECTOR_RULE), bad
    assert "'google_1'" in (selector_problem("google_1") or "")


def test_tags_unfold_whitespace_inside_values() -> None:
    value = "v=DKIM1;\tk = rsa ;\r\n p=MIIB Ij\r\n ANBg;; junk"
    assert tags(value) == {"v": "DKIM1", "k": "rsa", "p": "MIIBIjANBg"}


@pytest.mark.parametrize("bits", KEY_BITS)
def test_key_bits_reads_the_rsa_key_size(bits: int) -> None:
    value = dkim_value(bits)
    assert key_bits(value) == bits
    folded = value.replace("p=", "p= ", 1)[:60] + " \r\n " + value.replace("p=", "p= ", 1)[60:]
    assert key_bits(folded) == bits


def test_key_bits_is_none_without_a_readable_key() -> None:
    p = tags(dkim_value(1024))["p"]
    for value in ("v=DKIM1; k=rsa", "v=DKIM1; k=rsa; p=", "p=not base64!", f"p={p[:100]}", ""):
        assert key_bits(value) is None, value


def test_same_key() -> None:
    shown = dkim_value(1024)
    p = tags(shown)["p"]
    assert same_key(shown, shown)
    assert same_key(f"p={p}", shown)  # v= and k= may be left out
    assert same_key(f"v=DKIM1; k=rsa; p={p[:100]} {p[100:]}", shown)  # folded
    assert not same_key(dkim_value(1024, 1), shown)
    assert not same_key(f"v=DKIM1; k=rsa; p={p[:-10]}", shown)  # truncated by a DNS panel
    assert not same_key(f"v=DKIM2; p={p}", shown)
    assert not same_key(f"v=DKIM1; k=ed25519; p={p}", shown)
    assert not same_key("v=DKIM1; k=rsa; p=", "v=DKIM1; k=rsa; p=")  # a revoked key is none


@pytest.mark.parametrize("bits", KEY_BITS)
def test_bind_lines_parse_back_to_each_value(bits: int) -> None:
    records = [
        DnsRecord("example.com", "google._domainkey.example.com", dkim_value(bits), "publish"),
        DnsRecord(
            "example.org", "Old._domainkey.Example.ORG.", dkim_value(bits, 1), "keep", note="old"
        ),
    ]
    text = bind_lines(records)
    zone = dns.zone.from_text(text, origin=".", relativize=False, check_origin=False)
    for record in records:
        rdataset = zone.find_rdataset(record.fqdn + ".", "TXT")
        assert rdataset.ttl == 3600 and len(rdataset) == 1
        (rdata,) = rdataset
        assert all(len(s) <= 255 for s in rdata.strings)
        assert b"".join(rdata.strings).decode() == record.value
    if bits == 2048:
        assert len(rdata.strings) == 2  # ~400 characters: two strings in one record
    comments = [line for line in text.splitlines() if line.startswith(";")]
    assert comments == ["; example.com: publish", "; example.org: keep (old)"]


def test_bind_lines_escape_quotes_backslashes_and_non_ascii() -> None:
    value = 'say "hi" \\ to café; ' + "x" * 300
    text = bind_lines([DnsRecord("example.com", "t.example.com", value, "publish")])
    rdata_text = text.splitlines()[1].split(" IN TXT ", 1)[1]
    rdata = dns.rdata.from_text(
        dns.rdataclass.IN, dns.rdatatype.TXT, rdata_text, origin=dns.name.root
    )
    assert b"".join(rdata.strings).decode("utf-8") == value  # type: ignore[attr-defined]


def test_json_document_for_terraform() -> None:
    record = DnsRecord("example.com", "Google._domainkey.example.com.", "v=DKIM1", "published")
    document = json.loads(json_document([record]))
    assert document == {
        "version": 1,
        "records": [
            {
                "name": "google._domainkey.example.com",
                "type": "TXT",
                "value": "v=DKIM1",
                "domain": "example.com",
                "status": "published",
                "note": "",
            }
        ],
    }


def test_write_records_picks_the_format_and_replaces_the_file_whole(tmp_path: Path) -> None:
    records = [DnsRecord("example.com", "google._domainkey.example.com", "v=DKIM1", "publish")]
    as_json, as_zone, forced = tmp_path / "dkim.JSON", tmp_path / "dkim.zone", tmp_path / "dkim.txt"
    as_zone.write_text("old content, much longer than the new one " * 20)
    os.chmod(as_zone, 0o640)
    write_records(as_json, records)
    write_records(as_zone, records)
    write_records(forced, records, fmt="json")
    assert json.loads(as_json.read_text())["records"][0]["status"] == "publish"
    assert as_zone.read_text() == bind_lines(records)
    assert as_zone.stat().st_mode & 0o777 == 0o640  # the file's mode is kept
    assert json.loads(forced.read_text())["version"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dkim.JSON", "dkim.txt", "dkim.zone"]


def test_resolver_parse() -> None:
    assert Resolver.parse("127.0.0.1:5353") == Resolver("127.0.0.1", 5353)
    assert Resolver.parse(" 9.9.9.9 ") == Resolver("9.9.9.9", 53)
    assert Resolver.parse("[::1]:5353") == Resolver("::1", 5353)
    assert Resolver.parse("::1") == Resolver("::1", 53)
    assert str(Resolver.parse("[::1]:5353")) == "[::1]:5353"
    assert str(Resolver.system()) == "the system resolver"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("dns.example.com:53", "give an IP address and a port"),
        ("127.0.0.1:0", "its port is a number from 1 to 65535"),
        ("127.0.0.1:dns", "its port is a number from 1 to 65535"),
        ("[::1:53", "[address]:port"),
        ("", "give an IP address"),
    ],
)
def test_resolver_parse_refuses_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=r"is not a resolver") as caught:
        Resolver.parse(text)
    message = str(caught.value)
    assert reason in message and "\n" not in message
