"""run.jsonl and the terminal lines: one canonical event per step, secrets masked."""

from __future__ import annotations

import io
import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
import structlog
from structlog.testing import capture_logs

from runbook.outputs.log import (
    LOGGER_NAME,
    close_logging,
    configure_logging,
    log_run_finished,
    log_run_started,
    log_step_finished,
    log_step_started,
    terminal_console,
)
from runbook.results import Checkpoint, FieldChange, RunResult, StepResult
from runbook.secrets import MASK, Redactor

from .samples import SECRET

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")

# fetched at import time, before any configuration, as engine modules do
module_log = structlog.get_logger("runbook.engine")


def _steps() -> list[StepResult]:
    return [
        StepResult(
            index=1,
            name="Add the legacy server as a mail route",
            kind="mail_route",
            resource="Legacy mail server",
            status="changed",
            action="update",
            changes=[FieldChange("server.single_host.port", 25, 2525)],
            checkpoints=[Checkpoint("filled", "01-add-the-legacy-server-filled.png")],
            duration_ms=812,
        ),
        StepResult(
            index=2,
            name="Send unrecognized recipients to the legacy server",
            kind="routing_rule",
            resource="Split delivery",
            status="ok",
            duration_ms=301,
        ),
    ]


def _run(log: Any, steps: list[StepResult]) -> None:
    log_run_started(
        log,
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode="apply",
        console="http://127.0.0.1:8765",
        locale="en",
    )
    for step in steps:
        log_step_started(
            log, index=step.index, name=step.name, kind=step.kind, resource=step.resource
        )
        log_step_finished(log, step)
    result = RunResult(
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode="apply",
        console="http://127.0.0.1:8765",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        steps=steps,
    )
    log_run_finished(log, result)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_log_has_one_json_line_per_event_and_one_step_finished_per_step(
    tmp_path: Path,
) -> None:
    run_log = tmp_path / "run.jsonl"
    configure_logging(run_log=run_log, redactor=Redactor(), console="off")

    _run(structlog.get_logger(), _steps())
    close_logging()

    events = _lines(run_log)
    assert [e["event"] for e in events] == [
        "run.started",
        "step.started",
        "step.finished",
        "step.started",
        "step.finished",
        "run.finished",
    ]
    finished = [e for e in events if e["event"] == "step.finished"]
    assert finished[0] == {
        "timestamp": finished[0]["timestamp"],
        "level": "info",
        "event": "step.finished",
        "step": "Add the legacy server as a mail route",
        "index": 1,
        "kind": "mail_route",
        "resource": "Legacy mail server",
        "status": "changed",
        "action": "update",
        "changed_fields": ["server.single_host.port"],
        "changes": [{"field": "server.single_host.port", "before": 25, "after": 2525}],
        "duration_ms": 812,
        "checkpoints": ["01-add-the-legacy-server-filled.png"],
    }
    assert finished[1]["status"] == "ok"
    assert finished[1]["changed_fields"] == []
    assert all(ISO_UTC.match(e["timestamp"]) for e in events)
    assert events[-1]["counts"] == {"changed": 1, "ok": 1}


def test_each_line_is_written_as_it_happens(tmp_path: Path) -> None:
    run_log = tmp_path / "run.jsonl"
    configure_logging(run_log=run_log, redactor=Redactor(), console="off")

    structlog.get_logger().info("run.started")

    assert _lines(run_log)[0]["event"] == "run.started"  # before close: nothing buffered


def test_secrets_reach_neither_the_file_nor_the_terminal(tmp_path: Path) -> None:
    run_log = tmp_path / "run.jsonl"
    terminal = io.StringIO()
    configure_logging(
        run_log=run_log, redactor=Redactor([SECRET]), console="plain", stream=terminal
    )
    step = StepResult(
        index=1,
        name="Set the password",
        kind="mail_route",
        resource="r",
        status="failed",
        changes=[FieldChange("password", "old", SECRET)],
        message=f"refused {SECRET}",
        details={"token": SECRET},
    )
    log = structlog.get_logger()

    log_step_finished(log, step)
    log.info(f"event name with {SECRET}", **{SECRET: "as a key"})
    try:
        raise ValueError(f"bad value {SECRET}")
    except ValueError:
        log.exception("step.crashed")
    close_logging()

    written = run_log.read_text(encoding="utf-8")
    assert SECRET not in written
    assert SECRET not in terminal.getvalue()
    assert MASK in written
    assert "ValueError" in written  # the traceback is kept, masked


def test_plain_terminal_lines_are_key_value(tmp_path: Path) -> None:
    terminal = io.StringIO()
    configure_logging(run_log=None, redactor=Redactor(), console="plain", stream=terminal)

    log_step_finished(structlog.get_logger(), _steps()[0])

    line = terminal.getvalue().strip()
    assert "\n" not in line
    assert "event=step.finished" in line
    assert "status=changed" in line
    assert 'step="Add the legacy server as a mail route"' in line
    assert "server.single_host.port: 25 → 2525" in line
    assert "\x1b[" not in line  # no colour codes when plain


def test_auto_is_plain_when_not_a_tty(tmp_path: Path) -> None:
    terminal = io.StringIO()
    configure_logging(run_log=None, redactor=Redactor(), stream=terminal)

    structlog.get_logger().info("run.started", runbook="r")

    assert "event=run.started" in terminal.getvalue()


