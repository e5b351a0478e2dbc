"""`--browser-header NAME=VALUE`: its `${env:VAR}` references resolved into plain values."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from runbook.console.remote import Header
from runbook.file.interpolate import Reference, Unresolved, substitute

_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def parse_header(pair: str, environ: Mapping[str, str] | None = None) -> Header:
    """`NAME=VALUE` as a `Header`; ValueError with the one-line reason.

    A value may hold `${env:VAR}` references: they are resolved from `environ`, and what they
    resolve to is a secret (masked wherever the run writes).
    """
    environ = os.environ if environ is None else environ
    name, sep, raw = pair.partition("=")
    name = name.strip()
    if not sep or not name:
        raise ValueError(f"expected NAME=VALUE, got {pair!r}")
    if not _HEADER_NAME.match(name):
        raise ValueError(f"{name!r} is not an HTTP header name")
    secrets: list[str] = []

    def lookup(ref: Reference) -> str:
        if not ref.env:
            raise Unresolved(f"{ref.text}: only ${{env:NAME}} references are allowed here")
        if ref.name not in environ:
            raise Unresolved(f"{ref.text}: the environment variable {ref.name} is not set")
        secrets.append(environ[ref.name])
        return environ[ref.name]

    value, problems = substitute(raw, lookup)
    if problems:
        raise ValueError(f"{name}: {problems[0].message}")
    return Header(name, value, tuple(secrets))
