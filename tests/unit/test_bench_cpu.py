"""The whole-tree CPU sampler counts what getrusage misses, and counts nothing twice; measured
processes start as an installed copy does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.cpu import TreeCpu, installed_env, run_measured

BURN = 0.3  # CPU-seconds the grandchild spends

GRANDCHILD = f"""
import sys, time
end = time.process_time() + {BURN}
while time.process_time() < end:
    pass
print("done", flush=True)
sys.stdin.read()  # stays until the test closes its stdin
"""


def test_a_grandchild_reaped_by_its_parent_is_counted_once() -> None:
    child = (
        "import subprocess, sys\n"
        f"subprocess.run([sys.executable, '-S', '-c', {GRANDCHILD!r}], check=True, input='')\n"
    )
    done = run_measured([sys.executable, "-S", "-c", child])
    assert done.code == 0, done.stderr
    assert done.cpu >= BURN * 0.9
    # Everything came back through wait(): wait4 saw it all, and the sampler adds nothing.
    assert abs(done.cpu - done.rusage) < 0.05, (done.cpu, done.rusage)


def test_a_grandchild_nobody_waits_for_is_counted() -> None:
    # The child starts the grandchild and exits without waiting for it: the grandchild is
    # orphaned (init reaps it), so its CPU never reaches the root's rusage.
    child = (
        "import os, subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-S', '-c', {GRANDCHILD!r}])\n"
        "sys.stdin.readline()\n"
        "os._exit(0)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-S", "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    sampler = TreeCpu(process.pid, interval=0.02).start()
    try:
        deadline = time.monotonic() + 10
        while len(sampler.procs) < 2 and time.monotonic() < deadline:  # the grandchild seen
            time.sleep(0.01)
        process.stdin.write(b"go\n")
        process.stdin.flush()
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0
        assert process.stdout.readline() == b"done\n"  # the orphan has burnt its share
        rusage = usage.ru_utime + usage.ru_stime
        cpu = sampler.stop(rusage, linger=0)  # the orphan waits for us: no lingering
    finally:
        process.stdin.close()
        process.stdout.close()
    assert rusage < BURN * 0.5
    assert cpu >= BURN * 0.9, (cpu, rusage)


def test_measured_processes_keep_their_bytecode_as_an_installed_copy_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "measured_package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "part.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # as in a checkout's shell
    env = installed_env("measured_package")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert list((package / "__pycache__").glob("part.*.pyc")), "compiled before measuring"
    (tmp_path / "started.py").write_text("VALUE = 2\n")
    subprocess.run([sys.executable, "-c", "import started"], cwd=tmp_path, env=env, check=True)
    assert list((tmp_path / "__pycache__").glob("started.*.pyc")), "kept for the next start"
