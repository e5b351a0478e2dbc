"""Remote browsers: a Playwright browser server reached over ws:// or wss://, not a launch.

`--browser-endpoint URL` (or `RUNBOOK_BROWSER_ENDPOINT`) names the server; each repeatable
`--browser-header NAME=VALUE` is sent with the WebSocket handshake (the command line resolves a
`${env:VAR}` in a value, `runbook.cli.browser_headers`: this module takes plain values, and
that value is a secret of the run); `--browser-launch-options JSON` is
sent only when given (a server started with `--unsafe` must be told which Chromium to run).
What Playwright answers when connecting is translated here into `BrowserUnreachable` (or
`BrowserVersionMismatch`, for its HTTP 428), naming the endpoint without its secrets.
"""

from __future__ import annotations

import ipaddress
import json
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from playwright.sync_api import Browser, Playwright
from playwright.sync_api import Error as PlaywrightError

from runbook.errors import BrowserUnreachable, BrowserVersionMismatch, UsageError

ENDPOINT_ENV = "RUNBOOK_BROWSER_ENDPOINT"
CONNECT_TIMEOUT_MS = 30_000  # the handshake, and the server starting its browser
REACH_TIMEOUT_S = 10  # the pre-flight of a fleet: does the server's port answer at all
LAUNCH_OPTIONS_HEADER = "x-playwright-launch-options"
_SERVER_VERSION = re.compile(r"server version: v?(\d+(?:\.\d+)*)")
_CLIENT_VERSION = re.compile(r"client version: v?(\d+(?:\.\d+)*)")


@dataclass(frozen=True)
class RemoteBrowser:
    """A browser server to connect to, and what to send it."""

    endpoint: str  # as given: its query or user info may hold a token
    headers: Mapping[str, str] = field(default_factory=dict)  # values resolved
    launch_options: Mapping[str, Any] | None = None  # sent only when the user gave some
    secrets: frozenset[str] = frozenset()  # header values from ${env:...}, URL credentials

    @property
    def shown(self) -> str:
        """The endpoint as reports show it: no user info, query or fragment."""
        return shown_endpoint(self.endpoint)


def shown_endpoint(url: str) -> str:
    """`url` without the parts that may carry a token (user info, query, fragment)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", "", ""))


def parse_endpoint(value: str) -> str:
    """A `ws://` or `wss://` URL with a host; ValueError (the one-line reason) otherwise."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018  (raises on a port that is no number)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a URL ({exc})") from None
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise ValueError(
            f"{value!r} is not a browser server address; expected ws://HOST:PORT/PATH "
            "or wss://HOST/PATH"
        )
    return value.strip()


@dataclass(frozen=True)
class Header:
    """One `--browser-header`: its name, its value resolved, the secrets in that value (plain
    values: the command line resolves `${env:VAR}`)."""

    name: str
    value: str
    secrets: tuple[str, ...] = ()


def parse_launch_options(text: str) -> dict[str, Any]:
    """A JSON object of Playwright launch options (its JavaScript names); ValueError else."""
    try:
        options = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"not JSON ({exc})") from None
    if not isinstance(options, dict):
        raise ValueError('expected a JSON object, e.g. \'{"executablePath": "/usr/bin/chromium"}\'')
    return options


def remote_browser(
    endpoint: str | None,
    headers: tuple[Header, ...] = (),
    launch_options: Mapping[str, Any] | None = None,
) -> RemoteBrowser | None:
    """The browser server the options name, or None to launch a local Chromium."""
    if endpoint is None:
        extra = "--browser-header" if headers else "--browser-launch-options"
        if headers or launch_options is not None:
            raise UsageError(f"{extra} needs --browser-endpoint (or {ENDPOINT_ENV})")
        return None
    parts = urlsplit(endpoint)
    secrets = {secret for header in headers for secret in header.secrets}
    secrets |= {v for _, v in parse_qsl(parts.query) if v} | {parts.password or ""}
    return RemoteBrowser(
        endpoint=endpoint,
        headers={header.name: header.value for header in headers},
        launch_options=dict(launch_options) if launch_options is not None else None,
        secrets=frozenset(s for s in secrets if s),
    )


