"""After Ctrl-C or SIGTERM a run's process ends, even when closing the browser hangs."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

# A run that takes the signal, then hangs while it closes (a driver that never stops).
HANGS = """
import threading, time
from runbook.engine import runner
runner.CLEAN_UP_S = 1.0
with runner._signals_as_interrupt():
    print("ready", flush=True)
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        threading.Event().wait()  # closing never ends
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_run_whose_closing_hangs_still_ends_with_the_signal_s_code(
    sig: signal.Signals, code: int
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HANGS], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code, err
    assert "still closing 1 s after the interrupt" in err
