"""The `email_allowlist` model: `{name, ip_addresses: [...], org_unit}`, and its `KIND`."""

from __future__ import annotations

import ipaddress
from typing import Any

from pydantic import Field, field_validator

from runbook.file import checks
from runbook.file.fields import Resource, fail
from runbook.file.form import Control, Form, PageRef
from runbook.file.kind import KindInfo
from runbook.file.placement import PerOu

PATH = "/ac/apps/gmail/spam"
MENU = ["Apps", "Google Workspace", "Gmail", "Spam, phishing and malware"]
SECTION = {"en": "Email allowlist", "fr": "Liste d'autorisation des e-mails"}
TEXTBOX = "Enter the IP addresses for the allowlist"
SEPARATOR = ", "  # how the console shows the addresses in the textbox

FIELDS: dict[str, Any] = {"name": {}, "ip_addresses": {}}


class EmailAllowlist(PerOu, Resource):
    """The IP addresses (or CIDR ranges) whose mail is not marked as spam, in one OU."""

    name: str = Field(description="What this allowlist is, for people and reports (its key).")
    ip_addresses: list[str] = Field(
        description="IPv4 or IPv6 addresses or CIDR ranges; an empty list clears the allowlist."
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        problem = checks.text_problem(value, what="allowlist name")
        if problem:
            fail(((), problem))
        return value

    @field_validator("ip_addresses")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for index, address in enumerate(value):
            try:
                ipaddress.ip_network(address, strict=False)
            except ValueError:
                fail(((index,), f"{address!r} is no IP address or CIDR range"))
        if len(set(value)) != len(value):
            fail(((), "an address is listed twice"))
        return value

    @property
    def key(self) -> str:
        return self.name

    def as_form(self) -> Form:
        """The same setting as a generic `form` step: the machinery that carries it out."""
        return Form(
            name=self.name,
            org_unit=self.org_unit,
            page=PageRef(path=PATH, menu=list(MENU)),
            section=SECTION,
            controls=[Control(textbox=TEXTBOX, value=SEPARATOR.join(self.ip_addresses))],
        )

    def console_fields(self) -> dict[str, Any]:
        return self.as_form().console_fields()


KIND = KindInfo(
    key="email_allowlist",
    key_field="name",
    noun="allowlist",
    what="email allowlist",
    page="",  # the step opens its page itself, as a `form` does
    model=EmailAllowlist,
    fields=FIELDS,
    required={},
    instead_of_absent="an allowlist is emptied with 'ip_addresses: []', never removed",
)
