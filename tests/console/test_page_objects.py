"""Page objects against the simulator: they read what the console holds, and cannot write in a
read-only run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runbook.console.guard import WriteGuard
from runbook.console.pages.hosts import HostsPage
from runbook.console.pages.routing import RoutingPage
from runbook.console.shell import ConsoleShell
from runbook.errors import ReadOnlyViolation
from runbook.locales import Labels
from tests.samples import LEGACY_ROUTE, NEW_RULE_OPTIONS, UNMANAGED_ROUTE, UNMANAGED_RULE, at_top
from tests.simulator.samples import BALANCED

FILTERED_RULE = {
    "description": "Split delivery to the legacy server",
    "messages": ["inbound", "internal_receiving"],
    "action": "modify_message",
    "change_route": "Legacy mail server",
    "account_types": ["unrecognized_catch_all"],
    "envelope_filter": {
        "senders": {"match": "single_address", "value": "alerts@example.com"},
        "recipients": {"match": "pattern", "value": r".*@example\.com"},
    },
    "enabled": True,
    **NEW_RULE_OPTIONS,
}


OpenPage = Callable[..., tuple[Any, Labels]]


@pytest.fixture
def open_page(page: Page, simulator: Any) -> OpenPage:
    """Reach a console page through the shell; its page object and labels."""

    def open_(
        name: str, locale: str, *, read_only: bool, navigate: str = "url"
    ) -> tuple[Any, Labels]:
        labels = Labels(locale)
        shell = ConsoleShell(page, labels, simulator.url, navigate=navigate)  # type: ignore[arg-type]
        shell.open(name)  # type: ignore[arg-type]
        guard = WriteGuard(read_only=read_only, mode="dry-run" if read_only else "apply")
        cls = HostsPage if name == "hosts" else RoutingPage
        return cls(page, labels, guard), labels

    return open_


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_route_dialog_reads_back_exactly_what_the_console_holds(
    page: Page, sim: Any, open_page: OpenPage, locale: str
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, BALANCED, UNMANAGED_ROUTE]})
    hosts, _ = open_page("hosts", locale, read_only=True)
    assert hosts.names() == ["Legacy mail server", "Balanced", "Archive relay"]
    for route in (LEGACY_ROUTE, BALANCED, UNMANAGED_ROUTE):
        dialog = hosts.open_edit(route["name"])
        assert dialog.read() == route
        dialog.cancel()


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_rule_dialog_reads_back_every_field(
    page: Page, sim: Any, open_page: OpenPage, locale: str
) -> None:
    sim.put_state(
        {
            "routes": [LEGACY_ROUTE, UNMANAGED_ROUTE],
            "routing_rules": [FILTERED_RULE, UNMANAGED_RULE],
        }
    )
    routing, _ = open_page("routing", locale, read_only=True)
    assert routing.names() == [FILTERED_RULE["description"], UNMANAGED_RULE["description"]]
    for rule in (FILTERED_RULE, UNMANAGED_RULE):
        assert routing.is_enabled(rule["description"]) is rule["enabled"]
        dialog = routing.open_edit(rule["description"])
        assert dialog.read() == {k: v for k, v in rule.items() if k != "enabled"}
        dialog.cancel()


def test_the_tls_option_is_found_by_its_other_wording_too(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    sim.put_state({"routes": [UNMANAGED_ROUTE]})
    hosts, labels = open_page("hosts", "en", read_only=False)
    first, other = labels.names("require_tls")
    dialog = hosts.open_edit(UNMANAGED_ROUTE["name"])
    # The console variant without "(Recommended)" (see the console reference).
    page.get_by_text(first, exact=True).evaluate("(e, text) => { e.textContent = text; }", other)
    expect(page.get_by_role("checkbox", name=other, exact=True)).to_be_visible()
    assert dialog.read() == UNMANAGED_ROUTE
    dialog.fill({**UNMANAGED_ROUTE, "require_tls": True})
    assert dialog.read() == {**UNMANAGED_ROUTE, "require_tls": True}
    dialog.cancel()


def test_read_only_guard_makes_save_impossible(page: Page, sim: Any, open_page: OpenPage) -> None:
    hosts, _ = open_page("hosts", "en", read_only=True)
    dialog = hosts.open_add()
    dialog.fill(LEGACY_ROUTE)
    with pytest.raises(ReadOnlyViolation):
        dialog.save("route 'Legacy mail server'")
    dialog.cancel()
    assert sim.audit() == []
    assert sim.state()["routes"] == []


def test_read_only_guard_makes_delete_and_switch_impossible(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    sim.put_state({"routes": [UNMANAGED_ROUTE], "routing_rules": [UNMANAGED_RULE]})
    routing, _ = open_page("routing", "en", read_only=True)
    with pytest.raises(ReadOnlyViolation):
        routing.delete(UNMANAGED_RULE["description"])
    with pytest.raises(ReadOnlyViolation):
        routing.set_enabled(UNMANAGED_RULE["description"], True)
    assert sim.audit() == []


def test_menu_navigation_walks_the_documented_click_path(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE]})
    hosts, _ = open_page("hosts", "fr", read_only=True, navigate="click")
    assert hosts.names() == ["Legacy mail server"]
    assert "/ac/apps/gmail/hosts" in page.url
    routing, _ = open_page("routing", "fr", read_only=True, navigate="click")
    assert routing.names() == []


def test_fill_writes_a_multi_host_route_that_reads_back_the_same(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    hosts, _ = open_page("hosts", "en", read_only=False)
    dialog = hosts.open_add()
    dialog.fill(BALANCED)
    assert dialog.read() == BALANCED
    dialog.save("route 'Balanced'")
    assert sim.state()["routes"] == [BALANCED]
    edit = hosts.open_edit("Balanced")
    smaller = {
        **BALANCED,
        "server": {
            "multiple_hosts": {
                "primary": [{"host": "a.example.com", "port": 25, "load": 100}],
                "secondary": [],
            }
        },
    }
    edit.fill(smaller)
    edit.save("route 'Balanced'")
    assert sim.state()["routes"] == [smaller]


def test_look_ahead_opens_the_next_page_in_a_second_tab_and_no_third(
    page: Page, sim: Any, simulator: Any
) -> None:
    sim.put_state({"routes": [UNMANAGED_ROUTE], "routing_rules": [UNMANAGED_RULE]})
    labels = Labels("en")
    guard = WriteGuard(read_only=True, mode="drift")
    shell = ConsoleShell(page, labels, simulator.url, look_ahead=True)
    shell.open("hosts")
    assert HostsPage(shell.page, labels, guard).names() == ["Archive relay"]
    shell.open_ahead("routing")
    assert shell.page is page  # the current tab stays in use until the next open
    shell.open("routing")
    assert shell.page is not page
    assert shell.page.url.startswith(shell.url("routing").split("?")[0])
    assert RoutingPage(shell.page, labels, guard).names() == [UNMANAGED_RULE["description"]]
    # The tab left behind is the one the next look-ahead reuses: never a third tab.
    shell.open_ahead("hosts")
    shell.open("hosts")
    assert shell.page is page
    assert len(page.context.pages) == 2
    # A look-ahead the next step does not use is left aside, and the page opens normally.
    shell.open_ahead("routing")
    shell.open("hosts")
    assert HostsPage(shell.page, labels, guard).names() == ["Archive relay"]
    assert len(page.context.pages) == 2


# The Routing page's other settings blocks, each holding entries named like the Routing rules:
# a page object that is not scoped to the Routing block meets their buttons and rows too.
OTHER_BLOCKS = ("address_maps", "secure_routes", "smtp_relays", "non_gmail_mailboxes")
LOOKALIKES = {
    block: [
        {"description": FILTERED_RULE["description"]},
        {"description": UNMANAGED_RULE["description"]},
    ]
    for block in OTHER_BLOCKS
}


def _rule_fields(rule: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rule.items() if k != "enabled"}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_routing_page_reads_edits_and_deletes_only_its_own_blocks_rules(
    page: Page, sim: Any, open_page: OpenPage, locale: str
) -> None:
    sim.put_state(
        {
            "routes": [LEGACY_ROUTE, UNMANAGED_ROUTE],
            "routing_rules": [FILTERED_RULE, UNMANAGED_RULE],
            **LOOKALIKES,
        }
    )
    routing, _ = open_page("routing", locale, read_only=False)
    assert routing.names() == [FILTERED_RULE["description"], UNMANAGED_RULE["description"]]
    assert routing.has(UNMANAGED_RULE["description"])
    assert routing.is_enabled(UNMANAGED_RULE["description"]) is False

    dialog = routing.open_edit(UNMANAGED_RULE["description"])
    assert dialog.read() == _rule_fields(UNMANAGED_RULE)
    changed = {**_rule_fields(UNMANAGED_RULE), "messages": ["outbound", "internal_sending"]}
    dialog.fill(changed)
    dialog.save("the rule")
    routing.wait_listed(UNMANAGED_RULE["description"])
    routing.set_enabled(UNMANAGED_RULE["description"], True)
    routing.delete(FILTERED_RULE["description"])
    assert routing.names() == [UNMANAGED_RULE["description"]]

    state = sim.state()
    assert state["routing_rules"] == at_top({**changed, "enabled": True})
    assert {block: state[block] for block in OTHER_BLOCKS} == LOOKALIKES
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("update_rule", UNMANAGED_RULE["description"]),
        ("update_rule", UNMANAGED_RULE["description"]),
        ("delete_rule", FILTERED_RULE["description"]),
    ]


def test_configure_of_the_routing_block_opens_the_rule_dialog(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    # Routing empty ("Configure"), the block above it not ("Add another rule").
    sim.put_state({"routes": [LEGACY_ROUTE], **LOOKALIKES})
    routing, _ = open_page("routing", "en", read_only=False)
    assert routing.names() == []
    dialog = routing.open_add()
    dialog.fill(_rule_fields(FILTERED_RULE))
    dialog.save("the rule")
    routing.wait_listed(FILTERED_RULE["description"])
    assert routing.names() == [FILTERED_RULE["description"]]
    state = sim.state()
    assert state["routing_rules"] == at_top(FILTERED_RULE)
    assert {block: state[block] for block in OTHER_BLOCKS} == LOOKALIKES
