"""The console's data: routes, routing rules, Default routing, audit and sessions, in one file."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from runbook.simulator.default_validation import normalize_default_rule
from runbook.simulator.options import renamed_route, uses_routes
from runbook.simulator.validation import (
    SETTING_BLOCKS,
    Invalid,
    Json,
    check_settings,
    normalize_route,
    normalize_rule,
    normalize_setting,
)

Kind = Literal["route", "rule", "default"]  # default: a Default routing setting
DOCUMENT_KEYS = ("routes", "routing_rules", "default_routing_rules")
MAX_SESSIONS = 1000


class NotFound(Exception):
    """No route or rule with that id (the state changed under the page)."""


class StateFileError(ValueError):
    """A state file that is not a simulator state document."""


class InUse(Exception):
    """A route that a routing rule still uses."""


class Stale(Exception):
    """A write based on an older revision of the entry (someone else changed it since)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_document(doc: Any) -> tuple[list[Json], list[Json], list[Json]]:
    """Routes, rules and Default routing settings of a state document, canonical, or `Invalid`.

    Entries may leave out optional fields: the console's defaults for a new entry fill them.
    """
    if not isinstance(doc, dict):
        raise Invalid("err_bad_request", "state", "expected an object")
    unknown = sorted(set(doc) - {*DOCUMENT_KEYS, *SETTING_BLOCKS})
    if unknown:
        raise Invalid("err_bad_request", "state", f"unknown field(s) {', '.join(unknown)}")
    raw_routes = doc.get("routes") or []
    raw_rules = doc.get("routing_rules") or []
    if not isinstance(raw_routes, list) or not isinstance(raw_rules, list):
        raise Invalid("err_bad_request", "state", "routes and routing_rules must be lists")
    routes: list[Json] = []
    for i, raw in enumerate(raw_routes):
        try:
            routes.append(normalize_route(raw, taken_names={r["name"] for r in routes}))
        except Invalid as exc:
            raise Invalid(exc.key, f"routes.{i}.{exc.field}", exc.detail) from None
    names = {r["name"] for r in routes}
    rules: list[Json] = []
    for i, raw in enumerate(raw_rules):
        try:
            taken = {r["description"] for r in rules}
            rules.append(normalize_rule(raw, taken_descriptions=taken, route_names=names))
        except Invalid as exc:
            raise Invalid(exc.key, f"routing_rules.{i}.{exc.field}", exc.detail) from None
    raw_defaults = doc.get("default_routing_rules") or []
    if not isinstance(raw_defaults, list):
        raise Invalid("err_bad_request", "state", "default_routing_rules must be a list")
    defaults: list[Json] = []
    for i, raw in enumerate(raw_defaults):
        try:
            taken = {r["description"] for r in defaults}
            defaults.append(
                normalize_default_rule(raw, taken_descriptions=taken, route_names=names)
            )
        except Invalid as exc:
            raise Invalid(exc.key, f"default_routing_rules.{i}.{exc.field}", exc.detail) from None
    return routes, rules, defaults


