"""The console's data: routes, routing rules, Default routing, audit and sessions, in one file.

The entry kinds are rows of one table (`document.KINDS`): every kind is read, created,
updated and deleted the same way; routes add that the entries naming them follow a rename
and keep them from being deleted. The other settings blocks are in `settings_store.py`, the
domains and their DKIM keys in `dkim_store.py`, the Gmail settings pages' sections per OU in
`gmail_settings_store.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from runbook.simulator.clock import parse_iso
from runbook.simulator.dkim import check_domains, default_domains
from runbook.simulator.dkim_store import DkimDomains
from runbook.simulator.document import (
    DOCUMENT_KEYS,
    KINDS,
    Kind,
    check_document,
    check_entry,
    check_tree,
)
from runbook.simulator.gmail_settings import STATE_KEY as GMAIL_SETTINGS
from runbook.simulator.gmail_settings import check_gmail_settings
from runbook.simulator.gmail_settings_store import GmailSettings
from runbook.simulator.options import renamed_route, uses_routes
from runbook.simulator.org_units import (
    DEFAULT_ORG_UNITS,
    TOP,
    ancestors,
    disabled_mark,
    in_view,
)
from runbook.simulator.settings_store import NotFound, SettingsBlocks, Stale
from runbook.simulator.validation import SETTING_BLOCKS, Invalid, Json, check_settings

__all__ = ["DOCUMENT_KEYS", "InUse", "Kind", "NotFound", "Stale", "StateFileError", "Store"]
MAX_SESSIONS = 1000
ROUTE_USERS: tuple[Kind, ...] = tuple(k for k, row in KINDS.items() if not row.is_route)


class StateFileError(ValueError):
    """A state file that is not a simulator state document."""


class InUse(Exception):
    """A route that a routing rule or a Default routing setting still uses."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Store(GmailSettings, DkimDomains, SettingsBlocks):
    """Routes and rules with stable in-memory ids, written atomically on every change.

    Entries are kept exactly as normalized when written, so an entry nobody edits is served
    byte-for-byte the same. Ids are only for the pages (they change on restart or when the
    whole state is replaced, as ids of deleted items would in a real console).
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._entries: dict[Kind, list[tuple[str, Json]]] = {k: [] for k in KINDS}
        self._sessions: dict[str, Json] = {}
        self._units: list[str] = list(DEFAULT_ORG_UNITS)
        self._disabled: list[Json] = []  # inherited rules disabled in a child OU
        self._load()

    # --- file -----------------------------------------------------------------------------
    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict):
                raise ValueError("expected a JSON object")
            # Canonical entries come out of the check unchanged (byte for byte).
            entries = check_document({k: doc.get(k) for k in (*DOCUMENT_KEYS, "org_units")})
            self._units, self._disabled = check_tree(doc)
            settings = check_settings(doc)
            domains = check_domains(doc.get("domains"))
            gmail = check_gmail_settings(doc.get(GMAIL_SETTINGS), self._units)
            audit, sessions = doc.get("audit", []), doc.get("sessions", {})
            if not isinstance(audit, list) or not isinstance(sessions, dict):
                raise ValueError("audit must be a list and sessions an object")
        except (OSError, ValueError, Invalid) as exc:
            raise StateFileError(f"{self.path}: not a usable simulator state file: {exc}") from None
        self._fill(entries, settings)
        self._domains = domains
        self._gmail = gmail
        self._audit = list(audit)
        self._sessions = dict(sessions)

    def _fill(self, entries: dict[Kind, list[Json]], settings: dict[str, list[Json]]) -> None:
        self._entries = {k: [self._new(e) for e in entries[k]] for k in KINDS}
        self._settings = {b: [self._new(e) for e in es] for b, es in settings.items()}

    def _save(self) -> None:
        doc = {**self.document(), "audit": self._audit, "sessions": self._sessions}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(doc, out, ensure_ascii=False, indent=2)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    # --- whole document (test API) ----------------------------------------------------------
    def document(self) -> Json:
        """`{"routes": [...], "routing_rules": [...], "default_routing_rules": [...]}` as the test
        API shows it (and each other settings block's entries, under its key, when it has any;
        `org_units` when the tree is not the default one, `disabled_inherited` when any is,
        `domains` when they are not the default primary domain without a key, `gmail_settings` when
        a settings page is not all default)."""
        with self._lock:
            return {
                **{row.key: [e for _, e in self._entries[k]] for k, row in KINDS.items()},
                **{b: [e for _, e in es] for b, es in self._settings.items() if es},
                **(
                    {"org_units": list(self._units)}
                    if self._units != list(DEFAULT_ORG_UNITS)
                    else {}
                ),
                **(
                    {"disabled_inherited": [dict(d) for d in self._disabled]}
                    if self._disabled
                    else {}
                ),
                **self._domains_shown(),
                **self._gmail_shown(),
            }

    def org_units(self) -> list[str]:
        """The OU tree's paths, each one's parent before it (the top, `/`, first)."""
        with self._lock:
            return list(self._units)

    def replace(self, doc: Any) -> None:
        """Replace every entry (validated like the console would)."""
        entries = check_document(doc)
        settings = check_settings(doc)
        units, disabled = check_tree(doc)
        domains = check_domains(doc.get("domains"))
        gmail = check_gmail_settings(doc.get(GMAIL_SETTINGS), units)
        with self._writing():
            self._revisions = {}
            self._units, self._disabled = units, disabled
            self._domains = domains
            self._gmail = gmail
            self._fill(entries, settings)

    def reset(self) -> None:
        """Empty every list and the audit (sessions stay)."""
        with self._writing():
            self._entries = {k: [] for k in KINDS}
            self._settings = {b: [] for b in SETTING_BLOCKS}
            self._audit, self._revisions = [], {}
            self._units, self._disabled = list(DEFAULT_ORG_UNITS), []
            self._domains = default_domains()
            self._gmail = check_gmail_settings(None, self._units)

    def audit(self) -> list[Json]:
        """Every write the console accepted, oldest first."""
        with self._lock:
            return list(self._audit)

    # --- console reads ----------------------------------------------------------------------
    def entries(self, kind: Kind, unit: str | None = None) -> list[Json]:
        """The entries of a kind with their page ids and revisions.

        `unit`: as the page of that OU lists them (kinds set per OU: the inherited ones first,
        marked `inherited`, then its own); `NotFound` when the console has no such OU.
        """
        with self._lock:
            rows = self._entries[kind]
            if unit is not None and KINDS[kind].per_ou:
                if unit not in self._units:
                    raise NotFound(unit)
                rows = in_view(rows, unit, self._disabled, KINDS[kind].key)
            return [self._served(i, e) for i, e in rows]

    def entry(self, kind: Kind, entry_id: str) -> Json:
        """One entry with its page id and revision (`NotFound` when gone)."""
        with self._lock:
            entries = self._entries[kind]
            return self._served(entry_id, entries[self._index(entries, entry_id)][1])

    def find(self, kind: Kind, name: str, unit: str | None = None) -> str | None:
        """The page id of the entry of this kind so named (in OU `unit` for a kind set per
        OU, when given), if any."""
        with self._lock:
            key = KINDS[kind].name_field
            return next(
                (
                    i
                    for i, e in self._entries[kind]
                    if e[key] == name and (unit is None or e.get("org_unit", TOP) == unit)
                ),
                None,
            )

    def name_of(self, kind: Kind, entry_id: str) -> str | None:
        """The name (route) or description (rule) of an entry, None when there is none."""
        with self._lock:
            key = KINDS[kind].name_field
            return next((str(e[key]) for i, e in self._entries[kind] if i == entry_id), None)

    def unit_of(self, kind: Kind, entry_id: str) -> str | None:
        """The OU an entry is set in (None for a kind not set per OU, or no such entry)."""
        if not KINDS[kind].per_ou:
            return None
        with self._lock:
            return next(
                (str(e.get("org_unit", TOP)) for i, e in self._entries[kind] if i == entry_id),
                None,
            )

    def _route_names(self) -> set[str]:
        return {e["name"] for k, row in KINDS.items() if row.is_route for _, e in self._entries[k]}

    # --- console writes ---------------------------------------------------------------------
    def _check(self, kind: Kind, raw: Any, entry_id: str | None) -> Json:
        row = KINDS[kind]
        others = [e for i, e in self._entries[kind] if i != entry_id]
        old = next((e for i, e in self._entries[kind] if i == entry_id), {})
        unit = old.get("org_unit", TOP)  # an edit keeps the entry in its OU unless it says
        return check_entry(row, raw, others, self._route_names(), self._units, unit)

    def _stored(self, kind: Kind, op: str, entry_id: str, entry: Json, by: str | None) -> Json:
        """Record a write of `entry` (already in its list) and serve it."""
        name = entry[KINDS[kind].name_field]
        self._record(f"{op}_{KINDS[kind].audit}", name, by, org_unit=entry.get("org_unit"))
        return self._served(entry_id, entry)

    def create(self, kind: Kind, raw: Any, *, by: str | None = None) -> Json:
        """Add an entry at the end (a Default routing setting: the lowest priority)."""
        with self._writing():
            entry = self._check(kind, raw, None)
            entry_id, _ = added = self._new(entry)
            self._entries[kind].append(added)
            return self._stored(kind, "create", entry_id, entry, by)

    def update(
        self,
        kind: Kind,
        entry_id: str,
        raw: Any,
        *,
        revision: int | None = None,
        by: str | None = None,
    ) -> Json:
        """Replace one entry; the entries naming a renamed route follow it."""
        with self._writing():
            old, entry = self._replace(
                self._entries[kind], entry_id, revision, lambda _: self._check(kind, raw, entry_id)
            )
            if KINDS[kind].is_route and entry["name"] != old["name"]:
                self._rename_route(old["name"], entry["name"])
            return self._stored(kind, "update", entry_id, entry, by)

    def set_enabled(
        self,
        kind: Kind,
        entry_id: str,
        enabled: bool,
        *,
        revision: int | None = None,
        by: str | None = None,
        unit: str | None = None,
    ) -> Json:
        """Turn one entry on or off (an update of it); `unit`: the OU whose page did it.

        In an OU below the entry's own, this disables (or enables again) the inherited rule
        there only: the entry itself does not change.
        """
        with self._writing():
            entries = self._entries[kind]
            row = entries[self._index(entries, entry_id)]
            if unit is not None and unit != row[1].get("org_unit", unit):
                self._check_revision(entry_id, revision)
                return self._set_inherited(kind, row, enabled, unit, by)
            _, entry = self._replace(
                entries, entry_id, revision, lambda old: {**old, "enabled": enabled}
            )
            return self._stored(kind, "update", entry_id, entry, by)

    def _set_inherited(
        self, kind: Kind, row: tuple[str, Json], enabled: bool, unit: str, by: str | None
    ) -> Json:
        entry_id, entry = row
        if unit not in self._units or entry["org_unit"] not in ancestors(unit):
            raise NotFound(entry_id)
        mark = disabled_mark(KINDS[kind].key, unit, entry["description"])
        if enabled and mark in self._disabled:
            self._disabled.remove(mark)
        elif not enabled and mark not in self._disabled:
            self._disabled.append(mark)
        verb = "enable" if enabled else "disable"
        self._record(
            f"{verb}_inherited_{KINDS[kind].audit}", mark["description"], by, org_unit=unit
        )
        shown = in_view(self._entries[kind], unit, self._disabled, KINDS[kind].key)
        return self._served(entry_id, next(e for i, e in shown if i == entry_id))

    def delete(
        self, kind: Kind, entry_id: str, *, revision: int | None = None, by: str | None = None
    ) -> None:
        """Remove one entry; a route still named by another entry is `InUse`."""
        with self._writing():
            entries = self._entries[kind]
            n = self._index(entries, entry_id)
            self._check_revision(entry_id, revision)
            old = entries[n][1]
            name = old[KINDS[kind].name_field]
            if KINDS[kind].is_route and self._route_used(name):
                raise InUse(name)
            del entries[n]
            del self._revisions[entry_id]
            self._record(f"delete_{KINDS[kind].audit}", name, by, org_unit=old.get("org_unit"))

    def _route_used(self, name: str) -> bool:
        return any(name in uses_routes(e) for k in ROUTE_USERS for _, e in self._entries[k])

    def _rename_route(self, old: str, new: str) -> None:
        """Every entry naming route `old` (Change route, a copy's route) names `new`."""
        for kind in ROUTE_USERS:
            entries = self._entries[kind]
            for k, (i, e) in enumerate(entries):
                if old in uses_routes(e):
                    entries[k] = (i, renamed_route(e, old, new))
                    self._touch(i)

    # --- sessions ---------------------------------------------------------------------------
    def add_session(self, token: str, user: str) -> None:
        """Remember a signed-in session (only a hash of its token is kept)."""
        with self._writing():
            self._sessions[_token_hash(token)] = {"user": user, "since": self.clock.iso()}
            while len(self._sessions) > MAX_SESSIONS:
                del self._sessions[next(iter(self._sessions))]

    def session_user(self, token: str) -> str | None:
        """The user of a session token, or None when it is unknown or expired."""
        with self._lock:
            found = self._sessions.get(_token_hash(token))
            return str(found["user"]) if found else None

    def session_age_s(self, token: str) -> float | None:
        """How long ago (on the simulator's clock) the session signed in; None if unknown."""
        with self._lock:
            found = self._sessions.get(_token_hash(token))
        if not found or "since" not in found:
            return None
        return self.clock.time() - parse_iso(str(found["since"]))

    def session_count(self) -> int:
        """How many sessions are kept."""
        with self._lock:
            return len(self._sessions)

    def end_session(self, token: str) -> None:
        """Forget one session (sign-out)."""
        with self._writing():
            self._sessions.pop(_token_hash(token), None)

    def expire_sessions(self) -> None:
        """End every session (each user must sign in again)."""
        with self._writing():
            self._sessions = {}
