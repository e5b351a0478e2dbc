"""The Authenticate email (DKIM) page in a browser, found by role and name as a page object would.

The names are the contract with `runbook`'s page objects (reference: dkim.md; the French
ones marked [?] there are the simulator's guesses, one entry each in its locale file).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.simulator.i18n import text
from tests.dnsmasq import DnsServer

PATH = "/ac/apps/gmail/authenticateemail"
NAMES = {
    "en": {
        "main_menu": "Main menu",
        "path": ("Apps", "Google Workspace", "Gmail"),
        "link": "Authenticate email",
        "heading": "Authenticate email",
        "domain": "Selected domain",
        "on": "Authenticating email with DKIM",
        "off": "Not authenticating email",
        "host": "DNS Host name (TXT record name)",
        "value": "TXT record value",
        "generate_record": "Generate new record",
        "start": "Start authentication",
        "stop": "Stop authentication",
        "bits": "DKIM key bit length",
        "selector": "Prefix selector",
        "generate": "Generate",
        "cancel": "Cancel",
        "loading": "Loading",
    },
    "fr": {
        "main_menu": "Menu principal",
        "path": ("Applications", "Google Workspace", "Gmail"),
        "link": "Authentifier les e-mails",
        "heading": "Authentifier les e-mails",
        "domain": "Domaine sélectionné",
        "on": "Authentification des e-mails avec DKIM",
        "off": "Les e-mails ne sont pas authentifiés",
        "host": "Nom d'hôte DNS (nom de l'enregistrement TXT)",
        "value": "Valeur de l'enregistrement TXT",
        "generate_record": "Générer un nouvel enregistrement",
        "start": "Commencer l'authentification",
        "stop": "Arrêter l'authentification",
        "bits": "Longueur en bits de la clé DKIM",
        "selector": "Préfixe du sélecteur",
        "generate": "Générer",
        "cancel": "Annuler",
        "loading": "Chargement",
    },
}
EN = NAMES["en"]
THREE = [
    {"name": "example.com", "kind": "primary"},
    {"name": "example.org", "kind": "secondary"},
    {"name": "example.net", "kind": "alias"},
]


def open_page(page: Page, locale: str = "en") -> dict[str, Any]:
    """Open the page and wait for the selected domain to show; the locale's names."""
    names = NAMES[locale]
    page.goto(PATH + ("?hl=fr" if locale == "fr" else ""))
    expect(page.get_by_role("combobox", name=names["domain"], exact=True)).to_be_visible()
    expect(page.get_by_role("progressbar", name=names["loading"])).to_have_count(0)
    return names


def field(page: Page, names: dict[str, Any], key: str) -> Locator:
    return page.get_by_role("textbox", name=names[key], exact=True)


def button(page: Page | Locator, names: dict[str, Any], key: str) -> Locator:
    return page.get_by_role("button", name=names[key], exact=True)


def status(page: Page) -> Locator:
    return page.get_by_role("main").get_by_role("status")


