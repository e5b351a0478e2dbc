"""The console's data: routes, routing rules, audit and sessions, in one JSON file."""

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

from runbook.simulator.options import renamed_route, uses_routes
from runbook.simulator.validation import Invalid, Json, normalize_route, normalize_rule

Kind = Literal["route", "rule"]
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


def check_document(doc: Any) -> tuple[list[Json], list[Json]]:
    """Routes and rules of a whole state document, canonical, or `Invalid`."""
    if not isinstance(doc, dict):
        raise Invalid("err_bad_request", "state", "expected an object")
    unknown = sorted(set(doc) - {"routes", "routing_rules"})
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
    return routes, rules


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
            routes, rules = check_document(
                {"routes": doc.get("routes"), "routing_rules": doc.get("routing_rules")}
            )
            audit, sessions = doc.get("audit", []), doc.get("sessions", {})
            if not isinstance(audit, list) or not isinstance(sessions, dict):
                raise ValueError("audit must be a list and sessions an object")
        except (OSError, ValueError, Invalid) as exc:
            raise StateFileError(f"{self.path}: not a usable simulator state file: {exc}") from None
        self._routes = [self._new(r) for r in routes]
        self._rules = [self._new(r) for r in rules]
        self._audit = list(audit)
        self._sessions = dict(sessions)

    def _save(self) -> None:
        doc = {
            "routes": [r for _, r in self._routes],
            "routing_rules": [r for _, r in self._rules],
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
        """`{"routes": [...], "routing_rules": [...]}` as the test API shows it."""
        with self._lock:
            return {
                "routes": [r for _, r in self._routes],
                "routing_rules": [r for _, r in self._rules],
            }

    def replace(self, doc: Any) -> None:
        """Replace every route and rule (validated like the console would)."""
        routes, rules = check_document(doc)
        with self._writing():
            self._revisions = {}
            self._routes = [self._new(r) for r in routes]
            self._rules = [self._new(r) for r in rules]

    def reset(self) -> None:
        """Empty routes, rules and audit (sessions stay)."""
        with self._writing():
            self._routes, self._rules, self._audit = [], [], []
            self._revisions = {}

    def audit(self) -> list[Json]:
        """Every write the console accepted, oldest first."""
        with self._lock:
            return list(self._audit)

    def _record(self, action: str, name: str, by: str | None) -> None:
        entry = {"action": action, "name": name, "at": _now()}
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

    def find(self, kind: Kind, name: str) -> str | None:
        """The page id of the route named `name` (or of the rule so described), if any."""
        with self._lock:
            if kind == "route":
                return next((i for i, r in self._routes if r["name"] == name), None)
            return next((i for i, r in self._rules if r["description"] == name), None)

    def name_of(self, kind: Kind, entry_id: str) -> str | None:
        """The name (route) or description (rule) of an entry, None when there is none."""
        with self._lock:
            entries, key = (
                (self._routes, "name") if kind == "route" else (self._rules, "description")
            )
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
            if any(name in uses_routes(r) for _, r in self._rules):
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
