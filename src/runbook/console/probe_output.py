"""What `runbook probe` prints, and the labels file `--write-labels` writes, from its report."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from runbook.console.probe import Missing, ProbeReport


def summary(report: ProbeReport, *, written: str | None = None, bundle: str | None = None) -> str:
    """The report for a person: what is missing, where, with candidates; then the verdict."""
    lines = [f"probed {report.console} ({report.locale}): {len(report.found)} controls found"]
    for m in report.missing:
        close = ", ".join(repr(c) for c in m.candidates) or "none"
        tried = " | ".join(m.tried)
        lines.append(
            f"  missing {m.key} ({m.role}) on {m.where}: tried {tried!r}; candidates: {close}"
        )
    if report.unreached:
        keys = ", ".join(sorted({k for k, _ in report.unreached}))
        lines.append(f"  not reached (behind a missing control): {keys}")
    if report.redesign:
        said = ", ".join(repr(m) for m in report.redesign)
        lines.append(
            f"  this console shows the redesigned Add setting dialog ({said}): runbook's pages "
            "do not know it yet; run `runbook probe --bundle probe.zip` and send the bundle in"
        )
    if report.writes:
        lines.append(f"  warning: the pages sent {report.writes} write request(s)")
    if report.trace:
        lines.append(f"trace: {report.trace}")
    if written:
        lines.append(f"wrote {written}: review each name, then run with --labels {written}")
    if bundle:
        lines.append(f"wrote {bundle}: send it to the maintainers")
    verdict = (
        "every control was found"
        if not report.missing
        else (
            f"{len(report.missing)} control(s) missing: the console differs from what runbook knows"
        )
    )
    lines.append(verdict)
    return "\n".join(lines)


def labels_file_text(report: ProbeReport) -> str:
    """A labels file with the best candidate for each missing key, each commented with what
    it replaces, for a person to review."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        f"# Written by `runbook probe` for {report.console} at {stamp}.",
        "# Each name is the probe's best guess: check it in the console before using this file.",
        f"{report.locale}:",
    ]
    seen: set[str] = set()
    for m in report.missing:
        if m.key in seen or m.form:
            continue
        seen.add(m.key)
        lines.extend(_entry(m))
    forms = {m.key: m for m in report.missing if m.form}  # under `form:`, by the runbook's name
    if forms:
        lines.append("  form:")
        for m in forms.values():
            lines.extend(f"  {line}" for line in _entry(m, json.dumps(m.key, ensure_ascii=False)))
    if not seen and not forms:
        lines.append("  {}  # nothing was missing")
    return "\n".join(lines) + "\n"


def _entry(m: Missing, key: str | None = None) -> list[str]:
    key = key or m.key
    was = " | ".join(m.tried)
    others = ", ".join(m.candidates[1:])
    note = f"  # replaces {was!r} ({m.role} on {m.where})"
    if others:
        note += f"; other candidates: {others}"
    if not m.candidates:
        return [f"{note}; no candidate found", f"  # {key}: ..."]
    return [note, f"  {key}: {json.dumps(m.candidates[0], ensure_ascii=False)}"]
