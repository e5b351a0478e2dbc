"""`runbook login` opens the console in the language it was given."""

from __future__ import annotations

from runbook.console.login import home_url


def test_login_opens_the_console_in_its_locale() -> None:
    assert home_url("https://admin.google.com/", "fr") == "https://admin.google.com/ac?hl=fr"
    assert home_url("http://127.0.0.1:8765", "en") == "http://127.0.0.1:8765/ac?hl=en"
