"""The page script's ES modules joined into one script, as the real console serves its code."""

from __future__ import annotations

import re
from pathlib import Path

# The subset of module syntax the page script uses, and all the bundler understands.
_IMPORT = re.compile(r'^import \{([^}]*)\} from "\./([\w-]+\.js)";[ \t]*\n?', re.MULTILINE)
_EXPORT = re.compile(r"^export ((?:async )?(?:function\*?|const|class)) ([A-Za-z_$][\w$]*)", re.M)
_OTHER = re.compile(r"^[ \t]*(import|export)\b.*$", re.MULTILINE)


class BundleError(ValueError):
    """A module the bundler cannot join (an import cycle, syntax outside its subset)."""


def bundle(scripts: Path, main: str) -> str:
    """One classic-scope script running the modules under `scripts` from `main`: each
    module in a function of its own, its imports taken from the modules before it."""
    sources: dict[str, str] = {}  # each module read once, in the order it runs
    _visit(scripts, main, sources, [])
    return "".join(_wrapped(name, source) for name, source in sources.items())


def _visit(scripts: Path, name: str, sources: dict[str, str], path: list[str]) -> None:
    if name in sources:
        return
    if name in path:
        cycle = " -> ".join([*path[path.index(name) :], name])
        raise BundleError(f"import cycle: {cycle}")
    source = _read(scripts, name)
    for _names, imported in _IMPORT.findall(source):
        _visit(scripts, imported, sources, [*path, name])
    sources[name] = source


def _read(scripts: Path, name: str) -> str:
    try:
        return (scripts / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise BundleError(f"{name}: cannot be read ({exc.strerror or exc})") from None


def _wrapped(name: str, source: str) -> str:
    imports = _IMPORT.findall(source)
    body = _IMPORT.sub("", source)
    exported = [found for _kind, found in _EXPORT.findall(body)]
    body = _EXPORT.sub(r"\1 \2", body)
    other = _OTHER.search(body)
    if other:
        line = source[: source.find(other.group(0))].count("\n") + 1
        raise BundleError(
            f'{name}:{line}: only `import {{ a, b as c }} from "./module.js";` and '
            f"`export function|const|class NAME` can be bundled: {other.group(0).strip()}"
        )
    taken = "".join(
        f"const {{ {_bindings(names)} }} = {_variable(imported)};\n" for names, imported in imports
    )
    return (
        f'// {name}\nconst {_variable(name)} = (() => {{\n"use strict";\n{taken}{body}'
        f"return {{ {', '.join(exported)} }};\n}})();\n"
    )


def _bindings(names: str) -> str:
    """`a, b as c` (an import list) as `a, b: c` (a destructuring)."""
    parts = [part.split() for part in names.split(",") if part.strip()]
    return ", ".join(p[0] if len(p) == 1 else f"{p[0]}: {p[2]}" for p in parts)


def _variable(name: str) -> str:
    return "module_" + re.sub(r"\W", "_", name.removesuffix(".js"))
