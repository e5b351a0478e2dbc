"""`runbook explain` of Default routing settings: the page's own labels, in English and French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.unit.test_explain_steps import QUOTED, numbered, runbook_values

from runbook.explain import explain
from runbook.file import load_runbook, load_text
from runbook.locales import catalogue

CATCH_ALL = Path(__file__).parents[2] / "runbooks" / "catch-all-subdomain.yaml"
LEAVER = """\
version: 1
name: offboarding
steps:
  - default_routing:
      description: Reject mail to a leaver
      recipients: {match: single_recipient, value: leaver@example.com}
      action: reject_message
      rejection_notice: This address no longer receives mail.
      apply_to: all_addresses
      enabled: false
  - default_routing: {description: Old catch-all}
    state: absent
"""


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_quoted_name_comes_from_the_catalogue_or_the_runbook(locale: str) -> None:
    text = explain(load_runbook(CATCH_ALL, env={}), locale)
    quoted = QUOTED[locale].findall(text)
    printed = {names[0] for names in catalogue(locale).labels.values()}
    assert [q for q in quoted if q not in printed | runbook_values(CATCH_ALL)] == []


def test_the_catch_all_in_english_reads_as_the_console_shows_it() -> None:
    lines = numbered(explain(load_runbook(CATCH_ALL, env={}), "en"))
    expected_in_order = [
        "Route unrecognized addresses of the subdomain to it",
        "Main menu > Apps > Google Workspace > Gmail > Default routing",
        "Click “Configure” (or “Add another rule”",
        "The “Add setting” dialog opens",
        "In “Description”, enter “Catch-all for the subdomain”",
        "Under “Specify envelope recipients to match”, select “Pattern match”, then in "
        "“Regexp” enter “.*@lists\\.example\\.com”",
        "select “Modify message”",
        "check “Change route”",
        "“Subdomain catch-all server”",
        "Under “Options”, select “Perform this action only on non-recognized addresses”",
        "Click “Save”",
    ]
    text = "\n".join(lines)
    position = 0
    for part in expected_in_order:
        found = text.find(part, position)
        assert found >= 0, (part, text[position:])
        position = found


def test_a_rejection_in_french_with_its_notice_switch_and_removal() -> None:
    text = explain(load_text(LEAVER, "leaver.yaml", env={}), "fr").replace("\u00a0", " ")
    for part in (
        "Gmail > Routage par défaut",
        "sélectionnez « Destinataire unique », puis dans « Adresse e-mail » saisissez "
        "« leaver@example.com »",
        "sélectionnez « Refuser le message »",
        "Dans le champ « Personnaliser la notification de refus », saisissez « This address no "
        "longer receives mail. »",
        "sélectionnez « Appliquer cette action aux adresses reconnues et non reconnues »",
        "désactivez « Activé » pour le paramètre « Reject mail to a leaver »",
        "Supprimer le paramètre de routage par défaut « Old catch-all »",
        "repérez le paramètre « Old catch-all »",
    ):
        assert part in text, (part, text)
    assert "Modifier la route" not in text
    assert re.search(r"Tous les destinataires", text) is None


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_catch_all_replaces_the_envelope_recipient_after_changing_the_route(
    locale: str,
) -> None:
    names = catalogue(locale).labels
    text = explain(load_runbook(CATCH_ALL, env={}), locale).replace("\u00a0", " ")
    route = text.find(names["change_route"][0])
    envelope = text.find(names["envelope_recipient_group"][0], route)
    assert 0 <= route < envelope, text
    for part in (names["change_envelope"][0], names["envelope_recipient"][0]):
        assert text.find(part, envelope) > envelope, (part, text)
    assert text.find("catch-all@lists.example.com", envelope) > envelope