def check_reachable(endpoint: str, timeout_s: float = REACH_TIMEOUT_S) -> None:
    """The browser server's port takes a connection, else `BrowserUnreachable` naming it
    (one cheap check, no browser: a fleet makes it before any tenant starts)."""
    parts = urlsplit(endpoint)
    port = parts.port or (443 if parts.scheme == "wss" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout_s):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise BrowserUnreachable(
            f"could not reach the browser server at {shown_endpoint(endpoint)}: {reason}"
        ) from None


def _loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect(
    playwright: Playwright,
    remote: RemoteBrowser,
    *,
    slow_mo: float,
    console: str,
    headed: bool = False,
) -> Browser:
    """Connect to the browser server; a `BrowserUnreachable` saying why it failed.

    `headed` (`--headed`, `--demo`) is sent as the launch option `headless: false`: the
    window opens on the server's display. A server on another machine cannot open a console
    on this machine's loopback (the embedded simulator): such a console is then reached
    through this side's network.
    """
    headers = dict(remote.headers)
    options = dict(remote.launch_options) if remote.launch_options is not None else None
    if headed:
        options = {**(options or {}), "headless": False}
    if options is not None:
        headers[LAUNCH_OPTIONS_HEADER] = json.dumps(options)
    endpoint_host = urlsplit(remote.endpoint).hostname or ""
    local_console = _loopback(urlsplit(console).hostname or "")
    expose = "<loopback>" if local_console and not _loopback(endpoint_host) else None
    try:
        return playwright.chromium.connect(
            remote.endpoint,
            headers=headers,
            slow_mo=slow_mo,
            timeout=CONNECT_TIMEOUT_MS,
            expose_network=expose,
        )
    except PlaywrightError as exc:
        raise connect_failure(str(exc), remote) from exc


def connect_failure(message: str, remote: RemoteBrowser) -> BrowserUnreachable:
    """The runbook error for a Playwright message from `connect()` to `remote`."""
    shown = remote.shown
    if " 428 " in message or "version mismatch" in message:
        return _version_mismatch(message, shown)
    body = message.removeprefix("BrowserType.connect: ").split("\nCall log:")[0].strip()
    first = body.splitlines()[0] if body else "no answer"
    first = first.replace(remote.endpoint, shown)
    if first.startswith("WebSocket error: "):
        reason = first.removeprefix("WebSocket error: ").replace(shown, "").strip()
        return BrowserUnreachable(f"could not reach the browser server at {shown}: {reason}")
    if first.startswith("Timeout "):
        return BrowserUnreachable(
            f"the browser server at {shown} did not answer within {CONNECT_TIMEOUT_MS // 1000} s"
        )
    if "xecutable doesn't exist" in first or "Failed to launch" in first:
        return BrowserUnreachable(
            f"the browser server at {shown} could not start a browser: {first}; install one "
            "on the server (`playwright install chromium`) or, for a server started with "
            "--unsafe, name it: --browser-launch-options "
            '\'{"executablePath": "/usr/bin/chromium"}\''
        )
    return BrowserUnreachable(f"the browser server at {shown} failed: {first}")


def _version_mismatch(message: str, shown: str) -> BrowserVersionMismatch:
    ours = version("playwright")
    server = _SERVER_VERSION.search(message)
    client = _CLIENT_VERSION.search(message)
    theirs = server.group(1) if server else "another version"
    sent = client.group(1) if client else ours
    return BrowserVersionMismatch(
        f"the browser server at {shown} runs Playwright {theirs}, this client Playwright "
        f"{sent}; their major.minor versions must match. Run the server from runbook's "
        f"pinned wheel: `pip install playwright=={ours}`, then "
        "`python -m playwright run-server --host HOST --port PORT`"
    )
