"""How a log event reads: a JSON line for run.jsonl, `key=value` or coloured terminal lines."""

from __future__ import annotations

import json
import logging
from typing import Any

import structlog
from structlog.stdlib import ProcessorFormatter
from structlog.typing import EventDict, Processor

from runbook.outputs.formatting import format_value


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


class _Formatter(ProcessorFormatter):
    """structlog's formatter for stdlib handlers, except that a line never ends the run."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            return super().format(record)
        except Exception as exc:  # a value that cannot be rendered: say so, keep going
            event = record.msg if isinstance(record.msg, dict) else {}
            kept = {k: str(event.get(k, "")) for k in ("timestamp", "level", "event")}
            return json.dumps({**kept, "log_render_error": type(exc).__name__})


def _formatter(*processors: Processor) -> logging.Formatter:
    return _Formatter(processors=[ProcessorFormatter.remove_processors_meta, *processors])


def json_formatter() -> logging.Formatter:
    """One JSON object per line, timestamp, level and event first (run.jsonl)."""
    return _formatter(
        _first_keys, structlog.processors.JSONRenderer(ensure_ascii=False, default=str)
    )


def plain_formatter() -> logging.Formatter:
    """`key=value` lines with no colour (CI logs, pipes)."""
    return _formatter(
        _terminal_view,
        _json_fields,
        structlog.processors.LogfmtRenderer(
            key_order=["timestamp", "level", "event"], drop_missing=True, bool_as_flag=False
        ),
    )


def rich_formatter() -> logging.Formatter:
    """structlog's coloured console lines (a terminal)."""
    return _formatter(_terminal_view, structlog.dev.ConsoleRenderer(colors=True, sort_keys=False))
