"""`explain` for DKIM keys: the Authenticate email page, its Generate dialog and the DNS record."""

from __future__ import annotations

from typing import cast

from runbook.dns_records.dkim import host_name, record_name
from runbook.explain.core import Item, KindExplainer, Writer
from runbook.file import kind_info
from runbook.file.dkim import Dkim
from runbook.file.model import Runbook, Step

PAGE = kind_info("dkim").page


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    key = cast(Dkim, step.resource)
    items = [
        Item(w.say("go_to", path=w.click_path(PAGE))),
        Item(w.say("dkim_domain", menu=w.name("dkim_domain_menu"), domain=w.q(key.domain))),
        Item(
            w.say(
                "dkim_generate_key",
                host=w.name("dkim_host_name"),
                selector=w.q(key.selector),
                button=w.name("dkim_generate_record"),
                dialog=w.name("dkim_dialog"),
                bits=w.name("dkim_key_bits"),
                n=w.q(str(key.key_bits)),
                prefix=w.name("dkim_selector"),
                generate=w.name("dkim_generate"),
            )
        ),
        Item(
            w.say(
                "dkim_publish",
                host=w.name("dkim_host_name"),
                value=w.name("dkim_txt_value"),
                name=w.q(record_name(key.selector, key.domain)),
                short=w.q(host_name(key.selector)),
            )
        ),
    ]
    status = w.name("dkim_authenticating")
    if key.authentication == "on":
        items.append(Item(w.say("dkim_start_auth", start=w.name("dkim_start"), status=status)))
    else:
        items.append(Item(w.say("dkim_stop_auth", stop=w.name("dkim_stop"), status=status)))
    return items


EXPLAINER = KindExplainer(
    page=PAGE,
    set_title="set_dkim",
    remove_title="set_dkim",  # never used: a runbook cannot remove a key (`state: absent`)
    present=present,
    absent=present,
)
