"""`--tenants`: one runbook over several consoles, each tenant in its own worker process."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from runbook.simulator.server import SimulatorServer
from tests.cli.conftest import CliResult, write_tenants
from tests.samples import LEGACY_ROUTE, converged_rule, split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]
RULE = "Split delivery to the legacy server"


def test_one_tenant_whose_console_changed_does_not_stop_the_other(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    simulator: Any,
    beta: httpx.Client,
    second_console: SimulatorServer,
    tmp_path: Path,
) -> None:
    # beta already has the route and rule, and its console grew an option runbook does not
    # know: applying there is exit 4. acme is empty: the run creates both, with acme's host.
    state = {"routes": [LEGACY_ROUTE], "routing_rules": [converged_rule()]}
    beta.put("/_sim/state", json=state).raise_for_status()
    beta.post(
        "/_sim/faults", json={"extra_option": {"label": "Add X-Gm-Future header", "rule": RULE}}
    ).raise_for_status()
    book = write_runbook(split_delivery())
    tenants = write_tenants(
        tmp_path,
        [
            {
                "name": "acme",
                "console": simulator.url,
                "profile": "default",
                "vars": {"legacy_host": "mx.acme.example"},
            },
            {"name": "beta", "console": second_console.url},
        ],
    )
    result = runbook_cli(
        "run", str(book), "--tenants", str(tenants), "--workers", "2", "--screenshots", "off"
    )
    assert result.code == 4, result.output

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    by_tenant = {line["tenant"]: line for line in lines}
    assert sorted(by_tenant) == ["acme", "beta"]
    assert (by_tenant["acme"]["exit_code"], by_tenant["acme"]["status"]) == (0, "ok")
    assert (by_tenant["beta"]["exit_code"], by_tenant["beta"]["status"]) == (4, "console_changed")
    assert all(line["duration_ms"] > 0 for line in lines)

    [fleet] = (tmp_path / "recordings").glob("*-split-delivery-fleet")
    for name in ("acme", "beta"):
        assert Path(tmp_path, by_tenant[name]["report"]) == fleet / name / "report.html"
        assert (fleet / name / "report.json").exists()
    host = sim_http.get("/_sim/state").json()["routes"][0]["server"]["single_host"]["host"]
    assert host == "mx.acme.example"
    assert beta.get("/_sim/audit").json() == []  # nothing saved on the changed console

    page = (fleet / "report.html").read_text()
    assert 'href="acme/report.html"' in page and 'href="beta/report.html"' in page
    assert "console_changed (exit 4)" in page
    assert "Exit code 4" in page
    assert "exit 4" in result.stderr  # the summary

    # beta's cause, in one line: the step that failed and its error, in every fleet output
    report = json.loads((fleet / "report.json").read_text())
    tenants = {t["tenant"]: t for t in report["tenants"]}
    [failed] = [s for s in tenants["beta"]["run"]["steps"] if s["status"] == "failed"]
    first_line = failed["message"].splitlines()[0]
    cause = f'step {failed["index"]} "{failed["name"]}": {first_line}'
    assert tenants["beta"]["cause"] == cause and tenants["acme"]["cause"] == ""
    [line] = [line for line in result.stderr.splitlines() if line.strip().startswith("beta ")]
    assert "console_changed (exit 4)" in line
    assert f'step {failed["index"]} "{failed["name"]}": ' in line
    assert html.escape(first_line[:60]) in page


def test_a_bad_tenants_file_is_exit_65_before_any_browser(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    tenants = write_tenants(
        tmp_path, [{"name": "acme", "console": "https://admin.google.com", "locle": "fr"}]
    )
    result = runbook_cli("drift", str(book), "--tenants", str(tenants))
    assert result.code == 65, result.output
    assert (
        f"{tenants}:3:3: unknown key 'locle' in a tenant; did you mean 'locale'?" in result.stderr
    )
    assert not (tmp_path / "recordings").exists()


def test_fleet_options_need_a_tenants_file(runbook_cli: Run, write_runbook: Write) -> None:
    result = runbook_cli("drift", str(write_runbook(split_delivery())), "--shard", "0/2")
    assert result.code == 64
    assert "--shard needs --tenants FILE" in result.stderr


def test_tenants_says_which_tenants_share_a_lock_and_so_run_one_after_the_other(
    runbook_cli: Run, tmp_path: Path
) -> None:
    tenants = write_tenants(
        tmp_path,
        [
            {"name": "acme", "console": "https://admin.google.com", "profile": "ops"},
            {"name": "beta", "console": "https://admin.google.com/u/0/", "profile": "ops"},
            {"name": "gamma", "console": "https://admin.google.com", "profile": "gamma"},
        ],
    )
    result = runbook_cli("tenants", str(tenants))
    assert result.code == 0, result.output
    assert "acme, beta share a console and profile: they run one after the other" in result.stdout
    assert "gamma share" not in result.stdout


def test_tenants_of_one_worker_share_its_browser_but_never_a_session(
    runbook_cli: Run,
    write_runbook: Write,
    cli_env: dict[str, str],
    simulator: Any,
    tmp_path: Path,
) -> None:
    # One worker runs acme (signed in: the saved session of profile "default"), then beta on
    # the same console with a profile that has no session. beta's run is in the browser
    # acme's ran in, but not in its context: it meets the sign-in (no password in the
    # environment to answer it), and nothing of acme's session reaches it.
    env = {k: v for k, v in cli_env.items() if k not in ("RUNBOOK_PASSWORD", "RUNBOOK_TOTP_SECRET")}
    book = write_runbook(split_delivery())
    tenants = write_tenants(
        tmp_path,
        [
            {"name": "acme", "console": simulator.url, "profile": "default"},
            {"name": "beta", "console": simulator.url, "profile": "nobody"},
        ],
    )
    result = runbook_cli(
        "drift",
        str(book),
        "--tenants",
        str(tenants),
        "--workers",
        "1",
        "--screenshots",
        "off",
        env=env,
    )
    by_tenant = {line["tenant"]: line for line in map(json.loads, result.stdout.splitlines())}
    assert by_tenant["acme"]["exit_code"] == 2, result.output  # signed in: drift (empty console)
    assert by_tenant["beta"]["exit_code"] == 3, result.output  # sign-in required
    [fleet] = (tmp_path / "recordings").glob("*-split-delivery-fleet")
    acme = json.loads((fleet / "acme" / "report.json").read_text())
    beta = json.loads((fleet / "beta" / "report.json").read_text())
    assert acme["exit_code"] == 2 and "sign-in" in beta["error"], beta["error"]
