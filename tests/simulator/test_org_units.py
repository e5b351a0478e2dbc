"""Organizational units: the picker's tree and search, rules per OU, inherited rules disabled."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from runbook.locales import Labels

from .samples import LEGACY, REJECT, SPLIT
from .ui import EN, FR, ROUTING, goto_list, routing_block, row, saved_toast

TREE = ["/", "/Sales", "/Sales/EMEA", "/Support"]
LANGS = [pytest.param(EN, id="en"), pytest.param(FR, id="fr")]


def pick(page: Page, labels: Labels, name: str) -> None:
    """Select an OU in the picker and wait for the lists of that OU."""
    tree = page.get_by_role("tree", name=labels.name("org_units"))
    tree.get_by_role("treeitem", name=name, exact=True).click()
    expect(tree.get_by_role("treeitem", name=name, exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    expect(page.get_by_role("progressbar", name=labels.name("loading"))).to_have_count(0)


def open_at(page: Page, sim: Any, labels: Labels, *path: str) -> None:
    """The Routing page at the OU `path` (its names from the top down), SPLIT at the top."""
    sim.put_state({"org_units": TREE, "routes": [LEGACY], "routing_rules": [SPLIT]})
    goto_list(page, ROUTING, labels)
    for name in path:  # an OU shows its children once selected
        pick(page, labels, name)


def rule_row(page: Page, labels: Labels, description: str) -> Locator:
    return row(page, labels.name("rules_table"), description)


@pytest.mark.parametrize("labels", LANGS)
def test_tree_of_any_depth_and_its_search(page: Page, sim: Any, labels: Labels) -> None:
    sim.put_state({"org_units": TREE})
    goto_list(page, ROUTING, labels)
    tree = page.get_by_role("tree", name=labels.name("org_units"))
    # As on the real picker, an OU's children show once it is opened.
    expect(tree.get_by_role("treeitem")).to_have_text(["example.com", "Sales", "Support"])
    sales = tree.get_by_role("treeitem", name="Sales", exact=True)
    expect(sales).to_have_attribute("aria-expanded", "false")
    search = page.get_by_role("searchbox", name=labels.name("org_search"))
    search.fill("emea")
    expect(tree.get_by_role("treeitem")).to_have_text(["example.com", "Sales", "EMEA"])
    expect(tree.get_by_role("treeitem", name="EMEA")).to_have_attribute("aria-level", "3")
    search.fill("")
    expect(tree.get_by_role("treeitem")).to_have_count(3)
    sales.press("ArrowRight")  # the keyboard opens it without selecting it
    expect(tree.get_by_role("treeitem")).to_have_text(["example.com", "Sales", "EMEA", "Support"])
    expect(sales).to_have_attribute("aria-selected", "false")
    sales.press("ArrowLeft")
    expect(tree.get_by_role("treeitem")).to_have_count(3)
    pick(page, labels, "Sales")  # selecting it opens it too
    expect(sales).to_have_attribute("aria-expanded", "true")
    expect(tree.get_by_role("treeitem")).to_have_count(4)


@pytest.mark.parametrize("labels", LANGS)
def test_inherited_rule_disabled_and_enabled_again_in_a_child_unit(
    page: Page, sim: Any, labels: Labels
) -> None:
    open_at(page, sim, labels, "Sales")
    rule = rule_row(page, labels, SPLIT["description"])
    expect(rule.get_by_role("cell", name=labels.name("status_inherited"))).to_be_visible()
    expect(rule.get_by_role("button", name=labels.name("edit"))).to_have_count(0)
    switch = rule.get_by_role("switch", name=labels.name("rule_enabled"))
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    expect(saved_toast(page, labels)).to_be_visible()
    state = sim.state()
    assert state["routing_rules"] == [SPLIT]  # the rule itself is unchanged at the top
    assert state["disabled_inherited"] == [
        {"org_unit": "/Sales", "description": SPLIT["description"], "kind": "routing_rules"}
    ]
    pick(page, labels, "EMEA")  # below Sales, the rule is off too
    expect(rule.get_by_role("switch", name=labels.name("rule_enabled"))).to_have_attribute(
        "aria-checked", "false"
    )
    pick(page, labels, "example.com")
    expect(rule.get_by_role("cell", name=labels.name("status_local"))).to_be_visible()
    expect(switch).to_have_attribute("aria-checked", "true")
    pick(page, labels, "Sales")
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    assert "disabled_inherited" not in sim.state()
    assert [(a["action"], a["name"], a.get("org_unit")) for a in sim.audit()] == [
        ("disable_inherited_rule", SPLIT["description"], "/Sales"),
        ("enable_inherited_rule", SPLIT["description"], "/Sales"),
    ]


@pytest.mark.parametrize("labels", LANGS)
def test_create_edit_and_delete_a_rule_in_a_child_unit(
    page: Page, sim: Any, labels: Labels
) -> None:
    open_at(page, sim, labels, "Sales", "EMEA")
    routing_block(page, labels).get_by_role("button", name=labels.name("add_another_rule")).click()
    dialog = page.get_by_role("dialog", name=labels.name("rule_dialog"))
    # The same description as the top's rule: another entry, in this OU.
    dialog.get_by_role("textbox", name=labels.name("rule_description"), exact=True).fill(
        SPLIT["description"]
    )
    dialog.get_by_role("checkbox", name=labels.name("msg_inbound")).check()
    dialog.get_by_role("button", name=labels.name("save")).click()
    expect(dialog).to_be_hidden()
    local = rule_row(page, labels, SPLIT["description"]).filter(
        has=page.get_by_role("cell", name=labels.name("status_local"))
    )
    local.get_by_role("button", name=labels.name("edit")).click()
    edit = page.get_by_role("dialog", name=labels.name("rule_dialog_edit"))
    edit.get_by_role("checkbox", name=labels.name("msg_outbound")).check()
    edit.get_by_role("button", name=labels.name("save")).click()
    expect(edit).to_be_hidden()
    top, mine = sim.state()["routing_rules"]
    assert top == SPLIT
    assert mine["org_unit"] == "/Sales/EMEA" and mine["messages"] == ["inbound", "outbound"]

    local.get_by_role("button", name=labels.name("delete")).click()
    confirm = page.get_by_role("alertdialog", name=labels.name("delete_rule_title"))
    confirm.get_by_role("button", name=labels.name("delete")).click()
    expect(local).to_have_count(0)
    expect(rule_row(page, labels, SPLIT["description"])).to_have_count(1)  # the inherited one
    assert sim.state()["routing_rules"] == [SPLIT]
    assert [(a["action"], a.get("org_unit")) for a in sim.audit()] == [
        ("create_rule", "/Sales/EMEA"),
        ("update_rule", "/Sales/EMEA"),
        ("delete_rule", "/Sales/EMEA"),
    ]


@pytest.mark.parametrize("labels", LANGS)
def test_the_overridden_wording_of_a_units_own_rules(page: Page, sim: Any, labels: Labels) -> None:
    sim.put_state(
        {
            "org_units": TREE,
            "routes": [LEGACY],
            "routing_rules": [SPLIT, {**REJECT, "org_unit": "/Sales"}],
        }
    )
    sim.variants(["ou-overridden"])
    goto_list(page, ROUTING, labels)
    pick(page, labels, "Sales")
    status = {"en": "Overridden", "fr": "Remplacé"}[labels.locale]
    own = rule_row(page, labels, REJECT["description"])
    expect(own.get_by_role("cell", name=status, exact=True)).to_be_visible()
    expect(own.get_by_role("button", name=labels.name("edit"))).to_be_visible()
    inherited = rule_row(page, labels, SPLIT["description"])
    expect(inherited.get_by_role("cell", name=labels.name("status_inherited"))).to_be_visible()


def test_state_rules_per_unit(sim: Any) -> None:
    at_sales = {**REJECT, "org_unit": "/Sales"}
    sim.put_state({"routing_rules": [REJECT, at_sales]})  # one description, two OUs
    assert sim.state()["routing_rules"] == [REJECT, at_sales]
    bad = [
        {"routing_rules": [REJECT, REJECT]},  # twice in one OU
        {"routing_rules": [{**REJECT, "org_unit": "/Nowhere"}]},
        {"org_units": ["/", "/Sales/EMEA"]},  # its parent is not listed
        {"org_units": ["/", "/Sales/"]},
        {"disabled_inherited": [{"org_unit": "/", "description": "x"}]},
        {"disabled_inherited": [{"org_unit": "/Sales"}]},
    ]
    for doc in bad:
        assert sim.client.put("/_sim/state", json=doc).status_code == 400, doc


def test_list_of_an_unknown_unit_is_not_found(console: httpx.Client, sim: Any) -> None:
    response = console.get("/ac/_data/rules", params={"view": "list", "ou": "/Nowhere"})
    assert response.status_code == 404


def test_an_inherited_setting_switched_off_leaves_the_rule_of_its_description_on(
    console: httpx.Client, sim: Any
) -> None:
    """Default routing and Routing keep their switches apart: one description, two kinds."""
    from .test_default_routing import CATCH_ALL

    rule = {**SPLIT, "description": CATCH_ALL["description"]}
    off = {
        "org_unit": "/Sales",
        "description": rule["description"],
        "kind": "default_routing_rules",
    }
    sim.put_state(
        {
            "org_units": TREE,
            "routes": [LEGACY],
            "routing_rules": [rule],
            "default_routing_rules": [CATCH_ALL],
            "disabled_inherited": [off],
        }
    )
    listed = {}
    for kind in ("rules", "default_rules"):
        response = console.get(f"/ac/_data/{kind}", params={"view": "list", "ou": "/Sales/EMEA"})
        response.raise_for_status()
        [entry] = response.json()[kind]
        listed[kind] = (entry["inherited"], entry["enabled"])
    assert listed == {"rules": (True, True), "default_rules": (True, False)}
    assert sim.state()["disabled_inherited"] == [off]
    # A mark written before kinds were told apart is a routing rule's.
    sim.put_state(
        {"org_units": TREE, "disabled_inherited": [{"org_unit": "/Sales", "description": "x"}]}
    )
    assert sim.state()["disabled_inherited"] == [
        {"org_unit": "/Sales", "description": "x", "kind": "routing_rules"}
    ]
