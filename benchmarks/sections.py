"""The marked sections of docs/performance.md: each benchmark rewrites its own, keeps the rest."""

from __future__ import annotations

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
