"""Gmail settings pages made of sections set per OU: their forms, values, checks and inheritance.

A page (today `spam`: "Spam, phishing and malware") is a list of sections; a section is a few
controls (`Field`: a textbox, checkbox, menu or radio group) whose values are saved together.
Each OU either sets a section (the top always does: the console's defaults until saved;
a child OU "overrides" it) or inherits it from the nearest OU above that sets it.

The state document keeps what was set: `"gmail_settings": {page: {ou: {section: {field:
value}}}}`, only the OUs (and sections) that set something, and at the top only sections that
differ from the defaults; it is absent while everything is default. A section as given may
leave out fields: the defaults fill them in.
"""

from __future__ import annotations

import copy
import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from runbook.simulator.org_units import TOP, ancestors
from runbook.simulator.validation import Invalid, Json

STATE_KEY = "gmail_settings"
FieldKind = Literal["text", "checkbox", "switch", "menu", "radio"]
# How a section is edited: its controls in the page with its own Cancel and Save (`inline`);
# in a dialog its Configure button opens, saved there (`dialog`); or each change saved at once,
# no Save (`on_change`). In a child OU the last two override the section by saving it.
EditMode = Literal["inline", "dialog", "on_change"]
Status = Literal["local", "inherited", "overridden"]


@dataclass(frozen=True)
class Field:
    """One control of a section: its value's key, kind, label (string key) and options."""

    key: str
    kind: FieldKind
    label: str  # the string key of its accessible name (a radio group: its question)
    default: Any
    options: tuple[tuple[str, str], ...] = ()  # menu, radio: (value, string key of its name)
    hint: str | None = None  # a string key shown under the control (its description)

    def check(self, raw: Any, where: str) -> Any:
        """The value as stored, canonical; `Invalid` when the console refuses it."""
        if self.kind in ("checkbox", "switch"):
            if not isinstance(raw, bool):
                raise Invalid("err_bad_request", where, "expected true or false")
            return raw
        if self.kind in ("menu", "radio"):
            values = [v for v, _ in self.options]
            if raw not in values:
                raise Invalid("err_bad_request", where, f"one of {', '.join(values)}")
            return raw
        return check_ip_list(raw, where)


@dataclass(frozen=True)
class Section:
    """One section of a settings page: its key, title (string key), intro and fields."""

    key: str
    title: str
    fields: tuple[Field, ...]
    intro: str | None = None
    edit: EditMode = "inline"
    dialog: str | None = None  # edit="dialog": the string key of the dialog's title

    def defaults(self) -> Json:
        return {f.key: copy.deepcopy(f.default) for f in self.fields}

    def check(self, raw: Any, where: str, base: Mapping[str, Any] | None = None) -> Json:
        """The section's values, canonical: the fields left out taken from `base` (default:
        the console's defaults)."""
        if not isinstance(raw, Mapping):
            raise Invalid("err_bad_request", where, "expected an object")
        known = [f.key for f in self.fields]
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise Invalid(
                "err_bad_request",
                where,
                f"unknown field(s) {', '.join(unknown)}; known: {', '.join(known)}",
            )
        out = dict(base) if base is not None else self.defaults()
        for f in self.fields:
            if f.key in raw:
                out[f.key] = f.check(raw[f.key], f"{where}.{f.key}")
        return out


@dataclass(frozen=True)
class SettingsPage:
    """A settings page: its sections in the console's order."""

    key: str
    title: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def schema(self) -> Json:
        """What the page script builds the page from (string keys, not texts)."""
        return {
            "page": self.key,
            "title": self.title,
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "intro": s.intro,
                    "edit": s.edit,
                    "dialog": s.dialog,
                    "fields": [
                        {
                            "key": f.key,
                            "kind": f.kind,
                            "label": f.label,
                            "hint": f.hint,
                            "options": [list(o) for o in f.options],
                        }
                        for f in s.fields
                    ],
                }
                for s in self.sections
            ],
        }


# --- Spam, phishing and malware -------------------------------------------------------------
SPOOFING_ACTIONS = (
    ("warn", "spam_action_warn"),
    ("spam", "spam_action_spam"),
    ("quarantine", "spam_action_quarantine"),
)
INBOUND_SCOPES = (("all", "spam_inbound_all"), ("external", "spam_inbound_external"))

