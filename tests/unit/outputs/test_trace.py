"""A scrubbed trace.zip holds no secret, names no resource by a hash of one, and still opens."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from runbook.outputs.trace import scrub_trace
from runbook.secrets import MASK, Redactor

SECRET = "canary-0b5e.example.com"


def _hashes(body: bytes) -> set[str]:
    return {hashlib.new(algo, body).hexdigest() for algo in ("sha1", "sha256", "md5")}


def _resource(body: bytes, suffix: str = ".json") -> str:
    return f"resources/{hashlib.sha1(body).hexdigest()}{suffix}"


def _write_trace(path: Path, resources: list[tuple[bytes, str]]) -> list[bytes]:
    """A trace whose events refer to `resources` the ways Playwright does; their bodies."""
    names = [_resource(body, suffix) for body, suffix in resources]
    events = [
        {"type": "resource-snapshot", "snapshot": {"request": {"postData": {"_file": names[0]}}}},
        {
            "type": "resource-snapshot",
            "snapshot": {"response": {"content": {"_sha1": names[1][10:]}}},
        },
        {"type": "frame-snapshot", "snapshot": {"resourceOverrides": [{"sha1": names[-1][10:]}]}},
        {"type": "after", "result": {"value": SECRET}},
    ]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("trace.trace", "\n".join(json.dumps(e) for e in events))
        archive.writestr("trace.network", json.dumps({"_file": names[1]}))
        for name, (body, _) in zip(names, resources, strict=True):
            archive.writestr(name, body)
    return [body for body, _ in resources]


def _referred(archive: zipfile.ZipFile) -> set[str]:
    """Every resource file the trace's events name."""
    found = set()
    for name in ("trace.trace", "trace.network"):
        for line in archive.read(name).decode().splitlines():
            stack = [json.loads(line)]
            while stack:
                item = stack.pop()
                if isinstance(item, dict):
                    for key, value in item.items():
                        if key == "_file":
                            found.add(value)
                        elif key in {"_sha1", "sha1"}:
                            found.add(f"resources/{value}")
                        else:
                            stack.append(value)
                elif isinstance(item, list):
                    stack.extend(item)
    return found


def test_resources_that_held_a_secret_are_renamed_and_still_found(tmp_path: Path) -> None:
    trace = tmp_path / "trace.zip"
    bodies = _write_trace(
        trace,
        [
            (json.dumps({"host": SECRET, "port": 25}).encode(), ".json"),
            (json.dumps({"routes": [{"host": SECRET}]}).encode(), ".json"),
            (b"<td>" + SECRET.encode() + b":25</td>", ".html"),
            (b"body { color: red }", ".css"),
        ],
    )
    scrub_trace(trace, Redactor([SECRET]))

    with zipfile.ZipFile(trace) as archive:
        names = archive.namelist()
        for name in names:
            assert SECRET.encode() not in archive.read(name), name
            for body in bodies:
                if SECRET.encode() in body:
                    assert not any(h in name for h in _hashes(body)), name
        referred = _referred(archive)
        assert len(referred) == 3
        assert referred <= set(names)  # the trace still opens: every reference resolves
        for name in referred:
            body = archive.read(name)
            assert name == _resource(body, Path(name).suffix)  # named as Playwright names it
        # A resource without the secret keeps its name.
        assert _resource(b"body { color: red }", ".css") in names
        assert MASK.encode() in archive.read("trace.trace")


def test_resources_that_differed_only_by_the_secret_become_one(tmp_path: Path) -> None:
    trace = tmp_path / "trace.zip"
    _write_trace(
        trace,
        [
            (SECRET.encode(), ".json"),
            (b"other-secret", ".json"),
            (b"plain", ".html"),
        ],
    )
    scrub_trace(trace, Redactor([SECRET, "other-secret"]))

    with zipfile.ZipFile(trace) as archive:
        names = archive.namelist()
        assert len(names) == len(set(names)) == 4
        assert _referred(archive) <= set(names)
