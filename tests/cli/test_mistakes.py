"""Ordinary mistakes get one line saying what is wrong and exit 64 (3 for a refused sign-in)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from runbook.simulator import auth as sim_auth
from tests.cli.conftest import CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def assert_one_line(result: CliResult, code: int, *words: str) -> None:
    """The command failed with `code` and one line on stderr holding every word."""
    assert result.code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "internal error" not in result.output
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port some other program listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


def login(run: Run, env: dict[str, str], url: str) -> CliResult:
    return run(
        "login", "--non-interactive", "--user", sim_auth.DEFAULT_USER, "--console", url, env=env
    )


def test_recordings_that_cannot_be_created_is_a_usage_error(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("")
    book = write_runbook(split_delivery())
    result = runbook_cli("run", str(book), "--recordings", "a-file/recordings")
    assert_one_line(result, 64, "a-file/recordings", "--recordings")
    assert sim_http.get("/_sim/audit").json() == []


def test_a_simulator_port_in_use_is_a_usage_error(runbook_cli: Run, taken_port: int) -> None:
    result = runbook_cli("simulator", "--port", str(taken_port), timeout=60)
    assert_one_line(result, 64, f"127.0.0.1:{taken_port}", "in use", "--port")


@pytest.mark.parametrize(
    ("faults", "words"),
    [
        ("{latency_ms: 5}", ["--faults", "not JSON"]),
        ('{"latency_ms": "slow"}', ["--faults", "latency_ms"]),
        ("[1, 2]", ["--faults", "JSON object"]),
    ],
)
def test_faults_that_are_no_fault_document_are_a_usage_error(
    runbook_cli: Run, faults: str, words: list[str]
) -> None:
    result = runbook_cli("simulator", "--port", "0", "--faults", faults, timeout=60)
    assert_one_line(result, 64, *words)


def test_a_totp_secret_that_is_not_base32_is_a_usage_error(
    runbook_cli: Run, cli_env: dict[str, str], tmp_path: Path, simulator: Any
) -> None:
    env = {
        **cli_env,
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "RUNBOOK_TOTP_SECRET": "n0t-b4se32!",
    }
    result = login(runbook_cli, env, simulator.url)
    assert_one_line(result, 64, "RUNBOOK_TOTP_SECRET", "base32")
    assert "n0t-b4se32!" not in result.output


def test_a_wrong_password_is_named_with_the_consoles_message(
    runbook_cli: Run, cli_env: dict[str, str], tmp_path: Path, simulator: Any
) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "RUNBOOK_PASSWORD": "wrong-one"}
    result = login(runbook_cli, env, simulator.url)
    assert_one_line(
        result,
        3,
        f"the console refused the password for {sim_auth.DEFAULT_USER}: Wrong password. Try again.",
    )
    assert "wrong-one" not in result.output
    assert not (tmp_path / "cfg" / "runbook" / "profiles" / "default.json").exists()


@pytest.mark.parametrize("state", ["a file", "not JSON"])
def test_an_embedded_simulator_that_cannot_start_is_a_usage_error(
    state: str, runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    if state == "a file":
        (tmp_path / ".runbook").write_text("")
    else:
        (tmp_path / ".runbook").mkdir()
        (tmp_path / ".runbook" / "simulator.json").write_text("{bad")
    book = write_runbook(split_delivery())
    result = runbook_cli("run", str(book), "--console", "simulator")
    assert_one_line(result, 64, "cannot start the simulator", ".runbook")


def test_two_runbooks_asking_different_things_of_one_rule_are_refused_before_any_browser(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client
) -> None:
    first = write_runbook(split_delivery(), "a.yaml")
    second = write_runbook(split_delivery(messages=["inbound"]), "b.yaml")
    lines = first.read_text().splitlines()
    at = next(n for n, text in enumerate(lines, 1) if "description: Split delivery to" in text)
    for command in ("plan", "drift"):
        result = runbook_cli(command, str(first), str(second))
        assert result.code == 65, result.output
        [line] = [x for x in result.stderr.splitlines() if "also managed" in x]
        rule = "routing rule 'Split delivery to the legacy server'"
        assert line.startswith(f"{second}:{at}:"), line
        assert f"{rule} is also managed by {first}:{at}:" in line
        assert "Traceback" not in result.output
    assert sim_http.get("/_sim/audit").json() == []
    # The same runbook twice asks nothing new: it runs.
    assert runbook_cli("drift", str(first), str(first)).code == 2


def test_a_reference_in_a_var_option_is_a_usage_error(
    runbook_cli: Run, write_runbook: Write
) -> None:
    book = write_runbook(split_delivery())
    result = runbook_cli("validate", str(book), "--var", "legacy_host=${env:HOME}")
    assert_one_line(result, 64, "--var legacy_host", "never resolved", "${env:NAME}")
