"""Keeping secrets out of Playwright traces: every text entry of trace.zip is scrubbed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from runbook.secrets import MASK, Redactor

# Entries that hold pictures: their pixels cannot be scrubbed, so runs with secrets record
# traces without screenshots (see the runner), and any picture left is dropped if it is named.
_BINARY_SUFFIXES = (".png", ".jpeg", ".jpg", ".webp", ".woff", ".woff2", ".ttf")
# A resource is stored under the SHA-1 of its body (`resources/<sha1>.json`), and the trace's
# events refer to it by that name (`"_file"`, `"_sha1"`, `"sha1"`).
_HASHED = re.compile(r"^resources/(?P<sha1>[0-9a-f]{40})(?P<suffix>\.[^/]*)?$")


def _variants(secret: str) -> list[bytes]:
    """The ways a secret can be spelled inside a trace's JSON and HTML."""
    forms = {secret, json.dumps(secret)[1:-1]}
    return sorted({f.encode() for f in forms if f}, key=len, reverse=True)


def _is_text(name: str) -> bool:
    return not name.lower().endswith(_BINARY_SUFFIXES)


def _scrub(data: bytes, needles: list[bytes]) -> bytes:
    for needle in needles:
        data = data.replace(needle, MASK.encode())
    return data


def _renamed(name: str, scrubbed: bytes) -> str:
    """A scrubbed resource's name: the SHA-1 of its body as it is now, as Playwright names it.

    The old name was the SHA-1 of the body with the secret in it: kept, it would let anyone
    holding the trace confirm a guessed secret by hashing.
    """
    match = _HASHED.match(name)
    if match is None:
        return name
    suffix = match["suffix"] or ""
    return str(PurePosixPath("resources") / f"{hashlib.sha1(scrubbed).hexdigest()}{suffix}")


def scrub_trace(path: Path, redactor: Redactor) -> None:
    """Rewrite `path` (a trace.zip) with every secret replaced by the mask.

    Resources whose body held a secret get the name of their scrubbed body, and every
    reference to them in the trace's events follows, so the trace still opens.
    """
    if not redactor or not path.exists():
        return
    needles = [v for s in redactor.secrets for v in _variants(s)]
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    bodies: list[tuple[zipfile.ZipInfo, bytes]] = []
    hashes: dict[bytes, bytes] = {}  # old SHA-1 -> new one, for the references
    for info, data in entries:
        if _is_text(info.filename):
            scrubbed = _scrub(data, needles)
            if scrubbed != data and (name := _renamed(info.filename, scrubbed)) != info.filename:
                hashes[PurePosixPath(info.filename).stem.encode()] = PurePosixPath(
                    name
                ).stem.encode()
                info.filename = name
            data = scrubbed
        bodies.append((info, data))
    temporary = path.with_suffix(".tmp")
    written: set[str] = set()
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info, data in bodies:
            if info.filename in written:
                continue  # two resources that differed only by the secret: one body now
            written.add(info.filename)
            if _is_text(info.filename):
                for old, new in hashes.items():
                    data = data.replace(old, new)
            target.writestr(info, data)
    os.replace(temporary, path)