def test_rich_console_lines_are_readable(tmp_path: Path) -> None:
    terminal = io.StringIO()
    configure_logging(run_log=None, redactor=Redactor(), console="rich", stream=terminal)

    log_step_finished(structlog.get_logger(), _steps()[0])

    text = re.sub(r"\x1b\[[0-9;]*m", "", terminal.getvalue())
    assert "step.finished" in text
    assert "status=changed" in text


def test_terminal_lines_go_to_stderr_stdout_is_for_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(run_log=None, redactor=Redactor(), console="plain")

    structlog.get_logger().info("run.started")

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "event=run.started" in captured.err


def test_log_format_json_writes_a_json_object_per_event_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    console = terminal_console(io.StringIO(), verbose=False, log_format="json")
    configure_logging(run_log=None, redactor=Redactor([SECRET]), console=console)

    structlog.get_logger().info("step.finished", index=1, message=f"token {SECRET} used")

    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    event = json.loads(line)
    assert (event["event"], event["index"], event["level"]) == ("step.finished", 1, "info")
    assert SECRET not in line  # masked as in run.jsonl


def test_console_off_writes_nothing_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(run_log=tmp_path / "run.jsonl", redactor=Redactor(), console="off")

    structlog.get_logger().info("run.started")

    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "run.jsonl").read_text()


def test_debug_goes_to_the_file_but_not_the_terminal(tmp_path: Path) -> None:
    terminal = io.StringIO()
    run_log = tmp_path / "run.jsonl"
    configure_logging(run_log=run_log, redactor=Redactor(), console="plain", stream=terminal)

    structlog.get_logger().debug("locator.click", name="Save")

    assert _lines(run_log)[0]["event"] == "locator.click"
    assert terminal.getvalue() == ""


def test_reconfiguring_for_a_second_run_closes_the_first_log(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "run.jsonl", tmp_path / "two" / "run.jsonl"

    configure_logging(run_log=first, redactor=Redactor(["first-secret"]), console="off")
    module_log.info("run.started", run=1)
    configure_logging(run_log=second, redactor=Redactor(["second-secret"]), console="off")
    module_log.info("run.started", run=2, note="first-secret second-secret")
    close_logging()
    close_logging()  # harmless twice

    assert [e["run"] for e in _lines(first)] == [1]
    assert [e["run"] for e in _lines(second)] == [2]
    assert _lines(second)[0]["note"] == f"first-secret {MASK}"


def test_events_after_close_do_not_reach_the_old_file(tmp_path: Path) -> None:
    run_log = tmp_path / "run.jsonl"
    configure_logging(run_log=run_log, redactor=Redactor(), console="off")
    structlog.get_logger().info("run.finished")
    close_logging()

    structlog.get_logger().info("late.event")

    assert [e["event"] for e in _lines(run_log)] == ["run.finished"]


def test_log_step_finished_emits_exactly_one_canonical_event() -> None:
    failed = StepResult(
        index=3,
        name="Add route",
        kind="mail_route",
        resource="r",
        status="failed",
        message="The console refused the save",
    )
    drifted = StepResult(
        index=4,
        name="Rule",
        kind="routing_rule",
        resource="d",
        status="drift",
        changes=[
            FieldChange("messages", ["inbound"], ["inbound", "internal_receiving"]),
            FieldChange("enabled", False, True, ignored="paused for migration"),
        ],
    )

    with capture_logs() as logs:
        log_step_finished(structlog.get_logger(), failed)
        log_step_finished(structlog.get_logger(), drifted)

    assert [(e["event"], e["log_level"]) for e in logs] == [
        ("step.finished", "error"),
        ("step.finished", "warning"),
    ]
    assert logs[0]["message"] == "The console refused the save"
    assert logs[1]["changed_fields"] == ["messages"]
    assert logs[1]["ignored_fields"] == ["enabled"]
    assert logs[1]["changes"][1]["ignored"] == "paused for migration"


def test_a_value_that_cannot_be_rendered_does_not_stop_the_run(tmp_path: Path) -> None:
    class Unprintable:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

        __str__ = __repr__

    terminal = io.StringIO()
    configure_logging(run_log=None, redactor=Redactor(), console="rich", stream=terminal)

    structlog.get_logger().info("step.finished", odd=Unprintable())

    assert "step.finished" in terminal.getvalue()


def test_events_reach_stdlib_handlers_of_the_run_logger_only(tmp_path: Path) -> None:
    run_log = tmp_path / "run.jsonl"
    root_handlers = list(logging.getLogger().handlers)
    configure_logging(run_log=run_log, redactor=Redactor(), console="plain", stream=io.StringIO())

    handlers = logging.getLogger(LOGGER_NAME).handlers
    assert {type(h).__name__ for h in handlers} >= {"FileHandler", "_TerminalHandler"}
    assert all(
        isinstance(h.formatter, structlog.stdlib.ProcessorFormatter)
        for h in handlers
        if h.formatter is not None
    )
    assert logging.getLogger().handlers == root_handlers


def test_a_warning_with_nowhere_to_go_prints_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(run_log=None, redactor=Redactor(), console="off")

    structlog.get_logger().warning("run.trace_lost", reason="gone")

    assert capsys.readouterr() == ("", "")
