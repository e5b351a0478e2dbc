"""The marked sections of docs/performance.md: each benchmark rewrites its own, keeps the rest."""

from __future__ import annotations

import subprocess
from pathlib import Path


def write_section(path: Path, begin: str, end: str, text: str) -> None:
    """Put `text` (which starts with `begin` and ends with `end`) in place of the section
    between those markers in `path`, or append it; everything else stays as it is."""
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if begin in doc and end in doc:
        doc = doc[: doc.index(begin)] + text + doc[doc.index(end) + len(end) :]
    else:
        doc = doc.rstrip("\n") + "\n\n" + text + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc, encoding="utf-8")


def commit() -> str:
    """The commit the figures are measured on: `git rev-parse --short HEAD`, plus "+dirty"
    when the work tree has changes (docs/performance.md, which the benchmarks write, aside)."""
    root = Path(__file__).resolve().parents[1]
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", ".", ":!docs/performance.md"],
        cwd=root,
        capture_output=True,
        text=True,
    ).stdout
    return (head or "unknown") + ("+dirty" if status.strip() else "")
