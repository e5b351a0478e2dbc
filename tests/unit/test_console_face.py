"""The console's public face: what the engine imports, and every page-object method translating."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import runbook.console as console

SRC = Path(__file__).parents[2] / "src" / "runbook"
FACE = SRC / "console" / "__init__.py"

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
    "ConsoleShell.check_signed_in": "reads the page's URL, waits for nothing",
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


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(FACE.read_text())
    block = next(n for n in tree.body if isinstance(n, ast.If))
    return {
        alias.name: node.module or ""
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_each_public_name_is_listed_alike_for_the_checker_and_at_run_time() -> None:
    homes = {n: m for m, names in console._HOMES.items() for n in names}
    assert _type_checking_imports() == homes
    assert sorted(console.__all__) == sorted(homes)


@pytest.mark.parametrize("name", console.__all__)
def test_every_public_name_loads(name: str) -> None:
    assert getattr(console, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'translate'"):
        console.translate  # noqa: B018


@pytest.mark.process
def test_the_face_loads_no_playwright_until_a_name_is_used() -> None:
    probe = (
        "import sys, runbook.console; print(sorted(m for m in sys.modules if 'playwright' in m))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize(
    "path", sorted((SRC / "engine").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC))
)
def test_the_engine_imports_no_playwright_and_the_console_only_by_its_face(path: Path) -> None:
    for name in _imports(path):
        assert not name.startswith("playwright"), name
        if name.startswith("runbook.console."):
            # the face, or a page's own module (a new page adds nothing to the face)
            assert name.startswith("runbook.console.pages."), name


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
