"""Alternatives (a region or a group, a button or a link, Configure or Add another rule) are
looked for inside the settings block and the row a page object means, never beside them."""

from __future__ import annotations

from playwright.sync_api import Page

from runbook.console.guard import WriteGuard
from runbook.console.locate import any_role, by_role
from runbook.console.pages.routing import RoutingPage
from runbook.locales import Labels

EN = Labels("en")


def _block(role: str, name: str, rule: str, action: str) -> str:
    """A settings block holding one rule whose Edit is a `button` or a `link`; every control
    says which block it belongs to when pressed (in the page's title)."""
    mark = f"{name}/{rule}"
    edit = (
        f"<button onclick=\"document.title='edit {mark}'\">Edit</button>"
        if action == "button"
        else f'<a href="#" onclick="document.title=\'edit {mark}\'">Edit</a>'
    )
    return f"""
    <div role="{role}" aria-label="{name}">
      <button onclick="document.title='add {name}'">Add another rule</button>
      <table aria-label="{name} rules">
        <tr><th scope="col">Description</th><th scope="col">Actions</th></tr>
        <tr><th scope="row">{rule}</th><td>{edit}</td></tr>
      </table>
    </div>"""


def _console(page: Page, routing_role: str) -> RoutingPage:
    """A Routing page whose Routing block is a `routing_role` (region or group), between two
    other blocks whose rules have the same description."""
    page.set_content(
        "<main><h1>Routing</h1>"
        + _block("region", "Email forwarding", "Archive copy", "button")
        + _block(routing_role, "Routing", "Archive copy", "link")
        + _block("region", "Alternate secure route", "Archive copy", "button")
        + "</main>"
    )
    routing = RoutingPage(page, EN, WriteGuard(read_only=False))
    routing.wait_ready()
    return routing


def test_a_routing_block_shown_as_a_group_is_the_one_whose_rows_and_buttons_are_used(
    page: Page,
) -> None:
    for role in ("group", "region"):
        routing = _console(page, role)
        assert routing.names() == ["Archive copy"]
        assert routing.row("Archive copy").count() == 1
        routing.click_edit("Archive copy")  # a link on this console: found among the roles
        assert page.title() == "edit Routing/Archive copy", role
        by_role(routing.scope, "button", ("configure", "add_another_rule"), EN).click()
        assert page.title() == "add Routing", role


def test_any_role_finds_the_control_of_either_role_inside_its_scope_only(page: Page) -> None:
    routing = _console(page, "region")
    row = routing.row("Archive copy")
    edit = any_role(row, ("button", "link"), "edit", EN)
    assert edit.count() == 1
    assert any_role(page, ("button", "link"), "edit", EN).count() == 3  # the page: every row
    assert any_role(row, ("button",), "edit", EN).count() == 0  # this row's Edit is a link


def test_several_keys_match_any_of_their_names_and_nothing_else(page: Page) -> None:
    page.set_content(
        "<button>CONFIGURE</button><button>Add  another rule</button><button>Add route</button>"
    )
    both = by_role(page, "button", ("configure", "add_another_rule"), EN)
    assert both.all_inner_texts() == ["CONFIGURE", "Add another rule"]  # as rendered