class Store:
    """Routes and rules with stable in-memory ids, written atomically on every change.

    Entries are kept exactly as normalized when written, so an entry nobody edits is served
    byte-for-byte the same. Ids are only for the pages (they change on restart or when the
    whole state is replaced, as ids of deleted items would in a real console).

    Each entry also has a revision, new on every write to it (in memory only: never in the
    file nor in the test API's state). The pages send back the revision they read, and a
    write based on an older one is refused (`Stale`): optimistic concurrency.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._ids = (f"{n}" for n in itertools.count(1))
        self._revision_numbers = itertools.count(1)
        self._revisions: dict[str, int] = {}
        self._routes: list[tuple[str, Json]] = []
        self._rules: list[tuple[str, Json]] = []
        self._defaults: list[tuple[str, Json]] = []  # Default routing settings
        # The Routing page's other settings blocks: block key -> entries
        self._settings: dict[str, list[tuple[str, Json]]] = {b: [] for b in SETTING_BLOCKS}
        self._audit: list[Json] = []
        self._sessions: dict[str, Json] = {}
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
            routes, rules, defaults = check_document({k: doc.get(k) for k in DOCUMENT_KEYS})
            settings = check_settings(doc)
            audit, sessions = doc.get("audit", []), doc.get("sessions", {})
            if not isinstance(audit, list) or not isinstance(sessions, dict):
                raise ValueError("audit must be a list and sessions an object")
        except (OSError, ValueError, Invalid) as exc:
            raise StateFileError(f"{self.path}: not a usable simulator state file: {exc}") from None
        self._routes = [self._new(r) for r in routes]
        self._rules = [self._new(r) for r in rules]
        self._defaults = [self._new(r) for r in defaults]
        self._settings = {b: [self._new(e) for e in es] for b, es in settings.items()}
        self._audit = list(audit)
        self._sessions = dict(sessions)

    def _save(self) -> None:
        doc = {
            "routes": [r for _, r in self._routes],
            "routing_rules": [r for _, r in self._rules],
            "default_routing_rules": [r for _, r in self._defaults],
            **self._settings_document(),
            "audit": self._audit,
            "sessions": self._sessions,
        }
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

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock:
            yield
            self._save()

    # --- whole document (test API) ----------------------------------------------------------
    def document(self) -> Json:
        """`{"routes": [...], "routing_rules": [...], "default_routing_rules": [...]}` as the test
        API shows it (and each other settings block's entries, under its key, when it has any)."""
        with self._lock:
            return {
                "routes": [r for _, r in self._routes],
                "routing_rules": [r for _, r in self._rules],
                "default_routing_rules": [r for _, r in self._defaults],
                **self._settings_document(),
            }

    def _settings_document(self) -> Json:
        return {b: [e for _, e in es] for b, es in self._settings.items() if es}

    def replace(self, doc: Any) -> None:
        """Replace every route and rule (validated like the console would)."""
        routes, rules, defaults = check_document(doc)
        settings = check_settings(doc)
        with self._writing():
            self._revisions = {}
            self._routes = [self._new(r) for r in routes]
            self._rules = [self._new(r) for r in rules]
            self._defaults = [self._new(r) for r in defaults]
            self._settings = {b: [self._new(e) for e in es] for b, es in settings.items()}

    def reset(self) -> None:
        """Empty routes, rules and audit (sessions stay)."""
        with self._writing():
            self._routes, self._rules, self._defaults, self._audit = [], [], [], []
            self._settings = {b: [] for b in SETTING_BLOCKS}
            self._revisions = {}

    def audit(self) -> list[Json]:
        """Every write the console accepted, oldest first."""
        with self._lock:
            return list(self._audit)

    def _record(self, action: str, name: str, by: str | None, block: str | None = None) -> None:
        entry = {"action": action, "name": name, "at": _now()}
        if block is not None:
            entry["block"] = block
        if by is not None:
            entry["by"] = by
        self._audit.append(entry)

    # --- ids and revisions ------------------------------------------------------------------
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

    # --- console reads ----------------------------------------------------------------------
    def routes(self) -> list[Json]:
        """Routes with their page ids and revisions."""
        with self._lock:
            return [self._served(i, r) for i, r in self._routes]

    def rules(self) -> list[Json]:
        """Rules with their page ids and revisions."""
        with self._lock:
            return [self._served(i, r) for i, r in self._rules]

    def route(self, route_id: str) -> Json:
        """One route with its page id and revision (`NotFound` when gone)."""
        with self._lock:
            return self._served(route_id, self._routes[self._index(self._routes, route_id)][1])

    def rule(self, rule_id: str) -> Json:
        """One rule with its page id and revision (`NotFound` when gone)."""
        with self._lock:
            return self._served(rule_id, self._rules[self._index(self._rules, rule_id)][1])

    def _of(self, kind: Kind) -> tuple[list[tuple[str, Json]], str]:
        """The entries of a kind and their name field."""
        if kind == "route":
            return self._routes, "name"
        return (self._rules if kind == "rule" else self._defaults), "description"

    def find(self, kind: Kind, name: str) -> str | None:
        """The page id of the route named `name` (or of the rule so described), if any."""
        with self._lock:
            entries, key = self._of(kind)
            return next((i for i, e in entries if e[key] == name), None)

    def name_of(self, kind: Kind, entry_id: str) -> str | None:
        """The name (route) or description (rule) of an entry, None when there is none."""
        with self._lock:
            entries, key = self._of(kind)
            return next((str(e[key]) for i, e in entries if i == entry_id), None)

    @staticmethod
    def _index(entries: list[tuple[str, Json]], entry_id: str) -> int:
        for n, (i, _) in enumerate(entries):
            if i == entry_id:
                return n
        raise NotFound(entry_id)

    # --- console writes: routes -------------------------------------------------------------
    def create_route(self, raw: Any, *, by: str | None = None) -> Json:
        """Add a route at the end; the stored route."""
        with self._writing():
            route = normalize_route(raw, taken_names={r["name"] for _, r in self._routes})
            route_id, _ = added = self._new(route)
            self._routes.append(added)
            self._record("create_route", route["name"], by)
            return self._served(route_id, route)

    def update_route(
        self, route_id: str, raw: Any, *, revision: int | None = None, by: str | None = None
    ) -> Json:
        """Replace one route; rules that use it follow a rename (they point at the route)."""
        with self._writing():
            n = self._index(self._routes, route_id)
            self._check_revision(route_id, revision)
            old = self._routes[n][1]
            taken = {r["name"] for i, r in self._routes if i != route_id}
            route = normalize_route(raw, taken_names=taken)
            self._routes[n] = (route_id, route)
            self._touch(route_id)
            if route["name"] != old["name"]:
                for k, (i, r) in enumerate(self._rules):
                    if old["name"] in uses_routes(r):
                        self._rules[k] = (i, renamed_route(r, old["name"], route["name"]))
                        self._touch(i)
                for k, (i, r) in enumerate(self._defaults):
                    if r["change_route"] == old["name"]:
                        self._defaults[k] = (i, {**r, "change_route": route["name"]})
                        self._touch(i)
            self._record("update_route", route["name"], by)
            return self._served(route_id, route)

    def delete_route(
        self, route_id: str, *, revision: int | None = None, by: str | None = None
    ) -> None:
        """Remove a route that no rule uses."""
        with self._writing():
            n = self._index(self._routes, route_id)
            self._check_revision(route_id, revision)
            name = self._routes[n][1]["name"]
            used = any(name in uses_routes(r) for _, r in self._rules)
            if used or any(r["change_route"] == name for _, r in self._defaults):
                raise InUse(name)
            del self._routes[n]
            del self._revisions[route_id]
            self._record("delete_route", name, by)

    # --- console writes: rules --------------------------------------------------------------
    def _check_rule(self, raw: Any, rule_id: str | None) -> Json:
        taken = {r["description"] for i, r in self._rules if i != rule_id}
        names = {r["name"] for _, r in self._routes}
        return normalize_rule(raw, taken_descriptions=taken, route_names=names)

    def create_rule(self, raw: Any, *, by: str | None = None) -> Json:
        """Add a rule at the end; the stored rule."""
        with self._writing():
            rule = self._check_rule(raw, None)
            rule_id, _ = added = self._new(rule)
            self._rules.append(added)
            self._record("create_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def update_rule(
        self, rule_id: str, raw: Any, *, revision: int | None = None, by: str | None = None
    ) -> Json:
        """Replace one rule."""
        with self._writing():
            n = self._index(self._rules, rule_id)
            self._check_revision(rule_id, revision)
            rule = self._check_rule(raw, rule_id)
            self._rules[n] = (rule_id, rule)
            self._touch(rule_id)
            self._record("update_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def set_rule_enabled(
        self, rule_id: str, enabled: bool, *, revision: int | None = None, by: str | None = None
    ) -> Json:
        """Turn one rule on or off (an update of that rule)."""
        with self._writing():
            n = self._index(self._rules, rule_id)
            self._check_revision(rule_id, revision)
            rule = {**self._rules[n][1], "enabled": enabled}
            self._rules[n] = (rule_id, rule)
            self._touch(rule_id)
            self._record("update_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def delete_rule(
        self, rule_id: str, *, revision: int | None = None, by: str | None = None
    ) -> None:
        """Remove a rule."""
        with self._writing():
            n = self._index(self._rules, rule_id)
            self._check_revision(rule_id, revision)
            description = self._rules[n][1]["description"]
            del self._rules[n]
            del self._revisions[rule_id]
            self._record("delete_rule", description, by)

    # --- console writes: Default routing settings --------------------------------------------
    def defaults(self) -> list[Json]:
        """Default routing settings with their page ids and revisions."""
        with self._lock:
            return [self._served(i, r) for i, r in self._defaults]

    def default(self, rule_id: str) -> Json:
        """One Default routing setting with its page id and revision (`NotFound` when gone)."""
        with self._lock:
            return self._served(rule_id, self._defaults[self._index(self._defaults, rule_id)][1])

    def _check_default(self, raw: Any, rule_id: str | None) -> Json:
        taken = {r["description"] for i, r in self._defaults if i != rule_id}
        names = {r["name"] for _, r in self._routes}
        return normalize_default_rule(raw, taken_descriptions=taken, route_names=names)

    def create_default(self, raw: Any, *, by: str | None = None) -> Json:
        """Add a Default routing setting at the end (the lowest priority); the stored one."""
        with self._writing():
            rule = self._check_default(raw, None)
            rule_id, _ = added = self._new(rule)
            self._defaults.append(added)
            self._record("create_default_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def update_default(
        self, rule_id: str, raw: Any, *, revision: int | None = None, by: str | None = None
    ) -> Json:
        """Replace one Default routing setting."""
        with self._writing():
            n = self._index(self._defaults, rule_id)
            self._check_revision(rule_id, revision)
            rule = self._check_default(raw, rule_id)
            self._defaults[n] = (rule_id, rule)
            self._touch(rule_id)
            self._record("update_default_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def set_default_enabled(
        self, rule_id: str, enabled: bool, *, revision: int | None = None, by: str | None = None
    ) -> Json:
        """Turn one Default routing setting on or off (an update of it)."""
        with self._writing():
            n = self._index(self._defaults, rule_id)
            self._check_revision(rule_id, revision)
            rule = {**self._defaults[n][1], "enabled": enabled}
            self._defaults[n] = (rule_id, rule)
            self._touch(rule_id)
            self._record("update_default_rule", rule["description"], by)
            return self._served(rule_id, rule)

    def delete_default(
        self, rule_id: str, *, revision: int | None = None, by: str | None = None
    ) -> None:
        """Remove a Default routing setting."""
        with self._writing():
            n = self._index(self._defaults, rule_id)
            self._check_revision(rule_id, revision)
            description = self._defaults[n][1]["description"]
            del self._defaults[n]
            del self._revisions[rule_id]
            self._record("delete_default_rule", description, by)

    # --- console reads and writes: the other settings blocks of the Routing page -----------
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
            entries = self._block(block)
            n = self._index(entries, entry_id)
            self._check_revision(entry_id, revision)
            entry = self._check_setting(block, raw, entry_id)
            entries[n] = (entry_id, entry)
            self._touch(entry_id)
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

    # --- sessions ---------------------------------------------------------------------------
    def add_session(self, token: str, user: str) -> None:
        """Remember a signed-in session (only a hash of its token is kept)."""
        with self._writing():
            self._sessions[_token_hash(token)] = {"user": user, "since": _now()}
            while len(self._sessions) > MAX_SESSIONS:
                del self._sessions[next(iter(self._sessions))]

    def session_user(self, token: str) -> str | None:
        """The user of a session token, or None when it is unknown or expired."""
        with self._lock:
            found = self._sessions.get(_token_hash(token))
            return str(found["user"]) if found else None

    def end_session(self, token: str) -> None:
        """Forget one session (sign-out)."""
        with self._writing():
            self._sessions.pop(_token_hash(token), None)

    def expire_sessions(self) -> None:
        """End every session (each user must sign in again)."""
        with self._writing():
            self._sessions = {}