def generate(page: Page, names: dict[str, Any], *, bits: str = "2048", selector: str = "") -> None:
    """Generate new record through the dialog; returns once the dialog closed."""
    button(page, names, "generate_record").click()
    dialog = page.get_by_role("dialog", name=names["generate_record"])
    if bits != "2048":
        dialog.get_by_role("combobox", name=names["bits"], exact=True).click()
        dialog.get_by_role("option", name=bits, exact=True).click()
    if selector:
        dialog.get_by_role("textbox", name=names["selector"], exact=True).fill(selector)
    button(dialog, names, "generate").click()
    expect(dialog).to_have_count(0)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_page_from_the_main_menu_with_every_control_named(
    page: Page, sim: Any, locale: str
) -> None:
    sim.domains(THREE)
    names = NAMES[locale]
    page.goto("/ac" + ("?hl=fr" if locale == "fr" else ""))
    button(page, names, "main_menu").click()
    nav = page.get_by_role("navigation", name=names["main_menu"])
    for branch in names["path"]:
        nav.get_by_role("button", name=branch, exact=True).click()
    nav.get_by_role("link", name=names["link"], exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(PATH)))
    expect(page.get_by_role("heading", name=names["heading"], level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(f"^{re.escape(names['heading'])} - "))

    menu = page.get_by_role("combobox", name=names["domain"], exact=True)
    expect(menu).to_have_text("example.com")  # the primary domain first
    menu.click()
    options = page.get_by_role("listbox", name=names["domain"]).get_by_role("option")
    expect(options).to_have_text(["example.com", "example.org", "example.net"])
    page.keyboard.press("Escape")

    expect(status(page)).to_have_text(names["off"])
    expect(field(page, names, "host")).to_have_value("")  # no key: blank
    expect(field(page, names, "value")).to_have_value("")
    expect(button(page, names, "generate_record")).to_be_enabled()
    expect(button(page, names, "start")).to_be_disabled()

    button(page, names, "generate_record").click()
    dialog = page.get_by_role("dialog", name=names["generate_record"])
    expect(dialog.get_by_role("combobox", name=names["bits"], exact=True)).to_have_text("2048")
    dialog.get_by_role("combobox", name=names["bits"], exact=True).click()
    expect(dialog.get_by_role("option")).to_have_text(["2048", "1024"])
    page.keyboard.press("Escape")
    expect(dialog.get_by_role("textbox", name=names["selector"], exact=True)).to_have_value(
        "google"
    )
    expect(button(dialog, names, "generate")).to_be_enabled()
    button(dialog, names, "cancel").click()
    expect(dialog).to_have_count(0)
    assert sim.audit() == []


def test_generate_start_and_stop_through_the_page(page: Page, sim: Any, dns: DnsServer) -> None:
    sim.domains(THREE)
    sim.dns(dns.address)
    names = open_page(page)
    generate(page, names)
    expect(
        page.get_by_role("status").filter(has_text="DKIM authentication settings updated")
    ).to_be_visible()
    expect(field(page, names, "host")).to_have_value("google._domainkey")
    value = field(page, names, "value").input_value()
    assert value.startswith("v=DKIM1; k=rsa; p=") and len(value) > 255
    assert sim.domains()[0]["dkim"]["txt_value"] == value

    button(page, names, "start").click()  # not in DNS yet
    alert = page.get_by_role("main").get_by_role("alert")
    expect(alert).to_have_text(
        text("en", "err_dkim_not_found", record="google._domainkey.example.com")
    )
    expect(status(page)).to_have_text(names["off"])

    dns.publish_value("google._domainkey.example.com", value)
    button(page, names, "start").click()
    expect(status(page)).to_have_text(names["on"])
    expect(alert).to_have_count(0)
    expect(button(page, names, "stop")).to_be_enabled()
    expect(button(page, names, "start")).to_have_count(0)

    button(page, names, "stop").click()
    expect(status(page)).to_have_text(names["off"])
    expect(button(page, names, "start")).to_be_enabled()
    page.reload()
    expect(status(page)).to_have_text(names["off"])
    expect(field(page, names, "value")).to_have_value(value)
    actions = [(a["action"], a["name"]) for a in sim.audit()]
    assert actions == [
        ("generate_dkim", "example.com"),
        ("start_dkim", "example.com"),
        ("stop_dkim", "example.com"),
    ]


def test_each_domain_shows_its_own_record(page: Page, sim: Any) -> None:
    sim.domains(
        [
            THREE[0],
            {**THREE[1], "dkim": {"selector": "s1", "key_bits": 1024, "status": "authenticating"}},
            THREE[2],
        ]
    )
    org = sim.domains()[1]["dkim"]
    names = open_page(page)
    page.get_by_role("combobox", name=names["domain"], exact=True).click()
    page.get_by_role("option", name="example.org", exact=True).click()
    expect(field(page, names, "host")).to_have_value("s1._domainkey")
    expect(field(page, names, "value")).to_have_value(org["txt_value"])
    expect(status(page)).to_have_text(names["on"])
    page.get_by_role("combobox", name=names["domain"], exact=True).click()
    page.get_by_role("option", name="example.net", exact=True).click()
    expect(field(page, names, "host")).to_have_value("")
    expect(status(page)).to_have_text(names["off"])


def test_a_1024_bit_key_with_another_selector_in_french(page: Page, sim: Any) -> None:
    names = open_page(page, "fr")
    generate(page, names, bits="1024", selector="s2026")
    expect(field(page, names, "host")).to_have_value("s2026._domainkey")
    assert sim.domains()[0]["dkim"]["key_bits"] == 1024
    assert len(field(page, names, "value").input_value()) <= 255


def test_an_invalid_selector_is_shown_next_to_the_field(page: Page, sim: Any) -> None:
    names = open_page(page)
    button(page, names, "generate_record").click()
    dialog = page.get_by_role("dialog", name=names["generate_record"])
    selector = dialog.get_by_role("textbox", name=names["selector"], exact=True)
    selector.fill("-google")
    button(dialog, names, "generate").click()
    expect(selector).to_have_attribute("aria-invalid", "true")
    expect(selector).to_have_accessible_description(text("en", "err_dkim_selector"))
    assert sim.audit() == []


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_too_early_the_dialog_says_so_and_stays_open(page: Page, sim: Any, locale: str) -> None:
    sim.domains([{"name": "example.com", "dkim": {"too_early": True}}])
    names = open_page(page, locale)
    button(page, names, "generate_record").click()
    dialog = page.get_by_role("dialog", name=names["generate_record"])
    button(dialog, names, "generate").click()
    expect(dialog.get_by_role("alert")).to_have_text(text(locale, "err_dkim_too_early"))
    expect(dialog).to_be_visible()
    button(dialog, names, "cancel").click()
    expect(field(page, names, "host")).to_have_value("")
    assert sim.audit() == []


def test_in_german_the_page_shows_googles_german_words(page: Page, sim: Any) -> None:
    # dkim.md's [G] German names, by role and accessible name; the buttons that reach the
    # "too early" message are the simulator's German [?] names.
    sim.domains([{"name": "example.com", "kind": "primary", "dkim": {"too_early": True}}])
    page.goto(PATH + "?hl=de")
    expect(page.get_by_role("heading", name="E-Mail authentifizieren", level=1)).to_be_visible()
    menu = page.get_by_role("combobox", name="Ausgewählte Domain", exact=True)
    expect(menu).to_have_text("example.com")
    name = page.get_by_role("textbox", name="DNS-Hostname (Name des TXT-Eintrags)", exact=True)
    expect(name).to_have_value("")
    expect(page.get_by_role("textbox", name="Wert des TXT-Eintrags", exact=True)).to_have_value("")
    generate_record = text("de", "dkim_generate_record")
    page.get_by_role("button", name=generate_record, exact=True).click()
    dialog = page.get_by_role("dialog", name=generate_record)
    dialog.get_by_role("button", name=text("de", "dkim_generate"), exact=True).click()
    expect(dialog.get_by_role("alert")).to_contain_text("DKIM-Eintrag nicht erstellt")
    assert sim.audit() == []


def test_under_the_caps_variant_the_buttons_are_in_capitals(page: Page, sim: Any) -> None:
    sim.variants(["caps"])
    open_page(page)
    page.get_by_role("button", name="GENERATE NEW RECORD", exact=True).click()
    dialog = page.get_by_role("dialog", name=EN["generate_record"], exact=True)
    expect(dialog.get_by_role("button", name="GENERATE", exact=True)).to_be_visible()
    dialog.get_by_role("button", name="CANCEL", exact=True).click()
    expect(page.get_by_role("button", name="START AUTHENTICATION", exact=True)).to_be_disabled()


def test_with_late_dialogs_the_dialog_loads_first(page: Page, sim: Any) -> None:
    sim.faults({"late_dialog_ms": 300})
    names = open_page(page)
    button(page, names, "generate_record").click()
    dialog = page.get_by_role("dialog", name=names["generate_record"])
    expect(dialog.get_by_role("progressbar", name=names["loading"])).to_be_visible()
    expect(dialog.get_by_role("textbox", name=names["selector"], exact=True)).to_have_value(
        "google"
    )
    button(dialog, names, "generate").click()
    expect(dialog).to_have_count(0)
    expect(field(page, names, "host")).to_have_value("google._domainkey")
