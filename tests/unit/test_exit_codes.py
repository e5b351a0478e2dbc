"""One `ExitCode` enum feeds `--help`, the reports and the README's table."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

import runbook.errors as errors
from runbook.cli import cli
from runbook.errors import ExitCode, exit_codes_markdown, exit_meaning

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("| exit code | meaning |")
    end = text.index("\n\n", start)
    return text[start:end] + "\n"


def test_the_numbers_are_stable() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0,
        "STEP_FAILED": 1,
        "DRIFT": 2,
        "SIGN_IN_REQUIRED": 3,
        "CONSOLE_CHANGED": 4,
        "USAGE": 64,
        "INVALID_RUNBOOK": 65,
        "INTERRUPTED": 130,
        "TERMINATED": 143,
    }


def test_every_code_has_a_meaning_and_an_unknown_code_says_so() -> None:
    assert all(code.meaning for code in ExitCode)
    assert exit_meaning(ExitCode.DRIFT) == "drift only: the console differs from the runbook"
    assert exit_meaning(7) == "unknown exit code"


def test_the_readme_table_is_the_enum(tmp_path: Path) -> None:
    assert _readme_table() == exit_codes_markdown(), (
        "README.md's exit-code table differs from runbook.errors.ExitCode; replace it with:\n"
        + exit_codes_markdown()
    )


def test_help_lists_every_code_with_its_meaning() -> None:
    for args in ([], ["run"], ["drift"], ["validate"]):
        result = CliRunner().invoke(cli, [*args, "--help"])
        assert result.exit_code == 0, result.output
        text = re.sub(r"\s+", " ", result.output)
        for code in ExitCode:
            assert f" {int(code)} {code.meaning}" in text, (args, code)


def test_every_error_family_exits_with_a_listed_code() -> None:
    families = [
        obj
        for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, errors.RunbookError)
    ]
    assert len(families) > 10
    for family in families:
        assert isinstance(family.exit_code, ExitCode), family
