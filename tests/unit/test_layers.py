"""The layers of architecture.md, checked from the code's imports (parsed with `ast`).

    cli → fleet → (engine, explain) → (file, console, outputs) → (results, secrets, locales, errors)

Modules of a layer may import the layers below and their own (acyclic); the simulator stands
alone (only the CLI starts it); Playwright stays in `console/`. Arrows legal by rank but wrong
by design are refused too: outputs import nothing from the console (evidence capture lives
there), the console nothing from the runbook-file package (it is given plain values), and the
fleet reaches the console only through the engine.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import runbook

SRC = Path(runbook.__file__).resolve().parent

# Rank of each top-level part of the package: a module may import its own rank and below.
RANKS: dict[str, int] = {
    "cli": 4,
    "__main__": 4,
    # many tenants: schedules the engine's single-tenant runs, one worker process each
    "fleet": 3,
    "engine": 2,
    "explain": 2,  # beside the engine: imports none of it
    "file": 1,
    "console": 1,
    "outputs": 1,
    "results": 0,
    "secrets": 0,
    "locales": 0,
    "errors": 0,
    "plugins": 0,  # the entry points of kinds from other packages (metadata only)
    # small pure helpers used by file, console and engine alike: the bottom layer too
    "names": 0,
    "target": 0,
    "session_age": 0,  # a saved session's age: read by console (login) and engine (runs)
    "defaults": 0,  # every default of a run's options: click, the engine, the fleet
    "dns_records": 0,  # DKIM record names and values, their DNS lookups and hand-off files
    "": 0,  # runbook/__init__.py
}
SIMULATOR = "simulator"
# Who may start the embedded simulator (`--console simulator`): it is an app, not a layer.
SIMULATOR_USERS = {"cli"}

# Engine modules that import Playwright until the console helper's work is merged.


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def part(module: str) -> str:
    """`engine` for `runbook.engine.steps.base`; `` for `runbook` itself."""
    names = module.split(".")
    return names[1] if len(names) > 1 else ""


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run when the module is imported (not functions, not TYPE_CHECKING blocks)."""
    for node in body:
        yield node
        if isinstance(node, ast.If) and not _is_type_checking(node):
            yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _module_level(block)
            for handler in node.handlers:
                yield from _module_level(handler.body)


def _targets(module: str, node: ast.stmt | ast.AST) -> Iterator[str]:
    """The modules an import statement imports (a `from` name that is a module, counted)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = (
                module if modules()[module].name == "__init__.py" else module.rsplit(".", 1)[0]
            )
            anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            base = f"{anchor}.{base}" if base else anchor
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            yield candidate if candidate in modules() else base


@cache
def imports(module: str, *, module_level: bool = False) -> frozenset[str]:
    """What `module` imports: everywhere in it, or only at import time."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    nodes = _module_level(tree.body) if module_level else ast.walk(tree)
    return frozenset(t for node in nodes for t in _targets(module, node))


def _ours(name: str) -> bool:
    return name == "runbook" or name.startswith("runbook.")


def test_every_module_is_in_a_layer() -> None:
    unknown = {m for m in modules() if part(m) not in RANKS and part(m) != SIMULATOR}
    assert not unknown, f"give these a layer in RANKS: {sorted(unknown)}"


def test_imports_flow_down_the_layers() -> None:
    wrong = [
        f"{module} ({part(module)}) imports {target}"
        for module in modules()
        if part(module) in RANKS
        for target in sorted(imports(module))
        if _ours(target) and part(target) in RANKS and RANKS[part(target)] > RANKS[part(module)]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("layer", ["file", "outputs", "explain"])
def test_file_outputs_and_explain_import_neither_engine_nor_cli(layer: str) -> None:
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        if part(module) == layer
        for target in imports(module)
        if _ours(target) and part(target) in ("engine", "cli", "__main__")
    ]
    assert not wrong, "\n".join(wrong)


def test_the_simulator_imports_nothing_of_the_tool() -> None:
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        if part(module) == SIMULATOR
        for target in imports(module)
        if _ours(target) and part(target) != SIMULATOR
    ]
    assert not wrong, "\n".join(wrong)


def test_only_the_cli_starts_the_simulator() -> None:
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        if part(module) not in (SIMULATOR, *SIMULATOR_USERS, "__main__")
        for target in imports(module)
        if _ours(target) and part(target) == SIMULATOR
    ]
    assert not wrong, "\n".join(wrong)


# (layer, layer it must not import): arrows the ranks allow but the design does not.
FORBIDDEN = [
    ("outputs", "console"),  # evidence capture lives with the console; outputs write files
    ("console", "file"),  # the console is handed plain values, not the runbook file's types
    ("fleet", "console"),  # the fleet goes through the engine
]


@pytest.mark.parametrize(("layer", "forbidden"), FORBIDDEN)
def test_arrows_by_design(layer: str, forbidden: str) -> None:
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        if part(module) == layer
        for target in sorted(imports(module))
        if _ours(target) and part(target) == forbidden
    ]
    assert not wrong, "\n".join(wrong)


def _playwright_importers(layers: tuple[str, ...]) -> list[str]:
    return sorted(
        module
        for module in modules()
        if part(module) in layers
        and any(t == "playwright" or t.startswith("playwright.") for t in imports(module))
    )


def test_playwright_stays_out_of_file_outputs_and_the_bottom_layer() -> None:
    bottom = tuple(p for p, rank in RANKS.items() if rank == 0)
    assert _playwright_importers(("file", "outputs", *bottom)) == []


def test_the_engine_imports_no_playwright() -> None:
    assert _playwright_importers(("engine",)) == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph`, or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycles_among_runbook_modules() -> None:
    graph = {
        module: {t for t in imports(module, module_level=True) if t in modules() and t != module}
        for module in modules()
    }
    cycle = _cycle(graph)
    assert not cycle, " → ".join(cycle)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_relative_and_from_imports_are_resolved() -> None:
    assert "runbook.console.evidence" in imports("runbook.console.recorder")
    assert "runbook.errors" in imports("runbook.results", module_level=True)
    # a function's import counts for the layers, not for import-time cycles
    assert "runbook.simulator.server" in imports("runbook.cli.embedded")
    assert "runbook.simulator.server" not in imports("runbook.cli.embedded", module_level=True)
