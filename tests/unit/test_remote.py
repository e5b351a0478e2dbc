"""Remote-browser options and what Playwright's `connect()` failures become (no browser)."""

from __future__ import annotations

import pytest

from runbook.cli.browser_headers import parse_header
from runbook.console.remote import (
    RemoteBrowser,
    connect_failure,
    parse_endpoint,
    parse_launch_options,
    remote_browser,
)
from runbook.errors import BrowserUnreachable, BrowserVersionMismatch, ExitCode, UsageError
from runbook.secrets import Redactor

# What Playwright 1.65's server answers a 1.40 client, as `connect()` raises it (abridged box).
MISMATCH = (
    "BrowserType.connect: WebSocket error: ws://10.0.0.5:3000/?token=abc123secret 428 "
    "Precondition Required\n"
    "╔══════════════════════════════════╗\n"
    "║ Playwright version mismatch:     ║\n"
    "║   - server version: v1.65        ║\n"
    "║   - client version: v1.40        ║\n"
    "╚══════════════════════════════════╝\n"
    "Call log:\n  - <ws connecting> ws://10.0.0.5:3000/?token=abc123secret\n"
)
REFUSED = (
    "BrowserType.connect: WebSocket error: connect ECONNREFUSED 10.0.0.5:3000\n"
    "Call log:\n  - <ws connecting> ws://10.0.0.5:3000/\n"
)
NO_EXECUTABLE = (
    "BrowserType.connect: Executable doesn't exist at /root/.cache/ms-playwright/chromium\n"
    "╔════╗\n║ Looks like Playwright was just installed or updated. ║\n╚════╝"
)


def remote(endpoint: str = "ws://10.0.0.5:3000/?token=abc123secret") -> RemoteBrowser:
    found = remote_browser(endpoint)
    assert found is not None
    return found


@pytest.mark.parametrize(
    "url", ["ws://127.0.0.1:3000/", "wss://browsers.example.com/playwright?token=x", "ws://h"]
)
def test_ws_and_wss_endpoints_are_accepted(url: str) -> None:
    assert parse_endpoint(url) == url


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:3000/", "127.0.0.1:3000", "ws://", "ws://h:port/", ""]
)
def test_other_endpoints_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"ws://HOST:PORT/PATH|not a URL"):
        parse_endpoint(url)


def test_a_header_value_from_the_environment_is_resolved_and_secret() -> None:
    header = parse_header("Authorization=Bearer ${env:PW_TOKEN}", {"PW_TOKEN": "t0ken"})
    assert (header.name, header.value, header.secrets) == (
        "Authorization",
        "Bearer t0ken",
        ("t0ken",),
    )
    assert parse_header("X-Team=mail-ops", {}).secrets == ()


@pytest.mark.parametrize(
    ("pair", "reason"),
    [
        ("Authorization", "expected NAME=VALUE"),
        ("=v", "expected NAME=VALUE"),
        ("Bad Name=v", "not an HTTP header name"),
        ("X=${env:MISSING}", "MISSING is not set"),
        ("X=${token}", r"only \$\{env:NAME\}"),
    ],
)
def test_bad_headers_say_why(pair: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_header(pair, {})


def test_launch_options_must_be_a_json_object() -> None:
    assert parse_launch_options('{"executablePath": "/usr/bin/chromium"}') == {
        "executablePath": "/usr/bin/chromium"
    }
    with pytest.raises(ValueError, match="not JSON"):
        parse_launch_options("{executablePath}")
    with pytest.raises(ValueError, match="JSON object"):
        parse_launch_options('["--no-sandbox"]')


def test_no_endpoint_means_a_local_browser_and_headers_without_one_are_refused() -> None:
    assert remote_browser(None) is None
    with pytest.raises(UsageError, match="--browser-header needs --browser-endpoint") as caught:
        remote_browser(None, (parse_header("X=1", {}),))
    assert caught.value.exit_code == ExitCode.USAGE
    with pytest.raises(UsageError, match="--browser-launch-options needs"):
        remote_browser(None, (), {"headless": True})


def test_the_endpoint_is_shown_without_its_credentials_and_they_are_secrets() -> None:
    browser = remote_browser(
        "wss://user:pa55word@browsers.example.com:443/pw?token=abc123secret",
        (parse_header("Authorization=Bearer ${env:T}", {"T": "hdr-secret"}),),
    )
    assert browser is not None
    assert browser.shown == "wss://browsers.example.com:443/pw"
    assert browser.secrets == {"pa55word", "abc123secret", "hdr-secret"}
    assert browser.headers == {"Authorization": "Bearer hdr-secret"}


def test_a_version_mismatch_names_both_versions_and_how_to_match() -> None:
    error = connect_failure(MISMATCH, remote())
    assert isinstance(error, BrowserVersionMismatch)
    message = str(error)
    assert "ws://10.0.0.5:3000/ runs Playwright 1.65, this client Playwright 1.40" in message
    assert "pip install playwright==" in message and "run-server" in message
    assert "abc123secret" not in message


def test_a_refused_connection_names_the_endpoint() -> None:
    error = connect_failure(REFUSED, remote())
    assert type(error) is BrowserUnreachable
    assert error.exit_code == ExitCode.STEP_FAILED
    assert str(error) == (
        "could not reach the browser server at ws://10.0.0.5:3000/: "
        "connect ECONNREFUSED 10.0.0.5:3000"
    )


def test_a_server_without_a_browser_says_how_to_give_it_one() -> None:
    message = str(connect_failure(NO_EXECUTABLE, remote()))
    assert message.startswith("the browser server at ws://10.0.0.5:3000/ could not start")
    assert "--browser-launch-options" in message and "playwright install chromium" in message


def test_a_timeout_says_the_server_did_not_answer() -> None:
    message = str(connect_failure("BrowserType.connect: Timeout 30000ms exceeded", remote()))
    assert message == "the browser server at ws://10.0.0.5:3000/ did not answer within 30 s"


def test_the_redactor_masks_what_the_endpoint_and_headers_hide() -> None:
    browser = remote()
    redactor = Redactor(browser.secrets)
    assert redactor.text(browser.endpoint) == "ws://10.0.0.5:3000/?token=********"
