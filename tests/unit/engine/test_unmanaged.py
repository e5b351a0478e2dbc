"""`drift --show-unmanaged`: which console entries no step names, matched by full identity."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from runbook.engine.drift import find_unmanaged
from runbook.file import load_text

BOOK = """
version: 1
name: pilot
console: {org_unit: /}
steps:
  - name: Pilot users keep Gmail
    routing_rule:
      org_unit: /Sales/Pilot
      description: To legacy
      inherited: true
      enabled: false
"""


class _Console:
    """Lists per OU: (own names, inherited names), as the Routing page shows them."""

    def __init__(self, lists: dict[str, tuple[list[str], list[str]]]) -> None:
        self.lists, self.unit = lists, "/"
        self.shell = SimpleNamespace(open=self._open)

    def _open(self, page: Any, unit: str, *, reuse: bool = False) -> None:
        self.unit = unit

    def list_page(self, page_type: Any) -> Any:
        own, inherited = self.lists.get(self.unit, ([], []))
        return SimpleNamespace(names=lambda: own, inherited_names=lambda: inherited)


def test_inherited_rows_of_parents_the_runbook_never_reads_are_listed_where_they_show() -> None:
    console = _Console({"/Sales/Pilot": (["To legacy"], ["To legacy", "Sales footer", "Top rule"])})
    found = find_unmanaged(console, load_text(BOOK, "b.yaml", env={}))  # type: ignore[arg-type]
    assert found["routing_rules"] == [
        "To legacy (in /Sales/Pilot)",  # the OU's own rule: the step names the inherited one
        "Sales footer (inherited in /Sales/Pilot)",
        "Top rule (inherited in /Sales/Pilot)",
    ]
    assert found["routes"] == []


def test_an_inherited_row_named_or_listed_above_is_not_listed_again() -> None:
    book = (
        BOOK
        + """
  - name: Top rule
    routing_rule: {description: Top rule, messages: [inbound], action: modify_message}
"""
    )
    console = _Console(
        {
            "/": (["Top rule", "Stray"], []),
            "/Sales/Pilot": ([], ["To legacy", "Top rule", "Stray"]),
        }
    )
    found = find_unmanaged(console, load_text(book, "b.yaml", env={}))  # type: ignore[arg-type]
    assert found["routing_rules"] == ["Stray"]  # once, at the OU it belongs to
