"""The Default routing page object against the simulator: it reads every field back, fills only
what differs, switches a setting, and cannot write in a read-only run."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from runbook.console.guard import WriteGuard
from runbook.console.pages.default_routing import DefaultRoutingPage
from runbook.console.shell import ConsoleShell
from runbook.errors import ReadOnlyViolation
from runbook.locales import Labels
from tests.samples import LEGACY_ROUTE, NEW_RULE_OPTIONS, at_top

CATCH_ALL = {
    **NEW_RULE_OPTIONS,
    "description": "Catch-all for lists.example.com",
    "recipients": {"match": "pattern", "value": r".*@lists\.example\.com"},
    "action": "modify_message",
    "rejection_notice": None,
    "change_route": "Legacy mail server",
    "apply_to": "unrecognized_only",
    "enabled": True,
}
LEAVER = {
    **NEW_RULE_OPTIONS,
    "description": "Reject mail to a leaver",
    "recipients": {"match": "single_recipient", "value": "leaver@example.com"},
    "action": "reject_message",
    "rejection_notice": "This address no longer receives mail.",
    "change_route": None,
    "apply_to": "all_addresses",
    "enabled": False,
}
EVERYONE = {
    **NEW_RULE_OPTIONS,
    "description": "Everyone else",
    "recipients": {"match": "all", "value": None},
    "action": "modify_message",
    "rejection_notice": None,
    "change_route": None,
    "apply_to": "unrecognized_only",
    "enabled": True,
}


def open_default_routing(
    page: Page, simulator: Any, locale: str, *, read_only: bool, navigate: str = "url"
) -> DefaultRoutingPage:
    labels = Labels(locale)
    shell = ConsoleShell(page, labels, simulator.url, navigate=navigate)  # type: ignore[arg-type]
    shell.open("default_routing")
    guard = WriteGuard(read_only=read_only, mode="dry-run" if read_only else "apply")
    return DefaultRoutingPage(page, labels, guard)


def without_switch(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != "enabled"}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_dialog_reads_back_every_field(
    page: Page, sim: Any, simulator: Any, locale: str
) -> None:
    sim.put_state(
        {"routes": [LEGACY_ROUTE], "default_routing_rules": [CATCH_ALL, LEAVER, EVERYONE]}
    )
    defaults = open_default_routing(page, simulator, locale, read_only=True, navigate="click")
    assert defaults.names() == [CATCH_ALL["description"], LEAVER["description"], "Everyone else"]
    for entry in (CATCH_ALL, LEAVER, EVERYONE):
        dialog = defaults.open_edit(str(entry["description"]))
        assert dialog.read() == without_switch(entry)
        dialog.cancel()
        assert defaults.is_enabled(str(entry["description"])) is entry["enabled"]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_fill_creates_a_setting_and_changes_one_field_alone(
    page: Page, sim: Any, simulator: Any, locale: str
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE]})
    defaults = open_default_routing(page, simulator, locale, read_only=False)
    assert defaults.names() == []
    dialog = defaults.open_add()
    assert dialog.route_names() == [LEGACY_ROUTE["name"]]
    dialog.fill(without_switch(LEAVER))
    dialog.save("the setting")
    assert sim.state()["default_routing_rules"] == at_top({**LEAVER, "enabled": True})

    defaults.wait_listed(str(LEAVER["description"]))
    dialog = defaults.open_edit(str(LEAVER["description"]))
    dialog.fill(without_switch({**CATCH_ALL, "description": LEAVER["description"]}))
    dialog.save("the setting")
    defaults.set_enabled(str(LEAVER["description"]), False)
    assert sim.state()["default_routing_rules"] == at_top(
        {**CATCH_ALL, "description": LEAVER["description"], "enabled": False}
    )
    assert [a["action"] for a in sim.audit()] == [
        "create_default_rule",
        "update_default_rule",
        "update_default_rule",
    ]


def test_a_read_only_run_cannot_save_switch_or_delete(page: Page, sim: Any, simulator: Any) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE], "default_routing_rules": [CATCH_ALL]})
    defaults = open_default_routing(page, simulator, "en", read_only=True)
    dialog = defaults.open_edit(str(CATCH_ALL["description"]))
    dialog.fill(without_switch({**CATCH_ALL, "apply_to": "all_addresses"}))
    with pytest.raises(ReadOnlyViolation):
        dialog.save("the setting")
    dialog.cancel()
    with pytest.raises(ReadOnlyViolation):
        defaults.set_enabled(str(CATCH_ALL["description"]), False)
    with pytest.raises(ReadOnlyViolation):
        defaults.delete(str(CATCH_ALL["description"]))
    assert sim.audit() == []


def test_late_rows_and_late_dialogs_are_waited_for(page: Page, sim: Any, simulator: Any) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE], "default_routing_rules": [CATCH_ALL, LEAVER]})
    sim.faults({"late_rows_ms": [300, 300], "late_dialog_ms": [300, 300]})
    defaults = open_default_routing(page, simulator, "en", read_only=True)
    assert defaults.names() == [CATCH_ALL["description"], LEAVER["description"]]
    dialog = defaults.open_edit(str(LEAVER["description"]))
    assert dialog.read() == without_switch(LEAVER)
    dialog.cancel()
    dialog = defaults.open_add()
    assert dialog.route_names() == [LEGACY_ROUTE["name"]]
    dialog.cancel()
