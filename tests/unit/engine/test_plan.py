"""A step's plan, decided without a browser: the console as read + the runbook → action, changes."""

from __future__ import annotations

from typing import Any

import pytest

from runbook.engine.plan import ACTIONS, LISTED, MODES
from runbook.engine.steps.base import StepType
from runbook.engine.steps.mail_route import MailRouteStep
from runbook.engine.steps.routing_rule import RoutingRuleStep
from runbook.file import Step, load_text

RUNBOOK = """\
version: 1
name: plans
steps:
  - mail_route:
      name: Legacy  mail server
      server:
        multiple_hosts:
          primary:
            - {host: a.example.com, port: 25, load: 60}
            - {host: b.example.com, port: 25, load: 40}
          secondary:
            - {host: c.example.com, port: 2525, load: 100}
      require_tls: true
  - routing_rule:
      description: Split delivery
      messages: [inbound]
      change_route: Legacy mail server
      account_types: [unrecognized_catch_all]
      enabled: ENABLED
  - mail_route: {name: Old server}
    state: absent
  - routing_rule: {description: Old rule}
    state: absent
"""


def steps(enabled: bool = True) -> list[Step]:
    return load_text(RUNBOOK.replace("ENABLED", str(enabled).lower())).steps


def console(step: Step, **changed: Any) -> dict[str, Any]:
    """The entry as the console shows it: what the runbook asks, `changed` aside."""
    fields = step.resource.console_fields()
    return {**fields, **changed}


def test_a_missing_entry_is_created_with_every_field() -> None:
    route = steps()[0]
    plan = MailRouteStep.plan(route, None)
    assert plan.action == "create"
    assert [c.field for c in plan.changes][:2] == ["name", "server.multiple_hosts.primary"]
    assert all(c.before is None for c in plan.changes)
    assert plan.fill == plan.wanted == route.resource.console_fields()


def test_an_entry_that_differs_is_updated_field_by_field() -> None:
    route = steps()[0]
    plan = MailRouteStep.plan(route, console(route, require_tls=False, mx_lookup=True))
    assert plan.action == "update"
    assert [(c.field, c.before, c.after) for c in plan.changes] == [
        ("mx_lookup", True, False),
        ("require_tls", False, True),
    ]


def test_an_entry_as_asked_needs_nothing() -> None:
    route, rule = steps()[:2]
    assert MailRouteStep.plan(route, console(route)).action == "none"
    assert MailRouteStep.plan(route, console(route)).changes == []
    assert RoutingRuleStep.plan(rule, console(rule)).action == "none"


def test_names_are_compared_as_the_console_shows_them() -> None:
    route, rule = steps()[:2]
    # The runbook's "Legacy  mail server" is shown with one space; a route name and a rule's
    # change_route are names, so their whitespace is no difference.
    assert MailRouteStep.plan(route, console(route, name="Legacy mail server")).action == "none"
    padded = console(rule, description=" Split  delivery ", change_route="Legacy   mail server")
    assert RoutingRuleStep.plan(rule, padded).action == "none"


def test_host_tables_are_compared_as_sets_of_rows() -> None:
    route = steps()[0]
    server = route.resource.console_fields()["server"]
    reordered = {"multiple_hosts": {**server["multiple_hosts"]}}
    reordered["multiple_hosts"]["primary"] = server["multiple_hosts"]["primary"][::-1]
    assert MailRouteStep.plan(route, console(route, server=reordered)).action == "none"
    moved = {
        "multiple_hosts": {
            "primary": server["multiple_hosts"]["primary"][:1],
            "secondary": server["multiple_hosts"]["primary"][1:]
            + server["multiple_hosts"]["secondary"],
        }
    }
    plan = MailRouteStep.plan(route, console(route, server=moved))
    assert [c.field for c in plan.changes] == [
        "server.multiple_hosts.primary",
        "server.multiple_hosts.secondary",
    ]


@pytest.mark.parametrize("index, cls", [(2, MailRouteStep), (3, RoutingRuleStep)])
def test_absent_deletes_a_listed_entry_and_leaves_a_missing_one(
    index: int, cls: type[StepType[Any, Any]]
) -> None:
    step = steps()[index]
    plan = cls.plan(step, LISTED)
    assert plan.action == "delete"
    assert [(c.field, c.before, c.after) for c in plan.changes] == [
        (f"({cls.noun})", "present", "absent")
    ]
    assert cls.plan(step, None).action == "none"
    assert cls.plan(step, None).changes == []


def test_a_rule_whose_only_change_is_its_switch_flips_it_alone() -> None:
    rule = steps(enabled=False)[1]
    plan = RoutingRuleStep.plan(rule, console(rule, enabled=True))
    assert plan.action == "update"
    assert plan.switch_only and plan.switch is False
    assert [(c.field, c.before, c.after) for c in plan.changes] == [("enabled", True, False)]


def test_a_rule_update_with_its_switch_saves_the_dialog_then_flips() -> None:
    rule = steps(enabled=True)[1]
    plan = RoutingRuleStep.plan(rule, console(rule, enabled=False, messages=["outbound"]))
    assert plan.action == "update" and not plan.switch_only
    assert plan.switch is True
    assert "enabled" not in plan.fill and plan.wanted["enabled"] is True


def test_a_rule_wanted_off_is_created_then_disabled() -> None:
    off = RoutingRuleStep.plan(steps(enabled=False)[1], None)
    assert off.action == "create" and off.disable_after_create
    assert ("enabled", None, False) in [(c.field, c.before, c.after) for c in off.changes]
    on = RoutingRuleStep.plan(steps(enabled=True)[1], None)
    assert on.action == "create" and not on.disable_after_create and on.switch is None


def test_every_action_has_a_behaviour_in_every_mode() -> None:
    table = StepType.BEHAVIOUR
    assert set(table) == {(a, m) for a in ACTIONS for m in MODES}
    for name in table.values():
        assert callable(getattr(StepType, name)), name
