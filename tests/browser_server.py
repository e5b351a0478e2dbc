"""A Playwright browser server (`playwright run-server`) of the installed wheel, on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from runbook.console.browser import launch_args


@dataclass(frozen=True)
class BrowserServer:
    """Where the server listens, and the launch options its clients must send."""

    endpoint: str  # ws://127.0.0.1:PORT/
    launch_options: str  # JSON: the Chromium to run (the server was started with --unsafe)


@contextmanager
def browser_server(env: dict[str, str]) -> Iterator[BrowserServer]:
    """Run `python -m playwright run-server --host 127.0.0.1 --port 0 --unsafe` while inside.

    This machine's Chromium is Debian's, not one Playwright manages: the server runs with
    `--unsafe`, and clients name the executable with `--browser-launch-options`. The server
    (a Python wrapper over a Node process) gets a process group of its own, stopped whole with
    SIGINT, as Ctrl-C stops it: Playwright closes its browsers and exits (on SIGTERM, once it
    has launched a browser, it closes them and keeps listening).
    """
    command = ["run-server", "--host", "127.0.0.1", "--port", "0", "--unsafe"]
    server = subprocess.Popen(
        [sys.executable, "-m", "playwright", *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # "Listening on ws://127.0.0.1:PORT/"
        if not line.startswith("Listening on "):
            raise RuntimeError(f"playwright run-server did not start: {line!r}")
        args = launch_args()
        options = {"executablePath": args["executable_path"], "args": args["args"]}
        yield BrowserServer(line.removeprefix("Listening on ").strip(), json.dumps(options))
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
