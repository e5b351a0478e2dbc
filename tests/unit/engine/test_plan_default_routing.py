"""A Default routing setting's plan, without a browser; its mistakes, before any browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from tests.samples import NEW_RULE_OPTIONS

from runbook.cli import cli
from runbook.engine.plan import LISTED
from runbook.engine.steps.default_routing import DefaultRoutingStep
from runbook.file import Step, load_text

RUNBOOK = """\
version: 1
name: plans
steps:
  - mail_route:
      name: Catch-all server
      server: {single_host: {host: catchall.example.com, port: 25}}
  - default_routing:
      description: Catch-all
      recipients: {match: pattern, value: '.*@lists\\.example\\.com'}
      change_route: Catch-all  server
      enabled: ENABLED
  - default_routing: {description: Old setting}
    state: absent
"""


def steps(enabled: str = "true") -> list[Step]:
    return load_text(RUNBOOK.replace("ENABLED", enabled), "plans.yaml", env={}).steps


def live(**changes: Any) -> dict[str, Any]:
    return {
        **NEW_RULE_OPTIONS,
        "description": "Catch-all",
        "recipients": {"match": "pattern", "value": ".*@lists\\.example\\.com"},
        "action": "modify_message",
        "rejection_notice": None,
        "change_route": "Catch-all server",
        "apply_to": "unrecognized_only",
        "enabled": True,
        **changes,
    }


def test_a_missing_setting_is_created_with_every_field() -> None:
    plan = DefaultRoutingStep.plan(steps()[1], None)
    assert plan.action == "create"
    assert {c.field for c in plan.changes} >= {"recipients.match", "recipients.value", "apply_to"}
    assert "enabled" not in plan.fill  # the switch is on the list, not in the dialog
    assert plan.switch is None


def test_the_same_setting_plans_nothing_names_compared_as_shown() -> None:
    plan = DefaultRoutingStep.plan(steps()[1], live())
    assert plan.action == "none", plan.changes


def test_one_changed_field_is_one_change() -> None:
    plan = DefaultRoutingStep.plan(steps()[1], live(apply_to="all_addresses"))
    assert plan.action == "update"
    assert [(c.field, c.before, c.after) for c in plan.changes] == [
        ("apply_to", "all_addresses", "unrecognized_only")
    ]


def test_a_setting_wanted_off_is_switched_off_after_its_create_or_alone() -> None:
    created = DefaultRoutingStep.plan(steps("false")[1], None)
    assert created.disable_after_create
    flipped = DefaultRoutingStep.plan(steps("false")[1], live())
    assert flipped.switch_only and flipped.switch is False


def test_absent_deletes_a_listed_setting_and_nothing_else() -> None:
    assert DefaultRoutingStep.plan(steps()[2], LISTED).action == "delete"
    assert DefaultRoutingStep.plan(steps()[2], None).action == "none"


def test_mistakes_exit_65_each_at_its_line(tmp_path: Path) -> None:
    book = tmp_path / "bad.yaml"
    book.write_text(
        "version: 1\nname: bad\nsteps:\n"
        "  - default_routing:\n"
        "      description: Leaver\n"
        "      recipients: {match: single_recipient, value: leaver}\n"
        "      action: reject_message\n"
        "      change_route: {name: Legacy, existing: true}\n"
    )
    result = CliRunner().invoke(cli, ["validate", str(book)])
    assert result.exit_code == 65, result.output
    assert f"{book}:6:52: 'leaver' is not a valid email address" in result.output
    assert f"{book}:8:" in result.output
    assert "change_route only goes with action modify_message" in result.output
