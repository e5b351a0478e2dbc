"""DKIM values and names: selectors, record names, tag lists and the key a TXT value carries."""

from __future__ import annotations

import base64
import binascii
import re

DOMAINKEY = "_domainkey"
SELECTOR_RULE = (
    "a selector is one DNS label: 1-63 letters, digits or hyphens, no hyphen at either end"
)
# The key lengths the console's "Generate new record" dialog offers, the recommended one first.
KEY_BITS = (2048, 1024)

_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def host_name(selector: str) -> str:
    """The record's host name within its domain, as the console shows it: `google._domainkey`."""
    return f"{selector}.{DOMAINKEY}".lower()


def record_name(selector: str, domain: str) -> str:
    """The record's full name, lower case, no trailing dot: `google._domainkey.example.com`."""
    return f"{host_name(selector)}.{domain.strip().rstrip('.')}".lower()


def selector_of(host_name: str) -> str | None:
    """The selector of a host name or full record name (`google` for `google._domainkey` or
    `google._domainkey.example.com`); None for a blank name or one without `._domainkey`."""
    labels = host_name.strip().rstrip(".").lower().split(".")
    if DOMAINKEY not in labels[1:]:
        return None
    selector = ".".join(labels[: labels.index(DOMAINKEY, 1)])
    return selector or None


def selector_problem(selector: object) -> str | None:
    """Why `selector` cannot be a DKIM selector (one sentence), or None when it can."""
    if not isinstance(selector, str):
        return f"the selector must be text, not {type(selector).__name__}: {SELECTOR_RULE}"
    if not _LABEL.fullmatch(selector):
        return f"{selector!r} is not a selector: {SELECTOR_RULE}"
    return None


def tags(value: str) -> dict[str, str]:
    """A DKIM tag=value list as a mapping: `v=DKIM1; k=rsa; p=MIIB...` -> {v, k, p}.

    Whitespace inside a value is removed (DKIM allows a value to be folded, and a key split
    across character-strings may carry spaces); parts without `=` are ignored, and a tag
    given twice keeps its first value.
    """
    found: dict[str, str] = {}
    for part in value.split(";"):
        name, equals, raw = part.partition("=")
        name = name.strip()
        if equals and name:
            found.setdefault(name, "".join(raw.split()))
    return found


def public_key_bytes(txt_value: str) -> bytes | None:
    """The DER bytes of the `p=` public key of a DKIM value; None when absent or not base64."""
    encoded = tags(txt_value).get("p")
    if not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None


def key_bits(txt_value: str) -> int | None:
    """The size in bits of the RSA key a DKIM value carries; None when it carries none we read."""
    der = public_key_bytes(txt_value)
    if der is None:
        return None
    from cryptography.hazmat.primitives.asymmetric import rsa  # only where a key is read
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    try:
        key = load_der_public_key(der)
    except (ValueError, TypeError):
        return None
    return key.key_size if isinstance(key, rsa.RSAPublicKey) else None


def same_key(published: str, shown: str) -> bool:
    """Whether a published TXT value carries the key of the value the console shows: the
    same non-empty `p=`, with `v=DKIM1` and `k=rsa` or those tags left out."""
    theirs, ours = tags(published), tags(shown)
    if theirs.get("v", "DKIM1") != "DKIM1" or theirs.get("k", "rsa") != "rsa":
        return False
    key = ours.get("p", "")
    return bool(key) and theirs.get("p") == key


def is_dkim(txt_value: str) -> bool:
    """Whether a TXT value is meant as a DKIM key record (`v=DKIM1`, or a `p=` tag)."""
    found = tags(txt_value)
    return found.get("v") == "DKIM1" or "p" in found