SPAM = SettingsPage(
    "spam",
    "spam_heading",
    (
        Section(
            "allowlist",
            "spam_allowlist",
            (Field("ip_addresses", "text", "spam_allowlist_ips", [], hint="spam_allowlist_hint"),),
            intro="spam_allowlist_intro",
        ),
        Section(
            "pre_delivery_scanning",
            "spam_pre_delivery",
            (Field("enabled", "checkbox", "spam_pre_delivery_check", True),),
        ),
        Section(
            "spoofing",
            "spam_spoofing",
            (
                Field("action", "menu", "spam_spoofing_action", "warn", SPOOFING_ACTIONS),
                Field("employee_names", "checkbox", "spam_employee_names", False),
                Field("future_recommended", "checkbox", "spam_future_settings", False),
            ),
        ),
        Section(
            "inbound",
            "spam_inbound",
            (Field("scope", "radio", "spam_inbound_question", "all", INBOUND_SCOPES),),
        ),
        Section(
            "spam_filter",
            "spam_filter",
            (
                Field("aggressive", "checkbox", "spam_aggressive", False),
                Field("bypass_internal", "checkbox", "spam_bypass_internal", False),
                Field("admin_quarantine", "checkbox", "spam_admin_quarantine", False),
            ),
            intro="spam_filter_intro",
            edit="dialog",
            dialog="spam_filter_dialog",
        ),
        Section(
            "quarantine_notifications",
            "spam_notify",
            (Field("notify_admins", "switch", "spam_notify_admins", False),),
            intro="spam_notify_intro",
            edit="on_change",
        ),
    ),
)
PAGES: dict[str, SettingsPage] = {SPAM.key: SPAM}

# Stored per page: OU -> section key -> values.
PageValues = dict[str, dict[str, Json]]


# --- checks ---------------------------------------------------------------------------------
_SEPARATORS = re.compile(r"[\s,]+")


def check_ip_list(raw: Any, where: str) -> list[str]:
    """IPv4 addresses and CIDR ranges (a list, or a text with commas or spaces between),
    canonical (`192.0.2.0/24`), each once; `Invalid` (`err_spam_ip_invalid`) names the first
    one that is neither."""
    if isinstance(raw, str):
        items = [p for p in _SEPARATORS.split(raw) if p]
    elif isinstance(raw, list) and all(isinstance(p, str) for p in raw):
        items = [p.strip() for p in raw]
    else:
        raise Invalid("err_bad_request", where, "expected a list of IPv4 addresses or ranges")
    out: list[str] = []
    for item in items:
        try:
            if "/" in item:
                shown = str(ipaddress.IPv4Network(item, strict=True))
            else:
                shown = str(ipaddress.IPv4Address(item))
        except ValueError:
            raise Invalid(
                "err_spam_ip_invalid",
                where,
                f"{item!r} is not an IPv4 address or CIDR range",
                value=item,
            ) from None
        if shown not in out:
            out.append(shown)
    return out


def check_gmail_settings(raw: Any, units: Sequence[str]) -> dict[str, PageValues]:
    """The `gmail_settings` of a state document, canonical (empty parts dropped, the top's
    sections kept only where they differ from the defaults), or `Invalid`."""
    out: dict[str, PageValues] = {key: {} for key in PAGES}
    if raw is None:
        return out
    if not isinstance(raw, Mapping):
        raise Invalid("err_bad_request", STATE_KEY, "expected {page: {ou: {section: {...}}}}")
    unknown = sorted(set(raw) - set(PAGES))
    if unknown:
        raise Invalid(
            "err_bad_request", STATE_KEY, f"unknown page(s) {', '.join(unknown)}; known: spam"
        )
    for page_key, by_unit in raw.items():
        page = PAGES[page_key]
        where = f"{STATE_KEY}.{page_key}"
        if not isinstance(by_unit, Mapping):
            raise Invalid("err_bad_request", where, "expected {ou: {section: {...}}}")
        for unit, sections in by_unit.items():
            if unit not in units:
                raise Invalid(
                    "err_bad_request", f"{where}.{unit}", f"no organizational unit {unit!r}"
                )
            if not isinstance(sections, Mapping):
                raise Invalid("err_bad_request", f"{where}.{unit}", "expected {section: {...}}")
            for key, values in sections.items():
                section = page.section(key)
                if section is None:
                    known = ", ".join(s.key for s in page.sections)
                    raise Invalid(
                        "err_bad_request",
                        f"{where}.{unit}",
                        f"unknown section {key}; known: {known}",
                    )
                checked = section.check(values, f"{where}.{unit}.{key}")
                if unit == TOP and checked == section.defaults():
                    continue
                out[page_key].setdefault(unit, {})[key] = checked
    return out


def shown_settings(settings: Mapping[str, PageValues]) -> Json:
    """The `gmail_settings` of the state document: absent while every page is default."""
    pages = {k: copy.deepcopy(v) for k, v in settings.items() if v}
    return {STATE_KEY: pages} if pages else {}


def source_of(values: PageValues, section: str, unit: str) -> str | None:
    """The OU whose values of `section` apply in `unit` (itself or the nearest above that sets
    it); None when nobody does (the defaults apply)."""
    for at in [unit, *reversed(ancestors(unit))]:
        if section in values.get(at, {}):
            return at
    return None


def section_view(page: SettingsPage, values: PageValues, section: Section, unit: str) -> Json:
    """One section as the page of `unit` shows it: its status, values and where they come from."""
    source = source_of(values, section.key, unit)
    if unit == TOP:
        status: Status = "local"
    else:
        status = "overridden" if source == unit else "inherited"
    effective = section.defaults() if source is None else copy.deepcopy(values[source][section.key])
    view: Json = {"key": section.key, "status": status, "values": effective}
    if status == "inherited":
        view["inherited_from"] = source or TOP
    return view
