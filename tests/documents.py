"""Every JSON document a `runbook` invocation produced, checked against its schema in `schema/`.

`tests/in_process.py` and the `runbook_process` fixture call `check_invocation` after each
run: stdout when `--json` was given (or the fleet's JSON lines when piped), and each
report.json and plan file written in the working directory during the run.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]

SCHEMAS = Path(__file__).resolve().parents[1] / "schema"
RUNS = {"run", "drift", "plan", "apply", "export"}
BY_COMMAND = {
    "probe": "probe-output",
    "validate": "validate-output",
    "tenants": "tenants-output",
    "sessions": "sessions-output",
    "labels": "labels-output",
    "kinds": "kinds-output",
    "show": "plan",
}


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check(document: Any, name: str, where: str) -> None:
    """`document` meets `schema/<name>.schema.json`, or AssertionError naming each problem."""
    problems = sorted(validator(name).iter_errors(document), key=lambda e: list(e.path))
    assert not problems, f"{where} does not meet schema/{name}.schema.json:\n" + "\n".join(
        f"  at {'/'.join(map(str, e.path)) or '(top)'}: {e.message}" for e in problems[:10]
    )


def output_schema(args: Sequence[str]) -> str | None:
    """The schema of the `--json` document of the command `args` give (None: not a document)."""
    command = next((a for a in args if not a.startswith("-")), None)
    if command in RUNS or command == "probe":
        if "--tenants" in args:
            return "fleet-output"
        return "run-output" if command in RUNS else "probe-output"
    if command == "tenants" and "--matrix" in args:
        return None  # GitHub's matrix shape, not runbook's
    return BY_COMMAND.get(command or "")


def check_stdout(args: Sequence[str], stdout: str) -> None:
    """stdout of `runbook ARGS`: with --json, one document of its command's shape (or an
    error document); a fleet piped without --json, one JSON line per tenant."""
    if "--json" not in args:
        if "--tenants" in args:
            for line in stdout.splitlines():
                if line.startswith("{"):
                    check(json.loads(line), "fleet-line", "a fleet's JSON line")
        return
    name = output_schema(args)
    if name is None or not stdout.strip():  # a usage error from click prints no document
        return
    try:
        document = json.loads(stdout)
    except ValueError as exc:
        raise AssertionError(f"runbook {' '.join(args)} --json: stdout is no JSON: {exc}") from None
    if isinstance(document, dict) and set(document) in ERROR_KEYS:
        name = "error-output"
    check(document, name, f"stdout of runbook {' '.join(args)}")


# The keys of the two error documents (a command that stopped; invalid runbooks).
ERROR_KEYS = ({"format", "error", "exit_code"}, {"format", "errors", "exit_code"})


def file_schema(document: Any) -> str | None:
    """The schema of a JSON file a run wrote: a run's, a fleet's or a probe's report.json, or
    a plan file (None: none of runbook's documents)."""
    if not isinstance(document, dict):
        return None
    if "runbooks" in document and "seal" in document:
        return "plan"
    if "tenants" in document:
        return "fleet-output"
    if "probe" in document:
        return "probe-output"
    return "report"


def json_files(root: Path) -> dict[Path, int]:
    """Every JSON file under `root`, with its modification time (ns)."""
    found = {}
    for path in root.rglob("*.json") if root.is_dir() else ():
        try:
            found[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return found


def check_files(root: Path, before: dict[Path, int]) -> None:
    """Each report.json and plan file under `root` that is not as it was `before` the run."""
    for path, mtime in json_files(root).items():
        if before.get(path) == mtime:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if path.name != "report.json" and '"seal"' not in text:
            continue
        try:
            document = json.loads(text)
        except ValueError:
            if path.name == "report.json":
                raise AssertionError(f"{path} is no JSON") from None
            continue
        name = file_schema(document)
        if name is not None and (path.name == "report.json" or name == "plan"):
            check(document, name, str(path))


def check_invocation(args: Sequence[str], stdout: str, cwd: Path, before: dict[Path, int]) -> None:
    """Every document `runbook ARGS` (run in `cwd`, whose JSON files were `before`) printed
    or wrote."""
    check_stdout(args, stdout)
    check_files(cwd, before)
