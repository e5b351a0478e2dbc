"""Server-side checks of what a rule does to a message (Reject / Modify and its option groups).

Shared by the dialogs that offer "Modify message" / "Reject message" (Routing, Default routing):
`normalize_options(raw, action, route_names)` gives the canonical option fields, the console's
defaults for a new entry filling what the request leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

Json = dict[str, Any]

ENVELOPE_PARTS = ("recipient", "username", "domain")
OPTION_KEYS = (
    "rejection_notice",
    "headers",
    "prepend_subject",
    "also_reroute_spam",
    "suppress_bounces",
    "change_envelope_recipient",
    "bypass_spam_filter",
    "remove_attachments",
    "also_deliver_to",
    "require_secure_transport",
)
_FLAGS = (
    "also_reroute_spam",
    "suppress_bounces",
    "bypass_spam_filter",
    "remove_attachments",
    "require_secure_transport",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HEADER_KEY = re.compile(r"^[!-9;-~]+$")
_USERNAME = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


class OptionInvalid(Exception):
    """A value the console refuses: an i18n message key, its field and a detail."""

    def __init__(self, key: str, field: str, detail: str = "") -> None:
        super().__init__(f"{field}: {key}")
        self.key, self.field, self.detail = key, field, detail


def new_options() -> Json:
    """The options of a new entry: nothing done to the message."""
    return {
        "rejection_notice": None,
        "headers": {"x_gm_original_to": False, "x_gm_spam": False, "custom": []},
        "prepend_subject": None,
        "also_reroute_spam": False,
        "suppress_bounces": False,
        "change_envelope_recipient": None,
        "bypass_spam_filter": False,
        "remove_attachments": False,
        "also_deliver_to": [],
        "require_secure_transport": False,
    }


def _bad(field: str, detail: str) -> OptionInvalid:
    return OptionInvalid("err_bad_request", field, detail)


def _object(value: Any, field: str, keys: Collection[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(field, "expected an object")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise _bad(field, f"unknown field(s) {', '.join(unknown)}")
    return value


def _bool(value: Any, field: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _bad(field, "expected true or false")
    return value


def _text(value: Any, field: str, missing: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad(field, "expected text")
    if not value.strip():
        raise OptionInvalid(missing, field)
    return value.strip()


def check_email(value: Any, field: str) -> str:
    """An email address, trimmed."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise OptionInvalid("err_value_required", field)
    if not _EMAIL.match(text):
        raise OptionInvalid("err_email_invalid", field)
    return text


def _headers(value: Any) -> Json:
    out: Json = {"x_gm_original_to": False, "x_gm_spam": False, "custom": []}
    if value is None:
        return out
    raw = _object(value, "headers", ("x_gm_original_to", "x_gm_spam", "custom"))
    for flag in ("x_gm_original_to", "x_gm_spam"):
        out[flag] = _bool(raw.get(flag), f"headers.{flag}", False)
    custom = raw.get("custom") or []
    if not isinstance(custom, list):
        raise _bad("headers.custom", "expected a list")
    for i, item in enumerate(custom):
        entry = _object(item, f"headers.custom.{i}", ("key", "value"))
        raw_key = entry.get("key")
        key = raw_key.strip() if isinstance(raw_key, str) else ""
        if not key:
            raise OptionInvalid("err_header_key_required", f"headers.custom.{i}.key")
        if not _HEADER_KEY.match(key):
            raise OptionInvalid("err_header_key_invalid", f"headers.custom.{i}.key")
        header_value = entry.get("value")
        if not isinstance(header_value, str):
            raise OptionInvalid("err_value_required", f"headers.custom.{i}.value")
        out["custom"].append({"key": key, "value": header_value})
    return out


def _envelope(value: Any) -> Json | None:
    if value is None:
        return None
    raw = _object(value, "change_envelope_recipient", ENVELOPE_PARTS)
    given = [p for p in ENVELOPE_PARTS if raw.get(p) is not None]
    if len(given) != 1:
        raise _bad("change_envelope_recipient", "give one of recipient, username, domain")
    part = given[0]
    field = f"change_envelope_recipient.{part}"
    if part == "recipient":
        return {part: check_email(raw[part], field)}
    text = raw[part].strip() if isinstance(raw[part], str) else ""
    if not text:
        raise OptionInvalid("err_value_required", field)
    pattern = _USERNAME if part == "username" else _DOMAIN
    if not pattern.match(text):
        raise OptionInvalid(f"err_{part}_invalid", field)
    return {part: text}


def _copies(value: Any, route_names: Collection[str] | None) -> list[Json]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad("also_deliver_to", "expected a list")
    out: list[Json] = []
    for i, item in enumerate(value):
        field = f"also_deliver_to.{i}"
        if isinstance(item, str):
            out.append({"address": check_email(item, field)})
            continue
        keys = ("address", "change_route", "do_not_deliver_spam", "suppress_bounces")
        entry = _object(item, field, keys)
        address = check_email(entry.get("address"), f"{field}.address")
        if set(entry) == {"address"}:
            out.append({"address": address})
            continue
        route = _text(entry.get("change_route"), f"{field}.change_route", "err_route_required")
        if route is not None and route_names is not None and route not in route_names:
            raise OptionInvalid("err_route_unknown", f"{field}.change_route")
        out.append(
            {
                "address": address,
                "change_route": route,
                "do_not_deliver_spam": _bool(
                    entry.get("do_not_deliver_spam"), f"{field}.do_not_deliver_spam", True
                ),
                "suppress_bounces": _bool(
                    entry.get("suppress_bounces"), f"{field}.suppress_bounces", True
                ),
            }
        )
    return out


def normalize_options(
    raw: Mapping[str, Any], action: str, route_names: Collection[str] | None
) -> Json:
    """The option fields of `raw` (an entry) in canonical form, or `OptionInvalid`.

    A rejected message keeps no Modify option; a modified one no rejection notice.
    """
    out = new_options()
    if action == "reject_message":
        notice = _text(raw.get("rejection_notice"), "rejection_notice", "err_value_required")
        out["rejection_notice"] = notice
        set_modify = [
            k for k in OPTION_KEYS if k != "rejection_notice" and raw.get(k) not in (None, False)
        ]
        set_modify = [k for k in set_modify if raw.get(k) != [] and raw.get(k) != out.get(k)]
        if set_modify:
            raise _bad(set_modify[0], "only a modify_message rule takes this option")
        return out
    if raw.get("rejection_notice") is not None:
        raise _bad("rejection_notice", "only a reject_message rule has a rejection notice")
    out["headers"] = _headers(raw.get("headers"))
    out["prepend_subject"] = _text(
        raw.get("prepend_subject"), "prepend_subject", "err_subject_required"
    )
    for flag in _FLAGS:
        out[flag] = _bool(raw.get(flag), flag, False)
    out["change_envelope_recipient"] = _envelope(raw.get("change_envelope_recipient"))
    out["also_deliver_to"] = _copies(raw.get("also_deliver_to"), route_names)
    return out


def uses_routes(entry: Json) -> set[str]:
    """The routes an entry's options name (its Change route, its copies' routes)."""
    names = {entry.get("change_route")}
    names |= {c.get("change_route") for c in entry.get("also_deliver_to") or []}
    return {n for n in names if n}


def renamed_route(entry: Json, old: str, new: str) -> Json:
    """`entry` with every use of route `old` renamed `new` (options point at the route)."""
    copies = [
        {**c, "change_route": new} if c.get("change_route") == old else c
        for c in entry.get("also_deliver_to") or []
    ]
    route = entry.get("change_route")
    return {**entry, "change_route": new if route == old else route, "also_deliver_to": copies}
