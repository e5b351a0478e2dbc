"""`explain` for Default routing settings: the page and its "Add setting" dialog."""

from __future__ import annotations

from typing import cast

from runbook.engine.explain.core import Item, KindExplainer, Writer, navigate
from runbook.locales import (
    ACTION_KEYS,
    APPLY_TO_KEYS,
    DEFAULT_MATCH_KEYS,
    DEFAULT_MATCH_VALUE_KEYS,
)
from runbook.spec import kind_info
from runbook.spec.default_routing import DefaultRouting
from runbook.spec.model import Runbook, Step

PAGE = kind_info("default_routing").page


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    rule = cast(DefaultRouting, step.resource)
    items = navigate(w, book, PAGE)
    items.append(
        Item(
            w.say(
                "add_default_rule",
                configure=w.name("configure"),
                add_another=w.name("add_another_rule"),
                dialog=w.name("rule_dialog"),
            )
        )
    )
    items.append(
        Item(
            w.say(
                "edit_default_rule",
                name=w.q(rule.description),
                edit=w.name("edit"),
                dialog=w.name("rule_dialog_edit"),
            )
        )
    )
    items.append(
        Item(w.say("description", field=w.name("rule_description"), name=w.q(rule.description)))
    )
    items.append(_recipients(w, rule))
    items.append(
        Item(
            w.say("action", menu=w.name("dr_action_menu"), choice=w.name(ACTION_KEYS[rule.action]))
        )
    )
    if rule.rejection_notice is not None:
        items.append(
            Item(
                w.say(
                    "rejection_notice",
                    field=w.name("rejection_notice"),
                    text=w.q(rule.rejection_notice),
                )
            )
        )
    if rule.change_route is not None:
        text = w.say(
            "change_route",
            group=w.name("route_group"),
            box=w.name("change_route"),
            menu=w.name("route_menu"),
            route=w.q(rule.change_route),
        )
        if rule.change_route_existing:
            text += " " + w.say("existing_route", hosts=w.name("nav_hosts"))
        items.append(Item(text))
    items.append(
        Item(
            w.say(
                "dr_apply_to", group=w.name("options"), choice=w.name(APPLY_TO_KEYS[rule.apply_to])
            )
        )
    )
    items.append(Item(w.say("save", save=w.name("save"))))
    if not rule.enabled:
        items.append(
            Item(
                w.say(
                    "disable_default_rule",
                    page=w.name("default_routing_heading"),
                    switch=w.name("rule_enabled"),
                    name=w.q(rule.description),
                )
            )
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


def absent(w: Writer, book: Runbook, step: Step) -> list[Item]:
    items = navigate(w, book, PAGE)
    items.append(
        Item(
            w.say(
                "delete_default_rule",
                name=w.q(step.key),
                delete=w.name("delete"),
                dialog=w.name("delete_rule_title"),
            )
        )
    )
    return items


EXPLAINER = KindExplainer(
    page=PAGE,
    set_title="set_default_rule",
    remove_title="remove_default_rule",
    present=present,
    absent=absent,
)
