"""A kind from another package end to end: `email_allowlist` of examples/plugin-kind (installed
by scripts/bootstrap.sh), typed fields over the simulator's Spam page through the form step."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.conftest import CliResult
from tests.conftest import SimApi

Run = Callable[..., CliResult]
Write = Callable[..., Path]


def _book(ips: list[str], **more: Any) -> dict[str, Any]:
    allowlist = {"name": "Allow our relays", "ip_addresses": ips, **more}
    return {"version": 1, "name": "relays", "steps": [{"email_allowlist": allowlist}]}


def test_a_plugin_kind_is_planned_set_and_then_in_sync(
    runbook_cli: Run, write_runbook: Write, sim: SimApi
) -> None:
    book = str(write_runbook(_book(["203.0.113.0/24", "192.0.2.1"])))
    dry = runbook_cli("run", book, "--dry-run", "--json")
    assert dry.code == 0, dry.output
    assert [s["status"] for s in dry.run()["steps"]] == ["would_change"]
    assert sim.audit() == []

    first = runbook_cli("run", book, "--json")
    assert first.code == 0, first.output
    (step,) = first.run()["steps"]
    assert (step["kind"], step["status"]) == ("email_allowlist", "changed")
    assert [(c["field"], c["after"]) for c in step["changes"]] == [
        ('textbox "Enter the IP addresses for the allowlist"', "203.0.113.0/24, 192.0.2.1")
    ]
    spam = sim.state()["gmail_settings"]["spam"]["/"]
    assert spam["allowlist"]["ip_addresses"] == ["203.0.113.0/24", "192.0.2.1"]

    again = runbook_cli("run", book, "--json")
    assert [s["status"] for s in again.run()["steps"]] == ["ok"]
    assert runbook_cli("drift", book).code == 0
    assert len(sim.audit()) == 1


def test_a_plugin_kind_is_validated_explained_listed_and_in_the_schema(
    runbook_cli: Run, write_runbook: Write
) -> None:
    wrong = runbook_cli("validate", str(write_runbook(_book(["300.1.2.3"]), "wrong.yaml")))
    assert wrong.code == 65
    assert "'300.1.2.3' is no IP address or CIDR range" in wrong.output

    explained = runbook_cli("explain", str(write_runbook(_book(["192.0.2.1"]))))
    assert explained.code == 0, explained.output
    assert "Email allowlist" in explained.output and "192.0.2.1" in explained.output

    listed = runbook_cli("kinds", "--json")
    assert listed.code == 0, listed.output
    (kind,) = [k for k in listed.json()["kinds"] if k["key"] == "email_allowlist"]
    assert (kind["distribution"], kind["page"]) == (
        "runbook-email-allowlist",
        "the step names its page",
    )
    assert kind["schema"]["required"] == ["name", "ip_addresses"]
    schema = json.loads(runbook_cli("schema").output)
    assert "email_allowlist" in schema["$defs"]["Step"]["properties"]
