"""Benchmark: the split-delivery apply through a browser server on loopback vs a local browser.

Usage: .venv/bin/python -m benchmarks.remote_bench [--pairs 5] [--out docs/performance.md]

One simulator and one `playwright run-server` (the installed wheel, on 127.0.0.1, `--unsafe`
so that it runs this machine's Chromium); local and remote runs alternate (A B A B ...), the
console reset before each; both are whole `runbook run` processes, browser start included
(the server starts a browser per connection). Writes its section of docs/performance.md
(between the `remote-browser` markers), leaving the rest of the file as it is.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tests.browser_server import BrowserServer, browser_server

from benchmarks.harness import ROOT, Bench
from benchmarks.sections import commit, write_section

BEGIN, END = "<!-- remote-browser -->", "<!-- /remote-browser -->"
TARGET = 1.1
READING = (
    "Reading the figures: through the server every protocol message crosses one more Node "
    "process (the client's driver, a WebSocket, the server) and the server starts the browser "
    "on connect, as a local launch does. On a small machine that extra process competes for "
    "the same cores as the browser; a server on its own machine takes the browser's CPU off "
    "the client's."
)


def section(rows: list[tuple[float, float]], pairs: int, measured_on: str) -> str:
    """The markdown of the figures, between the markers."""
    local = statistics.median(a for a, _ in rows)
    remote = statistics.median(b for _, b in rows)
    ratio = statistics.median(b / a for a, b in rows)
    mark = "met" if ratio <= TARGET else "not met"
    return "\n".join(
        [
            BEGIN,
            "## Remote browser (`--browser-endpoint`)",
            "",
            f"Written by `benchmarks/remote_bench.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} "
            f"UTC, measured on commit `{measured_on}`, on the machine above (read the ratio, "
            "not the seconds: rounds alternate, so other work on the machine weighs on both "
            "sides alike).",
            "",
            "Method: one simulator; `runbook run` of the split-delivery runbook with a local "
            "Chromium and through `python -m playwright run-server --host 127.0.0.1 --unsafe` "
            "(same wheel, a browser started per connection) alternate, the console reset "
            f"before each; {pairs} rounds, whole processes; the ratio is the median of the "
            "per-round ratios.",
            "",
            "| figure | value | target |",
            "|---|---|---|",
            f"| local browser, median | {local:.2f} s | |",
            f"| browser server on loopback, median | {remote:.2f} s | |",
            f"| remote / local | {ratio:.2f} | ≤ {TARGET} ({mark}) |",
            "",
            "Rounds (local / remote, seconds): " + "; ".join(f"{a:.2f} / {b:.2f}" for a, b in rows),
            "",
            READING,
            END,
        ]
    )


def rounds(bench: Bench, server: BrowserServer, pairs: int) -> list[tuple[float, float]]:
    """(local, remote) seconds of each round, the console reset before each run."""
    remote = ["--browser-endpoint", server.endpoint]
    remote += ["--browser-launch-options", server.launch_options]
    rows = []
    for n in range(pairs):
        bench.reset()
        local_s = bench.runbook("run")
        bench.reset()
        remote_s = bench.runbook("run", *remote)
        rows.append((local_s, remote_s))
        print(f"pair {n + 1}: local {local_s:.2f}s  remote {remote_s:.2f}s", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args(argv)
    measured_on = commit()
    with tempfile.TemporaryDirectory(prefix="runbook-remote-bench-") as tmp:
        bench = Bench(Path(tmp))
        try:
            with browser_server(bench.env) as server:
                rows = rounds(bench, server, args.pairs)
        finally:
            bench.close()
    text = section(rows, args.pairs, measured_on)
    write_section(Path(args.out), BEGIN, END, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
