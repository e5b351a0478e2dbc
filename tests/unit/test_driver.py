"""Playwright's driver starts while a runbook loads, and never outlives a runbook that fails."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

CHILDREN = """
import os
def children():
    pids = set()
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/children") as f:
            pids |= set(f.read().split())
    return pids
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILDREN + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.process
def test_a_runbook_that_does_not_load_leaves_no_driver_running() -> None:
    out = _run(
        """
        from runbook.console import driver
        from runbook.errors import UsageError
        before = children()
        def load():
            raise UsageError("bad runbook")
        try:
            driver.while_starting(load)
        except UsageError as exc:
            print("raised:", exc)
        print("left behind:", len(children() - before))
        """
    )
    assert out.splitlines() == ["raised: bad runbook", "left behind: 0"]


@pytest.mark.process
def test_the_driver_started_early_is_the_one_the_run_uses() -> None:
    out = _run(
        """
        from runbook.console import driver
        before = children()
        print(driver.while_starting(lambda: "loaded"))
        started = children() - before
        early = driver.take()
        print("new processes for the run:", len(children() - before - started))
        print("chromium:", early.chromium.name)
        early.stop()
        """
    )
    assert out.splitlines() == ["loaded", "new processes for the run: 0", "chromium: chromium"]
