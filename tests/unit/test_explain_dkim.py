"""`runbook explain` of DKIM keys: the Authenticate email page's labels and the DNS record."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.unit.test_explain_steps import QUOTED

from runbook.explain import explain
from runbook.file import load_runbook, load_text
from runbook.locales import catalogue

ALL_DOMAINS = Path(__file__).parents[2] / "runbooks" / "dkim-all-domains.yaml"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_quoted_name_is_the_consoles_or_a_value_of_the_runbook(locale: str) -> None:
    book = load_runbook(ALL_DOMAINS, env={})
    text = explain(book, locale)
    printed = {names[0] for names in catalogue(locale).labels.values()}
    domains = {step.key for step in book.steps}
    values = domains | {book.name, "google", "2048"}
    values |= {f"google._domainkey{d}" for d in ("", *(f".{d}" for d in domains))}
    assert [q for q in QUOTED[locale].findall(text) if q not in printed | values] == []


def test_a_rotation_and_a_stop_read_as_a_person_would_do_them() -> None:
    book = load_text(
        "version: 1\nname: k\nsteps:\n"
        "  - dkim: {domain: example.org, selector: google2026, key_bits: 1024}\n"
        "  - dkim: {domain: example.net, authentication: off}\n",
        "k.yaml",
        env={},
    )
    text = explain(book, "en")
    assert "Authenticate email" in text
    assert "enter \u201cgoogle2026\u201d in \u201cPrefix selector\u201d" in text
    assert "select \u201c1024\u201d in \u201cDKIM key bit length\u201d" in text
    assert "\u201cgoogle2026._domainkey.example.org\u201d" in text
    assert "click \u201cStart authentication\u201d" in text
    assert "click \u201cStop authentication\u201d" in text
    assert "Keep the old selector's record" in text
