"""A run's outputs: opened once, closed once, the result redacted once for every sink."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from runbook.outputs.log import close_logging
from runbook.outputs.run import OutputOptions, Outputs, run_outputs
from runbook.results import StepResult
from runbook.secrets import MASK

from .samples import SECRET

FOUND_LATER = "cookie-value-found-later"  # a secret the console finds once the run is open


def _options(tmp_path: Path, **changes: Any) -> OutputOptions:
    fields: dict[str, Any] = {
        "recordings": str(tmp_path / "recordings"),
        "run_dir": None,
        "label": "drift",
        "screenshots": True,
        "trace": "retain-on-failure",
        "video": False,
        "video_allow_secrets": False,
        "find_ffmpeg": None,
        "as_json": False,
        "verbose": False,
        "log_format": "text",
        "junit": str(tmp_path / "junit.xml"),
        "collected": None,
        "secrets": frozenset({SECRET}),
        "has_secrets": True,
    }
    return OutputOptions(**{**fields, **changes})


def _run(options: OutputOptions) -> Path:
    """A drift run whose result names both secrets; its run folder."""
    heading: dict[str, Any] = {
        "runbook": "secrets",
        "file": "secrets.yaml",
        "mode": "drift",
        "console": "https://admin.google.com",
        "locale": "en",
        "steps": 1,
        "browser": "local",
    }
    try:
        with run_outputs(options, **heading) as out:
            out.redactor.add(FOUND_LATER)
            out.result.steps.append(
                StepResult(
                    index=1,
                    name=f"Route to {SECRET}",
                    kind="mail_route",
                    resource=FOUND_LATER,
                    status="failed",
                    message=f"the console showed {SECRET} and {FOUND_LATER}",
                )
            )
            out.result.error = f"stopped at {FOUND_LATER}"
            out.result.exit_code = 1
    finally:
        close_logging()
    return Path(out.result.run_dir)


def test_every_sink_gets_the_result_with_every_secret_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    folder = _run(_options(tmp_path))

    printed = capsys.readouterr()
    written = {
        "report.json": (folder / "report.json").read_text(encoding="utf-8"),
        "report.html": (folder / "report.html").read_text(encoding="utf-8"),
        "run.jsonl": (folder / "run.jsonl").read_text(encoding="utf-8"),
        "junit.xml": (tmp_path / "junit.xml").read_text(encoding="utf-8"),
        "step summary": summary.read_text(encoding="utf-8"),
        "terminal": printed.out + printed.err,
    }
    for sink, text in written.items():
        assert SECRET not in text and FOUND_LATER not in text, sink
    report = json.loads(written["report.json"])
    assert report["error"] == f"stopped at {MASK}"
    assert report["steps"][0]["message"] == f"the console showed {MASK} and {MASK}"


def test_several_runs_collect_their_documents_and_suites_masked(tmp_path: Path) -> None:
    collected = Outputs()

    _run(_options(tmp_path, as_json=True, collected=collected))

    [document] = collected.documents
    assert document["error"] == f"stopped at {MASK}"
    [suite] = collected.suites
    assert SECRET not in json.dumps([e.attrib for e in suite.iter()])
    assert not (tmp_path / "junit.xml").exists()  # the CLI writes the suites as one
