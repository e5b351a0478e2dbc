"""DKIM lookups against a real DNS server (dnsmasq on loopback, `tests/dnsmasq.py`)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import dns.message
import dns.rcode
import pytest

from runbook.dns_records.dkim import key_bits, record_name, tags
from runbook.dns_records.lookup import check_dkim, txt_records
from runbook.dns_records.resolver import DnsUnreachable, Resolver
from runbook.errors import ExitCode, StepFailed
from tests.dkim_keys import dkim_value
from tests.dnsmasq import DnsServer

NAME = record_name("google", "example.com")


def resolver(dns: DnsServer) -> Resolver:
    return Resolver.parse(dns.address)


def test_published_as_one_string(dns: DnsServer) -> None:
    value = dkim_value(1024)
    dns.publish(NAME, value)
    lookup = check_dkim(NAME, value, resolver(dns))
    assert (lookup.state, lookup.name, lookup.found) == ("published", NAME, (value,))
    assert lookup.reason == f"{NAME} serves the key"


def test_a_2048_bit_key_split_into_strings_of_one_record_is_published(dns: DnsServer) -> None:
    value = dkim_value(2048)
    dns.publish_value(NAME, value)
    assert len(dns.lookup(NAME)[0]) == 2  # the server serves two strings in one record
    assert txt_records(NAME, resolver(dns)) == [value]
    assert key_bits(txt_records(NAME, resolver(dns))[0]) == 2048
    assert check_dkim(NAME, value, resolver(dns)).state == "published"


def test_absent_when_the_name_does_not_exist(dns: DnsServer) -> None:
    dns.publish("other._domainkey.example.com", dkim_value(1024))
    lookup = check_dkim(NAME, dkim_value(1024), resolver(dns))
    assert (lookup.state, lookup.found) == ("absent", ())
    assert lookup.reason == f"{NAME} has no TXT record"


def test_absent_when_only_an_unrelated_record_is_there(dns: DnsServer) -> None:
    dns.publish(NAME, "google-site-verification=abc123")
    lookup = check_dkim(NAME, dkim_value(1024), resolver(dns))
    assert lookup.state == "absent"
    assert lookup.found == ("google-site-verification=abc123",)
    assert lookup.reason == f"{NAME} has no DKIM record, only 1 other TXT record"


def test_differs_when_another_key_is_published(dns: DnsServer) -> None:
    dns.publish_value(NAME, dkim_value(1024, 1))  # last year's key, say
    lookup = check_dkim(NAME, dkim_value(1024), resolver(dns))
    assert lookup.state == "differs"
    assert lookup.reason == f"{NAME} has a TXT record with another key"


def test_differs_when_a_dns_panel_truncated_the_key(dns: DnsServer) -> None:
    value = dkim_value(2048)
    dns.publish(NAME, value[:255])  # the first string only
    lookup = check_dkim(NAME, value, resolver(dns))
    assert lookup.state == "differs"
    assert "cut short" in lookup.reason and "truncated" in lookup.reason


@pytest.mark.parametrize("order", ["served", "reversed"])
def test_split_across_two_records(dns: DnsServer, order: str) -> None:
    value = dkim_value(2048)
    first, second = value[:255], value[255:]
    if order == "reversed":
        first, second = second, first
    dns.publish(NAME, first)
    dns.publish(NAME, second)
    lookup = check_dkim(NAME, value, resolver(dns))
    assert lookup.state == "split"
    assert sorted(lookup.found) == sorted([value[:255], value[255:]])
    assert lookup.reason == (
        f"{NAME} is split across 2 TXT records: publish it as one record of several strings"
    )


def test_published_beside_another_key_says_to_remove_it(dns: DnsServer) -> None:
    value = dkim_value(1024)
    dns.publish(NAME, value)
    dns.publish(NAME, dkim_value(1024, 1))
    lookup = check_dkim(NAME, value, resolver(dns))
    assert lookup.state == "published" and len(lookup.found) == 2
    assert "1 DKIM record with another key" in lookup.reason and "remove it" in lookup.reason


def test_names_are_compared_without_case_or_trailing_dot(dns: DnsServer) -> None:
    value = dkim_value(1024)
    dns.publish(NAME, value)
    lookup = check_dkim("Google._DomainKey.Example.COM.", value, resolver(dns))
    assert (lookup.state, lookup.name) == ("published", NAME)
    # The value is compared by its key: the console's copy may be folded differently.
    p = tags(value)["p"]
    assert check_dkim(NAME, f"v=DKIM1; k=rsa; p={p[:90]} {p[90:]}", resolver(dns)).published


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback UDP port that is bound (nobody else takes it) and never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        yield udp.getsockname()[1]


def test_a_silent_resolver_is_unreachable_and_named(silent_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(DnsUnreachable) as caught:
        check_dkim(NAME, dkim_value(1024), Resolver("127.0.0.1", silent_port), timeout_s=1)
    assert time.monotonic() - started < 3
    assert str(caught.value) == (
        f"the DNS resolver 127.0.0.1:{silent_port} did not answer looking up TXT {NAME}"
        " (timeout after 1 s)"
    )
    assert isinstance(caught.value, StepFailed) and caught.value.exit_code == ExitCode.STEP_FAILED


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A loopback UDP port whose server answers every query REFUSED (a resolver not open to us)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        udp.settimeout(0.05)
        done = threading.Event()

        def serve() -> None:
            while not done.is_set():
                try:
                    wire, peer = udp.recvfrom(4096)
                except TimeoutError:
                    continue
                answer = dns.message.make_response(dns.message.from_wire(wire))
                answer.set_rcode(dns.rcode.REFUSED)
                udp.sendto(answer.to_wire(), peer)

        server = threading.Thread(target=serve, daemon=True)
        server.start()
        yield udp.getsockname()[1]
        done.set()
        server.join()


def test_a_refusing_resolver_is_unreachable_and_says_so(refusing_port: int) -> None:
    with pytest.raises(DnsUnreachable) as caught:
        txt_records(NAME, Resolver("127.0.0.1", refusing_port), timeout_s=1)
    assert str(caught.value) == (
        f"the DNS resolver 127.0.0.1:{refusing_port} did not answer looking up TXT {NAME}"
        " (it refused the query)"
    )
