"""Structured logging of a run: one JSON line per event to run.jsonl, readable lines on a terminal.

Event names (one canonical event per unit of work):

    run.started     runbook, file, mode, console, locale, run_dir
    step.started    step, index, kind, resource
    step.finished   step, index, kind, resource, status, action, changed_fields, changes,
                    duration_ms, checkpoints (+ message, details, ignored_fields when present)
    run.finished    runbook, mode, exit_code, counts, duration_ms (+ error when present)

Every event passes through the run's `Redactor` before any renderer sees it.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

import structlog
from structlog.typing import EventDict, Processor

from runbook.recording.formatting import format_value
from runbook.results import RunResult, StepResult
from runbook.secrets import Redactor

ConsoleMode = Literal["auto", "plain", "rich", "off"]

RUN_STARTED = "run.started"
STEP_STARTED = "step.started"
STEP_FINISHED = "step.finished"
RUN_FINISHED = "run.finished"

_LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "exception": logging.ERROR,
    "critical": logging.CRITICAL,
    "fatal": logging.CRITICAL,
}
_STATUS_LEVEL: dict[str, str] = {"failed": "error", "drift": "warning"}

Renderer = Callable[[Any, str, EventDict], str]


class EventLogger(Protocol):
    """What the helpers below need from a logger (any structlog bound logger)."""

    def info(self, event: str, *args: Any, **kw: Any) -> Any: ...

    def warning(self, event: str, *args: Any, **kw: Any) -> Any: ...

    def error(self, event: str, *args: Any, **kw: Any) -> Any: ...


@dataclass
class _Sink:
    """One destination and its renderer; the terminal stream is looked up when written to."""

    render: Renderer
    min_level: int
    file: TextIO | None = None  # owned: closed by close_logging()
    stream: TextIO | None = None  # given by the caller: never closed
    stderr: bool = False

    def target(self) -> TextIO:
        if self.file is not None:
            return self.file
        if self.stream is not None:
            return self.stream
        # looked up at write time, so click's CliRunner and pytest's capsys see the lines
        return sys.stderr if self.stderr else sys.stdout

    def emit(self, level: int, event_dict: EventDict) -> None:
        if level < self.min_level:
            return
        try:
            line = self.render(None, "msg", dict(event_dict))
        except Exception as exc:  # a log line must never end the run
            kept = {k: str(event_dict.get(k, "")) for k in ("timestamp", "level", "event")}
            line = json.dumps({**kept, "log_render_error": type(exc).__name__})
        out = self.target()
        if out.closed:
            return
        out.write(line + "\n")
        out.flush()


@dataclass
class _State:
    sinks: list[_Sink] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


_state = _State()


class _SinkLogger:
    """The logger structlog wraps: hands each finished event to the current sinks."""

    def msg(self, **event_dict: Any) -> None:
        level = _LEVELS.get(str(event_dict.get("level", "info")), logging.INFO)
        with _state.lock:
            for sink in _state.sinks:
                sink.emit(level, event_dict)

    debug = info = warning = warn = error = exception = critical = fatal = log = msg


def _sink_logger_factory(*args: Any) -> _SinkLogger:
    return _SinkLogger()


def _to_kwargs(logger: Any, method_name: str, event_dict: EventDict) -> EventDict:
    """Last processor: pass the event dict on whole, for each sink to render its own way."""
    return event_dict


def _first_keys(logger: Any, method_name: str, event_dict: EventDict) -> EventDict:
    """Put timestamp, level and event first, so each JSON line reads from the left."""
    head = {k: event_dict[k] for k in ("timestamp", "level", "event") if k in event_dict}
    return head | {k: v for k, v in event_dict.items() if k not in head}


def _terminal_view(logger: Any, method_name: str, event_dict: EventDict) -> EventDict:
    """For terminal lines: changes as `port: 25 → 2525`, lists of names comma-separated."""
    for key, value in event_dict.items():
        if key == "changes" and isinstance(value, list):
            event_dict[key] = "; ".join(_change_text(c) for c in value)
        elif isinstance(value, list | tuple) and all(
            isinstance(v, str | int | float) for v in value
        ):
            event_dict[key] = ", ".join(str(v) for v in value)
    return event_dict


def _change_text(change: Any) -> str:
    if not isinstance(change, dict) or "field" not in change:
        return str(change)
    text = f"{change['field']}: {format_value(change.get('before'))} → "
    text += format_value(change.get("after"))
    if change.get("ignored"):
        text += f" (ignored: {change['ignored']})"
    return text


def _json_fields(logger: Any, method_name: str, event_dict: EventDict) -> EventDict:
    """For plain lines: remaining nested values as compact JSON rather than Python reprs."""
    for key, value in event_dict.items():
        if isinstance(value, dict | list | tuple):
            event_dict[key] = json.dumps(value, ensure_ascii=False, default=str)
    return event_dict


def _chain(*processors: Processor) -> Renderer:
    def render(logger: Any, method_name: str, event_dict: EventDict) -> str:
        out: Any = event_dict
        for processor in processors:
            out = processor(logger, method_name, out)
        return str(out)

    return render


def _json_renderer() -> Renderer:
    return _chain(_first_keys, structlog.processors.JSONRenderer(ensure_ascii=False, default=str))


def _plain_renderer() -> Renderer:
    return _chain(
        _terminal_view,
        _json_fields,
        structlog.processors.LogfmtRenderer(
            key_order=["timestamp", "level", "event"], drop_missing=True, bool_as_flag=False
        ),
    )


def _rich_renderer() -> Renderer:
    return _chain(_terminal_view, structlog.dev.ConsoleRenderer(colors=True, sort_keys=False))


def configure_logging(
    *,
    run_log: Path | None,
    redactor: Redactor,
    console: ConsoleMode = "auto",
    json_stdout: bool = False,
    console_level: str = "info",
    stream: TextIO | None = None,
) -> None:
    """Send structlog events to `run_log` (JSON lines) and to the terminal, secrets masked.

    `console`: "rich" is structlog's coloured console renderer, "plain" is `key=value`
    lines, "auto" picks rich on a TTY and plain otherwise, "off" writes nothing to the
    terminal. Terminal lines go to stdout, or to stderr when `json_stdout` (stdout then
    carries the JSON result document), or to `stream` when given. The file receives every
    level; the terminal `console_level` and above.

    May be called again (for the next run in the same process): the previous run log is
    closed first. Call `close_logging()` when the run ends.
    """
    close_logging()
    sinks: list[_Sink] = []
    if run_log is not None:
        run_log.parent.mkdir(parents=True, exist_ok=True)
        handle = run_log.open("a", encoding="utf-8", buffering=1)
        sinks.append(_Sink(render=_json_renderer(), min_level=logging.DEBUG, file=handle))
    if console != "off":
        terminal = stream or (sys.stderr if json_stdout else sys.stdout)
        rich = console == "rich" or (console == "auto" and _isatty(terminal))
        sinks.append(
            _Sink(
                render=_rich_renderer() if rich else _plain_renderer(),
                min_level=_LEVELS.get(console_level.lower(), logging.INFO),
                stream=stream,
                stderr=json_stdout,
            )
        )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            redactor,
            _to_kwargs,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
        logger_factory=_sink_logger_factory,
        context_class=dict,
        # Not cached: loggers fetched at import time follow each new configuration.
        cache_logger_on_first_use=False,
    )
    with _state.lock:
        _state.sinks = sinks


def terminal_console(stream: TextIO, *, verbose: bool) -> ConsoleMode:
    """The console mode of a run's log lines written to `stream`.

    On a terminal the live progress line and the end-of-run summary tell the run, so the
    structured lines go to run.jsonl only, and to the terminal too with `--verbose`.
    Elsewhere (CI logs, pipes) they are written as `key=value` lines.
    """
    return "auto" if verbose or not _isatty(stream) else "off"


def close_logging() -> None:
    """Flush and close the run log; terminal output and the redactor stay in place.

    Safe to call more than once, and before any `configure_logging()`.
    """
    with _state.lock:
        for sink in _state.sinks:
            if sink.file is not None and not sink.file.closed:
                sink.file.flush()
                sink.file.close()
        _state.sinks = [sink for sink in _state.sinks if sink.file is None]


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _level_call(logger: EventLogger, level: str) -> Callable[..., Any]:
    return {"error": logger.error, "warning": logger.warning}.get(level, logger.info)


def step_finished_fields(step: StepResult) -> dict[str, Any]:
    """The fields of the canonical `step.finished` event for `step`."""
    fields: dict[str, Any] = {
        "step": step.name,
        "index": step.index,
        "kind": step.kind,
        "resource": step.resource,
        "status": step.status,
        "action": step.action,
        "changed_fields": [c.field for c in step.changes if not c.ignored],
        "changes": [
            {"field": c.field, "before": c.before, "after": c.after}
            | ({"ignored": c.ignored} if c.ignored else {})
            for c in step.changes
        ],
        "duration_ms": step.duration_ms,
        "checkpoints": [cp.path for cp in step.checkpoints],
    }
    ignored = [c.field for c in step.changes if c.ignored]
    if ignored:
        fields["ignored_fields"] = ignored
    if step.message:
        fields["message"] = step.message
    if step.details:
        fields["details"] = step.details
    return fields


def log_step_finished(logger: EventLogger, step: StepResult) -> None:
    """Emit the one canonical `step.finished` event (error level if failed, warning if drift)."""
    level = _STATUS_LEVEL.get(step.status, "info")
    _level_call(logger, level)(STEP_FINISHED, **step_finished_fields(step))


def log_step_started(
    logger: EventLogger, *, index: int, name: str, kind: str, resource: str, **extra: Any
) -> None:
    """Emit `step.started`."""
    logger.info(STEP_STARTED, step=name, index=index, kind=kind, resource=resource, **extra)


def log_run_started(
    logger: EventLogger,
    *,
    runbook: str,
    file: str,
    mode: str,
    console: str,
    locale: str,
    run_dir: str = "",
    **extra: Any,
) -> None:
    """Emit `run.started`."""
    logger.info(
        RUN_STARTED,
        runbook=runbook,
        file=file,
        mode=mode,
        console=console,
        locale=locale,
        run_dir=run_dir,
        **extra,
    )


def log_run_finished(logger: EventLogger, result: RunResult) -> None:
    """Emit `run.finished` with the exit code and the per-status counts."""
    fields: dict[str, Any] = {
        "runbook": result.runbook,
        "mode": result.mode,
        "exit_code": result.exit_code,
        "counts": result.counts(),
        "duration_ms": result.duration_ms,
    }
    if result.error:
        fields["error"] = result.error
    if result.run_dir:
        fields["run_dir"] = result.run_dir
    level = "info" if result.exit_code == 0 else ("warning" if result.exit_code == 2 else "error")
    _level_call(logger, level)(RUN_FINISHED, **fields)


__all__ = [
    "RUN_FINISHED",
    "RUN_STARTED",
    "STEP_FINISHED",
    "STEP_STARTED",
    "ConsoleMode",
    "EventLogger",
    "close_logging",
    "configure_logging",
    "log_run_finished",
    "log_run_started",
    "log_step_finished",
    "log_step_started",
    "step_finished_fields",
    "terminal_console",
]
