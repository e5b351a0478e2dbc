"""The organization's domains and their DKIM keys: the state document's `domains`, real keys.

A domain is `{"name", "kind": primary | secondary | alias, "dkim": {...}}`. Its `dkim`:
`status` (`no_key`, `not_started`, `authenticating`, `stopped`), `too_early` (Gmail turned on
too recently: generating is refused), and with a key its `selector`, `key_bits` (2048 | 1024)
and `txt_value` (`v=DKIM1; k=rsa; p=<base64>`, a real RSA public key). `active`: while a
newer key waits for Start authentication, the key that still signs (`selector`, `key_bits`,
`txt_value`); Start with the newer key drops it.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from runbook.simulator.validation import Invalid, Json

DomainKind = Literal["primary", "secondary", "alias"]
Status = Literal["no_key", "not_started", "authenticating", "stopped"]
DOMAIN_KINDS: tuple[DomainKind, ...] = ("primary", "secondary", "alias")
STATUSES: tuple[Status, ...] = ("no_key", "not_started", "authenticating", "stopped")
KEY_BITS = (2048, 1024)  # the dialog's order: 2048 recommended
DEFAULT_SELECTOR = "google"
DEFAULT_KEY_BITS = 2048
TXT_PREFIX = "v=DKIM1; k=rsa; p="
DEFAULT_DOMAIN = "example.com"  # the top OU's name (`org_top`)

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_DOMAIN_KEYS = ("name", "kind", "dkim")
_DKIM_KEYS = ("status", "too_early", "selector", "key_bits", "txt_value", "active")
_KEY_KEYS = ("selector", "key_bits", "txt_value")


def _bad(field: str, detail: str) -> Invalid:
    return Invalid("err_bad_request", field, detail)


def no_key(*, too_early: bool = False) -> Json:
    """The `dkim` of a domain without a key."""
    return {"status": "no_key", "too_early": too_early}


def default_domains() -> list[Json]:
    """The domains of a state that names none: the primary domain, without a key."""
    return [{"name": DEFAULT_DOMAIN, "kind": "primary", "dkim": no_key()}]


def host_name(selector: str) -> str:
    """What the page shows as the record's name: `<selector>._domainkey`."""
    return f"{selector}._domainkey"


def record_name(selector: str, domain: str) -> str:
    """The TXT record's full DNS name: `<selector>._domainkey.<domain>`."""
    return f"{host_name(selector)}.{domain}"


# --- keys ---------------------------------------------------------------------------------
def new_txt_value(key_bits: int) -> str:
    """A fresh RSA key's TXT record value (its private half is not kept: nothing signs here)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=key_bits)
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return TXT_PREFIX + base64.b64encode(der).decode("ascii")


def public_key_bits(txt_value: str) -> int | None:
    """The size of the RSA key in a TXT value of ours, or None when it holds none."""
    if not txt_value.startswith(TXT_PREFIX):
        return None
    try:
        der = base64.b64decode(txt_value[len(TXT_PREFIX) :], validate=True)
        key = serialization.load_der_public_key(der)
    except (ValueError, binascii.Error):
        return None
    return key.key_size if isinstance(key, rsa.RSAPublicKey) else None


def dkim_tags(value: str) -> dict[str, str]:
    """The tags of a DKIM record (`v=DKIM1; k=rsa; p=...`), whitespace removed (RFC 6376)."""
    tags: dict[str, str] = {}
    for part in re.sub(r"\s+", "", value).split(";"):
        name, eq, tag_value = part.partition("=")
        if eq and name and name not in tags:
            tags[name] = tag_value
    return tags


def same_key(published: str, txt_value: str) -> bool:
    """Whether a TXT record's value (its strings joined) publishes the key of `txt_value`."""
    theirs, ours = dkim_tags(published), dkim_tags(txt_value)
    return (
        theirs.get("v", "DKIM1") == "DKIM1"
        and theirs.get("k", "rsa") == "rsa"
        and bool(theirs.get("p"))
        and theirs.get("p") == ours.get("p")
    )


# --- checks ---------------------------------------------------------------------------------
def selector_problem(selector: Any) -> str | None:
    """Why `selector` is not a prefix selector (one DNS label), or None."""
    if not isinstance(selector, str) or not _LABEL.match(selector.lower()):
        return "a selector is one DNS label: 1-63 letters, digits or hyphens, no hyphen at an end"
    return None


def check_selector(raw: Any, field: str = "selector") -> str:
    """A prefix selector, lower case; `Invalid` (`err_dkim_selector`) otherwise."""
    selector = raw.strip() if isinstance(raw, str) else raw
    problem = selector_problem(selector)
    if problem:
        raise Invalid("err_dkim_selector", field, problem)
    assert isinstance(selector, str)
    return selector.lower()


