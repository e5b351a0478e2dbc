"""Malformed runbooks fail with exit 65 and every problem at its exact FILE:LINE:COL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from runbook.cli import cli

DATA = Path(__file__).parent / "data" / "invalid"
CASES = sorted(DATA.glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$")
SHIPPED = Path(__file__).parents[2] / "runbooks" / "split-delivery.yaml"


def expectations(path: Path) -> list[tuple[int, int, list[str]]]:
    """The `# expect: LINE:COL: word | word` header of a data file, in order."""
    out = []
    for line in path.read_bytes().decode("latin-1").splitlines():
        match = EXPECT.match(line)
        if match:
            words = [w.strip() for w in match.group(3).split("|")]
            out.append((int(match.group(1)), int(match.group(2)), words))
    return out


def validate(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_there_are_at_least_40_malformed_runbooks() -> None:
    assert len(CASES) >= 40
    assert all(expectations(path) for path in CASES)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_malformed_runbook_is_reported_at_its_exact_location(path: Path) -> None:
    code, out, err = validate(str(path), env={"RUNBOOK_TEST_SURELY_UNSET": None})  # type: ignore[dict-item]
    assert code == 65, err
    assert "Traceback" not in out + err
    lines = err.splitlines()
    expected = expectations(path)
    assert len(lines) == len(expected), err
    for line, (row, column, words) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{row}:{column}: "), line
        for word in words:
            assert word.lower() in line.lower(), (word, line)


@pytest.mark.parametrize("name", ["many-errors", "port-465", "billion-laughs"])
def test_json_output_lists_the_same_problems(name: str) -> None:
    path = DATA / f"{name}.yaml"
    code, out, _ = validate("--json", str(path))
    assert code == 65
    document = json.loads(out)
    assert document["valid"] == []
    got = [(e["file"], e["line"], e["column"]) for e in document["errors"]]
    assert got == [(str(path), row, col) for row, col, _ in expectations(path)]
    assert all(isinstance(e["message"], str) and e["message"] for e in document["errors"])


def test_every_file_is_checked_and_valid_ones_are_summarized(tmp_path: Path) -> None:
    bad = DATA / "port-465.yaml"
    code, out, err = validate(str(SHIPPED), str(bad))
    assert code == 65
    assert f"{SHIPPED}: ok — 2 steps: 1 mail route, 1 routing rule" in out
    assert f"{bad}:" in err


def test_a_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("version: 1\n" + "# padding padding padding\n" * 50_000)
    code, _, err = validate(str(path))
    assert code == 65
    assert err.startswith(f"{path}:1:1: the file is too large")


def test_utf16_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_text(SHIPPED.read_text(), encoding="utf-16")
    code, _, err = validate(str(path))
    assert code == 65
    assert f"{path}:1:1: " in err and "UTF-8" in err


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = validate(str(tmp_path / "nope.yaml"))
    assert code == 64
    assert "cannot read runbook" in err and "Traceback" not in err


def test_secret_values_never_appear_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(
        "version: 1\nname: s\nsteps:\n  - mail_route:\n      name: R\n      server:\n"
        '        single_host: {host: "${env:RUNBOOK_TEST_SECRET}"}\n'
    )
    code, out, err = validate(str(path), env={"RUNBOOK_TEST_SECRET": "top..secret"})
    assert code == 65
    assert f"{path}:7:29: " in err
    assert "top..secret" not in out + err
    assert "********" in err


def test_a_var_on_the_command_line_defines_a_variable(tmp_path: Path) -> None:
    path = DATA / "undefined-var.yaml"
    code, out, _ = validate("--var", "domian=example.com", str(path))
    assert code == 0, out
    assert "1 step: 1 mail route" in out


def test_alias_bomb_fails_without_expanding(tmp_path: Path) -> None:
    import tracemalloc

    from runbook.errors import InvalidRunbook
    from runbook.file import load_runbook

    tracemalloc.start()
    try:
        with pytest.raises(InvalidRunbook, match="alias"):
            load_runbook(DATA / "billion-laughs.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Expanded, the document holds 9**9 values (gigabytes); counted, it needs almost nothing.
    assert peak < 50 * 2**20


def test_a_var_the_runbook_does_not_declare_is_a_usage_error() -> None:
    code, out, err = validate("--var", "legacy_hots=mail.example.net", str(SHIPPED))
    assert code == 64, out + err
    assert "no such variable 'legacy_hots' (did you mean 'legacy_host'?)" in err
    assert str(SHIPPED) in err
    assert "ok —" not in out


def test_each_runbook_must_declare_every_var(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("version: 1\nname: o\nsteps:\n  - mail_route: {name: R, state: absent}\n")
    code, _, err = validate("--var", "legacy_host=mail.example.net", str(SHIPPED), str(other))
    assert code == 64, err
    assert f"{other}: no such variable 'legacy_host'" in err
    assert "declares no variables" in err


def test_explain_refuses_a_var_the_runbook_does_not_declare() -> None:
    result = CliRunner().invoke(cli, ["explain", str(SHIPPED), "--var", "legacy_hots=x"])
    assert result.exit_code == 64, result.output
    assert "no such variable 'legacy_hots' (did you mean 'legacy_host'?)" in result.stderr


def test_a_control_character_where_a_list_belongs_stays_on_its_line(tmp_path: Path) -> None:
    text = SHIPPED.read_text().replace(
        "messages: [inbound, internal_receiving]", 'messages: "\\x1e"'
    )
    path = tmp_path / "book.yaml"
    path.write_text(text)
    code, _, err = validate(str(path))
    assert code == 65
    assert err.splitlines() and all(line.startswith(f"{path}:") for line in err.splitlines())
    assert "expected a list for" in err
