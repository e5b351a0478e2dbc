"""One run at a time per console and profile: a lock file that names its holder."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_cache_dir

from runbook.errors import RunLocked
from runbook.target import console_key


def lock_path(console_url: str, profile: str) -> Path:
    """The lock file of a console and profile: one per console however its address is spelt."""
    digest = hashlib.sha256(f"{console_key(console_url)}\n{profile}".encode()).hexdigest()[:16]
    return Path(user_cache_dir("runbook")) / "locks" / f"{digest}.lock"


@contextmanager
def run_lock(console_url: str, profile: str, *, runbook: str, mode: str) -> Iterator[None]:
    """Hold the lock for this console and profile, or raise RunLocked naming the holder."""
    path = lock_path(console_url, profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = path.with_suffix(".json")
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        try:
            info = json.loads(holder.read_text())
            who = (
                f"{info['runbook']} ({info['mode']}), process {info['pid']}, "
                f"started {info['started']}"
            )
        except (OSError, ValueError, KeyError):
            who = "another runbook process"
        raise RunLocked(
            f"another run is using {console_url} with profile {profile!r}: {who}; "
            "wait for it to finish"
        ) from None
    try:
        holder.write_text(
            json.dumps(
                {
                    "runbook": runbook,
                    "mode": mode,
                    "pid": os.getpid(),
                    "started": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
        )
        yield
    finally:
        holder.unlink(missing_ok=True)
        lock.release()
