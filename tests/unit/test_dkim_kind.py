"""The `dkim` kind without a browser: its fields as a runbook gives them, and its plans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.dkim_keys import dkim_value

from runbook.engine.steps.dkim import DkimStep, have_of
from runbook.errors import InvalidRunbook
from runbook.file import Step
from runbook.file.loader import load_runbook


def _step(**fields: Any) -> Step:
    return Step.model_validate({"dkim": {"domain": "example.com", **fields}})


def test_defaults_are_the_consoles_and_unquoted_on_off_mean_on_off() -> None:
    key = _step().resource
    assert key.console_fields() == {"selector": "google", "key_bits": 2048, "authentication": "on"}
    assert _step(authentication=False).resource.console_fields()["authentication"] == "off"
    assert _step(domain="Example.COM.").key == "example.com"


def test_bad_fields_are_named_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nname: bad\nsteps:\n"
        "  - dkim:\n      domain: example.com\n      key_bits: 4096\n"
        "  - dkim:\n      domain: example.org\n      selector: -google\n"
        "  - dkim:\n      domain: example.net\n    state: absent\n"
        "  - dkim:\n      domain: localhost\n"
    )
    with pytest.raises(InvalidRunbook) as raised:
        load_runbook(path)
    text = str(raised.value)
    assert f"{path}:6:" in text and "2048" in text
    assert f"{path}:9:" in text and "DNS label" in text
    assert f"{path}:12:" in text and "authentication: off" in text
    assert f"{path}:14:" in text and "not a domain name" in text


def _shown(selector: str | None, bits: int = 2048, on: bool = False) -> dict[str, Any]:
    return {
        "domain": "example.com",
        "authentication": "on" if on else "off",
        "host_name": f"{selector}._domainkey" if selector else None,
        "txt_value": dkim_value(bits) if selector else None,
        "active_selector": None,
    }


def test_what_the_page_shows_becomes_the_steps_fields() -> None:
    assert have_of(_shown(None)) is None
    assert have_of(_shown("google", 1024, on=True)) == {
        "selector": "google",
        "key_bits": 1024,
        "authentication": "on",
    }


@pytest.mark.parametrize(
    ("shown", "fields", "action", "changed"),
    [
        (_shown(None), {}, "create", {"selector", "key_bits", "authentication"}),
        (_shown("google"), {}, "update", {"authentication"}),  # generated, not started
        (_shown("google", on=True), {}, "none", set()),
        (_shown("google", on=True), {"authentication": "off"}, "update", {"authentication"}),
        (_shown("google", on=True), {"selector": "google2026"}, "update", {"selector"}),
    ],
)
def test_plans(
    shown: dict[str, Any], fields: dict[str, Any], action: str, changed: set[str]
) -> None:
    plan = DkimStep.plan(_step(**fields), have_of(shown))
    assert plan.action == action
    assert {c.field for c in plan.changes} == changed
