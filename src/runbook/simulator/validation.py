"""Server-side checks of mail routes and routing rules: the console never trusts its page."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection, Mapping
from typing import Any

from runbook.simulator.options import OPTION_KEYS, OptionInvalid, normalize_options

MESSAGES = ("inbound", "outbound", "internal_sending", "internal_receiving")
ACCOUNT_TYPES = ("users", "groups", "unrecognized_catch_all")
ACTIONS = ("modify_message", "reject_message")
MATCHES = ("single_address", "pattern", "group")
FILTER_SIDES = ("senders", "recipients")
MAX_HOSTS = 10
DEFAULT_ACCOUNT_TYPES = ["users", "groups"]

_HOST_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

Json = dict[str, Any]


class Invalid(Exception):
    """A value the console refuses: an i18n message key and the field it belongs to."""

    def __init__(self, key: str, field: str, detail: str = "", **values: object) -> None:
        """`values`: what the message names (its `{placeholders}`, such as the value refused)."""
        super().__init__(f"{field}: {key}{' (' + detail + ')' if detail else ''}")
        self.key = key
        self.field = field
        self.detail = detail
        self.values = values


def _bad(field: str, detail: str) -> Invalid:
    return Invalid("err_bad_request", field, detail)


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


def _int(value: Any) -> int | None:
    """An integer from JSON (bools and floats with a fraction are not integers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def check_host(value: Any, field: str) -> str:
    """A host name or IP address, trimmed."""
    host = value.strip() if isinstance(value, str) else ""
    if not host:
        raise Invalid("err_host_required", field)
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if len(host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
        raise Invalid("err_host_invalid", field)
    return host


def check_port(port: Any, field: str) -> int:
    """A port Gmail accepts for a route: 25, 587 or 1024-65535 (never 465)."""
    number = _int(port)
    if number == 465:
        raise Invalid("err_port_465", field)
    if number is None or not (number in (25, 587) or 1024 <= number <= 65535):
        raise Invalid("err_port_invalid", field)
    return number


def _host_table(rows: Any, field: str) -> list[Json]:
    if rows is None:
        return []
    if not isinstance(rows, list):
        raise _bad(field, "expected a list")
    if len(rows) > MAX_HOSTS:
        raise Invalid("err_too_many_hosts", field)
    table: list[Json] = []
    for i, raw in enumerate(rows):
        row = _object(raw, f"{field}.{i}", ("host", "port", "load"))
        host = check_host(row.get("host"), f"{field}.{i}.host")
        port = check_port(row.get("port", 25), f"{field}.{i}.port")
        load = _int(row.get("load"))
        if load is None or not 1 <= load <= 100:
            raise Invalid("err_load_invalid", f"{field}.{i}.load")
        table.append({"host": host, "port": port, "load": load})
    if table and sum(r["load"] for r in table) != 100:
        raise Invalid("err_load_total", field)
    return table


def _server(value: Any) -> Json:
    server = _object(value, "server", ("single_host", "multiple_hosts"))
    if len(server) != 1:
        raise _bad("server", "expected exactly one of single_host, multiple_hosts")
    if "single_host" in server:
        single = _object(server["single_host"], "server.single_host", ("host", "port"))
        return {
            "single_host": {
                "host": check_host(single.get("host"), "server.single_host.host"),
                "port": check_port(single.get("port", 25), "server.single_host.port"),
            }
        }
    multiple = _object(server["multiple_hosts"], "server.multiple_hosts", ("primary", "secondary"))
    primary = _host_table(multiple.get("primary"), "server.multiple_hosts.primary")
    if not primary:
        raise Invalid("err_primary_required", "server.multiple_hosts.primary")
    secondary = _host_table(multiple.get("secondary"), "server.multiple_hosts.secondary")
    return {"multiple_hosts": {"primary": primary, "secondary": secondary}}


ROUTE_KEYS = (
    "name",
    "server",
    "mx_lookup",
    "require_tls",
    "require_ca_signed_certificate",
    "validate_certificate_hostname",
)


def normalize_route(raw: Any, *, taken_names: Collection[str] = ()) -> Json:
    """A route in canonical form (defaults filled, key order fixed), or `Invalid`."""
    route = _object(raw, "route", ROUTE_KEYS)
    name = route.get("name")
    if not isinstance(name, str) or not name.strip():
        raise Invalid("err_name_required", "name")
    name = name.strip()
    if name in taken_names:
        raise Invalid("err_name_taken", "name")
    server = _server(route.get("server"))
    mx = _bool(route.get("mx_lookup"), "mx_lookup", False)
    tls = _bool(route.get("require_tls"), "require_tls", True)
    ca = _bool(route.get("require_ca_signed_certificate"), "require_ca_signed_certificate", tls)
    hostname = _bool(
        route.get("validate_certificate_hostname"), "validate_certificate_hostname", ca
    )
    if ca and not tls:
        raise Invalid("err_options_nesting", "require_ca_signed_certificate")
    if hostname and not ca:
        raise Invalid("err_options_nesting", "validate_certificate_hostname")
    return {
        "name": name,
        "server": server,
        "mx_lookup": mx,
        "require_tls": tls,
        "require_ca_signed_certificate": ca,
        "validate_certificate_hostname": hostname,
    }


def _choices(value: Any, field: str, allowed: tuple[str, ...], missing_key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(field, "expected a list of strings")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise _bad(field, f"unknown value(s) {', '.join(unknown)}; use {', '.join(allowed)}")
    if not value:
        raise Invalid(missing_key, field)
    return [v for v in allowed if v in value]


def check_description(value: Any, taken: Collection[str]) -> str:
    """An entry's description (its key), trimmed: required, and not another entry's."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid("err_description_required", "description")
    if value.strip() in taken:
        raise Invalid("err_description_taken", "description")
    return value.strip()


def check_filter_value(match: str, value: Any, field: str) -> str:
    """An envelope filter value valid for its match type."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise Invalid("err_value_required", field)
    if match == "pattern":
        try:
            re.compile(text)
        except re.error as exc:
            raise Invalid("err_regexp_invalid", field, str(exc)) from None
    elif not _EMAIL.match(text):
        raise Invalid("err_email_invalid", field)
    return text


def _envelope_filter(value: Any) -> Json | None:
    if value is None:
        return None
    flt = _object(value, "envelope_filter", FILTER_SIDES)
    out: Json = {}
    for side in FILTER_SIDES:
        if flt.get(side) is None:
            continue
        field = f"envelope_filter.{side}"
        entry = _object(flt[side], field, ("match", "value"))
        match = entry.get("match")
        if match not in MATCHES:
            raise _bad(f"{field}.match", f"use one of {', '.join(MATCHES)}")
        out[side] = {
            "match": match,
            "value": check_filter_value(match, entry.get("value"), f"{field}.value"),
        }
    return out or None


def message_fields(
    rule: Mapping[str, Any], action: Any, route_names: Collection[str] | None
) -> Json:
    """The action and what it does to a message (Change route and every option), canonical.

    Shared by the Routing and Default routing dialogs; `route_names=None` skips the route
    check.
    """
    if action not in ACTIONS:
        raise _bad("action", f"use one of {', '.join(ACTIONS)}")
    change_route = rule.get("change_route")
    if change_route is not None:
        if not isinstance(change_route, str) or not change_route.strip():
            raise Invalid("err_route_required", "change_route")
        if action != "modify_message":
            raise _bad("change_route", "only a modify_message rule can change the route")
        if route_names is not None and change_route not in route_names:
            raise Invalid("err_route_unknown", "change_route")
    try:
        options = normalize_options(rule, action, route_names)
    except OptionInvalid as exc:
        raise Invalid(exc.key, exc.field, exc.detail) from None
    return {"action": action, "change_route": change_route, **options}


RULE_KEYS = (
    "description",
    "messages",
    "action",
    "change_route",
    "account_types",
    "envelope_filter",
    "enabled",
    *OPTION_KEYS,
)


def normalize_rule(
    raw: Any,
    *,
    taken_descriptions: Collection[str] = (),
    route_names: Collection[str] | None = None,
) -> Json:
    """A rule in canonical form, or `Invalid`; `route_names=None` skips the route check."""
    rule = _object(raw, "rule", RULE_KEYS)
    description = check_description(rule.get("description"), taken_descriptions)
    messages = _choices(rule.get("messages", []), "messages", MESSAGES, "err_messages_required")
    action = rule.get("action", "modify_message")
    options = message_fields(rule, action, route_names)
    account_types = _choices(
        rule.get("account_types", DEFAULT_ACCOUNT_TYPES),
        "account_types",
        ACCOUNT_TYPES,
        "err_account_types_required",
    )
    return {  # in the order the console has always served them
        "description": description,
        "messages": messages,
        "action": options["action"],
        "change_route": options["change_route"],
        "account_types": account_types,
        "envelope_filter": _envelope_filter(rule.get("envelope_filter")),
        "enabled": _bool(rule.get("enabled"), "enabled", True),
        **options,
    }


# The Routing page's other settings blocks, in page order around Routing (their entries are
# simple: a description). Keys of `/_sim/state`; each defaults to empty.
SETTING_BLOCKS: tuple[str, ...] = (
    "address_maps",
    "secure_routes",
    "smtp_relays",
    "non_gmail_mailboxes",
)


def normalize_setting(raw: Any, *, taken_descriptions: Collection[str] = ()) -> Json:
    """An entry of another settings block (a description), canonical, or `Invalid`."""
    entry = _object(raw, "setting", ("description",))
    description = check_description(entry.get("description"), taken_descriptions)
    return {"description": description}


def check_settings(doc: Mapping[str, Any]) -> dict[str, list[Json]]:
    """The entries of every other settings block of a state document, canonical, or `Invalid`."""
    blocks: dict[str, list[Json]] = {}
    for block in SETTING_BLOCKS:
        raw = doc.get(block) or []
        if not isinstance(raw, list):
            raise Invalid("err_bad_request", block, "expected a list")
        entries: list[Json] = []
        for i, item in enumerate(raw):
            try:
                taken = {e["description"] for e in entries}
                entries.append(normalize_setting(item, taken_descriptions=taken))
            except Invalid as exc:
                raise Invalid(exc.key, f"{block}.{i}.{exc.field}", exc.detail) from None
        blocks[block] = entries
    return blocks
