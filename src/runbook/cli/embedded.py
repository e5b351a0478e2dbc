"""The embedded simulator (`--console simulator`): started in this process for one run, by the
command line alone (it hands this to the engine in the run options)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from runbook.console.signin import Credentials
from runbook.errors import UsageError


@contextmanager
def embedded_simulator(state_dir: Path) -> Iterator[tuple[str, Credentials]]:
    """The simulator, started in this process with its state under `state_dir`."""
    from runbook.simulator import auth as sim_auth
    from runbook.simulator.server import SimulatorServer

    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        server = SimulatorServer(state_dir / "simulator.json")
        server.start()
    except (OSError, ValueError) as exc:  # a port in use, a state file that is not one
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(
            f"cannot start the simulator with its state in {state_dir}: {reason}"
        ) from None
    try:
        yield (
            server.url,
            Credentials(
                user=sim_auth.DEFAULT_USER,
                password=sim_auth.DEFAULT_PASSWORD,
                totp_secret=sim_auth.DEFAULT_TOTP_SECRET,
            ),
        )
    finally:
        server.stop()
