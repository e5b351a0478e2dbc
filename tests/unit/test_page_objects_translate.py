"""Every public page-object method turns Playwright's errors into runbook's (`failures.py`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "runbook"

# Public methods of page objects that need no translation, and why.
NEEDS_NONE = {
    "ListPage.reloading": "no browser call",
    "ListPage.row": "builds a locator, waits for nothing",
    "ListPage.row_action": "builds a locator, waits for nothing",
    "SwitchableList.row": "builds a locator, waits for nothing",
    "SwitchableList.inherited_row": "builds a locator, waits for nothing",
    "ListPage.confirmation": "builds a locator, waits for nothing",
    "ListPage.open_edit": "abstract: each page's own translates",
    "Dialog.read": "abstract: each dialog's own translates",
    "SettingDialog.fill": "abstract: each dialog's own translates",
    "WriteWatch.stop": "removes its listeners, waits for nothing",
    "ConsoleShell.url": "no browser call",
    "ConsoleShell.forget": "no browser call",
    "ConsoleShell.check_signed_in": "reads the page's URL, waits for nothing",
    "ConsoleShell.arrive": "called inside its callers' translation (open, open_path, probe)",
    "ConsoleShell.open_ahead": "a failure there is not the step's: it is dropped",
    "ConsoleShell.org_units_below": "OuPicker.children translates (@doing)",
}
PAGE_OBJECTS = [
    "page.py",
    "pages/hosts.py",
    "pages/routing.py",
    "pages/switchable.py",
    "shell.py",
    "signin.py",
]


def _public_methods(path: Path) -> list[tuple[str, ast.FunctionDef]]:
    classes = [n for n in ast.parse(path.read_text()).body if isinstance(n, ast.ClassDef)]
    return [
        (f"{cls.name}.{item.name}", item)
        for cls in classes
        for item in cls.body
        if isinstance(item, ast.FunctionDef)
        and not item.name.startswith("_")
        and not any(_named(d) == "property" for d in item.decorator_list)
    ]


def _named(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    return node.id if isinstance(node, ast.Name) else ""


def _translates(method: ast.FunctionDef) -> bool:
    if any(_named(d) == "doing" for d in method.decorator_list):
        return True
    return any(
        isinstance(stmt, ast.With)
        and any(_named(i.context_expr) == "translated" for i in stmt.items)
        for stmt in method.body
    )


@pytest.mark.parametrize("module", PAGE_OBJECTS)
def test_every_public_page_object_method_translates_playwright_errors(module: str) -> None:
    for name, method in _public_methods(SRC / "console" / module):
        assert name in NEEDS_NONE or _translates(method), f"{module}: {name}"
