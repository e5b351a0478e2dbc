"""Routing page: add, edit, disable and delete routing rules through the dialogs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.simulator.i18n import text

from .samples import BALANCED, LEGACY, REJECT, SPLIT
from .ui import (
    EN,
    FR,
    ROUTING,
    choose,
    expect_field_error,
    goto_list,
    routing_block,
    row,
    saved_toast,
)


def open_add_dialog(page: Page, *, first: bool = True) -> Locator:
    goto_list(page, ROUTING)
    section = page.get_by_role("region", name=EN.name("routing_heading"))
    section.get_by_role(
        "button", name=EN.name("configure") if first else EN.name("add_another_rule")
    ).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog"))
    expect(dialog).to_be_visible()
    return dialog


def description(dialog: Locator) -> Locator:
    return dialog.get_by_role("textbox", name=EN.name("rule_description"), exact=True)


def envelope_side(dialog: Locator, side: str) -> Locator:
    return dialog.get_by_role("group", name=EN.name("envelope_filter")).get_by_role(
        "group", name=EN.name(f"env_{side}")
    )


def test_configure_split_delivery(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY, BALANCED]})
    dialog = open_add_dialog(page)
    description(dialog).fill(SPLIT["description"])
    messages = dialog.get_by_role("group", name=EN.name("messages_group"))
    for key in ("msg_inbound", "msg_outbound", "msg_internal_sending", "msg_internal_receiving"):
        expect(messages.get_by_role("checkbox", name=EN.name(key))).not_to_be_checked()
    messages.get_by_role("checkbox", name=EN.name("msg_inbound")).check()
    messages.get_by_role("checkbox", name=EN.name("msg_internal_receiving")).check()
    expect(dialog.get_by_role("combobox", name=EN.name("action_menu"))).to_have_text(
        EN.name("modify_message")
    )

    route = dialog.get_by_role("group", name=EN.name("route_group"))
    route_to = route.get_by_role("combobox", name=EN.name("route_menu"))
    expect(route_to).to_be_disabled()
    route.get_by_role("checkbox", name=EN.name("change_route")).check()
    route_to.click()
    expect(route.get_by_role("option")).to_have_text(
        [EN.name("normal_routing"), LEGACY["name"], "Balanced"]
    )
    route.get_by_role("option", name=LEGACY["name"]).click()

    accounts = dialog.get_by_role("group", name=EN.name("account_types"))
    expect(accounts).to_be_hidden()
    dialog.get_by_role("button", name=EN.name("show_options")).click()
    expect(accounts.get_by_role("checkbox", name=EN.name("acct_users"))).to_be_checked()
    expect(accounts.get_by_role("checkbox", name=EN.name("acct_groups"))).to_be_checked()
    accounts.get_by_role("checkbox", name=EN.name("acct_users")).uncheck()
    accounts.get_by_role("checkbox", name=EN.name("acct_groups")).uncheck()
    accounts.get_by_role("checkbox", name=EN.name("acct_unrecognized")).check()
    recipients = envelope_side(dialog, "recipients")
    match = recipients.get_by_role("combobox", name=EN.name("match_menu"))
    expect(match).to_be_disabled()
    recipients.get_by_role("checkbox", name=EN.name("env_recipients_check")).check()
    choose(recipients, EN.name("match_menu"), EN.name("match_pattern"))
    recipients.get_by_role("textbox", name=EN.name("match_value_pattern")).fill(r".*@example\.com")
    dialog.get_by_role("button", name=EN.name("save")).click()

    expect(dialog).to_be_hidden()
    expect(saved_toast(page)).to_be_visible()
    rule = row(page, EN.name("rules_table"), SPLIT["description"])
    expect(rule.get_by_role("switch", name=EN.name("rule_enabled"))).to_have_attribute(
        "aria-checked", "true"
    )
    expect(page.get_by_role("button", name=EN.name("add_another_rule"))).to_be_visible()
    assert sim.state()["routing_rules"] == [SPLIT]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("create_rule", SPLIT["description"])
    ]


def test_reject_message_has_no_route(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    dialog = open_add_dialog(page, first=False)
    description(dialog).fill(REJECT["description"])
    dialog.get_by_role("checkbox", name=EN.name("msg_outbound")).check()
    choose(dialog, EN.name("action_menu"), EN.name("reject_message"))
    expect(dialog.get_by_role("group", name=EN.name("route_group"))).to_be_hidden()
    dialog.get_by_role("button", name=EN.name("show_options")).press(
        "Enter"
    )  # keyboard, like a link
    senders = envelope_side(dialog, "recipients")
    senders.get_by_role("checkbox").check()
    senders.get_by_role("textbox", name=EN.name("match_value_single_address")).fill(
        "ceo@rival.example"
    )
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    assert sim.state()["routing_rules"] == [SPLIT, {**REJECT, "enabled": True}]


def test_edit_starts_with_options_collapsed(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT, REJECT]})
    goto_list(page, ROUTING)
    row(page, EN.name("rules_table"), SPLIT["description"]).get_by_role(
        "button", name=EN.name("edit")
    ).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog_edit"))
    expect(description(dialog)).to_have_value(SPLIT["description"])
    expect(dialog.get_by_role("checkbox", name=EN.name("msg_internal_receiving"))).to_be_checked()
    expect(dialog.get_by_role("combobox", name=EN.name("route_menu"))).to_have_text(LEGACY["name"])
    accounts = dialog.get_by_role("group", name=EN.name("account_types"))
    expect(accounts).to_be_hidden()
    save = dialog.get_by_role("button", name=EN.name("save"))
    expect(save).to_be_disabled()

    dialog.get_by_role("button", name=EN.name("show_options")).click()
    expect(accounts.get_by_role("checkbox", name=EN.name("acct_unrecognized"))).to_be_checked()
    expect(accounts.get_by_role("checkbox", name=EN.name("acct_users"))).not_to_be_checked()
    recipients = envelope_side(dialog, "recipients")
    expect(recipients.get_by_role("combobox", name=EN.name("match_menu"))).to_have_text(
        EN.name("match_pattern")
    )
    value = recipients.get_by_role("textbox", name=EN.name("match_value_pattern"))
    expect(value).to_have_value(SPLIT["envelope_filter"]["recipients"]["value"])
    value.fill(r".*@legacy\.example\.com")
    save.click()
    expect(dialog).to_be_hidden()
    updated = sim.state()["routing_rules"][0]
    assert updated["envelope_filter"]["recipients"]["value"] == r".*@legacy\.example\.com"
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("update_rule", SPLIT["description"])
    ]


def test_disable_and_enable_a_rule(page: Page, sim: Any, sample_state: dict[str, Any]) -> None:
    sim.put_state(sample_state)
    other = json.dumps(REJECT, ensure_ascii=False, separators=(",", ":"))
    goto_list(page, ROUTING)
    switch = row(page, EN.name("rules_table"), SPLIT["description"]).get_by_role(
        "switch", name=EN.name("rule_enabled")
    )
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    expect(saved_toast(page)).to_be_visible()
    assert sim.state()["routing_rules"][0]["enabled"] is False
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    expect(switch).to_be_enabled()
    assert sim.state()["routing_rules"][0]["enabled"] is True
    assert [a["action"] for a in sim.audit()] == ["update_rule", "update_rule"]
    assert other in sim.state_text()


def test_a_failed_toggle_is_reported_and_reverted(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    goto_list(page, ROUTING)
    sim.faults({"fail_next_saves": 1, "message": "Service unavailable"})
    switch = row(page, EN.name("rules_table"), SPLIT["description"]).get_by_role("switch")
    switch.click()
    expect(page.get_by_role("alert")).to_have_text("Service unavailable")
    expect(switch).to_have_attribute("aria-checked", "true")
    assert sim.audit() == []


def test_delete_a_rule(page: Page, sim: Any, sample_state: dict[str, Any]) -> None:
    sim.put_state(sample_state)
    goto_list(page, ROUTING)
    row(page, EN.name("rules_table"), REJECT["description"]).get_by_role(
        "button", name=EN.name("delete")
    ).click()
    confirm = page.get_by_role("alertdialog", name=EN.name("delete_rule_title"))
    confirm.get_by_role("button", name=EN.name("delete")).click()
    expect(confirm).to_be_hidden()
    expect(row(page, EN.name("rules_table"), SPLIT["description"])).to_be_visible()
    expect(row(page, EN.name("rules_table"), REJECT["description"])).to_have_count(0)
    assert sim.state()["routing_rules"] == [SPLIT]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("delete_rule", REJECT["description"])
    ]


def _base(d: Locator, desc: str = "New rule") -> None:
    description(d).fill(desc)
    d.get_by_role("checkbox", name=EN.name("msg_inbound")).check()


def _filter(d: Locator, match: str | None, value: str) -> None:
    _base(d)
    d.get_by_role("button", name=EN.name("show_options")).click()
    senders = envelope_side(d, "senders")
    senders.get_by_role("checkbox").check()
    if match:
        choose(senders, EN.name("match_menu"), EN.name(f"match_{match}"))
    senders.get_by_role("textbox", name=EN.name(f"match_value_{match or 'single_address'}")).fill(
        value
    )


def _value(match: str) -> Callable[[Locator], Locator]:
    return lambda d: envelope_side(d, "senders").get_by_role(
        "textbox", name=EN.name(f"match_value_{match}")
    )


Case = tuple[Callable[[Locator], None], Callable[[Locator], Locator], str]
RULE_CASES: dict[str, Case] = {
    "empty description": (
        lambda d: d.get_by_role("checkbox", name=EN.name("msg_inbound")).check(),
        description,
        "err_description_required",
    ),
    "description already used": (
        lambda d: _base(d, SPLIT["description"]),
        description,
        "err_description_taken",
    ),
    "no message type": (
        lambda d: description(d).fill("New rule"),
        lambda d: d.get_by_role("group", name=EN.name("messages_group")),
        "err_messages_required",
    ),
    "no account type": (
        lambda d: (
            _base(d),
            d.get_by_role("button", name=EN.name("show_options")).click(),
            d.get_by_role("checkbox", name=EN.name("acct_users")).uncheck(),
            d.get_by_role("checkbox", name=EN.name("acct_groups")).uncheck(),
        ),
        lambda d: d.get_by_role("group", name=EN.name("account_types")),
        "err_account_types_required",
    ),
    "change route without a route": (
        lambda d: (_base(d), d.get_by_role("checkbox", name=EN.name("change_route")).check()),
        lambda d: d.get_by_role("combobox", name=EN.name("route_menu")),
        "err_route_required",
    ),
    "filter without a value": (
        lambda d: _filter(d, None, "  "),
        _value("single_address"),
        "err_value_required",
    ),
    "not an email address": (
        lambda d: _filter(d, None, "ceo-at-example.com"),
        _value("single_address"),
        "err_email_invalid",
    ),
    "not a group address": (
        lambda d: _filter(d, "group", "sales@"),
        _value("group"),
        "err_email_invalid",
    ),
    "regexp that does not compile": (
        lambda d: _filter(d, "pattern", "(unclosed"),
        _value("pattern"),
        "err_regexp_invalid",
    ),
}


@pytest.mark.parametrize("case", list(RULE_CASES))
def test_invalid_rules_are_refused_in_the_dialog(page: Page, sim: Any, case: str) -> None:
    fill, field, key = RULE_CASES[case]
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    before = sim.state_text()
    dialog = open_add_dialog(page, first=False)
    writes: list[str] = []
    page.on("request", lambda r: writes.append(r.url) if r.method != "GET" else None)
    fill(dialog)
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect_field_error(field(dialog), text("en", key))
    assert writes == []
    assert sim.audit() == [] and sim.state_text() == before


def test_rule_dialog_in_french(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY]})
    page.goto(f"{ROUTING}?hl=fr")
    routing_block(page, FR).get_by_role("button", name=FR.name("configure")).click()
    dialog = page.get_by_role("dialog", name=FR.name("rule_dialog"))
    dialog.get_by_role("button", name=FR.name("save")).click()
    expect_field_error(
        dialog.get_by_role("textbox", name=FR.name("rule_description"), exact=True),
        text("fr", "err_description_required"),
    )
    dialog.get_by_role("textbox", name=FR.name("rule_description"), exact=True).fill("Distribution")
    dialog.get_by_role("checkbox", name=FR.name("msg_internal_receiving")).check()
    dialog.get_by_role("checkbox", name=FR.name("change_route")).check()
    choose(dialog, FR.name("route_menu"), LEGACY["name"])
    dialog.get_by_role("button", name=FR.name("save")).click()
    expect(saved_toast(page, FR)).to_contain_text("jusqu'à 24 heures")
    assert sim.state()["routing_rules"][0]["messages"] == ["internal_receiving"]
