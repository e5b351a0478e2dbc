"""The run folder: `recordings/<UTC time>-<runbook>-<mode>/` and the names of what goes in it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from runbook.errors import UsageError

TIME_FORMAT = "%Y%m%dT%H%M%SZ"
_MAX_SLUG = 60


def slugify(text: str, *, default: str = "x", max_length: int = _MAX_SLUG) -> str:
    """Lower-case ASCII words joined by `-`: "Add the legacy server" -> "add-the-legacy-server".

    Accents are folded ("Réception" -> "reception"); anything else that is not a letter or a
    digit separates words. An empty result becomes `default`.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or default


@dataclass(frozen=True)
class RunFolder:
    """One run's evidence folder; knows the name of every file a run writes into it."""

    path: Path

    @classmethod
    def create(
        cls, root: Path, runbook_name: str, mode: str, now: datetime | None = None
    ) -> RunFolder:
        """Make `root/<UTC time>-<runbook>-<mode>/`; a `-2`, `-3`... suffix keeps it unique.

        `now` defaults to the current time; a naive datetime is taken as UTC.
        """
        moment = now or datetime.now(UTC)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        base = f"{moment.strftime(TIME_FORMAT)}-{slugify(runbook_name, default='runbook')}"
        base = f"{base}-{slugify(mode, default='run')}"
        candidate, n = root / base, 1
        try:
            root.mkdir(parents=True, exist_ok=True)
            while True:
                try:
                    candidate.mkdir()
                except FileExistsError:
                    n += 1
                    candidate = root / f"{base}-{n}"
                    continue
                return cls(candidate)
        except OSError as exc:
            reason = "it is a file" if root.is_file() else (exc.strerror or str(exc)).lower()
            raise UsageError(
                f"cannot create a run folder in {root} ({reason}); give --recordings a folder "
                "that can be written"
            ) from None

    @classmethod
    def at(cls, path: Path) -> RunFolder:
        """`path` itself as the run folder (a fleet's `<fleet>/<tenant>/`), made if missing."""
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(
                f"cannot create the run folder {path}: {exc.strerror or exc}"
            ) from None
        return cls(path)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def report_json(self) -> Path:
        return self.path / "report.json"

    @property
    def report_html(self) -> Path:
        return self.path / "report.html"

    @property
    def run_log(self) -> Path:
        return self.path / "run.jsonl"

    @property
    def trace(self) -> Path:
        return self.path / "trace.zip"

    def checkpoint_path(self, step_index: int, step_name: str, checkpoint: str) -> Path:
        """`NN-<step>-<checkpoint>.png` for a 1-based step index, e.g. `01-add-route-filled.png`.

        If that file already exists (a retried step took the same checkpoint again), a `-2`,
        `-3`... suffix keeps the earlier screenshot rather than overwriting it.
        """
        stem = (
            f"{step_index:02d}-{slugify(step_name, default='step')}"
            f"-{slugify(checkpoint, default='checkpoint')}"
        )
        candidate, n = self.path / f"{stem}.png", 1
        while candidate.exists():
            n += 1
            candidate = self.path / f"{stem}-{n}.png"
        return candidate

    def relative(self, path: Path | str) -> str:
        """`path` relative to the run folder, with `/` separators (as reports store it).

        A path outside the folder is returned whole.
        """
        p = Path(path)
        if not p.is_absolute():
            p = Path.cwd() / p
        try:
            return p.resolve().relative_to(self.path.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
