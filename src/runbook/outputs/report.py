"""The run's reports: report.json, a self-contained report.html, and the terminal summary."""

from __future__ import annotations

from runbook.outputs.documents import document, dumps
from runbook.outputs.folder import RunFolder
from runbook.outputs.report_html import render_html
from runbook.outputs.summary import print_terminal_summary, render_terminal_summary
from runbook.results import RunResult
from runbook.secrets import Redactor


def write_reports(result: RunResult, folder: RunFolder, redactor: Redactor | None = None) -> None:
    """Write `report.json` (the result document, with its format) and `report.html`, secrets
    masked in both (a run hands a result it has redacted already, and no redactor)."""
    redactor = redactor or Redactor()
    safe = redactor.value(result)
    report = document(**redactor.value(safe.as_dict()))
    folder.report_json.write_text(dumps(report) + "\n", encoding="utf-8")
    folder.report_html.write_text(render_html(safe, folder, redactor), encoding="utf-8")


__all__ = ["print_terminal_summary", "render_html", "render_terminal_summary", "write_reports"]
