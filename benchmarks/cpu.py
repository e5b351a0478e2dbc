"""CPU-seconds of a whole process tree (a root and every descendant), sampled from /proc.

`getrusage(RUSAGE_CHILDREN)` and `wait4` only see CPU that reached the root through a chain of
`wait()` calls. Chromium's work does not all come back that way: its zygotes (which hold the
renderers) outlive the browser process, are reparented to init, and their CPU never reaches
the root's figure, so on a `runbook run` getrusage reads low. This sampler reads the tree.

How it counts. A background thread reads `/proc/*/stat` every `interval` seconds. A process
is in the tree when it is the root or its parent was in the tree when it was first seen; it
stays in the tree after it is reparented (an orphan of the tree is still the tree's work).
Processes are keyed by (pid, start time), so a reused pid is a new process. For each one the
thread keeps what it last read: its parent, its own CPU `self` = utime + stime (all its
threads, the exited ones included) and `reaped` = cutime + cstime (what it collected with
`wait()`: each reaped child's self + reaped at that child's end, unseen children included).

The kernel adds a child's figures to its parent's cutime/cstime when the parent reaps it,
which is before the child's /proc entry goes. So a process Y is *covered* by an ancestor A
when Y and every process between them (following the last parent seen of each) were seen gone
from /proc before A's last read: Y's whole CPU, and everything Y reaped after our last look
at it, is inside A's last `reaped`. The total is

    sum over the processes covered by no ancestor of (self + reaped)

-- each process counted once: either on its own, or inside the last figures of the ancestor
that reaped it. "Seen gone before" is decided by read order: a pass lists /proc, then reads
the tree's processes parents first (by depth), then the new pids. The root, once reaped, is
read last through `wait4` (`stop(root_rusage)`), so everything reaped back to it is covered
by it and the total is at least wait4's figure; what the root never got back (orphans
reparented out of the tree, such as Chromium's zygotes when the browser goes) is added from
those processes' own figures. `stop()` keeps sampling a little after the root has gone, until
such stragglers have exited too.

Checked against a cpuacct cgroup holding the whole run (the exact figure, which needs rights
this benchmark should not ask for): on the baseline and on `runbook run`, within 2 %, low,
where wait4 read 35-40 % low.

Errors left, each bounded by one process's figures: a process that lived less than a sampling
interval and was not reaped into a process of the tree is missed; a process whose parent
exited and which went itself before it was seen with its new parent is taken as reaped by the
old one (missed if it was not); a child reaped in the instant between its parent's last read
and its own failed read in the same pass, by a parent that then exits before the next pass, is
counted twice.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TICK = os.sysconf("SC_CLK_TCK")
Key = tuple[int, int]  # (pid, start time in ticks)


@dataclass
class _Proc:
    """What the sampler last read of one process."""

    parent: Key | None
    depth: int
    self_s: float = 0.0
    reaped_s: float = 0.0
    last_read: int = 0  # the read sequence number of the last successful read
    gone: int | None = None  # the sequence number at which it was first seen gone


def _stat(pid: int) -> tuple[int, int, float, float] | None:
    """(ppid, start time, self CPU-s, reaped CPU-s) of a pid, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    rest = text[text.rfind(")") + 2 :].split()  # fields from the 3rd (state) on
    utime, stime, cutime, cstime = (int(v) for v in rest[11:15])
    return int(rest[1]), int(rest[19]), (utime + stime) / TICK, (cutime + cstime) / TICK


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


