"""Routing page: its settings blocks, in the console's order, each with its own Configure,
table, Edit and Delete (a page object must scope to the Routing block)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runbook.locales import Labels
from runbook.simulator.i18n import text
from runbook.simulator.pages import ROUTING_BLOCKS
from runbook.simulator.state import Store

from .samples import LEGACY, SPLIT
from .ui import EN, FR, ROUTING, goto_list, routing_block, row

OTHER_BLOCKS = [(b, title) for b, title in ROUTING_BLOCKS if b != "routing"]


@pytest.mark.parametrize("labels", [EN, FR], ids=["en", "fr"])
def test_blocks_are_shown_in_order_each_with_its_own_configure(
    page: Page, sim: Any, labels: Labels
) -> None:
    goto_list(page, ROUTING, labels)
    titles = [text(labels.locale, title) for _, title in ROUTING_BLOCKS]
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2)).to_have_text(titles)
    assert titles[:2] == [
        text(labels.locale, "block_address_map"),
        labels.name("routing_heading"),
    ]
    configure = main.get_by_role("button", name=labels.name("configure"), exact=True)
    expect(configure).to_have_count(len(ROUTING_BLOCKS))
    for title in titles:
        block = page.get_by_role("region", name=title, exact=True)
        expect(block.get_by_role("button", name=labels.name("configure"))).to_have_count(1)


def test_another_blocks_configure_saves_under_its_own_key(page: Page, sim: Any) -> None:
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT]})
    goto_list(page, ROUTING)
    block = page.get_by_role("region", name=text("en", "block_secure_route"), exact=True)
    block.get_by_role("button", name=EN.name("configure")).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog"))
    dialog.get_by_role("textbox", name=EN.name("rule_description"), exact=True).fill("Backup TLS")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    expect(row(block, text("en", "block_secure_route"), "Backup TLS")).to_be_visible()
    expect(block.get_by_role("button", name=EN.name("add_another_rule"))).to_be_visible()

    state = sim.state()
    assert state["secure_routes"] == [{"description": "Backup TLS"}]
    assert state["routing_rules"] == [SPLIT]
    assert "address_maps" not in state and "smtp_relays" not in state  # empty: left out
    [written] = sim.audit()
    assert (written["action"], written["name"], written["block"]) == (
        "create_setting",
        "Backup TLS",
        "secure_routes",
    )


def test_edit_and_delete_act_on_their_own_block_only(page: Page, sim: Any) -> None:
    name = SPLIT["description"]
    same = {b: [{"description": name}] for b, _ in OTHER_BLOCKS}
    sim.put_state({"routes": [LEGACY], "routing_rules": [SPLIT], **same})
    goto_list(page, ROUTING)
    # The same description in every block: one row, one Edit and one Delete in each.
    rows = page.get_by_role("rowheader", name=name, exact=True)
    expect(rows).to_have_count(len(ROUTING_BLOCKS))
    expect(page.get_by_role("button", name=EN.name("add_another_rule"))).to_have_count(
        len(ROUTING_BLOCKS)
    )

    smtp_title = text("en", "block_smtp_relay")
    smtp = page.get_by_role("region", name=smtp_title, exact=True)
    row(smtp, smtp_title, name).get_by_role("button", name=EN.name("edit")).click()
    dialog = page.get_by_role("dialog", name=EN.name("rule_dialog_edit"))
    box = dialog.get_by_role("textbox", name=EN.name("rule_description"), exact=True)
    expect(box).to_have_value(name)
    box.fill("Relay for printers")
    dialog.get_by_role("button", name=EN.name("save")).click()
    expect(dialog).to_be_hidden()
    expect(row(smtp, smtp_title, "Relay for printers")).to_be_visible()

    map_title = text("en", "block_address_map")
    maps = page.get_by_role("region", name=map_title, exact=True)
    row(maps, map_title, name).get_by_role("button", name=EN.name("delete")).click()
    confirm = page.get_by_role("alertdialog", name=EN.name("delete_rule_title"))
    confirm.get_by_role("button", name=EN.name("delete")).click()
    expect(confirm).to_be_hidden()
    expect(maps.get_by_role("button", name=EN.name("configure"))).to_be_visible()

    state = sim.state()
    assert state["routing_rules"] == [SPLIT]
    assert "address_maps" not in state
    assert state["smtp_relays"] == [{"description": "Relay for printers"}]
    assert state["secure_routes"] == state["non_gmail_mailboxes"] == [{"description": name}]
    assert [(a["action"], a["block"]) for a in sim.audit()] == [
        ("update_setting", "smtp_relays"),
        ("delete_setting", "address_maps"),
    ]
    routing = routing_block(page)
    expect(row(routing, EN.name("rules_table"), name)).to_be_visible()


def test_child_unit_shows_every_block_read_only(page: Page, sim: Any) -> None:
    sim.put_state({"address_maps": [{"description": "Aliases"}]})
    goto_list(page, ROUTING, FR)
    page.get_by_role("tree").get_by_role("treeitem", name=text("fr", "org_child")).click()
    maps = page.get_by_role("region", name=text("fr", "block_address_map"), exact=True)
    aliases = row(maps, text("fr", "block_address_map"), "Aliases")
    expect(aliases.get_by_role("cell", name=FR.name("status_inherited"))).to_be_visible()
    expect(aliases.get_by_role("button", name=FR.name("edit"))).to_have_count(0)
    expect(page.get_by_role("button", name=FR.name("configure"))).to_have_count(0)


@pytest.mark.parametrize(
    "doc",
    [
        {"smtp_relays": [{"description": " "}]},
        {"smtp_relays": [{"description": "A"}, {"description": "A"}]},
        {"address_maps": [{"description": "A", "colour": "blue"}]},
        {"secure_routes": {"description": "A"}},
    ],
)
def test_put_state_refuses_bad_block_entries(sim: Any, doc: dict[str, Any]) -> None:
    response = sim.client.put("/_sim/state", json=doc)
    assert response.status_code == 400
    assert sim.state() == {"routes": [], "routing_rules": [], "default_routing_rules": []}


def test_block_entries_are_kept_in_the_state_file_and_older_files_load(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = Store(path)
    store.create_setting("smtp_relays", {"description": " Printers "})
    assert Store(path).document() == {
        "routes": [],
        "routing_rules": [],
        "default_routing_rules": [],
        "smtp_relays": [{"description": "Printers"}],
    }
    older = {"routes": [LEGACY], "routing_rules": [SPLIT], "audit": [], "sessions": {}}
    path.write_text(json.dumps(older), encoding="utf-8")
    assert Store(path).document() == {
        "routes": [LEGACY],
        "routing_rules": [SPLIT],
        "default_routing_rules": [],
    }
    assert Store(path).settings("address_maps") == []
