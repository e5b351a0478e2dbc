"""Fault injection over HTTP: lost responses, concurrent edits, revisions, late rows, seeds."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from runbook.simulator.faults import FaultError, Faults, parse
from runbook.simulator.i18n import text
from runbook.simulator.server import SimulatorServer
from tests.clients import sim_client

from .samples import BALANCED, LEGACY, REJECT, SPLIT

ROUTES = "/ac/_data/routes"
RULES = "/ac/_data/rules"


def actions(sim: Any) -> list[tuple[str, str, str | None]]:
    """The audit as (action, name, by)."""
    return [(a["action"], a["name"], a.get("by")) for a in sim.audit()]


def first_route(console: httpx.Client) -> dict[str, Any]:
    route: dict[str, Any] = console.get(ROUTES).json()["routes"][0]
    return route


def fields(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as the page would send it back (no page id, no revision)."""
    return {k: v for k, v in entry.items() if k not in ("id", "revision")}


# --- lost responses ---------------------------------------------------------------------------
def test_lost_responses_are_applied_and_audited(sim: Any, console: httpx.Client) -> None:
    assert sim.faults({"lose_next_responses": 2})["lose_next_responses"] == 2
    lost = console.post(ROUTES, json=LEGACY)
    assert lost.status_code in (502, 504)
    assert lost.json() == {"error": text("en", "err_save_failed")}
    assert sim.state()["routes"] == [LEGACY]
    assert actions(sim) == [("create_route", LEGACY["name"], None)]
    assert sim.faults()["lose_next_responses"] == 1

    # A refused write does not count: only accepted writes lose their answer.
    assert console.post(ROUTES, json=LEGACY).status_code == 400
    assert sim.faults()["lose_next_responses"] == 1
    route = first_route(console)
    french = console.put(f"{ROUTES}/{route['id']}?hl=fr", json={**LEGACY, "mx_lookup": True})
    assert french.status_code in (502, 504)
    assert french.json()["error"] == "Impossible d'enregistrer vos modifications. Réessayez."
    assert sim.state()["routes"][0]["mx_lookup"] is True
    assert sim.faults()["lose_next_responses"] == 0
    assert console.delete(f"{ROUTES}/{route['id']}").status_code == 200
    assert [a for a, _, _ in actions(sim)] == ["create_route", "update_route", "delete_route"]


def test_lost_response_probability_is_seeded(sim: Any, console: httpx.Client) -> None:
    def outcomes() -> list[int]:
        sim.reset()
        sim.faults({"seed": 11, "lose_response_probability": 0.5, "latency_ms": [0, 0]})
        codes = []
        for n in range(10):
            codes.append(console.post(ROUTES, json={**LEGACY, "name": f"Route {n}"}).status_code)
            console.get(ROUTES)  # reads in between draw nothing from the saves' stream
        return codes

    first = outcomes()
    assert {200} < set(first) <= {200, 502, 504}
    assert len(sim.state()["routes"]) == 10  # every write was applied
    assert outcomes() == first


def test_failing_saves_replay_whatever_is_read_in_between(sim: Any, console: httpx.Client) -> None:
    def outcomes(reads: int) -> list[int]:
        sim.faults({"seed": 3, "fail_save_probability": 0.5, "latency_ms": [0, 0]})
        codes = []
        for _ in range(8):
            for _ in range(reads):
                console.get(RULES)
            codes.append(console.patch(f"{RULES}/none", json={"enabled": True}).status_code)
        return codes

    first = outcomes(0)
    assert set(first) == {404, 500}
    assert outcomes(3) == first


def test_seeded_delays_are_repeatable() -> None:
    def draws() -> list[float]:
        faults = Faults({"seed": 5, "late_dialog_ms": [100, 900], "late_rows_ms": [10, 20]})
        return [faults.dialog_delay() for _ in range(3)] + [faults.rows_delay()]

    first = draws()
    assert all(0.1 <= d <= 0.9 for d in first[:3]) and 0.01 <= first[3] <= 0.02
    assert len(set(first[:3])) == 3
    assert draws() == first
    assert Faults().dialog_delay() == 0 and Faults().rows_delay() == 0


