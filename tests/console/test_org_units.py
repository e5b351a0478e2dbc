"""Runbooks at organizational units: rules of a child OU, inherited rules switched, OUs apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page

from runbook.file.loader import load_text
from runbook.results import Mode, RunResult
from runbook.simulator.server import SimulatorServer
from tests.console.test_default_routing_page import CATCH_ALL
from tests.samples import LEGACY_ROUTE, at_top
from tests.simulator.samples import LEGACY, SPLIT

from .runs import run_book

TREE = ["/", "/Sales", "/Sales/EMEA", "/Support"]
LANGS = ["en", "fr"]
TOP_RULE = SPLIT["description"]


def _run(
    page: Page,
    simulator: SimulatorServer,
    tmp_path: Path,
    locale: str,
    steps: list[Any],
    mode: Mode = "apply",
    **options: Any,
) -> RunResult:
    doc = {"version": 1, "name": "ou", "console": {"locale": locale}, "steps": steps}
    book = load_text(yaml.safe_dump(doc, sort_keys=False), "ou.yaml")
    return run_book(page, simulator.url, book, mode, tmp_path, **options)


def _writes(sim: Any) -> list[tuple[str, str, str | None]]:
    return [(a["action"], a["name"], a.get("org_unit")) for a in sim.audit()]


def _rule(org_unit: str, **fields: Any) -> dict[str, Any]:
    return {"routing_rule": {"description": "EMEA mail", "org_unit": org_unit, **fields}}


@pytest.fixture
def console(sim: Any) -> Any:
    """The OU tree, the legacy route and the top's rule (inherited by every child OU)."""
    sim.faults({"latency_ms": [0, 0]})
    sim.put_state({"org_units": TREE, "routes": [LEGACY], "routing_rules": [SPLIT]})
    return sim


@pytest.mark.parametrize("locale", LANGS)
def test_create_edit_and_delete_a_rule_in_a_child_unit(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path, locale: str
) -> None:
    here = "/Sales/EMEA"
    made = _run(page, simulator, tmp_path, locale, [_rule(here, messages=["inbound"])])
    assert made.exit_code == 0, made.error
    [step] = made.steps
    assert (step.action, step.org_unit) == ("create", here)
    top, mine = console.state()["routing_rules"]
    assert top == SPLIT and mine["org_unit"] == here and mine["messages"] == ["inbound"]

    edited = _run(page, simulator, tmp_path, locale, [_rule(here, messages=["outbound"])])
    assert [(s.action, s.status) for s in edited.steps] == [("update", "changed")]
    assert console.state()["routing_rules"][1]["messages"] == ["outbound"]

    gone = _run(page, simulator, tmp_path, locale, [{**_rule(here), "state": "absent"}])
    assert [(s.action, s.status) for s in gone.steps] == [("delete", "changed")]
    assert console.state()["routing_rules"] == [SPLIT]
    assert _writes(console) == [
        ("create_rule", "EMEA mail", here),
        ("update_rule", "EMEA mail", here),
        ("delete_rule", "EMEA mail", here),
    ]


def _inherited(enabled: bool) -> list[Any]:
    rule = {"description": TOP_RULE, "org_unit": "/Sales", "inherited": True, "enabled": enabled}
    return [{"routing_rule": rule}]


