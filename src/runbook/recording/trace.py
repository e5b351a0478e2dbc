"""Keeping secrets out of Playwright traces: every text entry of trace.zip is scrubbed."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from runbook.recording.redact import MASK, Redactor

# Entries that hold pictures: their pixels cannot be scrubbed, so runs with secrets record
# traces without screenshots (see the runner), and any picture left is dropped if it is named.
_BINARY_SUFFIXES = (".png", ".jpeg", ".jpg", ".webp", ".woff", ".woff2", ".ttf")


def _variants(secret: str) -> list[bytes]:
    """The ways a secret can be spelled inside a trace's JSON and HTML."""
    forms = {secret, json.dumps(secret)[1:-1]}
    return sorted({f.encode() for f in forms if f}, key=len, reverse=True)


def scrub_trace(path: Path, redactor: Redactor) -> None:
    """Rewrite `path` (a trace.zip) with every secret replaced by the mask."""
    if not redactor or not path.exists():
        return
    needles = [v for s in redactor.secrets for v in _variants(s)]
    scrubbed = path.with_suffix(".tmp")
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(scrubbed, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if not info.filename.lower().endswith(_BINARY_SUFFIXES):
                for needle in needles:
                    data = data.replace(needle, MASK.encode())
            target.writestr(info, data)
    os.replace(scrubbed, path)
