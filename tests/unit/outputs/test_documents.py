"""The output documents' contract: a format number, one shape each, a schema in `schema/`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from tests.documents import SCHEMAS, check, output_schema

from runbook.outputs.documents import FORMAT, error_document, errors_document, runs_document
from runbook.outputs.folder import RunFolder
from runbook.outputs.report import write_reports
from runbook.outputs.schemas import schemas, write
from runbook.secrets import Redactor

from .samples import apply_result, drift_result, failed_result


def test_the_committed_schemas_are_the_generated_ones(tmp_path: Path) -> None:
    for path in write(tmp_path):
        committed = SCHEMAS / path.name
        assert committed.is_file(), f"{committed} is missing: python -m runbook.outputs.schemas"
        assert committed.read_text() == path.read_text(), (
            f"{committed} is stale: run `python -m runbook.outputs.schemas`"
        )


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_schema_is_a_draft_2020_12_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schemas()[name])


def test_a_run_document_is_the_same_in_report_json_and_in_the_runs_of_json(
    folder: RunFolder,
) -> None:
    result = apply_result(folder)
    write_reports(result, folder, Redactor())
    report = json.loads(folder.report_json.read_text(encoding="utf-8"))
    check(report, "report", "report.json")
    assert report["format"] == FORMAT
    run = {k: v for k, v in report.items() if k != "format"}
    check(runs_document([run, run], 0), "run-output", "two runs")
    for result in (drift_result(), failed_result()):
        document = json.loads(json.dumps(result.as_dict(), default=str))
        check(runs_document([document], result.exit_code), "run-output", result.mode)


def test_a_shape_change_fails_its_schema(folder: RunFolder) -> None:
    run = json.loads(json.dumps(apply_result(folder).as_dict(), default=str))
    with pytest.raises(AssertionError, match="'runs' is a required property"):
        check(run, "run-output", "a bare run document (the shape before format 1)")
    with pytest.raises(AssertionError, match="'format' is a required property"):
        check({"runs": [run], "exit_code": 0}, "run-output", "no format")
    renamed = {**run, "steps": [{**run["steps"][0], "state": "ok"}]}
    with pytest.raises(AssertionError, match="runs/0/steps/0"):
        check(runs_document([renamed], 0), "run-output", "a step with a key of another name")


def test_the_error_documents_have_one_shape_each() -> None:
    check(error_document("no such file", 64), "error-output", "an error")
    problem = {"file": "a.yaml", "line": 3, "column": 5, "message": "port 465"}
    check(errors_document([problem], 65), "error-output", "invalid runbooks")
    with pytest.raises(AssertionError):
        check({"errors": [problem]}, "error-output", "the shape before format 1")


@pytest.mark.parametrize(
    ("args", "schema"),
    [
        (["run", "a.yaml", "--json"], "run-output"),
        (["--debug", "drift", "a.yaml", "b.yaml", "--json"], "run-output"),
        (["plan", "a.yaml", "--json"], "run-output"),
        (["drift", "a.yaml", "--tenants", "t.yaml", "--json"], "fleet-output"),
        (["probe", "--json"], "probe-output"),
        (["probe", "--tenants", "t.yaml", "--json"], "fleet-output"),
        (["show", "plan.json", "--json"], "plan"),
        (["tenants", "t.yaml", "--matrix", "2"], None),
    ],
)
def test_each_command_has_its_schema(args: list[str], schema: str | None) -> None:
    assert output_schema(args) == schema
