"""`explain` for routing rules: the Routing section and its "Add setting" dialog."""

from __future__ import annotations

from typing import cast

from runbook.explain.core import (
    Checkboxes,
    Item,
    KindExplainer,
    Writer,
    deletion,
    inherited_item,
    navigate,
)
from runbook.explain.message_options import action_items, closing_items, opening_items
from runbook.file import kind_info
from runbook.file.model import (
    ACCOUNT_TYPES,
    MESSAGE_TYPES,
    EnvelopeMatch,
    RoutingRule,
    Runbook,
    Step,
)
from runbook.locales import LabelKey
from runbook.locales.values.routing_rule import (
    ACCOUNT_TYPE_KEYS,
    MATCH_KEYS,
    MATCH_VALUE_KEYS,
    MESSAGE_KEYS,
)

PAGE = kind_info("routing_rule").page


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    rule = cast(RoutingRule, step.resource)
    items = navigate(w, book, PAGE, step)
    if rule.inherited:  # only its switch, in this OU
        return [*items, inherited_item(w, rule.description, rule.enabled, "routing_heading")]
    items.append(Item(w.say("scroll_routing", section=w.name("routing_heading"))))
    items += opening_items(w, rule.description, add="add_rule", edit="edit_rule")
    items.append(_messages(w, rule))
    items += action_items(w, rule, "action_menu")
    items.append(Item(w.say("show_options", show=w.name("show_options"))))
    items.append(_accounts(w, rule))
    items.append(_envelope(w, rule))
    items += closing_items(
        w, rule.description, rule.enabled, disable="disable", where={"section": "routing_heading"}
    )
    return items


def _messages(w: Writer, rule: RoutingRule) -> Item:
    boxes = {m: MESSAGE_KEYS[m] for m in MESSAGE_TYPES}
    prose: Checkboxes = (
        "messages",
        "messages_off_one",
        "messages_off_many",
    )
    return Item(w.checkboxes(prose, "messages_group", boxes, rule.messages))


def _accounts(w: Writer, rule: RoutingRule) -> Item:
    boxes = {a: ACCOUNT_TYPE_KEYS[a] for a in ACCOUNT_TYPES}
    prose: Checkboxes = (
        "accounts",
        "accounts_off_one",
        "accounts_off_many",
    )
    return Item(w.checkboxes(prose, "account_types", boxes, rule.account_types))


def _envelope(w: Writer, rule: RoutingRule) -> Item:
    env = rule.envelope_filter
    if env is None:
        return Item(w.say("envelope_none", group=w.name("envelope_filter")))
    sides: list[tuple[LabelKey, EnvelopeMatch]] = []
    if env.senders is not None:
        sides.append(("env_senders_check", env.senders))
    if env.recipients is not None:
        sides.append(("env_recipients_check", env.recipients))
    return Item(
        w.say("envelope", group=w.name("envelope_filter")),
        [
            w.say(
                "envelope_side",
                box=w.name(box),
                match=w.name(MATCH_KEYS[m.match]),
                menu=w.name("match_menu"),
                value=w.q(m.value),
                field=w.name(MATCH_VALUE_KEYS[m.match]),
            )
            for box, m in sides
        ],
    )


EXPLAINER = KindExplainer(
    page=PAGE,
    set_title="set_rule",
    remove_title="remove_rule",
    present=present,
    absent=deletion(PAGE, "delete_rule", "delete_rule_title", section="routing_heading"),
)
