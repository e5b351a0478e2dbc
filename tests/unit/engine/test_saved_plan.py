"""Saved plans without a browser: secrets sealed, stale entries named, a plan rendered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runbook.engine.options import RunOptions
from runbook.engine.plan import convergence
from runbook.engine.saved_plan import (
    PlanRecorder,
    Sealer,
    beside,
    check_file,
    check_secrets,
    plan_document,
    read_plan,
    render,
    sealed,
    stale_entries,
)
from runbook.errors import StalePlan
from runbook.file import load_text

BOOK = """\
version: 1
name: t
steps:
  - mail_route:
      name: Relay
      server: {single_host: {host: "${env:RELAY_HOST}"}}
"""
SECRET = "canary-3b1f.example.com"
KEY = b"k" * 32


def _recorded(tmp_path: Path, have: dict | None) -> tuple[dict, PlanRecorder]:
    file = tmp_path / "book.yaml"
    file.write_text(BOOK)
    book = load_text(BOOK, str(file), env={"RELAY_HOST": SECRET})
    recorder = PlanRecorder(book, file, {}, KEY)
    step = book.steps[0]
    recorder.observe(1, have, convergence(have, step.resource.console_fields()))
    return recorder.entry(RunOptions(console_url="https://admin.google.com").settle(book)), recorder


def test_a_secret_is_written_as_its_reference_and_a_keyed_hash(tmp_path: Path) -> None:
    entry, _ = _recorded(tmp_path, None)
    assert SECRET not in str(entry)
    assert entry["steps"][0]["action"] == "create"
    host = [f for f in entry["steps"][0]["fields"] if f["field"] == "server.single_host.host"]
    assert host[0]["after"] == "${env:RELAY_HOST}"
    assert entry["secrets"]["RELAY_HOST"].startswith("hmac-sha256:")
    assert SECRET not in render(plan_document([entry]))


def test_show_prints_values_as_yaml_does_and_ends_with_the_counts(tmp_path: Path) -> None:
    created, _ = _recorded(tmp_path, None)
    shown = render(plan_document([created]))
    assert "    server.single_host.host: ${env:RELAY_HOST}" in shown
    assert "    require_tls: true" in shown and "True" not in shown
    assert shown.splitlines()[-1] == "Plan: 1 to add, 0 to change, 0 to delete."
    live = {"name": "Relay", "server": {"single_host": {"host": SECRET, "port": 25}}}
    updated, _ = _recorded(tmp_path, {**live, "require_tls": False, "mx_lookup": "no"})
    shown = render(plan_document([updated]))
    assert "    require_tls: false → true" in shown
    assert "    mx_lookup: 'no' → false" in shown  # a string YAML would read as false: quoted
    assert shown.splitlines()[-1] == "Plan: 0 to add, 1 to change, 0 to delete."


def test_a_secret_resolving_to_another_value_makes_the_plan_stale(tmp_path: Path) -> None:
    entry, recorder = _recorded(tmp_path, None)
    check_secrets(entry, recorder.book, KEY)
    other = load_text(BOOK, "book.yaml", env={"RELAY_HOST": "other.example.com"})
    with pytest.raises(StalePlan, match=r"\$\{env:RELAY_HOST\}"):
        check_secrets(entry, other, KEY)


def test_a_field_changed_since_the_plan_is_named(tmp_path: Path) -> None:
    have = {
        "name": "Relay",
        "server": {"single_host": {"host": SECRET, "port": 25}},
        "mx_lookup": False,
    }
    entry, recorder = _recorded(tmp_path, have)
    seal = Sealer(recorder.book)
    assert stale_entries(entry, {1: have}, seal) == []
    changed = {**have, "mx_lookup": True}
    [problem] = stale_entries(entry, {1: changed}, seal)
    assert "mx_lookup was False when planned, now True" in problem
    assert stale_entries(entry, {1: None}, seal) == ["mail_route 'Relay' is gone"]


def test_a_plan_finds_its_runbooks_from_its_own_folder_wherever_it_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry, _ = _recorded(tmp_path, None)
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plans" / "plan.json"
    plan.parent.mkdir()
    relative = {**entry, "file": "book.yaml"}  # as given to `runbook plan` in tmp_path
    doc = plan_document([beside(relative, plan)])
    assert doc["runbooks"][0]["file"] == "../book.yaml"
    plan.write_text(json.dumps(doc))
    monkeypatch.chdir(plan.parent)  # `runbook apply plan.json` from another folder
    [read] = read_plan(Path("plan.json"), None)["runbooks"]
    check_file(read)
    assert Path(read["file"]).resolve() == tmp_path / "book.yaml"
    (tmp_path / "book.yaml").unlink()
    with pytest.raises(StalePlan, match=r"runbook \.\./book\.yaml is gone \(looked for "):
        check_file(read)


def test_the_seal_holds_the_whole_document_to_itself(tmp_path: Path) -> None:
    entry, _ = _recorded(tmp_path, None)
    key, path = b"k" * 32, tmp_path / "plan.json"
    doc = sealed(plan_document([entry]), key)
    path.write_text(json.dumps(doc))
    assert read_plan(path, key)["seal_checked"] is True
    assert read_plan(path, None)["seal_checked"] is False
    with pytest.raises(StalePlan, match="sealed with another plan key"):
        read_plan(path, b"x" * 32)
    for edit in (
        lambda d: d["runbooks"][0]["steps"][0]["fields"][0].update(after="other"),
        lambda d: d["runbooks"][0]["steps"][0].update(action="none"),
        lambda d: d.update(changes=0),
        lambda d: d.pop("seal"),
    ):
        changed = json.loads(json.dumps(doc))
        edit(changed)
        path.write_text(json.dumps(changed))
        with pytest.raises(StalePlan, match="its content was edited since"):
            read_plan(path, key)
