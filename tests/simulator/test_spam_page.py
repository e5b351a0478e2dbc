"""The Spam, phishing and malware page in a browser, found by role and name as a page object
would: each section a region with its own Save; Inherited / Override / Overridden / Inherit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.simulator.i18n import text

PATH = "/ac/apps/gmail/spam"
KEYS = {
    "link": "nav_spam",
    "heading": "spam_heading",
    "allowlist": "spam_allowlist",
    "ips": "spam_allowlist_ips",
    "scanning": "spam_pre_delivery",
    "scan_check": "spam_pre_delivery_check",
    "spoofing": "spam_spoofing",
    "action": "spam_spoofing_action",
    "warn": "spam_action_warn",
    "to_spam": "spam_action_spam",
    "quarantine": "spam_action_quarantine",
    "employees": "spam_employee_names",
    "future": "spam_future_settings",
    "inbound": "spam_inbound",
    "question": "spam_inbound_question",
    "all": "spam_inbound_all",
    "external": "spam_inbound_external",
    "filter": "spam_filter",
    "filter_dialog": "spam_filter_dialog",
    "aggressive": "spam_aggressive",
    "bypass": "spam_bypass_internal",
    "admin_quarantine": "spam_admin_quarantine",
    "notify": "spam_notify",
    "notify_admins": "spam_notify_admins",
    "configure": "configure",
    "on": "setting_on",
    "off": "setting_off",
    "save": "save",
    "cancel": "cancel",
    "override": "settings_override",
    "inherit": "settings_inherit",
    "inherit_title": "settings_inherit_title",
    "local": "status_local",
    "inherited": "status_inherited",
    "overridden": "status_overridden",
    "loading": "loading",
    "main_menu": "main_menu",
    "apps": "nav_apps",
    "workspace": "nav_workspace",
    "gmail": "nav_gmail",
}
NAMES = {loc: {k: text(loc, key) for k, key in KEYS.items()} for loc in ("en", "fr")}
EN = NAMES["en"]


def open_page(page: Page, locale: str = "en", prefix: str = "") -> dict[str, str]:
    names = NAMES[locale]
    page.goto(prefix + PATH + ("?hl=fr" if locale == "fr" else ""))
    expect(region(page, names, "inbound")).to_be_visible()
    expect(page.get_by_role("progressbar", name=names["loading"])).to_have_count(0)
    return names


def region(page: Page, names: dict[str, str], key: str) -> Locator:
    return page.get_by_role("region", name=names[key], exact=True)


def button(scope: Page | Locator, names: dict[str, str], key: str) -> Locator:
    return scope.get_by_role("button", name=names[key], exact=True)


def pick_ou(page: Page, name: str) -> None:
    page.get_by_role("tree").get_by_role("treeitem", name=name, exact=True).click()
    expect(page.get_by_role("progressbar", name=EN["loading"])).to_have_count(0)


def save_section(section: Locator, names: dict[str, str]) -> None:
    button(section, names, "save").click()
    expect(button(section, names, "save")).to_be_disabled()
    expect(section.get_by_role("progressbar")).to_be_hidden()


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_from_the_main_menu_every_control_by_role_and_name(
    page: Page, sim: Any, locale: str
) -> None:
    names = NAMES[locale]
    page.goto("/ac" + ("?hl=fr" if locale == "fr" else ""))
    button(page, names, "main_menu").click()
    nav = page.get_by_role("navigation", name=names["main_menu"])
    for branch in ("apps", "workspace", "gmail"):
        button(nav, names, branch).click()
    nav.get_by_role("link", name=names["link"], exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(PATH)))
    expect(page.get_by_role("heading", name=names["heading"], level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(f"^{re.escape(names['heading'])} - "))
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text(
        [names[k] for k in ("allowlist", "scanning", "spoofing", "inbound", "filter", "notify")]
    )

    allow = region(page, names, "allowlist")
    expect(allow.get_by_role("textbox", name=names["ips"], exact=True)).to_have_value("")
    scan = region(page, names, "scanning")
    expect(scan.get_by_role("checkbox", name=names["scan_check"], exact=True)).to_be_checked()
    spoof = region(page, names, "spoofing")
    menu = spoof.get_by_role("combobox", name=names["action"], exact=True)
    expect(menu).to_have_text(names["warn"])
    menu.click()
    expect(spoof.get_by_role("option")).to_have_text(
        [names["warn"], names["to_spam"], names["quarantine"]]
    )
    page.keyboard.press("Escape")
    expect(spoof.get_by_role("checkbox", name=names["employees"], exact=True)).not_to_be_checked()
    expect(spoof.get_by_role("checkbox", name=names["future"], exact=True)).not_to_be_checked()
    group = region(page, names, "inbound").get_by_role("radiogroup", name=names["question"])
    expect(group.get_by_role("radio", name=names["all"], exact=True)).to_be_checked()
    expect(group.get_by_role("radio", name=names["external"], exact=True)).not_to_be_checked()
    for key in ("allowlist", "scanning", "spoofing", "inbound"):
        section = region(page, names, key)
        expect(section.get_by_role("status")).to_have_text(names["local"])
        expect(button(section, names, "save")).to_be_disabled()
        expect(button(section, names, "cancel")).to_be_disabled()
        expect(button(section, names, "override")).to_have_count(0)
        expect(button(section, names, "inherit")).to_have_count(0)


def test_save_is_enabled_by_a_change_and_saves_its_section_alone(page: Page, sim: Any) -> None:
    names = open_page(page)
    spoof = region(page, names, "spoofing")
    save, cancel = button(spoof, names, "save"), button(spoof, names, "cancel")
    employees = spoof.get_by_role("checkbox", name=names["employees"], exact=True)
    employees.check()
    expect(save).to_be_enabled()
    employees.uncheck()  # back as it was: nothing to save
    expect(save).to_be_disabled()
    spoof.get_by_role("combobox", name=names["action"], exact=True).click()
    spoof.get_by_role("option", name=names["quarantine"], exact=True).click()
    expect(save).to_be_enabled()
    expect(button(region(page, names, "inbound"), names, "save")).to_be_disabled()
    cancel.click()
    expect(spoof.get_by_role("combobox", name=names["action"], exact=True)).to_have_text(
        names["warn"]
    )
    expect(save).to_be_disabled()

    spoof.get_by_role("combobox", name=names["action"], exact=True).click()
    spoof.get_by_role("option", name=names["to_spam"], exact=True).click()
    employees.check()
    sim.faults({"latency_ms": [300, 300]})
    save.click()
    expect(spoof.get_by_role("progressbar")).to_be_visible()  # saving, the section busy
    expect(employees).to_be_disabled()
    expect(page.get_by_role("status").filter(has_text=text("en", "saved_note"))).to_be_visible()
    expect(save).to_be_disabled()
    assert sim.state()["gmail_settings"] == {
        "spam": {
            "/": {
                "spoofing": {"action": "spam", "employee_names": True, "future_recommended": False}
            }
        }
    }
    assert [(a["action"], a["name"]) for a in sim.audit()] == [("update_setting", "spoofing")]
    page.reload()
    expect(spoof.get_by_role("combobox", name=names["action"], exact=True)).to_have_text(
        names["to_spam"]
    )


def test_the_radio_group_and_the_text_box_save(page: Page, sim: Any) -> None:
    names = open_page(page)
    inbound = region(page, names, "inbound")
    inbound.get_by_role("radio", name=names["external"], exact=True).check()
    save_section(inbound, names)
    allow = region(page, names, "allowlist")
    allow.get_by_role("textbox", name=names["ips"], exact=True).fill("192.0.2.10 203.0.113.0/24")
    save_section(allow, names)
    expect(allow.get_by_role("textbox", name=names["ips"])).to_have_value(
        "192.0.2.10, 203.0.113.0/24"
    )
    assert sim.state()["gmail_settings"]["spam"]["/"] == {
        "inbound": {"scope": "external"},
        "allowlist": {"ip_addresses": ["192.0.2.10", "203.0.113.0/24"]},
    }


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_refused_value_shows_as_an_alert_in_its_section(
    page: Page, sim: Any, locale: str
) -> None:
    names = open_page(page, locale)
    allow = region(page, names, "allowlist")
    box = allow.get_by_role("textbox", name=names["ips"], exact=True)
    box.fill("192.0.2.1, 192.0.2.999")
    button(allow, names, "save").click()
    message = text(locale, "err_spam_ip_invalid", value="192.0.2.999")
    expect(allow.get_by_role("alert")).to_have_text(message)
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_value("192.0.2.1, 192.0.2.999")  # kept for correcting
    expect(button(allow, names, "save")).to_be_enabled()
    assert sim.audit() == []
    box.fill("192.0.2.9")
    button(allow, names, "save").click()
    expect(allow.get_by_role("alert")).to_have_count(0)
    expect(box).not_to_have_attribute("aria-invalid", "true")


def test_a_failed_save_says_so_and_can_be_saved_again(page: Page, sim: Any) -> None:
    names = open_page(page)
    sim.faults({"fail_next_saves": 1})
    scan = region(page, names, "scanning")
    scan.get_by_role("checkbox", name=names["scan_check"]).uncheck()
    button(scan, names, "save").click()
    expect(scan.get_by_role("alert")).to_have_text(text("en", "err_save_failed"))
    save_section(scan, names)
    assert sim.state()["gmail_settings"]["spam"]["/"] == {
        "pre_delivery_scanning": {"enabled": False}
    }


def test_inherited_override_overridden_inherit_in_a_child_ou(page: Page, sim: Any) -> None:
    sim.put_state(
        {
            "org_units": ["/Sales", "/Sales/EMEA"],
            "gmail_settings": {"spam": {"/": {"spoofing": {"action": "spam"}}}},
        }
    )
    names = open_page(page)
    pick_ou(page, "Sales")
    spoof = region(page, names, "spoofing")
    menu = spoof.get_by_role("combobox", name=names["action"], exact=True)
    expect(spoof.get_by_role("status")).to_have_text(names["inherited"])
    expect(menu).to_have_text(names["to_spam"])  # the parent's value flows down
    expect(menu).to_be_disabled()
    expect(spoof.get_by_role("checkbox", name=names["employees"])).to_be_disabled()
    expect(button(spoof, names, "save")).to_be_disabled()

    button(spoof, names, "override").click()
    expect(menu).to_be_enabled()
    menu.click()
    spoof.get_by_role("option", name=names["quarantine"], exact=True).click()
    save_section(spoof, names)
    expect(spoof.get_by_role("status")).to_have_text(names["overridden"])
    expect(button(spoof, names, "inherit")).to_be_visible()
    expect(button(spoof, names, "override")).to_have_count(0)
    assert sim.state()["gmail_settings"]["spam"]["/Sales"]["spoofing"]["action"] == "quarantine"

    pick_ou(page, "EMEA")  # below Sales: Sales's values
    expect(menu).to_have_text(names["quarantine"])
    expect(spoof.get_by_role("status")).to_have_text(names["inherited"])

    pick_ou(page, "Sales")
    button(spoof, names, "inherit").click()
    dialog = page.get_by_role("alertdialog", name=names["inherit_title"])
    expect(dialog).to_contain_text(names["spoofing"])
    button(dialog, names, "inherit").click()
    expect(dialog).to_have_count(0)
    expect(spoof.get_by_role("status")).to_have_text(names["inherited"])
    expect(menu).to_have_text(names["to_spam"])
    expect(menu).to_be_disabled()
    assert "/Sales" not in sim.state()["gmail_settings"]["spam"]
    actions = [(a["action"], a["name"], a.get("org_unit")) for a in sim.audit()]
    assert actions == [
        ("override_setting", "spoofing", "/Sales"),
        ("inherit_setting", "spoofing", "/Sales"),
    ]


def test_override_then_cancel_goes_back_to_inherited(page: Page, sim: Any) -> None:
    names = open_page(page, "fr")
    pick_ou(page, "Sales")
    inbound = region(page, names, "inbound")
    button(inbound, names, "override").click()
    expect(button(inbound, names, "save")).to_be_enabled()  # overriding is a change
    inbound.get_by_role("radio", name=names["external"]).check()
    button(inbound, names, "cancel").click()
    expect(inbound.get_by_role("radio", name=names["all"])).to_be_checked()
    expect(inbound.get_by_role("radio", name=names["all"])).to_be_disabled()
    expect(button(inbound, names, "override")).to_be_visible()
    assert sim.audit() == []


def test_a_save_at_the_top_flows_to_a_child_that_inherits(page: Page, sim: Any) -> None:
    names = open_page(page, prefix="/u/1")
    scan = region(page, names, "scanning")
    scan.get_by_role("checkbox", name=names["scan_check"]).uncheck()
    save_section(scan, names)
    pick_ou(page, "Sales")
    expect(scan.get_by_role("checkbox", name=names["scan_check"])).not_to_be_checked()
    expect(scan.get_by_role("status")).to_have_text(names["inherited"])
    expect(page).to_have_url(re.compile(r"/u/1/ac/apps/gmail/spam"))


def test_under_the_caps_and_page_not_inert_variants(page: Page, sim: Any) -> None:
    sim.variants(["caps", "page-not-inert", "banner"])
    names = open_page(page)
    page.get_by_role("button", name=text("en", "banner_got_it").upper()).click()
    pick_ou(page, "Sales")
    inbound = region(page, names, "inbound")
    inbound.get_by_role("button", name="OVERRIDE", exact=True).click()
    inbound.get_by_role("radio", name=names["external"]).check()
    inbound.get_by_role("button", name="SAVE", exact=True).click()
    expect(inbound.get_by_role("status")).to_have_text(names["overridden"])
    inbound.get_by_role("button", name="INHERIT", exact=True).click()
    dialog = page.get_by_role("alertdialog", name=names["inherit_title"])
    expect(region(page, names, "inbound")).to_be_visible()  # the page stays in the tree
    dialog.get_by_role("button", name="INHERIT", exact=True).click()
    expect(inbound.get_by_role("status")).to_have_text(names["inherited"])
    assert [a["action"] for a in sim.audit()] == ["override_setting", "inherit_setting"]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_section_edited_in_a_dialog_its_configure_cancel_and_save(
    page: Page, sim: Any, locale: str
) -> None:
    names = open_page(page, locale)
    section = region(page, names, "filter")
    expect(section.get_by_role("checkbox")).to_have_count(0)  # the controls are in the dialog
    expect(section).to_contain_text(f"{names['aggressive']}{names['off']}")
    button(section, names, "configure").click()
    dialog = page.get_by_role("dialog", name=names["filter_dialog"])
    aggressive = dialog.get_by_role("checkbox", name=names["aggressive"], exact=True)
    expect(aggressive).not_to_be_checked()
    expect(button(dialog, names, "save")).to_be_disabled()
    aggressive.check()
    button(dialog, names, "cancel").click()  # cancelled: nothing saved
    expect(dialog).to_have_count(0)
    assert sim.audit() == []

    button(section, names, "configure").click()
    expect(aggressive).not_to_be_checked()
    aggressive.check()
    dialog.get_by_role("checkbox", name=names["admin_quarantine"], exact=True).check()
    button(dialog, names, "save").click()
    expect(dialog).to_have_count(0)
    expect(section).to_contain_text(f"{names['aggressive']}{names['on']}")
    assert sim.state()["gmail_settings"]["spam"]["/"] == {
        "spam_filter": {"aggressive": True, "bypass_internal": False, "admin_quarantine": True}
    }

    pick_ou(page, "Sales")  # a child OU: inherited; saving in the dialog overrides it
    expect(section.get_by_role("status")).to_have_text(names["inherited"])
    expect(button(section, names, "override")).to_have_count(0)
    button(section, names, "configure").click()
    aggressive.uncheck()
    button(dialog, names, "save").click()
    expect(section.get_by_role("status")).to_have_text(names["overridden"])
    expect(button(section, names, "inherit")).to_be_visible()
    assert [a["action"] for a in sim.audit()] == ["update_setting", "override_setting"]


def test_a_section_that_saves_each_change_has_no_save_and_puts_a_refused_change_back(
    page: Page, sim: Any
) -> None:
    names = open_page(page)
    section = region(page, names, "notify")
    switch = section.get_by_role("switch", name=names["notify_admins"], exact=True)
    expect(button(section, names, "save")).to_have_count(0)
    expect(switch).not_to_be_checked()
    switch.click()
    expect(switch).to_be_checked()
    expect(section.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text=text("en", "saved_toast"))).to_be_visible()
    assert sim.state()["gmail_settings"]["spam"]["/"] == {
        "quarantine_notifications": {"notify_admins": True}
    }

    sim.faults({"fail_next_saves": 1})
    switch.click()
    expect(section.get_by_role("alert")).to_have_text(text("en", "err_save_failed"))
    expect(switch).to_be_checked()  # not saved: as it was

    pick_ou(page, "Sales")  # inherited, yet a change overrides it at once
    expect(switch).to_be_enabled()
    switch.click()
    expect(section.get_by_role("status")).to_have_text(names["overridden"])
    assert sim.state()["gmail_settings"]["spam"]["/Sales"] == {
        "quarantine_notifications": {"notify_admins": False}
    }
