"""Checks of single values: ports, host names, IP addresses, email addresses, patterns, URLs."""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Iterable

from runbook.target import NotAConsoleUrl, parse_console_url

ALLOWED_PORTS_TEXT = "25, 587 or 1024-65535"
MAX_HOSTS_PER_TABLE = 10  # rows the console accepts in each of the Primary / Secondary tables
MAX_NAME_LENGTH = 256

_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_DOTTED_NUMBERS = re.compile(r"^[0-9.]+$")
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")


def port_problem(port: int) -> str | None:
    """Why `port` cannot be used for a mail route, or None when the console accepts it."""
    if port == 465:
        return (
            "port 465 is not allowed for a mail route (the console refuses it: SMTPS on 465 is "
            "not supported); use 25 or 587 (STARTTLS), or a port in 1024-65535"
        )
    if port in (25, 587) or 1024 <= port <= 65535:
        return None
    return f"port {port} is not allowed; the console accepts {ALLOWED_PORTS_TEXT}"


def load_total_problem(which: str, loads: list[int]) -> str | None:
    """Why the % loads of a Primary/Secondary table are wrong (they must total 100), or None."""
    total = sum(loads)
    if not loads or total == 100:
        return None
    shown = " + ".join(str(load) for load in loads)
    return f"the loads of the {which} table total {total} ({shown}); they must total 100"


def is_ip_address(text: str) -> bool:
    """True when `text` is an IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def host_problem(host: str) -> str | None:
    """Why `host` is neither a host name nor an IP address, or None when it is well formed."""
    if not host:
        return "the host is empty; give a host name or an IP address"
    if host != host.strip():
        return f"host {host!r} has leading or trailing spaces"
    if is_ip_address(host):
        return None
    if ":" in host:
        return f"{host!r} is not a valid IPv6 address (and a host name cannot contain ':')"
    if _DOTTED_NUMBERS.match(host):
        return f"{host!r} is not a valid IPv4 address"
    return hostname_problem(host, what="host name")


def hostname_problem(name: str, *, what: str = "host name") -> str | None:
    """Why `name` is not a well-formed DNS host name (RFC 1123), or None."""
    if len(name) > 253:
        return f"the {what} is longer than 253 characters"
    if name.endswith("."):
        return f"{what} {name!r} ends with a dot; leave the final dot out"
    labels = name.split(".")
    for label in labels:
        if not label:
            return f"{what} {name!r} has an empty label (two dots in a row, or a leading dot)"
        if not _LABEL.match(label):
            return (
                f"{what} {name!r} is not well formed: each dot-separated part must be 1-63 "
                "letters, digits or hyphens, not starting or ending with a hyphen"
            )
    if labels[-1].isdigit():
        return f"{what} {name!r} is not well formed: the last part cannot be all digits"
    return None


def address_problem(address: str, *, what: str = "email address") -> str | None:
    """Why `address` is not a valid email address (local@domain.tld), or None."""
    if address != address.strip():
        return f"{what} {address!r} has leading or trailing spaces"
    local, sep, domain = address.rpartition("@")
    if not sep or not local or not domain:
        return f"{address!r} is not a valid {what}: expected name@domain"
    if len(local) > 64 or not _LOCAL_PART.match(local):
        return f"{address!r} is not a valid {what}: the part before '@' is not well formed"
    if "." not in domain:
        return f"{address!r} is not a valid {what}: the domain needs a dot (example.com)"
    problem = hostname_problem(domain, what="domain")
    if problem:
        return f"{address!r} is not a valid {what}: {problem}"
    return None


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` is not a regular expression that compiles (Python `re`), or None."""
    if not pattern:
        return "the pattern is empty"
    try:
        re.compile(pattern)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        return f"the pattern is not a valid regular expression: {exc.msg}{where}"
    except (RecursionError, OverflowError, ValueError) as exc:  # pathological input
        return f"the pattern is not a valid regular expression: {exc}"
    return None


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def console_url_problem(url: str) -> str | None:
    """Why `url` cannot be a console URL: an origin (and `/u/N/`), https or http on loopback."""
    try:
        parsed = parse_console_url(url)
    except NotAConsoleUrl as exc:
        return str(exc)
    if parsed.scheme == "http" and not is_loopback_host(parsed.host):
        return (
            f"the console URL must use https ({url!r} uses plain http); plain http is allowed "
            "only on a loopback address such as http://127.0.0.1:8765, for the simulator"
        )
    return None


def org_unit_problem(path: str) -> str | None:
    """Why `path` is not an organizational-unit path like `/` or `/Sales/EMEA`, or None."""
    if not path.startswith("/"):
        return f"organizational unit {path!r} must start with '/' (the top level is '/')"
    if path != "/" and (path.endswith("/") or "//" in path):
        return f"organizational unit {path!r} has an empty part; write it like /Sales/EMEA"
    return None


def text_problem(text: str, *, what: str) -> str | None:
    """Why `text` cannot be a console name or description (empty, padded, multi-line)."""
    if not text.strip():
        return f"the {what} is empty; the console cannot save an entry without one"
    if text != text.strip():
        return f"the {what} {text!r} has leading or trailing spaces (the console would trim them)"
    if "\n" in text or "\r" in text:
        return f"the {what} must be a single line"
    if len(text) > MAX_NAME_LENGTH:
        return f"the {what} is longer than {MAX_NAME_LENGTH} characters"
    return None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when a choice is close to `word`, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    """`a, b or c` for a message."""
    items = [repr(c) for c in choices]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def match_problem(match: str, value: str) -> str | None:
    """Why `value` cannot be matched as `match` (pattern, group, else an address), or None."""
    if match == "pattern":
        return pattern_problem(value)
    if match == "group":
        return address_problem(value, what="group address")
    return address_problem(value)
