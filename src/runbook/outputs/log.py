"""Structured logging of a run: structlog events via stdlib handlers to run.jsonl and a terminal.

Every event passes through the run's `Redactor` before any handler sees it; then structlog's
`ProcessorFormatter` renders it once per handler: a JSON line for the run log, a `key=value`
or coloured line for the terminal. The events themselves are in `runbook.outputs.events`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Literal, TextIO

import structlog

from runbook.outputs.events import (
    RUN_FINISHED,
    RUN_STARTED,
    STEP_FINISHED,
    STEP_STARTED,
    EventLogger,
    log_run_finished,
    log_run_started,
    log_step_finished,
    log_step_started,
    step_finished_fields,
)
from runbook.outputs.renderers import json_formatter, plain_formatter, rich_formatter
from runbook.secrets import Redactor

ConsoleMode = Literal["auto", "plain", "rich", "json", "off"]
LogFormat = Literal["text", "json"]  # --log-format

# The stdlib logger every structlog event of a run goes through; its own, not the root's.
LOGGER_NAME = "runbook.run"

_LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
}


class _TerminalHandler(logging.Handler):
    """Lines to `stream`, or to stderr as it is when written (so click's CliRunner and
    pytest's capsys see them); a stream given by the caller is never closed."""

    def __init__(self, stream: TextIO | None, *, level: int) -> None:
        super().__init__(level)
        self._stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        out = self._stream or sys.stderr
        if out.closed:
            return
        out.write(self.format(record) + "\n")
        out.flush()


def _run_logger() -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger


def _file_handler(run_log: Path) -> logging.Handler:
    run_log.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(run_log, mode="a", encoding="utf-8")  # flushed per line
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(json_formatter())
    return handler


def _terminal_handler(
    console: ConsoleMode, stream: TextIO | None, *, level: str
) -> logging.Handler:
    terminal = stream or sys.stderr
    rich = console == "rich" or (console == "auto" and _isatty(terminal))
    handler = _TerminalHandler(stream, level=_LEVELS.get(level.lower(), logging.INFO))
    if console == "json":
        handler.setFormatter(json_formatter())
    else:
        handler.setFormatter(rich_formatter() if rich else plain_formatter())
    return handler


def configure_logging(
    *,
    run_log: Path | None,
    redactor: Redactor,
    console: ConsoleMode = "auto",
    console_level: str = "info",
    stream: TextIO | None = None,
) -> None:
    """Send structlog events to `run_log` (JSON lines) and to the terminal, secrets masked.

    `console`: "rich" is structlog's coloured console renderer, "plain" is `key=value`
    lines, "auto" picks rich on a TTY and plain otherwise, "json" is a JSON line per event
    (as in run.jsonl: `--log-format json`, for containers), "off" writes nothing to the
    terminal. Terminal lines go to stderr (stdout carries results: the summary, the JSON
    document), or to `stream` when given. The file receives every level; the terminal
    `console_level` and above.

    May be called again (for the next run in the same process): the previous run log is
    closed first. Call `close_logging()` when the run ends.
    """
    logger = _run_logger()
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    logger.addHandler(logging.NullHandler())  # no handler left is not stdlib's "last resort"
    if run_log is not None:
        logger.addHandler(_file_handler(run_log))
    if console != "off":
        logger.addHandler(_terminal_handler(console, stream, level=console_level))
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            redactor,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
        logger_factory=lambda *args: logger,
        context_class=dict,
        # Not cached: loggers fetched at import time follow each new configuration.
        cache_logger_on_first_use=False,
    )


def terminal_console(
    stream: TextIO, *, verbose: bool, log_format: LogFormat = "text"
) -> ConsoleMode:
    """The console mode of a run's log lines written to `stream` (stderr).

    `--log-format json`: JSON lines, always (a container's log collector reads them). Else, on
    a terminal the live progress line and the end-of-run summary tell the run, so the
    structured lines go to run.jsonl only, and to the terminal too with `--verbose`.
    Elsewhere (CI logs, pipes) they are written as `key=value` lines.
    """
    if log_format == "json":
        return "json"
    return "auto" if verbose or not _isatty(stream) else "off"


def close_logging() -> None:
    """Flush and close the run log; terminal output and the redactor stay in place.

    Safe to call more than once, and before any `configure_logging()`.
    """
    logger = _run_logger()
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = [
    "RUN_FINISHED",
    "RUN_STARTED",
    "STEP_FINISHED",
    "STEP_STARTED",
    "ConsoleMode",
    "EventLogger",
    "LogFormat",
    "close_logging",
    "configure_logging",
    "log_run_finished",
    "log_run_started",
    "log_step_finished",
    "log_step_started",
    "step_finished_fields",
    "terminal_console",
]
