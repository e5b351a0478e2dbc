"""Valid runbooks load into the model the engine relies on, and `validate` says so."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.samples import NEW_RULE_OPTIONS

from runbook.cli import cli
from runbook.errors import InvalidRunbook
from runbook.file import MailRoute, RoutingRule, load_runbook, load_text, summarize

ROOT = Path(__file__).parents[2]
SHIPPED = sorted((ROOT / "runbooks").glob("*.yaml"))
VALID = sorted((Path(__file__).parent / "data" / "valid").glob("*.yaml"))
ENV = {"RUNBOOK_TEST_RELAY": "relay.example.net"}


def summary_of(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    assert first.startswith("# summary: ")
    return first.removeprefix("# summary: ")


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_runbook_exits_0_with_its_summary(path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: ok — {summary_of(path)}\n"


def test_shipped_runbooks_are_valid() -> None:
    assert {p.name for p in SHIPPED} >= {"split-delivery.yaml", "split-delivery-multi-host.yaml"}
    result = CliRunner().invoke(cli, ["validate", *map(str, SHIPPED)])
    assert result.exit_code == 0, result.output
    kinds = {"catch-all-subdomain.yaml": "1 Default routing setting"}
    for path in SHIPPED:
        assert f"{path}: ok — " in result.stdout
        if path.name in kinds or path.name.startswith("split-delivery"):
            second = kinds.get(path.name, "1 routing rule")
            assert f"{path}: ok — 2 steps: 1 mail route, {second}" in result.stdout


def test_validate_json_lists_valid_files() -> None:
    path = ROOT / "runbooks" / "split-delivery.yaml"
    result = CliRunner().invoke(cli, ["validate", "--json", str(path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "format": 1,
        "valid": [{"file": str(path), "summary": "2 steps: 1 mail route, 1 routing rule"}],
        "errors": [],
        "exit_code": 0,
    }


def test_split_delivery_fields_match_the_console_state_shape() -> None:
    book = load_runbook(ROOT / "runbooks" / "split-delivery.yaml", env={})
    route, rule = book.steps
    assert (route.kind, route.key, route.state) == ("mail_route", "Legacy mail server", "present")
    assert isinstance(route.resource, MailRoute) and route.resource.test_tls_connection
    assert route.resource.console_fields() == {
        "name": "Legacy mail server",
        "server": {"single_host": {"host": "mail.legacy.example.com", "port": 25}},
        "mx_lookup": False,
        "require_tls": True,
        "require_ca_signed_certificate": True,
        "validate_certificate_hostname": True,
    }
    assert rule.kind == "routing_rule" and isinstance(rule.resource, RoutingRule)
    assert rule.resource.console_fields() == {
        "description": rule.key,
        "messages": ["inbound", "internal_receiving"],
        **NEW_RULE_OPTIONS,
        "action": "modify_message",
        "change_route": "Legacy mail server",
        "account_types": ["unrecognized_catch_all"],
        "envelope_filter": None,
        "enabled": True,
    }
    assert book.source == str(ROOT / "runbooks" / "split-delivery.yaml")
    assert book.secrets == frozenset()
    assert book.console.url is None and book.console.locale == "en"
    assert summarize(book) == "2 steps: 1 mail route, 1 routing rule"


def test_multi_host_fields() -> None:
    book = load_runbook(ROOT / "runbooks" / "split-delivery-multi-host.yaml", env={})
    route = book.steps[0].resource
    assert isinstance(route, MailRoute)
    assert route.console_fields()["server"] == {
        "multiple_hosts": {
            "primary": [
                {"host": "mx1.legacy.example.com", "port": 25, "load": 50},
                {"host": "mx2.legacy.example.com", "port": 25, "load": 50},
            ],
            "secondary": [{"host": "backup.legacy.example.com", "port": 2525, "load": 100}],
        }
    }
    rule = book.steps[1].resource
    assert isinstance(rule, RoutingRule)
    assert rule.console_fields()["envelope_filter"] == {
        "recipients": {"match": "pattern", "value": r".*@legacy\.example\.com"}
    }


def load(body: str, **kwargs: object) -> object:
    head = "version: 1\nname: t\nsteps:\n"
    return load_text(head + body, "t.yaml", **kwargs)  # type: ignore[arg-type]


ROUTE = "  - mail_route:\n      name: R\n      server: {single_host: {host: a.example.com}}\n"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("", (True, True, True)),
        ("      require_tls: false\n", (False, False, False)),
        ("      require_ca_signed_certificate: false\n", (True, False, False)),
        ("      validate_certificate_hostname: false\n", (True, True, False)),
        (
            "      require_tls: false\n      require_ca_signed_certificate: false\n",
            (False, False, False),
        ),
    ],
)
def test_tls_defaults_follow_the_option_they_refine(
    options: str, expected: tuple[bool, bool, bool]
) -> None:
    book = load(ROUTE + options, env={})
    route = book.steps[0].resource  # type: ignore[attr-defined]
    got = (
        route.require_tls,
        route.require_ca_signed_certificate,
        route.validate_certificate_hostname,
    )
    assert got == expected


def test_rule_defaults_are_the_consoles() -> None:
    book = load(
        ROUTE + "  - routing_rule: {description: D, messages: [internal_receiving, inbound]}\n",
        env={},
    )
    rule = book.steps[1].resource  # type: ignore[attr-defined]
    fields = rule.console_fields()
    assert fields["messages"] == ["inbound", "internal_receiving"]  # canonical order
    assert fields["account_types"] == ["users", "groups"]
    assert fields["action"] == "modify_message" and fields["enabled"] is True
    assert rule.change_route is None and rule.change_route_existing is False


def test_change_route_existing_spelling() -> None:
    book = load(
        "  - routing_rule:\n      description: D\n      messages: [inbound]\n"
        "      change_route: {name: Elsewhere, existing: true}\n",
        env={},
    )
    rule = book.steps[0].resource  # type: ignore[attr-defined]
    assert (rule.change_route, rule.change_route_existing) == ("Elsewhere", True)
    assert "change_route_existing" not in rule.console_fields()


def test_env_values_are_secrets_and_vars_are_resolved() -> None:
    body = ROUTE.replace("a.example.com", '"${relay}"')
    text = "vars:\n  relay: ${env:RELAY}\n"
    book = load_text(
        "version: 1\nname: t\n" + text + "steps:\n" + body,
        "t.yaml",
        env={"RELAY": "relay.example.net"},
    )
    assert book.secrets == frozenset({"relay.example.net"})
    assert book.vars == {"relay": "relay.example.net"}
    server = book.steps[0].resource.console_fields()["server"]
    assert server["single_host"]["host"] == "relay.example.net"


def test_command_line_vars_override_the_files() -> None:
    body = ROUTE.replace("{host: a.example.com}", "{host: a.example.com, port: 25}")
    body = body.replace("name: R", "name: ${route}")
    text = "version: 1\nname: t\nvars:\n  route: From file\nsteps:\n" + body
    book = load_text(text, "t.yaml", variables={"route": "From CLI"}, env={})
    assert book.steps[0].key == "From CLI"
    assert book.vars["route"] == "From CLI"


def test_plain_reference_is_read_as_yaml_and_dollar_escape_is_literal() -> None:
    body = (
        "  - mail_route:\n      name: Cost $${price} is ${price}\n"
        "      server:\n        single_host:\n"
        "          host: a.example.com\n          port: ${port}\n"
    )
    book = load_text(
        "version: 1\nname: t\nvars:\n  port: '2525'\n  price: 5\nsteps:\n" + body, "t.yaml", env={}
    )
    route = book.steps[0].resource
    assert route.key == "Cost ${price} is 5"  # `$${` writes a literal `${`
    assert route.console_fields()["server"]["single_host"]["port"] == 2525


def test_all_problems_of_a_file_come_at_once() -> None:
    body = (
        "  - mail_route:\n      name: R\n      server: {single_host: {host: a..b, port: 465}}\n"
        "  - routing_rule: {description: D, messages: [sideways], change_route: Nowhere}\n"
    )
    with pytest.raises(InvalidRunbook) as info:
        load(body, env={})
    located = [(p.line, p.column) for p in info.value.problems]
    assert located == [(6, 36), (6, 48), (7, 47), (7, 72)]


def test_drift_ignore_is_parsed() -> None:
    book = load_runbook(Path(__file__).parent / "data" / "valid" / "existing-route.yaml")
    (ignore,) = book.drift.ignore
    assert ignore.until == date(2026, 12, 31)
    assert ignore.field == "envelope_filter.recipients.value"


def test_step_titles() -> None:
    book = load_runbook(Path(__file__).parent / "data" / "valid" / "absent-steps.yaml")
    assert [s.title for s in book.steps] == [
        "Remove mail route 'Old legacy server'",
        "Remove the old rule",
        "Set mail route 'Test sink'",
    ]


def test_models_built_in_python_are_checked_too() -> None:
    from pydantic import ValidationError

    from runbook.file import Runbook, Step

    rule = RoutingRule(description="D", messages=["inbound"], change_route="Nowhere")
    with pytest.raises(ValidationError, match="no earlier step defines mail route 'Nowhere'"):
        Runbook(version=1, name="x", steps=[Step(routing_rule=rule)])
    with pytest.raises(ValidationError, match="port 465"):
        MailRoute(name="R", server={"single_host": {"host": "a.example.com", "port": 465}})
    route = MailRoute(
        name="R", server={"single_host": {"host": "a.example.com"}}, require_tls=False
    )
    assert not route.require_ca_signed_certificate and not route.validate_certificate_hostname


EVERY_OPTION = """
version: 1
name: every-option
steps:
  - routing_rule:
      description: Copy to the journal
      messages: [inbound]
      headers: {x_gm_original_to: true, x_gm_spam: true, custom: [{key: X-Archive, value: "yes"}]}
      prepend_subject: "[copy]"
      change_route: {name: Archive smarthost, existing: true}
      also_reroute_spam: true
      suppress_bounces: true
      change_envelope_recipient: {domain: example.net}
      bypass_spam_filter: true
      remove_attachments: true
      also_deliver_to:
        - journal@archive.example.net
        - address: copy@example.net
          change_route: {name: Archive smarthost, existing: true}
          do_not_deliver_spam: false
      require_secure_transport: true
  - routing_rule:
      description: Leaver
      messages: [inbound]
      action: reject_message
      rejection_notice: This address no longer receives mail.
