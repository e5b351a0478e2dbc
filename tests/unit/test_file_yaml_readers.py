"""libyaml's parser, used for printable ASCII text, reads every text as PyYAML's parser does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yaml.nodes import Node

from runbook.file import yamlsource
from runbook.file.source import SourceFatal

ROOT = Path(__file__).parents[2]
TEXTS = [
    p.read_text()
    for p in [
        *sorted((ROOT / "runbooks").glob("*.yaml")),
        *sorted(ROOT.glob("tests/unit/data/*/*.yaml")),
    ]
    if yamlsource._FAST_TEXT.fullmatch(p.read_text(encoding="latin-1"))
]
YAML_CHARS = ":-[]{}&*!|>'\"#%@`,? \n$\\~<=0123456789abcxyz.<"
FAST = yamlsource._FAST_LOADER
pytestmark = pytest.mark.skipif(FAST is None, reason="PyYAML built without libyaml")


def tree(node: Node | None, seen: set[int] | None = None) -> Any:
    """What the reader uses of a node tree: kinds, tags, values, styles, marks and aliases."""
    if node is None:
        return None
    seen = set() if seen is None else seen
    marks = (node.start_mark.index, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yamlsource._AliasRef):
        return ("alias", node.anchor, marks)
    if isinstance(node.value, str):  # a scalar's end is where its `${...}` are looked for
        end = (node.end_mark.index, node.end_mark.line, node.end_mark.column)
        return ("scalar", node.tag, node.value, node.style or None, marks, end)
    items = [
        (tree(k, seen), tree(v, seen)) if isinstance(k, Node) else tree(k, seen)
        for k, v in (item if isinstance(item, tuple) else (item, None) for item in node.value)
    ]
    return (type(node).__name__, node.tag, marks, items)


def read(text: str, how: Any) -> Any:
    try:
        root = how(text) if how is yamlsource.compose else yamlsource._compose(text, how)
        return tree(root)
    except SourceFatal as exc:
        return ("refused", [(i.pos, i.message) for i in exc.issues])


def same_reading(text: str) -> None:
    """What `compose` returns is what PyYAML's parser reads."""
    assert read(text, yamlsource.compose) == read(text, yamlsource._Loader), text


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_the_test_runbooks_read_alike(index: int) -> None:
    same_reading(TEXTS[index])


@st.composite
def ascii_edits(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        if draw(st.booleans()):
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + draw(st.text(YAML_CHARS, min_size=1, max_size=12)) + text[at:]
    return text + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ascii_edits())
@example(text="a:\n  single_host: {host: ,0mail.example.com, port: 25}\n")  # an empty value
@example(text="a: [b, , c]\nd:\n")
def test_edited_runbooks_read_alike(text: str) -> None:
    same_reading(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(YAML_CHARS, max_size=60))
def test_random_yaml_read_alike(text: str) -> None:
    same_reading(text + "\n")
