"""A real DNS server for the tests: dnsmasq on loopback, serving the TXT records a test publishes.

The test plays the DNS admin: `dns.publish(name, *strings)` adds one TXT record (several
character-strings in one record), `dns.publish_value(name, value)` one record holding `value`
split into 255-character strings (as a DNS panel that does it right), `dns.remove(name)`
takes every record at `name` away. dnsmasq reads `--txt-record` lines only when it starts
(SIGHUP re-reads hosts files, not its configuration), so each change restarts it on the same
port, and returns once the new records are served. Names it has no record for answer
NXDOMAIN (`--local=/#/`); nothing is forwarded anywhere.

Fixtures (imported by `tests/conftest.py`, so every test can ask for them):
`dns_server` (session: one dnsmasq per test process) and `dns` (per test: no records yet).
Give the simulator `dns.address` (`PUT /_sim/dns`, `runbook simulator --dns`), and the tool
its resolver option, and both look records up in it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dns import exception as dns_exception
from dns import resolver as dns_resolver

DNSMASQ = "dnsmasq"
DNSMASQ_PATHS = ("/usr/sbin/dnsmasq", "/usr/local/sbin/dnsmasq")
READY_NAME = "generation.runbook-tests.invalid"  # a record of ours: which start answers
READY_SECONDS = 10.0
MAX_STRING = 255  # one TXT character-string holds at most this many bytes


class DnsServerError(RuntimeError):
    """dnsmasq could not be started, or did not serve the records it was given."""


def dnsmasq_path() -> str | None:
    """The dnsmasq binary (Debian's `dnsmasq-base` puts it in /usr/sbin, often not on PATH)."""
    found = shutil.which(DNSMASQ)
    return found or next((p for p in DNSMASQ_PATHS if os.access(p, os.X_OK)), None)


def split_value(value: str) -> tuple[str, ...]:
    """A TXT value as the character-strings of one record: 255 characters each at most."""
    return tuple(value[i : i + MAX_STRING] for i in range(0, len(value), MAX_STRING)) or ("",)


def _free_port() -> int:
    """A port free on loopback for both UDP and TCP (dnsmasq takes both): the kernel picks a
    free UDP port, which another process may hold for TCP; then another one is tried."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port: int = udp.getsockname()[1]
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            try:
                tcp.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise DnsServerError("no port on 127.0.0.1 is free for both UDP and TCP")


class DnsServer:
    """dnsmasq on 127.0.0.1 (a free port), serving this object's TXT records."""

    def __init__(self, folder: Path, binary: str) -> None:
        self.folder = folder
        self.binary = binary
        self.host = "127.0.0.1"
        self.port = 0
        self._records: dict[str, list[tuple[str, ...]]] = {}
        self._process: subprocess.Popen[bytes] | None = None
        self._generation = 0

    @property
    def address(self) -> str:
        """`host:port`, as `--dns` and `PUT /_sim/dns` take it."""
        return f"{self.host}:{self.port}"

    # --- the DNS admin's side ---------------------------------------------------------------
    def publish(self, name: str, *strings: str) -> None:
        """Add one TXT record at `name` made of these character-strings, in this order."""
        for s in strings:
            if len(s.encode()) > MAX_STRING or '"' in s or "\\" in s or "\n" in s:
                raise ValueError(f"not a TXT character-string dnsmasq can serve as is: {s!r}")
        self._records.setdefault(self._name(name), []).append(tuple(strings) or ("",))
        self._restart()

    def publish_value(self, name: str, value: str) -> None:
        """Add one TXT record holding `value`, split into 255-character strings."""
        self.publish(name, *split_value(value))

    def remove(self, name: str) -> None:
        """Take every TXT record at `name` away."""
        if self._records.pop(self._name(name), None) is not None:
            self._restart()

    def clear(self) -> None:
        """No record at all."""
        if self._records:
            self._records = {}
            self._restart()

    def records(self) -> dict[str, list[tuple[str, ...]]]:
        """Every record served: name -> its records, each the tuple of its strings."""
        return {name: list(rs) for name, rs in self._records.items()}

    def lookup(self, name: str) -> list[tuple[str, ...]]:
        """What the server answers for `name` (TXT), each record's strings: a check of the
        server itself, as `dig @host -p port name TXT` would show it."""
        resolver = self._resolver(2.0)
        try:
            answer = resolver.resolve(name, "TXT", search=False, raise_on_no_answer=False)
        except dns_resolver.NXDOMAIN:
            return []
        if answer.rrset is None:
            return []
        return [tuple(s.decode() for s in rdata.strings) for rdata in answer.rrset]

    @staticmethod
    def _name(name: str) -> str:
        return name.lower().rstrip(".")

    # --- the server -------------------------------------------------------------------------
    def start(self) -> None:
        """Start dnsmasq on a free port (another one if that port is taken meanwhile)."""
        last: DnsServerError | None = None
        for _ in range(5):
            self.port = _free_port()
            try:
                self._restart()
                return
            except DnsServerError as exc:
                last = exc
        raise last or DnsServerError("dnsmasq did not start")

    def stop(self) -> None:
        """Stop dnsmasq (the port is free again)."""
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def _config(self) -> Path:
        self._generation += 1
        lines = [f'txt-record={READY_NAME},"{self._generation}"']
        for name, records in self._records.items():
            lines += [f"txt-record={name}," + ",".join(f'"{s}"' for s in r) for r in records]
        path = self.folder / "records.conf"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def _restart(self) -> None:
        self.stop()
        config = self._config()
        log = self.folder / "dnsmasq.log"
        command = [
            self.binary,
            "--keep-in-foreground",
            f"--port={self.port}",
            f"--listen-address={self.host}",
            "--bind-interfaces",
            "--no-resolv",
            "--no-hosts",
            "--no-poll",
            "--local=/#/",  # every name is ours: one without a record is NXDOMAIN
            f"--conf-file={config}",
            f"--pid-file={self.folder / 'dnsmasq.pid'}",
            f"--log-facility={log}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--user=root")  # it reads nothing after start, but stays ours
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(self.folder / "dnsmasq.out", "ab"))
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
            )
        self._wait_ready()

    def _resolver(self, lifetime: float) -> dns_resolver.Resolver:
        resolver = dns_resolver.Resolver(configure=False)
        resolver.nameservers = [self.host]
        resolver.port = self.port
        resolver.lifetime = lifetime
        return resolver

    def _wait_ready(self) -> None:
        """Until this start's records are served (its generation answers)."""
        deadline = time.monotonic() + READY_SECONDS
        resolver = self._resolver(0.05)  # dnsmasq answers in a millisecond once up
        want = (str(self._generation).encode(),)
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                output = (self.folder / "dnsmasq.out").read_text(errors="replace")[-2000:]
                raise DnsServerError(f"dnsmasq exited ({self._process.returncode}): {output}")
            with contextlib.suppress(dns_exception.DNSException):
                answer = resolver.resolve(READY_NAME, "TXT", search=False)
                if answer.rrset is not None and any(r.strings == want for r in answer.rrset):
                    return
            time.sleep(0.01)
        self.stop()
        raise DnsServerError(f"dnsmasq on {self.address} did not answer within {READY_SECONDS}s")


@pytest.fixture(scope="session")
def dns_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DnsServer]:
    """One dnsmasq for the test process (Debian: `apt-get install dnsmasq-base`, which
    `scripts/test` does)."""
    binary = dnsmasq_path()
    if binary is None:
        pytest.fail("dnsmasq is not installed: apt-get install dnsmasq-base (scripts/test does)")
    server = DnsServer(tmp_path_factory.mktemp("dns"), binary)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def dns(dns_server: DnsServer) -> DnsServer:
    """The test process's DNS server, with no record yet: the test publishes what it needs."""
    dns_server.clear()
    return dns_server
