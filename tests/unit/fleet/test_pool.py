"""The fleet's workers: a process for tenant after tenant, a fresh one after a failure, and
what a run prints (a failure of ours too) kept in its tenant's run folder."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from runbook.engine.options import RunOptions
from runbook.errors import ExitCode
from runbook.fleet import Tenant
from runbook.fleet.pool import OUTPUT, TenantJob, run_pool, run_tenant, tenant_options


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


def pid_runner(job: TenantJob, book: Any, options: Any) -> int:
    """Notes the worker process that ran the tenant; ends as the job says (or is killed)."""
    Path(job.run_dir, "pid").write_text(str(os.getpid()))
    if job.params["code"] == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    return int(job.params["code"])


def _job(tmp_path: Path, k: int, code: int | str) -> TenantJob:
    return TenantJob(
        tenant=Tenant(name=f"t{k}", console="http://127.0.0.1:9", profile=f"t{k}"),
        file=None,
        mode="drift",
        run_dir=str(tmp_path / f"t{k}"),
        variables={},
        runner=f"{__name__}:pid_runner",
        params={"code": code},
    )


def test_a_worker_runs_tenant_after_tenant_and_is_replaced_after_a_failure_or_a_crash(
    tmp_path: Path,
) -> None:
    codes: list[int | str] = [0, 2, 4, 1, 0, "killed", 3, 0]
    jobs = [_job(tmp_path, k, code) for k, code in enumerate(codes)]
    started: list[str] = []
    ended: dict[str, int] = {}
    run_pool(
        jobs,
        1,
        started=lambda job: started.append(job.tenant.name),
        finished=lambda job, code: ended.__setitem__(job.tenant.name, code),
        tick=lambda: None,
    )
    assert started == [f"t{k}" for k in range(len(codes))]
    assert list(ended.values()) == [0, 2, 4, 1, 0, 1, 3, 0]  # a killed worker: exit 1
    pid = [(tmp_path / f"t{k}" / "pid").read_text() for k in range(len(codes))]
    assert pid[0] == pid[1] == pid[2] == pid[3]  # in sync, drift, console changed, failed
    assert pid[4] != pid[3]  # after a failure, a fresh process
    assert pid[5] == pid[4]
    assert pid[6] != pid[5] and pid[7] == pid[6]  # after a crash too


def test_workers_share_the_tenants_and_each_ends_with_the_fleet(tmp_path: Path) -> None:
    ended: dict[str, int] = {}
    run_pool(
        [_job(tmp_path, k, k % 3) for k in range(6)],
        2,
        started=lambda job: None,
        finished=lambda job, code: ended.__setitem__(job.tenant.name, code),
        tick=lambda: None,
    )
    assert ended == {f"t{k}": k % 3 for k in range(6)}
    pids = {(tmp_path / f"t{k}" / "pid").read_text() for k in range(6)}
    assert 2 <= len(pids) <= 4  # two workers, each replaced after its tenant's exit 1
    for pid in pids:  # every worker process has ended
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            continue
        raise AssertionError(f"worker {pid} still runs")


def locking_runner(job: TenantJob, book: Any, options: Any) -> int:
    """Holds the tenant's real run lock a moment, as a run does; exit 1 if it is taken."""
    import time

    from runbook.engine.lock import run_lock
    from runbook.errors import RunLocked

    try:
        with run_lock(job.tenant.console, job.tenant.profile, runbook="t", mode="drift"):
            time.sleep(0.3)  # the run's work
    except RunLocked:
        return int(ExitCode.STEP_FAILED)
    return 0


def test_tenants_sharing_a_console_and_profile_run_one_after_the_other(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the workers' locks
    console = "http://127.0.0.1:9"
    tenants = [("a", console, "shared"), ("b", console + "/u/0/", "shared"), ("c", console, "c")]
    jobs = [
        TenantJob(
            tenant=Tenant(name=name, console=url, profile=profile),
            file=None,
            mode="drift",
            run_dir=str(tmp_path / name),
            variables={},
            runner=f"{__name__}:locking_runner",
        )
        for name, url, profile in tenants
    ]
    started: list[str] = []
    ended: dict[str, int] = {}
    run_pool(
        jobs,
        2,
        started=lambda job: started.append(job.tenant.name),
        finished=lambda job, code: ended.__setitem__(job.tenant.name, code),
        tick=lambda: None,
    )
    assert started == ["a", "c", "b"]  # b waits for its sibling a; c, free, goes first
    assert ended == {"a": 0, "b": 0, "c": 0}


def sigterm_runner(job: TenantJob, book: Any, options: Any) -> int:
    """The fleet gets SIGTERM while this tenant runs (a scheduler stopping the job)."""
    os.kill(os.getppid(), signal.SIGTERM)
    return 0


def test_tenants_a_terminated_fleet_never_started_are_not_started_with_its_stop_code(
    tmp_path: Path,
) -> None:
    jobs = [_job(tmp_path, k, 0) for k in range(3)]
    jobs[0] = TenantJob(**{**jobs[0].__dict__, "runner": f"{__name__}:sigterm_runner"})
    finished: list[str] = []
    skipped: dict[str, int] = {}
    run_pool(
        jobs,
        1,
        started=lambda job: None,
        finished=lambda job, code: finished.append(job.tenant.name),
        tick=lambda: None,
        skipped=lambda job, code: skipped.__setitem__(job.tenant.name, code),
    )
    assert finished == ["t0"]
    assert skipped == {"t1": 143, "t2": 143}  # SIGTERM, not Ctrl-C's 130


def test_a_tenant_runs_the_commands_options_on_its_own_console_session_and_folder(
    tmp_path: Path,
) -> None:
    job = TenantJob(
        tenant=Tenant(name="acme", console="https://admin.google.com", profile="acme"),
        file=None,
        mode="drift",
        run_dir=str(tmp_path / "acme"),
        variables={},
        options=RunOptions(mode="apply", locale="fr", retries=1, as_json=True, verbose=True),
    )

    options = tenant_options(job)

    assert (options.mode, options.console_url, options.profile) == (
        "drift",
        "https://admin.google.com",
        "acme",
    )
    assert (options.locale, options.retries) == ("fr", 1)  # the command's, the tenant has none
    assert options.run_dir == str(tmp_path / "acme")
    assert options.junit == str(tmp_path / "acme" / "junit.xml")
    assert not (options.as_json or options.verbose)  # the fleet prints its own
    # one tab: a fleet is sized by CPU per tenant, a look-ahead tab costs a renderer more
    assert options.one_tab and not job.options.one_tab
