"""The GitHub step summary and the JUnit XML a CI system reads after a drift check."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from runbook.outputs.ci import append_github_step_summary, github_step_summary, write_junit
from runbook.results import FieldChange, RunResult, StepResult
from runbook.secrets import Redactor

from .samples import SECRET, drift_actions_result, drift_result, failed_result


def _table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_summary_heading_says_drift_and_table_has_the_fields() -> None:
    markdown = github_step_summary(drift_result())

    heading = markdown.splitlines()[0]
    assert heading.startswith("## ")
    assert "Drift check" in heading and "Drift detected" in heading
    rows = _table_rows(markdown)
    assert rows[0] == [
        "Step",
        "Resource",
        "Status",
        "Field",
        "Expected (runbook)",
        "Live (console)",
    ]
    assert rows[1] == ["---"] * 6
    assert rows[2] == [
        "1. Add the legacy server as a mail route",
        "Legacy mail server",
        "drift",
        "<code>server.single_host.port</code>",
        "<code>25</code>",
        "<code>587</code>",
    ]
    assert rows[3][2] == "ignored: vendor outage, ticket 42"
    assert rows[3][3] == "<code>require_tls</code>"
    assert rows[4][:3] == [
        "2. Send unrecognized recipients to the legacy server",
        "Split delivery to the legacy server",
        "ok",
    ]


def test_summary_in_sync_has_a_success_heading() -> None:
    result = drift_result()
    result.steps[0].status = "ok"
    result.steps[0].changes = [c for c in result.steps[0].changes if c.ignored]
    result.exit_code = 0

    heading = github_step_summary(result).splitlines()[0]

    assert "✅" in heading
    assert "In sync" in heading
    assert "1 acknowledged difference(s) ignored" in heading


def test_table_cells_cannot_break_the_table() -> None:
    result = drift_result()
    result.steps[0].changes = [FieldChange("envelope_filter", "a|b\n<c>", "x|y")]

    rows = _table_rows(github_step_summary(result))

    assert all(len(row) == 6 for row in rows)
    assert "a&#124;b<br>&lt;c&gt;" in rows[2][5]


def test_summary_is_appended_to_github_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))

    written = append_github_step_summary(drift_result())
    append_github_step_summary(drift_result())

    assert written == target
    content = target.read_text(encoding="utf-8")
    assert content.startswith("# earlier step\n")
    assert content.count("| Step | Resource |") == 2


def test_nothing_is_written_outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    assert append_github_step_summary(drift_result()) is None


def test_a_failed_writes_rows_say_intended_not_saved() -> None:
    rows = _table_rows(github_step_summary(failed_result()))

    [failed] = [row for row in rows if row[0].startswith("1.")]
    assert failed[2] == "failed: intended, not saved"
    assert failed[3:5] == ["<code>name</code>", "<code>Legacy mail server</code>"]


def test_summary_is_redacted(tmp_path: Path) -> None:
    result = drift_result()
    result.steps[0].changes.append(FieldChange("password", SECRET, "other"))
    target = tmp_path / "summary.md"

    append_github_step_summary(
        result, redactor=Redactor([SECRET]), environ={"GITHUB_STEP_SUMMARY": str(target)}
    )

    assert SECRET not in target.read_text(encoding="utf-8")


def _suite(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    return suites[0]


def test_junit_has_one_testcase_per_resource_and_a_failure_per_drift(tmp_path: Path) -> None:
    path = tmp_path / "out" / "drift.xml"

    write_junit(drift_result(), path)

    suite = _suite(path)
    assert suite.get("name") == "split-delivery"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == ["mail_route", "routing_rule"]
    assert cases[0].get("name") == "1. Add the legacy server as a mail route [Legacy mail server]"
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "drift"
    assert "server.single_host.port: expected 25, live 587" in (failure.text or "")
    assert "require_tls" not in (failure.text or "")  # acknowledged: not a failure
    out = cases[0].find("system-out")
    assert out is not None and "ignored: vendor outage, ticket 42" in (out.text or "")
    assert cases[1].find("failure") is None


def test_junit_says_what_drift_would_do_and_a_missing_entry_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "drift.xml"

    write_junit(drift_actions_result(), path)

    failures = [case.find("failure") for case in _suite(path).findall("testcase")]
    messages = [f.get("message") if f is not None else None for f in failures]
    assert messages == [
        "1 field(s) differ from the runbook (would update)",
        "missing from the console (would create)",
        "in the console although the runbook removes it (would delete)",
    ]


@pytest.mark.parametrize("mode", ["drift", "dry-run"])
def test_summary_says_would_update_create_delete(mode: str) -> None:
    rows = _table_rows(github_step_summary(drift_actions_result(mode)))

    statuses = [row[2] for row in rows[2:]]
    prefix = "drift: " if mode == "drift" else ""
    assert statuses[0] == f"{prefix}would update"
    assert set(statuses[1:7]) == {f"{prefix}would create"}
    assert statuses[7] == f"{prefix}would delete"


def test_junit_errors_and_skips(tmp_path: Path) -> None:
    path = tmp_path / "failed.xml"

    write_junit(failed_result(), path)

    suite = _suite(path)
    assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("0", "1", "1")
    first, second = suite.findall("testcase")
    error = first.find("error")
    assert error is not None
    assert error.get("message") == "The console refused the save: Name already in use"
    assert "changes intended, not saved:\nname: (absent) → Legacy mail server" in (error.text or "")
    assert second.find("skipped") is not None


def test_a_run_error_outside_any_step_is_not_green(tmp_path: Path) -> None:
    result = drift_result()
    for step in result.steps:
        step.status = "not_run"
        step.changes = []
    result.exit_code = 3
    result.error = "sign-in required; run `runbook login` and try again"
    path = tmp_path / "signin.xml"

    write_junit(result, path)

    suite = _suite(path)
    assert (suite.get("tests"), suite.get("errors"), suite.get("skipped")) == ("3", "1", "2")
    run_case = suite.findall("testcase")[-1]
    assert run_case.get("name") == "run"
    error = run_case.find("error")
    assert error is not None and "sign-in required" in (error.get("message") or "")


def test_junit_is_valid_xml_even_with_control_characters_and_markup(tmp_path: Path) -> None:
    result = RunResult(
        runbook="a & <b>",
        file="f.yaml",
        mode="drift",
        console="c",
        locale="en",
        started_at="2026-11-27T06:17:00Z",
        steps=[
            StepResult(
                index=1,
                name='route "x" <y>',
                kind="mail_route",
                resource="\x1b[31mred\x1b[0m",
                status="drift",
                changes=[FieldChange("f", "]]>", "\x00")],
            )
        ],
        exit_code=2,
    )
    path = tmp_path / "odd.xml"

    write_junit(result, path)

    suite = _suite(path)
    assert suite.get("name") == "a & <b>"
    case = suite.find("testcase")
    assert case is not None and case.get("name") == '1. route "x" <y> [[31mred[0m]'


def test_junit_is_redacted(tmp_path: Path) -> None:
    result = failed_result()
    result.steps[0].message = f"refused {SECRET}"
    path = tmp_path / "r.xml"

    write_junit(result, path, redactor=Redactor([SECRET]))

    assert SECRET not in path.read_text(encoding="utf-8")
