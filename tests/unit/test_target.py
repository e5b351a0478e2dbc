"""Console addresses: one origin per console, and a reason for every address that is not one."""

from __future__ import annotations

import pytest

from runbook.engine.lock import lock_path
from runbook.target import NotAConsoleUrl, console_key, parse_console_url


@pytest.mark.parametrize(
    "text",
    [
        "http://localhost:8765",
        "http://localhost:8765/",
        "HTTP://LocalHost:8765//",
        "http://127.0.0.1:8765",
        "http://[::1]:8765/",
    ],
)
def test_every_spelling_of_the_loopback_console_is_one_lock(text: str) -> None:
    assert lock_path(text, "default") == lock_path("http://localhost:8765", "default")


def test_the_default_port_is_made_explicit() -> None:
    assert console_key("https://Admin.Google.com/") == console_key("https://admin.google.com:443")
    assert parse_console_url("https://admin.google.com:443/").url == "https://admin.google.com"


def test_other_profiles_ports_and_accounts_are_other_locks() -> None:
    base = lock_path("https://admin.google.com", "default")
    assert lock_path("https://admin.google.com", "ops") != base
    assert lock_path("https://admin.google.com:8443", "default") != base
    assert lock_path("https://admin.google.com/u/1/", "default") != base


def test_the_default_account_and_the_bare_origin_are_one_lock() -> None:
    base = lock_path("https://admin.google.com", "default")
    assert lock_path("https://admin.google.com/u/0/", "default") == base
    assert lock_path("https://admin.google.com/u/0", "ops") == lock_path(
        "https://admin.google.com", "ops"
    )


def test_an_account_prefix_is_kept() -> None:
    parsed = parse_console_url("https://admin.google.com/u/1/")
    assert parsed.url == "https://admin.google.com/u/1"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "https://admin.google.com/ac/home",
            ["path", "drop the path: use https://admin.google.com"],
        ),
        ("https://admin.google.com/u/2/ac/home", ["use https://admin.google.com/u/2/"]),
        ("https://admin.google.com/?hl=fr", ["query string", "--locale"]),
        ("https://admin.google.com/#home", ["fragment"]),
        ("http://127.0.0.1:99999", ["port 99999", "out of range"]),
        ("http://127.0.0.1:port", ["not a number"]),
        ("not a url", ["is not a URL", "https://admin.google.com"]),
        ("admin.google.com", ["is not a URL", "https://admin.google.com"]),
        ("ftp://admin.google.com", ["not an http(s) URL"]),
        ("https://user:pw@admin.google.com", ["user name or password"]),
        ("https://exa mple.com", ["no valid host"]),
    ],
)
def test_an_address_that_is_not_a_console_origin_says_why(text: str, words: list[str]) -> None:
    with pytest.raises(NotAConsoleUrl) as caught:
        parse_console_url(text)
    for word in words:
        assert word in str(caught.value)
