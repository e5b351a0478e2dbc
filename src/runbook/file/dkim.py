"""The `dkim` kind: a domain's DKIM key and whether Gmail signs with it (Authenticate email).

Keyed by the domain (primary, secondary or alias: the console lists them in its domain menu).
Not placed in an OU: the page is per domain. A key is never removed; `authentication: off`
stops signing with it. A different `selector` asks for a rotation: a new key beside the one
in use, which keeps signing until the new one is started.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from runbook.dns_records.dkim import selector_problem
from runbook.file.fields import Resource, fail
from runbook.file.kind import KindInfo

FIELDS: dict[str, Any] = {  # the fields `drift.ignore` may name, as a tree
    "domain": {},
    "selector": {},
    "key_bits": {},
    "authentication": {},
}

KeyBits = Literal[2048, 1024]  # as dns_records.dkim.KEY_BITS


def _on_off_schema(schema: dict[str, Any]) -> None:
    """In the JSON schema, `on` and `off` unquoted too: YAML reads them as true and false."""
    choices = schema.pop("enum", ["on", "off"])
    schema.pop("type", None)
    schema["anyOf"] = [{"enum": choices}, {"type": "boolean"}]


class Dkim(Resource):
    """A domain's DKIM record, as Gmail > Authenticate email generates and starts it."""

    domain: str = Field(description="The domain, as the console's domain menu lists it.")
    selector: str = Field(
        default="google",
        description="The prefix selector: the record is <selector>._domainkey.<domain>. "
        "A new selector rotates the key.",
    )
    key_bits: KeyBits = Field(
        default=2048,
        description="The key's length: 2048 (recommended) or 1024 (for a DNS host that "
        "cannot hold a 2048-bit record).",
    )
    authentication: Literal["on", "off"] = Field(
        default="on",
        json_schema_extra=_on_off_schema,
        description="on: Gmail signs with the key once DNS serves its record; off: it does not.",
    )

    @field_validator("authentication", mode="before")
    @classmethod
    def _on_off(cls, value: object) -> object:
        """YAML reads an unquoted on/off as true/false: both mean the same here."""
        if isinstance(value, bool):
            return "on" if value else "off"
        return value

    @field_validator("domain")
    @classmethod
    def _domain(cls, value: str) -> str:
        name = value.strip().rstrip(".").lower()
        labels = name.split(".")
        if len(labels) < 2 or any(not label or selector_problem(label) for label in labels):
            fail(((), f"{value!r} is not a domain name (labels of letters, digits or hyphens)"))
        return name

    @field_validator("selector")
    @classmethod
    def _selector(cls, value: str) -> str:
        problem = selector_problem(value)
        if problem:
            fail(((), f"selector {value!r}: {problem}"))
        return value.lower()

    @property
    def key(self) -> str:
        return self.domain

    def console_fields(self) -> dict[str, Any]:
        """The fields the step compares with what the page shows."""
        return {
            "selector": self.selector,
            "key_bits": self.key_bits,
            "authentication": self.authentication,
        }


KIND = KindInfo(
    key="dkim",
    key_field="domain",
    noun="domain",
    what="DKIM key",
    page="authenticate_email",
    model=Dkim,
    fields=FIELDS,
    required={},
    instead_of_absent="leave 'state' out and say 'authentication: off' to stop signing",
)
