"""Saved plans: what `runbook plan` records, `runbook show` prints and `runbook apply` checks.

A plan holds, per runbook, its content hash and, per step, the action and every field's before
and after. Secrets (`${env:...}`) never reach it: their values are written back as the
reference, and each is kept as a keyed hash (HMAC-SHA256, the key beside the saved sessions or
in `$RUNBOOK_PLAN_KEY`) that apply checks against the value it resolves again. The whole
document is sealed with the same key: `apply` (and `show`, where the key is at hand) refuses a
plan edited after `runbook plan` wrote it, so the change reviewed is the change made.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_dir

from runbook.engine.diff import flatten
from runbook.engine.options import Settings
from runbook.engine.plan import Plan
from runbook.errors import StalePlan, UsageError
from runbook.file import Runbook
from runbook.file.placement import org_unit_of
from runbook.names import placed

FORMAT = 2  # 2: sealed
KEY_ENV = "RUNBOOK_PLAN_KEY"
MIN_KEY_BYTES = 32  # as the key file made here (64 hex digits)


def tool_version() -> str:
    try:
        return metadata.version("runbook")
    except metadata.PackageNotFoundError:
        return "unknown"


def content_hash(path: Path) -> str:
    """`sha256:<hex>` of the file's bytes."""
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def _key_file() -> Path:
    return Path(user_config_dir("runbook")) / "plan.key"


def existing_plan_key() -> bytes | None:
    """The plan key if this machine has one (`show` checks a seal with it, never makes one)."""
    if os.environ.get(KEY_ENV) or _key_file().exists():
        return plan_key()
    return None


def plan_key() -> bytes:
    """The key of the secrets' hashes: `$RUNBOOK_PLAN_KEY`, else a file beside the sessions."""
    given = os.environ.get(KEY_ENV)
    if given:
        key = given.encode()
        if len(key) < MIN_KEY_BYTES:
            raise UsageError(
                f"{KEY_ENV} is {len(key)} bytes; a plan key needs at least {MIN_KEY_BYTES} "
                "(anyone who can guess it can forge a plan's secrets). Make one with: "
                "python3 -c 'import secrets; print(secrets.token_hex(32))'"
            )
        return key
    path = _key_file()
    if not path.exists():
        _create_key(path)
    return path.read_text().strip().encode()


