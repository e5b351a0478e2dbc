"""What a rule does to a message: the Reject / Modify choices of an "Add setting" dialog.

Shared by every kind whose dialog has "Modify message" / "Reject message" (Routing, Default
routing): a kind's model inherits `MessageOptions` and lists `CHANGE_ROUTE` among its
references; `OPTION_FIELDS` is the part of its `FIELDS` tree these fields add, and
`MessageOptions.option_fields()` their stored form (the simulator's state shape).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_serializer,
    model_validator,
)

from runbook.file import checks
from runbook.file.fields import SpecIssue, SpecModel, fail
from runbook.file.references import Reference

Action = Literal["modify_message", "reject_message"]
CHANGE_ROUTE = Reference("change_route", "mail_route", "change_route_existing", "route")
# An Also deliver to copy's own Change route: the same reference, on each copy.
COPY_ROUTE = Reference(
    "change_route",
    "mail_route",
    "change_route_existing",
    "route",
    within="also_deliver_to",
    holder="DeliverCopy",
)
ENVELOPE_PARTS: tuple[str, ...] = ("recipient", "username", "domain")

# The options only "Modify message" shows (a rejected message is not delivered anywhere).
MODIFY_ONLY: tuple[str, ...] = (
    "headers",
    "prepend_subject",
    "change_route",
    "also_reroute_spam",
    "suppress_bounces",
    "change_envelope_recipient",
    "bypass_spam_filter",
    "remove_attachments",
    "also_deliver_to",
    "require_secure_transport",
)
OPTION_FIELDS: dict[str, Any] = {  # the fields `drift.ignore` may name, as a tree
    "action": {},
    "rejection_notice": {},
    "headers": {"x_gm_original_to": {}, "x_gm_spam": {}, "custom": {}},
    "prepend_subject": {},
    "change_route": {},
    "also_reroute_spam": {},
    "suppress_bounces": {},
    "change_envelope_recipient": {part: {} for part in ENVELOPE_PARTS},
    "bypass_spam_filter": {},
    "remove_attachments": {},
    "also_deliver_to": {},
    "require_secure_transport": {},
}

_HEADER_KEY = re.compile(r"^[!-9;-~]+$")  # RFC 5322 field name: printable ASCII but ':'
_USERNAME = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")


def header_key_problem(key: str) -> str | None:
    """Why `key` cannot be a message header's name, or None."""
    if not key:
        return "the header key is empty"
    if not _HEADER_KEY.match(key):
        return (
            f"header key {key!r} is not a valid header name: printable ASCII letters, digits "
            "and punctuation, without spaces or ':'"
        )
    return None


def _address(value: str, what: str = "email address") -> str:
    problem = checks.address_problem(value, what=what)
    if problem:
        fail(((), problem))
    return value


def _one_line(value: str, what: str) -> str:
    problem = checks.text_problem(value, what=what)
    if problem:
        fail(((), problem))
    return value