def check_key_bits(raw: Any, field: str = "key_bits") -> int:
    """2048 or 1024; `Invalid` (`err_dkim_key_bits`) otherwise."""
    if isinstance(raw, bool) or not isinstance(raw, int) or raw not in KEY_BITS:
        raise Invalid("err_dkim_key_bits", field, "key_bits is 2048 or 1024")
    return raw


def _key(raw: Mapping[str, Any], field: str, *, generate: bool) -> Json:
    """A key's `selector`, `key_bits`, `txt_value` (a real key made when none is given)."""
    selector = check_selector(raw.get("selector", DEFAULT_SELECTOR), f"{field}.selector")
    bits = check_key_bits(raw.get("key_bits", DEFAULT_KEY_BITS), f"{field}.key_bits")
    value = raw.get("txt_value")
    if value is None and generate:
        value = new_txt_value(bits)
    if not isinstance(value, str) or public_key_bits(value) != bits:
        raise _bad(
            f"{field}.txt_value", f"expected '{TXT_PREFIX}<base64>' with a {bits}-bit RSA key"
        )
    return {"selector": selector, "key_bits": bits, "txt_value": value}


def check_dkim(raw: Any, field: str) -> Json:
    """A domain's `dkim`, canonical; a key without `txt_value` gets a fresh real one."""
    if raw is None:
        return no_key()
    if not isinstance(raw, Mapping):
        raise _bad(field, "expected an object")
    unknown = sorted(set(raw) - set(_DKIM_KEYS))
    if unknown:
        raise _bad(field, f"unknown field(s) {', '.join(unknown)}")
    has_key = any(k in raw for k in _KEY_KEYS)
    status = raw.get("status", "not_started" if has_key else "no_key")
    if status not in STATUSES:
        raise _bad(f"{field}.status", f"one of {', '.join(STATUSES)}")
    too_early = raw.get("too_early", False)
    if not isinstance(too_early, bool):
        raise _bad(f"{field}.too_early", "expected true or false")
    if status == "no_key":
        if has_key or "active" in raw:
            raise _bad(field, "a domain with status no_key has no key")
        return no_key(too_early=too_early)
    out: Json = {"status": status, "too_early": too_early, **_key(raw, field, generate=True)}
    active = raw.get("active")
    if active is not None:
        if status == "authenticating":
            raise _bad(f"{field}.active", "only a key not started yet has an older active key")
        if not isinstance(active, Mapping) or set(active) - set(_KEY_KEYS):
            raise _bad(f"{field}.active", "expected {selector, key_bits, txt_value}")
        out["active"] = _key(active, f"{field}.active", generate=True)
    return out


def domain_problem(name: Any) -> str | None:
    """Why `name` is not a domain name, or None."""
    if not isinstance(name, str) or len(name) > 253 or "." not in name:
        return "a domain name like example.com"
    if not all(_LABEL.match(label) for label in name.lower().split(".")):
        return "a domain name like example.com"
    return None


def check_domains(raw: Any) -> list[Json]:
    """The `domains` of a state document, canonical: one primary, each named once (a domain
    without `kind`: primary when listed first, else secondary)."""
    if raw is None:
        return default_domains()
    if not isinstance(raw, list) or not raw:
        raise _bad("domains", "a non-empty list of {name, kind, dkim}")
    out: list[Json] = []
    for i, entry in enumerate(raw):
        field = f"domains.{i}"
        if not isinstance(entry, Mapping):
            raise _bad(field, "expected an object")
        unknown = sorted(set(entry) - set(_DOMAIN_KEYS))
        if unknown:
            raise _bad(field, f"unknown field(s) {', '.join(unknown)}")
        problem = domain_problem(entry.get("name"))
        if problem:
            raise _bad(f"{field}.name", problem)
        name = str(entry["name"]).lower()
        if any(d["name"] == name for d in out):
            raise _bad(f"{field}.name", f"{name} is listed twice")
        kind = entry.get("kind", "secondary" if out else "primary")
        if kind not in DOMAIN_KINDS:
            raise _bad(f"{field}.kind", f"one of {', '.join(DOMAIN_KINDS)}")
        out.append(
            {"name": name, "kind": kind, "dkim": check_dkim(entry.get("dkim"), f"{field}.dkim")}
        )
    primaries = [d["name"] for d in out if d["kind"] == "primary"]
    if len(primaries) != 1:
        raise _bad("domains", f"exactly one primary domain (found {len(primaries)})")
    return out
