"""Hand-built run results and tiny real PNGs for the recording tests."""

from __future__ import annotations

import struct
import zlib

from runbook.outputs.folder import RunFolder
from runbook.results import Checkpoint, FieldChange, RunResult, StepResult

SECRET = "hunter2-Sup3rSecret"


def png_bytes(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real, decodable PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def shoot(folder: RunFolder, index: int, step: str, name: str, colour: int = 0) -> Checkpoint:
    """Write a real screenshot where the recorder would, and return its checkpoint."""
    path = folder.checkpoint_path(index, step, name)
    path.write_bytes(png_bytes(rgb=(colour, 100, 200)))
    return Checkpoint(name=name, path=folder.relative(path))


def apply_result(folder: RunFolder) -> RunResult:
    """An apply run: one route updated, one rule already as asked."""
    route = "Add the legacy server as a mail route"
    rule = "Send unrecognized recipients to the legacy server"
    return RunResult(
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode="apply",
        console="http://127.0.0.1:8765",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        duration_ms=4200,
        steps=[
            StepResult(
                index=1,
                name=route,
                kind="mail_route",
                resource="Legacy mail server",
                status="changed",
                action="update",
                changes=[
                    FieldChange("server.single_host.port", 25, 2525),
                    FieldChange("require_tls", False, True),
                ],
                checkpoints=[
                    shoot(folder, 1, route, "filled", 10),
                    shoot(folder, 1, route, "after-save", 20),
                ],
                duration_ms=1830,
                details={"tls_test": "passed"},
            ),
            StepResult(
                index=2,
                name=rule,
                kind="routing_rule",
                resource="Split delivery to the legacy server",
                status="ok",
                checkpoints=[shoot(folder, 2, rule, "list", 30)],
                duration_ms=640,
            ),
        ],
        exit_code=0,
        run_dir=str(folder.path),
    )


def drift_result() -> RunResult:
    """A drift check: one route drifted (one difference acknowledged), one rule in sync."""
    return RunResult(
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode="drift",
        console="https://admin.google.com",
        locale="fr",
        started_at="2026-11-27T06:17:00Z",
        duration_ms=3100,
        steps=[
            StepResult(
                index=1,
                name="Add the legacy server as a mail route",
                kind="mail_route",
                resource="Legacy mail server",
                status="drift",
                changes=[
                    FieldChange("server.single_host.port", before=587, after=25),
                    FieldChange(
                        "require_tls", before=False, after=True, ignored="vendor outage, ticket 42"
                    ),
                ],
            ),
            StepResult(
                index=2,
                name="Send unrecognized recipients to the legacy server",
                kind="routing_rule",
                resource="Split delivery to the legacy server",
                status="ok",
            ),
        ],
        exit_code=2,
    )


def failed_result() -> RunResult:
    """An apply run whose first step failed; the second was not run."""
    return RunResult(
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode="apply",
        console="http://127.0.0.1:8765",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        steps=[
            StepResult(
                index=1,
                name="Add the legacy server as a mail route",
                kind="mail_route",
                resource="Legacy mail server",
                status="failed",
                action="create",
                changes=[FieldChange("name", None, "Legacy mail server")],
                message="The console refused the save: Name already in use",
                changes_state="not_saved",
            ),
            StepResult(
                index=2,
                name="Send unrecognized recipients to the legacy server",
                kind="routing_rule",
                resource="Split delivery to the legacy server",
                status="not_run",
            ),
        ],
        exit_code=1,
        error="step 1 failed: The console refused the save: Name already in use",
    )


def drift_actions_result(mode: str = "drift") -> RunResult:
    """A drift check (or dry-run) whose steps would update, create and delete an entry."""
    status = "drift" if mode == "drift" else "would_change"
    missing = [
        FieldChange(field, None, value)
        for field, value in (
            ("description", "Reject spam"),
            ("messages", ["inbound"]),
            ("envelope", "all"),
            ("action", "reject_message"),
            ("account_types", ["users"]),
            ("enabled", True),
        )
    ]
    return RunResult(
        runbook="split-delivery",
        file="runbooks/split-delivery.yaml",
        mode=mode,
        console="http://127.0.0.1:8765",
        locale="en",
        started_at="2026-11-27T06:17:00Z",
        steps=[
            StepResult(
                index=1,
                name="Legacy route",
                kind="mail_route",
                resource="Legacy mail server",
                status=status,
                action="update",
                changes=[FieldChange("server.single_host.port", before=587, after=25)],
            ),
            StepResult(
                index=2,
                name="Reject spam",
                kind="routing_rule",
                resource="Reject spam",
                status=status,
                action="create",
                changes=missing,
            ),
            StepResult(
                index=3,
                name="Old route",
                kind="mail_route",
                resource="Old",
                status=status,
                action="delete",
                changes=[FieldChange("(route)", before="present", after="absent")],
            ),
        ],
        exit_code=2 if mode == "drift" else 0,
    )
