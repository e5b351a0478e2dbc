"""Console addresses: an origin (and a `/u/N/` account prefix) parsed, refused or normalised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from runbook.defaults import CONSOLE
from runbook.errors import UsageError

DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}  # one host for the run lock
DEFAULT_CONSOLE = CONSOLE  # the console a runbook without a URL is for
EXAMPLE = DEFAULT_CONSOLE

DEFAULT_ACCOUNT = "/u/0"  # what the bare origin opens
_ACCOUNT_PREFIX = re.compile(r"^(/u/[0-9]+)(/.*)?$")
_HOST_NAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$")
_IPV6 = re.compile(r"^[0-9a-f:.]+$")


class NotAConsoleUrl(ValueError):
    """Text that is not a console origin; the message says why and what to write instead."""


@dataclass(frozen=True)
class ConsoleUrl:
    """A console origin: scheme and host lower-case, an explicit port, an optional `/u/N`."""

    scheme: str
    host: str  # an IPv6 address without its brackets
    port: int
    prefix: str = ""  # "" or "/u/N" (the account index of a signed-in browser)

    @property
    def url(self) -> str:
        """The address pages are reached under (the default port left out)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if self.port == DEFAULT_PORTS[self.scheme] else f":{self.port}"
        return f"{self.scheme}://{host}{port}{self.prefix}"

    @property
    def key(self) -> str:
        """One text per console: localhost, 127.0.0.1 and ::1 are the same loopback host, and
        `/u/0` (the browser's first account) is the bare origin, which opens that account."""
        host = "loopback" if self.host in LOOPBACK_NAMES else self.host
        prefix = "" if self.prefix == DEFAULT_ACCOUNT else self.prefix
        return f"{self.scheme}://{host}:{self.port}{prefix}"


def parse_console_url(text: str) -> ConsoleUrl:
    """The console origin `text` names, or `NotAConsoleUrl` saying what is wrong with it."""
    if "://" not in text:
        hint = f"https://{text}" if _HOST_NAME.match(text.lower()) else EXAMPLE
        raise NotAConsoleUrl(f"{text!r} is not a URL; write the console's address, e.g. {hint}")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise NotAConsoleUrl(f"{text!r} is not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise NotAConsoleUrl(
            f"{text!r} is not an http(s) URL; the console is reached over https "
            f"(e.g. {EXAMPLE}), or plain http on a loopback address"
        )
    if "@" in parts.netloc:
        raise NotAConsoleUrl("the console URL must not contain a user name or password")
    host = _host(text, parts.netloc)
    port = _port(text, parts.netloc, scheme)
    origin = ConsoleUrl(scheme, host, port)
    if parts.query or parts.fragment or text.rstrip().endswith(("?", "#")):
        what = "query string" if parts.query or text.rstrip().endswith("?") else "fragment"
        raise NotAConsoleUrl(
            f"{text!r} has a {what}: drop it: use {origin.url} (--locale picks the language)"
        )
    return ConsoleUrl(scheme, host, port, _prefix(text, parts.path, origin))


def console_key(text: str) -> str:
    """The normalised form of a console address (the text itself when it is not one)."""
    try:
        return parse_console_url(text).key
    except NotAConsoleUrl:
        return text


def _host(text: str, netloc: str) -> str:
    if netloc.startswith("["):
        host, sep, _ = netloc[1:].partition("]")
        if sep and _IPV6.match(host.lower()) and ":" in host:
            return host.lower()
        raise NotAConsoleUrl(f"{text!r} has no valid host (an IPv6 address goes in [brackets])")
    host = netloc.rpartition(":")[0] if ":" in netloc else netloc
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        ascii_host = ""
    if not ascii_host or not _HOST_NAME.match(ascii_host):
        raise NotAConsoleUrl(f"{text!r} has no valid host name (e.g. {EXAMPLE})")
    return ascii_host.rstrip(".")


def _port(text: str, netloc: str, scheme: str) -> int:
    after = netloc.rpartition("]")[2] if netloc.startswith("[") else netloc
    if ":" not in after:
        return DEFAULT_PORTS[scheme]
    digits = after.rpartition(":")[2]
    if not digits:
        return DEFAULT_PORTS[scheme]
    if not digits.isdigit():
        raise NotAConsoleUrl(f"{text!r} has a port that is not a number: {digits!r}")
    if not 1 <= int(digits) <= 65535:
        raise NotAConsoleUrl(f"{text!r} has port {digits}, out of range (1-65535)")
    return int(digits)


def _prefix(text: str, path: str, origin: ConsoleUrl) -> str:
    """The `/u/N` account prefix of `path`; any other path is refused."""
    path = re.sub("/+", "/", path).rstrip("/")
    match = _ACCOUNT_PREFIX.match(path)
    prefix, rest = (match.group(1), match.group(2)) if match else ("", path)
    if rest:
        keep = f"{origin.url}{prefix}/" if prefix else origin.url
        raise NotAConsoleUrl(
            f"{text!r} has a path ({rest}): runbook finds the pages itself; "
            f"drop the path: use {keep}"
        )
    return prefix


def console_url(text: str) -> str:
    """The normalised address of the console `text` names; `UsageError` when it names none."""
    try:
        return parse_console_url(text).url
    except NotAConsoleUrl as exc:
        raise UsageError(f"not a console address: {exc}") from None
