"""Plans of rules placed per OU, without a browser: an inherited rule's switch, two OUs apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook.engine.options import RunOptions
from runbook.engine.saved_plan import PlanRecorder, Sealer, plan_document, render, stale_entries
from runbook.engine.steps.default_routing import DefaultRoutingStep
from runbook.engine.steps.routing_rule import RoutingRuleStep
from runbook.errors import StepFailed
from runbook.file import Step, load_text

SPLIT = "Split delivery"
BOOK = f"""\
version: 1
name: staged
steps:
  - routing_rule: {{description: {SPLIT}, messages: [inbound]}}
  - routing_rule: {{description: {SPLIT}, messages: [outbound], org_unit: /Sales}}
  - routing_rule: {{description: {SPLIT}, org_unit: /Sales/EMEA, inherited: true, enabled: ENABLED}}
  - default_routing: {{description: Catch-all, org_unit: /Sales, inherited: true, enabled: false}}
"""


def steps(enabled: str = "false") -> list[Step]:
    return load_text(BOOK.replace("ENABLED", enabled), "staged.yaml", env={}).steps


@pytest.mark.parametrize(("live", "action"), [(True, "update"), (False, "none")])
def test_an_inherited_rule_plans_only_its_switch(live: bool, action: str) -> None:
    plan = RoutingRuleStep.plan(steps()[2], {"enabled": live})
    assert plan.action == action
    assert [(c.field, c.before, c.after) for c in plan.changes] == (
        [("enabled", True, False)] if live else []
    )
    assert plan.fill == {}  # no dialog is filled: an inherited rule is never edited
    assert plan.switch_only == live and plan.switch == (False if live else None)


def test_an_inherited_setting_enabled_again_and_one_not_there() -> None:
    plan = RoutingRuleStep.plan(steps("true")[2], {"enabled": False})
    assert (plan.action, plan.switch, plan.switch_only) == ("update", True, True)
    off = DefaultRoutingStep.plan(steps()[3], {"enabled": True})
    assert (off.action, off.switch) == ("update", False)
    with pytest.raises(StepFailed, match="not inherited"):
        RoutingRuleStep.plan(steps()[2], None)


def test_a_saved_plan_names_the_unit_of_each_entry(tmp_path: Path) -> None:
    file = tmp_path / "staged.yaml"
    file.write_text(BOOK.replace("ENABLED", "false"))
    book = load_text(file.read_text(), str(file), env={})
    recorder = PlanRecorder(book, file, {}, b"k" * 32)
    top = book.steps[0].resource.console_fields()  # as the step wants it, in both OUs
    here = dict(top)
    for index, have in ((1, top), (2, here)):
        step = book.steps[index - 1]
        recorder.observe(index, have, RoutingRuleStep.plan(step, have))
    entry = recorder.entry(RunOptions(console_url="https://admin.google.com").settle(book))
    assert [s["org_unit"] for s in entry["steps"]] == ["/", "/Sales"]
    text = render(plan_document([entry]))
    assert f"no change: routing_rule '{SPLIT}'\n" in text
    assert f"~ update: routing_rule '{SPLIT}' (in /Sales)" in text
    changed = {**here, "messages": ["internal_sending"]}
    [problem] = stale_entries(entry, {1: top, 2: changed}, Sealer(book))
    assert problem.startswith(f"routing_rule '{SPLIT}' (in /Sales): messages was")
