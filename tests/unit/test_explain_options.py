"""`explain` of every option of a routing rule, in English and French, and the shipped jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook.explain import explain
from runbook.file import load_runbook

ROOT = Path(__file__).parents[2]
EVERY = Path(__file__).parent / "data" / "valid" / "every-option.yaml"
JOBS = [
    ROOT / "runbooks" / f"{n}.yaml"
    for n in ("dual-delivery", "offboarding-reject", "outbound-gateway")
]


def in_order(text: str, phrases: list[str]) -> None:
    flat, position = text.replace("\u00a0", " "), 0
    for phrase in phrases:
        found = flat.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found


def test_every_option_is_explained_in_the_dialogs_order() -> None:
    text = explain(load_runbook(EVERY, env={}), "en")
    in_order(
        text,
        [
            "Under “Headers”:",
            "check “Add X-Gm-Original-To header”",
            "check “Add X-Gm-Spam and X-Gm-Phishy headers”",
            "check “Add custom headers”; for each header click “Add”, enter “X-Archive” in "
            "“Header key” and “yes” in “Header value”",
            "check “Prepend custom subject” and enter “[copy]” in “Custom subject”",
            "select “Archive smarthost”",
            "check “Also reroute spam”",
            "check “Suppress bounces from this message”",
            "check “Change envelope recipient”, select “Replace username” in the “Replace” menu "
            "and enter “bob” in “Username”",
            "check “Bypass spam filter for this message”",
            "check “Remove attachments from this message”",
            "Under “Also deliver to”, check “Add more recipients”",
            "“Recipient type”: “Basic”; “Email address”: “journal@archive.example.net”",
            "“Recipient type”: “Advanced”; “Email address”: “copy@example.net”; uncheck “Do not "
            "deliver spam to this recipient” (it is checked by default)",
            "Under “Encryption (onward delivery only)”",
            "check “Require secure transport (TLS)”",
            "Leave every other option under “Modify message” unchecked and empty.",
            "select “Reject message”",
            "In “Customize rejection notice”, enter “This address no longer receives mail.”",
        ],
    )


def test_every_option_is_explained_in_french() -> None:
    text = explain(load_runbook(EVERY, env={}), "fr")
    in_order(
        text,
        [
            "Sous « En-têtes » :",
            "cochez la case « Ajouter l'en-tête X-Gm-Original-To »",
            "saisissez « X-Archive » dans « Clé de l'en-tête »",
            "cochez la case « Ajouter un objet personnalisé au début »",
            "cochez la case « Rediriger également le spam »",
            "sélectionnez « Remplacer le nom d'utilisateur » dans le menu « Remplacer »",
            "cochez la case « Ignorer le filtre antispam pour ce message »",
            "cochez la case « Supprimer les pièces jointes de ce message »",
            "Sous « Distribuer également à », cochez la case « Ajouter des destinataires »",
            "« Type de destinataire » : « De base »",
            "décochez la case « Ne pas distribuer le spam à ce destinataire »",
            "cochez la case « Exiger un transport sécurisé (TLS) »",
            "Dans le champ « Personnaliser la notification de refus », saisissez",
        ],
    )
    assert "Also deliver to" not in text and "Headers" not in text


def test_dual_delivery_reads_like_the_help_center() -> None:
    text = explain(load_runbook(JOBS[0], env={}), "en")
    in_order(
        text,
        [
            "Gmail > Routing.",
            "Click “Configure”",
            "select “Modify message”",
            "check “Add X-Gm-Original-To header”",
            "Under “Also deliver to”, check “Add more recipients”. For each recipient below, "
            "click “Add”",
            "“Recipient type”: “Advanced”; “Email address”: “journal@archive.example.net”; "
            "under “Route”, check “Change route” and select “Archive smarthost”",
            "check “Do not deliver spam to this recipient”",
            "Click “Save”.",
        ],
    )


@pytest.mark.parametrize("path", JOBS, ids=lambda p: p.stem)
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_shipped_jobs_are_valid_and_explained(path: Path, locale: str) -> None:
    book = load_runbook(path, env={})
    assert book.steps and explain(book, locale)
