"""The store's domains and their DKIM writes: generate a key, start and stop authentication.

Each write is audited with the domain's name: `generate_dkim` (with `selector`, `key_bits`),
`start_dkim` and `stop_dkim` (with `selector`). The DNS lookup and the key generation happen
outside the store (they take time); the store applies their result under its lock.
"""

from __future__ import annotations

import copy
from typing import Any

from runbook.simulator.dkim import check_domains, default_domains
from runbook.simulator.settings_store import Ledger, NotFound, Stale
from runbook.simulator.validation import Invalid, Json


class DkimDomains(Ledger):
    """The organization's domains (`dkim.check_domains`), each with its DKIM state."""

    def __init__(self) -> None:
        super().__init__()
        self._domains: list[Json] = default_domains()

    def _domain(self, name: str) -> Json:
        """The stored domain so named (case aside); `NotFound` when the console has none."""
        wanted = name.lower().rstrip(".")
        for domain in self._domains:
            if domain["name"] == wanted:
                return domain
        raise NotFound(name)

    def _domains_shown(self) -> Any:
        """The `domains` of the state document: absent while they are the default ones."""
        if self._domains == default_domains():
            return {}
        return {"domains": copy.deepcopy(self._domains)}

    def domains(self) -> list[Json]:
        """Every domain, in the console's order (a copy)."""
        with self._lock:
            return copy.deepcopy(self._domains)

    def domain(self, name: str) -> Json:
        """One domain (a copy); `NotFound` when the console has no such domain."""
        with self._lock:
            return copy.deepcopy(self._domain(name))

    def replace_domains(self, raw: Any) -> None:
        """Put these domains in place of the organization's (checked like the state's)."""
        domains = check_domains(raw)
        with self._writing():
            self._domains = domains

    def check_generate(self, name: str) -> None:
        """`Invalid` (`err_dkim_too_early`) when the domain cannot have a key yet."""
        with self._lock:
            if self._domain(name)["dkim"]["too_early"]:
                raise Invalid("err_dkim_too_early", "domain", "Gmail was turned on too recently")

    def generate_dkim(
        self, name: str, selector: str, key_bits: int, txt_value: str, *, by: str | None = None
    ) -> Json:
        """Show a new key for the domain, not started; while an older key signs, it stays
        active (`active`) until Start authentication with the new one."""
        with self._writing():
            self.check_generate(name)
            domain = self._domain(name)
            old = domain["dkim"]
            new: Json = {
                "status": "not_started",
                "too_early": False,
                "selector": selector,
                "key_bits": key_bits,
                "txt_value": txt_value,
            }
            if old["status"] == "authenticating":
                new["active"] = {k: old[k] for k in ("selector", "key_bits", "txt_value")}
            elif "active" in old:
                new["active"] = old["active"]
            domain["dkim"] = new
            self._record("generate_dkim", domain["name"], by, selector=selector, key_bits=key_bits)
            return copy.deepcopy(domain)

    def start_dkim(self, name: str, txt_value: str, *, by: str | None = None) -> Json:
        """Authenticating with the key whose record DNS was found to publish (`txt_value`);
        `Stale` when the domain's key or status changed since the lookup began."""
        with self._writing():
            domain = self._domain(name)
            dkim = domain["dkim"]
            if dkim["status"] in ("no_key", "authenticating") or dkim["txt_value"] != txt_value:
                raise Stale(name)
            dkim["status"] = "authenticating"
            dkim.pop("active", None)
            self._record("start_dkim", domain["name"], by, selector=dkim["selector"])
            return copy.deepcopy(domain)

    def stop_dkim(self, name: str, *, by: str | None = None) -> Json:
        """Stopped: Gmail no longer signs with the domain's key (`Stale` when not on)."""
        with self._writing():
            domain = self._domain(name)
            if domain["dkim"]["status"] != "authenticating":
                raise Stale(name)
            domain["dkim"]["status"] = "stopped"
            self._record("stop_dkim", domain["name"], by, selector=domain["dkim"]["selector"])
            return copy.deepcopy(domain)
