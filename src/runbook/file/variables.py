"""`vars`, `--var` and `${env:NAME}` resolved over a parsed `Source`, each problem located."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import accumulate
from typing import Any

from runbook.file.checks import did_you_mean
from runbook.file.interpolate import (
    Reference,
    Unresolved,
    has_references,
    substitute,
    variable_names,
)
from runbook.file.source import DocPath, Pos, Source, Template
from runbook.file.yamlsource import plain_value


def resolve_references(
    source: Source, overrides: Mapping[str, str], env: Mapping[str, str]
) -> None:
    """Substitute every `${...}` in `source.data`; problems are reported into `source`."""
    _Interpolator(source, overrides, env).run()


class _Interpolator:
    """Substitutes `${name}` (vars, --var) and `${env:NAME}` (environment, secret) references."""

    def __init__(
        self,
        source: Source,
        overrides: Mapping[str, str],
        env: Mapping[str, str],
    ) -> None:
        self.source = source
        self.overrides = dict(overrides)
        self.env = env
        raw = source.data.get("vars")
        self.raw_vars: dict[str, str] = (
            {k: v for k, v in raw.items() if isinstance(v, str)} if isinstance(raw, dict) else {}
        )
        self.resolved: dict[str, str] = {}
        self.failed: set[str] = set()
        self.resolving: list[str] = []
        lines = source.text.split("\n")[:-1]  # each line's length, and its "\n"
        self.line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))

    def run(self) -> None:
        self.source.declared = self.declared()
        for name in self.raw_vars:
            self.var(name)
        values = dict(self.resolved)
        values.update(self.overrides)
        if isinstance(self.source.data.get("vars"), dict):
            self.source.data["vars"] = {
                k: values.get(k, v) for k, v in self.source.data["vars"].items()
            }
        self.source.variables = values
        for template in self.source.templates:
            self.template(template)

    def declared(self) -> set[str]:
        """The variables the runbook knows: its `vars` keys and every `${name}` it writes."""
        raw = self.source.data.get("vars")
        names = {str(k) for k in raw} if isinstance(raw, dict) else set()
        for value in [*self.raw_vars.values(), *(t.text for t in self.source.templates)]:
            names |= variable_names(value)
        return names

    def lookup(self, ref: Reference) -> str:
        if ref.env:
            if ref.name not in self.env:
                raise Unresolved(f"environment variable {ref.name} is not set (used by {ref.text})")
            value = self.env[ref.name]
            if value:
                self.source.secrets.add(value)
                self.source.secret_names.setdefault(value, ref.name)
            return value
        if ref.name in self.overrides:
            return self.overrides[ref.name]
        if ref.name in self.raw_vars:
            if ref.name in self.resolving:
                chain = " -> ".join([*self.resolving[self.resolving.index(ref.name) :], ref.name])
                raise Unresolved(f"variable {ref.name!r} refers to itself ({chain})")
            resolved = self.var(ref.name)
            if resolved is None:
                line = self.source.position(("vars", ref.name)).line
                raise Unresolved(
                    f"variable {ref.name!r} cannot be used: its value has an error (line {line})",
                    secondary=True,
                )
            return resolved
        known = sorted(set(self.raw_vars) | set(self.overrides))
        raise Unresolved(
            f"variable {ref.name!r} is not defined; define it under 'vars' or pass "
            f"--var {ref.name}=VALUE{did_you_mean(ref.name, known)}"
        )

    def var(self, name: str) -> str | None:
        if name in self.overrides:
            return self.overrides[name]
        if name in self.resolved:
            return self.resolved[name]
        if name in self.failed:
            return None
        raw = self.raw_vars[name]
        if not has_references(raw):
            self.resolved[name] = raw
            return raw
        self.resolving.append(name)
        try:
            value, problems = substitute(raw, self.lookup)
        finally:
            self.resolving.pop()
        path: DocPath = ("vars", name)
        if problems:
            self.failed.add(name)
            start = self.source.position(path)
            begin = self.line_starts[start.line - 1] + start.column - 1
            for problem in problems:
                if problem.secondary:  # the variable it uses has its own problem reported
                    continue
                pos = self.ref_pos(begin, len(self.source.text), problem.text)
                self.source.report(path, problem.message, pos)
            return None
        self.resolved[name] = value
        return value

    def template(self, template: Template) -> None:
        value, problems = substitute(template.text, self.lookup)
        if problems:
            for problem in problems:
                pos = self.ref_pos(template.start, template.end, problem.text)
                self.source.report(template.path, problem.message, pos)
            return
        result: Any = value
        if template.plain:  # a plain scalar: the substituted text is read as YAML would
            result = plain_value(value)
        _assign(self.source.data, template.path, result)

    def ref_pos(self, begin: int, end: int, ref_text: str) -> Pos:
        """The position of `ref_text` in the file text between `begin` and `end`."""
        index = self.source.text.find(ref_text, begin, max(end, begin + len(ref_text)))
        if index < 0:
            index = begin
        line = bisect.bisect_right(self.line_starts, index)
        return Pos(line, index - self.line_starts[line - 1] + 1)


def _assign(data: Any, path: DocPath, value: Any) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