def _create_key(path: Path) -> None:
    """Make the key file, whole, unless another run (a fleet's tenant) made it first: written
    to a file of its own, then linked in place, so a reader never sees it half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, written = tempfile.mkstemp(dir=path.parent, prefix=".plan.key.")  # mode 0600
    try:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
        with contextlib.suppress(FileExistsError):  # theirs stands: every run reads the one
            os.link(written, path)
    finally:
        os.unlink(written)


def secret_hash(value: str, key: bytes) -> str:
    return "hmac-sha256:" + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


class Sealer:
    """Writes a runbook's secret values back as their `${env:NAME}` references."""

    def __init__(self, book: Runbook) -> None:
        self.names = sorted(book.secret_names.items(), key=lambda kv: -len(kv[0]))

    def __call__(self, value: Any) -> Any:
        value = json.loads(json.dumps(value, default=str))  # as the plan file holds it
        return self._sealed(value)

    def _sealed(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {self._sealed(k): self._sealed(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._sealed(v) for v in value]
        if isinstance(value, str):
            for secret, name in self.names:
                value = value.replace(secret, "${env:" + name + "}")
        return value


def fields_of(have: Mapping[str, Any] | None, plan: Plan) -> list[dict[str, Any]]:
    """Every field of the step: its before, its after, and whether the plan changes it."""
    if plan.action == "delete" or not plan.wanted:
        return [
            {"field": c.field, "before": c.before, "after": c.after, "changed": True}
            for c in plan.changes
        ]
    before = flatten(dict(have)) if have else {}
    after = flatten(plan.wanted)
    changed = {c.field for c in plan.changes}
    names = [*after, *(k for k in before if k not in after)]
    return [
        {"field": k, "before": before.get(k), "after": after.get(k), "changed": k in changed}
        for k in names
    ]


@dataclass
class PlanRecorder:
    """Collects the plan of each step of one runbook as the run reads the console."""

    book: Runbook
    file: Path
    variables: dict[str, str]
    key: bytes
    steps: dict[int, dict[str, Any]] = field(default_factory=dict)

    def observe(self, index: int, have: Mapping[str, Any] | None, plan: Plan) -> None:
        step, seal = self.book.steps[index - 1], Sealer(self.book)
        self.steps[index] = {
            "index": index,
            "name": step.title,
            "kind": step.kind,
            "resource": step.key,
            "org_unit": org_unit_of(step.resource, self.book.console.org_unit),
            "action": plan.action,
            "exists": have is not None,
            "before": seal(dict(have)) if have is not None else None,
            "fields": seal(fields_of(have, plan)),
        }

    def entry(self, settings: Settings) -> dict[str, Any]:
        """This runbook's part of the plan file."""
        return {
            "file": str(self.file),
            "sha256": content_hash(self.file),
            "name": self.book.name,
            "console": settings.target,
            "locale": settings.locale,
            "org_unit": self.book.console.org_unit,
            "vars": self.variables,
            "secrets": {
                name: secret_hash(value, self.key)
                for value, name in sorted(self.book.secret_names.items(), key=lambda kv: kv[1])
            },
            "steps": [self.steps[i] for i in sorted(self.steps)],
        }


def plan_document(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The plan file: its runbooks, with where and by what it was made."""
    first = entries[0] if entries else {}
    changes = sum(1 for e in entries for s in e["steps"] if s["action"] != "none")
    return {
        "format": FORMAT,
        "tool_version": tool_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "console": first.get("console"),
        "locale": first.get("locale"),
        "org_unit": first.get("org_unit"),
        "changes": changes,
        "runbooks": entries,
    }


def seal_of(doc: Mapping[str, Any], key: bytes) -> str:
    """The keyed hash of the whole plan document (but its seal), as `plan` wrote it."""
    body = {k: v for k, v in doc.items() if k != "seal"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return secret_hash(text, key)


def sealed(doc: dict[str, Any], key: bytes) -> dict[str, Any]:
    """`doc` with its seal."""
    return {**doc, "seal": seal_of(doc, key)}


def beside(entry: dict[str, Any], plan: Path) -> dict[str, Any]:
    """`entry` with its runbook's path written relative to the plan file's folder, so the plan
    can be applied from anywhere (absolute when there is no relative path, another drive)."""
    runbook, folder = Path(entry["file"]).resolve(), plan.resolve().parent
    try:
        file = os.path.relpath(runbook, folder)
    except ValueError:
        file = str(runbook)
    return {**entry, "file": Path(file).as_posix()}


def read_plan(path: Path, key: bytes | None) -> dict[str, Any]:
    """A plan file written by `runbook plan`, each runbook's path found from the plan file's
    folder; anything else is a usage error (exit 64). With `key`, a plan whose seal does not
    match its content (edited since) is refused (`StalePlan`); without, the seal is unchecked
    and the document says so (`"seal_checked": false`)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path} is not a plan file: {exc}") from None
    if isinstance(doc, dict) and doc.get("format") == 1:
        raise UsageError(f"{path} was made by an older runbook (plan format 1); make a new plan")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or "runbooks" not in doc:
        raise UsageError(f"{path} is not a plan file written by `runbook plan`")
    if key is not None and not hmac.compare_digest(str(doc.get("seal")), seal_of(doc, key)):
        raise StalePlan(
            f"{path} is not the plan `runbook plan` wrote: its content was edited since, or it "
            f"was sealed with another plan key ({KEY_ENV}); nothing was applied. Make a new plan"
        )
    doc["seal_checked"] = key is not None
    for entry in doc["runbooks"]:
        written = Path(entry["file"])
        found = written if written.is_absolute() else path.parent / written
        entry["file"], entry["written_as"] = str(found), str(written)
    return doc


def check_file(entry: Mapping[str, Any]) -> None:
    """Refuse a plan whose runbook file changed (or went) since it was made."""
    path = Path(entry["file"])
    if not path.is_file():
        written = entry.get("written_as", str(path))
        raise StalePlan(
            f"the plan is stale: its runbook {written} is gone (looked for {path}, from the "
            "plan file's folder); nothing was applied"
        )
    if content_hash(path) != entry["sha256"]:
        raise StalePlan(
            f"the plan is stale: {path} changed since the plan was made (content hash "
            f"{entry['sha256']} planned, {content_hash(path)} now); nothing was applied"
        )


def check_secrets(entry: Mapping[str, Any], book: Runbook, key: bytes) -> None:
    """Refuse a plan whose secrets resolve to other values now (their hashes differ)."""
    now = {name: secret_hash(value, key) for value, name in book.secret_names.items()}
    wrong = [n for n, h in entry["secrets"].items() if now.get(n) != h]
    if wrong:
        refs = ", ".join("${env:" + n + "}" for n in wrong)
        raise StalePlan(
            f"the plan is stale: {refs} is not the value the plan was made with; "
            "nothing was applied"
        )


def check_places(entry: Mapping[str, Any], book: Runbook) -> None:
    """Each planned step acts in the org unit the plan recorded for it, or the plan is refused
    (`StalePlan`) before any browser starts."""
    for record in entry["steps"]:
        step = book.steps[record["index"] - 1]
        where = org_unit_of(step.resource, book.console.org_unit)
        if record.get("org_unit") is not None and where != record["org_unit"]:
            raise StalePlan(
                f"the plan is stale: it changes {record['kind']} {record['resource']!r} in "
                f"{record['org_unit']}, and the runbook would now act in {where}; "
                "nothing was applied"
            )


def stale_entries(
    entry: Mapping[str, Any], observed: Mapping[int, Mapping[str, Any] | None], seal: Sealer
) -> list[str]:
    """What differs between the plan's "before" of each step and the console read now."""
    problems: list[str] = []
    for record in entry["steps"]:
        what = f"{record['kind']} {placed(repr(record['resource']), record.get('org_unit'))}"
        have = observed.get(record["index"])
        if (have is not None) != record["exists"]:
            problems.append(f"{what} {'now exists' if have is not None else 'is gone'}")
            continue
        if have is None:
            continue
        before, now = flatten(record["before"] or {}), flatten(seal(dict(have)))
        for name in [*before, *(k for k in now if k not in before)]:
            if before.get(name) != now.get(name):
                problems.append(
                    f"{what}: {name} was {before.get(name)!r} when planned, now {now.get(name)!r}"
                )
    return problems


SIGNS = {"create": "+", "update": "~", "delete": "-", "none": " "}


def render(doc: Mapping[str, Any]) -> str:
    """A saved plan as a person reviews it (a pull request comment, a terminal)."""
    lines = [
        f"Plan for {doc['console']} (locale {doc['locale']}, org unit {doc['org_unit']}), "
        f"made {doc['created_at']} by runbook {doc['tool_version']}",
    ]
    if not doc.get("seal_checked", True):
        lines.append(
            f"(Seal not checked: no plan key on this machine; {KEY_ENV} or the key file of the "
            "machine that made it checks that this is the plan as made.)"
        )
    for entry in doc["runbooks"]:
        lines.append(f"\n{entry['file']} ({entry['name']}, {entry['sha256'][:19]}…)")
        for step in entry["steps"]:
            action = step["action"] if step["action"] != "none" else "no change"
            entry_name = placed(repr(step["resource"]), step.get("org_unit"))
            lines.append(f"{SIGNS[step['action']]} {action}: {step['kind']} {entry_name}")
            for item in step["fields"]:
                if not item["changed"]:
                    continue
                after = yaml_value(item["after"])
                if step["action"] == "create":
                    lines.append(f"    {item['field']}: {after}")
                else:
                    lines.append(f"    {item['field']}: {yaml_value(item['before'])} → {after}")
    actions = [s["action"] for entry in doc["runbooks"] for s in entry["steps"]]
    counts = f"{actions.count('create')} to add, {actions.count('update')} to change, " + (
        f"{actions.count('delete')} to delete."
    )
    lines.append(f"\nPlan: {counts}" if doc["changes"] else f"\nNo changes. Plan: {counts}")
    return "\n".join(lines)


def yaml_value(value: Any) -> str:
    """A value as YAML writes it: `true`, `null`, `25`, a string plain unless YAML needs
    quotes, lists and mappings in flow style (`[inbound, outbound]`)."""
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text.strip().removesuffix("\n...").strip()
