"""Comparing a console entry with the runbook: host tables are sets of rows."""

from __future__ import annotations

from typing import Any

from runbook.engine.diff import comparable, diff


def route(primary: list[dict[str, Any]], secondary: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": "Balanced",
        "server": {"multiple_hosts": {"primary": primary, "secondary": secondary}},
    }


A = {"host": "a.example.com", "port": 25, "load": 60}
B = {"host": "b.example.com", "port": 25, "load": 40}
C = {"host": "c.example.com", "port": 2525, "load": 100}


def test_rows_in_another_order_are_no_difference() -> None:
    assert diff(route([B, A], [C]), route([A, B], [C])) == []
    assert comparable(route([B, A], [C])) == comparable(route([A, B], [C]))


def test_a_row_moved_between_tables_or_changed_is_a_difference() -> None:
    assert [c.field for c in diff(route([A], [B, C]), route([A, B], [C]))] == [
        "server.multiple_hosts.primary",
        "server.multiple_hosts.secondary",
    ]
    changed = diff(route([B, {**A, "load": 50}], [C]), route([A, B], [C]))
    assert [(c.field, c.before, c.after) for c in changed] == [
        ("server.multiple_hosts.primary", [B, {**A, "load": 50}], [A, B])
    ]
