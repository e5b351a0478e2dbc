"""Signing a profile in to the simulator, as a user does with `runbook login --non-interactive`."""

from __future__ import annotations

import subprocess
import sys

from runbook.simulator import auth as sim_auth


def login(env: dict[str, str], url: str) -> subprocess.CompletedProcess[str]:
    """Run `runbook login` for the simulator's default user; it must succeed."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "runbook",
            "login",
            "--non-interactive",
            "--user",
            sim_auth.DEFAULT_USER,
            "--console",
            url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done
