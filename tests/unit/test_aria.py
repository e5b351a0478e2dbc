"""The ARIA snapshot parser that page objects read dialogs with."""

from __future__ import annotations

from runbook.console.aria import parse

SNAPSHOT = """- dialog "Edit setting":
  - heading "Edit setting" [level=2]
  - textbox "Description": "yes"
  - textbox "Name": He said \\"hi\\"
  - group "Email messages to affect":
    - checkbox "Inbound" [checked]
    - text: Inbound
    - checkbox "Outbound"
    - checkbox "Internal - sending" [checked=mixed]
  - combobox "Match type" [disabled]: Pattern match
  - textbox "Port": "25"
  - textbox "Empty"
  - button "Save" [disabled]
"""


def test_fields_states_and_values_are_read_by_role_and_name() -> None:
    dialog = parse(SNAPSHOT).find("dialog", "Edit setting")
    assert dialog is not None
    assert dialog.text_of("textbox", "Description") == "yes"  # stays text, not a boolean
    assert dialog.text_of("textbox", "Port") == "25"
    assert dialog.text_of("textbox", "Empty") == ""
    assert dialog.text_of("textbox", "Missing") == ""
    messages = dialog.find("group", "Email messages to affect")
    assert messages is not None
    assert messages.is_checked("Inbound")
    assert not messages.is_checked("Outbound")
    assert not messages.is_checked("Internal - sending")  # mixed is not checked
    menu = dialog.find("combobox", "Match type")
    assert menu is not None and menu.disabled and menu.value == "Pattern match"
    heading = dialog.find("heading", "Edit setting")
    assert heading is not None and heading.attrs == {"level": "2"}


def test_names_are_matched_exactly() -> None:
    tree = parse(SNAPSHOT)
    assert tree.find("checkbox", "Inbound") is not None
    assert tree.find("checkbox", "Inbo") is None
    assert [n.name for n in tree.find_all("checkbox")] == [
        "Inbound",
        "Outbound",
        "Internal - sending",
    ]


def test_an_empty_snapshot_is_an_empty_tree() -> None:
    assert parse("").children == []


def test_the_fast_parser_reads_a_snapshot_exactly_as_the_pure_python_one() -> None:
    import yaml

    from runbook.console import aria

    odd = SNAPSHOT + (
        '  - textbox "Pattern": ".*@example\\\\.com"\n'
        '  - textbox "Spaced": "  two  spaces  "\n'
        '  - textbox "Accents": "Équipe: ventes"\n'
        "  - textbox \"Colon\": 'a: b'\n"
        "  - text: 'on'\n"
    )
    fast = yaml.load(odd, Loader=aria._LOADER)
    assert fast == yaml.load(odd, Loader=yaml.BaseLoader)
    assert parse(odd).find("dialog", "Edit setting") is not None
