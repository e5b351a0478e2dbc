"""A kind from another package that does not load is one clear error (exit 64) naming its
distribution and the part, when the registry loads: a temporary distribution on `sys.path`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MODEL = """
from runbook.file.fields import Resource
from runbook.file.kind import KindInfo


class Quarantine(Resource):
    name: str

    @property
    def key(self) -> str:
        return self.name


KIND = KindInfo(
    key="quarantine", key_field="name", noun="quarantine", what="quarantine", page="",
    model=Quarantine, fields={"name": {}}, required={},
)
"""
RUNBOOK = "version: 1\nname: x\nsteps:\n  - name: s\n    form:\n      name: f\n" + (
    "      page: {path: /ac/x}\n      controls: [{checkbox: Enabled, checked: true}]\n"
)


def distribution(root: Path, key: str, modules: dict[str, str]) -> Path:
    """A distribution `broken-kind 1.0` with the entry point `key = broken_kind`, in `root`."""
    info = root / "broken_kind-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-kind\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[runbook.kinds]\n{key} = broken_kind\n")
    if modules:
        package = root / "broken_kind"
        package.mkdir()
        (package / "__init__.py").write_text("")
        for name, text in modules.items():
            (package / f"{name}.py").write_text(text)
    return root


def runbook(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run(
        [sys.executable, "-m", "runbook", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=path,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("key", "modules", "says"),
    [
        ("quarantine", {}, "its model part: the resource kind 'quarantine' has no model module"),
        (
            "quarantine",
            {"model": "import no_such_module\n"},
            "its model part: broken_kind.model "
            "does not import (ModuleNotFoundError: No module named 'no_such_module')",
        ),
        ("quarantine", {"model": "KIND = 1\n"}, "its model part: broken_kind.model.KIND must be"),
        (
            "quarantine",
            {"model": MODEL},
            "its step part: it has no step module: write broken_kind.step",
        ),
        (
            "quarantine",
            {"model": MODEL, "step": "", "explain": ""},
            "its step part: the step "
            "module of the resource kind 'quarantine' (broken_kind.step) has no STEP_TYPE",
        ),
        ("form", {"model": MODEL}, "the key 'form' is taken: a kind of runbook"),
    ],
)
def test_a_broken_plugin_kind_is_one_usage_error_naming_the_package_and_part(
    tmp_path: Path, key: str, modules: dict[str, str], says: str
) -> None:
    path = distribution(tmp_path, key, modules)
    (path / "x.yaml").write_text(RUNBOOK)
    # `validate` loads the runbook file's registry (KIND, and whether the step and explain
    # modules exist); `run` the engine's too (STEP_TYPE): before any console is reached.
    command = ["validate", "x.yaml"]
    if "STEP_TYPE" in says:  # a console nobody answers at: the error comes first
        command = ["run", "--dry-run", "--console", "http://127.0.0.1:9", "x.yaml"]
    result = runbook(path, *command)
    assert result.returncode == 64, result.stderr
    assert "Traceback" not in result.stderr
    assert f"the package broken-kind 1.0 adds the kind {key!r}" in result.stderr
    assert says in result.stderr
    listed = runbook(path, "kinds", "--json")
    assert listed.returncode == 64
    document = json.loads(listed.stdout)
    assert [k["key"] for k in document["kinds"]][:5] == [
        "mail_route",
        "routing_rule",
        "default_routing",
        "dkim",
        "form",
    ]
    assert [(e["key"], e["distribution"]) for e in document["errors"]] == [(key, "broken-kind")]
    assert says in document["errors"][0]["error"]


def test_help_works_whatever_the_plugins(tmp_path: Path) -> None:
    path = distribution(tmp_path, "quarantine", {"model": "raise RuntimeError('boom')\n"})
    assert runbook(path, "--help").returncode == 0
