"""Saved plans: `plan` records, `show` prints, `apply` makes exactly them or refuses a stale one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from runbook.engine.saved_plan import sealed
from tests.cli.conftest import CliResult
from tests.cli.test_drift import edit_live, writes
from tests.cli.test_sessions import CANARY, secret_host
from tests.samples import LEGACY_ROUTE, split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def test_plan_then_apply_then_the_same_plan_is_stale(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    doc, env = secret_host(cli_env)
    book = write_runbook(doc)
    planned = runbook_cli("plan", str(book), "-o", "plan.json", env=env)
    assert planned.code == 2, planned.output
    assert "would create" in planned.output
    assert writes(sim_http) == 0
    text = (tmp_path / "plan.json").read_text()
    assert CANARY not in text
    saved = json.loads(text)
    [entry] = saved["runbooks"]
    assert [s["action"] for s in entry["steps"]] == ["create", "create"]
    assert set(entry["secrets"]) == {"LEGACY_HOST"}
    host = next(f for f in entry["steps"][0]["fields"] if f["field"].endswith(".host"))
    assert host == {
        "field": "server.single_host.host",
        "before": None,
        "after": "${env:LEGACY_HOST}",
        "changed": True,
    }
    shown = runbook_cli("show", "plan.json")
    assert shown.code == 0, shown.output
    assert "+ create: mail_route 'Legacy mail server'" in shown.output
    assert CANARY not in shown.output

    # A plan edited after review is refused, by `show` and by `apply`, before any write; one
    # forged with the key is caught as its steps are about to act.
    edited = json.loads(text)
    port = next(f for f in edited["runbooks"][0]["steps"][0]["fields"] if "port" in f["field"])
    port["after"] = 2525
    (tmp_path / "edited.json").write_text(json.dumps(edited))
    for command in ("show", "apply"):
        refused = runbook_cli(command, "edited.json", env=env)
        assert refused.code == 1, refused.output
        assert "its content was edited since" in refused.output
    del edited["seal"]
    key = (Path(env["XDG_CONFIG_HOME"]) / "runbook" / "plan.key").read_text().strip().encode()
    (tmp_path / "forged.json").write_text(json.dumps(sealed(edited, key)))
    forged = runbook_cli("apply", "forged.json", env=env)
    assert forged.code == 1, forged.output
    assert "step 1 would not make the changes the plan shows" in forged.output
    assert writes(sim_http) == 0
    elsewhere = {**env, "XDG_CONFIG_HOME": str(tmp_path / "no-key")}
    unchecked = runbook_cli("show", "plan.json", env=elsewhere)
    assert unchecked.code == 0 and "Seal not checked: no plan key" in unchecked.output
    assert not (tmp_path / "no-key").exists()  # show never makes a key

    other = {**env, "LEGACY_HOST": "elsewhere.example.com"}
    refused = runbook_cli("apply", "plan.json", env=other)
    assert refused.code == 1, refused.output
    assert "the plan is stale" in refused.output and "${env:LEGACY_HOST}" in refused.output

    applied = runbook_cli("apply", "plan.json", "--screenshots", "off", env=env)
    assert applied.code == 0, applied.output
    state = sim_http.get("/_sim/state").json()
    assert [r["name"] for r in state["routes"]] == ["Legacy mail server"]
    assert state["routes"][0]["server"]["single_host"]["host"] == f"{CANARY}.example.com"
    assert len(state["routing_rules"]) == 1
    done = writes(sim_http)

    again = runbook_cli("apply", "plan.json", env=env)
    assert again.code == 1, again.output
    assert "the plan is stale" in again.output and "now exists" in again.output
    assert writes(sim_http) == done


def test_a_field_changed_by_hand_after_the_plan_is_refused_before_any_write(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    edit_live(sim_http, lambda live: live.update(routes=[LEGACY_ROUTE]))
    doc: dict[str, Any] = split_delivery()
    doc["steps"][0]["mail_route"]["server"]["single_host"]["port"] = 2525
    book = write_runbook(doc)
    planned = runbook_cli("plan", str(book))
    assert planned.code == 2, planned.output
    steps = json.loads((tmp_path / "plan.json").read_text())["runbooks"][0]["steps"]
    assert [s["action"] for s in steps] == ["update", "create"]
    port = next(f for f in steps[0]["fields"] if f["field"] == "server.single_host.port")
    assert (port["before"], port["after"], port["changed"]) == (25, 2525, True)

    edit_live(sim_http, lambda live: live["routes"][0].update(mx_lookup=True))
    before = writes(sim_http)
    refused = runbook_cli("apply", "plan.json")
    assert refused.code == 1, refused.output
    assert "the plan is stale" in refused.output and "mx_lookup" in refused.output
    assert writes(sim_http) == before


def test_a_runbook_edited_after_the_plan_is_refused_without_a_browser(
    runbook_cli: Run, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    book = tmp_path / "book.yaml"
    book.write_text("version: 1\n")
    key = "k" * 32
    plan = {
        "format": 2,
        "runbooks": [{"file": str(book), "sha256": "sha256:0", "steps": [], "secrets": {}}],
    }
    (tmp_path / "plan.json").write_text(json.dumps(sealed(plan, key.encode())))
    env = {**cli_env, "RUNBOOK_PLAN_KEY": key}
    result = runbook_cli("apply", "plan.json", env=env)
    assert result.code == 1, result.output
    assert "the plan is stale" in result.output and "changed since the plan" in result.output
    not_a_plan = runbook_cli("apply", str(book))
    assert not_a_plan.code == 64, not_a_plan.output
    (tmp_path / "old.json").write_text(json.dumps({**plan, "format": 1}))
    old = runbook_cli("apply", "old.json", env=env)
    assert old.code == 64 and "older runbook (plan format 1); make a new plan" in old.output


def test_a_short_plan_key_is_a_usage_error_and_no_plan_is_written(
    runbook_cli: Run, write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**cli_env, "RUNBOOK_PLAN_KEY": "secret"}
    result = runbook_cli("plan", str(write_runbook(split_delivery())), env=env)
    assert result.code == 64, result.output
    assert "RUNBOOK_PLAN_KEY is 6 bytes; a plan key needs at least 32" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "plan.json").exists()
