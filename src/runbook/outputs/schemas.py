"""The JSON Schemas (draft 2020-12) of runbook's output documents, one file each in `schema/`.

`python -m runbook.outputs.schemas [DIR]` writes them (default `schema/`); a test checks that
the committed files are these. Strict where a shape change must show (the required keys and
their types; no unknown key at a document's top level, in a run's steps or a fleet's tenants),
open inside free-form values (a step's `details`, a field's before and after).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, get_args

from runbook.outputs.documents import FORMAT
from runbook.results import Status

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://github.com/example/runbook/schema/"
PLAN_FORMAT = 2  # runbook.engine.saved_plan.FORMAT (the plan file kept its own number)

STATUSES = list(get_args(Status))

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
OPTIONAL_STRING = {"type": ["string", "null"]}
STRINGS = {"type": "array", "items": STRING}
ANY_OBJECT = {"type": "object"}
FORMAT_KEY = {
    "const": FORMAT,
    "description": "The document's format: a new number when its shape changes.",
}
EXIT_CODE = {"type": "integer", "minimum": 0, "description": "The process exit code."}


def record(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with exactly these keys, all required but `optional`."""
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


def top(
    name: str,
    title: str,
    properties: dict[str, Any],
    defs: dict[str, Any] | None = None,
    *,
    optional: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A document's schema: `format` first, then `properties` (all required but `optional`),
    nothing else."""
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": BASE + name,
        "title": title,
        **record({"format": FORMAT_KEY, **properties}, optional=optional),
    }
    if defs:
        schema["$defs"] = defs
    return schema


PROBLEM = record(
    {
        "file": STRING,
        "line": {"type": ["integer", "null"]},
        "column": {"type": ["integer", "null"]},
        "message": STRING,
    }
)

FIELD_CHANGE = record(
    {"field": STRING, "before": {}, "after": {}, "ignored": OPTIONAL_STRING}, optional=("ignored",)
)

STEP = record(
    {
        "index": {"type": "integer", "minimum": 1},
        "name": STRING,
        "kind": STRING,
        "resource": STRING,
        "status": {"enum": STATUSES},
        "action": {"enum": ["create", "update", "delete", "none"]},
        "changes": {"type": "array", "items": {"$ref": "#/$defs/field_change"}},
        "checkpoints": {
            "type": "array",
            "items": record({"name": STRING, "path": STRING}),
        },
        "duration_ms": INTEGER,
        "message": STRING,
        "details": ANY_OBJECT,
        "org_unit": OPTIONAL_STRING,
        "attempts": {
            "type": "array",
            "description": "Each try of a step retried after a transient failure (empty: once).",
            "items": record(
                {
                    "n": {"type": "integer", "minimum": 1},
                    "outcome": {"enum": STATUSES},
                    "error": STRING,
                    "checkpoints": {
                        "type": "array",
                        "items": record({"name": STRING, "path": STRING}),
                    },
                }
            ),
        },
        "changes_state": {
            "enum": ["saved", "not_saved", "unconfirmed", None],
            "description": "Apply: what became of the step's changes (null: nothing to write).",
        },
    }
)

RUN_PROPERTIES: dict[str, Any] = {
    "runbook": STRING,
    "file": STRING,
    "mode": {"enum": ["apply", "dry-run", "drift"]},
    "console": STRING,
    "locale": STRING,
    "started_at": STRING,
    "duration_ms": INTEGER,
    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
    "exit_code": EXIT_CODE,
    "exit_meaning": STRING,
    "error": STRING,
    "run_dir": STRING,
    "trace": STRING,
    "unmanaged": {"type": "object", "additionalProperties": STRINGS},
    "session": ANY_OBJECT,
    "browser": {"type": "object", "additionalProperties": STRING},
    "summary": STRING,
    "notes": STRINGS,
    "counts": {"type": "object", "additionalProperties": INTEGER},
    "dns_records": {"type": "array", "items": ANY_OBJECT},
}

RUN_DEFS = {"run": record(RUN_PROPERTIES), "step": STEP, "field_change": FIELD_CHANGE}

PROBE = record(
    {
        "console": STRING,
        "locale": STRING,
        "found": INTEGER,
        "missing": {
            "type": "array",
            "items": record(
                {
                    "key": STRING,
                    "role": STRING,
                    "where": STRING,
                    "tried": STRINGS,
                    "candidates": STRINGS,
                    # a form step's name (its `key` is the runbook's name, for a `form:` table)
                    "form": {"type": "boolean"},
                },
                optional=("form",),
            ),
        },
        "unreached": {"type": "array", "items": record({"key": STRING, "where": STRING})},
        "redesigned_dialog": STRINGS,
        "writes": INTEGER,
        "trace": OPTIONAL_STRING,
    }
)

TENANT = record(
    {
        "name": STRING,
        "console": STRING,
        "profile": STRING,
        "locale": OPTIONAL_STRING,
        "org_unit": OPTIONAL_STRING,
        "labels": OPTIONAL_STRING,
    }
)

FLEET_LINE = {
    "tenant": STRING,
    "exit_code": EXIT_CODE,
    "status": STRING,
    "duration_ms": INTEGER,
    "report": OPTIONAL_STRING,
}

TENANT_OUTCOME = record(
    {
        **FLEET_LINE,
        **TENANT["properties"],
        "error": STRING,
        "cause": {**STRING, "description": "Why the tenant did not succeed, in one line."},
        "run": {
            "type": ["object", "null"],
            "description": "The tenant's report.json (report.schema.json; for probe, "
            "probe-output.schema.json); null when the tenant wrote none.",
        },
    }
)

PLAN_STEP = record(
    {
        "index": {"type": "integer", "minimum": 1},
        "name": STRING,
        "kind": STRING,
        "resource": STRING,
        "org_unit": OPTIONAL_STRING,
        "action": {"enum": ["create", "update", "delete", "none"]},
        "exists": BOOLEAN,
        "before": {"type": ["object", "null"]},
        "fields": {
            "type": "array",
            "items": record({"field": STRING, "before": {}, "after": {}, "changed": BOOLEAN}),
        },
    }
)

PLAN_ENTRY = record(
    {
        "file": STRING,
        "written_as": {**STRING, "description": "show --json: the path as the plan holds it."},
        "sha256": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
        "name": STRING,
        "console": OPTIONAL_STRING,
        "locale": STRING,
        "org_unit": OPTIONAL_STRING,
        "vars": {"type": "object", "additionalProperties": STRING},
        "secrets": {"type": "object", "additionalProperties": STRING},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
    },
    optional=("written_as",),
)


def _plan() -> dict[str, Any]:
    schema = top(
        "plan.schema.json",
        "runbook plan file (plan.json; show --json)",
        {
            "tool_version": STRING,
            "created_at": STRING,
            "console": OPTIONAL_STRING,
            "locale": {"type": ["string", "null"]},
            "org_unit": OPTIONAL_STRING,
            "changes": {"type": "integer", "minimum": 0},
            "runbooks": {"type": "array", "items": {"$ref": "#/$defs/runbook"}},
            "seal": {"type": "string", "pattern": "^hmac-sha256:[0-9a-f]{64}$"},
            "seal_checked": {
                **BOOLEAN,
                "description": "show --json: whether the seal was checked.",
            },
        },
        {"runbook": PLAN_ENTRY, "step": PLAN_STEP},
    )
    schema["properties"]["format"] = {
        "const": PLAN_FORMAT,
        "description": "The plan file's format (1: unsealed, refused since).",
    }
    schema["required"].remove("seal_checked")
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """Every output schema by file name."""
    run_document = {"type": "array", "items": {"$ref": "#/$defs/run"}}
    report = top(
        "report.schema.json",
        "runbook report.json (a run folder's result document)",
        RUN_PROPERTIES,
        {"step": STEP, "field_change": FIELD_CHANGE},
    )
    return {
        "run-output.schema.json": top(
            "run-output.schema.json",
            "runbook run|drift|plan|apply|export --json",
            {"runs": run_document, "exit_code": EXIT_CODE},
            RUN_DEFS,
        ),
        "report.schema.json": report,
        "fleet-output.schema.json": top(
            "fleet-output.schema.json",
            "runbook COMMAND --tenants --json (and the fleet folder's report.json)",
            {
                "runbook": STRING,
                "file": STRING,
                "mode": STRING,
                "fleet_dir": STRING,
                "report": STRING,
                "started_at": STRING,
                "duration_ms": INTEGER,
                "workers": {"type": "integer", "minimum": 1},
                "exit_code": EXIT_CODE,
                "counts": {"type": "object", "additionalProperties": INTEGER},
                "tenants": {"type": "array", "items": {"$ref": "#/$defs/tenant"}},
            },
            {"tenant": TENANT_OUTCOME},
        ),
        "fleet-line.schema.json": top(
            "fleet-line.schema.json",
            "runbook COMMAND --tenants, piped: one JSON line per finished tenant",
            FLEET_LINE,
        ),
        "probe-output.schema.json": top(
            "probe-output.schema.json",
            "runbook probe --json (and a probing tenant's report.json)",
            {"probe": {"$ref": "#/$defs/probe"}, "exit_code": EXIT_CODE, "error": STRING},
            {"probe": PROBE},
        ),
        "plan.schema.json": _plan(),
        "error-output.schema.json": {
            "$schema": DRAFT,
            "$id": BASE + "error-output.schema.json",
            "title": "runbook COMMAND --json that stopped on an error",
            "oneOf": [
                record({"format": FORMAT_KEY, "error": STRING, "exit_code": EXIT_CODE}),
                record(
                    {
                        "format": FORMAT_KEY,
                        "errors": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
                        "exit_code": {"const": 65},
                    }
                ),
            ],
            "$defs": {"problem": PROBLEM},
        },
        "validate-output.schema.json": top(
            "validate-output.schema.json",
            "runbook validate --json",
            {
                "valid": {
                    "type": "array",
                    "items": record({"file": STRING, "summary": STRING}),
                },
                "errors": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
                "exit_code": EXIT_CODE,
            },
            {"problem": PROBLEM},
        ),
        "tenants-output.schema.json": top(
            "tenants-output.schema.json",
            "runbook tenants --json",
            {"tenants": {"type": "array", "items": {"$ref": "#/$defs/tenant"}}},
            {"tenant": TENANT},
        ),
        "sessions-output.schema.json": top(
            "sessions-output.schema.json",
            "runbook sessions --json",
            {
                "sessions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "profile": STRING,
                            "console": OPTIONAL_STRING,
                            "user": OPTIONAL_STRING,
                            "signed_in_at": OPTIONAL_STRING,
                            "age_s": {"type": ["integer", "null"]},
                            "opens": BOOLEAN,
                            "ended": BOOLEAN,
                        },
                        "required": [
                            "profile",
                            "console",
                            "user",
                            "signed_in_at",
                            "age_s",
                            "ended",
                        ],
                    },
                }
            },
        ),
        "labels-output.schema.json": top(
            "labels-output.schema.json",
            "runbook labels --json",
            {
                "locale": STRING,
                "labels": {
                    "type": "array",
                    "items": record(
                        {"key": STRING, "role": STRING, "names": STRINGS, "where": STRINGS}
                    ),
                },
                # a labels file's `form:` table: a name as runbooks write it -> the console's
                "form": {"type": "object", "additionalProperties": STRINGS},
            },
            optional=("form",),
        ),
        "kinds-output.schema.json": top(
            "kinds-output.schema.json",
            "runbook kinds --json",
            {
                "kinds": {
                    "type": "array",
                    "items": record(
                        {
                            "key": STRING,
                            "source": STRING,
                            "page": STRING,
                            "distribution": STRING,
                            "version": STRING,
                            "schema": ANY_OBJECT,
                        },
                        optional=("distribution", "version", "schema"),
                    ),
                },
                "errors": {
                    "type": "array",
                    "items": record(
                        {
                            "key": STRING,
                            "source": STRING,
                            "distribution": OPTIONAL_STRING,
                            "error": STRING,
                        }
                    ),
                },
            },
        ),
    }


def write(directory: Path) -> list[Path]:
    """Write every schema into `directory`; the paths written."""
    written = []
    for name, schema in schemas().items():
        path = directory / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schema")):
        print(path)
