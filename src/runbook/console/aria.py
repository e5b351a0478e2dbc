"""Reading a whole dialog in one round trip: Playwright's ARIA snapshot, parsed into a tree.

`locator.aria_snapshot()` describes a subtree as the accessibility tree sees it — the same
roles and accessible names `get_by_role` matches — with states (`[checked]`, `[disabled]`)
and the values of text fields and comboboxes. Page objects read fields from it by role and
name, instead of asking the browser once per control. A name to find is one string, or the
tuple of names the label catalogue accepts for one control (any of them matches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_KEY = re.compile(r'^(?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<attrs>(?: \[[^\]]*\])*)$')
_ATTR = re.compile(r"\[([^\]=]+)(?:=([^\]]*))?\]")

Name = str | tuple[str, ...]  # one accessible name, or the names accepted for one control


def _named(node_name: str, name: Name | None) -> bool:
    if name is None:
        return True
    return node_name == name if isinstance(name, str) else node_name in name


@dataclass
class AriaNode:
    """One element of the accessibility tree."""

    role: str
    name: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    value: str | None = None
    children: list[AriaNode] = field(default_factory=list)

    @property
    def checked(self) -> bool:
        return self.attrs.get("checked") == "true"

    @property
    def disabled(self) -> bool:
        return "disabled" in self.attrs

    def find_all(self, role: str, name: Name | None = None) -> list[AriaNode]:
        """Descendants with this role (and exactly this accessible name), in document order."""
        found = []
        for child in self.children:
            if child.role == role and _named(child.name, name):
                found.append(child)
            found.extend(child.find_all(role, name))
        return found

    def find(self, role: str, name: Name | None = None) -> AriaNode | None:
        """The first descendant with this role and name, or None."""
        matches = self.find_all(role, name)
        return matches[0] if matches else None

    def text_of(self, role: str, name: Name) -> str:
        """The value of a text field or combobox ('' when absent or empty)."""
        node = self.find(role, name)
        return (node.value or "") if node is not None else ""

    def is_checked(self, name: Name) -> bool:
        """Whether the checkbox with this name is checked (False when absent)."""
        node = self.find("checkbox", name)
        return node is not None and node.checked


def _unescape(name: str) -> str:
    return re.sub(r"\\(.)", r"\1", name)


def _node(key: str, value: Any) -> AriaNode | None:
    match = _KEY.match(key.strip())
    if match is None:
        return None
    attrs = {a: (v or "true") for a, v in _ATTR.findall(match["attrs"])}
    node = AriaNode(role=match["role"], name=_unescape(match["name"] or ""), attrs=attrs)
    if isinstance(value, list):
        node.children = _nodes(value)
    elif value is not None:
        node.value = str(value)
    return node


def _nodes(items: list[Any]) -> list[AriaNode]:
    nodes = []
    for item in items:
        if isinstance(item, str):
            node = _node(item, None)
        elif isinstance(item, dict) and len(item) == 1:
            [(key, value)] = item.items()
            node = _node(str(key), value)
        else:
            node = None
        if node is not None:
            nodes.append(node)
    return nodes


# BaseLoader keeps every value a string: a field holding "yes" or "25" stays text. libyaml's
# (when PyYAML has it) reads the same, several times faster: a run reads a dialog per step.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def parse(snapshot: str) -> AriaNode:
    """The tree of an ARIA snapshot, under a root node of role 'root'."""
    data = yaml.load(snapshot, Loader=_LOADER) or []
    return AriaNode(role="root", children=_nodes(data if isinstance(data, list) else [data]))
