"""Every option of the Add setting dialog through the page object: set, read back, cleared.

Each option changed alone is exactly one update write in the simulator's audit; reading the
dialog sees every option, and a set control the catalogue does not know is never ignored.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from runbook.errors import ConsoleChanged
from tests.console import test_page_objects
from tests.console.test_page_objects import FILTERED_RULE, OpenPage
from tests.samples import LEGACY_ROUTE, UNMANAGED_ROUTE, at_top

open_page = test_page_objects.open_page  # the fixture, shared
DESCRIPTION = FILTERED_RULE["description"]
BASE = FILTERED_RULE
ARCHIVE = UNMANAGED_ROUTE["name"]
ADVANCED = {
    "address": "copy@example.net",
    "change_route": ARCHIVE,
    "do_not_deliver_spam": False,
    "suppress_bounces": True,
}
HEADERS = {"x_gm_original_to": False, "x_gm_spam": False, "custom": []}

# option -> its value when set (each alone, on the split-delivery rule)
CASES: dict[str, dict[str, Any]] = {
    "x_gm_original_to": {"headers": {**HEADERS, "x_gm_original_to": True}},
    "x_gm_spam": {"headers": {**HEADERS, "x_gm_spam": True}},
    "custom_headers": {
        "headers": {
            **HEADERS,
            "custom": [{"key": "X-Archive", "value": "yes"}, {"key": "X-Copy", "value": "1"}],
        }
    },
    "prepend_subject": {"prepend_subject": "[legacy]"},
    "also_reroute_spam": {"also_reroute_spam": True},
    "suppress_bounces": {"suppress_bounces": True},
    "envelope_recipient": {"change_envelope_recipient": {"recipient": "bob@example.net"}},
    "envelope_username": {"change_envelope_recipient": {"username": "bob"}},
    "envelope_domain": {"change_envelope_recipient": {"domain": "example.net"}},
    "bypass_spam_filter": {"bypass_spam_filter": True},
    "remove_attachments": {"remove_attachments": True},
    "also_deliver_to": {"also_deliver_to": [{"address": "journal@archive.example.net"}, ADVANCED]},
    "require_secure_transport": {"require_secure_transport": True},
}


def dialog_fields(rule: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rule.items() if k != "enabled"}


def save_rule(routing: Any, want: dict[str, Any]) -> dict[str, Any]:
    """Fill the rule's dialog with `want`, save it; what the dialog reads afterwards."""
    dialog = routing.open_edit(want["description"])
    dialog.fill(dialog_fields(want))
    dialog.save(f"rule {want['description']!r}")
    routing.wait_listed(want["description"])
    dialog = routing.open_edit(want["description"])
    have: dict[str, Any] = dialog.read()
    dialog.cancel()
    return have


def updates(sim: Any) -> list[tuple[str, str]]:
    return [(e["action"], e["name"]) for e in sim.audit()]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_option_is_set_read_back_and_cleared_with_one_write_each(
    page: Page, sim: Any, open_page: OpenPage, case: str
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, UNMANAGED_ROUTE], "routing_rules": [BASE]})
    routing, _ = open_page("routing", "en", read_only=False)
    want = {**BASE, **CASES[case]}
    assert save_rule(routing, want) == dialog_fields(want)
    assert sim.state()["routing_rules"] == at_top(want)
    assert updates(sim) == [("update_rule", DESCRIPTION)]
    assert save_rule(routing, BASE) == dialog_fields(BASE)
    assert sim.state()["routing_rules"] == at_top(BASE)
    assert updates(sim) == [("update_rule", DESCRIPTION)] * 2


def test_a_reject_rule_with_its_notice_and_back(page: Page, sim: Any, open_page: OpenPage) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, UNMANAGED_ROUTE], "routing_rules": [BASE]})
    routing, _ = open_page("routing", "en", read_only=False)
    reject = {
        **BASE,
        "action": "reject_message",
        "change_route": None,
        "rejection_notice": "This address no longer receives mail.",
    }
    assert save_rule(routing, reject) == dialog_fields(reject)
    assert sim.state()["routing_rules"] == at_top(reject)
    assert save_rule(routing, BASE) == dialog_fields(BASE)
    assert updates(sim) == [("update_rule", DESCRIPTION)] * 2


def test_every_option_at_once_in_french(page: Page, sim: Any, open_page: OpenPage) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, UNMANAGED_ROUTE], "routing_rules": [BASE]})
    routing, _ = open_page("routing", "fr", read_only=False)
    want = dict(BASE)
    for case in ("custom_headers", "prepend_subject", "envelope_domain", "also_deliver_to"):
        want.update(CASES[case])
    want.update(bypass_spam_filter=True, require_secure_transport=True, suppress_bounces=True)
    assert save_rule(routing, want) == dialog_fields(want)
    assert sim.state()["routing_rules"] == at_top(want)
    assert updates(sim) == [("update_rule", DESCRIPTION)]


def test_an_option_the_catalogue_does_not_know_is_read_and_never_saved_over(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE], "routing_rules": [BASE]})
    sim.faults({"extra_option": {"label": "Add X-Gm-Future header", "rule": DESCRIPTION}})
    routing, _ = open_page("routing", "en", read_only=False)
    dialog = routing.open_edit(DESCRIPTION)
    assert dialog.read() == {
        **dialog_fields(BASE),
        "unmodeled_options": ["Add X-Gm-Future header"],
    }
    with pytest.raises(ConsoleChanged, match="Add X-Gm-Future header"):
        dialog.fill(dialog_fields(BASE))
    dialog.cancel()
    assert sim.audit() == []


# The simulator's "Saved" toast (static/js/toast.js), as long as several stacked ones: it lies
# over the left of the page, top to bottom (Show options included), and never goes away.
_TOAST_OVER_THE_DIALOG = """() => {
  const toast = document.createElement("div");
  toast.setAttribute("role", "status");
  toast.className = "toast status";
  toast.textContent = "Saved. Changes can take up to 24 hours to take effect. ".repeat(80);
  document.getElementById("toasts").append(toast);
}"""
_UNDER_THE_TOAST = """(el) => {
  const box = el.getBoundingClientRect();
  const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return document.getElementById("toasts").contains(top);
}"""


def test_a_toast_over_show_options_does_not_hold_up_reading_the_dialog(
    page: Page, sim: Any, open_page: OpenPage
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE], "routing_rules": [BASE]})
    routing, _ = open_page("routing", "en", read_only=True)
    dialog = routing.open_edit(DESCRIPTION)
    page.evaluate(_TOAST_OVER_THE_DIALOG)
    dialog.show_options_button.scroll_into_view_if_needed()  # as a click does first
    assert dialog.show_options_button.evaluate(_UNDER_THE_TOAST)  # a click would land on it
    page.set_default_timeout(3000)  # the toast never goes: a click would wait this out
    assert dialog.read() == dialog_fields(BASE)
    dialog.cancel()
    assert sim.audit() == []
