"""`runbook explain` of form steps: the runbook's names in the run's language, the console's
own (Override, Inherit, Save) from the catalogue."""

from __future__ import annotations

from pathlib import Path

from runbook.explain import explain
from runbook.file import load_runbook, load_text

SPAM = Path(__file__).parents[2] / "runbooks" / "spam-settings.yaml"


def test_a_form_reads_as_the_clicks_a_person_makes_in_english_and_in_french() -> None:
    book = load_runbook(SPAM, env={})
    english = explain(book, "en")
    assert (
        "go to Main menu > Apps > Google Workspace > Gmail > Spam, phishing and malware" in english
    )
    assert (
        "In \u201cEnter the IP addresses for the allowlist\u201d, enter "
        "\u201c203.0.113.0/24, 192.0.2.1\u201d." in english
    )
    assert "select \u201cSales\u201d" in english
    assert "click \u201cOverride\u201d first" in english
    assert "In the \u201cSpoofing protection\u201d menu, select \u201cQuarantine\u201d." in english
    french = explain(book, "fr")
    assert "sélectionnez « Mettre en quarantaine »" in french.replace("\u00a0", " ")
    assert "cliquez d'abord sur « Remplacer »" in french.replace("\u00a0", " ")
    assert "Cliquez sur « Enregistrer »" in french.replace("\u00a0", " ")


def test_inherit_and_a_page_that_saves_each_change() -> None:
    book = load_text(
        "version: 1\nname: f\nsteps:\n"
        "  - form:\n      name: Back\n      page: {path: /ac/apps/gmail/spam}\n"
        "      section: Inbound email\n      org_unit: /Sales\n      inherit: true\n"
        "  - form:\n      name: Toggle\n      page: {path: /ac/x/y}\n      save: none\n"
        "      controls: [{switch: Beta features, checked: false}]\n",
        "f.yaml",
        env={},
    )
    text = explain(book, "en")
    assert "open the page \u201c/ac/x/y\u201d" in text
    assert (
        "click \u201cInherit\u201d, then \u201cInherit\u201d in the "
        "\u201cInherit settings?\u201d dialog" in text
    )
    assert "Uncheck \u201cBeta features\u201d." in text
    assert "Each change is saved as it is made." in text


def test_explain_writes_the_names_a_labels_file_gives_the_forms_controls(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from runbook.cli import cli

    book = tmp_path / "f.yaml"
    book.write_text(
        "version: 1\nname: f\nconsole: {labels: words.yaml}\nsteps:\n"
        "  - form:\n      name: Stricter\n"
        "      page: {path: /ac/apps/gmail/spam, menu: [Apps, Google Workspace, Gmail, Spam]}\n"
        "      section: Spam\n      open: Configure\n"
        "      controls: [{checkbox: Filter harder, checked: true}]\n"
    )
    (tmp_path / "words.yaml").write_text(
        "en:\n  save: Save changes\n  form:\n"
        "    Filter harder: Be more aggressive when filtering spam\n"
        "    Spam: Spam, phishing and malware\n"
    )
    result = CliRunner().invoke(cli, ["explain", str(book)])
    assert result.exit_code == 0, result.output
    assert "Gmail > Spam, phishing and malware" in result.output  # a menu item renamed
    assert "Check \u201cBe more aggressive when filtering spam\u201d." in result.output
    assert "Click \u201cConfigure\u201d." in result.output  # not in the table: as written
    assert "Click \u201cSave changes\u201d." in result.output  # the catalogue's key too
