"""Saves under races and refusals: retry only what may succeed, never overwrite someone else."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from runbook.simulator.faults import Faults
from tests.cli.conftest import CliResult
from tests.in_process import InProcessRunbook
from tests.profiles import login
from tests.samples import LEGACY_ROUTE, UNMANAGED_ROUTE, UNMANAGED_RULE, split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]
ROUTE = LEGACY_ROUTE["name"]


def state(sim_http: httpx.Client) -> dict[str, Any]:
    return sim_http.get("/_sim/state").json()  # type: ignore[no-any-return]


def writes(sim_http: httpx.Client) -> list[tuple[str, str, str | None]]:
    return [(e["action"], e["name"], e.get("by")) for e in sim_http.get("/_sim/audit").json()]


def route_only() -> dict[str, Any]:
    doc = split_delivery()
    doc["steps"] = doc["steps"][:1]
    return doc


def test_a_route_created_by_someone_else_meanwhile_is_not_overwritten(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    theirs = {"server": {"single_host": {"host": "theirs.example.com", "port": 2525}}}
    sim_http.post(
        "/_sim/faults", json={"concurrent_edit": {"kind": "route", "name": ROUTE, "change": theirs}}
    ).raise_for_status()
    result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert step["status"] == "failed"
    assert "created by someone else meanwhile" in step["message"]
    assert "nothing was overwritten" in step["message"]
    assert state(sim_http)["routes"] == [{**LEGACY_ROUTE, **theirs}]
    # the changes shown are ours as intended, not what the console holds
    assert step["changes"] and step["changes_state"] == "not_saved"
    page = (tmp_path / result.run()["run_dir"] / "report.html").read_text()
    assert "Changes — intended, not saved" in page
    assert writes(sim_http) == [("create_route", ROUTE, "another-admin")]


def test_a_route_equal_to_ours_created_meanwhile_is_not_claimed_as_our_save(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    sim_http.post(
        "/_sim/faults",
        json={"concurrent_edit": {"kind": "route", "name": ROUTE, "change": {"mx_lookup": False}}},
    ).raise_for_status()
    result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert "created by someone else meanwhile" in step["message"]
    assert "earlier attempt" not in result.output
    assert writes(sim_http) == [("create_route", ROUTE, "another-admin")]


def test_a_create_refused_as_already_existing_is_someone_elses_whatever_its_spacing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    spaced = "Legacy  mail server"  # listed as the console shows it: "Legacy mail server"
    theirs = {"server": {"single_host": {"host": "theirs.example.com", "port": 2525}}}
    sim_http.post(
        "/_sim/faults",
        json={"concurrent_edit": {"kind": "route", "name": spaced, "change": theirs}},
    ).raise_for_status()
    doc = route_only()
    doc["steps"][0]["mail_route"]["name"] = spaced
    result = runbook_cli("run", str(write_runbook(doc)), "--json", "--retries", "3")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert "created by someone else meanwhile" in step["message"]
    assert "attempts" not in step["details"]
    assert writes(sim_http) == [("create_route", spaced, "another-admin")]


def test_a_lost_answer_to_our_create_is_recognised_on_re_read(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    sim_http.post("/_sim/faults", json={"lose_next_responses": 1}).raise_for_status()
    result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    assert result.code == 0, result.output
    [step] = result.run()["steps"]
    assert step["status"] == "changed"
    assert step["message"] == "saved by an earlier attempt whose answer was lost"
    assert writes(sim_http) == [("create_route", ROUTE, None)]


@contextmanager
def once(ready: Callable[[], bool], then: Callable[[], None]) -> Iterator[None]:
    """While the block runs: as soon as `ready()` holds, `then()` (another admin's doing)."""
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if ready():
                then()
                return
            done.wait(0.02)  # polling the simulator, not a UI wait

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def put_routes(sim_http: httpx.Client, *routes: dict[str, Any]) -> Callable[[], None]:
    return lambda: sim_http.put("/_sim/state", json={"routes": list(routes)}).raise_for_status()


def test_a_route_created_by_someone_else_while_our_dialog_is_open_is_not_overwritten(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    theirs = {**LEGACY_ROUTE, "server": {"single_host": {"host": "theirs.example.com", "port": 25}}}
    # counts our console requests (the page, the list, then our Add dialog's, answered late)
    faults = {"expire_session_after": 100, "late_dialog_ms": [800, 800]}
    sim_http.post("/_sim/faults", json=faults).raise_for_status()

    def dialog_open() -> bool:
        left: int = sim_http.get("/_sim/faults").json()["expire_session_after"]
        return left <= 97

    with once(dialog_open, put_routes(sim_http, theirs)):
        result = runbook_cli("run", str(write_runbook(route_only())), "--json", "--retries", "3")
    sim_http.post(
        "/_sim/faults", json={"expire_session_after": None, "late_dialog_ms": None}
    ).raise_for_status()
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert "created by someone else meanwhile" in step["message"]
    assert "already exists" in step["message"]
    assert "attempts" not in step["details"]
    assert state(sim_http)["routes"] == [theirs]
    assert writes(sim_http) == []


def test_a_lost_answer_then_someone_elses_change_is_not_overwritten(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    old = {**LEGACY_ROUTE, "server": {"single_host": {"host": "old.example.com", "port": 25}}}
    theirs = {**LEGACY_ROUTE, "server": {"single_host": {"host": "theirs.example.com", "port": 25}}}
    sim_http.put("/_sim/state", json={"routes": [old]}).raise_for_status()
    # our update is applied, its answer lost; the other admin changes the route before we re-read
    sim_http.post(
        "/_sim/faults", json={"lose_next_responses": 1, "latency_ms": [300, 300]}
    ).raise_for_status()

    def ours_applied() -> bool:
        return any(by is None for _, _, by in writes(sim_http))

    with once(ours_applied, put_routes(sim_http, theirs)):
        result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert "changed by someone else meanwhile" in step["message"]
    assert "nothing was overwritten" in step["message"]
    assert "earlier attempt" not in result.output
    assert state(sim_http)["routes"] == [theirs]
    assert writes(sim_http) == [("update_route", ROUTE, None)]


def test_a_route_used_by_a_rule_is_refused_at_once_without_retry(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    sim_http.put(
        "/_sim/state", json={"routes": [UNMANAGED_ROUTE], "routing_rules": [UNMANAGED_RULE]}
    ).raise_for_status()
    doc = route_only()
    doc["steps"][0]["mail_route"] = {"name": UNMANAGED_ROUTE["name"]}
    doc["steps"][0]["state"] = "absent"
    result = runbook_cli("run", str(write_runbook(doc)), "--json", "--retries", "3")
    assert result.code == 1, result.output
    [step] = result.run()["steps"]
    assert "used by a routing setting and can't be deleted" in step["message"]
    assert "attempts" not in step["details"]
    assert "step.retry" not in result.output
    assert state(sim_http)["routes"] == [UNMANAGED_ROUTE]


def test_a_server_error_is_still_retried_and_each_attempt_is_in_the_reports(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    sim_http.post("/_sim/faults", json={"fail_next_saves": 2}).raise_for_status()
    result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    assert result.code == 0, result.output
    document = result.run()
    [step] = document["steps"]
    assert step["details"]["attempts"] == 3
    assert state(sim_http)["routes"] == [LEGACY_ROUTE]

    # report.json: each attempt, how it ended and why, with its own screenshots on disk
    run_dir = tmp_path / document["run_dir"]
    [reported] = json.loads((run_dir / "report.json").read_text())["steps"]
    attempts = reported["attempts"]
    assert [(a["n"], a["outcome"]) for a in attempts] == [
        (1, "failed"),
        (2, "failed"),
        (3, "changed"),
    ]
    for attempt in attempts[:2]:
        assert attempt["error"].startswith("the console could not save route"), attempt
        assert "\n" not in attempt["error"]
    assert attempts[2]["error"] == ""
    shots = [[c["name"] for c in a["checkpoints"]] for a in attempts]
    assert shots[0] == shots[1] == ["filled", "failure"]
    assert "filled" in shots[2]
    paths = [c["path"] for a in attempts for c in a["checkpoints"]]
    assert len(set(paths)) == len(paths)  # no attempt's screenshot overwrote another's
    assert all((run_dir / path).is_file() for path in paths)
    assert attempts[2]["checkpoints"] == reported["checkpoints"]

    # report.html: a line per attempt, linking that attempt's screenshots
    page = (run_dir / "report.html").read_text()
    assert "Attempt 1 of 3: failed — " in page and "Attempt 3 of 3: changed" in page
    for attempt in attempts[:2]:
        filled = attempt["checkpoints"][0]["path"]
        assert f'<a href="{filled}">filled</a>' in page


# Over 20 s: the session expires around the save, the run stops, the profile signs in
# again.
@pytest.mark.parametrize(
    ("expire_after", "saved", "said", "not_said"),
    [
        # The route-only run makes three console requests up to its create (the page, the
        # list, the create). Expiring at the next one (the list reloaded after the save): the
        # save went through, the run cannot know it.
        (
            3,
            [("create_route", ROUTE, None)],
            "sign-in was required after the save was sent; it may have been applied",
            "nothing was saved",
        ),
        # Expiring at the create: the console answers the save itself with sign-in (401).
        (2, [], "it answered the save with it: nothing was saved", "may have been applied"),
    ],
    ids=["after-the-save", "at-the-save"],
)
def test_sign_in_around_a_save_says_whether_it_may_have_been_applied(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    simulator: Any,
    expire_after: int,
    saved: list[Any],
    said: str,
    not_said: str,
    in_process: InProcessRunbook,
) -> None:
    sim_http.post("/_sim/faults", json={"expire_session_after": expire_after}).raise_for_status()
    try:
        result = runbook_cli("run", str(write_runbook(route_only())), "--json")
    finally:
        login(cli_env, simulator.url, in_process)
    assert result.code == 3, result.output
    assert writes(sim_http) == saved
    [step] = result.run()["steps"]
    assert "sign-in" in step["message"] and said in step["message"], step
    assert not_said not in result.output
    # the create's changes: possibly in the console after the save, surely not when refused
    assert step["changes_state"] == ("unconfirmed" if saved else "not_saved")
    assert "saves nothing" not in result.output


RULE = "Split delivery to the legacy server"


def seed_failing(pattern: list[bool], probability: float = 0.5) -> int:
    """A seed whose first writes fail (True) or pass (False) as `pattern` says."""
    for seed in range(10_000):
        faults = Faults({"fail_save_probability": probability, "seed": seed})
        if [faults.take_save_failure()[0] for _ in pattern] == pattern:
            return seed
    raise AssertionError(f"no seed gives {pattern}")


def disabled_rule(sim_http: httpx.Client, writes_fail: list[bool]) -> dict[str, Any]:
    """Route in the console; the rule, `enabled: false`, to create; saves failing as given."""
    sim_http.put("/_sim/state", json={"routes": [LEGACY_ROUTE]}).raise_for_status()
    seed = seed_failing(writes_fail)
    sim_http.post(
        "/_sim/faults", json={"fail_save_probability": 0.5, "seed": seed}
    ).raise_for_status()
    return split_delivery(enabled=False)  # the route step finds it in sync: no write


def test_a_rule_that_cannot_be_disabled_after_its_create_is_deleted_again(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    # create passes, the disable and its retry fail, the delete passes
    doc = disabled_rule(sim_http, [False, True, True, False])
    result = runbook_cli("run", str(write_runbook(doc)), "--json", "--retries", "1")
    assert result.code == 1, result.output
    _, step = result.run()["steps"]
    assert step["status"] == "failed"
    assert "could not be disabled" in step["message"] and "deleted again" in step["message"]
    assert step["changes"] == []
    assert state(sim_http)["routing_rules"] == []
    assert writes(sim_http) == [("create_rule", RULE, None), ("delete_rule", RULE, None)]


def test_a_rule_left_enabled_says_so_prominently(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    # create passes; the disable, its retry and the delete fail
    doc = disabled_rule(sim_http, [False, True, True, True])
    result = runbook_cli("run", str(write_runbook(doc)), "--json", "--retries", "1")
    assert result.code == 1, result.output
    _, step = result.run()["steps"]
    assert step["message"].startswith("RULE CREATED AND STILL ENABLED")
    assert "RULE CREATED AND STILL ENABLED" in result.stderr
    enabled = [c for c in step["changes"] if c["field"] == "enabled"]
    assert enabled and enabled[0]["after"] is True
    [rule] = state(sim_http)["routing_rules"]
    assert rule["enabled"] is True


def test_a_disabled_rule_whose_create_lost_its_answer_is_disabled_not_called_theirs(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    sim_http.put("/_sim/state", json={"routes": [LEGACY_ROUTE]}).raise_for_status()
    sim_http.post("/_sim/faults", json={"lose_next_responses": 1}).raise_for_status()
    doc = split_delivery(enabled=False)  # the route step finds it in sync: the create is lost
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    _, step = result.run()["steps"]
    assert "someone else" not in step["message"]
    assert step["action"] == "create"
    assert {c["field"] for c in step["changes"]} > {"enabled"}  # not only enabled: true → false
    [rule] = state(sim_http)["routing_rules"]
    assert rule["enabled"] is False
    assert [w for w in writes(sim_http) if w[2] == "another-admin"] == []
