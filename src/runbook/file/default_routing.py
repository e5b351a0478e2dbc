"""The `default_routing` kind: a setting under Gmail > Default routing, keyed by its description.

Domain-wide, inbound only: the envelope recipients to match, Modify message (every option
group of the Routing dialog, `file/message_options.py`) or Reject message (with its notice),
and whom it applies to.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from runbook.file import checks
from runbook.file.fields import Resource, SpecIssue, SpecModel, fail, text
from runbook.file.kind import KindInfo
from runbook.file.message_options import CHANGE_ROUTE as CHANGE_ROUTE
from runbook.file.message_options import COPY_ROUTE, MODIFY_ONLY, OPTION_FIELDS, MessageOptions
from runbook.file.placement import Placement

RECIPIENT_MATCHES: tuple[str, ...] = ("single_recipient", "pattern", "group", "all")
APPLY_TO: tuple[str, ...] = ("unrecognized_only", "all_addresses")

RecipientMatch = Literal["single_recipient", "pattern", "group", "all"]
ApplyTo = Literal["unrecognized_only", "all_addresses"]

FIELDS: dict[str, Any] = {  # the fields `drift.ignore` may name, as a tree
    "description": {},
    "recipients": {"match": {}, "value": {}},
    **OPTION_FIELDS,
    "apply_to": {},
    "enabled": {},
}


class Recipients(SpecModel):
    """1. Specify envelope recipients to match: an address, a pattern, a group, or all."""

    match: RecipientMatch = Field(description="single_recipient | pattern | group | all")
    value: str | None = Field(
        default=None,
        description="The address, the regular expression or the group address (not for all).",
    )

    @model_validator(mode="after")
    def _value(self) -> Recipients:
        if self.match == "all":
            if self.value is not None:
                fail((("value",), "match 'all' takes no value (it matches every recipient)"))
            return self
        if self.value is None:
            fail(((), f"match {self.match!r} needs a 'value'", "key"))
        problem = checks.match_problem(self.match, self.value)
        if problem:
            fail((("value",), problem))
        return self

    def console_fields(self) -> dict[str, Any]:
        return {"match": self.match, "value": self.value}


class DefaultRouting(Placement, MessageOptions, Resource):
    """A Default routing setting ("Add setting"), keyed by its description (within its OU)."""

    description: Annotated[str, text("setting description")] = Field(
        description="The setting's description (its key)."
    )
    recipients: Recipients | None = Field(
        default=None,
        description="The envelope recipients to match; required unless state is absent.",
    )
    apply_to: ApplyTo = Field(
        default="unrecognized_only",
        description="unrecognized_only: only non-recognized addresses (console default); "
        "all_addresses: non-recognized and recognized addresses.",
    )
    enabled: bool = Field(default=True, description="Whether the setting is on.")

    @property
    def key(self) -> str:
        return self.description

    def console_fields(self) -> dict[str, Any]:
        """The stored fields, in the simulator's state shape."""
        return {
            "description": self.description,
            "recipients": self.recipients.console_fields() if self.recipients else None,
            **self.option_fields(),
            "apply_to": self.apply_to,
            "enabled": self.enabled,
        }


def action_issues(action: str, given: set[str]) -> list[SpecIssue]:
    """The fields of `given` that the action does not have: Modify-only ones, or the notice."""
    if action == "reject_message":
        return [
            (
                (field,),
                f"{field} only goes with action modify_message; a rejected message is not "
                "delivered anywhere",
                "key",
            )
            for field in MODIFY_ONLY
            if field in given
        ]
    if "rejection_notice" in given:
        return [
            (("rejection_notice",), "rejection_notice only goes with action reject_message", "key")
        ]
    return []


def unvalidated_issues(rule: dict[str, Any]) -> list[SpecIssue]:
    """The setting's own checks on its data as written, where validating it stopped early."""
    action = rule.get("action", "modify_message")
    if action not in ("modify_message", "reject_message"):
        return []
    given = {f for f in (*MODIFY_ONLY, "rejection_notice") if rule.get(f) is not None}
    return action_issues(action, given)


KIND = KindInfo(
    key="default_routing",
    key_field="description",
    noun="setting",
    what="Default routing setting",
    page="default_routing",
    model=DefaultRouting,
    fields=FIELDS,
    required={"recipients": f"'recipients' (match: {checks.one_of(RECIPIENT_MATCHES)})"},
    references=(CHANGE_ROUTE, COPY_ROUTE),
    unvalidated=unvalidated_issues,
)
