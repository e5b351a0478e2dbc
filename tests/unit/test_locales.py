"""Every locale is one file with the same label and prose keys; a key or locale not known fails."""

from __future__ import annotations

import string
from pathlib import Path
from typing import get_args

import pytest

from runbook.console.keys import ROLES
from runbook.errors import UsageError
from runbook.file import json_schema
from runbook.file.model import ACCOUNT_TYPES, MESSAGE_TYPES
from runbook.locales import (
    LOCALES,
    LabelKey,
    Labels,
    Locale,
    ProseKey,
    catalogue,
    catalogues,
    check_locale,
)
from runbook.locales.catalogues import found_locales
from runbook.locales.values.message_options import ACTION_KEYS
from runbook.locales.values.routing_rule import (
    ACCOUNT_TYPE_KEYS,
    MATCH_KEYS,
    MATCH_VALUE_KEYS,
    MESSAGE_KEYS,
)

TLS_WORDINGS = (
    "Require mail to be transmitted via a secure (TLS) connection (Recommended)",
    "Require mail to be transmitted over a secure transport (TLS) connection",
)


def fields(text: str) -> set[str]:
    """The `{...}` fields a name or a sentence is filled with."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_exactly_the_label_and_prose_keys(locale: str) -> None:
    found = catalogue(locale)
    assert found.locale == locale
    assert sorted(found.labels) == sorted(get_args(LabelKey))
    assert sorted(found.prose) == sorted(get_args(ProseKey))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_names_its_control_at_least_once(locale: str) -> None:
    found = catalogue(locale)
    for key, names in found.labels.items():
        assert isinstance(names, tuple) and names, f"{locale}:{key}"
        assert all(isinstance(n, str) and n.strip() for n in names), f"{locale}:{key}"
        assert len(set(names)) == len(names), f"{locale}:{key} repeats a name"
    for key, sentence in found.prose.items():
        assert sentence.strip(), f"{locale}:{key}"
    left, right = found.quotes
    assert left and right
    assert found.browser_locale.startswith(locale)


def test_the_locales_fill_the_same_fields() -> None:
    first, *others = (catalogue(locale) for locale in LOCALES)
    for other in others:
        for key, names in first.labels.items():
            wanted = fields(names[0])
            assert all(fields(n) == wanted for n in (*names, *other.labels[key])), key
        for prose_key, sentence in first.prose.items():
            assert fields(other.prose[prose_key]) == fields(sentence), prose_key


def test_every_label_key_has_a_role() -> None:
    assert sorted(ROLES) == sorted(get_args(LabelKey))


def test_runbook_values_map_to_label_keys() -> None:
    keys = set(get_args(LabelKey))
    assert set(MESSAGE_KEYS) == set(MESSAGE_TYPES)
    assert set(ACCOUNT_TYPE_KEYS) == set(ACCOUNT_TYPES)
    assert set(MATCH_KEYS) == set(MATCH_VALUE_KEYS)
    for mapping in (MESSAGE_KEYS, ACCOUNT_TYPE_KEYS, ACTION_KEYS, MATCH_KEYS, MATCH_VALUE_KEYS):
        assert set(mapping.values()) <= keys


def test_the_runbook_schema_offers_exactly_the_locales() -> None:
    console = json_schema()["$defs"]["ConsoleSettings"]["properties"]["locale"]
    assert tuple(console["enum"]) == LOCALES


def test_an_unknown_locale_is_a_usage_error_never_english() -> None:
    with pytest.raises(UsageError, match=r"'nl'.*de, en, fr"):
        Labels("nl")
    with pytest.raises(UsageError):
        catalogue("EN")
    assert check_locale("fr") == "fr"


def test_the_first_name_is_the_one_printed_and_every_name_is_accepted() -> None:
    labels = Labels("en")
    assert labels.names("require_tls") == TLS_WORDINGS
    assert labels.name("require_tls") == TLS_WORDINGS[0]
    assert all(labels.matches("require_tls", wording) for wording in TLS_WORDINGS)
    assert not labels.matches("require_tls", "Require mail to be transmitted")
    assert labels.name("host_row", n=2) == "Host 2"
    assert labels.names("host_row", n=3) == ("Host 3",)


def test_message_parts_and_values_are_found_by_any_name() -> None:
    labels = Labels("fr")
    assert labels.found_in("name_taken", "Ce nom EXISTE DÉJÀ.")
    assert not labels.found_in("name_taken", "Enregistré")
    assert labels.value_of(MATCH_KEYS, "Correspondance de modèle") == "pattern"
    assert labels.value_of(MATCH_KEYS, "Pattern match") is None


def test_the_locales_are_the_files_present(tmp_path: Path) -> None:
    folder = Path(catalogues.__file__).parent
    assert tuple(sorted(p.stem for p in folder.glob("??.py"))) == LOCALES
    assert get_args(Locale) == LOCALES  # the runbook model's choices follow the files
    for name in ("de.py", "pt_BR.py", "catalogues.py", "keys.py", "README.md"):
        (tmp_path / name).write_text("")
    assert found_locales(tmp_path) == ("de", "pt-BR")  # other modules are not locales


def test_an_unknown_locale_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unsupported console locale 'xx'; use one of de, en, fr"):
        check_locale("xx")
