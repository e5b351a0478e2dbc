"""Which DNS server a run asks (`--dns-resolver`): a value of its own, so that a run holds
one without loading the resolver library (`.lookup` asks it)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from runbook.errors import StepFailed


class DnsUnreachable(StepFailed):
    """The DNS resolver gave no usable answer (timeout, refused, network): nothing is known of
    the record; the message names the resolver and the name looked up."""


@dataclass(frozen=True)
class Resolver:
    """The DNS server to ask: an IP address and port, or (address None) the system's own."""

    address: str | None
    port: int = 53

    def __str__(self) -> str:
        if self.address is None:
            return "the system resolver"
        if ":" in self.address:
            return f"[{self.address}]:{self.port}"
        return f"{self.address}:{self.port}"

    def described(self) -> str:
        """The resolver as a message names it: "the DNS resolver 127.0.0.1:5353"."""
        return str(self) if self.address is None else f"the DNS resolver {self}"

    @classmethod
    def system(cls) -> Resolver:
        """The machine's resolver, as /etc/resolv.conf names it."""
        return cls(None)

    @classmethod
    def parse(cls, text: str) -> Resolver:
        """`127.0.0.1:5353`, `127.0.0.1` (port 53), `[::1]:5353` or `::1`; `ValueError` with a
        one-line reason for anything else."""
        text = text.strip()
        host, port = text, "53"
        if text.startswith("["):
            host, closed, rest = text[1:].partition("]")
            if not closed or (rest and not rest.startswith(":")):
                raise ValueError(f"{text!r} is not a resolver: write an IPv6 one as [address]:port")
            port = rest[1:] if rest else port
        elif text.count(":") == 1:
            host, port = text.split(":")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(
                f"{text!r} is not a resolver: give an IP address and a port, host:port"
            ) from None
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"{text!r} is not a resolver: its port is a number from 1 to 65535")
        return cls(host, int(port))
