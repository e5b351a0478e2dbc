"""Console entries written as runbook steps: only what differs from a new entry, valid, stable."""

from __future__ import annotations

from pathlib import Path

import yaml
from tests.cli.adopt_samples import OPTIONS_RULE, REJECT_RULE
from tests.samples import LEGACY_ROUTE, UNMANAGED_ROUTE, converged_rule

from runbook.file import kind_info, load_text
from runbook.file.writer import Entry, file_fields, kinds_in_order, runbook_text, schema_ref

CONSOLE = {"url": "https://admin.google.com", "locale": "en", "org_unit": "/"}


def test_routes_come_before_the_kinds_that_name_them() -> None:
    assert kinds_in_order(["default_routing", "routing_rule", "mail_route"]) == [
        "mail_route",
        "routing_rule",
        "default_routing",
    ]
    assert kinds_in_order(["routing_rule"]) == ["routing_rule"]


def test_a_route_as_the_console_defaults_it_says_only_its_name_and_host() -> None:
    assert file_fields(kind_info("mail_route"), LEGACY_ROUTE) == {
        "name": "Legacy mail server",
        "server": {"single_host": {"host": "mail.legacy.example.com"}},
    }
    assert file_fields(kind_info("mail_route"), UNMANAGED_ROUTE)["require_tls"] is False


def test_a_basic_copy_is_a_plain_address_and_an_advanced_one_keeps_its_options() -> None:
    fields = file_fields(kind_info("routing_rule"), OPTIONS_RULE)
    assert fields["also_deliver_to"] == [
        "journal@example.com",
        {
            "address": "copy@example.net",
            "change_route": "Balanced relays",
            "do_not_deliver_spam": False,
        },
    ]
    assert list(fields)[:2] == ["description", "messages"]  # the kind's field order


def test_a_rejecting_rule_leaves_out_the_modify_options_it_cannot_have() -> None:
    fields = file_fields(kind_info("routing_rule"), REJECT_RULE)
    assert fields["action"] == "reject_message"
    assert "headers" not in fields and "also_reroute_spam" not in fields


def test_the_written_runbook_loads_and_a_route_it_does_not_write_is_an_existing_one() -> None:
    rule = {**REJECT_RULE, "action": "modify_message", "rejection_notice": None}
    rule["change_route"] = "Somewhere else"
    entries = [
        Entry("mail_route", "Legacy mail server", LEGACY_ROUTE),
        Entry("routing_rule", rule["description"], rule, missing=["Add X-Gm-Future header"]),
    ]
    text = runbook_text(entries, name="x", description="d", console=CONSOLE)
    assert text == runbook_text(entries, name="x", description="d", console=CONSOLE)
    assert "  # runbook does not model option 'Add X-Gm-Future header' of this entry\n" in text
    step = yaml.safe_load(text)["steps"][1]["routing_rule"]
    assert step["change_route"] == {"name": "Somewhere else", "existing": True}
    book = load_text(text, "export.yaml")
    assert [s.key for s in book.steps] == ["Legacy mail server", rule["description"]]


def test_the_schema_reference_points_at_the_nearest_schema_folder(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "runbook.schema.json").write_text("{}")
    assert schema_ref(tmp_path / "runbooks" / "x.yaml") == "../schema/runbook.schema.json"
    assert schema_ref(tmp_path / "x.yaml") == "schema/runbook.schema.json"


def test_a_console_value_that_looks_like_a_reference_is_written_to_read_back_as_it_is() -> None:
    """A subject prefix `${env:RUNBOOK_PASSWORD}` planted in the console must not make a run of
    the export write the runner's secret (or `$HOME`) back; `${x}` must not make it invalid."""
    values = ["${env:RUNBOOK_PASSWORD}", "${x} and $${y}", "$5 ${", "plain"]
    entries = [Entry("mail_route", "Legacy mail server", LEGACY_ROUTE)] + [
        Entry(
            "routing_rule",
            f"Rule {n}",
            {**converged_rule(), "description": f"Rule {n}", "prepend_subject": value},
        )
        for n, value in enumerate(values)
    ]
    text = runbook_text(entries, name="x", description="d", console=CONSOLE)
    book = load_text(text, "export.yaml", env={"RUNBOOK_PASSWORD": "s3cret"})
    read = [step.resource.prepend_subject for step in book.steps if step.kind == "routing_rule"]
    assert read == values
    assert "s3cret" not in str(book.model_dump())


def test_an_own_rule_and_the_inherited_one_it_shares_a_description_with_are_two_steps() -> None:
    console = {**CONSOLE, "org_unit": "/Sales"}
    own = {"description": "Sales mail", "messages": ["inbound"], "action": "modify_message"}
    off = {"description": "Sales mail", "inherited": True, "enabled": False}
    entries = [Entry("routing_rule", "Sales mail", own), Entry("routing_rule", "Sales mail", off)]
    text = runbook_text(entries, name="x", description="d", console=console)
    book = load_text(text, "export.yaml")  # valid: one name per step
    assert [s.name for s in book.steps] == [
        "Routing rule: Sales mail",
        "Inherited routing rule: Sales mail",
    ]
