"""Safe YAML reading that remembers the line and column of every value and refuses bad input.

`compose` and `parse_source` turn runbook text into plain data (dicts, lists, scalars) plus a
position for every path in it, so that an error about a port can point at the exact `LINE:COL`
of that port. On the way they refuse what PyYAML would accept silently or dangerously:
duplicate keys, tags that build objects, alias bombs and self-referencing aliases, deep nesting.
Values holding `${...}` are recorded as templates for `runbook.file.interpolate`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.error import Mark, MarkedYAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from runbook.file.interpolate import has_references
from runbook.file.source import DocPath, Issue, Pos, Source, SourceFatal, Template

MAX_DEPTH = 64  # nesting of collections while composing
MAX_VALUES = 100_000  # values after alias expansion (a 200-step runbook has ~6,000)

_TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
SEQ_TAG = _TAG + "seq"
MAP_TAG = _TAG + "map"
MERGE_TAG = _TAG + "merge"
# Texts libyaml's parser reads exactly as PyYAML's does (tests/unit/test_spec_yaml_readers.py):
# printable ASCII ending a line, without a comment right after a block scalar's header, and
# with '?' and '!' only inside quoted or block scalars (outside them, in tags and in flow
# collections, the two differ) and no empty value; any other text is read by PyYAML's parser.
_FAST_TEXT = re.compile(r"[\x20-\x7e\n]*\n")
_SLOW_PARTS = re.compile(r"[|>][-+0-9]*#")
_SLOW_CHARS = ("?", "!")


def _pos(mark: Mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


class _AliasRef(Node):
    """An alias (`*name`) as written: where it is used, and the node it refers to."""

    id = "alias"

    def __init__(self, target: Node, anchor: str, mark: Mark) -> None:
        super().__init__(target.tag, target, mark, mark)
        self.target = target
        self.anchor = anchor


class _Composing(Composer):
    """Composes nodes only; keeps aliases visible and bounds nesting (over either parser)."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            event = self.peek_event()  # type: ignore[attr-defined]
            if event.anchor in self.anchors:
                self.get_event()  # type: ignore[attr-defined]
                return _AliasRef(self.anchors[event.anchor], event.anchor, event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[return-value]
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise ComposerError(
                    None,
                    None,
                    f"the document is nested more than {MAX_DEPTH} levels deep",
                    event.start_mark,
                )
            return super().compose_node(parent, index)  # type: ignore[return-value]
        finally:
            self._depth -= 1


class _Loader(_Composing, yaml.SafeLoader):
    """PyYAML's safe loader in Python: reads any text, and words every syntax error."""


class _NodeReader(Protocol):
    def get_single_node(self) -> Node | None: ...
    def dispose(self) -> None: ...


def _fast_loader() -> Callable[[str], _NodeReader] | None:
    """The loader over libyaml's parser (the same events, several times faster), if built."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return None

    class _FastLoader(_Composing, CParser, SafeConstructor, Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            Composer.__init__(self)

    return _FastLoader


_FAST_LOADER = _fast_loader()


FLOW_SEPARATORS = " \t\n,[{"  # what ends a plain scalar's text inside a flow collection


class _Fatal(Exception):
    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.issue = Issue(pos, message)


def _yaml_message(exc: MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if problem.startswith("the document is nested"):
        return problem
    if (exc.context or "").startswith("expected a single document"):
        return "the file holds more than one YAML document ('---'); a runbook is one document"
    if "cannot start any token" in problem and "'\\t'" in problem:
        return "YAML syntax error: a tab cannot be used for indentation; indent with spaces"
    if problem.startswith("found undefined alias"):
        return f"YAML error: {problem} (an alias '*name' needs an anchor '&name' before it)"
    if exc.context:
        return f"YAML syntax error: {problem} ({exc.context})"
    return f"YAML syntax error: {problem}"


def _flow_reference(text: str, index: int) -> Issue | None:
    """The syntax error of an unquoted `${...}` in `{...}` or `[...]`, where `{` nests a mapping."""
    if text[index : index + 1] != "{" or text[index - 1 : index] != "$":
        return None
    line_start = text.rfind("\n", 0, index) + 1
    start = index - 1
    while start > line_start and text[start - 1] not in FLOW_SEPARATORS:
        start -= 1
    line_end = text.find("\n", index)
    close = text.find("}", index, line_end if line_end >= 0 else len(text))
    end = close + 1 if close >= 0 else index + 1
    while end < len(text) and text[end] not in FLOW_SEPARATORS + "]}#":
        end += 1
    value = text[start:end]
    return Issue(
        _text_pos(text, start),
        f"YAML syntax error: {value} cannot be written unquoted inside {{...}} or [...], "
        f"where '{{' starts a nested mapping; quote the value: \"{value}\"",
    )


def _text_pos(text: str, index: int) -> Pos:
    line = text.count("\n", 0, index) + 1
    return Pos(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def compose(text: str) -> Node | None:
    """The YAML node tree of `text` (None for an empty document); raises `SourceFatal`.

    Text that both parsers read alike is read by libyaml's parser; any other text, and any
    text libyaml refuses, by PyYAML's, so every problem is worded and placed as PyYAML does.
    """
    if _FAST_LOADER is not None and _FAST_TEXT.fullmatch(text) and not _SLOW_PARTS.search(text):
        try:
            root = _compose(text, _FAST_LOADER)
        except (SourceFatal, yaml.YAMLError):
            pass
        else:
            if _reads_alike(text, root):
                return root
    return _compose(text, _Loader)


def _reads_alike(text: str, root: Node | None) -> bool:
    """Whether PyYAML's parser would give the same tree: every '?' and '!' of `text` lies
    inside a quoted or block scalar of `root`, and no value is left empty (the two parsers
    place an empty value differently, in flow collections)."""
    wanted = sum(text.count(c) for c in _SLOW_CHARS)
    found = 0
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, _AliasRef):
            continue  # its target is counted where it is written
        if isinstance(node, ScalarNode):
            if not node.value and not node.style:
                return False
            span = text[node.start_mark.index : node.end_mark.index]
            if node.style and span.startswith(node.style):  # no tag or anchor before it
                found += sum(span.count(c) for c in _SLOW_CHARS)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    return found == wanted


def _compose(text: str, loader_type: Callable[[str], _NodeReader]) -> Node | None:
    loader: _NodeReader | None = None
    try:
        loader = loader_type(text)  # PyYAML's reader checks for unprintable characters first
        return loader.get_single_node()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark is not None else Pos(1, 1)
        issue = _flow_reference(text, mark.index) if mark is not None else None
        raise SourceFatal([issue or Issue(pos, _yaml_message(exc))]) from None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        message = f"the file contains a character YAML does not allow (U+{char:04X})"
        raise SourceFatal([Issue(_text_pos(text, exc.position), message)]) from None
    except RecursionError:
        raise SourceFatal([Issue(Pos(1, 1), "the document is nested too deeply")]) from None
    finally:
        if loader is not None:
            loader.dispose()


class _Converter:
    """Node tree -> plain data, recording positions and refusing what a runbook cannot hold."""

    def __init__(self, loader: _Loader, source: Source) -> None:
        self.loader = loader
        self.source = source
        self.count = 0
        self.aliases: list[_AliasRef] = []
        self.ancestors: set[int] = set()

    def convert(self, node: Node, path: DocPath) -> Any:
        if isinstance(node, _AliasRef):
            if id(node.target) in self.ancestors:
                raise _Fatal(
                    _pos(node.start_mark),
                    f"alias '*{node.anchor}' refers to a value "
                    "that contains it (a recursive structure); a runbook is a tree",
                )
            self.source.positions.setdefault(path, _pos(node.start_mark))
            self.aliases.append(node)
            try:
                return self.convert(node.target, path)
            finally:
                self.aliases.pop()
        self.count += 1
        if self.count > MAX_VALUES:
            if self.aliases:
                first = self.aliases[0]
                raise _Fatal(
                    _pos(first.start_mark),
                    f"through aliases the document expands to "
                    f"more than {MAX_VALUES} values (here at '*{first.anchor}'); "
                    "refusing a possible alias bomb",
                )
            raise _Fatal(_pos(node.start_mark), f"the document has more than {MAX_VALUES} values")
        self.source.positions.setdefault(path, _pos(node.start_mark))
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self.source.report(path, _tag_message(node.tag), _pos(node.start_mark))
            return None
        self.ancestors.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.convert(child, (*path, i)) for i, child in enumerate(node.value)]
            assert isinstance(node, MappingNode)
            return self.mapping(node, path)
        finally:
            self.ancestors.discard(id(node))

    def scalar(self, node: ScalarNode, path: DocPath) -> Any:
        if node.tag not in SCALAR_TAGS:
            self.source.report(path, _tag_message(node.tag), _pos(node.start_mark))
            return None
        if len(path) == 2 and path[0] == "vars":
            return node.value  # variables are text, exactly as written
        try:
            value = self.loader.construct_object(node)
        except (ValueError, yaml.YAMLError) as exc:
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            reason = str(exc).split(";")[0][:120]
            message = f"cannot read the value {shown!r}: {reason}"
            self.source.report(path, message, _pos(node.start_mark))
            return None
        if isinstance(value, str) and has_references(value):
            self.source.templates.append(
                Template(
                    path,
                    str(node.value),
                    node.start_mark.index,
                    node.end_mark.index,
                    plain=not node.style,  # None from PyYAML's parser, '' from libyaml's
                )
            )
        return value

    def mapping(self, node: MappingNode, path: DocPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, Pos] = {}
        merges: list[Node] = []
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == MERGE_TAG:
                merges.append(value_node)
                continue
            key_pos = _pos(key_node.start_mark)
            if isinstance(key_node, _AliasRef) or not isinstance(key_node, ScalarNode):
                self.source.report(
                    (*path, "<key>"),
                    "a key must be plain text, not a list, mapping or alias",
                    key_pos,
                )
                continue
            if key_node.tag not in SCALAR_TAGS:
                self.source.report((*path, "<key>"), _tag_message(key_node.tag), key_pos)
                continue
            key = key_node.value
            if key in first_seen:
                line = first_seen[key].line
                self.source.report(
                    (*path, key),
                    f"duplicate key {key!r} (first given on line "
                    f"{line}); each key may appear once in a mapping",
                    key_pos,
                )
                continue
            first_seen[key] = key_pos
            self.source.key_positions[(*path, key)] = key_pos
            out[key] = self.convert(value_node, (*path, key))
        for merge in merges:
            self.merge(out, merge, path)
        return out

    def merge(self, out: dict[str, Any], value: Node, path: DocPath) -> None:
        """Apply a `<<: *anchor` (or `<<: [*a, *b]`) merge: explicit keys win."""
        target = value.target if isinstance(value, _AliasRef) else value
        sources = target.value if isinstance(target, SequenceNode) else [value]
        for item in sources:
            mapping = item.target if isinstance(item, _AliasRef) else item
            if not isinstance(mapping, MappingNode):
                self.source.report(
                    path,
                    "'<<' (merge) needs a mapping or a list of mappings",
                    _pos(item.start_mark),
                )
                continue
            merged = self.convert(item, (*path, "<<"))
            if isinstance(merged, dict):
                for key, val in merged.items():
                    if key not in out:
                        out[key] = val
                        self._move_positions((*path, "<<"), (*path, key), key)
        for p in [p for p in self.source.positions if p[: len(path) + 1] == (*path, "<<")]:
            del self.source.positions[p]

    def _move_positions(self, merged_root: DocPath, target: DocPath, key: str) -> None:
        prefix = (*merged_root, key)
        for table in (self.source.positions, self.source.key_positions):
            for p in [p for p in table if p[: len(prefix)] == prefix]:
                table.setdefault((*target, *p[len(prefix) :]), table[p])
        self.source.templates = [
            replace(t, path=(*target, *t.path[len(prefix) :]))
            if t.path[: len(prefix)] == prefix
            else t
            for t in self.source.templates
        ]


def _tag_message(tag: str) -> str:
    shown = tag.replace(_TAG, "!!")
    if shown.startswith("!!python/"):
        return (
            f"the tag '{shown}' is not allowed: a runbook cannot construct Python objects; "
            "write plain values"
        )
    return f"the tag '{shown}' is not allowed in a runbook; write plain values"


def parse_source(text: str, file: str) -> Source:
    """Parse runbook `text` (named `file` in messages) into a `Source`; raises `SourceFatal`."""
    root = compose(text)
    if root is None:
        raise SourceFatal(
            [
                Issue(
                    Pos(1, 1),
                    "the file is empty; a runbook is a mapping with version, name and steps",
                )
            ]
        )
    node = root.target if isinstance(root, _AliasRef) else root
    if not isinstance(node, MappingNode) or node.tag != MAP_TAG:
        kinds = {SequenceNode: "a list", ScalarNode: "a single value"}
        kind = kinds.get(type(node), "not a mapping")
        raise SourceFatal(
            [
                Issue(
                    _pos(root.start_mark),
                    f"the top level of a runbook must be a "
                    f"mapping (version, name, steps, ...), not {kind}",
                )
            ]
        )
    source = Source(file=file, text=text, data={})
    source.data = _convert(node, source)
    return source


def _convert(node: Node, source: Source) -> Any:
    """The plain data of `node`, its positions recorded in `source`; raises `SourceFatal`."""
    loader = _Loader("")
    try:
        return _Converter(loader, source).convert(node, ())
    except _Fatal as exc:
        raise SourceFatal([exc.issue]) from None
    except RecursionError:
        raise SourceFatal(
            [Issue(_pos(node.start_mark), "the document is nested too deeply")]
        ) from None
    finally:
        loader.dispose()


def parse_items(text: str, file: str, *, what: str) -> tuple[Source, list[Any]]:
    """A file whose top level is a list (of `what`, named in messages), read with the same
    safety and positions as a runbook: the `Source` (paths start at the item's index) and the
    list. Raises `SourceFatal`."""
    root = compose(text)
    if root is None:
        raise SourceFatal([Issue(Pos(1, 1), f"the file is empty; it is a list of {what}")])
    node = root.target if isinstance(root, _AliasRef) else root
    if not isinstance(node, SequenceNode) or node.tag != SEQ_TAG:
        kind = "a mapping" if isinstance(node, MappingNode) else "a single value"
        raise SourceFatal(
            [Issue(_pos(root.start_mark), f"the top level must be a list of {what}, not {kind}")]
        )
    source = Source(file=file, text=text, data={})
    items = _convert(node, source)
    return source, list(items)


def plain_value(text: str) -> Any:
    """What YAML makes of `text` written as a plain scalar (25 -> int, true -> bool, ...)."""
    loader = _Loader("")
    try:
        tag = loader.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if tag not in SCALAR_TAGS:
            return text
        return loader.construct_object(ScalarNode(tag, text))
    except (ValueError, yaml.YAMLError):
        return text
    finally:
        loader.dispose()
