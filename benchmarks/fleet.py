"""Fleet benchmark: `runbook drift --tenants` over 8 simulated tenants with 1, 2 and 4 workers.

Usage: .venv/bin/python -m benchmarks.fleet [--tenants 8] [--workers 1,2,4] [--out FILE]

Eight simulators, each its own `runbook simulator` process (no sign-in, empty consoles:
every tenant's drift walks both pages and reports drift, exit 2), one `runbook` fleet
process per worker count. Measures wall time
(tenants per minute, the ratio to 1 worker), CPU-seconds of the whole process tree per
tenant run (workers, Playwright drivers, Chromium: sampled from /proc by `benchmarks.cpu`,
not getrusage, which misses what Chromium's zygote does not hand back; getrusage's figure is
shown beside it) and the peak resident memory of one worker with its driver and browser
(sampled from /proc). Replaces the "Many tenants" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import yaml

from benchmarks.cpu import installed_env, run_measured
from benchmarks.sections import commit, write_section

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- fleet:begin -->", "<!-- fleet:end -->"
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    try:
        return int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(pid: int, tree: dict[int, list[int]]) -> int:
    return _rss(pid) + sum(_tree_rss(c, tree) for c in tree.get(pid, []))


class WorkerMemory:
    """Samples, while the fleet runs, the resident memory of each worker's process tree."""

    def __init__(self) -> None:
        self.peak = 0
        self.done = threading.Event()

    def watch(self, fleet_pid: int) -> Callable[[], None]:
        """Start sampling the workers of `fleet_pid`; the function that stops it."""
        thread = threading.Thread(target=self._sample, args=(fleet_pid,), daemon=True)
        thread.start()

        def stop() -> None:
            self.done.set()
            thread.join()

        return stop

    def _sample(self, fleet_pid: int) -> None:
        while not self.done.wait(0.25):
            tree = _children()
            for worker in tree.get(fleet_pid, []):
                self.peak = max(self.peak, _tree_rss(worker, tree))


def _machine_cpu() -> tuple[int, int]:
    """The machine's CPU time so far, all and idle (clock ticks, from /proc/stat)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(ticks), ticks[3] + ticks[4]


def fleet_run(book: Path, tenants: Path, workers: int, work: Path) -> dict[str, float]:
    """One fleet process; its wall time, the CPU-seconds of its process tree (sampled, and as
    getrusage would have it), peak worker memory, and how busy the whole machine was."""
    env = installed_env()
    all_before, idle_before = _machine_cpu()
    memory = WorkerMemory()
    run = run_measured(
        [sys.executable, "-m", "runbook", "drift", str(book), "--tenants", str(tenants),
         "--workers", str(workers), "--screenshots", "off", "--recordings", str(work / "rec")],
        cwd=work, env=env, watch=memory.watch,
    )  # fmt: skip
    all_after, idle_after = _machine_cpu()
    busy = 1 - (idle_after - idle_before) / max(1, all_after - all_before)
    return {"code": run.code, "wall": run.wall, "cpu": run.cpu, "rusage": run.rusage,
            "peak": memory.peak, "busy": busy}  # fmt: skip


def simulator(work: Path, k: int) -> tuple[subprocess.Popen[bytes], str]:
    """A `runbook simulator` process (its own GIL, as a tenant's console is its own); its URL.

    Not a child whose CPU is counted: it is reaped only after every fleet run.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "runbook", "simulator", "--no-auth", "--port", str(port),
         "--state", str(work / f"s{k}.json")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # until it answers (a condition, checked every 0.1 s; at most 60 s)
        try:
            httpx.get(f"{url}/_sim/state", timeout=1).raise_for_status()
            return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"simulator {k} did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenants", type=int, default=8)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs per worker count, alternating (median)"
    )
    args = parser.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",")]
    measured_on = commit()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        servers = [simulator(work, k) for k in range(args.tenants)]
        tenants = work / "tenants.yaml"
        tenants.write_text(
            yaml.safe_dump(
                [{"name": f"t{k}", "console": url} for k, (_, url) in enumerate(servers)]
            )
        )
        book = ROOT / "runbooks" / "split-delivery.yaml"
        runs: dict[int, list[dict[str, float]]] = {w: [] for w in counts}
        try:
            for _ in range(args.rounds):
                for w in counts:
                    runs[w].append(fleet_run(book, tenants, w, work))
        finally:
            for process, _ in servers:
                process.terminate()
                process.wait()
    text = render(runs, args.tenants, measured_on)
    print(text)
    write_section(Path(args.out), BEGIN, END, text)
    return 0


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median wall time (a whole run, so that a row's figures belong together)."""
    return sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]


def render(runs: dict[int, list[dict[str, float]]], tenants: int, measured_on: str) -> str:
    """The section: a row per worker count (its run of median wall time), every run beside it."""
    rows = {w: median_run(r) for w, r in runs.items()}
    base = tenants / rows[min(rows)]["wall"] * 60
    lines = [
        BEGIN,
        "## Many tenants (fleet)",
        "",
        f"`python -m benchmarks.fleet`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit "
        f"`{measured_on}`, "
        f"{platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}"
        '. "Machine busy" is the share of all cores in use during the run, whatever used '
        "them (the fleet, the simulators, anything else): a row far above the fleet's own "
        "CPU-seconds ran on a shared machine.",
        "",
        f"`runbook drift runbooks/split-delivery.yaml --tenants` over {tenants} simulated "
        "tenants (one `runbook simulator` process each, no sign-in, empty consoles: each "
        "drift walks both pages and reports drift), screenshots off. Each worker count runs "
        f"{len(next(iter(runs.values())))} times, the counts alternating; a row is the run "
        "of median wall time, the last column every run's wall time and CPU-s per tenant.",
        "",
        "CPU-s per tenant run: the fleet process and every descendant, sampled from /proc "
        "every 0.1 s (`benchmarks/cpu.py`; target ≤ 1.2). The getrusage column is what the "
        "fleet's wait() alone reports, for comparison: it misses the Chromium processes that "
        "are not reaped back up the tree.",
        "",
        "| workers | wall | tenants/min | × 1 worker | CPU-s per tenant run (process tree) "
        "| getrusage's figure | peak memory per worker | fleet exit | machine busy "
        "| runs: wall, CPU-s per tenant |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for workers, r in rows.items():
        rate = tenants / r["wall"] * 60
        lines.append(
            f"| {workers} | {r['wall']:.1f} s | {rate:.1f} | {rate / base:.2f}× | "
            f"{r['cpu'] / tenants:.2f} | {r['rusage'] / tenants:.2f} | "
            f"{r['peak'] / 2**20:.0f} MiB | {int(r['code'])} | "
            f"{r['busy']:.0%} | "
            + ", ".join(f"{x['wall']:.1f} s / {x['cpu'] / tenants:.2f}" for x in runs[workers])
            + " |"
        )
    lines += [
        "",
        "Workers add throughput only while cores are idle: a single tenant's run already "
        "keeps more than one core busy (Chromium's browser, renderer and GPU processes, the "
        "Playwright driver and the worker run side by side), so on 2 cores a second worker "
        "gains little, and the 1-worker row's \"machine busy\" is the ceiling's measure: "
        "N workers can at best reach 100% ÷ that share.",
        "",
        "Sizing: tenants per minute ≈ 60 × cores ÷ CPU-seconds per tenant run; more workers "
        "than cores only queue on the CPU. Memory: workers × the peak per worker (a sum of "
        "resident sizes over the worker, its driver and its Chromium processes, which counts "
        "their shared pages more than once: an upper bound).",
        END,
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
