"""N worker processes, one tenant run each at a time: today's single-tenant run, own context.

Each worker is a spawned process that runs the tenants the fleet hands it, one after the
other, each through the engine's `execute` in a browser context of its own, on the driver
and browser the worker keeps; it sends back each run's exit code. A worker starts its Python,
its driver and its browser once, not once per tenant. A worker whose process dies (a crash,
a signal) costs only the tenant it was running (exit 1); a worker whose tenant failed at run
time (1) or was interrupted is replaced by a fresh process, so nothing a failed run left
behind reaches the next tenant.
The engine gives each run its lock (per console and profile), its session and its run
folder; tenants that share a lock are never started together: the next in line waits for its
sibling, and a tenant whose lock is free goes first.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from runbook.engine.options import RunOptions
from runbook.errors import ExitCode, RunbookError
from runbook.fleet.tenants import Tenant
from runbook.results import Mode

OUTPUT = "output.txt"  # what the tenant's run printed, in its run folder
DEFAULT_RUNNER = "runbook.fleet.pool:run_book"
TICK_S = 0.5  # how often the live table is redrawn while waiting for a worker to end


@dataclass(frozen=True)
class TenantJob:
    """What a worker needs to run one tenant (plain data: it crosses a process boundary)."""

    tenant: Tenant
    file: str | None  # the runbook (None: a command reading the console without one, export)
    mode: Mode
    run_dir: str
    variables: dict[str, str]  # --var, then the tenant's vars over them
    options: RunOptions = field(default_factory=RunOptions)  # the command's run options
    # `module:function` taking (job, runbook or None, RunOptions) and returning the exit code:
    # the engine's run by default; another command (plan, export, probe) names its own.
    runner: str = DEFAULT_RUNNER
    params: dict[str, Any] = field(default_factory=dict)  # the runner's own (this tenant's)


def tenant_book(job: TenantJob) -> Any:
    """The runbook as this tenant runs it: its vars, its org unit (`InvalidRunbook` if bad);
    None for a job without a runbook."""
    from runbook.file import load_runbook

    if job.file is None:
        return None
    book = load_runbook(Path(job.file), variables=job.variables)
    return book.at_org_unit(job.tenant.org_unit or None)


def run_tenant(job: TenantJob) -> int:
    """Run one tenant in this process, its output kept in its run folder; its exit code."""
    os.environ.pop("GITHUB_STEP_SUMMARY", None)  # the fleet writes one summary for all
    run_dir = Path(job.run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    with (
        (run_dir / OUTPUT).open("w", encoding="utf-8") as out,
        redirect_stdout(out),
        redirect_stderr(out),
    ):
        try:
            book = tenant_book(job)
            options = tenant_options(job)
            return int(_runner(job.runner)(job, book, options))
        except RunbookError as exc:
            print(f"runbook: error: {exc}")
            return int(exc.exit_code)
        except KeyboardInterrupt:
            return int(ExitCode.INTERRUPTED)
        except Exception as exc:  # a bug: kept with this tenant, for a maintainer to read
            print(f"runbook: internal error: {exc or type(exc).__name__}")
            traceback.print_exc(file=out)
            return int(ExitCode.STEP_FAILED)


def tenant_options(job: TenantJob) -> RunOptions:
    """The command's run options as this tenant runs them: its console, session, locale and
    labels, its run folder, its outputs there (the fleet prints and writes its own; the DNS
    records of `--records` too), one tab (`RunOptions.one_tab`)."""
    tenant, options, run_dir = job.tenant, job.options, Path(job.run_dir)
    return replace(
        options,
        mode=job.mode,
        console_url=tenant.console,
        profile=tenant.profile,
        locale=tenant.locale or options.locale,
        labels=tenant.labels or options.labels,
        run_dir=str(run_dir),
        junit=str(run_dir / "junit.xml"),
        # --records FILE: each tenant's DNS records in its folder, under that file's name
        records=str(run_dir / Path(options.records).name) if options.records else None,
        as_json=False,
        verbose=False,
        one_tab=True,
    )


def run_book(job: TenantJob, book: Any, options: RunOptions) -> int:
    """The default runner: the engine's run of the runbook (run, dry run, drift)."""
    from runbook.engine.runner import execute

    return execute(book, Path(str(job.file)), options)


