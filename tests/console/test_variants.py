"""The split-delivery runbooks apply, re-apply, check and remove on every known console variant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from runbook.simulator.auth import DEFAULT_PASSWORD
from runbook.simulator.server import SimulatorServer
from runbook.simulator.variants import VARIANTS

from .runs import SPLIT_DELIVERY, absent, run_book, shipped

EACH = [[name] for name in VARIANTS]
ALL = list(VARIANTS)
# What the run notes (log event and report line) when it copes with a variant.
NOTED = {
    "banner": "a banner was in the way",
    "no-refresh-after-delete": "after its deletion: reloaded it",
    "reauth": "asked to verify it's you",
}
EMPTY = {"routes": [], "routing_rules": [], "default_routing_rules": []}


def _writes(sim: Any) -> list[tuple[str, str]]:
    return [(a["action"], a["name"]) for a in sim.audit()]


@pytest.mark.parametrize("variants", [*EACH, ALL], ids=[*VARIANTS, "all"])
def test_split_delivery_runbooks_on_a_console_variant(
    page: Page, sim: Any, simulator: SimulatorServer, tmp_path: Path, variants: list[str]
) -> None:
    sim.variants(variants)
    sim.faults({"latency_ms": [0, 0]})  # the variants, not the network, are under test
    books = [shipped(name) for name in SPLIT_DELIVERY]

    notes: list[str] = []

    def run(book: Any, mode: Any) -> Any:
        result = run_book(page, simulator.url, book, mode, tmp_path, password=DEFAULT_PASSWORD)
        assert result.exit_code == 0, (variants, book.name, mode, result.error)
        notes.extend(result.notes)
        return result

    for book in books:
        applied = run(book, "apply")
        assert [s.action for s in applied.steps] == ["create", "create"]
    created = _writes(sim)
    assert [action for action, _ in created] == ["create_route", "create_rule"] * 2

    for book in books:
        again = run(book, "apply")
        assert {s.status for s in again.steps} == {"ok"}
        checked = run(book, "drift")
        assert {s.status for s in checked.steps} == {"ok"}
    assert _writes(sim) == created  # the second apply and drift wrote nothing

    for book in books:
        removed = run(absent(book), "apply")
        assert [s.action for s in removed.steps] == ["delete", "delete"]
    assert sim.state() == EMPTY
    assert len(_writes(sim)) == 8
    for variant, text in NOTED.items():
        assert any(text in note for note in notes) == (variant in variants), (variant, notes)