@pytest.mark.parametrize("locale", LANGS)
def test_disable_and_enable_again_an_inherited_rule(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path, locale: str
) -> None:
    rehearsed = _run(page, simulator, tmp_path, locale, _inherited(False), "dry-run")
    assert [s.status for s in rehearsed.steps] == ["would_change"]
    assert _writes(console) == []  # the write guard holds

    off = _run(page, simulator, tmp_path, locale, _inherited(False))
    assert off.exit_code == 0, off.error
    assert [(s.status, s.org_unit) for s in off.steps] == [("changed", "/Sales")]
    assert console.state()["disabled_inherited"] == [
        {"org_unit": "/Sales", "description": TOP_RULE, "kind": "routing_rules"}
    ]
    assert console.state()["routing_rules"] == [SPLIT]  # never edited, at the top or here

    checked = _run(page, simulator, tmp_path, locale, _inherited(False), "drift")
    assert (checked.exit_code, [s.status for s in checked.steps]) == (0, ["ok"])
    drifted = _run(page, simulator, tmp_path, locale, _inherited(True), "drift")
    assert (drifted.exit_code, [s.status for s in drifted.steps]) == (2, ["drift"])

    on = _run(page, simulator, tmp_path, locale, _inherited(True))
    assert [s.status for s in on.steps] == ["changed"]
    assert "disabled_inherited" not in console.state()
    assert _writes(console) == [  # only the switch: no edit of the inherited rule
        ("disable_inherited_rule", TOP_RULE, "/Sales"),
        ("enable_inherited_rule", TOP_RULE, "/Sales"),
    ]


def test_the_same_description_in_two_units_is_two_entries(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path
) -> None:
    here = {**SPLIT, "org_unit": "/Sales", "messages": ["inbound"]}
    console.put_state({"org_units": TREE, "routes": [LEGACY], "routing_rules": [SPLIT, here]})
    route = {"name": LEGACY["name"], "existing": True}
    wanted = {**here, "messages": ["outbound"], "change_route": route}
    result = _run(page, simulator, tmp_path, "en", [{"routing_rule": wanted}])
    assert result.exit_code == 0, result.error
    assert [(s.action, s.org_unit) for s in result.steps] == [("update", "/Sales")]
    top, mine = console.state()["routing_rules"]
    assert top == SPLIT and mine["messages"] == ["outbound"]
    assert _writes(console) == [("update_rule", TOP_RULE, "/Sales")]

    absent = [{"routing_rule": {"description": TOP_RULE, "org_unit": "/Sales"}, "state": "absent"}]
    removed = _run(page, simulator, tmp_path, "en", absent)
    assert [s.action for s in removed.steps] == ["delete"]
    assert console.state()["routing_rules"] == [SPLIT]  # the top's rule stays
    again = _run(page, simulator, tmp_path, "en", absent)  # only the inherited row is left
    assert [(s.action, s.status) for s in again.steps] == [("none", "ok")]
    assert _writes(console)[1:] == [("delete_rule", TOP_RULE, "/Sales")]


@pytest.mark.parametrize(
    ("steps", "named"),
    [
        ([_rule("/Sales/APAC", messages=["inbound"])], "'APAC' under '/Sales'"),
        (
            [_rule("/Sales", description="Nobody's", inherited=True, enabled=False)],
            "in the organizational unit /Sales",
        ),
    ],
    ids=["missing-unit", "not-inherited"],
)
def test_a_missing_unit_or_inherited_rule_fails_the_step_and_writes_nothing(
    page: Page,
    console: Any,
    simulator: SimulatorServer,
    tmp_path: Path,
    steps: list[Any],
    named: str,
) -> None:
    result = _run(page, simulator, tmp_path, "en", steps)
    assert result.exit_code == 1
    [step] = result.steps
    assert step.status == "failed" and "nothing was changed" in step.message
    assert named in step.message
    assert _writes(console) == []


def test_an_inherited_rule_named_by_two_parent_units_is_not_guessed(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path
) -> None:
    theirs = {**SPLIT, "org_unit": "/Sales", "messages": ["outbound"]}
    console.put_state({"org_units": TREE, "routes": [LEGACY], "routing_rules": [SPLIT, theirs]})
    step = _rule("/Sales/EMEA", description=TOP_RULE, inherited=True, enabled=False)
    result = _run(page, simulator, tmp_path, "en", [step])
    assert result.exit_code == 1, result.error
    [failed] = result.steps
    assert "inherited 2 times in the organizational unit /Sales/EMEA" in failed.message
    assert "nothing was changed" in failed.message
    assert _writes(console) == []
    assert "disabled_inherited" not in console.state()  # nothing switched off anywhere


def test_two_units_of_one_name_under_two_parents_are_told_apart(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path
) -> None:
    tree = [*TREE, "/Support/EMEA"]
    console.put_state({"org_units": tree, "routes": [LEGACY], "routing_rules": [SPLIT]})
    steps = [_rule(unit, messages=["inbound"]) for unit in ("/Sales/EMEA", "/Support/EMEA")]
    result = _run(page, simulator, tmp_path, "en", steps)
    assert result.exit_code == 0, result.error
    assert _writes(console) == [
        ("create_rule", "EMEA mail", "/Sales/EMEA"),
        ("create_rule", "EMEA mail", "/Support/EMEA"),
    ]


def test_default_routing_settings_per_unit(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path
) -> None:
    console.put_state(
        {"org_units": TREE, "routes": [LEGACY_ROUTE], "default_routing_rules": [CATCH_ALL]}
    )
    mine = {
        "description": "Sales leavers",
        "org_unit": "/Sales",
        "recipients": {"match": "single_recipient", "value": "leaver@example.com"},
        "action": "reject_message",
        "rejection_notice": "This address no longer receives mail.",
    }
    off = {"description": CATCH_ALL["description"], "org_unit": "/Sales", "inherited": True}
    steps = [{"default_routing": mine}, {"default_routing": {**off, "enabled": False}}]
    result = _run(page, simulator, tmp_path, "fr", steps)
    assert result.exit_code == 0, result.error
    assert [(s.action, s.org_unit) for s in result.steps] == [
        ("create", "/Sales"),
        ("update", "/Sales"),
    ]
    state = console.state()
    top, here = state["default_routing_rules"]
    assert [top] == at_top(CATCH_ALL)  # the inherited setting is never edited
    assert (here["description"], here["org_unit"]) == ("Sales leavers", "/Sales")
    assert state["disabled_inherited"] == [
        {
            "org_unit": "/Sales",
            "description": CATCH_ALL["description"],
            "kind": "default_routing_rules",
        }
    ]
    writes = _writes(console)
    assert [(name, unit) for _, name, unit in writes] == [
        ("Sales leavers", "/Sales"),
        (CATCH_ALL["description"], "/Sales"),
    ]
    assert writes[1][0].startswith("disable_inherited_")
    again = _run(page, simulator, tmp_path, "fr", steps)
    assert [s.status for s in again.steps] == ["ok", "ok"]
    assert len(_writes(console)) == 2


def test_drift_reads_only_the_units_the_runbook_names(
    page: Page, console: Any, simulator: SimulatorServer, tmp_path: Path
) -> None:
    def at(unit: str, description: str) -> dict[str, Any]:
        return {**SPLIT, "description": description, "org_unit": unit}

    rules = [SPLIT, at("/Sales", "Sales mail"), at("/Sales", "By hand"), at("/Support", "Theirs")]
    console.put_state({"org_units": TREE, "routes": [LEGACY], "routing_rules": rules})
    route = {"name": LEGACY["name"], "existing": True}
    wanted = {**at("/Sales", "Sales mail"), "change_route": route}
    result = _run(
        page, simulator, tmp_path, "en", [{"routing_rule": wanted}], "drift", show_unmanaged=True
    )
    assert result.exit_code == 0, result.error
    # /Sales's own unnamed rule, and the top's rule that applies in /Sales (the top is not
    # read: it is listed where it shows, inherited); never /Support's.
    assert result.unmanaged["routing_rules"] == [
        "By hand (in /Sales)",
        f"{SPLIT['description']} (inherited in /Sales)",
    ]
    assert [s.placed for s in result.steps] == ["Sales mail (in /Sales)"]
    assert _writes(console) == []
