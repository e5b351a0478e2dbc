"""Hosts page: add, edit and delete mail routes through the dialogs, as a user would."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.simulator.i18n import text

from .samples import BALANCED, LEGACY, SPLIT
from .ui import EN, FR, HOSTS, choose, expect_field_error, goto_list, row, saved_toast


def open_add_dialog(page: Page) -> Locator:
    goto_list(page, HOSTS)
    page.get_by_role("button", name=EN.name("add_route")).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog"))
    expect(dialog).to_be_visible()
    return dialog


def textbox(scope: Locator, name: str) -> Locator:
    return scope.get_by_role("textbox", name=name, exact=True)


def host_row(dialog: Locator, table: str, n: int) -> Locator:
    return dialog.get_by_role("group", name=table, exact=True).get_by_role(
        "group", name=EN.name("host_row").format(n=n), exact=True
    )


def fill_row(dialog: Locator, table: str, n: int, host: str, port: str, load: str) -> None:
    group = host_row(dialog, table, n)
    textbox(group, EN.name("host")).fill(host)
    textbox(group, EN.name("port")).fill(port)
    textbox(group, EN.name("load")).fill(load)


def add_row(dialog: Locator, table: str) -> None:
    dialog.get_by_role("group", name=table, exact=True).get_by_role(
        "button", name=EN.name("add_host")
    ).click()


def test_add_a_single_host_route(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(dialog.get_by_role("combobox", name=EN.name("server_menu"))).to_have_text(
        EN.name("single_host")
    )
    port = textbox(dialog, EN.name("port"))
    expect(port).to_have_value("25")
    options = dialog.get_by_role("group", name=EN.name("options"))
    expect(options.get_by_role("checkbox", name=EN.name("mx_lookup"))).not_to_be_checked()
    for key in ("require_tls", "require_ca", "validate_hostname"):
        expect(options.get_by_role("checkbox", name=EN.name(key))).to_be_checked()

    textbox(dialog, EN.name("route_name")).fill("Legacy mail server")
    textbox(dialog, EN.name("host")).fill("mail.legacy.example.com")
    port.fill("2525")
    options.get_by_role("checkbox", name=EN.name("validate_hostname")).uncheck()
    dialog.get_by_role("button", name=EN.name("save")).click()

    expect(dialog).to_be_hidden()
    expect(saved_toast(page)).to_contain_text("Saved. Changes can take up to 24 hours")
    expect(row(page, EN.name("routes_table"), "Legacy mail server")).to_contain_text(
        "mail.legacy.example.com:2525"
    )
    assert sim.state()["routes"] == [
        {
            **LEGACY,
            "server": {"single_host": {"host": "mail.legacy.example.com", "port": 2525}},
            "validate_certificate_hostname": False,
        }
    ]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [
        ("create_route", "Legacy mail server")
    ]


def test_add_a_multiple_hosts_route(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    textbox(dialog, EN.name("route_name")).fill("Balanced")
    choose(dialog, EN.name("server_menu"), EN.name("multiple_hosts"))
    expect(textbox(dialog, EN.name("host"))).to_have_count(1)  # one empty primary row
    secondary = dialog.get_by_role("group", name=EN.name("secondary"))
    expect(secondary.get_by_role("group")).to_have_count(0)
    fill_row(dialog, EN.name("primary"), 1, "a.example.com", "25", "50")
    add_row(dialog, EN.name("primary"))
    fill_row(dialog, EN.name("primary"), 2, "b.example.com", "25", "50")
    add_row(dialog, EN.name("secondary"))
    fill_row(dialog, EN.name("secondary"), 1, "c.example.com", "2525", "100")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(saved_toast(page)).to_be_visible()
    assert sim.state()["routes"] == [BALANCED]


def test_host_rows_are_added_renumbered_removed_and_capped(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    choose(dialog, EN.name("server_menu"), EN.name("multiple_hosts"))
    primary = dialog.get_by_role("group", name=EN.name("primary"), exact=True)
    add = primary.get_by_role("button", name=EN.name("add_host"))
    for n in range(2, 11):
        add.click()
        textbox(host_row(dialog, EN.name("primary"), n), EN.name("host")).fill(f"h{n}.example.com")
    expect(add).to_be_disabled()
    host_row(dialog, EN.name("primary"), 2).get_by_role(
        "button", name=EN.name("remove_host")
    ).click()
    expect(add).to_be_enabled()
    expect(textbox(host_row(dialog, EN.name("primary"), 2), EN.name("host"))).to_have_value(
        "h3.example.com"
    )
    expect(host_row(dialog, EN.name("primary"), 10)).to_have_count(0)
    add_row(dialog, EN.name("secondary"))
    expect(
        host_row(dialog, EN.name("secondary"), 1)
    ).to_be_visible()  # numbering restarts per table


def test_certificate_options_nest_under_tls(page: Page, sim: Any) -> None:
    options = open_add_dialog(page).get_by_role("group", name=EN.name("options"))
    tls = options.get_by_role("checkbox", name=EN.name("require_tls"))
    ca = options.get_by_role("checkbox", name=EN.name("require_ca"))
    hostname = options.get_by_role("checkbox", name=EN.name("validate_hostname"))
    ca.uncheck()
    expect(hostname).to_be_disabled()
    expect(hostname).not_to_be_checked()
    ca.check()
    expect(hostname).to_be_enabled()
    hostname.check()
    tls.uncheck()
    for box in (ca, hostname):
        expect(box).to_be_disabled()
        expect(box).not_to_be_checked()
    tls.check()
    expect(ca).to_be_enabled()
    expect(hostname).to_be_disabled()


def test_test_tls_connection_per_host(page: Page, sim: Any) -> None:
    sim.tls({"old.example.com": "fail"})
    dialog = open_add_dialog(page)
    choose(dialog, EN.name("server_menu"), EN.name("multiple_hosts"))
    fill_row(dialog, EN.name("primary"), 1, "new.example.com", "25", "50")
    add_row(dialog, EN.name("primary"))
    fill_row(dialog, EN.name("primary"), 2, "old.example.com", "25", "50")
    test = dialog.get_by_role("button", name=EN.name("test_tls"))
    test.click()
    expect(dialog.get_by_role("progressbar")).to_be_visible()
    expect(dialog.get_by_role("status")).to_have_text(f"new.example.com: {EN.name('tls_passed')}")
    failed = dialog.get_by_role("alert")
    expect(failed).to_contain_text(f"old.example.com: {EN.name('tls_failed')}")
    expect(failed).to_contain_text(text("en", "tls_bounce_warning"))
    assert sim.audit() == []


def test_edit_a_route_save_waits_for_a_change(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY, BALANCED]})
    goto_list(page, HOSTS)
    row(page, EN.name("routes_table"), "Balanced").get_by_role(
        "button", name=EN.name("edit")
    ).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog_edit"))
    expect(textbox(dialog, EN.name("route_name"))).to_have_value("Balanced")
    expect(dialog.get_by_role("combobox", name=EN.name("server_menu"))).to_have_text(
        EN.name("multiple_hosts")
    )
    expect(textbox(host_row(dialog, EN.name("secondary"), 1), EN.name("port"))).to_have_value(
        "2525"
    )
    save = dialog.get_by_role("button", name=EN.name("save"))
    expect(save).to_be_disabled()
    mx = dialog.get_by_role("checkbox", name=EN.name("mx_lookup"))
    mx.check()
    expect(save).to_be_enabled()
    mx.uncheck()
    expect(save).to_be_disabled()
    textbox(dialog, EN.name("route_name")).fill("Balanced pair")
    save.click()
    expect(dialog).to_be_hidden()
    expect(row(page, EN.name("routes_table"), "Balanced pair")).to_be_visible()
    assert sim.state()["routes"] == [LEGACY, {**BALANCED, "name": "Balanced pair"}]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [("update_route", "Balanced pair")]


def test_unmanaged_routes_stay_byte_for_byte(
    page: Page, sim: Any, sample_state: dict[str, Any]
) -> None:
    sim.put_state(sample_state)
    untouched = [
        json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        for entry in (sample_state["routes"][0], *sample_state["routing_rules"])
    ]
    goto_list(page, HOSTS)
    row(page, EN.name("routes_table"), "Balanced").get_by_role(
        "button", name=EN.name("edit")
    ).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog_edit"))
    textbox(host_row(dialog, EN.name("secondary"), 1), EN.name("port")).fill("587")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    after = sim.state_text()
    assert '"port":587' in after
    assert all(entry in after for entry in untouched)


def test_the_list_shows_only_its_routes_and_no_stray_text(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY, BALANCED]})
    goto_list(page, HOSTS)
    expect(row(page, EN.name("routes_table"), "Balanced")).to_be_visible()
    expect(page.get_by_text("null")).to_have_count(0)
    expect(page.get_by_text("undefined")).to_have_count(0)


def test_delete_a_route_after_confirmation(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY, BALANCED]})
    goto_list(page, HOSTS)
    row(page, EN.name("routes_table"), "Balanced").get_by_role(
        "button", name=EN.name("delete")
    ).click()
    confirm = page.get_by_role("alertdialog", name=EN.name("delete_route_title"))
    confirm.get_by_role("button", name=EN.name("cancel")).click()
    expect(confirm).to_be_hidden()
    assert len(sim.state()["routes"]) == 2

    row(page, EN.name("routes_table"), "Balanced").get_by_role(
        "button", name=EN.name("delete")
    ).click()
    confirm.get_by_role("button", name=EN.name("delete")).click()
    expect(confirm).to_be_hidden()
    expect(row(page, EN.name("routes_table"), LEGACY["name"])).to_be_visible()
    expect(row(page, EN.name("routes_table"), "Balanced")).to_have_count(0)
    assert sim.state()["routes"] == [LEGACY]
    assert [(a["action"], a["name"]) for a in sim.audit()] == [("delete_route", "Balanced")]


def test_a_route_in_use_is_not_deleted(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    goto_list(page, HOSTS)
    row(page, EN.name("routes_table"), LEGACY["name"]).get_by_role(
        "button", name=EN.name("delete")
    ).click()
    confirm = page.get_by_role("alertdialog", name=EN.name("delete_route_title"))
    confirm.get_by_role("button", name=EN.name("delete")).click()
    expect(confirm.get_by_role("alert")).to_have_text(text("en", "err_route_in_use"))
    assert sim.audit() == []


def _multiple(dialog: Locator, rows: list[tuple[str, str, str]]) -> None:
    choose(dialog, EN.name("server_menu"), EN.name("multiple_hosts"))
    for n, values in enumerate(rows, start=1):
        if n > 1:
            add_row(dialog, EN.name("primary"))
        fill_row(dialog, EN.name("primary"), n, *values)


def _primary_load(n: int) -> Callable[[Locator], Locator]:
    return lambda d: textbox(host_row(d, EN.name("primary"), n), EN.name("load"))


Case = tuple[Callable[[Locator], None], Callable[[Locator], Locator], str]
ROUTE_CASES: dict[str, Case] = {
    "empty name": (
        lambda d: textbox(d, EN.name("host")).fill("mail.example.com"),
        lambda d: textbox(d, EN.name("route_name")),
        "err_name_required",
    ),
    "name already used": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill(LEGACY["name"]),
            textbox(d, EN.name("host")).fill("x.example.com"),
        ),
        lambda d: textbox(d, EN.name("route_name")),
        "err_name_taken",
    ),
    "empty host": (
        lambda d: textbox(d, EN.name("route_name")).fill("New"),
        lambda d: textbox(d, EN.name("host")),
        "err_host_required",
    ),
    "port not a number": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill("New"),
            textbox(d, EN.name("host")).fill("x.example.com"),
            textbox(d, EN.name("port")).fill("twenty-five"),
        ),
        lambda d: textbox(d, EN.name("port")),
        "err_port_invalid",
    ),
    "port 465": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill("New"),
            textbox(d, EN.name("host")).fill("x.example.com"),
            textbox(d, EN.name("port")).fill("465"),
        ),
        lambda d: textbox(d, EN.name("port")),
        "err_port_465",
    ),
    "port out of range": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill("New"),
            textbox(d, EN.name("host")).fill("x.example.com"),
            textbox(d, EN.name("port")).fill("1023"),
        ),
        lambda d: textbox(d, EN.name("port")),
        "err_port_invalid",
    ),
    "loads not totalling 100": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill("New"),
            _multiple(d, [("a.example.com", "25", "60"), ("b.example.com", "25", "30")]),
        ),
        _primary_load(2),
        "err_load_total",
    ),
    "load out of range": (
        lambda d: (
            textbox(d, EN.name("route_name")).fill("New"),
            _multiple(d, [("a.example.com", "25", "0")]),
        ),
        _primary_load(1),
        "err_load_invalid",
    ),
}


@pytest.mark.parametrize("case", list(ROUTE_CASES))
def test_invalid_routes_are_refused_in_the_dialog(page: Page, sim: Any, case: str) -> None:
    fill, field, key = ROUTE_CASES[case]
    sim.put_state({"routes": [LEGACY]})
    before = sim.state_text()
    dialog = open_add_dialog(page)
    writes: list[str] = []
    page.on("request", lambda r: writes.append(r.url) if r.method != "GET" else None)
    fill(dialog)
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect_field_error(field(dialog), text("en", key))
    expect(dialog).to_be_visible()
    assert writes == []
    assert sim.audit() == [] and sim.state_text() == before


def test_errors_are_in_the_page_language(page: Page, sim: Any) -> None:
    page.goto(f"{HOSTS}?hl=fr")
    page.get_by_role("button", name=FR.name("add_route")).click()
    dialog = page.get_by_role("dialog", name=FR.name("route_dialog"))
    dialog.get_by_role("textbox", name=FR.name("port"), exact=True).fill("465")
    dialog.get_by_role("button", name=FR.name("save")).click()
    expect_field_error(
        dialog.get_by_role("textbox", name=FR.name("route_name"), exact=True),
        text("fr", "err_name_required"),
    )
    expect_field_error(
        dialog.get_by_role("textbox", name=FR.name("port"), exact=True), text("fr", "err_port_465")
    )


def test_server_validation_is_shown_when_the_page_could_not_know(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    sim.put_state({"routes": [LEGACY]})  # someone else adds the same name meanwhile
    textbox(dialog, EN.name("route_name")).fill(LEGACY["name"])
    textbox(dialog, EN.name("host")).fill("x.example.com")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog.get_by_role("alert")).to_have_text(text("en", "err_name_taken"))
    expect(dialog.get_by_role("button", name=EN.name("save"))).to_be_enabled()
    assert sim.audit() == []


def test_a_failed_save_keeps_the_dialog_open(page: Page, sim: Any) -> None:
    sim.faults({"fail_next_saves": 1, "latency_ms": [600, 600]})
    dialog = open_add_dialog(page)
    textbox(dialog, EN.name("route_name")).fill("Legacy mail server")
    textbox(dialog, EN.name("host")).fill("mail.legacy.example.com")
    save = dialog.get_by_role("button", name=EN.name("save"))
    save.click()
    expect(save).to_be_disabled()
    expect(dialog.get_by_role("progressbar")).to_be_visible()
    expect(dialog.get_by_role("alert")).to_have_text("We couldn't save your changes. Try again.")
    expect(save).to_be_enabled()
    assert sim.audit() == []
    save.click()
    expect(dialog).to_be_hidden()
    expect(saved_toast(page)).to_be_visible()
    assert sim.state()["routes"] == [LEGACY]


def test_escape_and_cancel_close_without_saving(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    textbox(dialog, EN.name("route_name")).fill("Never saved")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name=EN.name("add_route")).click()
    expect(textbox(dialog, EN.name("route_name"))).to_have_value("")
    dialog.get_by_role("button", name=EN.name("cancel")).click()
    expect(dialog).to_be_hidden()
    assert sim.audit() == []
    expect(page.get_by_text(text("en", "no_routes"))).to_be_visible()


def test_server_menu_works_from_the_keyboard(page: Page, sim: Any) -> None:
    dialog = open_add_dialog(page)
    menu = dialog.get_by_role("combobox", name=EN.name("server_menu"))
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(dialog.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(menu).to_have_text(EN.name("multiple_hosts"))
    expect(dialog.get_by_role("group", name=EN.name("primary"))).to_be_visible()
    page.keyboard.press("Space")
    page.keyboard.press("Escape")  # closes the listbox, not the dialog
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(dialog).to_be_visible()
