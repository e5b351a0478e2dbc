"""Signing a profile in to the simulator, as a user does with `runbook login --non-interactive`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from runbook.simulator import auth as sim_auth
from tests.in_process import CliResult, InProcessRunbook


def login(env: dict[str, str], url: str, runner: InProcessRunbook | None = None) -> CliResult:
    """Run `runbook login` for the simulator's default user (in this process with `runner`,
    else as a process); it must succeed."""
    args = ["login", "--non-interactive", "--user", sim_auth.DEFAULT_USER, "--console", url]
    if runner is not None:
        done = runner(args, env=env, cwd=Path(env["XDG_CONFIG_HOME"]).parent, timeout=120)
    else:
        ran = subprocess.run(
            [sys.executable, "-m", "runbook", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        done = CliResult(ran.returncode, ran.stdout, ran.stderr)
    assert done.code == 0, done.stdout + done.stderr
    return done


def own_login(
    run: InProcessRunbook | Any, cli_env: dict[str, str], home: Path, url: str, *more: str
) -> tuple[dict[str, str], CliResult]:
    """`runbook login --non-interactive` into a config folder of its own under `home` (the
    suite's shared session untouched): the environment that uses it, and the login's result."""
    env = {**cli_env, "XDG_CONFIG_HOME": str(home / "config")}
    args = ["--user", sim_auth.DEFAULT_USER, "--console", url, *more]
    return env, run("login", "--non-interactive", *args, env=env)
