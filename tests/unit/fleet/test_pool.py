"""A tenant's worker: what its run prints, and a failure of ours, stay in its own run folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from runbook.errors import ExitCode
from runbook.fleet import Tenant
from runbook.fleet.pool import OUTPUT, TenantJob, run_tenant


def broken_runner(job: TenantJob, book: Any, options: Any) -> int:
    """A runner with a bug in it."""
    raise ValueError("the disk is on fire")


def test_an_unexpected_failure_is_that_tenants_exit_1_with_its_traceback_kept(
    tmp_path: Path,
) -> None:
    job = TenantJob(
        tenant=Tenant(name="acme", console="http://127.0.0.1:9", profile="acme"),
        file=None,
        mode="drift",
        run_dir=str(tmp_path / "acme"),
        variables={},
        runner=f"{__name__}:broken_runner",
    )
    assert run_tenant(job) == ExitCode.STEP_FAILED
    kept = (tmp_path / "acme" / OUTPUT).read_text()
    assert "runbook: internal error: the disk is on fire" in kept
    assert "Traceback" in kept and "broken_runner" in kept
