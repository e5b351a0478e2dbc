"""`runbook explain`: steps to follow by hand in the console, named as the catalogue names them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from runbook.cli import cli
from runbook.explain import explain
from runbook.file import load_runbook, load_text
from runbook.locales import catalogue

ROOT = Path(__file__).parents[2]
SPLIT = ROOT / "runbooks" / "split-delivery.yaml"
MULTI = ROOT / "runbooks" / "split-delivery-multi-host.yaml"
STAGED = ROOT / "runbooks" / "staged-migration.yaml"
DATA = Path(__file__).parent / "data" / "valid"
QUOTED = {"en": re.compile("\u201c(.*?)\u201d"), "fr": re.compile("«\u00a0(.*?)\u00a0»")}


def runbook_values(path: Path) -> set[str]:
    """Every value a runbook sets: names, hosts, patterns, ... (quoted as typed text)."""
    book = load_runbook(path, env={"RUNBOOK_TEST_RELAY": "relay.example.net"})
    values = {book.name, *book.console.org_unit.strip("/").split("/")}  # the picker's names
    for step in book.steps:
        values |= {str(v) for v in _leaves(step.resource.console_fields())}
        values |= set(str(getattr(step.resource, "org_unit", None) or "").strip("/").split("/"))
    return values


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("path", [SPLIT, MULTI, *sorted(DATA.glob("*.yaml"))], ids=lambda p: p.stem)
def test_every_quoted_name_comes_from_the_catalogue_or_the_runbook(path: Path, locale: str) -> None:
    book = load_runbook(path, env={"RUNBOOK_TEST_RELAY": "relay.example.net"})
    text = explain(book, locale)
    quoted = QUOTED[locale].findall(text)
    assert quoted
    printed = {names[0] for names in catalogue(locale).labels.values()}  # explain's names
    allowed = printed | runbook_values(path)
    allowed.add("********")  # a masked secret
    assert [q for q in quoted if q not in allowed] == []


def numbered(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if re.match(r"^\s*\d+\. ", line)]


def test_split_delivery_in_french_follows_the_help_article() -> None:
    text = explain(load_runbook(SPLIT, env={}), "fr")
    lines = numbered(text)
    expected_in_order = [
        "Add the legacy server as a mail route",
        "Menu principal > Applications > Google Workspace > Gmail > Hôtes",
        "Cliquez sur « Ajouter une route »",
        "« Ajouter un routage des e-mails »",
        "saisissez « Legacy mail server »",
        "sélectionnez « Un seul hôte »",
        "saisissez « mail.legacy.example.com »",
        "cochez la case « Exiger que les messages soient transmis via une connexion TLS",
        "« Tester la connexion TLS »",
        "cliquez sur « Enregistrer ». Il peut s'écouler jusqu'à 24 heures",
        "Send unrecognized recipients to the legacy server",
        "Gmail > Routage",
        "Cliquez sur « Configurer » ou sur « Ajouter une autre règle »",
        "« Ajouter un paramètre » s'ouvre",
        "Sous « E-mails concernés », cochez « Entrant » et « Interne - réception »",
        "sélectionnez « Modifier le message »",
        "cochez la case « Modifier la route »",
        "sélectionnez le serveur « Legacy mail server »",
        "cliquez sur « Afficher les options »",
        "Sous « Types de comptes concernés », cochez « Non reconnu/Collecteur »",
        "Les cases « Utilisateurs » et « Groupes » doivent être décochées",
        "cliquez sur « Enregistrer »",
    ]
    flat = text.replace("\u00a0", " ")
    position = 0
    for phrase in expected_in_order:
        found = flat.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found
    assert lines[0] == "1. Add the legacy server as a mail route"
    assert "Add route" not in text and "Save" not in text  # no English control names


def test_split_delivery_in_english() -> None:
    text = explain(load_runbook(SPLIT, env={}), "en")
    assert "Main menu > Apps > Google Workspace > Gmail > Hosts." in text
    assert "Click \u201cAdd route\u201d. The \u201cAdd mail route\u201d dialog opens." in text
    assert (
        "check \u201cUnrecognized / Catch-all\u201d. Uncheck \u201cUsers\u201d and "
        "\u201cGroups\u201d." in text
    )
    assert "select \u201cLegacy mail server\u201d" in text
    assert text.startswith("Runbook \u201csplit-delivery\u201d\n")


def test_multiple_hosts_and_envelope_filter() -> None:
    text = explain(load_runbook(MULTI, env={}), "en")
    assert "select \u201cMultiple hosts\u201d" in text
    assert "Host name or IP: \u201cmx1.legacy.example.com\u201d, Port: 25, % load: 50" in text
    assert "Under \u201cSecondary\u201d" in text
    assert (
        "check \u201cOnly affect specific envelope recipients\u201d, select "
        "\u201cPattern match\u201d"
    ) in text
    assert "\u201c.*@legacy\\.example\\.com\u201d in \u201cRegexp\u201d" in text


def test_absent_steps_are_explained_as_deletions() -> None:
    book = load_runbook(DATA / "absent-steps.yaml", env={})
    en = explain(book, "en")
    assert "find the route \u201cOld legacy server\u201d and click \u201cDelete\u201d" in en
    assert "find the rule \u201cOld split delivery\u201d and click \u201cDelete\u201d" in en
    fr = explain(book, "fr")
    assert "repérez la route « Old legacy server » et cliquez sur « Supprimer »" in fr.replace(
        "\u00a0", " "
    )
    assert "Supprimer le routage des e-mails ?" in fr


def test_org_unit_existing_route_and_disabled_rule() -> None:
    text = explain(load_runbook(DATA / "existing-route.yaml", env={}), "en")
    assert "organizational unit picker on the left (\u201cOrganizational units\u201d), select "
    assert "select \u201cSales\u201d > \u201cEMEA\u201d" in text
    assert "must already exist under \u201cHosts\u201d" in text
    assert "turn off \u201cEnabled\u201d" in text


def test_secrets_are_masked() -> None:
    text = (
        "version: 1\nname: s\nsteps:\n  - mail_route:\n      name: R\n"
        '      server: {single_host: {host: "${env:RELAY}"}}\n'
    )
    book = load_text(text, "s.yaml", env={"RELAY": "hidden.example.net"})
    out = explain(book, "en")
    assert "hidden.example.net" not in out and "the value of $RELAY" in out  # not "********"


@pytest.mark.parametrize(
    ("locale", "phrase"), [("en", "the value of $SEC_HOST"), ("fr", "la valeur de $SEC_HOST")]
)
def test_a_secret_is_named_by_its_environment_variable(locale: str, phrase: str) -> None:
    text = (
        "version: 1\nname: s\nsteps:\n  - mail_route:\n      name: R\n"
        '      server: {single_host: {host: "${env:SEC_HOST}"}}\n'
    )
    book = load_text(text, "s.yaml", env={"SEC_HOST": "hidden.example.net"})
    out = explain(book, locale)
    assert "hidden.example.net" not in out and "********" not in out
    assert phrase in out, out


def test_explain_command_uses_the_runbook_locale_by_default() -> None:
    result = CliRunner().invoke(cli, ["explain", str(DATA / "existing-route.yaml")])
    assert result.exit_code == 0, result.output
    assert "Routage" in result.stdout
    result = CliRunner().invoke(cli, ["explain", str(SPLIT), "--locale", "fr"])
    assert result.exit_code == 0 and "Ajouter une route" in result.stdout


def test_explain_of_an_invalid_runbook_exits_65() -> None:
    path = Path(__file__).parent / "data" / "invalid" / "port-465.yaml"
    result = CliRunner().invoke(cli, ["explain", str(path)])
    assert result.exit_code == 65 and "port 465" in result.stderr


def _numbered(text: str, step: int) -> str:
    """The sub-steps of step `step` of an explanation."""
    return text.split(f"\n{step}. ")[1].split("\n\n")[0]


@pytest.mark.parametrize(
    ("locale", "select", "top", "inherited"),
    [
        (
            "en",
            "In the organizational unit picker on the left (\u201cOrganizational units\u201d), "
            "select \u201cNot migrated\u201d > \u201cPilot\u201d.",
            "select the top organizational unit (your domain)",
            "it is inherited from a parent organizational unit and cannot be edited here. "
            "Turn off \u201cEnabled\u201d on its row",
        ),
        (
            "fr",
            "Dans le sélecteur d'unités organisationnelles à gauche (« Unités "
            "organisationnelles »), sélectionnez « Not migrated » > « Pilot ».",
            "sélectionnez l'unité organisationnelle de premier niveau (votre domaine)",
            "elle est héritée d'une unité organisationnelle parente et ne peut pas être modifiée "
            "ici. Désactivez « Activé » sur sa ligne",
        ),
    ],
)
def test_each_step_selects_its_own_org_unit(
    locale: str, select: str, top: str, inherited: str
) -> None:
    text = explain(load_runbook(STAGED, env={}), locale).replace("\u00a0", " ")
    route, top_rule, child_rule, pilot = (_numbered(text, n) for n in (1, 2, 3, 4))
    assert "organisationnelle" not in route and "organizational" not in route  # Hosts: no OU
    assert top in top_rule
    assert "Not migrated" in child_rule and "Pilot" not in child_rule
    assert select in pilot and inherited in pilot
    # An inherited rule is only switched: no dialog is opened for it.
    assert "Description" not in pilot and "Save" not in pilot and "Enregistrer" not in pilot


def test_an_inherited_step_is_titled_by_what_it_does() -> None:
    book = load_text(
        "version: 1\nname: t\nsteps:\n"
        "  - routing_rule: {description: Split, org_unit: /Sales, inherited: true, "
        "enabled: false}\n"
        "  - routing_rule: {description: Other, org_unit: /Sales, inherited: true}\n"
    )
    text = explain(book, "en")
    assert "1. Turn off the inherited rule \u201cSplit\u201d in this organizational unit" in text
    assert "2. Keep the inherited rule \u201cOther\u201d on in this organizational unit" in text
    assert "If \u201cEnabled\u201d is off on its row, turn it on." in text
