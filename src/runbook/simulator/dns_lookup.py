"""The DNS resolver the simulator is given (`--dns host:port`) and its TXT lookups (dnspython).

Start authentication looks the DKIM record up through it, as the real console looks it up in
public DNS. Each TXT record comes back as one value: its strings joined (a 2048-bit key's value
is longer than one 255-character string, so it is published as several strings in one record).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import dns.asyncresolver
import dns.exception
import dns.resolver

LOOKUP_SECONDS = 3.0


class ResolverError(ValueError):
    """A resolver address that is not `host:port`."""


class DnsUnavailable(Exception):
    """The resolver did not answer (or answered with a failure)."""


@dataclass(frozen=True)
class Resolver:
    """A DNS server to ask: an IP address and a port."""

    host: str
    port: int = 53

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @classmethod
    def parse(cls, text: str) -> Resolver:
        """`127.0.0.1:5353`, `[::1]:5353`, or an address alone (port 53)."""
        text = text.strip()
        host, port = text, "53"
        if text.startswith("["):
            host, closed, rest = text[1:].partition("]")
            if not closed:
                raise ResolverError(f"{text!r}: expected [address]:port")
            if rest:
                if not rest.startswith(":"):
                    raise ResolverError(f"{text!r}: expected [address]:port")
                port = rest[1:]
        elif text.count(":") == 1:
            host, port = text.split(":")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ResolverError(f"{text!r}: expected an IP address and a port, host:port") from None
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ResolverError(f"{text!r}: the port is a number from 1 to 65535")
        return cls(host, int(port))


async def txt_values(resolver: Resolver, name: str) -> list[str]:
    """The TXT records at `name`, each one's strings joined; [] when there is none.

    `DnsUnavailable` when the resolver does not answer or fails (SERVFAIL, REFUSED).
    """
    ask = dns.asyncresolver.Resolver(configure=False)
    ask.nameservers = [resolver.host]
    ask.port = resolver.port
    ask.lifetime = LOOKUP_SECONDS
    try:
        answer = await ask.resolve(name, "TXT", search=False, raise_on_no_answer=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []
    except (dns.exception.Timeout, dns.resolver.NoNameservers) as exc:
        raise DnsUnavailable(f"the DNS resolver {resolver} did not answer: {exc}") from None
    except dns.exception.DNSException as exc:
        raise DnsUnavailable(f"the DNS resolver {resolver} failed: {exc}") from None
    if answer.rrset is None:
        return []
    return [b"".join(rdata.strings).decode("utf-8", "replace") for rdata in answer.rrset]
