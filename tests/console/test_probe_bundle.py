"""The probe's walk on the simulator: a renamed group named with its candidate, the redesigned
dialog said plainly, and bundles whose saved trees read as the live dialogs do."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from runbook.console.bundle import SCRUBBED, SECRET, Bundle, saved_dialog
from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.pages.hosts import HostsPage
from runbook.console.probe import Prober
from runbook.console.shell import ConsoleShell
from runbook.console.walks import look_places
from runbook.locales import Labels
from runbook.secrets import Redactor
from runbook.simulator.auth import DEFAULT_PASSWORD
from runbook.simulator.variants import VARIANTS
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


SUB_PLACES = {
    ("header_dialog", "routing/rule_dialog"),
    ("header_key", "routing/rule_dialog/header_dialog"),
    ("recipient_dialog", "default_routing/rule_dialog"),
    ("recipient_advanced", "routing/rule_dialog/recipient_dialog/recipient_mode"),
    ("copy_suppress_bounces", "routing/rule_dialog/recipient_dialog"),
    ("normal_routing", "routing/rule_dialog/recipient_dialog/route_menu"),
    ("envelope_value_domain", "routing/rule_dialog"),
    ("match_value_group", "routing/rule_dialog"),
    ("load", "hosts/route_dialog"),
}


def test_probe_opens_the_sub_dialogs_and_menus_read_only_on_every_variant_at_once(
    page: Page, sim: Any, simulator: Any
) -> None:
    # Every variant of the pages (the sign-in's own, automation-refused and session-hour, would
    # refuse or end this automated browser's session: tests/cli/test_sessions.py has them).
    sim.variants([v for v in VARIANTS if v not in ("automation-refused", "session-hour")])
    sim.put_state({"routes": [LEGACY_ROUTE]})  # a route for the menus of Change route
    labels = Labels("en")
    hazards = Hazards(labels, password=DEFAULT_PASSWORD)  # the reauth variant asks on the page
    report = Prober(ConsoleShell(page, labels, simulator.url, hazards=hazards), labels).probe(
        ["hosts", "routing", "default_routing", "authenticate_email", "spam"]
    )
    assert report.missing == [] and report.unreached == []
    assert set(report.found) >= SUB_PLACES
    walked = {key for key, _ in report.found}
    # Every key a walk looks at is found where it looks (no rule yet: Configure, not Add
    # another rule; no domain authenticating: Start authentication, not Stop).
    assert set(look_places()) - walked == {"add_another_rule", "dkim_stop"}
    assert report.writes == 0 and sim.audit() == []
    expect(page.get_by_role("dialog")).to_have_count(0)  # every dialog cancelled
