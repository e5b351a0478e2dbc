"""The `email_allowlist` kind's model, registration and explanation (no browser)."""

from __future__ import annotations

import pytest
from runbook_email_allowlist.model import EmailAllowlist
from runbook_email_allowlist.step import EmailAllowlistStep

from runbook.engine.registry import step_type
from runbook.errors import InvalidRunbook
from runbook.explain import explain
from runbook.file import KINDS, load_text
from runbook.file.kinds import PLUGINS

BOOK = """version: 1
name: relays
console: {{url: https://admin.google.com}}
steps:
  - name: relays
    email_allowlist:
      name: Allow our relays
      ip_addresses: {ips}
{more}"""


def test_the_kind_is_registered_from_its_package() -> None:
    assert PLUGINS["email_allowlist"].distribution == "runbook-email-allowlist"
    assert KINDS["email_allowlist"].model is EmailAllowlist
    assert step_type("email_allowlist") is EmailAllowlistStep


def test_its_fields_become_the_form_of_the_spam_page() -> None:
    allowlist = EmailAllowlist(name="relays", ip_addresses=["203.0.113.0/24", "192.0.2.1"])
    form = allowlist.as_form()
    assert form.page.path == "/ac/apps/gmail/spam"
    assert allowlist.console_fields() == {
        'textbox "Enter the IP addresses for the allowlist"': "203.0.113.0/24, 192.0.2.1"
    }


@pytest.mark.parametrize(
    ("ips", "says"),
    [
        ('["192.0.2.300"]', "'192.0.2.300' is no IP address or CIDR range"),
        ('["192.0.2.1", "192.0.2.1"]', "an address is listed twice"),
        ('"192.0.2.1"', "list"),
    ],
)
def test_a_wrong_address_list_is_refused_with_its_position(ips: str, says: str) -> None:
    with pytest.raises(InvalidRunbook) as info:
        load_text(BOOK.format(ips=ips, more=""), "relays.yaml", env={})
    messages = [str(p) for p in info.value.problems]
    assert any(says in m and m.startswith("relays.yaml:8:") for m in messages), messages


def test_an_org_unit_is_optional_and_checked() -> None:
    book = load_text(BOOK.format(ips="[]", more="      org_unit: /Sales\n"), "r.yaml", env={})
    assert book.steps[0].resource.org_unit == "/Sales"  # type: ignore[attr-defined]
    with pytest.raises(InvalidRunbook):
        load_text(BOOK.format(ips="[]", more="      org_unit: Sales\n"), "r.yaml", env={})


def test_it_is_explained_as_its_form() -> None:
    book = load_text(BOOK.format(ips='["192.0.2.1"]', more=""), "r.yaml", env={})
    text = explain(book, "en")
    assert "Spam, phishing and malware" in text
    assert "the “Email allowlist” section" in text
    assert "In “Enter the IP addresses for the allowlist”, enter “192.0.2.1”." in text
