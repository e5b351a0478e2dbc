"""Labels files: names tried before the built-in ones, every mistake placed, new languages whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
from click.testing import CliRunner

from runbook.cli import cli
from runbook.console.keys import ROLES
from runbook.console.walks import ELSEWHERE, WALKS, Check, Look, Pick, Press, places
from runbook.errors import InvalidRunbook, UsageError
from runbook.file import load_text
from runbook.file.labels import labels_for, load_labels, parse_labels
from runbook.locales import LabelKey, Labels, catalogue

ALL_KEYS: tuple[LabelKey, ...] = get_args(LabelKey)


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidRunbook) as caught:
        parse_labels(text, "l.yaml")
    return [str(p) for p in caught.value.problems]


def test_the_files_names_come_first_then_the_built_in_ones() -> None:
    text = "en:\n  add_route: New route\n  require_tls: [Require TLS, Require TLS please]\n"
    labels = parse_labels(text, "l.yaml").labels("en")
    assert labels.names("add_route") == ("New route", "Add route")
    assert labels.name("add_route") == "New route"
    assert labels.names("require_tls")[:2] == ("Require TLS", "Require TLS please")
    assert set(catalogue("en").labels["require_tls"]) <= set(labels.names("require_tls"))
    assert labels.names("save") == ("Save",)  # not given: as shipped
    assert parse_labels(text, "l.yaml").labels("fr").names("add_route") == ("Ajouter une route",)


def test_every_mistake_is_placed_at_its_line_and_column() -> None:
    text = (
        "en:\n"
        "  add_rout: New route\n"
        "  save: []\n"
        "  cancel: [Cancel, 3]\n"
        "  host_row: Row\n"
        "  zzz_unknown: x\n"
        "frr:\n"
        "  save: x\n"
    )
    assert problems(text) == [
        "l.yaml:2:3: unknown label key 'add_rout'; did you mean 'add_route'?",
        "l.yaml:3:9: 'save': give at least one name",
        "l.yaml:4:20: 'cancel': a name is non-empty text, got 3",
        "l.yaml:5:13: 'host_row': the name 'Row' must hold '{n}'",
        "l.yaml:6:3: unknown label key 'zzz_unknown'; `runbook labels` lists the keys",
        "l.yaml:7:1: unknown locale 'frr'; did you mean 'fr'?",
    ]
    assert problems("") == [
        "l.yaml:1:1: the labels file is empty; write a locale (en:) with catalogue keys under it"
    ]
    assert problems("- en\n") == [
        "l.yaml:1:1: the top level of a labels file must be a mapping of locales (en:, fr:, ...)"
    ]
    assert problems("en: New route\n") == [
        "l.yaml:1:5: under 'en', write catalogue keys and their names"
    ]


def test_a_new_console_language_must_name_every_control() -> None:
    [problem] = problems("nl:\n  add_route: Route toevoegen\n  hosts_heading: Hosts\n")
    assert problem.startswith("l.yaml:1:1: 'nl' is not a language runbook ships (de, en, fr)")
    missing = problem.split("missing: ")[1].split(", ")
    assert missing == [k for k in ALL_KEYS if k not in ("add_route", "hosts_heading")]

    whole = {"nl": {key: list(catalogue("en").labels[key]) for key in ALL_KEYS}}
    whole["nl"]["add_route"] = ["Route toevoegen"]
    dutch = parse_labels(json.dumps(whole), "nl.yaml").labels("nl")
    assert dutch.locale == "nl" and dutch.browser_locale == "nl"
    assert dutch.names("add_route") == ("Route toevoegen",)  # nothing shipped to fall back on
    with pytest.raises(UsageError, match=r"'nl'.*l.yaml gives: en\)"):
        parse_labels("en:\n  save: Save\n", "l.yaml").labels("nl")
    with pytest.raises(UsageError, match=r"'nl'.*--labels"):
        labels_for("nl", None)


def test_a_labels_file_for_german_renames_a_control_and_keeps_the_shipped_names() -> None:
    german = parse_labels("de:\n  add_route: Neue Route\n", "l.yaml").labels("de")
    assert german.names("add_route") == ("Neue Route", "Route hinzufügen")
    assert german.names("single_host") == ("Einzelner Host",)
    assert german.browser_locale == "de-DE"


def test_a_runbook_names_its_labels_file_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text("en:\n  sav: Save it\n")
    book = tmp_path / "book.yaml"
    text = (
        "version: 1\nname: x\nconsole:\n  labels: labels.yaml\nsteps:\n"
        "  - mail_route:\n      name: R\n      server: {single_host: {host: a.example.com}}\n"
    )
    with pytest.raises(InvalidRunbook) as caught:
        load_text(text, str(book))
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'labels.yaml'}:2:3: unknown label key 'sav'; did you mean 'save'?"
    ]
    with pytest.raises(InvalidRunbook) as caught:
        load_text(text.replace("labels.yaml", "gone.yaml"), str(book))
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (4, 11)
    assert "cannot read labels file" in problem.message
    (tmp_path / "labels.yaml").write_text("en:\n  save: Save it\n")
    assert load_text(text, str(book)).console.labels == "labels.yaml"
    assert load_labels(tmp_path / "labels.yaml").labels("en").name("save") == "Save it"


def test_every_key_has_a_place_and_every_walk_looks_before_it_presses() -> None:
    for key in ALL_KEYS:
        assert places(key), key
    assert set(WALKS) == {"hosts", "routing", "default_routing", "authenticate_email", "spam"}
    for page, moves in WALKS.items():
        seen: set[str] = set()
        for move in moves:
            if isinstance(move, Look):
                seen |= {*move.keys, *move.either}
            elif isinstance(move, Press | Check):
                assert move.key in seen, (page, move.key)
            elif isinstance(move, Pick):
                assert move.choose in move.options, (page, move)
    walked = {k for moves in WALKS.values() for m in moves for k in _keys(m)}
    assert not walked & {k for keys in ELSEWHERE.values() for k in keys}  # one place each


def _keys(move: object) -> set[str]:
    if isinstance(move, Look):
        return {*move.keys, *move.either}
    if isinstance(move, Pick):
        return {move.menu, *move.options}
    return set()


def test_runbook_labels_prints_key_role_names_and_where(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["labels"])
    assert shown.exit_code == 0, shown.output
    line = next(x for x in shown.output.splitlines() if x.startswith("add_route "))
    assert line.split() == ["add_route", "button", "Add", "route", "[hosts]"]
    assert len(shown.output.splitlines()) == len(ALL_KEYS)

    (tmp_path / "l.yaml").write_text("fr:\n  add_route: Nouvelle route\n")
    doc = json.loads(
        runner.invoke(
            cli, ["labels", "--locale", "fr", "--labels", str(tmp_path / "l.yaml"), "--json"]
        ).output
    )
    assert doc["locale"] == "fr"
    entries = {e["key"]: e for e in doc["labels"]}
    assert entries["add_route"] == {
        "key": "add_route",
        "role": "button",
        "names": ["Nouvelle route", "Ajouter une route"],
        "where": ["hosts"],
    }
    assert entries["single_host"]["where"] == ["hosts/route_dialog/server_menu"]
    assert all(e["role"] == ROLES[e["key"]] and e["where"] for e in entries.values())
    assert runner.invoke(cli, ["labels", "--locale", "nl"]).exit_code == 64
    assert runner.invoke(cli, ["labels", "--locale", "d e"]).exit_code == 64
    assert Labels("en").names("add_route") == ("Add route",)


def test_a_run_takes_the_command_lines_labels_file_over_the_runbooks(tmp_path: Path) -> None:
    from runbook.engine.options import RunOptions

    (tmp_path / "book.yaml").write_text(
        "version: 1\nname: x\nconsole:\n  labels: mine.yaml\nsteps:\n"
        "  - mail_route:\n      name: R\n      server: {single_host: {host: a.example.com}}\n"
    )
    (tmp_path / "mine.yaml").write_text("en:\n  add_route: From the runbook\n")
    (tmp_path / "cli.yaml").write_text("en:\n  add_route: From the command line\n")
    book = load_text((tmp_path / "book.yaml").read_text(), str(tmp_path / "book.yaml"))
    assert RunOptions().settle(book).labels.name("add_route") == "From the runbook"
    chosen = RunOptions(labels=str(tmp_path / "cli.yaml")).settle(book).labels
    assert chosen.names("add_route") == ("From the command line", "Add route")
    dutch = {"nl": {key: list(catalogue("en").labels[key]) for key in ALL_KEYS}}
    (tmp_path / "nl.yaml").write_text(json.dumps(dutch))
    settings = RunOptions(locale="nl", labels=str(tmp_path / "nl.yaml")).settle(book)
    assert (settings.locale, settings.labels.browser_locale) == ("nl", "nl")


def test_a_numbered_controls_candidates_are_patterns_that_a_labels_file_accepts() -> None:
    from runbook.console.aria import parse
    from runbook.console.probe import as_pattern, candidates

    assert as_pattern("Hôte 2", {"n": 1}) == "Hôte {n}"
    assert as_pattern("Server 1 (IPv4)", {"n": 1}) == "Server {n} (IPv4)"  # a number alone
    assert as_pattern("Host 1", {}) == "Host 1"  # not a numbered control
    tree = parse('- group "Primary"\n- group "Hôte 1"\n- group "Hôte 2"\n- group "Autres"\n')
    known = {"primary"}
    found = candidates(tree, "group", ("Host {n}",), known, {"n": 1})
    assert found == ["Hôte {n}"]  # one pattern for every row; names without a number left out
    text = f"fr:\n  host_row: {found[0]}\n"
    assert parse_labels(text, "l.yaml").labels("fr").names("host_row", n=3)[0] == "Hôte 3"


def test_a_forms_names_are_overridden_by_the_files_form_table_in_the_runs_language(
    tmp_path: Path,
) -> None:
    from runbook.file.form import names_in

    text = (
        "en:\n"
        "  form:\n"
        "    Enter the IP addresses for the allowlist: [IP addresses to allow, Allowed IPs]\n"
        "    email   ALLOWLIST: Allowlist\n"
        "fr:\n"
        "  form:\n"
        "    Email allowlist: Liste blanche\n"
    )
    file = parse_labels(text, "l.yaml")
    en, fr = file.labels("en"), file.labels("fr")
    # The file's names first, then the runbook's own; looked up case and spacing aside.
    assert names_in("Enter the IP addresses for the allowlist", en) == (
        "IP addresses to allow",
        "Allowed IPs",
        "Enter the IP addresses for the allowlist",
    )
    assert names_in("Email allowlist", en) == ("Allowlist", "Email allowlist")
    # A name by language: the run's; the French table may key it by its English name too.
    section = {"en": "Email allowlist", "fr": "Liste d'autorisation des e-mails"}
    assert names_in(section, fr) == ("Liste blanche", "Liste d'autorisation des e-mails")
    assert names_in("Save", en) == ("Save",)  # not in the table: as the runbook writes it
    assert en.names("save") == ("Save",)  # the catalogue's keys are untouched
    (tmp_path / "l.yaml").write_text(text)
    shown = CliRunner().invoke(cli, ["labels", "--labels", str(tmp_path / "l.yaml"), "--json"])
    assert json.loads(shown.output)["form"]["email ALLOWLIST"] == ["Allowlist"]

    assert problems("en:\n  form: Allowlist\n") == [
        "l.yaml:2:9: under 'form', write the names your runbooks give (a form's controls, "
        "section, buttons, options) and the names the console shows instead"
    ]
    assert problems("en:\n  form:\n    Email allowlist: []\n") == [
        "l.yaml:3:22: 'Email allowlist': give the console's name, or a list of names"
    ]
    assert problems("frr:\n  form:\n    a: b\n") == [
        "l.yaml:1:1: unknown locale 'frr'; did you mean 'fr'?"
    ]
