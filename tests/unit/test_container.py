"""The Dockerfile: lint-clean, built with the README's set-up from the pinned versions, run as
the user and with the paths the Kubernetes manifests expect.

No image can be built here: the build is replayed instead, its COPY instructions over the
context .dockerignore lets through and its set-up command with a stand-in Python that records
what it is asked to install.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"


@dataclass
class Instruction:
    """One Dockerfile instruction, with the working directory, user and environment it runs in."""

    name: str
    args: str
    workdir: str
    user: str
    env: dict[str, str] = field(default_factory=dict)


def instructions(text: str) -> list[Instruction]:
    """The instructions of a Dockerfile, continuation lines joined, comments dropped."""
    logical, current = [], ""
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue  # a comment, also inside a continued instruction
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip():
            logical.append(current.strip())
        current = ""
    found, workdir, user, env = [], "/", "root", {}
    for line in logical:
        name, _, args = line.partition(" ")
        name = name.upper()
        if name == "WORKDIR":
            workdir = os.path.join(workdir, args.strip())
        elif name == "USER":
            user = args.strip()
        elif name == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value.replace("$PATH", env.get("PATH", "/usr/bin:/bin"))
        found.append(Instruction(name, args.strip(), workdir, user, dict(env)))
    return found


DOCKER = instructions(DOCKERFILE.read_text())


def only(name: str) -> list[Instruction]:
    return [i for i in DOCKER if i.name == name]


def in_context(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore's patterns let `path` (relative to the context) into the build."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    included = True
    for pattern in patterns:
        negated = pattern.startswith("!")
        pattern = os.path.normpath(pattern.lstrip("!"))
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
            included = negated
    return included


def dockerignore() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def context_files() -> list[str]:
    """The repository's files (as git knows them, and the working tree's) in the context."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    patterns = dockerignore()
    return [f for f in listed if (ROOT / f).is_file() and in_context(f, patterns)]


STAND_IN = """#!/bin/sh
# A stand-in for the venv's python: records its arguments and what they name.
{python} - "$PWD" "$@" <<'PY'
import json, os, sys
cwd, args = sys.argv[1], sys.argv[2:]
seen = {{"args": args}}
if "-c" in args:
    seen["constraints"] = open(args[args.index("-c") + 1]).read()
if args[-1] in (".", ".[dev]"):
    seen["project"] = sorted(os.listdir(cwd))
with open({log!r}, "a") as log:
    log.write(json.dumps(seen) + "\\n")
PY
"""


def replay(tmp_path: Path, bootstrap: str | None = "image") -> tuple[Instruction, list[Any]]:
    """Replay the build up to its set-up command in `tmp_path` (the image's file system); the
    set-up's RUN instruction and what the stand-in Python was asked."""
    image, log = tmp_path / "image", tmp_path / "python.log"
    patterns, files = dockerignore(), context_files()
    [setup] = [i for i in only("RUN") if "bootstrap.sh" in i.args]
    for step in DOCKER[: DOCKER.index(setup)]:
        if step.name != "COPY":
            continue
        *sources, dest = shlex.split(step.args)
        sources = [s for s in sources if not s.startswith("--")]
        target = image / os.path.join(step.workdir, dest).lstrip("/")
        for source in sources:
            source = source.rstrip("/")
            assert in_context(source, patterns), f"{source} is left out by .dockerignore"
            picked = [f for f in files if f == source or f.startswith(source + "/")]
            assert picked, f"COPY {source}: no such file in the context"
            for f in picked:
                if (ROOT / source).is_dir():
                    out = target / os.path.relpath(f, source)
                elif dest.endswith("/"):
                    out = target / Path(f).name
                else:
                    out = target
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(ROOT / f, out)
    workdir = image / setup.workdir.lstrip("/")
    python = workdir / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(STAND_IN.format(python=sys.executable, log=str(log)))
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    [command] = [c for c in setup.args.split("&&") if "bootstrap.sh" in c]
    if bootstrap is None:  # as the README's commands run it
        command = command.replace("RUNBOOK_BOOTSTRAP=image", "")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), **setup.env}
    subprocess.run(command, shell=True, cwd=workdir, env=env, check=True)
    return setup, [json.loads(line) for line in log.read_text().splitlines()]


