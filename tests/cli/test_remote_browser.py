"""`--browser-endpoint`: runs and drift checks through a real Playwright browser server."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli.conftest import BrowserServer, CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]

TOKEN = "tok-7f3a9c41e2b8"  # the bearer token a hosted service would take
QUERY_TOKEN = "q-5d21b7e0aa94"  # a token in the endpoint's query, as some services take it


def audit(sim_http: httpx.Client) -> list[tuple[str, str]]:
    return [(e["action"], e["name"]) for e in sim_http.get("/_sim/audit").json()]


def folder_text(folder: Path) -> str:
    """Everything the run wrote that a person reads: the log and both reports."""
    return "".join(
        (folder / name).read_text() for name in ("run.jsonl", "report.json", "report.html")
    )


def closed_endpoint() -> str:
    """A browser-server address on a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"ws://127.0.0.1:{probe.getsockname()[1]}/playwright"


# Over 20 s: a run and a drift through a browser server, which launches a browser per
# connection.
def test_run_and_drift_through_a_browser_server(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    browser_server: BrowserServer,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    book = str(write_runbook(split_delivery()))
    env = {
        **cli_env,
        "PW_TOKEN": TOKEN,
        "RUNBOOK_BROWSER_ENDPOINT": f"{browser_server.endpoint}?token={QUERY_TOKEN}",
    }
    remote = [
        "--browser-header",
        "Authorization=Bearer ${env:PW_TOKEN}",
        "--browser-launch-options",
        browser_server.launch_options,
    ]

    first = runbook_cli("run", book, *remote, "--video", "--trace", "on", "--json", env=env)
    assert first.code == 0, first.output
    assert [s["status"] for s in first.run()["steps"]] == ["changed", "changed"]
    writes = audit(sim_http)
    assert [action for action, _ in writes] == ["create_route", "create_rule"]
    folder = tmp_path / first.run()["run_dir"]
    browser = json.loads((folder / "report.json").read_text())["browser"]
    assert browser["endpoint"] == browser_server.endpoint  # without its query
    assert browser["version"]
    # Video (recorded on the server, copied here), trace and screenshots, as with a local one.
    assert (folder / "video.webm").stat().st_size > 0
    assert (folder / "trace.zip").is_file()
    shots = [p.name for p in folder.glob("*.png")]
    assert len([n for n in shots if n.endswith("-saved.png")]) == 2, shots
    assert {n[:3] for n in shots if "-filled" in n} == {"01-", "02-"}, shots  # (tall: in parts)
    assert f"remote: {browser_server.endpoint}" in (folder / "report.html").read_text()
    for secret in (TOKEN, QUERY_TOKEN):
        assert secret not in folder_text(folder) + first.output

    again = runbook_cli("run", book, *remote, "--json", env=env)
    assert again.code == 0, again.output
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]
    assert audit(sim_http) == writes  # zero writes

    drift = runbook_cli(
        "drift", book, "--browser-endpoint", browser_server.endpoint, *remote[2:], "--json"
    )
    assert drift.code == 0, drift.output
    assert drift.run()["browser"]["endpoint"] == browser_server.endpoint
    assert audit(sim_http) == writes


def test_a_server_of_another_playwright_version_is_named_with_both_versions(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, browser_server: BrowserServer
) -> None:
    # The real server answers HTTP 428 to a client claiming another version.
    book = str(write_runbook(split_delivery()))
    older = "Playwright/1.40.0 (x64; debian 12) python/3.11"
    result = runbook_cli(
        "run", book, "--browser-endpoint", browser_server.endpoint,
        "--browser-header", f"User-Agent={older}",
    )  # fmt: skip
    assert result.code == 1, result.output
    ours = ".".join(version("playwright").split(".")[:2])
    assert f"runs Playwright {ours}, this client Playwright 1.40" in result.output
    assert f"pip install playwright=={version('playwright')}" in result.output
    assert "run-server" in result.output
    assert audit(sim_http) == []


def test_an_unreachable_endpoint_fails_before_any_step_naming_it(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    endpoint = closed_endpoint()
    book = str(write_runbook(split_delivery()))
    result = runbook_cli("drift", book, "--browser-endpoint", endpoint, "--json")
    assert result.code == 1, result.output
    document = result.run()
    assert endpoint in document["error"]
    assert document["steps"] == []
    assert audit(sim_http) == []


@pytest.mark.parametrize(
    ("option", "reason"),
    [
        (["--browser-endpoint", "http://127.0.0.1:3000/"], "expected ws://HOST:PORT/PATH"),
        (["--browser-endpoint", "ws://"], "expected ws://HOST:PORT/PATH"),
        (["--browser-header", "Authorization"], "expected NAME=VALUE"),
        (["--browser-header", "X=${env:RUNBOOK_TEST_UNSET}"], "RUNBOOK_TEST_UNSET is not set"),
        (["--browser-launch-options", "{executablePath: 1}"], "not JSON"),
        (["--browser-launch-options", "[]"], "expected a JSON object"),
        (["--browser-header", "X=1"], "--browser-header needs --browser-endpoint"),
    ],
)
def test_bad_browser_options_are_usage_errors(
    runbook_cli: Run, write_runbook: Write, option: list[str], reason: str, cli_env: Any
) -> None:
    book = str(write_runbook(split_delivery()))
    env = {k: v for k, v in cli_env.items() if k != "RUNBOOK_BROWSER_ENDPOINT"}
    result = runbook_cli("run", book, *option, env=env)
    assert result.code == 64, result.output
    assert reason in result.stderr.strip().splitlines()[-1]  # one line says why


def test_login_through_a_browser_server_saves_a_session(
    runbook_cli: Run, browser_server: BrowserServer, cli_env: dict[str, str], simulator: Any
) -> None:
    from runbook.simulator import auth as sim_auth

    login = ["login", "--non-interactive", "--user", sim_auth.DEFAULT_USER]
    login += ["--console", simulator.url, "--profile", "through-server"]
    unreachable = runbook_cli(*login, "--browser-endpoint", closed_endpoint())
    assert unreachable.code == 1, unreachable.output
    assert "could not reach the browser server at ws://127.0.0.1:" in unreachable.stderr
    result = runbook_cli(
        *login, "--browser-endpoint", browser_server.endpoint,
        "--browser-launch-options", browser_server.launch_options,
    )  # fmt: skip
    assert result.code == 0, result.output
    saved = Path(cli_env["XDG_CONFIG_HOME"]) / "runbook" / "profiles" / "through-server.json"
    assert json.loads(saved.read_text())["cookies"]
