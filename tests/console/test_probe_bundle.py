"""The probe's walk on the simulator: a renamed group named with its candidate, the redesigned
dialog said plainly, and bundles whose saved trees read as the live dialogs do."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from runbook.console.bundle import SCRUBBED, SECRET, Bundle, saved_dialog
from runbook.console.guard import WriteGuard
from runbook.console.pages.hosts import HostsPage
from runbook.console.probe import Prober
from runbook.console.shell import ConsoleShell
from runbook.locales import Labels
from runbook.secrets import Redactor
from tests.samples import LEGACY_ROUTE, UNMANAGED_ROUTE
from tests.simulator.samples import BALANCED

KNOWN = {"mail.legacy.example.com", "a.example.com", "b.example.com", "c.example.com"}


def test_a_saved_dialog_reads_as_the_live_one_and_unknown_addresses_are_scrubbed(
    page: Page, sim: Any, simulator: Any
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, BALANCED, UNMANAGED_ROUTE]})
    labels = Labels("en")
    ConsoleShell(page, labels, simulator.url).open("hosts")
    hosts = HostsPage(page, labels, WriteGuard(read_only=True, mode="drift"))
    bundle = Bundle(Redactor(["Balanced"]), allowed=set(KNOWN))
    for route in (LEGACY_ROUTE, BALANCED):
        dialog = hosts.open_edit(route["name"])
        bundle.capture(page, f"hosts/{route['name']}")
        live = dialog.read()
        dialog.cancel()
        [tree] = [v for k, v in bundle.files.items() if k.endswith("aria.yml")][-1:]
        saved = saved_dialog(tree.decode(), labels, "route_dialog_edit")
        assert saved is not None
        expected = {**route, "name": SECRET if route is BALANCED else route["name"]}
        assert dialog._fields(saved) == expected  # the secret name is masked, the rest as live
        assert live == route
    texts = [v.decode() for k, v in bundle.files.items() if not k.endswith(".png")]
    assert all("archive.example.net" not in t and "Balanced" not in t for t in texts)
    doms = [v.decode() for k, v in bundle.files.items() if k.endswith("dom.html")]
    assert all(SCRUBBED in t for t in doms)  # the route no runbook names, in the list
    assert "mail.legacy.example.com" in texts[0]


def test_probe_names_a_renamed_group_and_says_the_dialog_is_redesigned(
    page: Page, sim: Any, simulator: Any
) -> None:
    new = "Select when this action is applied"
    sim.client.put("/_sim/labels", json={"en": {"Email messages to affect": new}})
    labels = Labels("en")
    report = Prober(ConsoleShell(page, labels, simulator.url), labels).probe(["routing"])
    [missing] = report.missing
    assert (missing.key, missing.role, missing.where) == (
        "messages_group",
        "group",
        "routing/rule_dialog",
    )
    assert missing.candidates[0] == new
    assert report.redesign == [new]
    assert ("msg_inbound", "routing/rule_dialog") in report.found  # the boxes, still there
    assert report.writes == 0 and sim.audit() == []