class TreeCpu:
    """Samples the CPU of `root` and its descendants until `stop()`; see the module docstring.

    Usage: `sampler = TreeCpu(pid).start()`, ..., `seconds = sampler.stop()`.
    """

    def __init__(self, root: int, *, interval: float = 0.1) -> None:
        self.root = root
        self.interval = interval
        self.procs: dict[Key, _Proc] = {}
        self._live: dict[int, Key] = {}  # pid -> key of the tree's process holding it now
        self._foreign: set[int] = set()  # pids read once and found outside the tree
        self._seq = 0
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._root_key: Key | None = None
        self.sample()

    def start(self) -> TreeCpu:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def sample(self) -> None:
        """One pass over /proc."""
        with self._lock:
            listed = set(_pids())
            listing = self._next()
            for pid, key in list(self._live.items()):
                if pid not in listed:
                    self._gone(key, listing)
            # The tree's known processes, parents before children, then everything else
            # (a new process of the tree is found by its parent's pid).
            known = sorted(self._live.items(), key=lambda item: self.procs[item[1]].depth)
            for pid, key in known:
                read = _stat(pid)
                if read is None or read[1] != key[1]:
                    self._gone(key, self._next())
                    continue
                self._update(key, read)
            # A process outside the tree stays outside (a reparented one goes to init), so
            # only pids new since the last pass are read.
            self._foreign &= listed
            pending: dict[int, tuple[int, int, float, float, int]] = {}
            for pid in listed - set(self._live) - self._foreign:
                read = _stat(pid)
                if read is not None:
                    pending[pid] = (*read, self._next())
            self._adopt(pending)
            self._foreign |= set(pending)

    def _adopt(self, pending: dict[int, tuple[int, int, float, float, int]]) -> None:
        """Take into the tree the pending processes whose parent is in it (or the root)."""
        grew = True
        while grew:
            grew = False
            for pid, (ppid, start, self_s, reaped_s, seq) in list(pending.items()):
                parent = self._live.get(ppid)
                is_root = pid == self.root and self._root_key is None
                if parent is None and not is_root:
                    continue
                key = (pid, start)
                depth = 0 if parent is None else self.procs[parent].depth + 1
                self.procs[key] = _Proc(parent, depth, self_s, reaped_s, seq)
                if parent is None:
                    self._root_key = key
                self._live[pid] = key
                del pending[pid]
                grew = True

    def _update(self, key: Key, read: tuple[int, int, float, float]) -> None:
        proc = self.procs[key]
        proc.self_s, proc.reaped_s, proc.last_read = read[2], read[3], self._next()
        proc.parent = self._live.get(read[0])  # reparented: to a reaper in the tree, or out

    def _gone(self, key: Key, seq: int) -> None:
        self.procs[key].gone = seq
        del self._live[key[0]]

    def stop(self, root_rusage: float | None = None, *, linger: float = 2.0) -> float:
        """Stop sampling; the total CPU-seconds of the tree.

        Waits first, at most `linger` seconds, for the tree's processes still running to go.
        `root_rusage`: the root's own + reaped CPU-seconds from `wait4`, once reaped; taken
        as the root's final read, after everything else.
        """
        deadline = time.monotonic() + linger
        while self._live and time.monotonic() < deadline and self._thread.is_alive():
            self._done.wait(self.interval)  # until the stragglers have gone (a condition)
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        self.sample()
        with self._lock:
            if root_rusage is not None and self._root_key is not None:
                root = self.procs[self._root_key]
                root.reaped_s = max(root.reaped_s, root_rusage - root.self_s)
                root.last_read = self._next()
            return self.total()

    def total(self) -> float:
        """The tree's CPU-seconds so far, by the rule in the module docstring."""
        return sum(p.self_s + p.reaped_s for p in self.procs.values() if not self._covered(p))

    def _covered(self, proc: _Proc) -> bool:
        """Whether an ancestor's last read already holds all of `proc`'s CPU."""
        gone = proc.gone  # the latest disappearance on the path up from `proc`
        while gone is not None and proc.parent is not None:
            proc = self.procs[proc.parent]
            if gone < proc.last_read:
                return True
            gone = None if proc.gone is None else max(gone, proc.gone)
        return False


@dataclass
class Measured:
    """One process run to its end: exit code, wall seconds, CPU-seconds of its tree, and the
    CPU-seconds `wait4` alone reports (what getrusage would have seen), its output."""

    code: int
    wall: float
    cpu: float
    rusage: float
    stdout: str
    stderr: str


def installed_env(package: str = "runbook") -> dict[str, str]:
    """The environment of the measured processes: the package's bytecode compiled and kept,
    as in an installed copy (pip compiles it), whatever the shell says. A checkout run with
    PYTHONDONTWRITEBYTECODE=1 compiles runbook's ~150 modules on every start (~0.1 s), which no
    installed copy does; the package is compiled once, before anything is measured."""
    _compiled(package)
    return _keeping_bytecode()


def _keeping_bytecode() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@functools.cache
def _compiled(package: str) -> None:
    """Compile `package`'s sources into their `__pycache__` (once per benchmark process)."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        where = next(iter(spec.submodule_search_locations))
        command = [sys.executable, "-m", "compileall", "-q", where]
        subprocess.run(command, env=_keeping_bytecode(), check=True)


def run_measured(
    cmd: Sequence[str], *, watch: Callable[[int], Callable[[], None]] | None = None, **popen: Any
) -> Measured:
    """Run `cmd` to its end with its tree sampled; output captured (as text). `watch`: told
    the process's pid once it started, it returns what to call once the process ended (another
    sampler beside this one, such as the fleet's worker memory)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(cmd), stdout=out, stderr=err, **popen)
        sampler = TreeCpu(process.pid).start()
        watched = watch(process.pid) if watch is not None else None
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if watched is not None:
            watched()
        process.returncode = os.waitstatus_to_exitcode(status)
        rusage = usage.ru_utime + usage.ru_stime
        cpu = sampler.stop(rusage)
        out.seek(0)
        err.seek(0)
        return Measured(
            process.returncode,
            wall,
            cpu,
            rusage,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )
