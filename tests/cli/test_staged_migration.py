"""The shipped `staged-migration.yaml`: rules in three organizational units, end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.cli.conftest import CliResult

Run = Callable[..., CliResult]
Write = Callable[..., Path]

SHIPPED = Path(__file__).resolve().parents[2] / "runbooks" / "staged-migration.yaml"
TREE = ["/", "/Not migrated", "/Not migrated/Pilot", "/Support"]
TOP_RULE = "Staged migration - unrecognized recipients to the legacy server"
USERS_RULE = "Staged migration - users not yet migrated to the legacy server"
ROUTE = "Legacy mail server"


@pytest.fixture
def book(write_runbook: Write) -> str:
    return str(write_runbook(yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))))


def state(sim_http: httpx.Client) -> dict[str, Any]:
    return sim_http.get("/_sim/state").json()  # type: ignore[no-any-return]


def audit(sim_http: httpx.Client) -> list[tuple[str, str, str | None]]:
    return [(e["action"], e["name"], e.get("org_unit")) for e in sim_http.get("/_sim/audit").json()]


def rules(sim_http: httpx.Client) -> list[tuple[str, str, list[str], str | None]]:
    return [
        (r["org_unit"], r["description"], r["account_types"], r["change_route"])
        for r in state(sim_http)["routing_rules"]
    ]


def with_tree(sim_http: httpx.Client, **doc: Any) -> None:
    sim_http.put("/_sim/state", json={"org_units": TREE, **doc}).raise_for_status()


def converged() -> dict[str, Any]:
    """The console once the shipped runbook is applied, as `PUT /_sim/state` takes it (the
    first test checks that a run produces exactly this)."""
    rule = {
        "messages": ["inbound", "internal_receiving"],
        "action": "modify_message",
        "change_route": ROUTE,
    }
    host = {"single_host": {"host": "mail.legacy.example.com", "port": 25}}
    tls = ("require_tls", "require_ca_signed_certificate", "validate_certificate_hostname")
    return {
        "org_units": TREE,
        "routes": [{"name": ROUTE, "server": host, "mx_lookup": False, **dict.fromkeys(tls, True)}],
        "routing_rules": [
            {**rule, "description": TOP_RULE, "account_types": ["unrecognized_catch_all"]},
            {**rule, "description": USERS_RULE, "account_types": ["users"], "org_unit": TREE[1]},
        ],
        "disabled_inherited": [
            {"org_unit": TREE[2], "description": USERS_RULE, "kind": "routing_rules"}
        ],
    }


# Over 20 s: four steps in three OUs, applied, applied again and checked for drift.
@pytest.mark.parametrize("variants", [[], ["ou-overridden"]], ids=["locally-applied", "overridden"])
def test_apply_then_nothing_to_do_then_in_sync(
    runbook_cli: Run, book: str, sim_http: httpx.Client, variants: list[str]
) -> None:
    with_tree(sim_http)
    sim_http.put("/_sim/variants", json=variants).raise_for_status()  # both status wordings
    first = runbook_cli("run", book, "--json")
    assert first.code == 0, first.output
    steps = first.run()["steps"]
    assert [s["action"] for s in steps] == ["create", "create", "create", "update"]
    assert [s.get("org_unit") for s in steps[1:]] == ["/", "/Not migrated", "/Not migrated/Pilot"]
    assert rules(sim_http) == [
        ("/", TOP_RULE, ["unrecognized_catch_all"], ROUTE),
        ("/Not migrated", USERS_RULE, ["users"], ROUTE),
    ]
    assert state(sim_http)["disabled_inherited"] == [
        {"org_unit": "/Not migrated/Pilot", "description": USERS_RULE, "kind": "routing_rules"}
    ]
    live = state(sim_http)
    sim_http.put("/_sim/state", json=converged()).raise_for_status()
    assert state(sim_http) == live  # what the other tests start from is what a run makes
    assert audit(sim_http) == [
        ("create_route", ROUTE, None),
        ("create_rule", TOP_RULE, None),  # the top: no OU in the audit
        ("create_rule", USERS_RULE, "/Not migrated"),
        ("disable_inherited_rule", USERS_RULE, "/Not migrated/Pilot"),
    ]

    second = runbook_cli("run", book, "--json")
    assert second.code == 0, second.output
    assert [s["status"] for s in second.run()["steps"]] == ["ok"] * 4
    assert len(audit(sim_http)) == 4  # zero writes

    drift = runbook_cli("drift", book, "--json")
    assert drift.code == 0, drift.output


# A hand edit of the converged console, drift and apply again over three OUs.
def test_an_inherited_rule_switched_back_on_by_hand_is_drift_and_apply_turns_it_off(
    runbook_cli: Run, book: str, sim_http: httpx.Client
) -> None:
    sim_http.put("/_sim/state", json=converged()).raise_for_status()
    live = state(sim_http)
    del live["disabled_inherited"]
    sim_http.put("/_sim/state", json=live).raise_for_status()

    drift = runbook_cli("drift", book, "--json")
    assert drift.code == 2, drift.output
    [changed] = [s for s in drift.run()["steps"] if s["status"] == "drift"]
    assert changed["org_unit"] == "/Not migrated/Pilot"
    assert [c["field"] for c in changed["changes"]] == ["enabled"]

    again = runbook_cli("run", book, "--json")
    assert again.code == 0, again.output
    assert audit(sim_http)[-1] == ("disable_inherited_rule", USERS_RULE, "/Not migrated/Pilot")
    assert rules(sim_http)[1] == ("/Not migrated", USERS_RULE, ["users"], ROUTE)  # unchanged


# Over 20 s: the staged migration applied beside rules of other OUs, then checked.
def test_rules_of_other_units_are_untouched(
    runbook_cli: Run, book: str, sim_http: httpx.Client
) -> None:
    mine = {"description": USERS_RULE, "messages": ["outbound"], "org_unit": "/Support"}
    hand = {"description": "Added by hand", "messages": ["inbound"], "org_unit": "/Not migrated"}
    with_tree(sim_http, routing_rules=[mine, hand])
    result = runbook_cli("run", book, "--json")
    assert result.code == 0, result.output
    live = {(r["org_unit"], r["description"]): r for r in state(sim_http)["routing_rules"]}
    assert live[("/Support", USERS_RULE)]["messages"] == ["outbound"]
    assert live[("/Not migrated", "Added by hand")]["messages"] == ["inbound"]
    written = {(name, unit) for _, name, unit in audit(sim_http)}
    assert (USERS_RULE, "/Support") not in written
    assert ("Added by hand", "/Not migrated") not in written

    quiet = runbook_cli("drift", book, "--json")
    assert quiet.code == 0, quiet.output
    assert "Added by hand" not in quiet.output

    loud = runbook_cli("drift", book, "--json", "--show-unmanaged")
    assert "Added by hand" in loud.output
    assert "/Support" not in loud.output  # an OU the runbook never names is not read


def test_an_org_unit_the_console_lacks_fails_its_step_and_changes_nothing_there(
    runbook_cli: Run, book: str, sim_http: httpx.Client
) -> None:
    sim_http.put("/_sim/state", json={"org_units": ["/", "/Not migrated"]}).raise_for_status()
    result = runbook_cli("run", book, "--json")
    assert result.code == 1, result.output
    last = result.run()["steps"][-1]
    assert last["status"] == "failed"
    assert "/Not migrated/Pilot" in last["message"]
    assert "Pilot" in last["message"] and "disabled_inherited" not in state(sim_http)
    assert [a for a in audit(sim_http) if a[2] == "/Not migrated/Pilot"] == []


# The converged console, a child OU's own rule added by hand, then checked.
def test_a_child_units_own_rule_named_like_the_inherited_one_is_listed_as_unmanaged(
    runbook_cli: Run, book: str, sim_http: httpx.Client
) -> None:
    sim_http.put("/_sim/state", json=converged()).raise_for_status()
    live = state(sim_http)
    # A local rule in the pilot OU, described like the inherited one the runbook switches off
    # there, that sends the pilot users' mail back to the legacy server.
    local = {**live["routing_rules"][1], "org_unit": "/Not migrated/Pilot"}
    stray = {"description": "Added by hand", "messages": ["inbound"], "org_unit": "/"}
    live["routing_rules"] += [local, stray]
    sim_http.put("/_sim/state", json=live).raise_for_status()

    drift = runbook_cli("drift", book, "--json", "--show-unmanaged")
    assert drift.code == 0, drift.output
    assert drift.run()["unmanaged"]["routing_rules"] == [
        "Added by hand",
        f"{USERS_RULE} (in /Not migrated/Pilot)",
    ]
