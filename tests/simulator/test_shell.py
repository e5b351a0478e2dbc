"""The console shell: main menu, organizational units, language, paths."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runbook.locales import Labels
from runbook.simulator.i18n import text

from .samples import LEGACY, SPLIT
from .ui import EN, FR, ROUTING, goto_list, routing_block, row


def walk_menu(page: Page, labels: Labels, link_key: str) -> None:
    page.get_by_role("button", name=labels.name("main_menu"), exact=True).click()
    nav = page.get_by_role("navigation", name=labels.name("main_menu"))
    for key in ("nav_apps", "nav_workspace", "nav_gmail"):
        branch = nav.get_by_role("button", name=labels.name(key), exact=True)
        expect(branch).to_have_attribute("aria-expanded", "false")
        branch.click()
        expect(branch).to_have_attribute("aria-expanded", "true")
    nav.get_by_role("link", name=labels.name(link_key), exact=True).click()


@pytest.mark.parametrize(("labels", "query"), [(EN, ""), (FR, "?hl=fr")])
def test_menu_path_from_the_console_home(page: Page, sim: Any, labels: Labels, query: str) -> None:
    page.goto(f"/{query}")
    expect(page).to_have_url(re.compile(rf"/ac{re.escape(query)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text(labels.locale, "console_title"))  # type: ignore[arg-type]
    walk_menu(page, labels, "nav_hosts")
    expect(page).to_have_url(re.compile(rf"/ac/apps/gmail/hosts{re.escape(query)}$"))
    expect(page.get_by_role("heading", name=labels.name("hosts_heading"), level=1)).to_be_visible()
    walk_menu(page, labels, "nav_routing")
    expect(page).to_have_url(re.compile(rf"/ac/apps/gmail/routing{re.escape(query)}$"))
    expect(
        page.get_by_role("heading", name=labels.name("routing_heading"), level=1)
    ).to_be_visible()
    walk_menu(page, labels, "nav_default_routing")
    expect(
        page.get_by_role("heading", name=labels.name("nav_default_routing"), level=1)
    ).to_be_visible()


@pytest.mark.parametrize(("labels", "query"), [(EN, ""), (FR, "?hl=fr")])
def test_page_language_and_title(page: Page, sim: Any, labels: Labels, query: str) -> None:
    page.goto(f"/ac/apps/gmail/hosts{query}")
    assert page.evaluate("document.documentElement.lang") == labels.locale
    expect(page).to_have_title(re.compile(f"^{re.escape(labels.name('hosts_heading'))} - "))


def test_account_prefix_is_kept_on_links(page: Page, sim: Any) -> None:
    goto_list(page, "/u/1/ac/apps/gmail/hosts")
    expect(page.get_by_role("heading", name=EN.name("hosts_heading"), level=1)).to_be_visible()
    expect(page.get_by_role("button", name=EN.name("add_route"))).to_be_enabled()
    walk_menu(page, EN, "nav_routing")
    expect(page).to_have_url(re.compile(r"/u/1/ac/apps/gmail/routing$"))
    expect(routing_block(page).get_by_role("button", name=EN.name("configure"))).to_be_visible()


def test_child_unit_shows_rules_as_inherited_not_editable(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    goto_list(page, ROUTING)
    tree = page.get_by_role("tree", name=EN.name("org_units"))
    top = tree.get_by_role("treeitem", name="example.com")
    expect(top).to_have_attribute("aria-selected", "true")
    rule = row(page, EN.name("rules_table"), SPLIT["description"])
    expect(rule.get_by_role("cell", name=EN.name("status_local"))).to_be_visible()

    tree.get_by_role("treeitem", name="Sales").click()
    expect(tree.get_by_role("treeitem", name="Sales")).to_have_attribute("aria-selected", "true")
    expect(rule.get_by_role("cell", name=EN.name("status_inherited"))).to_be_visible()
    expect(rule.get_by_role("button", name=EN.name("edit"))).to_have_count(0)
    expect(rule.get_by_role("button", name=EN.name("delete"))).to_have_count(0)
    # An inherited rule can be disabled in a child OU, and local rules added there.
    expect(rule.get_by_role("switch", name=EN.name("rule_enabled"))).to_be_enabled()
    expect(page.get_by_role("button", name=EN.name("add_another_rule"))).to_be_visible()

    top.click()
    expect(rule.get_by_role("button", name=EN.name("edit"))).to_be_visible()


def test_unknown_console_page_is_not_found(page: Page, sim: Any) -> None:
    response = page.goto("/ac/apps/gmail/nowhere")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
