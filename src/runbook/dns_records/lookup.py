"""TXT lookups in DNS (dnspython), and whether DNS serves the DKIM record the console shows."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver

from runbook.dns_records.dkim import is_dkim, same_key, tags
from runbook.dns_records.resolver import DnsUnreachable, Resolver

# Records at one name tried in every order to find a value split across records: beyond this
# many, only the order the server gave is tried (6 records make 1,950 orders).
MAX_PERMUTED = 6

State = Literal["published", "absent", "differs", "split"]


def _absolute(name: str) -> dns.name.Name:
    try:
        return dns.name.from_text(name.strip())
    except dns.exception.DNSException as exc:
        raise ValueError(f"{name!r} is not a DNS name: {exc}") from None


def _why(exc: dns.exception.DNSException, timeout_s: float) -> str:
    if isinstance(exc, dns.exception.Timeout):
        return f"timeout after {timeout_s:g} s"
    if isinstance(exc, dns.resolver.NoResolverConfiguration):
        return "no resolver is configured in /etc/resolv.conf"
    if isinstance(exc, dns.resolver.NoNameservers):
        errors = exc.kwargs.get("errors") or []
        answers = {str(e[4].rcode().name) for e in errors if len(e) > 4 and e[4] is not None}
        if answers == {"REFUSED"}:
            return "it refused the query"
        if answers:
            return "its reply was " + ", ".join(sorted(answers))
        failures = {str(e[3]) for e in errors if len(e) > 3}
        return "; ".join(sorted(failures)) or "no usable answer"
    return str(exc) or type(exc).__name__


def txt_records(name: str, resolver: Resolver, timeout_s: float = 5.0) -> list[str]:
    """Each TXT record at `name`, its character-strings joined in order; [] when the name does
    not exist or holds no TXT record. `DnsUnreachable` when the resolver gives no answer."""
    qname = _absolute(name)
    shown = qname.to_text(omit_final_dot=True)
    try:
        ask = dns.resolver.Resolver(configure=resolver.address is None)
        if resolver.address is not None:
            ask.nameservers = [resolver.address]
            ask.port = resolver.port
        ask.lifetime = timeout_s
        ask.cache = None
        answer = ask.resolve(qname, dns.rdatatype.TXT, search=False, raise_on_no_answer=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []
    except dns.exception.DNSException as exc:
        raise DnsUnreachable(
            f"{resolver.described()} did not answer looking up TXT {shown} ({_why(exc, timeout_s)})"
        ) from exc
    if answer.rrset is None:
        return []
    return [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer.rrset]


@dataclass(frozen=True)
class Lookup:
    """What DNS serves at a DKIM record's name, against the value the console shows.

    `published`: one record carries the console's key; `split`: two or more records carry it
    only together (a DNS mistake: it must be one record of several strings); `differs`: a DKIM
    record is there with another key; `absent`: no DKIM record at all. `found` holds every TXT
    record served there; `reason` says it in one sentence.
    """

    state: State
    name: str
    found: tuple[str, ...]
    reason: str

    @property
    def published(self) -> bool:
        """Whether DNS serves the console's key: Start authentication can succeed."""
        return self.state == "published"


def _orders(records: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Two or more of `records` in each order: the served order first."""
    yield records
    if len(records) <= MAX_PERMUTED:
        for count in range(2, len(records) + 1):
            yield from itertools.permutations(records, count)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def judge(name: str, found: tuple[str, ...], shown_value: str) -> Lookup:
    """The `Lookup` for the TXT records `found` at `name` (as `txt_records` gives them)."""
    matching = [r for r in found if same_key(r, shown_value)]
    others = [r for r in found if is_dkim(r) and not same_key(r, shown_value)]
    if matching:
        reason = f"{name} serves the key"
        if others:
            reason += (
                f", beside {_plural(len(others), 'DKIM record')} with another key"
                " that verifiers may pick instead: remove it"
            )
        return Lookup("published", name, found, reason)
    if len(found) > 1 and any(same_key("".join(o), shown_value) for o in _orders(found)):
        return Lookup(
            "split",
            name,
            found,
            f"{name} is split across {len(found)} TXT records: publish it as one record of"
            " several strings",
        )
    if others:
        key, theirs = tags(shown_value).get("p", ""), tags(others[0]).get("p", "")
        if theirs and key.startswith(theirs):
            detail = (
                f"with the key cut short ({len(theirs)} of {len(key)} characters):"
                " the DNS host may have truncated it"
            )
        elif not theirs:
            detail = "with an empty key (a revoked key)"
        else:
            detail = "with another key"
        return Lookup("differs", name, found, f"{name} has a TXT record {detail}")
    if found:
        reason = f"{name} has no DKIM record, only {_plural(len(found), 'other TXT record')}"
        return Lookup("absent", name, found, reason)
    return Lookup("absent", name, found, f"{name} has no TXT record")


def check_dkim(name: str, shown_value: str, resolver: Resolver, timeout_s: float = 5.0) -> Lookup:
    """Whether DNS, asked through `resolver`, serves at `name` the DKIM value the console shows.

    `DnsUnreachable` when the resolver does not answer: that is no verdict on the record.
    """
    shown = name.strip().rstrip(".").lower()
    return judge(shown, tuple(txt_records(shown, resolver, timeout_s)), shown_value)
