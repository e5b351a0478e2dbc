"""The resource kinds a step manages, one registry entry each; generic code looks kinds up here.

To add a kind (say `default_routing`):
1. write its model module `file/default_routing.py`: a `Resource` subclass and its `FIELDS` tree;
2. add one `KindInfo` to `KINDS` below: the Step model, loader, cross checks and summary follow;
3. add its page object, step and explain modules and its label keys in each locale file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from runbook.file import default_routing, mail_route, message_options, routing_rule
from runbook.file.checks import one_of
from runbook.file.fields import Resource, SpecIssue
from runbook.file.references import Reference


@dataclass(frozen=True)
class KindInfo:
    """What generic code needs to know of one resource kind."""

    key: str  # the step key that holds it in a runbook: `mail_route`
    key_field: str  # the field that names it in the console: `name`
    noun: str  # short, for prose: "route"
    what: str  # in messages: "mail route"
    page: str  # the console page that lists it (the pages registry's name): "hosts"
    model: type[Resource]
    fields: Mapping[str, Any]  # the field tree `drift.ignore` may name
    required: Mapping[str, str]  # fields needed unless state is absent -> how a message names it
    references: tuple[Reference, ...] = ()
    unvalidated: Callable[[dict[str, Any]], list[SpecIssue]] | None = None  # raw-data checks
    plural: str = ""  # `what` in the plural, when adding an "s" is wrong

    def count(self, n: int) -> str:
        """`1 mail route`, `2 mail routes`."""
        return f"{n} {self.what if n == 1 else (self.plural or self.what + 's')}"

    def missing(self, field: str, key: object) -> str:
        """The problem of a present step whose resource leaves out `field` (`key` if known)."""
        named = f" {key!r}" if isinstance(key, str) else ""
        return (
            f"{self.what}{named} needs {self.required[field]}; "
            "only 'state: absent' may leave it out"
        )


KINDS: dict[str, KindInfo] = {
    info.key: info
    for info in (
        KindInfo(
            key="mail_route",
            key_field="name",
            noun="route",
            what="mail route",
            page="hosts",
            model=mail_route.MailRoute,
            fields=mail_route.FIELDS,
            required={"server": "a 'server' (single_host or multiple_hosts)"},
            unvalidated=mail_route.unvalidated_issues,
        ),
        KindInfo(
            key="routing_rule",
            key_field="description",
            noun="rule",
            what="routing rule",
            page="routing",
            model=routing_rule.RoutingRule,
            fields=routing_rule.FIELDS,
            required={"messages": f"'messages' ({one_of(routing_rule.MESSAGE_TYPES)})"},
            references=(routing_rule.CHANGE_ROUTE, message_options.COPY_ROUTE),
        ),
        KindInfo(
            key="default_routing",
            key_field="description",
            noun="setting",
            what="Default routing setting",
            page="default_routing",
            model=default_routing.DefaultRouting,
            fields=default_routing.FIELDS,
            required={
                "recipients": f"'recipients' (match: {one_of(default_routing.RECIPIENT_MATCHES)})"
            },
            references=(default_routing.CHANGE_ROUTE, message_options.COPY_ROUTE),
            unvalidated=default_routing.unvalidated_issues,
        ),
    )
}


def kind_info(key: str) -> KindInfo:
    """The registry entry of kind `key`; a kind that is not registered is a `LookupError`."""
    try:
        return KINDS[key]
    except KeyError:
        raise LookupError(
            f"no resource kind {key!r} is registered; the kinds: {', '.join(KINDS)} "
            "(add one in runbook.file.kinds)"
        ) from None


def nouns() -> str:
    """The kinds' nouns for a message: `route or rule`."""
    names = [info.noun for info in KINDS.values()]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def hidden_fields() -> set[str]:
    """Model fields a file cannot spell (set from a reference's `{name, existing}` form)."""
    return {ref.existing_field for info in KINDS.values() for ref in info.references}