"""


def test_every_message_option_is_stored_under_its_runbook_name() -> None:
    copy, leaver = load_text(EVERY_OPTION, env={}).steps
    assert copy.resource.console_fields() == {
        "description": "Copy to the journal",
        "messages": ["inbound"],
        "action": "modify_message",
        "rejection_notice": None,
        "headers": {
            "x_gm_original_to": True,
            "x_gm_spam": True,
            "custom": [{"key": "X-Archive", "value": "yes"}],
        },
        "prepend_subject": "[copy]",
        "change_route": "Archive smarthost",
        "also_reroute_spam": True,
        "suppress_bounces": True,
        "change_envelope_recipient": {"domain": "example.net"},
        "bypass_spam_filter": True,
        "remove_attachments": True,
        "also_deliver_to": [
            {"address": "journal@archive.example.net"},
            {
                "address": "copy@example.net",
                "change_route": "Archive smarthost",
                "do_not_deliver_spam": False,
                "suppress_bounces": True,
            },
        ],
        "require_secure_transport": True,
        "account_types": ["users", "groups"],
        "envelope_filter": None,
        "enabled": True,
    }
    assert leaver.resource.console_fields() == {
        "description": "Leaver",
        "messages": ["inbound"],
        **NEW_RULE_OPTIONS,
        "action": "reject_message",
        "rejection_notice": "This address no longer receives mail.",
        "change_route": None,
        "account_types": ["users", "groups"],
        "envelope_filter": None,
        "enabled": True,
    }