class CustomHeader(SpecModel):
    """One custom header added to the message: Header key / Header value."""

    key: str = Field(description="Header key, e.g. X-Archive.")
    value: str = Field(description="Header value.")

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        problem = header_key_problem(value)
        if problem:
            fail(((), problem))
        return value

    @field_validator("value")
    @classmethod
    def _value(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            fail(((), "the header value must be a single line"))
        return value

    def console_fields(self) -> dict[str, Any]:
        return {"key": self.key, "value": self.value}


class Headers(SpecModel):
    """The Headers group: X-Gm-Original-To, X-Gm-Spam and X-Gm-Phishy, custom headers."""

    x_gm_original_to: bool = Field(default=False, description="Add X-Gm-Original-To header.")
    x_gm_spam: bool = Field(default=False, description="Add X-Gm-Spam and X-Gm-Phishy headers.")
    custom: list[CustomHeader] = Field(default_factory=list, description="Add custom headers.")

    @field_validator("custom")
    @classmethod
    def _unique(cls, value: list[CustomHeader]) -> list[CustomHeader]:
        seen: set[str] = set()
        issues: list[SpecIssue] = []
        for i, header in enumerate(value):
            if header.key.lower() in seen:
                issues.append(((i, "key"), f"header {header.key!r} is listed twice"))
            seen.add(header.key.lower())
        if issues:
            fail(*issues)
        return value

    def console_fields(self) -> dict[str, Any]:
        return {
            "x_gm_original_to": self.x_gm_original_to,
            "x_gm_spam": self.x_gm_spam,
            "custom": [h.console_fields() for h in self.custom],
        }


def no_headers() -> dict[str, Any]:
    """The Headers group of a new rule: nothing added."""
    return {"x_gm_original_to": False, "x_gm_spam": False, "custom": []}


class EnvelopeRecipient(SpecModel):
    """Change envelope recipient: exactly one of recipient, username or domain."""

    recipient: str | None = Field(default=None, description="Replace recipient: an address.")
    username: str | None = Field(
        default=None, description="Replace the username (the part before @; the domain is kept)."
    )
    domain: str | None = Field(default=None, description="Replace domain.")

    @field_validator("recipient")
    @classmethod
    def _recipient(cls, value: str | None) -> str | None:
        return None if value is None else _address(value)

    @field_validator("username")
    @classmethod
    def _username(cls, value: str | None) -> str | None:
        if value is not None and not _USERNAME.match(value):
            fail(((), f"username {value!r} is not valid: the part before '@', without '@'"))
        return value

    @field_validator("domain")
    @classmethod
    def _domain(cls, value: str | None) -> str | None:
        if value is not None:
            problem = checks.hostname_problem(value, what="domain")
            if problem or "." not in value:
                fail(((), problem or f"domain {value!r} needs a dot (example.com)"))
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> EnvelopeRecipient:
        given = [p for p in ENVELOPE_PARTS if getattr(self, p) is not None]
        if len(given) != 1:
            fail(
                (
                    (given[1],) if len(given) > 1 else (),
                    "change_envelope_recipient takes exactly one of recipient, username or domain",
                    "key",
                )
            )
        return self

    def console_fields(self) -> dict[str, Any]:
        part = next(p for p in ENVELOPE_PARTS if getattr(self, p) is not None)
        return {part: getattr(self, part)}


class DeliverCopy(SpecModel):
    """One "Also deliver to" recipient: a plain address (Basic) or one with its options."""

    address: str = Field(description="The recipient's address.")
    change_route: str | None = Field(
        default=None, description="Route → Change route for this copy (a mail route's name)."
    )
    do_not_deliver_spam: bool = Field(
        default=True, description="Do not deliver spam to this recipient (console default: on)."
    )
    suppress_bounces: bool = Field(
        default=True, description="Suppress bounces from this recipient (console default: on)."
    )
    change_route_existing: bool = Field(
        default=False,
        description="Set by `change_route: {name: ..., existing: true}`: the route is not "
        "defined in this runbook but must already exist in the console.",
    )
    _basic: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _plain(cls, value: Any, handler: Any, info: ValidationInfo) -> DeliverCopy:
        # In the console's state shape (an export reads it) a Basic copy is `{address}` alone.
        console = bool(info.context and info.context.get("console"))
        if console and isinstance(value, dict) and set(value) == {"address"}:
            value = value["address"]
        if isinstance(value, str):
            copy: DeliverCopy = handler({"address": _address(value)})
            copy._basic = True
            return copy
        from_yaml = bool(info.context and info.context.get("yaml"))
        result: DeliverCopy = handler(COPY_ROUTE.as_written(value, from_yaml=from_yaml))
        return result

    @model_serializer(mode="wrap")
    def _written(self, handler: Any) -> Any:
        """A Basic copy is written as its plain address, as a runbook spells it."""
        return self.address if self._basic else handler(self)

    @field_validator("address")
    @classmethod
    def _address(cls, value: str) -> str:
        return _address(value)

    @field_validator("change_route")
    @classmethod
    def _route(cls, value: str | None) -> str | None:
        return CHANGE_ROUTE.check_name(value)

    def console_fields(self) -> dict[str, Any]:
        if self._basic:
            return {"address": self.address}
        return {
            "address": self.address,
            "change_route": self.change_route,
            "do_not_deliver_spam": self.do_not_deliver_spam,
            "suppress_bounces": self.suppress_bounces,
        }


# A route named by a field: its name, or {name: ..., existing: true} (`Reference`).
_ROUTE_REFERENCE: list[dict[str, Any]] = [
    {"type": "string", "minLength": 1},
    {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "existing": {"type": "boolean"},
        },
        "required": ["name"],
        "additionalProperties": False,
    },
    {"type": "null"},
]
_DELIVER_SCHEMA: dict[str, Any] = {
    "description": "Also deliver to (dual delivery): each recipient a plain address (Basic) or "
    "{address, change_route, do_not_deliver_spam, suppress_bounces} (Advanced; the last two "
    "default to true, as in the console).",
    "type": "array",
    "items": {
        "anyOf": [
            {"type": "string", "minLength": 3},
            {
                "type": "object",
                "properties": {
                    "address": {"type": "string"},
                    "change_route": {"anyOf": _ROUTE_REFERENCE},
                    "do_not_deliver_spam": {"type": "boolean"},
                    "suppress_bounces": {"type": "boolean"},
                },
                "required": ["address"],
                "additionalProperties": False,
            },
        ]
    },
}
_CHANGE_ROUTE_SCHEMA: dict[str, Any] = {
    "description": "Change route to this mail route (by name). The route must be defined by an "
    "earlier step, or written {name: ..., existing: true} when it must already exist in the "
    "console.",
    "anyOf": _ROUTE_REFERENCE,
}


