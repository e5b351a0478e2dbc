"""Drift sees every option of a routing rule: a copy, a header, a new envelope recipient..."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli.conftest import CliResult
from tests.cli.test_drift import edit_live, writes
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]
RULE = "Split delivery to the legacy server"

# What someone adds behind the split-delivery rule -> the field drift must name.
ADDED: dict[str, tuple[dict[str, Any], str]] = {
    "copy": ({"also_deliver_to": [{"address": "exfil@evil.example"}]}, "also_deliver_to"),
    "header": (
        {"headers": {"x_gm_original_to": True, "x_gm_spam": False, "custom": []}},
        "headers.x_gm_original_to",
    ),
    "envelope": (
        {"change_envelope_recipient": {"recipient": "someone@evil.example"}},
        "change_envelope_recipient.recipient",
    ),
    "subject": ({"prepend_subject": "[ext]"}, "prepend_subject"),
    "spam": ({"bypass_spam_filter": True}, "bypass_spam_filter"),
}


@pytest.fixture
def book(converged: int, write_runbook: Write) -> Path:
    """The split-delivery runbook, its console converged; its file."""
    return write_runbook(split_delivery())


def rule_of(live: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = next(r for r in live["routing_rules"] if r["description"] == RULE)
    return rule


@pytest.mark.parametrize("added", ADDED, ids=str)
def test_an_option_added_behind_the_rule_is_drift_naming_its_field(
    book: Path, runbook_cli: Run, sim_http: httpx.Client, added: str
) -> None:
    change, field = ADDED[added]
    edit_live(sim_http, lambda live: rule_of(live).update(change))
    before = writes(sim_http)
    result = runbook_cli("drift", str(book), "--json")
    assert result.code == 2, result.output
    step = result.run()["steps"][1]
    assert step["status"] == "drift"
    assert [c["field"] for c in step["changes"]] == [field]
    assert writes(sim_http) == before


def test_an_option_runbook_does_not_model_is_drift_and_apply_refuses_it(
    book: Path, runbook_cli: Run, sim_http: httpx.Client
) -> None:
    faults = {"extra_option": {"label": "Add X-Gm-Future header", "rule": RULE}}
    sim_http.post("/_sim/faults", json=faults).raise_for_status()
    before = writes(sim_http)
    result = runbook_cli("drift", str(book), "--json")
    assert result.code == 2, result.output
    step = result.run()["steps"][1]
    assert step["status"] == "drift"
    assert "an option runbook does not model is set: Add X-Gm-Future header" in step["message"]
    applied = runbook_cli("run", str(book))
    assert applied.code == 4, applied.output
    assert "Add X-Gm-Future header" in applied.output
    assert writes(sim_http) == before
