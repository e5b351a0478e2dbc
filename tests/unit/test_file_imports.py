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
