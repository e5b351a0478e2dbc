"""Running the simulator: in a background thread for tests and demos, or blocking for the CLI."""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn

from runbook.simulator.app import Simulator
from runbook.simulator.auth import (
    DEFAULT_PASSWORD,
    DEFAULT_TOTP_SECRET,
    DEFAULT_USER,
    Credentials,
)
from runbook.simulator.dns_lookup import Resolver
from runbook.simulator.faults import Faults
from runbook.simulator.state import Store
from runbook.simulator.variants import Variants

__all__ = [
    "DEFAULT_PASSWORD",
    "DEFAULT_TOTP_SECRET",
    "DEFAULT_USER",
    "PortUnavailable",
    "SimulatorServer",
    "serve",
]

STOP_TIMEOUT_SECONDS = 5.0


class PortUnavailable(OSError):
    """The simulator cannot listen where it was asked to (port in use, no such address)."""


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except (OSError, OverflowError) as exc:
        sock.close()
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
            reason = f"port {port} is in use"
        else:
            reason = getattr(exc, "strerror", None) or str(exc)
        raise PortUnavailable(f"cannot listen on {where}: {reason}") from None
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def build_app(
    state_path: Path,
    *,
    auth: bool = True,
    credentials: Credentials | None = None,
    faults: dict[str, Any] | None = None,
    variants: Sequence[str] = (),
    dns: Resolver | None = None,
) -> Simulator:
    """The simulator (its `.app()` is the ASGI app) over one state file; `dns`: the resolver
    Start authentication asks."""
    return Simulator(
        Store(state_path),
        auth=auth,
        credentials=credentials,
        faults=Faults(faults),
        variants=Variants(variants),
        dns=dns,
    )


class _Server(uvicorn.Server):
    """A uvicorn server that reports when it is ready and leaves signals to its host."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()

    def install_signal_handlers(self) -> None:  # a background thread cannot own signals
        pass


class SimulatorServer:
    """The simulator on a loopback port, served by uvicorn in a daemon thread."""

    def __init__(
        self,
        state_path: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        auth: bool = True,
        user: str = DEFAULT_USER,
        password: str = DEFAULT_PASSWORD,
        totp_secret: str = DEFAULT_TOTP_SECRET,
        faults: dict[str, Any] | None = None,
        dns: Resolver | None = None,
    ) -> None:
        self.state_path = Path(state_path)
        self.host = host
        self.port = port
        self.simulator = build_app(
            self.state_path,
            auth=auth,
            credentials=Credentials(user, password, totp_secret),
            faults=faults,
            dns=dns,
        )
        self._socket: socket.socket | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def start(self) -> None:
        """Start serving; returns once the server accepts requests."""
        if self._thread is not None:
            raise RuntimeError("simulator already started")
        self._socket = _bind(self.host, self.port)
        self.url = _url(self._socket)
        config = uvicorn.Config(
            self.simulator.app(),
            log_level="warning",
            access_log=False,
            log_config=None,  # leave the host program's logging alone
            lifespan="off",
            date_header=False,  # the simulator's clock dates each answer
            timeout_graceful_shutdown=1,
        )
        server = _Server(config)
        sockets = [self._socket]
        self._server = server
        self._thread = threading.Thread(
            target=lambda: asyncio.run(server.serve(sockets=sockets)),
            name="runbook-simulator",
            daemon=True,
        )
        self._thread.start()
        while not server.ready.wait(0.05):
            if not self._thread.is_alive():
                raise RuntimeError("the simulator failed to start")

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_SECONDS)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    state_path: Path = Path(".runbook/simulator.json"),
    auth: bool = True,
    faults: dict[str, Any] | None = None,
    variants: Sequence[str] = (),
    dns: Resolver | None = None,
) -> None:
    """Serve the simulator until interrupted (`runbook simulator`)."""
    credentials = Credentials.from_env()
    simulator = build_app(
        Path(state_path),
        auth=auth,
        credentials=credentials,
        faults=faults,
        variants=variants,
        dns=dns,
    )
    sock = _bind(host, port)
    url = _url(sock)
    lines = [f"Admin console simulator: {url}/ac  (state: {state_path})"]
    if auth:
        lines.append(f"Sign in as {credentials.user}.")
        if credentials.password == DEFAULT_PASSWORD:
            lines.append(
                f"  password: {DEFAULT_PASSWORD}  (demo default; set RUNBOOK_SIM_PASSWORD)"
            )
        else:
            lines.append("  password: from RUNBOOK_SIM_PASSWORD")
        if credentials.totp_secret == DEFAULT_TOTP_SECRET:
            lines.append(
                f"  2-step verification: TOTP secret {DEFAULT_TOTP_SECRET}"
                "  (demo default; set RUNBOOK_SIM_TOTP_SECRET)"
            )
        else:
            lines.append("  2-step verification: TOTP secret from RUNBOOK_SIM_TOTP_SECRET")
    else:
        lines.append("Sign-in is off (--no-auth).")
    if variants:
        lines.append(f"Variants: {', '.join(simulator.variants.active)}.")
    if dns is not None:
        lines.append(f"DNS: Start authentication looks DKIM records up at {dns}.")
    else:
        lines.append("DNS: none given (--dns host:port): Start authentication finds no record.")
    lines.append(
        "Test API under /_sim/ (state, audit, reset, faults, tls, variants, clock, domains,"
        " dns). Ctrl-C to stop."
    )
    print("\n".join(lines), flush=True)
    config = uvicorn.Config(
        simulator.app(), log_level="warning", access_log=False, lifespan="off", date_header=False
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
