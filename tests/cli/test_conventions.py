"""Conventions of every command: options from the environment, results on stdout and log
lines on stderr (as text, or as JSON lines for containers)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]

SHIPPED = str(Path(__file__).resolve().parents[2] / "runbooks" / "split-delivery.yaml")


def test_an_option_comes_from_the_environment_and_the_command_line_wins(
    runbook_cli: Run, cli_env: dict[str, str]
) -> None:
    french = runbook_cli("explain", SHIPPED, env={**cli_env, "RUNBOOK_LOCALE": "fr"})
    assert french.code == 0, french.output
    assert "Runbook «\xa0split-delivery\xa0»" in french.stdout
    english = runbook_cli(
        "explain", SHIPPED, "--locale", "en", env={**cli_env, "RUNBOOK_LOCALE": "fr"}
    )
    assert english.code == 0, english.output
    assert "«" not in english.stdout
    as_json = runbook_cli("validate", SHIPPED, env={**cli_env, "RUNBOOK_JSON": "1"})
    assert as_json.code == 0, as_json.output
    assert as_json.json()["format"] == 1


def test_log_format_json_puts_one_json_object_per_event_on_stderr(
    runbook_cli: Run, write_runbook: Write
) -> None:
    book = str(write_runbook(split_delivery()))
    result = runbook_cli("run", book, "--dry-run", "--screenshots", "off", "--log-format", "json")
    assert result.code == 0, result.output
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    names = [e["event"] for e in events]
    assert names[0] == "run.started" and names[-1] == "run.finished", names
    assert names.count("step.finished") == 2
    assert "run.started" not in result.stdout  # stdout: the summary only
    assert "would create" in result.stdout
