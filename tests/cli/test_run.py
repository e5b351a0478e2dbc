"""`runbook run`: idempotent apply, dry-run, failures, evidence — end to end in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from runbook.engine.lock import run_lock
from tests.cli.conftest import CliResult, converged_state, trace_kinds
from tests.samples import (
    LEGACY_ROUTE,
    UNMANAGED_ROUTE,
    UNMANAGED_RULE,
    at_top,
    split_delivery,
)

Run = Callable[..., CliResult]
Write = Callable[..., Path]
ROUTING = "/ac/apps/gmail/routing"


def state(sim_http: httpx.Client) -> dict[str, Any]:
    return sim_http.get("/_sim/state").json()  # type: ignore[no-any-return]


def audit(sim_http: httpx.Client) -> list[dict[str, Any]]:
    return [(e["action"], e["name"]) for e in sim_http.get("/_sim/audit").json()]  # type: ignore[misc]


def run_dir(result: CliResult) -> Path:
    return Path(result.run()["run_dir"])


def test_apply_on_empty_console_creates_exactly_the_route_and_rule(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    result = runbook_cli("run", str(book), "--json")
    assert result.code == 0, result.output
    doc = result.run()
    assert [s["status"] for s in doc["steps"]] == ["changed", "changed"]
    assert [s["action"] for s in doc["steps"]] == ["create", "create"]

    live = state(sim_http)
    assert live["routes"] == [LEGACY_ROUTE]
    # What the `converged` fixture of other tests sets without a run.
    converged = converged_state()
    assert live["routes"] == converged["routes"]
    assert live["routing_rules"] == at_top(*converged["routing_rules"])
    [rule] = live["routing_rules"]
    assert rule["description"] == "Split delivery to the legacy server"
    assert rule["messages"] == ["inbound", "internal_receiving"]
    assert rule["change_route"] == "Legacy mail server"
    assert rule["account_types"] == ["unrecognized_catch_all"]
    assert rule["enabled"] is True
    assert audit(sim_http) == [
        ("create_route", "Legacy mail server"),
        ("create_rule", "Split delivery to the legacy server"),
    ]
    folder = tmp_path / doc["run_dir"]
    assert (folder / "report.html").is_file()
    assert (folder / "report.json").is_file()
    assert (folder / "run.jsonl").is_file()
    shots = sorted(p.name for p in folder.glob("*.png"))
    assert any(name.startswith("01-") and "filled" in name for name in shots), shots
    assert any(name.startswith("02-") and "saved" in name for name in shots), shots
    events = [json.loads(line) for line in (folder / "run.jsonl").read_text().splitlines()]
    finished = [e for e in events if e["event"] == "step.finished"]
    assert [e["status"] for e in finished] == ["changed", "changed"]


def test_second_apply_changes_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    book = write_runbook(split_delivery())
    assert runbook_cli("run", str(book)).code == 0
    writes = len(audit(sim_http))
    again = runbook_cli("run", str(book), "--json")
    assert again.code == 0, again.output
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]
    assert len(audit(sim_http)) == writes


def test_one_changed_field_is_one_update_and_nothing_else(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    before = state(sim_http)
    changed = split_delivery(messages=["inbound"])
    result = runbook_cli("run", str(write_runbook(changed)), "--json")
    assert result.code == 0, result.output
    steps = result.run()["steps"]
    assert [s["status"] for s in steps] == ["ok", "changed"]
    assert [c["field"] for c in steps[1]["changes"]] == ["messages"]
    assert audit(sim_http)[converged:] == [("update_rule", "Split delivery to the legacy server")]
    after = state(sim_http)
    assert after["routes"] == before["routes"]
    rule_before, rule_after = before["routing_rules"][0], after["routing_rules"][0]
    assert rule_after["messages"] == ["inbound"]
    assert {k: v for k, v in rule_after.items() if k != "messages"} == {
        k: v for k, v in rule_before.items() if k != "messages"
    }


def test_port_and_filter_changes_are_single_updates(
    converged: int, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    doc = split_delivery(
        envelope_filter={"recipients": {"match": "pattern", "value": r".*@legacy\.example\.com"}}
    )
    doc["steps"][0]["mail_route"]["server"]["single_host"]["port"] = 2525
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    steps = result.run()["steps"]
    assert [c["field"] for c in steps[0]["changes"]] == ["server.single_host.port"]
    assert audit(sim_http)[converged:] == [
        ("update_route", "Legacy mail server"),
        ("update_rule", "Split delivery to the legacy server"),
    ]
    live = state(sim_http)
    assert live["routes"][0]["server"]["single_host"]["port"] == 2525
    assert live["routing_rules"][0]["envelope_filter"] == {
        "recipients": {"match": "pattern", "value": r".*@legacy\.example\.com"}
    }


def test_unmanaged_entries_are_untouched_by_apply_and_absent(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    sim_http.put(
        "/_sim/state", json={"routes": [UNMANAGED_ROUTE], "routing_rules": [UNMANAGED_RULE]}
    ).raise_for_status()
    original = state(sim_http)
    assert runbook_cli("run", str(write_runbook(split_delivery()))).code == 0
    live = state(sim_http)
    assert live["routes"][0] == original["routes"][0]
    assert live["routing_rules"][0] == original["routing_rules"][0]

    doc = split_delivery()
    doc["steps"] = [
        {"routing_rule": {"description": "Split delivery to the legacy server"}, "state": "absent"},
        {"mail_route": {"name": "Legacy mail server"}, "state": "absent"},
    ]
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    assert [s["action"] for s in result.run()["steps"]] == ["delete", "delete"]
    assert state(sim_http) == original
    assert audit(sim_http)[-2:] == [
        ("delete_rule", "Split delivery to the legacy server"),
        ("delete_route", "Legacy mail server"),
    ]


def test_dry_run_plans_both_creations_and_writes_nothing(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    result = runbook_cli("run", str(write_runbook(split_delivery())), "--dry-run", "--json")
    assert result.code == 0, result.output
    steps = result.run()["steps"]
    assert [(s["status"], s["action"]) for s in steps] == [
        ("would_change", "create"),
        ("would_change", "create"),
    ]
    assert audit(sim_http) == []
    assert state(sim_http) == {"routes": [], "routing_rules": [], "default_routing_rules": []}
    folder = tmp_path / result.run()["run_dir"]
    filled = sorted(p.name for p in folder.glob("*-filled.png"))
    assert len(filled) == 2, filled


def test_french_console_gives_the_same_result(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    doc = split_delivery()
    doc["console"]["locale"] = "fr"
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    assert state(sim_http)["routes"] == [LEGACY_ROUTE]
    assert state(sim_http)["routing_rules"][0]["account_types"] == ["unrecognized_catch_all"]
    again = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]


def test_multi_host_route_fills_primary_and_secondary_tables(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    server = {
        "multiple_hosts": {
            "primary": [
                {"host": "a.example.com", "port": 25, "load": 50},
                {"host": "b.example.com", "port": 25, "load": 50},
            ],
            "secondary": [{"host": "c.example.com", "port": 2525, "load": 100}],
        }
    }
    doc = split_delivery(
        envelope_filter={"recipients": {"match": "pattern", "value": r".*@example\.com"}}
    )
    doc["steps"][0]["mail_route"]["server"] = server
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 0, result.output
    [route] = state(sim_http)["routes"]
    assert route["server"] == server
    again = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]


def test_refused_save_fails_with_evidence_and_leaves_console_unchanged(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    sim_http.put(
        "/_sim/state", json={"routes": [UNMANAGED_ROUTE], "routing_rules": []}
    ).raise_for_status()
    original = state(sim_http)
    sim_http.post(
        "/_sim/faults", json={"fail_next_saves": 10, "message": "We couldn't save your changes."}
    )
    result = runbook_cli("run", str(write_runbook(split_delivery())), "--json", "--retries", "0")
    assert result.code == 1, result.output
    steps = result.run()["steps"]
    assert steps[0]["status"] == "failed"
    assert "couldn't save" in steps[0]["message"]
    assert steps[1]["status"] == "not_run"
    folder = tmp_path / result.run()["run_dir"]
    assert list(folder.glob("01-*-failure.png"))
    # What the step's locators looked at: the page's DOM and its accessibility tree.
    [tree] = folder.glob("01-*-failure-aria.yml")
    assert 'dialog "Add mail route"' in tree.read_text()
    assert "couldn't save" in tree.read_text()
    [dom] = folder.glob("01-*-failure-dom.html")
    assert "couldn't save" in dom.read_text()
    assert steps[0]["details"]["accessibility_tree"] == tree.name
    assert f'href="{tree.name}"' in (folder / "report.html").read_text()
    # The trace kept by default has the actions, not a DOM snapshot per action.
    assert trace_kinds(folder / "trace.zip") >= {"before", "after"}
    assert "frame-snapshot" not in trace_kinds(folder / "trace.zip")
    assert audit(sim_http) == []
    assert state(sim_http) == original
    assert "Traceback" not in result.output


def test_route_referenced_but_missing_from_console_fails_the_rule_step(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    doc = split_delivery()
    doc["steps"][0]["mail_route"]["name"] = "Other route"
    doc["steps"][1]["routing_rule"]["change_route"] = {
        "name": "Legacy mail server",
        "existing": True,
    }
    result = runbook_cli("run", str(write_runbook(doc)), "--json")
    assert result.code == 1, result.output
    steps = result.run()["steps"]
    assert steps[1]["status"] == "failed"
    assert "Legacy mail server" in steps[1]["message"]
    assert [a for a in audit(sim_http) if a[0] != "create_route"] == []


@pytest.mark.process
@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_a_terminal_shows_which_step_is_running_and_a_pipe_does_not(
    write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    command = f"{sys.executable} -m runbook run {book} --dry-run --screenshots off"
    on_terminal = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        cwd=tmp_path,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert on_terminal.returncode == 0, on_terminal.stdout
    assert "Step 1 of 2 — Add the legacy server as a mail route" in on_terminal.stdout
    assert "Step 2 of 2 — Send unrecognized recipients" in on_terminal.stdout
    piped = subprocess.run(
        command.split(), cwd=tmp_path, env=cli_env, capture_output=True, text=True, timeout=180
    )
    assert piped.returncode == 0, piped.stderr
    assert "Step 1 of 2" not in piped.stdout + piped.stderr
    assert "event=step.finished" in piped.stderr  # plain key=value lines instead, on stderr
    assert "event=" not in piped.stdout  # stdout: the result only


@pytest.mark.parametrize("command", ["run", "drift"])
def test_a_misspelt_var_is_refused_before_the_console_is_touched(
    command: str, runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    result = runbook_cli(command, str(book), "--var", "legacy_hots=mail.example.net")
    assert result.code == 64, result.output
    assert "no such variable 'legacy_hots' (did you mean 'legacy_host'?)" in result.stderr
    assert "internal error" not in result.output
    assert audit(sim_http) == []
    assert not (tmp_path / "recordings").exists()


def test_the_same_console_spelt_another_way_is_locked(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    simulator: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", cli_env["XDG_CACHE_HOME"])
    book = write_runbook(split_delivery())
    other_spelling = simulator.url.replace("127.0.0.1", "LocalHost") + "/"
    with run_lock(simulator.url, "default", runbook="split-delivery", mode="apply"):
        result = runbook_cli("run", str(book), "--console", other_spelling)
    assert result.code == 1, result.output
    assert "another run is using" in result.output
    assert audit(sim_http) == []


@pytest.mark.parametrize(
    "console", ["https://admin.google.com/ac/home", "http://127.0.0.1:99999", "not a url"]
)
def test_a_console_option_that_is_no_console_origin_is_refused_up_front(
    console: str, runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    result = runbook_cli("run", str(write_runbook(split_delivery())), "--console", console)
    assert result.code == 64, result.output
    assert "--console" in result.stderr
    assert not (tmp_path / "recordings").exists()


@pytest.mark.parametrize(
    ("other_web_server", "answer"),
    [((404, "text/html"), "HTTP 404 at"), ((200, "application/json"), "application/json at")],
    indirect=["other_web_server"],
)
def test_a_web_server_that_is_no_admin_console_is_named_so(
    other_web_server: str, answer: str, runbook_cli: Run, write_runbook: Write
) -> None:
    book = write_runbook(split_delivery())
    result = runbook_cli("run", str(book), "--console", other_web_server, "--json")
    assert result.code == 1, result.output
    assert f"not an Admin console ({answer} {other_web_server}/ac" in result.output
    assert "UI may have changed" not in result.output
    assert result.json()["exit_code"] == 1


def on_terminal(cli_env: dict[str, str], cwd: Path, *args: str) -> str:
    """What `runbook ARGS...` shows when stdout and stderr are a terminal (a pseudo-terminal)."""
    import os
    import pty
    import select

    primary, secondary = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "runbook", *args],
        cwd=cwd,
        env=cli_env,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    chunks: list[bytes] = []
    try:
        while select.select([primary], [], [], 180)[0]:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
        child.wait(timeout=60)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.process
@pytest.mark.parametrize("command", ["run", "drift"])
def test_on_a_terminal_log_lines_only_with_verbose(
    command: str, cli_env: dict[str, str], write_runbook: Write, tmp_path: Path
) -> None:
    book = str(write_runbook(split_delivery()))
    quiet = on_terminal(cli_env, tmp_path, command, book, "--screenshots", "off")
    assert "step.finished" not in quiet and "run.started" not in quiet, quiet
    assert quiet.count("Split delivery to the legacy server") == 1, quiet  # the table only
    verbose = on_terminal(cli_env, tmp_path, command, book, "--screenshots", "off", "--verbose")
    assert "step.finished" in verbose and "run.finished" in verbose, verbose
    logs = sorted(tmp_path.glob("recordings/*/run.jsonl"))
    assert len(logs) == 2
    assert all("step.finished" in log.read_text() for log in logs)


def page_loads(trace: Path) -> list[str]:
    """The paths of the console pages a run's trace shows loaded (`goto`), in order."""
    loads = []
    with zipfile.ZipFile(trace) as archive:
        for name in archive.namelist():
            if name.endswith(".trace"):
                for line in archive.read(name).decode().splitlines():
                    event = json.loads(line) if line.strip() else {}
                    if event.get("type") == "before" and event.get("method") == "goto":
                        loads.append(urlsplit(event["params"]["url"]).path)
    return loads


