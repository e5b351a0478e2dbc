"""The runbook JSON Schema: generated from the model, committed, and met by shipped runbooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml
from click.testing import CliRunner

from runbook.cli import cli
from runbook.file import KINDS, json_schema
from runbook.file.kinds import PLUGINS

ROOT = Path(__file__).parents[2]
SCHEMA_FILE = ROOT / "schema" / "runbook.schema.json"
SHIPPED = sorted((ROOT / "runbooks").glob("*.yaml"))


def as_json(path: Path) -> Any:
    """The runbook as a JSON document (dates become strings, as an editor sees them)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))


def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def builtin_only(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without the kinds of other packages (the committed one is runbook's own)."""
    plugin = {key: KINDS[key].model.__name__ for key in PLUGINS}
    step = schema["$defs"]["Step"]
    for key, model in plugin.items():
        schema["$defs"].pop(model, None)
        step["properties"].pop(key, None)
        step["oneOf"].remove({"required": [key]})
        step["description"] = step["description"].replace(f" or `{key}`", "")
    return schema


def test_committed_schema_is_the_generated_one() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == builtin_only(json_schema()), (
        "schema/runbook.schema.json is stale: run `runbook schema > schema/runbook.schema.json`"
    )


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_runbook_meets_the_schema_and_points_editors_at_it(path: Path) -> None:
    first = path.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/runbook.schema.json"
    errors = list(validator().iter_errors(as_json(path)))
    assert errors == []


def test_schema_hides_what_the_file_cannot_set() -> None:
    schema = json_schema()
    assert "secrets" not in schema["properties"] and "source" not in schema["properties"]
    rule = schema["$defs"]["RoutingRule"]
    assert "change_route_existing" not in rule["properties"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("change_route", "ok"),
    [
        ("Legacy mail server", True),
        ({"name": "Legacy mail server", "existing": True}, True),
        ({"name": "Legacy mail server", "exists": True}, False),
        ({"existing": True}, False),
    ],
)
def test_schema_accepts_both_change_route_spellings(change_route: Any, ok: bool) -> None:
    document = as_json(ROOT / "runbooks" / "split-delivery.yaml")
    document["steps"][1]["routing_rule"]["change_route"] = change_route
    assert validator().is_valid(document) is ok


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("steps", 0, "mail_route", "server", "single_host", "port"), 465),
        (("steps", 0, "mail_route", "server", "single_host", "port"), 80),
        (("steps", 1, "routing_rule", "messages"), []),
        (("steps", 1, "routing_rule", "messages"), ["inbound", "inbound"]),
        (("steps", 1, "routing_rule", "account_types"), ["catch_all"]),
        (("console", "locale"), "nl"),
        (("version",), 2),
    ],
)
def test_schema_rejects_what_validate_rejects(path: tuple[Any, ...], value: Any) -> None:
    document = as_json(ROOT / "runbooks" / "split-delivery.yaml")
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert not validator().is_valid(document)


def test_schema_requires_one_step_kind() -> None:
    document = as_json(ROOT / "runbooks" / "split-delivery.yaml")
    document["steps"][0]["routing_rule"] = document["steps"][1]["routing_rule"]
    assert not validator().is_valid(document)