def _runner(name: str) -> Callable[..., int]:
    """The function `module:function` names."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def _serve(conn: Connection) -> None:
    """A worker process's body: run each tenant the fleet sends, send back its exit code;
    stop at None (or when the fleet is gone).

    The worker's tenants share one Playwright driver and one browser (`keeping`), started at
    the first; each tenant's run has a browser context of its own (its session, trace, video
    and evidence), closed when its run ends. A browser a tenant crashed is started again.
    """
    from runbook.engine.runner import sharing_a_browser

    try:
        with sharing_a_browser():
            while True:
                try:
                    job = conn.recv()
                except (EOFError, OSError):
                    return
                if job is None:
                    return
                conn.send(run_tenant(job))
    except KeyboardInterrupt:  # Ctrl-C reaches every worker: an idle one just ends
        return


# The tenant outcomes after which its worker runs the next tenant: runs that ended as they
# meant to (in sync, drift, sign-in needed, console changed). After a failure at run time
# (1: perhaps a crash) or an interruption, the next tenant gets a fresh process.
REUSABLE = frozenset(
    int(code)
    for code in (
        ExitCode.OK,
        ExitCode.DRIFT,
        ExitCode.SIGN_IN_REQUIRED,
        ExitCode.CONSOLE_CHANGED,
    )
)


@dataclass
class Worker:
    """A worker process, its end of the pipe, and the tenant it runs (None: idle)."""

    process: BaseProcess
    conn: Connection
    job: TenantJob | None = None

    @classmethod
    def start(cls, context: Any, number: int) -> Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs,), name=f"runbook-worker-{number}")
        process.start()
        theirs.close()
        return cls(process, ours)

    def stop(self) -> None:
        """Ask an idle worker to end, and wait for it."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join()
        self.conn.close()

    def outcome(self) -> int | None:
        """The exit code of its tenant once known (None: still running); a process that died
        ends its tenant with its own exit status (a signal or a crash: 1)."""
        if self.conn.poll():
            try:
                return int(self.conn.recv())
            except (EOFError, OSError):
                pass
        elif self.process.is_alive():
            return None
        self.process.join()
        return _code(self.process.exitcode)


def run_pool(
    jobs: Sequence[TenantJob],
    workers: int,
    *,
    started: Callable[[TenantJob], None],
    finished: Callable[[TenantJob, int], None],
    tick: Callable[[], None],
    skipped: Callable[[TenantJob, int], None] | None = None,
) -> None:
    """Run every job with at most `workers` processes at once; call back as they go.

    Jobs never started because the fleet was stopped go to `skipped` with the fleet's stop
    code (130 Ctrl-C, 143 SIGTERM); without it, to `finished`.

    A process that dies without an exit code of its own (a signal, a crash) counts as exit 1
    for its tenant. SIGTERM to the fleet is passed on to the running workers (each ends its
    run as `runbook` does on SIGTERM); no new tenant starts after Ctrl-C or SIGTERM.
    """
    context = multiprocessing.get_context("spawn")
    queue = deque(jobs)
    idle: list[Worker] = []
    busy: dict[Any, Worker] = {}  # by what `wait` watches: the pipe, the process sentinel
    count = 0
    with _forward_sigterm(busy) as stop:
        try:
            while queue or busy:
                while len(busy) < workers and not stop:
                    held = {w.job.tenant.lock_key for w in busy.values() if w.job}
                    job = _next_free(queue, held)
                    if job is None:
                        break
                    if idle:
                        worker = idle.pop()
                    else:
                        count += 1
                        worker = Worker.start(context, count)
                    worker.job = job
                    worker.conn.send(worker.job)
                    busy[worker.conn] = worker
                    started(worker.job)
                if not busy:
                    break
                watched = [w.process.sentinel for w in busy.values()] + list(busy)
                wait(watched, timeout=TICK_S)
                for worker in list(busy.values()):
                    code = worker.outcome()
                    if code is None:
                        continue
                    del busy[worker.conn]
                    job, worker.job = worker.job, None
                    assert job is not None
                    finished(job, code)
                    if code in REUSABLE and worker.process.is_alive():
                        idle.append(worker)
                    elif worker.process.is_alive():
                        worker.stop()  # a fresh process for the next tenant
                tick()
        finally:
            for worker in idle:
                worker.stop()
    code = stop[0] if stop else int(ExitCode.INTERRUPTED)
    for job in queue:  # never started: the fleet was stopped
        (skipped or finished)(job, code)


def _next_free(queue: deque[TenantJob], held: set[tuple[str, str]]) -> TenantJob | None:
    """Take from `queue` the first job whose lock no running job holds (None: none can start)."""
    for job in queue:
        if job.tenant.lock_key not in held:
            queue.remove(job)
            return job
    return None


def _code(exitcode: int | None) -> int:
    """A worker's exit status as a tenant exit code (a signal or a crash: 1)."""
    if exitcode is None or exitcode < 0:
        return int(ExitCode.STEP_FAILED)
    return exitcode


@contextmanager
def _forward_sigterm(running: dict[Any, Worker]) -> Iterator[list[int]]:
    """While the pool runs: SIGTERM and Ctrl-C stop new starts; SIGTERM reaches the workers.

    Yields a list that holds the stop's exit code (143, 130) once the fleet was asked to
    stop. Off the main thread (a fleet started by a host program's worker thread), signals
    stay the host's.
    """
    stop: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def terminate(signum: int, frame: object) -> None:
        stop.append(int(ExitCode.TERMINATED))
        for entry in running.values():
            entry.process.terminate()

    def interrupt(signum: int, frame: object) -> None:
        stop.append(
            int(ExitCode.INTERRUPTED)
        )  # the workers got Ctrl-C too (same process group) and end their runs

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, interrupt)
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
