"""The Modify / Reject options of the Add setting dialog: validation where the console has it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.locales import Labels
from runbook.simulator.i18n import text

from .samples import LEGACY
from .ui import EN, FR, ROUTING, expect_field_error, goto_list


def open_add(page: Page, labels: Labels) -> Locator:
    goto_list(page, ROUTING, labels)
    section = page.get_by_role("region", name=labels.name("routing_heading"))
    section.get_by_role("button", name=labels.name("configure")).click()
    dialog = page.get_by_role("dialog", name=labels.name("rule_dialog"))
    expect(dialog).to_be_visible()
    dialog.get_by_role("textbox", name=labels.name("rule_description"), exact=True).fill("New")
    dialog.get_by_role("checkbox", name=labels.name("msg_inbound"), exact=True).check()
    return dialog


def group(dialog: Locator, labels: Labels, key: str) -> Locator:
    return dialog.get_by_role("group", name=labels.name(key), exact=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("labels", [EN, FR], ids=["en", "fr"])
def test_options_are_checked_next_to_their_fields(page: Page, sim: Any, labels: Labels) -> None:
    sim.put_state({"routes": [LEGACY]})
    locale = labels.locale
    dialog = open_add(page, labels)
    # A header key with a space is refused in the Add sub-dialog, which stays open.
    headers = group(dialog, labels, "headers_group")
    headers.get_by_role("checkbox", name=labels.name("hdr_custom")).check()
    headers.get_by_role("button", name=labels.name("add_item"), exact=True).click()
    sub = page.get_by_role("dialog", name=labels.name("header_dialog"))
    key = sub.get_by_role("textbox", name=labels.name("header_key"))
    key.fill("X Bad")
    sub.get_by_role("button", name=labels.name("save"), exact=True).click()
    expect_field_error(key, text(locale, "err_header_key_invalid"))
    sub.get_by_role("button", name=labels.name("cancel"), exact=True).click()
    expect(sub).to_be_hidden()
    # A recipient needs a valid address.
    deliver = group(dialog, labels, "deliver_group")
    deliver.get_by_role("checkbox", name=labels.name("add_recipients")).check()
    deliver.get_by_role("button", name=labels.name("add_item"), exact=True).click()
    sub = page.get_by_role("dialog", name=labels.name("recipient_dialog"))
    address = sub.get_by_role("textbox", name=labels.name("recipient_address"))
    address.fill("not-an-address")
    sub.get_by_role("button", name=labels.name("save"), exact=True).click()
    expect_field_error(address, text(locale, "err_email_invalid"))
    sub.get_by_role("button", name=labels.name("cancel"), exact=True).click()
    # Ticked options without their values: nothing is saved, each error at its field.
    subject = group(dialog, labels, "subject_group")
    subject.get_by_role("checkbox", name=labels.name("prepend_subject")).check()
    route = group(dialog, labels, "route_group")
    route.get_by_role("checkbox", name=labels.name("change_route")).check()
    envelope = group(dialog, labels, "envelope_recipient_group")
    envelope.get_by_role("checkbox", name=labels.name("change_envelope")).check()
    dialog.get_by_role("button", name=labels.name("save"), exact=True).click()
    expect_field_error(
        subject.get_by_role("textbox", name=labels.name("subject_text")),
        text(locale, "err_subject_required"),
    )
    expect_field_error(
        route.get_by_role("combobox", name=labels.name("route_menu")),
        text(locale, "err_route_required"),
    )
    expect_field_error(
        envelope.get_by_role("textbox", name=labels.name("envelope_value_recipient")),
        text(locale, "err_value_required"),
    )
    expect(
        deliver.get_by_role("checkbox", name=labels.name("add_recipients"))
    ).to_have_accessible_description(text(locale, "err_recipients_required"))
    assert sim.audit() == []


def test_reject_hides_the_modify_options_and_keeps_its_notice(page: Page, sim: Any) -> None:
    dialog = open_add(page, EN)
    dialog.get_by_role("combobox", name=EN.name("action_menu")).click()
    dialog.get_by_role("option", name=EN.name("reject_message")).click()
    expect(group(dialog, EN, "headers_group")).to_be_hidden()
    notice = dialog.get_by_role("textbox", name=EN.name("rejection_notice"))
    notice.fill("Gone.")
    dialog.get_by_role("button", name=EN.name("save"), exact=True).click()
    expect(dialog).to_be_hidden()
    [rule] = sim.state()["routing_rules"]
    assert (rule["action"], rule["rejection_notice"]) == ("reject_message", "Gone.")
    assert rule["also_deliver_to"] == [] and rule["change_route"] is None