# --- optimistic concurrency -------------------------------------------------------------------
def test_entries_carry_a_revision_that_the_state_does_not_show(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    routes = console.get(ROUTES).json()["routes"]
    rules = console.get(RULES).json()["rules"]
    assert all(isinstance(e["revision"], int) for e in routes + rules)
    assert sim.state() == sample_state
    assert "revision" not in sim.state_text()
    one = console.get(f"{ROUTES}/{routes[0]['id']}").json()
    assert one == routes[0]
    assert console.get(f"{RULES}/{rules[1]['id']}").json() == rules[1]
    gone = console.get(f"{RULES}/999?hl=fr")
    assert gone.status_code == 404
    assert gone.json()["error"] == "Ce paramètre n'existe plus."


def test_a_write_based_on_an_old_revision_is_refused(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    read = first_route(console)  # two tabs read the same route
    url, old = f"{ROUTES}/{read['id']}", {"If-Match": f'"{read["revision"]}"'}
    first = console.put(url, json={**LEGACY, "mx_lookup": True}, headers=old)
    assert first.status_code == 200
    assert first.json()["revision"] != read["revision"]
    stale = console.put(url, json={**LEGACY, "server": BALANCED["server"]}, headers=old)
    assert stale.status_code == 409
    assert (
        stale.json()["error"]
        == text("en", "err_stale")
        == ("This setting was changed by someone else. Reload the page to see the latest changes.")
    )
    french = console.delete(f"{url}?hl=fr", headers=old)
    assert french.status_code == 409
    assert french.json()["error"] == (
        "Ce paramètre a été modifié par quelqu'un d'autre. "
        "Actualisez la page pour voir les dernières modifications."
    )
    assert sim.state()["routes"][0] == {**LEGACY, "mx_lookup": True}
    assert actions(sim) == [("update_route", LEGACY["name"], None)]

    rule = console.get(RULES).json()["rules"][1]
    rule_url = f"{RULES}/{rule['id']}"
    toggled = console.patch(rule_url, json={"enabled": True}, headers={"If-Match": "*"})
    assert toggled.status_code == 200
    again = {"If-Match": f'"{rule["revision"]}"'}
    assert console.patch(rule_url, json={"enabled": False}, headers=again).status_code == 409
    current = {"If-Match": f'"{toggled.json()["revision"]}"'}
    assert console.delete(rule_url, headers=current).status_code == 200
    assert console.put(url, json=LEGACY, headers={"If-Match": "soon"}).status_code == 400


# --- concurrent edits -------------------------------------------------------------------------
def test_another_admin_changes_the_route_we_save(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    edit = {"kind": "route", "name": LEGACY["name"], "change": {"mx_lookup": True}}
    assert sim.faults({"concurrent_edit": edit})["concurrent_edit"] == edit
    route = first_route(console)
    ours = {**fields(route), "server": {"single_host": {"host": "new.example.com", "port": 25}}}
    response = console.put(f"{ROUTES}/{route['id']}", json=ours)  # even without a revision
    assert response.status_code == 409
    assert response.json()["error"] == text("en", "err_stale")
    assert sim.state()["routes"][0] == {**LEGACY, "mx_lookup": True}
    assert actions(sim) == [("update_route", LEGACY["name"], "another-admin")]
    assert sim.faults()["concurrent_edit"] is None  # one-shot
    assert console.put(f"{ROUTES}/{route['id']}", json=ours).status_code == 200


def test_another_admin_deletes_the_rule_we_delete(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    sim.faults(
        {"concurrent_edit": {"kind": "rule", "name": SPLIT["description"], "change": "delete"}}
    )
    other = console.get(RULES).json()["rules"][1]
    assert console.patch(f"{RULES}/{other['id']}", json={"enabled": True}).status_code == 200
    assert sim.faults()["concurrent_edit"] is not None  # another entry: not fired
    split = console.get(RULES).json()["rules"][0]
    response = console.delete(f"{RULES}/{split['id']}?hl=fr")
    assert response.status_code == 404
    assert response.json()["error"] == text("fr", "err_not_found") == "Ce paramètre n'existe plus."
    assert text("en", "err_not_found") == "This setting no longer exists."
    assert sim.state()["routing_rules"] == [{**REJECT, "enabled": True}]
    assert actions(sim) == [
        ("update_rule", REJECT["description"], None),
        ("delete_rule", SPLIT["description"], "another-admin"),
    ]


def test_another_admin_renames_the_rule_we_toggle(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    change = {"description": "Renamed by Sam", "enabled": False}
    sim.faults(
        {"concurrent_edit": {"kind": "rule", "name": SPLIT["description"], "change": change}}
    )
    split = console.get(RULES).json()["rules"][0]
    response = console.patch(f"{RULES}/{split['id']}", json={"enabled": False})
    assert response.status_code == 409
    assert sim.state()["routing_rules"][0] == {**SPLIT, **change}
    assert actions(sim) == [("update_rule", "Renamed by Sam", "another-admin")]


def test_another_admin_creates_the_route_we_create(sim: Any, console: httpx.Client) -> None:
    sim.faults(
        {"concurrent_edit": {"kind": "route", "name": "Legacy mail server", "change": "delete"}}
    )
    assert console.post(ROUTES, json=BALANCED).status_code == 200  # another name: not fired
    assert console.post(ROUTES, json=LEGACY).status_code == 200  # nothing to delete on create
    sim.reset()
    edit = {"kind": "route", "name": LEGACY["name"], "change": {"mx_lookup": True}}
    sim.faults({"concurrent_edit": edit, "latency_ms": [0, 0]})
    response = console.post(ROUTES, json={**LEGACY, "name": f"  {LEGACY['name']} "})
    assert response.status_code == 409
    assert sim.state()["routes"] == [{**LEGACY, "mx_lookup": True}]
    assert actions(sim) == [("create_route", LEGACY["name"], "another-admin")]


def test_a_concurrent_edit_the_console_refuses_changes_nothing(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    sim.faults({"concurrent_edit": {"kind": "route", "name": LEGACY["name"], "change": "delete"}})
    route = first_route(console)  # a rule uses it: the other admin cannot delete it
    assert console.put(f"{ROUTES}/{route['id']}", json=fields(route)).status_code == 200
    assert sim.faults()["concurrent_edit"] is None
    assert actions(sim) == [("update_route", LEGACY["name"], None)]


# --- late rows --------------------------------------------------------------------------------
def test_late_rows_come_in_two_parts(
    sim: Any, console: httpx.Client, sample_state: dict[str, Any]
) -> None:
    routes = [{**LEGACY, "name": f"Route {n}"} for n in range(5)]
    sim.put_state({"routes": routes})
    sim.faults({"late_rows_ms": [300, 300]})
    first = console.get(ROUTES, params={"view": "list"}).json()
    assert [r["name"] for r in first["routes"]] == ["Route 0", "Route 1"]
    assert first["next"] == 2 and first["total"] == 5
    started = time.monotonic()
    rest = console.get(ROUTES, params={"view": "list", "offset": first["next"]}).json()
    assert time.monotonic() - started >= 0.3
    assert [r["name"] for r in rest["routes"]] == ["Route 2", "Route 3", "Route 4"]
    assert len(console.get(ROUTES).json()["routes"]) == 5  # other readers get every row
    assert "next" not in console.get(RULES, params={"view": "list"}).json()  # nothing to split


# --- settings ---------------------------------------------------------------------------------
def test_new_fault_kinds_are_shown_and_checked(sim: Any) -> None:
    settings = sim.faults(
        {
            "lose_next_responses": 3,
            "lose_response_probability": 0.25,
            "late_dialog_ms": [300, 600],
            "late_rows_ms": 400,
        }
    )
    assert settings["lose_next_responses"] == 3
    assert settings["lose_response_probability"] == 0.25
    assert settings["late_dialog_ms"] == [300, 600] and settings["late_rows_ms"] == [400, 400]
    assert settings["concurrent_edit"] is None and settings["fail_next_saves"] == 0
    assert sim.faults({"late_dialog_ms": None})["late_dialog_ms"] is None
    sim.reset()
    assert sim.faults()["lose_next_responses"] == 0 and sim.faults()["late_rows_ms"] is None


@pytest.mark.parametrize(
    "doc",
    [
        {"lose_next_responses": -1},
        {"lose_response_probability": 1.5},
        {"late_dialog_ms": [600, 300]},
        {"late_rows_ms": "slow"},
        {"concurrent_edit": {"kind": "host", "name": "x", "change": "delete"}},
        {"concurrent_edit": {"kind": "route", "name": "", "change": "delete"}},
        {"concurrent_edit": {"kind": "route", "name": "x", "change": {"colour": "red"}}},
        {"concurrent_edit": {"kind": "rule", "name": "x", "change": {}}},
        {"concurrent_edit": {"kind": "rule", "name": "x"}},
    ],
)
def test_bad_fault_documents_are_refused(sim: Any, doc: dict[str, Any]) -> None:
    response = sim.client.post("/_sim/faults", json=doc)
    assert response.status_code == 400
    assert next(iter(doc)) in response.json()["error"]
    with pytest.raises(FaultError):
        parse(doc)


def test_faults_given_at_start_are_in_force(tmp_path: Path) -> None:
    edit = {"kind": "rule", "name": "Catch-all", "change": {"enabled": False}}
    initial = {"lose_next_responses": 1, "late_rows_ms": [300, 500], "concurrent_edit": edit}
    with (
        SimulatorServer(tmp_path / "state.json", auth=False, faults=initial) as server,
        sim_client(server.url) as client,
    ):
        settings = client.get("/_sim/faults").json()
        assert settings["lose_next_responses"] == 1
        assert settings["late_rows_ms"] == [300, 500]
        assert settings["concurrent_edit"] == edit
        assert client.post(ROUTES, json=LEGACY).status_code in (502, 504)
        assert client.get("/_sim/state").json()["routes"] == [LEGACY]


def test_a_concurrent_edit_races_with_our_write_in_its_own_org_unit_only(
    sim: Any, console: httpx.Client
) -> None:
    top = {**SPLIT, "org_unit": "/"}
    sales = {**SPLIT, "org_unit": "/Sales"}
    sim.put_state({"org_units": ["/", "/Sales"], "routes": [LEGACY], "routing_rules": [top, sales]})
    by_unit = {r["org_unit"]: r for r in console.get(RULES).json()["rules"]}
    edit = {"kind": "rule", "name": SPLIT["description"], "change": {"enabled": False}}

    # No OU given: the namesake in the OU of our write is the one the other admin changes.
    sim.faults({"concurrent_edit": edit})
    response = console.patch(f"{RULES}/{by_unit['/Sales']['id']}", json={"enabled": True})
    assert response.status_code == 409
    rules = {r["org_unit"]: r for r in sim.state()["routing_rules"]}
    assert rules["/Sales"]["enabled"] is False and rules["/"].get("enabled", True) is True
    [raced] = sim.audit()
    assert (raced["by"], raced["org_unit"]) == ("another-admin", "/Sales")

    # An OU given: our write elsewhere does not fire it; our write there does.
    sim.faults({"concurrent_edit": {**edit, "org_unit": "/"}})
    assert sim.faults()["concurrent_edit"]["org_unit"] == "/"
    assert console.patch(f"{RULES}/{by_unit['/Sales']['id']}", json={"enabled": True}).is_success
    assert sim.faults()["concurrent_edit"] is not None
    assert console.patch(f"{RULES}/{by_unit['/']['id']}", json={"enabled": True}).status_code == 409
    assert sim.audit()[-1]["by"] == "another-admin" and "org_unit" not in sim.audit()[-1]
