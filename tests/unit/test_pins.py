"""constraints.txt: one version of each package, installed by every set-up (bootstrap, image,
workflows), and the one Playwright release every place that names one agrees with."""

from __future__ import annotations

import re
import shlex
from importlib.metadata import version
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from packaging.requirements import Requirement

from runbook.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def pins() -> dict[str, str]:
    """Package name (normalised) → its pinned version."""
    found = {}
    for line in CONSTRAINTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            [spec] = requirement.specifier
            assert spec.operator == "==", line
            name = re.sub(r"[-_.]+", "-", requirement.name).lower()
            assert name not in found, f"{name} pinned twice"
            found[name] = spec.version
    return found


def test_each_constraint_is_one_package_at_one_version_from_the_registry() -> None:
    for line in CONSTRAINTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*==[0-9][0-9A-Za-z.+-]*", line), line
    assert "runbook" not in pins()


def test_the_installed_playwright_is_the_pinned_one() -> None:
    assert version("playwright") == pins()["playwright"]


def test_every_dependency_of_runbook_and_its_dev_extra_is_pinned() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    pinned = pins()
    for text in wanted:
        requirement = Requirement(text)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pinned, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pinned[name], prereleases=True), text


# Where a Playwright release is named: an image tag of Microsoft's Playwright images, a
# `playwright==X` or `playwright@X`.
NAMED = re.compile(
    r"mcr\.microsoft\.com/playwright[\w/.-]*:v(?P<tag>\d+\.\d+\.\d+)"
    r"|playwright(?:==|@)(?P<pin>\d+\.\d+\.\d+)"
)


def places() -> list[Path]:
    return [
        path
        for pattern in ("deploy/**/*.yaml", ".github/workflows/*.yml", "docs/*.md", "*.md")
        for path in sorted(ROOT.glob(pattern))
    ] + [ROOT / "Dockerfile"]


def test_the_browser_server_runs_the_pinned_playwright() -> None:
    text = (ROOT / "deploy" / "kubernetes" / "browser-server.yaml").read_text()
    [deployment, *_] = yaml.safe_load_all(text)
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    match = NAMED.search(container["image"])
    assert match and match["tag"] == pins()["playwright"]


def test_every_place_that_names_a_playwright_release_names_the_pinned_one() -> None:
    pinned = pins()["playwright"]
    named = {
        f"{path.relative_to(ROOT)}: {m[0]}"
        for path in places()
        if path.is_file()
        for m in NAMED.finditer(path.read_text())
        if (m["tag"] or m["pin"]) != pinned
    }
    assert named == set(), f"constraints.txt pins playwright {pinned}"


def _workflow(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def _runs(workflow: dict[Any, Any]) -> list[str]:
    return [
        line.strip()
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        for line in step.get("run", "").splitlines()
    ]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_each_workflow_installs_with_the_constraints(path: Path) -> None:
    for line in _runs(_workflow(path)):
        if re.search(r"\bpip install\b", line):
            assert "-c constraints.txt" in line, line


def test_ci_tests_on_python_3_11_3_12_and_3_13() -> None:
    ci = _workflow(ROOT / ".github" / "workflows" / "ci.yml")
    job = ci["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    [setup] = [s for s in job["steps"] if "setup-python" in s.get("uses", "")]
    assert setup["with"]["python-version"] == "${{ matrix.python }}"


def test_the_image_workflow_tries_the_image_and_pushes_it_on_tags_only() -> None:
    flow = _workflow(ROOT / ".github" / "workflows" / "image.yml")
    assert flow[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
    [job] = flow["jobs"].values()
    steps = job["steps"]
    runs = _runs(flow)
    assert any(line.startswith("docker build") for line in runs)
    commands = [
        shlex.split(line.split("runbook:ci", 1)[1])
        for line in runs
        if line.startswith("docker run") and "runbook:ci" in line
    ]
    assert ["--version"] in commands
    assert ["validate", "runbooks/*.yaml"] in commands
    demo = [c for c in commands if c[:1] == ["run"]]
    assert demo and "--console" in demo[0] and "simulator" in demo[0]
    known = cli.list_commands(click.Context(cli))
    for args in commands:
        if args[0] in known:  # the files as the shell and the image's /work give them
            files = [str(f) for a in args[1:] for f in (sorted(ROOT.glob(a)) or [a]) if "/" in a]
            rest = [a for a in args[1:] if "/" not in a]
            command = cli.command_named(args[0])
            command.make_context(args[0], files + rest, parent=click.Context(cli))
    pushes = [s for s in steps if "docker push" in s.get("run", "")]
    assert pushes and all(s["if"] == "startsWith(github.ref, 'refs/tags/v')" for s in pushes)
    assert job["permissions"]["packages"] == "write"


def test_a_pull_request_that_changes_what_the_image_is_built_from_builds_it() -> None:
    import fnmatch

    flow = _workflow(ROOT / ".github" / "workflows" / "image.yml")
    paths = flow[True]["pull_request"]["paths"]
    built_from = ["Dockerfile", ".dockerignore"]
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY "):
            built_from += [a for a in line.split()[1:-1] if not a.startswith("--")]
    for source in built_from:
        probe = source.rstrip("/") + ("/x.py" if source.endswith("/") else "")
        assert any(fnmatch.fnmatchcase(probe, p) for p in paths), source
