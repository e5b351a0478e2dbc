"""`explain` for Default routing settings: the page and its "Add setting" dialog."""

from __future__ import annotations

from typing import cast

from runbook.explain.core import (
    Item,
    KindExplainer,
    Writer,
    deletion,
    inherited_item,
    navigate,
)
from runbook.explain.message_options import action_items, closing_items, opening_items
from runbook.file import kind_info
from runbook.file.default_routing import DefaultRouting
from runbook.file.model import Runbook, Step
from runbook.locales.values.default_routing import (
    APPLY_TO_KEYS,
    DEFAULT_MATCH_KEYS,
    DEFAULT_MATCH_VALUE_KEYS,
)

PAGE = kind_info("default_routing").page


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    rule = cast(DefaultRouting, step.resource)
    items = navigate(w, book, PAGE, step)
    if rule.inherited:  # only its switch, in this OU
        return [
            *items,
            inherited_item(w, rule.description, rule.enabled, "default_routing_heading"),
        ]
    items += opening_items(w, rule.description, add="add_default_rule", edit="edit_default_rule")
    items.append(_recipients(w, rule))
    items += action_items(w, rule, "dr_action_menu")
    apply_to = w.name(APPLY_TO_KEYS[rule.apply_to])
    items.append(Item(w.say("dr_apply_to", group=w.name("options"), choice=apply_to)))
    items += closing_items(
        w,
        rule.description,
        rule.enabled,
        disable="disable_default_rule",
        where={"page": "default_routing_heading"},
    )
    return items


def _recipients(w: Writer, rule: DefaultRouting) -> Item:
    recipients = rule.recipients
    assert recipients is not None, "a present setting has its recipients (checked on load)"
    menu, match = w.name("recipients_menu"), w.name(DEFAULT_MATCH_KEYS[recipients.match])
    if recipients.value is None:
        return Item(w.say("dr_recipients_all", menu=menu, match=match))
    field = w.name(DEFAULT_MATCH_VALUE_KEYS[recipients.match])
    return Item(
        w.say("dr_recipients", menu=menu, match=match, field=field, value=w.q(recipients.value))
    )


EXPLAINER = KindExplainer(
    page=PAGE,
    set_title="set_default_rule",
    remove_title="remove_default_rule",
    present=present,
    absent=deletion(PAGE, "delete_default_rule", "delete_rule_title"),
)
