"""`form` steps end to end: the simulator's Spam, phishing and malware settings page set by
controls named in the runbook only (no page object of its own), at the top and in a child OU."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.conftest import CliResult
from tests.conftest import SimApi

Run = Callable[..., CliResult]
Write = Callable[..., Path]

PAGE = {
    "path": "/ac/apps/gmail/spam",
    "menu": ["Apps", "Google Workspace", "Gmail", "Spam, phishing and malware"],
}
SPOOFING = {"en": "Spoofing and authentication", "fr": "Usurpation d'identité et authentification"}


def _spoofing(**more: Any) -> dict[str, Any]:
    return {
        "name": "Quarantine spoofed mail",
        "page": PAGE,
        "section": SPOOFING,
        "controls": [
            {
                "combobox": {
                    "en": "Spoofing protection",
                    "fr": "Protection contre l'usurpation d'identité",
                },
                "option": {"en": "Quarantine", "fr": "Mettre en quarantaine"},
            },
            {
                "checkbox": {
                    "en": "Protect against spoofing of employee names",
                    "fr": "Protéger contre l'usurpation des noms des employés",
                },
                "checked": True,
            },
        ],
        **more,
    }


def _allowlist() -> dict[str, Any]:
    return {
        "name": "Allow our relays",
        "page": PAGE,
        "section": "Email allowlist",
        "controls": [
            {
                "textbox": "Enter the IP addresses for the allowlist",
                "value": "203.0.113.0/24, 192.0.2.1",
            }
        ],
    }


def _book(*forms: dict[str, Any]) -> dict[str, Any]:
    return {"version": 1, "name": "spam", "steps": [{"form": f} for f in forms]}


def _writes(sim: SimApi) -> list[tuple[str, str, str]]:
    return [(a["action"], a["name"], a.get("org_unit", "/")) for a in sim.audit()]


def test_a_form_sets_only_what_differs_saves_once_and_is_then_in_sync(
    runbook_cli: Run, write_runbook: Write, sim: SimApi
) -> None:
    book = str(write_runbook(_book(_spoofing(), _allowlist())))
    dry = runbook_cli("run", book, "--dry-run", "--json")
    assert dry.code == 0, dry.output
    assert [s["status"] for s in dry.run()["steps"]] == ["would_change", "would_change"]
    assert sim.audit() == []  # filled, then cancelled

    first = runbook_cli("run", book, "--json")
    assert first.code == 0, first.output
    steps = first.run()["steps"]
    assert [s["status"] for s in steps] == ["changed", "changed"]
    changes = {c["field"]: (c["before"], c["after"]) for c in steps[0]["changes"]}
    assert changes == {
        'combobox "Spoofing protection"': ("Keep email in inbox and show warning", "Quarantine"),
        'checkbox "Protect against spoofing of employee names"': (False, True),
    }
    assert _writes(sim) == [
        ("update_setting", "spoofing", "/"),
        ("update_setting", "allowlist", "/"),
    ]
    spam = sim.state()["gmail_settings"]["spam"]["/"]
    assert spam["spoofing"]["action"] == "quarantine" and spam["spoofing"]["employee_names"]
    assert spam["allowlist"]["ip_addresses"] == ["203.0.113.0/24", "192.0.2.1"]

    again = runbook_cli("run", book, "--json")
    assert again.code == 0, again.output
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]
    assert len(sim.audit()) == 2  # a second run: no write
    assert runbook_cli("drift", book).code == 0

    # Someone turns a control back in the console: drift names it.
    sim.put_state(
        {
            "gmail_settings": {
                "spam": {"/": {**spam, "spoofing": {**spam["spoofing"], "employee_names": False}}}
            }
        }
    )
    drift = runbook_cli("drift", book, "--json")
    assert drift.code == 2, drift.output
    [step] = [s for s in drift.run()["steps"] if s["status"] == "drift"]
    assert 'checkbox "Protect against spoofing of employee names"' in step["message"]


def test_in_a_child_ou_a_section_is_overridden_only_when_it_differs_and_inherits_again(
    runbook_cli: Run, write_runbook: Write, sim: SimApi
) -> None:
    same = {
        **_spoofing(),
        "controls": [
            {"combobox": "Spoofing protection", "option": "Keep email in inbox and show warning"}
        ],
    }
    book = str(write_runbook(_book({**same, "org_unit": "/Sales"}), "same.yaml"))
    assert runbook_cli("run", book).code == 0
    assert sim.audit() == []  # the inherited values are already the runbook's: not overridden

    sales = str(write_runbook(_book(_spoofing(org_unit="/Sales")), "sales.yaml"))
    applied = runbook_cli("run", sales, "--locale", "fr", "--json")  # names by locale
    assert applied.code == 0, applied.output
    assert _writes(sim) == [("override_setting", "spoofing", "/Sales")]
    state = sim.state()["gmail_settings"]["spam"]
    assert state["/Sales"]["spoofing"]["action"] == "quarantine"
    assert "/" not in state  # the top untouched

    inherit = {
        "name": "Sales as the company",
        "page": PAGE,
        "section": SPOOFING,
        "org_unit": "/Sales",
        "inherit": True,
    }
    back = str(write_runbook(_book(inherit), "inherit.yaml"))
    drift = runbook_cli("drift", back, "--json")
    assert drift.code == 2, drift.output
    assert "overridden in /Sales" in drift.run()["steps"][0]["message"]
    assert runbook_cli("run", back).code == 0
    assert _writes(sim)[-1] == ("inherit_setting", "spoofing", "/Sales")
    assert "gmail_settings" not in sim.state()
    assert runbook_cli("drift", back).code == 0


def test_a_control_not_on_the_page_exits_4_with_what_is_there_and_a_labels_file_renames_it(
    runbook_cli: Run, write_runbook: Write, sim: SimApi, tmp_path: Path
) -> None:
    # A runbook written for a console that named the section and its field otherwise.
    outdated = {
        **_allowlist(),
        "section": "IP allowlist",
        "controls": [{"textbox": "Allowed IP addresses", "value": "198.51.100.7"}],
    }
    wrong = {**outdated, "section": "Email allowlist"}
    result = runbook_cli("run", str(write_runbook(_book(wrong), "wrong.yaml")), "--json")
    assert result.code == 4, result.output
    message = result.run()["steps"][0]["message"]
    assert 'textbox "Allowed IP addresses"' in message
    assert 'textbox "Enter the IP addresses for the allowlist"' in message  # what is there
    assert sim.audit() == []

    # The labels file's `form:` table maps the runbook's names to the console's.
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "en:\n  form:\n    IP allowlist: Email allowlist\n"
        "    Allowed IP addresses: Enter the IP addresses for the allowlist\n"
    )
    book = str(write_runbook(_book(outdated)))
    applied = runbook_cli("run", book, "--labels", str(labels), "--json")
    assert applied.code == 0, applied.output
    [change] = applied.run()["steps"][0]["changes"]
    assert change["field"] == 'textbox "Allowed IP addresses"'  # as the runbook names it
    assert sim.state()["gmail_settings"]["spam"]["/"]["allowlist"]["ip_addresses"] == [
        "198.51.100.7"
    ]


def test_bad_forms_are_refused_at_their_line(runbook_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nname: bad\nsteps:\n"
        "  - form:\n      name: A\n      page: {path: /ac/apps/gmail/spam}\n      controls: []\n"
        "  - form:\n      name: B\n      page: {path: /ac/apps/gmail/spam}\n      controls:\n"
        "        - {checkbox: X, textbox: Y, checked: true}\n"
        "  - form:\n      name: C\n      page: {path: /ac/apps/gmail/spam}\n      controls:\n"
        "        - {button: X}\n"
    )
    result = runbook_cli("validate", str(path))
    assert result.code == 65, result.output
    assert f"{path}:7:" in result.output and "needs its controls" in result.output
    assert f"{path}:12:" in result.output and "one role" in result.output
    assert f"{path}:17:" in result.output and "button" in result.output


def test_a_form_is_planned_then_applied_and_its_secret_value_is_in_no_output(
    runbook_cli: Run,
    write_runbook: Write,
    sim: SimApi,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    env = {**cli_env, "RELAYS": "198.51.100.7"}
    secret = _allowlist()
    secret["controls"] = [{**secret["controls"][0], "value": "${env:RELAYS}"}]
    book = str(write_runbook(_book(secret)))
    planned = runbook_cli("plan", book, "-o", "plan.json", env=env)
    assert planned.code == 2, planned.output
    assert sim.audit() == []
    text = (tmp_path / "plan.json").read_text()
    assert "198.51.100.7" not in text and "198.51.100.7" not in planned.output

    applied = runbook_cli("apply", "plan.json", "--json", env=env)
    assert applied.code == 0, applied.output
    assert _writes(sim) == [("update_setting", "allowlist", "/")]
    assert sim.state()["gmail_settings"]["spam"]["/"]["allowlist"]["ip_addresses"] == [
        "198.51.100.7"
    ]
    run_dir = tmp_path / applied.run()["run_dir"]
    for written in run_dir.glob("*"):
        if written.suffix in (".json", ".jsonl", ".html", ".yml"):
            assert "198.51.100.7" not in written.read_text(), written
    assert "198.51.100.7" not in applied.output
    stale = runbook_cli("apply", "plan.json", env=env)
    assert stale.code == 1, stale.output  # the console changed since the plan: refused
    assert len(sim.audit()) == 1


SCANNING = "Enables improved detection of suspicious content prior to delivery"


def test_the_escape_hatch_acts_only_when_its_guard_says_and_never_in_a_dry_run(
    runbook_cli: Run, write_runbook: Write, sim: SimApi
) -> None:
    by_hand = {
        "name": "Scanning off in Sales",
        "page": PAGE,
        "org_unit": "/Sales",
        "section": "Enhanced pre-delivery message scanning",
        "actions": [
            {"expect": {"heading": "Enhanced pre-delivery message scanning"}},
            {"click": {"button": "Override"}, "when": {"button": "Override"}},
            {
                "check": {"checkbox": SCANNING},
                "checked": False,
                "when": {"checkbox": SCANNING, "checked": True},
            },
            {"click": {"button": "Save"}, "when": {"button": "Save", "disabled": False}},
            {"expect": {"button": "Inherit"}},  # saved: the section is overridden now
        ],
    }
    book = str(write_runbook(_book(by_hand)))
    dry = runbook_cli("run", book, "--dry-run", "--json")
    assert dry.code == 0, dry.output
    [step] = dry.run()["steps"]
    assert step["status"] == "would_change"
    assert 'did not click button "Override"' in step["message"]
    assert sim.audit() == []

    first = runbook_cli("run", book, "--json")
    assert first.code == 0, first.output
    assert first.run()["steps"][0]["status"] == "changed"
    assert _writes(sim) == [("override_setting", "pre_delivery_scanning", "/Sales")]
    assert not sim.state()["gmail_settings"]["spam"]["/Sales"]["pre_delivery_scanning"]["enabled"]

    again = runbook_cli("run", book, "--json")
    assert again.code == 0, again.output
    assert again.run()["steps"][0]["status"] == "ok"  # every guard says: nothing to do
    assert len(sim.audit()) == 1
    assert runbook_cli("drift", book).code == 0


def test_a_write_action_without_a_guard_is_refused_at_its_line(
    runbook_cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nname: bad\nsteps:\n  - form:\n      name: A\n"
        "      page: {path: /ac/apps/gmail/spam}\n      actions:\n"
        "        - click: {button: Turn on}\n"
    )
    result = runbook_cli("validate", str(path))
    assert result.code == 65, result.output
    assert f"{path}:8:" in result.output and "give 'when' or 'unless'" in result.output


AGGRESSIVE = "Be more aggressive when filtering spam"
NOTIFY = "Email administrators when a message is quarantined"


def test_a_form_in_a_dialog_and_one_that_saves_each_change_write_only_when_applied(
    runbook_cli: Run, write_runbook: Write, sim: SimApi
) -> None:
    in_dialog = {
        "name": "Stricter spam filtering in Sales",
        "page": PAGE,
        "org_unit": "/Sales",
        "section": "Spam",
        "open": {"en": "Configure", "fr": "Configurer"},
        "controls": [
            {"checkbox": AGGRESSIVE, "checked": True},
            {"checkbox": "Put spam in administrative quarantine", "checked": True},
            {
                "checkbox": "Bypass spam filters for messages from internal senders",
                "checked": False,
            },
        ],
    }
    on_change = {
        "name": "Tell admins of quarantined mail",
        "page": PAGE,
        "section": "Quarantine notifications",
        "controls": [{"switch": NOTIFY, "checked": True}],
        "save": "none",
    }
    book = str(write_runbook(_book(in_dialog, on_change)))

    dry = runbook_cli("run", book, "--dry-run", "--json")
    assert dry.code == 0, dry.output
    dialog_step, switch_step = dry.run()["steps"]
    assert dialog_step["status"] == switch_step["status"] == "would_change"
    assert {c["field"]: (c["before"], c["after"]) for c in dialog_step["changes"]} == {
        f'checkbox "{AGGRESSIVE}"': (False, True),
        'checkbox "Put spam in administrative quarantine"': (False, True),
    }
    # The dialog was filled and cancelled; the switch, which would save, was not touched.
    assert [c["name"] for c in dialog_step["checkpoints"]] == ["filled"]
    assert switch_step["message"] == (
        f'dry run: did not change switch "{NOTIFY}" (the page saves each change)'
    )
    drift = runbook_cli("drift", book, "--json")
    assert drift.code == 2, drift.output
    assert [s["status"] for s in drift.run()["steps"]] == ["drift", "drift"]
    assert NOTIFY in drift.run()["steps"][1]["message"]
    assert sim.audit() == []  # neither dry run nor drift wrote

    applied = runbook_cli("run", book, "--json")
    assert applied.code == 0, applied.output
    assert [s["status"] for s in applied.run()["steps"]] == ["changed", "changed"]
    assert _writes(sim) == [
        ("override_setting", "spam_filter", "/Sales"),  # saved in the dialog: overridden
        ("update_setting", "quarantine_notifications", "/"),
    ]
    state = sim.state()["gmail_settings"]["spam"]
    assert state["/Sales"]["spam_filter"] == {
        "aggressive": True,
        "bypass_internal": False,
        "admin_quarantine": True,
    }
    assert state["/"]["quarantine_notifications"] == {"notify_admins": True}

    again = runbook_cli("run", book, "--json")
    assert [s["status"] for s in again.run()["steps"]] == ["ok", "ok"]
    assert len(sim.audit()) == 2  # a second run: no write

    # Someone turns the dialog's setting off in the console: drift names the control.
    sales = {**state["/Sales"]["spam_filter"], "aggressive": False}
    sim.put_state({"gmail_settings": {"spam": {**state, "/Sales": {"spam_filter": sales}}}})
    drifted = runbook_cli("drift", book, "--json")
    assert drifted.code == 2, drifted.output
    assert [s["status"] for s in drifted.run()["steps"]] == ["drift", "ok"]
    assert AGGRESSIVE in drifted.run()["steps"][0]["message"]

    # The switch turned off in the console, and the console refusing every save: the change
    # fails with the console's words, and the switch is as the console keeps it.
    sim.put_state({"gmail_settings": {"spam": {"/Sales": state["/Sales"]}}})
    sim.faults({"fail_next_saves": 5})
    refused = runbook_cli("run", book, "--json")
    assert refused.code == 1, refused.output
    dialog_step, step = refused.run()["steps"]
    assert dialog_step["status"] == "ok"
    assert (step["status"], step["changes_state"]) == ("failed", "not_saved")
    assert "the console refused to save" in step["message"]
    assert "quarantine_notifications" not in sim.state()["gmail_settings"]["spam"].get("/", {})
