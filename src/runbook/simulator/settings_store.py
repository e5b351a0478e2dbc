"""The store's ledger (lock, ids, revisions, audit) and the Routing page's other settings blocks."""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from typing import Any

from runbook.simulator.clock import Clock
from runbook.simulator.validation import SETTING_BLOCKS, Json, normalize_setting


class NotFound(Exception):
    """No entry with that id (the state changed under the page)."""


class Stale(Exception):
    """A write based on an older revision of the entry (someone else changed it since)."""


class Ledger:
    """What every write of the store shares: the lock, ids, revisions and the audit.

    Each entry has a revision, new on every write to it (in memory only: never in the file
    nor in the test API's state). The pages send back the revision they read, and a write
    based on an older one is refused (`Stale`): optimistic concurrency.
    """

    def __init__(self) -> None:
        self.clock = Clock()  # the simulator's: the test API moves it
        self._lock = threading.RLock()
        self._ids = (f"{n}" for n in itertools.count(1))
        self._revision_numbers = itertools.count(1)
        self._revisions: dict[str, int] = {}
        self._audit: list[Json] = []

    def _save(self) -> None:
        """Write the whole state (the store's file)."""
        raise NotImplementedError

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock:
            yield
            self._save()

    def _record(
        self,
        action: str,
        name: str,
        by: str | None,
        block: str | None = None,
        *,
        org_unit: str | None = None,
        **details: Any,
    ) -> None:
        entry: Json = {"action": action, "name": name, "at": self.clock.iso(), **details}
        if block is not None:
            entry["block"] = block
        if org_unit is not None and org_unit != "/":
            entry["org_unit"] = org_unit
        if by is not None:
            entry["by"] = by
        self._audit.append(entry)

    def _new(self, entry: Json) -> tuple[str, Json]:
        """A new entry with a fresh id and revision."""
        entry_id = next(self._ids)
        self._touch(entry_id)
        return entry_id, entry

    def _touch(self, entry_id: str) -> None:
        self._revisions[entry_id] = next(self._revision_numbers)

    def _served(self, entry_id: str, entry: Json) -> Json:
        return {"id": entry_id, "revision": self._revisions[entry_id], **entry}

    def _check_revision(self, entry_id: str, revision: int | None) -> None:
        if revision is not None and revision != self._revisions[entry_id]:
            raise Stale(entry_id)

    def _replace(
        self,
        entries: list[tuple[str, Json]],
        entry_id: str,
        revision: int | None,
        new: Callable[[Json], Json],
    ) -> tuple[Json, Json]:
        """Put `new(old)` in place of the entry, checked at `revision` first; (old, new)."""
        n = self._index(entries, entry_id)
        self._check_revision(entry_id, revision)
        old = entries[n][1]
        entry = new(old)
        entries[n] = (entry_id, entry)
        self._touch(entry_id)
        return old, entry

    @staticmethod
    def _index(entries: list[tuple[str, Json]], entry_id: str) -> int:
        for n, (i, _) in enumerate(entries):
            if i == entry_id:
                return n
        raise NotFound(entry_id)


class SettingsBlocks(Ledger):
    """The other settings blocks' entries: block key -> entries (a description each)."""

    def __init__(self) -> None:
        super().__init__()
        self._settings: dict[str, list[tuple[str, Json]]] = {b: [] for b in SETTING_BLOCKS}

    def _block(self, block: str) -> list[tuple[str, Json]]:
        if block not in self._settings:
            raise NotFound(block)
        return self._settings[block]

    def settings(self, block: str) -> list[Json]:
        """The entries of one other settings block with their page ids and revisions."""
        with self._lock:
            return [self._served(i, e) for i, e in self._block(block)]

    def setting(self, block: str, entry_id: str) -> Json:
        """One entry of another settings block (`NotFound` when gone)."""
        with self._lock:
            entries = self._block(block)
            return self._served(entry_id, entries[self._index(entries, entry_id)][1])

    def _check_setting(self, block: str, raw: Any, entry_id: str | None) -> Json:
        taken = {e["description"] for i, e in self._block(block) if i != entry_id}
        return normalize_setting(raw, taken_descriptions=taken)

    def create_setting(self, block: str, raw: Any, *, by: str | None = None) -> Json:
        """Add an entry at the end of another settings block; the stored entry."""
        with self._writing():
            entry = self._check_setting(block, raw, None)
            entry_id, _ = added = self._new(entry)
            self._block(block).append(added)
            self._record("create_setting", entry["description"], by, block)
            return self._served(entry_id, entry)

    def update_setting(
        self,
        block: str,
        entry_id: str,
        raw: Any,
        *,
        revision: int | None = None,
        by: str | None = None,
    ) -> Json:
        """Replace one entry of another settings block."""
        with self._writing():
            _, entry = self._replace(
                self._block(block),
                entry_id,
                revision,
                lambda _: self._check_setting(block, raw, entry_id),
            )
            self._record("update_setting", entry["description"], by, block)
            return self._served(entry_id, entry)

    def delete_setting(
        self, block: str, entry_id: str, *, revision: int | None = None, by: str | None = None
    ) -> None:
        """Remove one entry of another settings block."""
        with self._writing():
            entries = self._block(block)
            n = self._index(entries, entry_id)
            self._check_revision(entry_id, revision)
            description = entries[n][1]["description"]
            del entries[n]
            del self._revisions[entry_id]
            self._record("delete_setting", description, by, block)
