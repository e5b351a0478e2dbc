"""Fault injection as a user sees it: lost saves, late dialogs and rows, someone else's edits."""

from __future__ import annotations

import time
from typing import Any

import httpx
from playwright.sync_api import BrowserContext, Locator, Page, expect

from runbook.simulator.i18n import text

from .samples import LEGACY, REJECT, SPLIT
from .ui import EN, FR, HOSTS, ROUTING, goto_list, routing_block, row, saved_toast

FAST = {"latency_ms": [0, 0]}
LEGACY_NAME = str(LEGACY["name"])
SPLIT_NAME = str(SPLIT["description"])
REJECT_NAME = str(REJECT["description"])


def textbox(scope: Locator, name: str) -> Locator:
    return scope.get_by_role("textbox", name=name, exact=True)


def edit_route(page: Page, name: str) -> Locator:
    row(page, EN.name("routes_table"), name).get_by_role("button", name=EN.name("edit")).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog_edit"))
    expect(dialog).to_be_visible()
    return dialog


def test_a_lost_response_shows_an_error_but_the_route_was_saved(page: Page, sim: Any) -> None:
    sim.faults({**FAST, "lose_next_responses": 1})
    goto_list(page, HOSTS)
    page.get_by_role("button", name=EN.name("add_route")).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog"))
    textbox(dialog, EN.name("route_name")).fill(LEGACY_NAME)
    textbox(dialog, EN.name("host")).fill("mail.legacy.example.com")
    save = dialog.get_by_role("button", name=EN.name("save"))
    save.click()
    expect(dialog.get_by_role("alert")).to_have_text("We couldn't save your changes. Try again.")
    expect(save).to_be_enabled()
    assert sim.state()["routes"] == [LEGACY]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [("create_route", LEGACY_NAME)]
    assert sim.faults()["lose_next_responses"] == 0

    save.click()  # saving again would make a duplicate: the console refuses it
    expect(dialog.get_by_role("alert")).to_have_text(text("en", "err_name_taken"))
    assert len(sim.audit()) == 1
    dialog.get_by_role("button", name=EN.name("cancel")).click()
    page.reload()
    expect(row(page, EN.name("routes_table"), LEGACY_NAME)).to_be_visible()


def test_a_late_add_dialog_has_no_fields_until_the_delay(page: Page, sim: Any) -> None:
    # Long enough that a busy machine still sees the progress bar before the form.
    sim.faults({**FAST, "late_dialog_ms": [2000, 2000]})
    goto_list(page, HOSTS)
    page.get_by_role("button", name=EN.name("add_route")).click()
    started = time.monotonic()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog"))
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("progressbar", name=EN.name("loading"))).to_be_visible()
    name = textbox(dialog, EN.name("route_name"))
    assert name.count() == 0 and dialog.get_by_role("button", name=EN.name("save")).count() == 0
    expect(name).to_be_visible()
    assert time.monotonic() - started >= 1.95
    expect(dialog.get_by_role("progressbar", name=EN.name("loading"))).to_have_count(0)
    expect(name).to_be_focused()
    name.fill(LEGACY_NAME)
    textbox(dialog, EN.name("host")).fill("mail.legacy.example.com")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    assert sim.state()["routes"] == [LEGACY]


def test_a_late_edit_dialog_loads_the_values_from_the_server(
    page: Page, sim: Any, console: httpx.Client
) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT, REJECT]})
    sim.faults({**FAST, "late_dialog_ms": [400, 400]})
    goto_list(page, f"{ROUTING}", FR)
    rule = console.get("/ac/_data/rules").json()["rules"][1]
    changed = {k: v for k, v in rule.items() if k not in ("id", "revision")}
    changed["envelope_filter"]["recipients"]["value"] = "cfo@rival.example"
    assert console.put(f"/ac/_data/rules/{rule['id']}", json=changed).status_code == 200

    row(page, FR.name("rules_table"), REJECT_NAME).get_by_role(
        "button", name=FR.name("edit")
    ).click()
    dialog = page.get_by_role("dialog", name=FR.name("rule_dialog_edit"))
    expect(dialog.get_by_role("progressbar", name=FR.name("loading"))).to_be_visible()
    description = textbox(dialog, FR.name("rule_description"))
    assert description.count() == 0
    expect(description).to_have_value(REJECT_NAME)
    dialog.get_by_role("button", name=FR.name("show_options")).click()
    recipients = dialog.get_by_role("group", name=FR.name("env_recipients"))
    value = textbox(recipients, FR.name("match_value_single_address"))
    expect(value).to_have_value("cfo@rival.example")  # as it is now, not as the list showed it
    value.fill("ceo@rival.example")
    dialog.get_by_role("button", name=FR.name("save")).click()
    expect(dialog).to_be_hidden()  # the revision came with the late values: no conflict
    assert sim.state()["routing_rules"][1] == REJECT


def test_a_late_dialog_can_be_cancelled_while_it_loads(page: Page, sim: Any) -> None:
    sim.faults({**FAST, "late_dialog_ms": [600, 600]})
    goto_list(page, ROUTING)
    routing_block(page).get_by_role("button", name=EN.name("configure")).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog"))
    expect(dialog.get_by_role("progressbar", name=EN.name("loading"))).to_be_visible()
    dialog.get_by_role("button", name=EN.name("cancel")).click()
    expect(dialog).to_be_hidden()
    routing_block(page).get_by_role("button", name=EN.name("configure")).click()
    expect(textbox(dialog, EN.name("rule_description"))).to_be_visible()