def three_rules(sales: str = "/Sales") -> dict[str, Any]:
    """The reference runbook, and two more rules: one at the top, one in `sales`."""
    doc = split_delivery()
    doc["steps"] += [
        {
            "name": "Reject outbound mail to a competitor",
            "routing_rule": {
                "description": "Reject outbound",
                "messages": ["outbound"],
                "action": "reject_message",
            },
        },
        {
            "name": "Sales: reject inbound mail to a closed list",
            "routing_rule": {
                "org_unit": sales,
                "description": "Reject inbound in Sales",
                "messages": ["inbound"],
                "action": "reject_message",
            },
        },
    ]
    return doc


def test_consecutive_steps_on_one_page_load_it_once_and_select_each_ou_there(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = str(write_runbook(three_rules()))
    result = runbook_cli("run", book, "--trace", "on", "--screenshots", "off", "--json")
    assert result.code == 0, result.output
    assert [s["status"] for s in result.run()["steps"]] == ["changed"] * 4
    # The rules' page loads once (ahead, while the route is read back); the OU changes there.
    assert page_loads(tmp_path / run_dir(result) / "trace.zip") == ["/ac/apps/gmail/hosts", ROUTING]
    rules = state(sim_http)["routing_rules"]
    assert [(r["description"], r["org_unit"]) for r in rules] == [
        ("Split delivery to the legacy server", "/"),
        ("Reject outbound", "/"),
        ("Reject inbound in Sales", "/Sales"),
    ]
    again = runbook_cli("run", book, "--screenshots", "off", "--json")
    assert [s["status"] for s in again.run()["steps"]] == ["ok"] * 4


def test_after_a_failed_step_the_next_one_loads_its_page_afresh(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    doc = three_rules(sales="/Nowhere")
    doc["steps"] = [doc["steps"][3], doc["steps"][2]]  # the failing one first, then the top's
    doc["steps"][0]["continue_on_error"] = True
    book = str(write_runbook(doc))
    result = runbook_cli("run", book, "--trace", "on", "--screenshots", "off", "--json")
    assert result.code == 1, result.output
    assert [s["status"] for s in result.run()["steps"]] == ["failed", "changed"]
    assert "'/Nowhere' is not in the console" in result.run()["steps"][0]["message"]
    assert page_loads(tmp_path / run_dir(result) / "trace.zip") == [ROUTING, ROUTING]
    assert [r["description"] for r in state(sim_http)["routing_rules"]] == ["Reject outbound"]
