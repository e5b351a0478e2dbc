"""Property tests: no edit of a valid runbook, however random, makes `validate` crash."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook.cli import cli

ROOT = Path(__file__).parents[2]
SOURCES = [
    ROOT / "runbooks" / "split-delivery.yaml",
    ROOT / "runbooks" / "split-delivery-multi-host.yaml",
]
TEXTS = [p.read_text() for p in SOURCES]
YAML_CHARS = ":-[]{}&*!|>'\"#%@`,? \n\t$\\~<=0123456789abcxyz."
KEYS = [
    "version",
    "name",
    "steps",
    "mail_route",
    "routing_rule",
    "server",
    "single_host",
    "multiple_hosts",
    "primary",
    "secondary",
    "host",
    "port",
    "load",
    "messages",
    "change_route",
    "existing",
    "account_types",
    "envelope_filter",
    "recipients",
    "match",
    "value",
    "state",
    "vars",
    "console",
    "url",
    "drift",
    "ignore",
    "<<",
    "x",
]
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutants")


def check(workdir: Path, text: str | bytes) -> None:
    path = workdir / "mutant.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(text)
    result = CliRunner().invoke(cli, ["validate", str(path)], env={"HOME": str(workdir)})
    output = result.output
    assert result.exit_code in (0, 65), output
    assert "Traceback" not in output and "internal error" not in output, output
    if result.exit_code == 65:
        assert all(line.startswith(f"{path}:") for line in result.stderr.splitlines()), output


@st.composite
def text_edits(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(
            st.sampled_from(
                ["delete", "insert", "replace", "dup_line", "drop_line", "swap_lines", "indent"]
            )
        )
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif op == "insert":
            text = text[:at] + draw(st.text(YAML_CHARS, min_size=1, max_size=12)) + text[at:]
        elif op == "replace":
            text = text[:at] + draw(st.text(min_size=1, max_size=3)) + text[at + 1 :]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "dup_line":
                lines.insert(i, lines[i])
            elif op == "drop_line":
                del lines[i]
            elif op == "swap_lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines[i] = draw(st.sampled_from([" ", "  ", "\t", "- "])) + lines[i]
            text = "\n".join(lines)
    return text


@SETTINGS
@given(text=text_edits())
def test_random_text_edits_never_crash(workdir: Path, text: str) -> None:
    check(workdir, text)


@SETTINGS
@given(data=st.binary(max_size=200), at=st.integers(0, 2000))
def test_random_bytes_never_crash(workdir: Path, data: bytes, at: int) -> None:
    raw = TEXTS[0].encode()
    check(workdir, raw[:at] + data + raw[at:])


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 70_000),
    st.sampled_from([25, 465, 587, 1024, 100]),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "${legacy_host}",
            "${nope}",
            "${env:HOME}",
            "$${",
            "${",
            "inbound",
            "pattern",
            "absent",
            "Legacy mail server",
            "a..b",
            "10.0.0.1",
            "x@y.z",
            "(",
            "unrecognized_catch_all",
            "2026-01-01",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += paths(child, (*prefix, i))
    return out


@SETTINGS
@given(data=st.data())
def test_random_data_edits_never_crash(workdir: Path, data: st.DataObject) -> None:
    document = copy.deepcopy(yaml.safe_load(data.draw(st.sampled_from(TEXTS))))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(document)))
        if not path:
            document = data.draw(values)
            continue
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(values)
        if not isinstance(document, dict | list):
            break
    check(workdir, yaml.safe_dump(document, allow_unicode=True))
