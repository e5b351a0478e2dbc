"""The README and docs/ stay navigable: every relative link lands on a file and a heading.

Links are read as GitHub renders them: outside code blocks and code spans, relative to the file
that holds them; an `#anchor` is a heading's GitHub slug. Web links (http, https, mailto) are not
fetched.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, *sorted(DOCS.glob("*.md"))]

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
EXTERNAL = ("http://", "https://", "mailto:")


def _prose(text: str) -> str:
    """The text outside fenced code blocks."""
    kept, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            kept.append(line)
    return "\n".join(kept)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its rendered text, lower-case, punctuation dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link reads as its text
    text = text.replace("`", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@cache
def anchors(page: Path) -> frozenset[str]:
    """Every heading anchor of a Markdown file, repeats numbered as GitHub does."""
    seen: dict[str, int] = {}
    found = set()
    for line in _prose(page.read_text(encoding="utf-8")).splitlines():
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return frozenset(found)


def links(page: Path) -> list[str]:
    """The link targets of a Markdown file, outside code."""
    text = CODE_SPAN.sub("code", _prose(page.read_text(encoding="utf-8")))
    return LINK.findall(text)


def broken(page: Path, target: str) -> str | None:
    """Why a link of `page` leads nowhere, or None when it lands."""
    path, _, anchor = target.partition("#")
    dest = (page.parent / unquote(path)).resolve() if path else page
    if not dest.exists():
        return f"{target}: no file {os.path.relpath(dest, ROOT)}"
    if anchor and dest.suffix == ".md" and anchor not in anchors(dest):
        return f"{target}: {os.path.relpath(dest, ROOT)} has no heading #{anchor}"
    return None


def test_slugs_are_githubs() -> None:
    assert slug("Quick start (a fresh Debian machine, as root)") == (
        "quick-start-a-fresh-debian-machine-as-root"
    )
    assert slug("Any settings form: the `form` step") == "any-settings-form-the-form-step"
    assert slug("The real console's known variants") == "the-real-consoles-known-variants"
    assert slug("Saved plans: `plan`, `show`, `apply`") == "saved-plans-plan-show-apply"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: os.path.relpath(p, ROOT))
def test_every_relative_link_lands(page: Path) -> None:
    targets = [t for t in links(page) if not t.startswith(EXTERNAL)]
    problems = [why for t in targets if (why := broken(page, t))]
    assert not problems, f"{os.path.relpath(page, ROOT)}:\n  " + "\n  ".join(problems)


def test_the_readme_links_every_docs_file() -> None:
    linked = {
        (README.parent / t.partition("#")[0]).resolve()
        for t in links(README)
        if not t.startswith(EXTERNAL)
    }
    missing = [p.name for p in sorted(DOCS.glob("*.md")) if p.resolve() not in linked]
    assert not missing, f"README.md's table of contents lacks docs/{missing}"


def test_the_readme_example_is_the_reference_runbook() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("```yaml\n", text.index("## An example")) + len("```yaml\n")
    shown = text[start : text.index("```", start)]
    assert shown == (ROOT / "runbooks" / "split-delivery.yaml").read_text(encoding="utf-8")


def test_the_quick_start_commands_are_there() -> None:
    text = README.read_text(encoding="utf-8")
    quick = text[text.index("## Quick start") : text.index("\n## ", text.index("## Quick start"))]
    for command in ("./scripts/demo", "./scripts/test"):
        assert f"\n{command} " in quick, command
        assert os.access(ROOT / command, os.X_OK), command