def test_late_rows_keep_the_progressbar_until_every_row_is_there(page: Page, sim: Any) -> None:
    routes = [{**LEGACY, "name": f"Route {n}"} for n in range(4)]
    sim.put_state({"routes": routes})
    # Long enough that the first half is still alone when a busy machine gets to look at it.
    sim.faults({**FAST, "late_rows_ms": [3000, 3000]})
    page.goto(HOSTS)
    table = page.get_by_role("table", name=EN.name("routes_table"))
    rows = table.get_by_role("row")
    progress = page.get_by_role("progressbar", name=EN.name("loading"))
    expect(rows).to_have_count(3)  # the header and the first half
    expect(progress).to_be_visible()
    expect(row(page, EN.name("routes_table"), "Route 1")).to_be_visible()
    assert row(page, EN.name("routes_table"), "Route 3").count() == 0
    expect(progress).to_have_count(0, timeout=10_000)
    assert rows.count() == 5  # a client that waits for the progressbar gets the full list
    expect(table).not_to_have_attribute("aria-busy", "true")

    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT, REJECT]})
    page.goto(ROUTING)
    expect(page.get_by_role("button", name=EN.name("add_another_rule"))).to_be_visible()
    expect(row(page, EN.name("rules_table"), SPLIT_NAME)).to_be_visible()
    expect(page.get_by_role("progressbar", name=EN.name("loading"))).to_be_visible()
    assert row(page, EN.name("rules_table"), REJECT_NAME).count() == 0
    goto_list(page, ROUTING)
    rules = page.get_by_role("table", name=EN.name("rules_table")).get_by_role("row")
    assert rules.count() == 3


def test_someone_else_changes_the_route_we_edit(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY]})
    sim.faults(
        {
            **FAST,
            "concurrent_edit": {
                "kind": "route",
                "name": LEGACY_NAME,
                "change": {"mx_lookup": True},
            },
        }
    )
    goto_list(page, HOSTS)
    dialog = edit_route(page, LEGACY_NAME)
    textbox(dialog, EN.name("port")).fill("2525")
    save = dialog.get_by_role("button", name=EN.name("save"))
    save.click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "This setting was changed by someone else. Reload the page to see the latest changes."
    )
    expect(save).to_be_enabled()
    assert sim.state()["routes"] == [{**LEGACY, "mx_lookup": True}]  # theirs, not ours
    assert [(a["action"], a.get("by")) for a in sim.audit()] == [("update_route", "another-admin")]
    save.click()  # still based on what we read: refused again
    expect(dialog.get_by_role("alert")).to_have_text(text("en", "err_stale"))
    assert len(sim.audit()) == 1


def test_someone_else_deletes_the_rule_we_delete(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT, REJECT]})
    edit = {"kind": "rule", "name": REJECT_NAME, "change": "delete"}
    sim.faults({**FAST, "concurrent_edit": edit})
    goto_list(page, f"{ROUTING}", FR)
    row(page, FR.name("rules_table"), REJECT_NAME).get_by_role(
        "button", name=FR.name("delete")
    ).click()
    confirm = page.get_by_role("alertdialog", name=FR.name("delete_rule_title"))
    confirm.get_by_role("button", name=FR.name("delete")).click()
    expect(confirm.get_by_role("alert")).to_have_text("Ce paramètre n'existe plus.")
    assert sim.state()["routing_rules"] == [SPLIT]
    assert [(a["action"], a.get("by")) for a in sim.audit()] == [("delete_rule", "another-admin")]


def test_someone_else_toggles_the_rule_we_toggle(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    edit = {"kind": "rule", "name": SPLIT_NAME, "change": {"enabled": False}}
    sim.faults({**FAST, "concurrent_edit": edit})
    goto_list(page, ROUTING)
    switch = row(page, EN.name("rules_table"), SPLIT_NAME).get_by_role(
        "switch", name=EN.name("rule_enabled")
    )
    switch.click()
    expect(page.get_by_role("alert").filter(has_text=EN.name("concurrent_change"))).to_be_visible()
    expect(switch).to_have_attribute("aria-checked", "true")  # as the page read it
    assert sim.state()["routing_rules"][0]["enabled"] is False


def test_a_stale_edit_in_a_second_tab_is_refused(
    page: Page, context: BrowserContext, sim: Any
) -> None:
    sim.put_state({"routes": [LEGACY]})
    sim.faults(FAST)
    other = context.new_page()
    goto_list(page, HOSTS)
    goto_list(other, HOSTS)

    first = edit_route(page, LEGACY_NAME)
    second = edit_route(other, LEGACY_NAME)
    textbox(first, EN.name("port")).fill("2525")
    first.get_by_role("button", name=EN.name("save")).click()
    expect(first).to_be_hidden()
    expect(saved_toast(page)).to_be_visible()

    textbox(second, EN.name("port")).fill("2600")
    second.get_by_role("button", name=EN.name("save")).click()
    expect(second.get_by_role("alert")).to_have_text(text("en", "err_stale"))
    expect(second.get_by_role("button", name=EN.name("save"))).to_be_enabled()
    port = sim.state()["routes"][0]["server"]["single_host"]["port"]
    assert port == 2525
    assert [a["action"] for a in sim.audit()] == ["update_route"]

    second.get_by_role("button", name=EN.name("cancel")).click()
    other.reload()  # after a reload the edit goes through
    dialog = edit_route(other, LEGACY_NAME)
    expect(textbox(dialog, EN.name("port"))).to_have_value("2525")
    textbox(dialog, EN.name("port")).fill("2600")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    assert sim.state()["routes"][0]["server"]["single_host"]["port"] == 2600
    other.close()
