"""Times `runbook validate` (wall clock, fresh process per run) on a generated 200-step runbook."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(steps: int) -> str:
    """A valid runbook of `steps` steps: routes and the rules that use them, alternating."""
    lines = [
        "# yaml-language-server: $schema=../schema/runbook.schema.json",
        "version: 1",
        f"name: bench-{steps}",
        "description: Generated for the validate benchmark.",
        "vars:",
        "  domain: legacy.example.com",
        "steps:",
    ]
    for i in range(steps // 2):
        lines += [
            f"  - name: Route {i}",
            "    mail_route:",
            f"      name: Legacy server {i}",
            "      server:",
            "        multiple_hosts:",
            "          primary:",
            f"            - {{host: mx{i}a.legacy.example.com, port: 25, load: 50}}",
            f"            - {{host: mx{i}b.legacy.example.com, port: 587, load: 50}}",
            "          secondary:",
            f"            - {{host: backup{i}.legacy.example.com, port: 2525, load: 100}}",
            "      require_tls: true",
            "      test_tls_connection: true",
            f"  - name: Rule {i}",
            "    routing_rule:",
            f"      description: Split delivery {i}",
            "      messages: [inbound, internal_receiving]",
            f"      change_route: Legacy server {i}",
            "      account_types: [unrecognized_catch_all]",
            "      envelope_filter:",
            f"        recipients: {{match: pattern, value: '.*@team{i}\\.${{domain}}'}}",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runbook = shutil.which("runbook") or str(Path(sys.executable).with_name("runbook"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(generate(args.steps))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(
                [runbook, "validate", str(path)], capture_output=True, text=True, check=False
            )
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                print(done.stdout + done.stderr, file=sys.stderr)
                return 1
        baseline = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([runbook, "--help"], capture_output=True, check=False)
            baseline.append(time.perf_counter() - start)
        size = path.stat().st_size
    print(
        f"runbook validate, {args.steps} steps ({size // 1024} KiB), {args.runs} runs: "
        f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
        f"(start-up alone, `runbook --help`: median {statistics.median(baseline) * 1000:.0f} ms)"
    )
    print(done.stdout.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
