"""The simulator's languages are its locale files; a language it lacks is said, never silent."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from runbook.simulator import locales as sim_locales
from runbook.simulator.i18n import (
    ACCOUNT_LANGUAGE,
    LOCALES,
    STRINGS,
    VARIANT_STRINGS,
    found_locales,
    locale_from,
)
from runbook.simulator.languages import Languages
from runbook.simulator.variants import VARIANTS

from .ui import HOSTS


def test_the_languages_are_the_files_present(tmp_path: Path) -> None:
    folder = Path(sim_locales.__file__).parent
    assert LOCALES == tuple(sorted(p.stem for p in folder.glob("??.py"))) == ("de", "en", "fr")
    for name in ("de.py", "pt_BR.py", "__init__.py", "README.md"):
        (tmp_path / name).write_text("")
    assert found_locales(tmp_path) == ("de", "pt-BR")


def test_every_language_words_the_same_keys_and_variants() -> None:
    english = STRINGS[ACCOUNT_LANGUAGE]
    for locale in LOCALES:
        assert list(STRINGS[locale]) == list(english), locale  # same keys, same order
        assert set(VARIANT_STRINGS[locale]) <= set(VARIANTS), locale
        for words in VARIANT_STRINGS[locale].values():
            assert set(words) <= set(english), locale  # a variant rewords existing strings
        assert {n: set(w) for n, w in VARIANT_STRINGS[locale].items()} == {
            n: set(w) for n, w in VARIANT_STRINGS[ACCOUNT_LANGUAGE].items()
        }


@pytest.mark.parametrize(
    ("hl", "shown"),
    [
        (None, "en"),
        ("", "en"),
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("fr_CA", "fr"),
        ("en-GB", "en"),
        ("de", "de"),
        ("de-AT", "de"),
        ("nl", ACCOUNT_LANGUAGE),  # a language the simulator lacks: the account's language
        ("zz-ZZ", ACCOUNT_LANGUAGE),
    ],
)
def test_a_request_shows_the_language_it_names_else_the_accounts(
    hl: str | None, shown: str
) -> None:
    assert locale_from(hl) == shown


def test_a_lacking_language_is_logged_once_and_listed(caplog: pytest.LogCaptureFixture) -> None:
    languages = Languages()
    with caplog.at_level(logging.WARNING, logger="runbook.simulator.languages"):
        for hl in (None, "fr-CA", "nl", "nl", "de", "en"):
            languages.asked(hl)
    [warning] = caplog.records
    assert warning.getMessage() == (
        "hl=nl: the simulator has no strings in that language (it has de, en, fr); "
        "it answers in en, the account's language"
    )
    assert languages.as_dict() == {
        "known": ["de", "en", "fr"],
        "account_language": "en",
        "lacking": ["nl"],
    }
    languages.reset()
    assert languages.as_dict()["lacking"] == []


def test_the_test_api_lists_the_languages_asked_for_that_it_lacks(
    sim: Any, console: httpx.Client
) -> None:
    assert sim.client.get("/_sim/locales").json()["lacking"] == []
    dutch = console.get(f"{HOSTS}?hl=nl")
    assert dutch.status_code == 200 and '<html lang="en">' in dutch.text  # the account's
    german = console.get(f"{HOSTS}?hl=de")
    assert '<html lang="de">' in german.text and "Route hinzufügen" in german.text
    assert sim.client.get("/_sim/locales").json() == {
        "known": ["de", "en", "fr"],
        "account_language": "en",
        "lacking": ["nl"],
    }
    sim.reset()
    assert sim.client.get("/_sim/locales").json()["lacking"] == []
