"""The `routing_rule` kind: a rule under Gmail > Routing, its messages, route and envelope."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from runbook.file import checks
from runbook.file.fields import Resource, SpecModel, fail, text, unique_nonempty
from runbook.file.kind import KindInfo
from runbook.file.message_options import CHANGE_ROUTE as CHANGE_ROUTE
from runbook.file.message_options import COPY_ROUTE, OPTION_FIELDS, MessageOptions
from runbook.file.message_options import Action as Action
from runbook.file.placement import Placement

MESSAGE_TYPES: tuple[str, ...] = ("inbound", "outbound", "internal_sending", "internal_receiving")
ACCOUNT_TYPES: tuple[str, ...] = ("users", "groups", "unrecognized_catch_all")
MATCH_TYPES: tuple[str, ...] = ("single_address", "pattern", "group")

MessageType = Literal["inbound", "outbound", "internal_sending", "internal_receiving"]
AccountType = Literal["users", "groups", "unrecognized_catch_all"]
MatchType = Literal["single_address", "pattern", "group"]
_MATCH: dict[str, Any] = {"match": {}, "value": {}}
FIELDS: dict[str, Any] = {  # the fields `drift.ignore` may name, as a tree
    "description": {},
    "messages": {},
    **OPTION_FIELDS,
    "account_types": {},
    "envelope_filter": {"senders": _MATCH, "recipients": _MATCH},
    "enabled": {},
}


class EnvelopeMatch(SpecModel):
    """How one side of the envelope is matched: an address, a pattern or a group."""

    match: MatchType = Field(description="single_address | pattern | group")
    value: str = Field(description="The address, the regular expression or the group address.")

    @model_validator(mode="after")
    def _value(self) -> EnvelopeMatch:
        problem = checks.match_problem(self.match, self.value)
        if problem:
            fail((("value",), problem))
        return self

    def console_fields(self) -> dict[str, Any]:
        return {"match": self.match, "value": self.value}


class EnvelopeFilter(SpecModel):
    """Only affect specific envelope senders and/or recipients."""

    senders: EnvelopeMatch | None = None
    recipients: EnvelopeMatch | None = None

    @model_validator(mode="after")
    def _one_side(self) -> EnvelopeFilter:
        if self.senders is None and self.recipients is None:
            fail(
                (
                    (),
                    "the envelope filter needs 'senders', 'recipients' or both (leave "
                    "envelope_filter out to affect every envelope)",
                )
            )
        return self

    def console_fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.senders is not None:
            out["senders"] = self.senders.console_fields()
        if self.recipients is not None:
            out["recipients"] = self.recipients.console_fields()
        return out


def _default_account_types() -> list[AccountType]:
    return ["users", "groups"]


class RoutingRule(Placement, MessageOptions, Resource):
    """A rule under Gmail > Routing ("Add setting"), keyed by its description."""

    description: Annotated[str, text("rule description")] = Field(
        description="The rule's description (its key)."
    )
    messages: list[MessageType] = Field(
        default_factory=list,
        description="Email messages to affect; required unless state is absent.",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    account_types: list[AccountType] = Field(
        default_factory=_default_account_types,
        description="Account types to affect (console default: users and groups).",
        json_schema_extra={"minItems": 1, "uniqueItems": True},
    )
    envelope_filter: EnvelopeFilter | None = Field(
        default=None, description="Only affect specific envelope senders and/or recipients."
    )
    enabled: bool = Field(default=True, description="Whether the rule is on.")

    @field_validator("messages")
    @classmethod
    def _messages(cls, value: list[str]) -> list[str]:
        return unique_nonempty(value, what="message type", choices=MESSAGE_TYPES)

    @field_validator("account_types")
    @classmethod
    def _account_types(cls, value: list[str]) -> list[str]:
        return unique_nonempty(value, what="account type", choices=ACCOUNT_TYPES)

    @property
    def key(self) -> str:
        return self.description

    def console_fields(self) -> dict[str, Any]:
        """The stored fields, in the simulator's state shape (lists in the console's order)."""
        return {
            "description": self.description,
            "messages": [m for m in MESSAGE_TYPES if m in self.messages],
            **self.option_fields(),
            "account_types": [a for a in ACCOUNT_TYPES if a in self.account_types],
            "envelope_filter": (
                self.envelope_filter.console_fields() if self.envelope_filter is not None else None
            ),
            "enabled": self.enabled,
        }


KIND = KindInfo(
    key="routing_rule",
    key_field="description",
    noun="rule",
    what="routing rule",
    page="routing",
    model=RoutingRule,
    fields=FIELDS,
    required={"messages": f"'messages' ({checks.one_of(MESSAGE_TYPES)})"},
    references=(CHANGE_ROUTE, COPY_ROUTE),
)
