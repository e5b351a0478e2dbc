"""Step types are found by kind; an unknown kind or page fails loudly, never falls through."""

from __future__ import annotations

import pytest

from runbook.engine.registry import STEP_TYPES, _registered, step_type
from runbook.engine.steps.mail_route import MailRouteStep
from runbook.file import KINDS


def test_every_kind_of_the_runbook_format_has_a_step_type() -> None:
    assert set(STEP_TYPES) == set(KINDS)
    for kind, cls in STEP_TYPES.items():
        assert cls.kind == kind
        assert step_type(kind) is cls


def test_an_unknown_kind_fails_loudly() -> None:
    with pytest.raises(LookupError, match="quarantine"):
        step_type("quarantine")


def test_a_step_type_on_a_page_the_shell_cannot_open_fails_loudly() -> None:
    class QuarantineStep(MailRouteStep):
        page_name = "quarantine"  # type: ignore[assignment]

    with pytest.raises(LookupError, match="quarantine"):
        _registered(MailRouteStep, QuarantineStep)


def test_unmanaged_entries_are_reported_under_the_keys_of_the_drift_contract() -> None:
    listed = [cls for cls in STEP_TYPES.values() if cls.page_name]  # a form lists nothing
    # form, and email_allowlist (examples/plugin-kind): forms, no list
    assert [cls.kind for cls in STEP_TYPES.values() if not cls.page_name] == [
        "form",
        "email_allowlist",
    ]
    assert {cls.unmanaged_key for cls in STEP_TYPES.values() if not cls.page_name} == {""}
    assert [cls.unmanaged_key for cls in listed] == [
        "routes",
        "routing_rules",
        "default_routing_rules",
        "dkim_domains",
    ]
