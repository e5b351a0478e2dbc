"""The split-delivery runbooks apply, re-apply, check and remove on every known console variant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runbook.file.loader import load_text
from runbook.simulator.auth import DEFAULT_PASSWORD
from runbook.simulator.server import SimulatorServer
from runbook.simulator.variants import VARIANTS
from tests import samples

from .runs import SPLIT_DELIVERY, absent, run_book, shipped

# The variants of the sign-in itself have tests of their own (tests/simulator/
# test_signin_variants.py, tests/cli/test_sessions.py): a run on a saved session never meets
# them, and `automation-refused` refuses the automated "Verify it's you" that `reauth` asks for.
SIGN_IN_ONLY = ("automation-refused", "session-hour")
PAGES = [name for name in VARIANTS if name not in SIGN_IN_ONLY]
EACH = [[name] for name in PAGES]
# What the run notes (log event and report line) when it copes with a variant.
NOTED = {
    "banner": "a banner was over the page",
    "no-refresh-after-delete": "after its deletion: reloaded it",
    "reauth": "asked to verify it's you",
}
EMPTY = {"routes": [], "routing_rules": [], "default_routing_rules": []}


def _writes(sim: Any) -> list[tuple[str, str]]:
    return [(a["action"], a["name"]) for a in sim.audit()]


# Each variant alone meets one of the two split-delivery runbooks in turn (a load-balanced
# route, and a single-host one with every TLS option): applied, re-applied, checked and removed
# (~10 s). All of them at once meet both through the command line: tests/cli/test_variants.py.
BOOKS = {name: SPLIT_DELIVERY[(n + 1) % 2] for n, name in enumerate(PAGES)}


@pytest.mark.parametrize("variants", EACH, ids=PAGES)
def test_split_delivery_runbooks_on_a_console_variant(
    page: Page, sim: Any, simulator: SimulatorServer, tmp_path: Path, variants: list[str]
) -> None:
    sim.variants(variants)
    sim.faults({"latency_ms": [0, 0]})  # the variants, not the network, are under test
    books = [shipped(BOOKS[variants[0]])]

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
    assert [action for action, _ in created] == ["create_route", "create_rule"] * len(books)

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
    assert len(_writes(sim)) == 4 * len(books)
    for variant, text in NOTED.items():
        assert any(text in note for note in notes) == (variant in variants), (variant, notes)


ROUTE_BOOK = """version: 1
name: legacy-route
steps:
  - mail_route:
      name: Legacy mail server
      server: {single_host: {host: mail.legacy.example.com, port: 25}}
"""
# The runbook's route as the console holds it before an edit: another port.
LEGACY_ROUTE = {
    **samples.LEGACY_ROUTE,
    "server": {"single_host": {"host": "mail.legacy.example.com", "port": 2525}},
}


@pytest.mark.parametrize("password", [DEFAULT_PASSWORD, None], ids=["answered", "no-password"])
@pytest.mark.parametrize("dialog", ["add", "edit"])
def test_reauth_on_save_with_the_dialog_open(
    page: Page, sim: Any, simulator: SimulatorServer, tmp_path: Path, dialog: str, password: Any
) -> None:
    sim.variants(["reauth"])
    sim.faults({"latency_ms": [0, 0]})
    before = [LEGACY_ROUTE] if dialog == "edit" else []
    sim.put_state({"routes": before})
    book = load_text(ROUTE_BOOK, "legacy-route.yaml")
    # A drift answers the page's challenge; the console asks again on the first save.
    checked = run_book(page, simulator.url, book, "drift", tmp_path, password=DEFAULT_PASSWORD)
    assert checked.exit_code == 2, checked.error

    applied = run_book(page, simulator.url, book, "apply", tmp_path, password=password)
    write = "create_route" if dialog == "add" else "update_route"
    if password is None:
        assert applied.exit_code == 3, applied.error
        assert "verify it's you" in (applied.error or ""), applied.error
        assert "nothing was saved" in (applied.error or ""), applied.error  # the 401 says so
        assert _writes(sim) == []
        assert sim.state()["routes"] == before
        expect(page.get_by_role("dialog")).to_have_count(0)  # no dialog left behind
        return
    assert applied.exit_code == 0, applied.error
    assert [(s.action, s.status) for s in applied.steps] == [(write[:6], "changed")]
    assert _writes(sim) == [(write, "Legacy mail server")]  # saved once
    assert sim.state()["routes"][0]["server"]["single_host"]["port"] == 25
    assert any("verify it's you on Save" in note for note in applied.notes), applied.notes
