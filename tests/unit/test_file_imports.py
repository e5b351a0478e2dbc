"""`validate` stays fast and browser-free: the runbook-file package never loads Playwright.

The console's pages registry (`console/places.py`) is pure data: explain reads its menu paths.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SPEC = ROOT / "src" / "runbook" / "file"

PROBE = """
import sys
from runbook.cli import cli
code = 0
try:
    cli(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "playwright"
                or (m.startswith("runbook.console")
                    and m not in ("runbook.console", "runbook.console.places")))
print("EXIT", code)
print("LOADED", loaded)
"""


def run_probe(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return done.stdout


@pytest.mark.process
def test_validate_does_not_import_playwright() -> None:
    out = run_probe("validate", "runbooks/split-delivery.yaml")
    assert "EXIT 0" in out, out
    assert "LOADED []" in out, out


@pytest.mark.process
def test_explain_does_not_import_playwright() -> None:
    out = run_probe("explain", "runbooks/split-delivery.yaml", "--locale", "fr")
    assert "EXIT 0" in out, out
    assert "LOADED []" in out, out


@pytest.mark.process
def test_spec_sources_import_nothing_from_the_browser_side() -> None:
    for path in SPEC.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("playwright"), (path.name, name)
                assert not name.startswith("runbook.console"), (path.name, name)
                assert not name.startswith(("runbook.engine", "runbook.outputs")), name


def modules_under(package: str, code: str) -> set[str]:
    """The modules of `package` a fresh interpreter holds once it has run `code`."""
    listing = f"import sys; print(sorted(m for m in sys.modules if m.split('.')[0] == {package!r}))"
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\n{listing}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


@pytest.mark.process
def test_a_command_loads_its_own_module_and_no_other_commands() -> None:
    from runbook.cli.group import COMMANDS

    loaded = modules_under(
        "runbook",
        "from runbook.cli import cli\n"
        "try:\n    cli(['validate', 'runbooks/split-delivery.yaml'])\n"
        "except SystemExit:\n    pass",
    )
    assert "runbook.cli.check" in loaded
    assert not loaded & (set(COMMANDS.values()) - {"runbook.cli.check"}), loaded


def test_every_command_is_found_through_the_module_its_table_names() -> None:
    import click

    from runbook.cli import cli
    from runbook.cli.group import COMMANDS

    for name, module in COMMANDS.items():
        command = cli.command_named(name)
        assert command.callback is not None and command.callback.__module__ == module, name
    assert cli.list_commands(click.Context(cli)) == sorted(COMMANDS)


@pytest.mark.process
def test_a_run_loads_dnspython_only_when_a_dkim_step_looks_a_record_up() -> None:
    assert modules_under("dns", "import runbook.engine.runner, runbook.engine.registry") == set()
