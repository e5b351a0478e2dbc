"""Default routing page: add, edit, disable and delete settings through the Add setting dialog."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.locales import Labels
from tests.samples import AT_TOP, NEW_RULE_OPTIONS

from .samples import LEGACY
from .ui import DEFAULT_ROUTING, EN, FR, choose, expect_field_error, goto_list, row, saved_toast

CATCH_ALL = {
    **NEW_RULE_OPTIONS,
    "description": "Catch-all for lists.example.com",
    "recipients": {"match": "pattern", "value": ".*@lists\\.example\\.com"},
    "action": "modify_message",
    "rejection_notice": None,
    "change_route": "Legacy mail server",
    "apply_to": "unrecognized_only",
    "enabled": True,
    **AT_TOP,
}
LEAVER = {
    **NEW_RULE_OPTIONS,
    "description": "Reject mail to a leaver",
    "recipients": {"match": "single_recipient", "value": "leaver@example.com"},
    "action": "reject_message",
    "rejection_notice": "This address no longer receives mail.",
    "change_route": None,
    "apply_to": "all_addresses",
    "enabled": True,
    **AT_TOP,
}


def open_add(page: Page, labels: Labels = EN, *, first: bool = True) -> Locator:
    goto_list(page, DEFAULT_ROUTING, labels)
    section = page.get_by_role("region", name=labels.name("default_routing_heading"))
    key = "configure" if first else "add_another_rule"
    section.get_by_role("button", name=labels.name(key)).click()
    dialog = page.get_by_role("dialog", name=labels.name("rule_dialog"))
    expect(dialog).to_be_visible()
    return dialog


def test_the_page_is_reached_from_the_main_menu(page: Page, sim: Any) -> None:
    goto_list(page, "/ac")
    page.get_by_role("button", name=EN.name("main_menu")).click()
    nav = page.get_by_role("navigation", name=EN.name("main_menu"))
    for key in ("nav_apps", "nav_workspace", "nav_gmail"):
        nav.get_by_role("button", name=EN.name(key)).click()
    nav.get_by_role("link", name=EN.name("nav_default_routing")).click()
    expect(page).to_have_url(f"{page.url.split('/ac')[0]}{DEFAULT_ROUTING}")
    expect(page.get_by_role("heading", level=1)).to_have_text(EN.name("default_routing_heading"))


def test_configure_a_catch_all_with_change_route(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY]})
    dialog = open_add(page)
    dialog.get_by_role("textbox", name=EN.name("rule_description")).fill(CATCH_ALL["description"])
    menu = dialog.get_by_role("combobox", name=EN.name("recipients_menu"))
    expect(menu).to_have_text(EN.name("dr_match_single_recipient"))
    menu.click()
    expect(dialog.get_by_role("option")).to_have_text(
        [EN.name(k) for k in ("dr_match_single_recipient", "dr_match_pattern", "dr_match_group")]
        + [EN.name("dr_match_all")]
    )
    dialog.get_by_role("option", name=EN.name("dr_match_pattern")).click()
    dialog.get_by_role("textbox", name=EN.name("match_value_pattern")).fill(
        CATCH_ALL["recipients"]["value"]
    )
    expect(dialog.get_by_role("combobox", name=EN.name("dr_action_menu"))).to_have_text(
        EN.name("modify_message")
    )
    route = dialog.get_by_role("group", name=EN.name("route_group"))
    route.get_by_role("checkbox", name=EN.name("change_route")).check()
    route.get_by_role("combobox", name=EN.name("route_menu")).click()
    expect(route.get_by_role("option")).to_have_text([EN.name("normal_routing"), LEGACY["name"]])
    route.get_by_role("option", name=LEGACY["name"]).click()
    expect(dialog.get_by_role("radio", name=EN.name("apply_unrecognized"))).to_be_checked()
    expect(dialog.get_by_role("radio", name=EN.name("apply_all"))).not_to_be_checked()
    dialog.get_by_role("button", name=EN.name("save")).click()

    expect(dialog).to_be_hidden()
    expect(saved_toast(page)).to_be_visible()
    listed = row(page, EN.name("default_rules_table"), CATCH_ALL["description"])
    expect(listed.get_by_role("switch", name=EN.name("rule_enabled"))).to_have_attribute(
        "aria-checked", "true"
    )
    expect(page.get_by_role("button", name=EN.name("add_another_rule"))).to_be_visible()
    assert sim.state()["default_routing_rules"] == [CATCH_ALL]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("create_default_rule", CATCH_ALL["description"])
    ]


def test_reject_with_a_notice_in_french(page: Page, sim: Any) -> None:
    dialog = open_add(page, FR)
    dialog.get_by_role("textbox", name=FR.name("rule_description")).fill(LEAVER["description"])
    recipients = dialog.get_by_role("group", name=FR.name("dr_recipients_group"))
    recipients.get_by_role("textbox", name=FR.name("match_value_single_address")).fill(
        "leaver@example.com"
    )
    choose(dialog, FR.name("dr_action_menu"), FR.name("reject_message"))
    expect(dialog.get_by_role("group", name=FR.name("route_group"))).to_be_hidden()
    dialog.get_by_role("textbox", name=FR.name("rejection_notice")).fill(LEAVER["rejection_notice"])
    dialog.get_by_role("radio", name=FR.name("apply_all")).check()
    dialog.get_by_role("button", name=FR.name("save")).click()
    expect(dialog).to_be_hidden()
    assert sim.state()["default_routing_rules"] == [LEAVER]


@pytest.mark.parametrize(
    ("match", "value", "error"),
    [
        ("dr_match_single_recipient", "", "err_value_required"),
        ("dr_match_single_recipient", "not an address", "err_email_invalid"),
        ("dr_match_pattern", "(unclosed", "err_regexp_invalid"),
        ("dr_match_group", "team", "err_email_invalid"),
    ],
)
def test_the_recipient_value_is_checked(
    page: Page, sim: Any, match: str, value: str, error: str
) -> None:
    from runbook.simulator.i18n import text

    dialog = open_add(page)
    dialog.get_by_role("textbox", name=EN.name("rule_description")).fill("Checked")
    choose(dialog, EN.name("recipients_menu"), EN.name(match))
    key = {
        "dr_match_single_recipient": "match_value_single_address",
        "dr_match_pattern": "match_value_pattern",
        "dr_match_group": "match_value_group",
    }[match]
    section = dialog.get_by_role("group", name=EN.name("dr_recipients_group"))
    field = section.get_by_role("textbox", name=EN.name(key))  # type: ignore[arg-type]
    field.fill(value)
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect_field_error(field, text("en", error))
    expect(dialog).to_be_visible()
    assert sim.audit() == []


def test_all_recipients_needs_no_value_and_a_ticked_route_needs_a_route(
    page: Page, sim: Any
) -> None:
    from runbook.simulator.i18n import text

    sim.put_state({"routes": [LEGACY]})
    dialog = open_add(page)
    dialog.get_by_role("textbox", name=EN.name("rule_description")).fill("Everyone")
    choose(dialog, EN.name("recipients_menu"), EN.name("dr_match_all"))
    section = dialog.get_by_role("group", name=EN.name("dr_recipients_group"))
    expect(
        section.get_by_role("textbox", name=EN.name("match_value_single_address"))
    ).to_be_hidden()
    dialog.get_by_role("checkbox", name=EN.name("change_route")).check()
    dialog.get_by_role("button", name=EN.name("save")).click()
    route_menu = dialog.get_by_role("combobox", name=EN.name("route_menu"))
    expect_field_error(route_menu, text("en", "err_route_required"))
    dialog.get_by_role("checkbox", name=EN.name("change_route")).uncheck()
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    assert sim.state()["default_routing_rules"][0]["recipients"] == {"match": "all", "value": None}


def test_edit_disable_and_delete(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "default_routing_rules": [CATCH_ALL, LEAVER]})
    goto_list(page, DEFAULT_ROUTING)
    table = EN.name("default_rules_table")
    row(page, table, LEAVER["description"]).get_by_role("button", name=EN.name("edit")).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog_edit"))
    notice = dialog.get_by_role("textbox", name=EN.name("rejection_notice"))
    expect(notice).to_have_value(LEAVER["rejection_notice"])
    expect(dialog.get_by_role("button", name=EN.name("save"))).to_be_disabled()
    notice.fill("Gone.")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    switch = row(page, table, CATCH_ALL["description"]).get_by_role(
        "switch", name=EN.name("rule_enabled")
    )
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    row(page, table, LEAVER["description"]).get_by_role("button", name=EN.name("delete")).click()
    confirm = page.get_by_role("alertdialog", name=EN.name("delete_rule_title"))
    confirm.get_by_role("button", name=EN.name("delete")).click()
    expect(confirm).to_be_hidden()
    expect(row(page, table, CATCH_ALL["description"])).to_be_visible()
    expect(row(page, table, LEAVER["description"])).to_have_count(0)
    assert sim.state()["default_routing_rules"] == [{**CATCH_ALL, "enabled": False}]
    assert [a["action"] for a in sim.audit()] == [
        "update_default_rule",
        "update_default_rule",
        "delete_default_rule",
    ]


def test_state_entries_may_omit_optional_fields(sim: Any) -> None:
    sim.put_state(
        {"default_routing_rules": [{"description": "All", "recipients": {"match": "all"}}]}
    )
    assert sim.state()["default_routing_rules"] == [
        {
            **NEW_RULE_OPTIONS,
            "description": "All",
            "recipients": {"match": "all", "value": None},
            "action": "modify_message",
            "rejection_notice": None,
            "change_route": None,
            "apply_to": "unrecognized_only",
            "enabled": True,
            **AT_TOP,
        }
    ]


def test_a_route_used_by_a_default_routing_setting_cannot_be_deleted(
    console: httpx.Client, sim: Any
) -> None:
    sim.put_state({"routes": [LEGACY], "default_routing_rules": [CATCH_ALL]})
    route_id = console.get("/ac/_data/routes").json()["routes"][0]["id"]
    assert console.delete(f"/ac/_data/routes/{route_id}").status_code == 409
    bad = {**CATCH_ALL, "description": "Other", "rejection_notice": "No"}
    assert console.post("/ac/_data/default_rules", json=bad).status_code == 400
    assert len(sim.state()["default_routing_rules"]) == 1


def test_a_route_a_setting_copies_through_is_in_use_and_follows_a_rename(
    console: httpx.Client, sim: Any
) -> None:
    copy = {"address": "journal@example.net", "change_route": LEGACY["name"]}
    journal = {**CATCH_ALL, "change_route": None, "also_deliver_to": [copy]}
    sim.put_state({"routes": [LEGACY], "default_routing_rules": [journal]})
    route = console.get("/ac/_data/routes").json()["routes"][0]
    assert console.delete(f"/ac/_data/routes/{route['id']}").status_code == 409
    renamed = {k: v for k, v in route.items() if k not in ("id", "revision")}
    renamed["name"] = "Journal server"
    assert console.put(f"/ac/_data/routes/{route['id']}", json=renamed).status_code == 200
    [setting] = sim.state()["default_routing_rules"]
    assert setting["also_deliver_to"][0]["change_route"] == "Journal server"