def test_hadolint_finds_nothing_in_the_dockerfile() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or "hadolint"
    done = subprocess.run(
        [hadolint, "--config", ".hadolint.yaml", "--format", "tty", "Dockerfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_finds_a_mistake_in_a_dockerfile(tmp_path: Path) -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or "hadolint"
    broken = tmp_path / "Dockerfile"
    broken.write_text(DOCKERFILE.read_text().replace("WORKDIR /work", "RUN cd /work"))
    done = subprocess.run(
        [hadolint, "--config", str(ROOT / ".hadolint.yaml"), str(broken)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "DL3003" in done.stdout


def test_the_image_installs_the_package_alone_at_the_pinned_versions_then_a_browser(
    tmp_path: Path,
) -> None:
    setup, calls = replay(tmp_path)
    assert setup.user == "root"  # apt is usable: Debian's chromium is installed
    pins = (ROOT / "constraints.txt").read_text()
    installs = [c for c in calls if c["args"][:3] == ["-m", "pip", "install"]]
    assert installs and all(c["constraints"] == pins for c in installs)
    [project] = [c for c in installs if "project" in c]
    assert project["args"][-1] == "."  # not editable, no development extras
    assert {"pyproject.toml", "README.md", "src", "constraints.txt"} <= set(project["project"])
    assert calls[-1]["args"] == ["-m", "runbook.console.browser", "--ensure"]
    assert not any("examples/plugin-kind" in c["args"] for c in calls)


def test_the_readme_set_up_installs_the_dev_tools_and_the_example_kind_at_the_same_pins(
    tmp_path: Path,
) -> None:
    _, calls = replay(tmp_path, bootstrap=None)
    pins = (ROOT / "constraints.txt").read_text()
    [project] = [c for c in calls if "project" in c]
    assert project["args"][-2:] == ["-e", ".[dev]"] and project["constraints"] == pins
    assert calls[-1]["args"][-3:] == ["--no-deps", "-e", "examples/plugin-kind"]


def _cronjob_container() -> dict[str, Any]:
    text = (ROOT / "deploy" / "kubernetes" / "cronjob.yaml").read_text()
    cron = yaml.safe_load(text)
    [container] = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    return dict(container)


def test_the_image_runs_runbook_as_uid_1000_the_manifests_user() -> None:
    *_, last = DOCKER
    [setup] = [i for i in only("RUN") if "bootstrap.sh" in i.args]
    user = last.user.split(":")[0]
    assert user == "1000"  # numeric: Kubernetes' runAsNonRoot can check it
    cron = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "cronjob.yaml").read_text())
    pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsUser"] == int(user)
    [entrypoint] = only("ENTRYPOINT")
    assert json.loads(entrypoint.args)[-1] == "runbook"
    bin_dir = last.env["PATH"].split(":")[0]
    assert bin_dir == os.path.join(setup.workdir, ".venv", "bin")


@pytest.mark.parametrize("variable", ["XDG_CONFIG_HOME", "XDG_CACHE_HOME"])
def test_the_images_paths_are_the_ones_the_cronjob_mounts(variable: str) -> None:
    *_, last = DOCKER
    container = _cronjob_container()
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert last.env[variable] == env[variable]
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert any(m == env[variable] or m.startswith(env[variable] + "/") for m in mounts)
    owned = [i.args for i in only("RUN") if "install -d -o 1000" in i.args]
    made = {word for args in owned for word in args.split("&&")[1].split() if word.startswith("/")}
    assert {env[variable], "/recordings"} <= made
    assert "/recordings" in container["args"]


def test_every_file_the_dockerfile_copies_reaches_the_build() -> None:
    patterns, files = dockerignore(), context_files()
    for step in only("COPY"):
        *sources, _ = [a for a in shlex.split(step.args) if not a.startswith("--")]
        for source in sources:
            source = source.rstrip("/")
            assert in_context(source, patterns), f"{source} is left out by .dockerignore"
            assert any(f == source or f.startswith(source + "/") for f in files), source
    assert not in_context(".venv/bin/python", patterns)
    assert not in_context("src/runbook/__pycache__/cli.cpython-311.pyc", patterns)


def test_the_entry_points_first_program_is_installed_by_the_image() -> None:
    [entrypoint] = only("ENTRYPOINT")
    program = json.loads(entrypoint.args)[0]
    installed = " ".join(i.args for i in only("RUN") if "apt-get install" in i.args)
    assert program == "runbook" or program in installed.split()
