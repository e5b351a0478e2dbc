"""The DNS records handed to the admin: BIND zone-file lines, or JSON for Terraform."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Status = Literal["publish", "published", "keep"]
Format = Literal["bind", "json"]

TTL = 3600
MAX_STRING = 255  # bytes in one TXT character-string
JSON_VERSION = 1


@dataclass(frozen=True)
class DnsRecord:
    """One record the admin publishes (or keeps) in a domain's DNS.

    `publish`: DNS does not serve it yet, or serves another value; `published`: DNS serves it;
    `keep`: the old key's record, still needed until the new key is active (a rotation).
    `name` is fully qualified (`google._domainkey.example.com`).
    """

    domain: str
    name: str
    value: str
    status: Status
    type: str = "TXT"
    note: str = ""

    @property
    def fqdn(self) -> str:
        """The name, lower case, without a trailing dot."""
        return self.name.strip().rstrip(".").lower()

    def as_dict(self) -> dict[str, str]:
        """The record as JSON-ready data."""
        return {
            "name": self.fqdn,
            "type": self.type,
            "value": self.value,
            "domain": self.domain,
            "status": self.status,
            "note": self.note,
        }


def character_strings(value: str) -> list[bytes]:
    """`value` (UTF-8) as the character-strings of one TXT record: at most 255 bytes each."""
    raw = value.encode("utf-8")
    return [raw[i : i + MAX_STRING] for i in range(0, len(raw), MAX_STRING)] or [b""]


def _quoted(string: bytes) -> str:
    """One character-string as a zone file writes it: quoted, `"` and `\\` escaped, bytes
    outside printable ASCII as `\\DDD`."""
    out = []
    for byte in string:
        if byte in b'"\\':
            out.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def _comment(record: DnsRecord) -> str:
    note = " ".join(record.note.split())
    return f"; {record.domain}: {record.status}" + (f" ({note})" if note else "")


def bind_lines(records: Iterable[DnsRecord]) -> str:
    """BIND zone-file lines: per record a `;` comment naming its domain and status, then
    `name. 3600 IN TXT ( "..." "..." )`, the value cut into 255-byte character-strings."""
    lines: list[str] = []
    for record in records:
        if record.type.upper() == "TXT":
            data = "( " + " ".join(_quoted(s) for s in character_strings(record.value)) + " )"
        else:
            data = record.value
        lines += [_comment(record), f"{record.fqdn}. {TTL} IN {record.type.upper()} {data}"]
    return "".join(line + "\n" for line in lines)


def json_document(records: Iterable[DnsRecord]) -> str:
    """`{"version": 1, "records": [...]}`, indented: each record's name, type, value, domain,
    status and note."""
    document = {"version": JSON_VERSION, "records": [r.as_dict() for r in records]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def format_for(path: Path, fmt: Format | None = None) -> Format:
    """`fmt` when given; else JSON for a `.json` file and zone-file lines for any other."""
    if fmt is not None:
        return fmt
    return "json" if path.suffix.lower() == ".json" else "bind"


def write_records(path: Path, records: Iterable[DnsRecord], fmt: Format | None = None) -> None:
    """Write `records` to `path` as `fmt` (else by its suffix), whole or not at all: a reader
    never sees half a file."""
    text = json_document(records) if format_for(path, fmt) == "json" else bind_lines(records)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
