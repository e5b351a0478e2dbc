"""`explain` of what a setting does to a message: Reject's notice, or Modify's option groups.

Shared by the kinds whose dialog has "Modify message" / "Reject message" (Routing, Default
routing): `option_items(w, options)` gives the numbered instructions after the action menu,
in the dialog's order (Change route among them).
"""

from __future__ import annotations

from runbook.explain.core import Item, Writer
from runbook.file.message_options import DeliverCopy, MessageOptions
from runbook.locales import LabelKey, ProseKey
from runbook.locales.values.message_options import ACTION_KEYS

ENVELOPE_KEYS: dict[str, tuple[LabelKey, LabelKey]] = {
    "recipient": ("envelope_recipient", "envelope_value_recipient"),
    "username": ("envelope_username", "envelope_value_username"),
    "domain": ("envelope_domain", "envelope_value_domain"),
}


def _checks(w: Writer, group: LabelKey, children: list[str]) -> list[Item]:
    return [Item(w.say("in_group", group=w.name(group)), children)] if children else []


def _route(w: Writer, rule: MessageOptions) -> list[Item]:
    items: list[Item] = []
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
    flags: list[tuple[bool, LabelKey]] = [
        (rule.also_reroute_spam, "also_reroute_spam"),
        (rule.suppress_bounces, "suppress_bounces"),
    ]
    checked = [w.say("check", box=w.name(key)) for on, key in flags if on]
    return items + _checks(w, "route_group", checked)


def _headers(w: Writer, rule: MessageOptions) -> list[Item]:
    headers = rule.headers
    if headers is None:
        return []
    flags: list[tuple[bool, LabelKey]] = [
        (headers.x_gm_original_to, "hdr_original_to"),
        (headers.x_gm_spam, "hdr_spam"),
    ]
    children = [w.say("check", box=w.name(key)) for on, key in flags if on]
    for header in headers.custom:
        children.append(
            w.say(
                "custom_header",
                box=w.name("hdr_custom"),
                add=w.name("add_item"),
                header=w.q(header.key),
                header_field=w.name("header_key"),
                value=w.q(header.value),
                value_field=w.name("header_value"),
                save=w.name("save"),
            )
        )
    return _checks(w, "headers_group", children)


def _copy(w: Writer, copy: DeliverCopy) -> str:
    basic = copy.console_fields() == {"address": copy.address}
    fields = {
        "menu": w.name("recipient_mode"),
        "field": w.name("recipient_address"),
        "address": w.q(copy.address),
    }
    if basic:
        return w.say("copy_basic", choice=w.name("recipient_basic"), **fields)
    flags: list[str] = []
    if copy.change_route is not None:
        flags.append(
            w.say(
                "copy_route",
                group=w.name("route_group"),
                box=w.name("change_route"),
                route=w.q(copy.change_route),
                menu=w.name("route_menu"),
            )
        )
    defaults_on: list[tuple[bool, LabelKey]] = [
        (copy.do_not_deliver_spam, "copy_no_spam"),
        (copy.suppress_bounces, "copy_suppress_bounces"),
    ]
    for on, key in defaults_on:
        flags.append(w.say("copy_flag_on" if on else "copy_flag_off", box=w.name(key)))
    return w.say(
        "copy_advanced", choice=w.name("recipient_advanced"), flags=w.join(flags), **fields
    ).rstrip("; ")


def option_items(w: Writer, rule: MessageOptions) -> list[Item]:
    """The instructions for the options after the action menu (the dialog's order)."""
    if rule.action == "reject_message":
        if rule.rejection_notice is None:
            return []
        text = w.say(
            "rejection_notice", field=w.name("rejection_notice"), text=w.q(rule.rejection_notice)
        )
        return [Item(text)]
    items = _headers(w, rule)
    if rule.prepend_subject is not None:
        items += _checks(
            w,
            "subject_group",
            [
                w.say(
                    "enter_text",
                    box=w.name("prepend_subject"),
                    text=w.q(rule.prepend_subject),
                    field=w.name("subject_text"),
                )
            ],
        )
    items += _route(w, rule)
    envelope = rule.change_envelope_recipient
    if envelope is not None:
        [(part, value)] = envelope.console_fields().items()
        choice, field = ENVELOPE_KEYS[part]
        items += _checks(
            w,
            "envelope_recipient_group",
            [
                w.say(
                    "envelope_recipient",
                    box=w.name("change_envelope"),
                    choice=w.name(choice),
                    menu=w.name("envelope_menu"),
                    value=w.q(value),
                    field=w.name(field),
                )
            ],
        )
    singles: list[tuple[bool, LabelKey, LabelKey]] = [
        (rule.bypass_spam_filter, "spam_group", "bypass_spam"),
        (rule.remove_attachments, "attachments_group", "remove_attachments"),
    ]
    for on, group, key in singles:
        if on:
            items += _checks(w, group, [w.say("check", box=w.name(key))])
    if rule.also_deliver_to:
        text = w.say(
            "deliver",
            group=w.name("deliver_group"),
            box=w.name("add_recipients"),
            add=w.name("add_item"),
            dialog=w.name("recipient_dialog"),
            save=w.name("save"),
        )
        items.append(Item(text, [_copy(w, c) for c in rule.also_deliver_to]))
    if rule.require_secure_transport:
        items += _checks(
            w, "encryption_group", [w.say("check", box=w.name("require_secure_transport"))]
        )
    items.append(Item(w.say("others_off", choice=w.name("modify_message"))))
    return items


def opening_items(w: Writer, name: str, *, add: ProseKey, edit: ProseKey) -> list[Item]:
    """Opening the Add setting dialog (a new entry) or the entry's Edit, then its description."""
    return [
        Item(
            w.say(
                add,
                configure=w.name("configure"),
                add_another=w.name("add_another_rule"),
                dialog=w.name("rule_dialog"),
            )
        ),
        Item(w.say(edit, name=w.q(name), edit=w.name("edit"), dialog=w.name("rule_dialog_edit"))),
        Item(w.say("description", field=w.name("rule_description"), name=w.q(name))),
    ]


def action_items(w: Writer, rule: MessageOptions, menu: LabelKey) -> list[Item]:
    """Choosing the action in its menu, then its options."""
    choice = w.name(ACTION_KEYS[rule.action])
    return [Item(w.say("action", menu=w.name(menu), choice=choice)), *option_items(w, rule)]


def closing_items(
    w: Writer, name: str, enabled: bool, *, disable: ProseKey, where: dict[str, LabelKey]
) -> list[Item]:
    """Saving, then (for an entry wanted off) its switch on the list (`where`: the list)."""
    items = [Item(w.say("save", save=w.name("save")))]
    if not enabled:
        places = {param: w.name(key) for param, key in where.items()}
        switch = w.name("rule_enabled")
        items.append(Item(w.say(disable, switch=switch, name=w.q(name), **places)))
    return items
