"""`runbook probe` and labels files end to end: a console whose words changed, adapted by a file."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.cli.conftest import CliResult
from tests.samples import LEGACY_ROUTE, split_delivery
from tests.simulator.samples import BALANCED

Run = Callable[..., CliResult]
Write = Callable[..., Path]


# Over 20 s: a probe walk, then a run with the labels it wrote.
def test_a_renamed_button_is_found_by_probe_and_adapted_by_the_labels_it_writes(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = write_runbook(split_delivery())
    sim_http.put("/_sim/labels", json={"en": {"Add route": "New route"}}).raise_for_status()

    probed = runbook_cli("probe", str(book), "--json", "--write-labels", "labels.yaml")
    assert probed.code == 4, probed.output
    doc = probed.json()["probe"]
    [missing] = doc["missing"]
    assert missing["key"] == "add_route"
    assert missing["role"] == "button"
    assert missing["where"] == "hosts"
    assert missing["tried"] == ["Add route"]
    assert missing["candidates"][0] == "New route"
    assert doc["found"] > 50 and doc["locale"] == "en"
    # The dialog behind the missing button could not be opened: its controls were not checked.
    assert {"key": "route_name", "where": "hosts/route_dialog"} in doc["unreached"]
    assert sim_http.get("/_sim/audit").json() == []  # a read-only walk: nothing written
    assert doc["writes"] == 0
    assert (tmp_path / doc["trace"]).is_file()  # kept: something is missing

    written = (tmp_path / "labels.yaml").read_text()
    assert "# replaces 'Add route' (button on hosts)" in written
    assert yaml.safe_load(written) == {"en": {"add_route": "New route"}}

    failed = runbook_cli("run", str(book), "--timeout", "3000")
    assert failed.code == 4, failed.output
    assert "Add route" in failed.output  # the locator that found nothing
    assert sim_http.get("/_sim/state").json()["routes"] == []

    applied = runbook_cli("run", str(book), "--labels", "labels.yaml")
    assert applied.code == 0, applied.output
    assert sim_http.get("/_sim/state").json()["routes"] == [LEGACY_ROUTE]


# Over 20 s: the probe walks every page, dialog and menu, and bundles each.
def test_probe_of_a_console_it_knows_finds_everything_and_bundles_each_place(
    runbook_cli: Run, sim_http: httpx.Client, tmp_path: Path, simulator: Any
) -> None:
    probed = runbook_cli("probe", "--console", simulator.url, "--bundle", "probe.zip")
    assert probed.code == 0, probed.output
    assert "every control was found" in probed.output
    with zipfile.ZipFile(tmp_path / "probe.zip") as archive:
        names = archive.namelist()
        assert "versions.json" in names
        for place in ("hosts", "hosts-route_dialog", "routing-rule_dialog", "default_routing"):
            folder = next(n.split("/")[0] for n in names if n.split("/")[0][3:] == place)
            assert {f"{folder}/{f}" for f in ("aria.yml", "dom.html", "screenshot.png")} <= set(
                names
            )
    assert sim_http.get("/_sim/audit").json() == []
    assert not list(tmp_path.glob("recordings/*"))  # nothing missing: no trace kept


def test_probe_without_a_session_asks_for_sign_in(runbook_cli: Run, simulator: Any) -> None:
    result = runbook_cli(
        "probe", "--console", simulator.url, "--profile", "nobody", "--trace", "off"
    )
    assert result.code == 3, result.output
    assert "sign-in" in result.stderr


def test_labels_file_errors_are_placed_and_nothing_starts(
    runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    (tmp_path / "labels.yaml").write_text(
        "en:\n  add_rout: New route\n  save: []\nfrr:\n  cancel: X\n"
    )
    doc = split_delivery()
    doc["console"] = {"labels": "labels.yaml"}
    book = write_runbook(doc)
    result = runbook_cli("run", str(book))
    assert result.code == 65, result.output
    labels = str(tmp_path / "labels.yaml")
    assert result.stderr.splitlines() == [
        f"{labels}:2:3: unknown label key 'add_rout'; did you mean 'add_route'?",
        f"{labels}:3:9: 'save': give at least one name",
        f"{labels}:4:1: unknown locale 'frr'; did you mean 'fr'?",
    ]
    assert not list(tmp_path.glob("recordings/*"))  # refused before any run began

    dutch = runbook_cli("run", str(write_runbook(split_delivery())), "--locale", "nl")
    assert dutch.code == 64, dutch.output
    assert dutch.stderr.strip().startswith("runbook: error: unsupported console locale 'nl'")
    assert len(dutch.stderr.strip().splitlines()) == 1


def test_a_console_language_runbook_does_not_ship_runs_from_a_whole_labels_file(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    # The simulator answers ?hl=nl in English: a "Dutch" file naming it so drives it whole.
    english = runbook_cli("labels", "--json").json()["labels"]
    whole = {"nl": {entry["key"]: entry["names"] for entry in english}}
    (tmp_path / "nl.yaml").write_text(yaml.safe_dump(whole, allow_unicode=True))
    book = write_runbook(split_delivery())
    result = runbook_cli("run", str(book), "--locale", "nl", "--labels", "nl.yaml", "--json")
    assert result.code == 0, result.output
    assert result.run()["locale"] == "nl"
    assert sim_http.get("/_sim/state").json()["routes"] == [LEGACY_ROUTE]


def test_a_renamed_numbered_control_gets_the_catalogues_pattern_as_its_candidate(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    book = write_runbook({"version": 1, "name": "balanced", "steps": [{"mail_route": BALANCED}]})
    renamed = {"en": {"Host {n}": "Server {n}"}}  # every row: "Server 1", "Server 2", ...
    sim_http.put("/_sim/labels", json=renamed).raise_for_status()

    probed = runbook_cli("probe", str(book), "--json", "--write-labels", "labels.yaml")
    assert probed.code == 4, probed.output
    [missing] = probed.json()["probe"]["missing"]
    assert (missing["key"], missing["where"]) == ("host_row", "hosts/route_dialog")
    assert missing["tried"] == ["Host {n}"]
    assert missing["candidates"] == ["Server {n}"]  # the pattern, not one row's name
    written = (tmp_path / "labels.yaml").read_text()
    assert yaml.safe_load(written) == {"en": {"host_row": "Server {n}"}}

    applied = runbook_cli("run", str(book), "--labels", "labels.yaml")
    assert applied.code == 0, applied.output
    assert sim_http.get("/_sim/state").json()["routes"] == [BALANCED]  # three rows, two tables


def test_a_forms_renamed_control_is_found_by_probe_and_adapted_by_a_form_table(
    runbook_cli: Run, write_runbook: Write, sim_http: httpx.Client, tmp_path: Path
) -> None:
    old, new = "Be more aggressive when filtering spam", "Filter spam more aggressively"
    form = {
        "name": "Stricter spam filtering",
        "page": {"path": "/ac/apps/gmail/spam"},
        "section": "Spam",
        "open": "Configure",
        "controls": [
            {"checkbox": old, "checked": True},
            {"checkbox": "Put spam in administrative quarantine", "checked": True},
        ],
    }
    book = write_runbook({"version": 1, "name": "spam", "steps": [{"form": form}]})
    sim_http.put("/_sim/labels", json={"en": {old: new}}).raise_for_status()

    probed = runbook_cli("probe", str(book), "--json", "--write-labels", "labels.yaml")
    assert probed.code == 4, probed.output
    doc = probed.json()["probe"]
    [missing] = doc["missing"]
    assert (missing["key"], missing["role"], missing["form"]) == (old, "checkbox", True)
    assert missing["where"] == "/ac/apps/gmail/spam" and missing["tried"] == [old]
    assert missing["candidates"][0] == new  # the dialog was opened to look
    assert doc["found"] == 3  # the section, its Configure and the other checkbox
    assert doc["writes"] == 0 and sim_http.get("/_sim/audit").json() == []

    written = (tmp_path / "labels.yaml").read_text()
    assert yaml.safe_load(written) == {"en": {"form": {old: new}}}
    applied = runbook_cli("run", str(book), "--labels", "labels.yaml", "--json")
    assert applied.code == 0, applied.output
    spam = sim_http.get("/_sim/state").json()["gmail_settings"]["spam"]["/"]
    assert spam["spam_filter"]["aggressive"] and spam["spam_filter"]["admin_quarantine"]
