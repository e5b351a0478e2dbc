"""Default routing's Modify message option groups through the page object, in both languages.

Each group is set, read back, changed alone (exactly one update write) and cleared; every
group of the Routing dialog is covered once, half in English, half in French.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.console.test_default_routing_page import CATCH_ALL, open_default_routing
from tests.console.test_rule_options import CASES, dialog_fields, save_rule, updates
from tests.samples import LEGACY_ROUTE, UNMANAGED_ROUTE, at_top

DESCRIPTION = CATCH_ALL["description"]
FLAGS = {
    "headers": {"x_gm_original_to": True, "x_gm_spam": True, "custom": []},
    "also_reroute_spam": True,
    "suppress_bounces": True,
    "bypass_spam_filter": True,
    "remove_attachments": True,
    "require_secure_transport": True,
}
# (group, locale) -> the setting's options when set
GROUPS: dict[tuple[str, str], dict[str, Any]] = {
    ("custom_headers", "en"): CASES["custom_headers"],
    ("prepend_subject", "fr"): CASES["prepend_subject"],
    ("envelope_recipient", "en"): CASES["envelope_recipient"],
    ("envelope_domain", "fr"): CASES["envelope_domain"],
    ("also_deliver_to", "fr"): CASES["also_deliver_to"],
    ("checkboxes", "en"): FLAGS,
}


@pytest.mark.parametrize(("group", "locale"), GROUPS, ids=lambda v: str(v))
def test_each_group_is_set_read_back_and_cleared_with_one_write_each(
    page: Page, sim: Any, simulator: Any, group: str, locale: str
) -> None:
    sim.put_state({"routes": [LEGACY_ROUTE, UNMANAGED_ROUTE], "default_routing_rules": [CATCH_ALL]})
    defaults = open_default_routing(page, simulator, locale, read_only=False)
    want = {**CATCH_ALL, **GROUPS[group, locale]}
    assert save_rule(defaults, want) == dialog_fields(want)
    assert sim.state()["default_routing_rules"] == at_top(want)
    assert updates(sim) == [("update_default_rule", DESCRIPTION)]
    assert save_rule(defaults, CATCH_ALL) == dialog_fields(CATCH_ALL)
    assert sim.state()["default_routing_rules"] == at_top(CATCH_ALL)
    assert updates(sim) == [("update_default_rule", DESCRIPTION)] * 2
