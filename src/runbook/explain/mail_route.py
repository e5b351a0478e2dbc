"""`explain` for mail routes: the Hosts page and its "Add mail route" dialog."""

from __future__ import annotations

from typing import cast

from runbook.explain.core import Item, KindExplainer, Writer, deletion, navigate
from runbook.file import kind_info
from runbook.file.model import MailRoute, MultipleHosts, Runbook, Step, WeightedHost
from runbook.locales import LabelKey

PAGE = kind_info("mail_route").page


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    route = cast(MailRoute, step.resource)
    items = navigate(w, book, PAGE, step)
    items.append(
        Item(w.say("add_route", add_route=w.name("add_route"), dialog=w.name("route_dialog")))
    )
    items.append(
        Item(
            w.say(
                "edit_route",
                name=w.q(route.name),
                edit=w.name("edit"),
                dialog=w.name("route_dialog_edit"),
            )
        )
    )
    items.append(Item(w.say("route_name", field=w.name("route_name"), name=w.q(route.name))))
    assert route.server is not None  # a present route has a server (checked on load)
    single = route.server.single_host
    choice: LabelKey = "single_host" if single is not None else "multiple_hosts"
    items.append(Item(w.say("server_menu", menu=w.name("server_menu"), choice=w.name(choice))))
    if single is not None:
        items.append(
            Item(
                w.say(
                    "single_host",
                    host=w.name("host"),
                    value=w.q(single.host),
                    port=w.name("port"),
                    number=str(single.port),
                )
            )
        )
    else:
        assert route.server.multiple_hosts is not None
        items += _tables(w, route.server.multiple_hosts)
    options: list[tuple[LabelKey, bool]] = [
        ("mx_lookup", route.mx_lookup),
        ("require_tls", route.require_tls),
        ("require_ca", route.require_ca_signed_certificate),
        ("validate_hostname", route.validate_certificate_hostname),
    ]
    items.append(
        Item(
            w.say("options", options=w.name("options")),
            [w.say("check" if on else "uncheck", box=w.name(key)) for key, on in options],
        )
    )
    if route.test_tls_connection:
        items.append(
            Item(w.say("test_tls", button=w.name("test_tls"), passed=w.name("tls_passed")))
        )
    items.append(Item(w.say("save", save=w.name("save"))))
    return items


def _tables(w: Writer, hosts: MultipleHosts) -> list[Item]:
    def rows(table: list[WeightedHost]) -> list[str]:
        return [
            w.say(
                "row",
                host=w.labels.name("host"),
                value=w.q(r.host),
                port=w.labels.name("port"),
                number=str(r.port),
                load=w.labels.name("load"),
                percent=str(r.load),
            )
            for r in table
        ]

    items = [
        Item(
            w.say("table", table=w.name("primary"), add_host=w.name("add_host")),
            rows(hosts.primary),
        )
    ]
    if hosts.secondary:
        items.append(
            Item(
                w.say("table", table=w.name("secondary"), add_host=w.name("add_host")),
                rows(hosts.secondary),
            )
        )
    else:
        items.append(Item(w.say("no_secondary", table=w.name("secondary"))))
    items.append(Item(w.say("loads", load=w.name("load"))))
    return items


EXPLAINER = KindExplainer(
    page=PAGE,
    set_title="set_route",
    remove_title="remove_route",
    present=present,
    absent=deletion(PAGE, "delete_route", "delete_route_title"),
)
