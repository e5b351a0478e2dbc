"""Benchmark harness: `runbook run` against a plain Playwright baseline, as ratios in one run.

Usage: .venv/bin/python -m benchmarks.harness [--pairs 7] [--out docs/performance.md]

One simulator for the whole run; baseline and runbook alternate (A B A B ...) with the console
reset between them; both are whole processes including browser start. Each process's CPU is
that of its whole tree (Chromium included), sampled from /proc by `benchmarks.cpu`. Writes the
figures, the machine, the method, the commit and the date to its section of
docs/performance.md (between its markers; the other benchmarks' sections stay).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import yaml

from benchmarks.cpu import Measured, installed_env, run_measured
from benchmarks.sections import commit, write_section
from runbook.simulator import auth as sim_auth
from runbook.simulator.server import SimulatorServer

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- harness:begin -->", "<!-- harness:end -->"
PY = sys.executable


def split_delivery(console: str) -> dict[str, Any]:
    """The reference runbook aimed at `console`."""
    return {
        "version": 1,
        "name": "split-delivery",
        "console": {"url": console, "locale": "en"},
        "steps": [
            {
                "mail_route": {
                    "name": "Legacy mail server",
                    "server": {"single_host": {"host": "mail.legacy.example.com", "port": 25}},
                }
            },
            {
                "routing_rule": {
                    "description": "Split delivery to the legacy server",
                    "messages": ["inbound", "internal_receiving"],
                    "change_route": "Legacy mail server",
                    "account_types": ["unrecognized_catch_all"],
                }
            },
        ],
    }


def dual_delivery(console: str) -> dict[str, Any]:
    """The shipped `runbooks/dual-delivery.yaml`, aimed at `console`."""
    doc: dict[str, Any] = yaml.safe_load((ROOT / "runbooks" / "dual-delivery.yaml").read_text())
    doc["console"] = {**doc.get("console", {}), "url": console}
    return doc


def rules_only(console: str, count: int) -> dict[str, Any]:
    """`count` routing rules on the one page (the per-step figure: 5 rules against 1)."""
    return {
        "version": 1,
        "name": f"rules-{count}",
        "console": {"url": console, "locale": "en"},
        "steps": [
            {
                "routing_rule": {
                    "description": f"Per-step rule {k}",
                    "messages": ["inbound"],
                    "account_types": ["unrecognized_catch_all"],
                    "headers": {"x_gm_original_to": True},
                }
            }
            for k in range(count)
        ],
    }


def big_state(routes: int, rules: int) -> dict[str, Any]:
    """A console already holding many unmanaged routes and rules."""
    return {
        "routes": [
            {
                "name": f"Route {i:04d}",
                "server": {"single_host": {"host": f"mx{i}.example.net", "port": 25}},
                "mx_lookup": False,
                "require_tls": True,
                "require_ca_signed_certificate": True,
                "validate_certificate_hostname": True,
            }
            for i in range(routes)
        ],
        "routing_rules": [
            {
                "description": f"Rule {i:04d}",
                "messages": ["inbound"],
                "action": "modify_message",
                "change_route": None,
                "account_types": ["users", "groups"],
                "envelope_filter": None,
                "enabled": True,
            }
            for i in range(rules)
        ],
    }


class Bench:
    """Runs timed processes against one simulator."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.sim = SimulatorServer(work / "state.json")
        self.sim.start()
        self.http = httpx.Client(base_url=self.sim.url, timeout=30)
        self.env = {
            **installed_env(),
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_CACHE_HOME": str(work / "cache"),
            "RUNBOOK_PASSWORD": sim_auth.DEFAULT_PASSWORD,
            "RUNBOOK_TOTP_SECRET": sim_auth.DEFAULT_TOTP_SECRET,
        }
        self.runbook_cmd = [PY, "-m", "runbook"]
        self._call(
            [
                *self.runbook_cmd,
                "login",
                "--non-interactive",
                "--user",
                sim_auth.DEFAULT_USER,
                "--console",
                self.sim.url,
            ]
        )
        self.session = work / "config" / "runbook" / "profiles" / "default.json"
        self.book = work / "split-delivery.yaml"
        self.book.write_text(yaml.safe_dump(split_delivery(self.sim.url), sort_keys=False))
        self.dual_book = work / "dual-delivery.yaml"
        self.dual_book.write_text(yaml.safe_dump(dual_delivery(self.sim.url), sort_keys=False))
        self.rule_books = {}
        for count in (1, 5):
            path = work / f"rules-{count}.yaml"
            path.write_text(yaml.safe_dump(rules_only(self.sim.url, count), sort_keys=False))
            self.rule_books[count] = path
        self.last: Measured | None = None

    def _call(self, cmd: list[str], expect: int = 0) -> float:
        """Wall seconds of `cmd`; its CPU (whole process tree) in `self.last`."""
        done = run_measured(cmd, cwd=self.work, env=self.env)
        if done.code != expect:
            raise SystemExit(f"{' '.join(cmd)} exited {done.code}:\n{done.stderr[-2000:]}")
        self.last = done
        return done.wall

    @property
    def cpu(self) -> float:
        """CPU-seconds of the last process's tree."""
        assert self.last is not None
        return self.last.cpu

    @property
    def rusage(self) -> float:
        """CPU-seconds of the last process as wait4 (getrusage) reports it."""
        assert self.last is not None
        return self.last.rusage

    def reset(self, state: dict[str, Any] | None = None) -> None:
        self.http.post("/_sim/reset").raise_for_status()
        if state is not None:
            self.http.put("/_sim/state", json=state).raise_for_status()

    def baseline(self, job: str = "split") -> float:
        script = str(ROOT / "benchmarks" / "baseline.py")
        return self._call([PY, script, self.sim.url, str(self.session), job])

    def runbook(self, *args: str, expect: int = 0, book: Path | None = None) -> float:
        return self._call(
            [
                *self.runbook_cmd,
                *args,
                str(book or self.book),
                "--recordings",
                str(self.work / "recordings"),
            ],
            expect=expect,
        )

    def peak_memory_mb(self) -> float:
        """Peak RSS of the runbook process itself (the browser and driver excluded)."""
        self.reset()
        code = (
            "import resource, sys, runpy\n"
            "sys.argv = ['runbook', 'run', sys.argv[1], '--recordings', sys.argv[2]]\n"
            "try:\n    runpy.run_module('runbook', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        )
        done = subprocess.run(
            [PY, "-c", code, str(self.book), str(self.work / "recordings")],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
        )
        return int(done.stderr.strip().splitlines()[-1]) / 1024

    def close(self) -> None:
        self.http.close()
        self.sim.stop()


def validate_200(work: Path) -> float:
    """Wall time of `runbook validate` on a 200-step runbook (best of 3)."""
    steps = []
    for i in range(100):
        steps.append(
            {
                "mail_route": {
                    "name": f"Route {i}",
                    "server": {"single_host": {"host": f"mx{i}.example.com", "port": 25}},
                }
            }
        )
        steps.append(
            {
                "routing_rule": {
                    "description": f"Rule {i}",
                    "messages": ["inbound"],
                    "change_route": f"Route {i}",
                    "account_types": ["unrecognized_catch_all"],
                }
            }
        )
    path = work / "big.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "name": "big", "steps": steps}))
    env = installed_env()
    command = [PY, "-m", "runbook", "validate", str(path)]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return min(times)


def dual_rounds(bench: Bench, rounds: int) -> list[tuple[float, float]]:
    """Dual delivery: (baseline, runbook run) per round, alternating, the console reset."""
    out: list[tuple[float, float]] = []
    for n in range(rounds):
        bench.reset()
        base = bench.baseline("dual")
        bench.reset()
        apply = bench.runbook("run", book=bench.dual_book)
        out.append((base, apply))
        print(f"dual {n + 1}: baseline {base:.2f}s  runbook {apply:.2f}s ({apply / base:.2f}x)")
    return out


def dual_only(rounds: int) -> int:
    """Only the dual-delivery rounds, printed (docs/performance.md is left as it is)."""
    with tempfile.TemporaryDirectory(prefix="runbook-bench-") as tmp:
        bench = Bench(Path(tmp))
        try:
            rows = dual_rounds(bench, rounds)
        finally:
            bench.close()
    ratio = statistics.median(a / b for b, a in rows)
    print(f"dual delivery: apply / baseline {ratio:.2f} (median of {rounds} rounds)")
    return 0


def per_step(bench: Bench, state: dict[str, Any], rounds: int) -> dict[str, float]:
    """The cost of one more step on the routing page with and without `state` on the console:
    (5 rules − 1 rule) ÷ 4, wall and CPU, from the medians of `rounds` runs each."""
    consoles = ("empty", "large")
    times: dict[str, dict[int, list[float]]] = {c: {1: [], 5: []} for c in consoles}
    cpu: dict[str, dict[int, list[float]]] = {c: {1: [], 5: []} for c in consoles}
    for n in range(rounds):
        for console, start in (("empty", None), ("large", state)):
            for count in (1, 5):
                bench.reset(start)
                times[console][count].append(bench.runbook("run", book=bench.rule_books[count]))
                cpu[console][count].append(bench.cpu)
        print(
            f"per-step {n + 1}: "
            + "  ".join(
                f"{c} {k} rule(s) {times[c][k][-1]:.2f}s"
                for c in ("empty", "large")
                for k in (1, 5)
            ),
            flush=True,
        )
    med = statistics.median
    out: dict[str, float] = {}
    for console in consoles:
        out[console] = (med(times[console][5]) - med(times[console][1])) / 4
        out[f"{console} cpu"] = (med(cpu[console][5]) - med(cpu[console][1])) / 4
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument(
        "--dual-only", action="store_true", help="only the dual-delivery rounds, printed"
    )
    args = parser.parse_args(argv)
    if args.dual_only:
        return dual_only(args.pairs)
    measured_on = commit()

    with tempfile.TemporaryDirectory(prefix="runbook-bench-") as tmp:
        bench = Bench(Path(tmp))
        rows: list[tuple[float, float, float]] = []
        careful: list[float] = []  # the baseline that reads each list first, each round
        cpu_rows: list[tuple[float, float, float, float]] = []  # tree and getrusage, each side
        try:
            for n in range(args.pairs):
                bench.reset()
                base = bench.baseline()
                base_cpu, base_rusage = bench.cpu, bench.rusage
                bench.reset()
                apply = bench.runbook("run")
                apply_cpu, apply_rusage = bench.cpu, bench.rusage
                cpu_rows.append((base_cpu, apply_cpu, base_rusage, apply_rusage))
                bench.reset()
                bare = bench.runbook("run", "--screenshots", "off")
                rows.append((base, apply, bare))
                bench.reset()
                careful.append(bench.baseline("split-read-first"))
                print(
                    f"pair {n + 1}: baseline {base:.2f}s  runbook {apply:.2f}s "
                    f"({apply / base:.2f}x)  no screenshots {bare:.2f}s ({bare / base:.2f}x)  "
                    f"CPU-s baseline {base_cpu:.2f} runbook {apply_cpu:.2f} (getrusage "
                    f"{base_rusage:.2f} / {apply_rusage:.2f})",
                    flush=True,
                )
            dual = dual_rounds(bench, 3)
            noop, drift, first = [], [], []
            for _ in range(3):
                bench.reset()
                first.append(bench.runbook("run"))
                noop.append(bench.runbook("run"))
                drift.append(bench.runbook("drift"))
            big_state_doc = big_state(routes=300, rules=1000)
            big, base_big, full_empty, full_big = [], [], [], []
            for _ in range(3):
                bench.reset(big_state_doc)
                big.append(bench.runbook("run"))
                # the same clicks in plain Playwright: what the long page costs any script
                bench.reset(big_state_doc)
                base_big.append(bench.baseline())
                # `--trace on` adds a DOM snapshot per browser call: its cost grows with the page.
                bench.reset()
                full_empty.append(bench.runbook("run", "--trace", "on"))
                bench.reset(big_state_doc)
                full_big.append(bench.runbook("run", "--trace", "on"))
            step = per_step(bench, big_state_doc, 3)
            memory = bench.peak_memory_mb()
        finally:
            bench.close()
        validate_s = validate_200(Path(tmp))

    med = statistics.median
    base_m, apply_m, bare_m = (med(col) for col in zip(*rows, strict=True))
    base_cpu_m, apply_cpu_m, base_ru_m, apply_ru_m = (med(c) for c in zip(*cpu_rows, strict=True))
    figures = {
        "apply / baseline": med(a / b for b, a, _ in rows),
        "dual delivery: apply / baseline": med(a / b for b, a in dual),
        "apply without screenshots / baseline": med(c / b for b, _, c in rows),
        "no-op re-run / first apply": med(noop) / med(first),
        "drift / apply": med(drift) / med(first),
        "apply on 1,000 rules + 300 routes / empty console": med(big) / med(first),
        "per step (5 rules − 1 rule, ÷ 4) on 1,000 rules + 300 routes / empty console": (
            step["large"] / step["empty"]
        ),
    }
    # Issue 31's targets (performance, round 3).
    targets = {
        "apply / baseline": 1.25,
        "dual delivery: apply / baseline": 1.25,
        "apply without screenshots / baseline": 1.15,
        "no-op re-run / first apply": 0.7,
        "drift / apply": 0.5,
        "apply on 1,000 rules + 300 routes / empty console": 1.5,
        "per step (5 rules − 1 rule, ÷ 4) on 1,000 rules + 300 routes / empty console": 1.3,
    }
    lines = [
        BEGIN,
        f"Written by `benchmarks/harness.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"measured on commit `{measured_on}`.",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Chromium from `{_browser()}`.",
        "",
        "Method: one simulator for the whole run; the plain-Playwright baseline "
        "(`benchmarks/baseline.py`) and `runbook run` with its defaults (checkpoints on, trace "
        "kept on failure) alternate, the console reset before each; "
        f"{args.pairs} rounds; every figure is a whole process, browser start included; ratios "
        "are medians of per-round ratios (or ratios of medians over 3 runs for the others). "
        "Python's bytecode is cached as in an installed copy (`benchmarks.cpu.installed_env`). "
        "CPU is that of the whole process tree (the Python process, Playwright's driver, every "
        "Chromium process), sampled from /proc every 0.1 s (`benchmarks/cpu.py`); getrusage "
        "alone (what wait() hands back) is shown beside it. The per-step figure runs a "
        "runbook of 1 and one of 5 routing rules on each console (3 runs each, alternating) "
        "and takes (median 5 − median 1) ÷ 4.",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| baseline, median | {base_m:.2f} s | |",
        f"| runbook run (default checkpoints), median | {apply_m:.2f} s | |",
        f"| runbook run --screenshots off, median | {bare_m:.2f} s | |",
    ]
    for name, value in figures.items():
        mark = "met" if value <= targets[name] else "not met"
        lines.append(f"| {name} | {value:.2f} | ≤ {targets[name]} ({mark}) |")
    careful_ratio = med(a / c for (_, a, _), c in zip(rows, careful, strict=True))
    lines += [
        f"| apply / a baseline that reads each list first (`split-read-first`), median "
        f"{med(careful):.2f} s | {careful_ratio:.2f} "
        "| (for information: the same clicks, by a script that may run twice) |",
        f"| plain Playwright (the baseline) on 1,000 rules + 300 routes / empty console | "
        f"{med(base_big) / base_m:.2f} | (for information: what the long page costs any "
        "script) |",
        f"| apply / baseline, both on 1,000 rules + 300 routes | "
        f"{med(big) / med(base_big):.2f} | (for information) |",
        f"| per step (wall), empty console / 1,000 rules + 300 routes | {step['empty']:.2f} s "
        f"/ {step['large']:.2f} s | |",
        f"| per step (CPU, process tree), empty console / 1,000 rules + 300 routes | "
        f"{step['empty cpu']:.2f} s / {step['large cpu']:.2f} s | |",
        f"| CPU-s per apply (process tree), baseline / runbook, median | {base_cpu_m:.2f} / "
        f"{apply_cpu_m:.2f} | |",
        f"| CPU per apply (process tree): runbook / baseline | "
        f"{med(a / b for b, a, _, _ in cpu_rows):.2f} | (for information) |",
        f"| CPU-s per apply as getrusage reads it, baseline / runbook, median | "
        f"{base_ru_m:.2f} / {apply_ru_m:.2f} | (misses part of Chromium) |",
        f"| `runbook validate`, 200 steps (wall) | {validate_s:.2f} s | < 0.3 s "
        f"({'met' if validate_s < 0.3 else 'not met'}) |",
        f"| peak memory of the runbook process (browser excluded) | {memory:.0f} MB | < 150 MB "
        f"({'met' if memory < 150 else 'not met'}) |",
        f"| with `--trace on` (DOM snapshots): 1,000 rules + 300 routes / empty console | "
        f"{med(full_big) / med(full_empty):.2f} | (for information) |",
        "",
        "Rounds (seconds): " + "; ".join(f"{b:.2f} / {a:.2f} / {c:.2f}" for b, a, c in rows),
        "",
        "Dual delivery (`runbooks/dual-delivery.yaml` against the `dual` job of "
        "`benchmarks/baseline.py`, the same clicks), 3 rounds (seconds): "
        + "; ".join(f"{b:.2f} / {a:.2f}" for b, a in dual),
        "",
        "Reading the figures: the baseline clicks and saves; runbook also reads each list "
        "before it changes anything (plan before apply, as the `split-read-first` baseline "
        "does) and, after each save, waits for the reloaded list and reopens the entry to "
        "read it back, while the next step's page loads in a second tab (so the reopening "
        'costs little wall time: see "Where the gap to the plain script is" below). '
        "Playwright's driver starts while the runbook loads, and the trace kept on failure "
        "holds no DOM snapshots (`--trace on` adds them; the last row shows what they cost on "
        "a long list).",
        "",
        "On the long console every role query and every click costs the browser a walk of "
        "a 30,000-node page (100-400 ms where the empty console takes 10-50 ms): the plain "
        "script pays it too (its own large / empty row), and runbook pays it for each of its "
        "reads (the list before the plan, the saved row, the entry read back, its switch). "
        "Locators find each settings block, table and row once per query (alternatives are "
        "looked for inside their scope, not beside it).",
        END,
    ]
    write_section(Path(args.out), BEGIN, END, "\n".join(lines))
    print("\n".join(lines))
    print(json.dumps(figures, indent=2))
    return 0


def _browser() -> str:
    from runbook.console.browser import find_browser

    return str(find_browser())


if __name__ == "__main__":
    raise SystemExit(main())