class MessageOptions(SpecModel):
    """Reject message (with its notice) or Modify message with its eight option groups."""

    action: Action = Field(default="modify_message", description="What to do with them.")
    rejection_notice: str | None = Field(
        default=None, description="Customize rejection notice (reject_message only)."
    )
    headers: Headers | None = Field(default=None, description="The Headers group.")
    prepend_subject: str | None = Field(default=None, description="Prepend custom subject.")
    change_route: Annotated[str | None, WithJsonSchema(_CHANGE_ROUTE_SCHEMA)] = None
    change_route_existing: bool = Field(
        default=False,
        description="Set by `change_route: {name: ..., existing: true}`: the route is not "
        "defined in this runbook but must already exist in the console.",
    )
    also_reroute_spam: bool = Field(default=False, description="Route: Also reroute spam.")
    suppress_bounces: bool = Field(
        default=False, description="Route: Suppress bounces from this message."
    )
    change_envelope_recipient: EnvelopeRecipient | None = Field(
        default=None, description="Change envelope recipient: {recipient|username|domain: ...}."
    )
    bypass_spam_filter: bool = Field(
        default=False, description="Spam: Bypass spam filter for this message."
    )
    remove_attachments: bool = Field(
        default=False, description="Attachments: Remove attachments from this message."
    )
    also_deliver_to: Annotated[list[DeliverCopy], WithJsonSchema(_DELIVER_SCHEMA)] = Field(
        default_factory=list
    )
    require_secure_transport: bool = Field(
        default=False, description="Encryption (onward delivery only): Require secure transport."
    )

    @model_validator(mode="before")
    @classmethod
    def _change_route_spelling(cls, data: Any, info: ValidationInfo) -> Any:
        return CHANGE_ROUTE.as_written(
            data, from_yaml=bool(info.context and info.context.get("yaml"))
        )

    @field_validator("change_route")
    @classmethod
    def _route_name(cls, value: str | None) -> str | None:
        return CHANGE_ROUTE.check_name(value)

    @field_validator("rejection_notice")
    @classmethod
    def _notice(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            fail(((), "the rejection notice is empty; leave rejection_notice out for the default"))
        return value

    @field_validator("prepend_subject")
    @classmethod
    def _subject(cls, value: str | None) -> str | None:
        return None if value is None else _one_line(value, "subject prefix")

    @field_validator("also_deliver_to")
    @classmethod
    def _copies(cls, value: list[DeliverCopy]) -> list[DeliverCopy]:
        seen: set[str] = set()
        issues: list[SpecIssue] = []
        for i, copy in enumerate(value):
            if copy.address.lower() in seen:
                issues.append(((i,), f"{copy.address!r} is listed twice in also_deliver_to"))
            seen.add(copy.address.lower())
        if issues:
            fail(*issues)
        return value

    @model_validator(mode="after")
    def _action_fits(self) -> MessageOptions:
        if self.action == "reject_message":
            wrong = [f for f in MODIFY_ONLY if f in self.model_fields_set]
            issues: list[SpecIssue] = [
                (
                    (f,),
                    f"{f} only goes with action modify_message; a rejected message is not "
                    "delivered anywhere",
                    "key",
                )
                for f in wrong
            ]
            if issues:
                fail(*issues)
        elif "rejection_notice" in self.model_fields_set and self.rejection_notice is not None:
            fail(
                (
                    ("rejection_notice",),
                    "rejection_notice only goes with action reject_message",
                    "key",
                )
            )
        return self

    def option_fields(self) -> dict[str, Any]:
        """These fields as the console stores them (defaults filled in)."""
        envelope = self.change_envelope_recipient
        return {
            "action": self.action,
            "rejection_notice": self.rejection_notice,
            "headers": self.headers.console_fields() if self.headers else no_headers(),
            "prepend_subject": self.prepend_subject,
            "change_route": self.change_route,
            "also_reroute_spam": self.also_reroute_spam,
            "suppress_bounces": self.suppress_bounces,
            "change_envelope_recipient": envelope.console_fields() if envelope else None,
            "bypass_spam_filter": self.bypass_spam_filter,
            "remove_attachments": self.remove_attachments,
            "also_deliver_to": [c.console_fields() for c in self.also_deliver_to],
            "require_secure_transport": self.require_secure_transport,
        }
