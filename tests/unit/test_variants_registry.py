"""The simulator's variants: one registry, checked names, the strings each variant changes."""

from __future__ import annotations

import pytest

from runbook.simulator.i18n import STRINGS
from runbook.simulator.variants import VARIANTS, VariantError, parse, strings


def test_names_are_checked_and_kept_in_registry_order() -> None:
    assert parse({"active": ["reauth", "caps"]}) == ("caps", "reauth")
    with pytest.raises(VariantError, match=r"unknown variant\(s\) nope; known: caps, "):
        parse(["caps", "nope"])
    with pytest.raises(VariantError, match="expected a list"):
        parse("caps")
    assert len(VARIANTS) == 11


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_caps_and_the_tls_wording_change_only_their_strings(locale: str) -> None:
    base = STRINGS[locale]  # type: ignore[index]
    shown = strings(base, locale, ["caps", "tls-wording-2"])
    assert shown["save"] == base["save"].upper() and shown["configure"].isupper()
    assert shown["require_tls"] != base["require_tls"]
    assert "(TLS)" in shown["require_tls"]
    assert shown["route_name"] == base["route_name"]  # a field label keeps its case
    assert strings(base, locale, []) == base
