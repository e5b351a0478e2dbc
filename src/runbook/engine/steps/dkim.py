"""The `dkim` step: a domain's key on Gmail > Authenticate email, and the hand-off to DNS.

Per domain: no key → generate one; the runbook's key in DNS → start authentication; DNS not
serving it yet → the step ends "waiting for DNS" with the record to publish (`--wait-dns`
polls first). A key of another selector is rotated only because the runbook names a new
selector; a key of the same selector with another length is never replaced (that would
break the record DNS serves). Every record the domain needs goes to the run's `dns_records`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import structlog

from runbook.console.pages.authenticate_email import AuthenticateEmailPage, GenerateDialog
from runbook.dns_records.dkim import key_bits, record_name, selector_of, tags
from runbook.dns_records.records import DnsRecord
from runbook.dns_records.resolver import DnsUnreachable
from runbook.engine.plan import Plan, convergence
from runbook.engine.steps.base import StepType
from runbook.errors import StepFailed
from runbook.file import Step
from runbook.file.dkim import Dkim

if TYPE_CHECKING:
    from runbook.dns_records.lookup import Lookup

DNS_POLL_S = 2.0  # between two DNS lookups while `--wait-dns` waits: DNS, not the UI


def have_of(shown: Mapping[str, Any]) -> dict[str, Any] | None:
    """The step's fields as the page shows them for a domain; None when it has no key."""
    selector = selector_of(shown.get("host_name") or "")
    if selector is None or not shown.get("txt_value"):
        return None
    return {
        "selector": selector,
        "key_bits": key_bits(shown["txt_value"]),
        "authentication": shown["authentication"],
    }


class DkimStep(StepType[AuthenticateEmailPage, GenerateDialog]):
    """Generate, start or stop one domain's DKIM key, keyed by the domain."""

    kind = "dkim"
    page_type = AuthenticateEmailPage
    unmanaged_key = "dkim_domains"
    reuses_page = False  # a step leaves its domain selected, a key shown: the next starts afresh

    @classmethod
    def plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """No key: create; another selector: a rotation (an update of the selector); the same
        key: start or stop it as `authentication` asks."""
        return convergence(have, step.resource.console_fields())

    @property
    def want(self) -> Dkim:
        return cast(Dkim, self.step.resource)

    def execute(self) -> None:
        ctx, domain, want = self.ctx, self.step.key, self.want
        ctx.say(f"Open {ctx.labels.name(self.page_type.heading_key)} for the domain {domain!r}")
        page = self.open_page()
        if ctx.read_only:
            ctx.look_ahead()
        shown = page.read(domain)
        have = have_of(shown)
        ctx.planned[self.kind].add(domain)
        plan = self.plan(self.step, have)
        if ctx.observe is not None:
            ctx.observe(self.result.index, have, plan)
        self.result.changes = list(plan.changes)
        self.result.action = plan.action
        self.result.details["rotation"] = have is not None and have["selector"] != want.selector
        problem = self._not_ours(shown, have)
        if problem:
            if ctx.mode == "drift":
                self.result.status, self.result.message = "drift", problem
                return
            raise StepFailed(problem)
        if ctx.mode == "drift":
            self._drift(shown, have, plan)
        elif ctx.mode == "dry-run":
            self._rehearse(page, shown, have)
        else:
            self._apply(page, shown, have)
        if self.result.status in ("ok", "waiting_dns"):
            ctx.known[self.kind].add(domain)

    def open_add(self, page: AuthenticateEmailPage) -> GenerateDialog:
        return page.open_generate()

    def open_edit(self, page: AuthenticateEmailPage) -> GenerateDialog:
        raise NotImplementedError("a domain's key has no dialog to edit: it is read from the page")

    def fill_dialog(self, dialog: GenerateDialog, plan: Plan, *, rehearsal: bool) -> None:
        dialog.fill(self.want.selector, self.want.key_bits)

    def listed(self, page: AuthenticateEmailPage) -> bool:
        return self.step.key in page.names()

    def read_entry(self, page: AuthenticateEmailPage) -> dict[str, Any]:
        """The domain as a `dkim` step would say it (export): its key and whether it signs;
        empty for a domain without a key (nothing to export)."""
        shown = page.read(self.step.key)
        have = have_of(shown)
        if have is None:
            return {}
        try:
            lookup: Lookup | None = self._lookup(shown)
        except DnsUnreachable:  # an export reads the console: DNS is not its business
            lookup = None
        self._records(shown, lookup, generated=True)
        return {"domain": self.step.key, **have}

    # --- what the runbook does not ask for ------------------------------------------------

    def _not_ours(self, shown: Mapping[str, Any], have: Mapping[str, Any] | None) -> str:
        """Why the step must leave the domain as it is (empty: it may go on)."""
        want, domain = self.want, self.step.key
        if have is None:
            return ""
        active = shown.get("active_selector")
        if active == want.selector and have["selector"] != want.selector:
            return (
                f"the console shows a new key for {domain!r} (selector {have['selector']!r}), "
                f"not started, while Gmail signs with {active!r}, the runbook's: runbook "
                f"leaves both as they are; name {have['selector']!r} in the runbook to start it"
            )
        if have["selector"] == want.selector and have["key_bits"] != want.key_bits:
            return (
                f"{domain!r} has a {have['key_bits']}-bit key with selector {want.selector!r}; "
                f"the runbook asks for {want.key_bits} bits. A new key under the same selector "
                "would replace the record DNS serves: rotate with a new selector instead (e.g. "
                f"{want.selector}{time.gmtime().tm_year}); nothing was changed"
            )
        return ""

    # --- the modes ------------------------------------------------------------------------

    def _drift(self, shown: Mapping[str, Any], have: Mapping[str, Any] | None, plan: Plan) -> None:
        if have is not None:
            self._records(shown, self._lookup(shown))
        if plan.action == "none":
            return
        self.ctx.checkpoint(self.result, "live")
        self.result.status = "drift"
        if have is None:
            self.result.message = f"{self.step.key!r} has no DKIM key"
        elif have["selector"] != self.want.selector:
            self.result.message = (
                f"{self.step.key!r} has a key with selector {have['selector']!r}, "
                f"not {self.want.selector!r}"
            )
        elif have["authentication"] == "off":
            self.result.message = f"{self.step.key!r} is not authenticating email (DKIM)"
        else:
            self.result.message = f"{self.step.key!r} is authenticating email; the runbook says off"

    def _rehearse(
        self, page: AuthenticateEmailPage, shown: Mapping[str, Any], have: Mapping[str, Any] | None
    ) -> None:
        want = self.want
        if have is None or have["selector"] != want.selector:
            if have is not None and have["authentication"] == "on":
                self.result.details["old_record"] = {
                    "name": record_name(have["selector"], self.step.key),
                    "value": shown.get("txt_value") or "",
                }
            dialog = self.open_dialog = page.open_generate()
            dialog.fill(want.selector, want.key_bits)
            self.ctx.checkpoint(self.result, "filled")
            self.ctx.say("Dry run: cancel instead of generating", dialog.cancel_button)
            dialog.cancel()
            self.open_dialog = None
            self.result.status = "would_change"
            self._records(shown, None, generated=False)
            return
        lookup = self._lookup(shown)
        self._records(shown, lookup)
        if have["authentication"] == want.authentication:
            return
        if want.authentication == "off" or lookup.state == "published":
            self.result.status = "would_change"
            return
        self._waiting(lookup)

    def _apply(
        self, page: AuthenticateEmailPage, shown: Mapping[str, Any], have: Mapping[str, Any] | None
    ) -> None:
        want, domain = self.want, self.step.key
        what = f"the DKIM key of {domain!r}"
        if have is None or have["selector"] != want.selector:
            before = dict(shown)
            dialog = self.open_dialog = page.open_generate()
            dialog.fill(want.selector, want.key_bits)
            self.ctx.checkpoint(self.result, "filled")
            self.ctx.say(f"Generate {what}", dialog.save_button)
            self.save_sent = True
            dialog.save(what)
            self.open_dialog = None
            self.result.status = "changed"
            shown = page.read(domain)
            self.ctx.checkpoint(self.result, "generated")
            self._verify_generated(shown)
            if have is not None and before.get("authentication") == "on":
                self.result.details["old_record"] = {
                    "name": record_name(have["selector"], domain),
                    "value": before.get("txt_value") or "",
                }
            have = have_of(shown)
            assert have is not None
        if want.authentication == "off":
            self._records(shown, self._lookup(shown))
            if have["authentication"] == "on":
                self.ctx.say(f"Stop authentication for {domain!r}")
                self.save_sent = True
                page.stop(what)
                self.result.status = "changed"
            return
        lookup = self._lookup(shown)
        if have["authentication"] == "on":
            self._records(shown, lookup)
            return
        lookup = self._wait_for_dns(shown, lookup)
        self._records(shown, lookup)
        if lookup.state != "published":
            self._waiting(lookup)
            return
        self.ctx.say(f"Start authentication for {domain!r}")
        self.save_sent = True
        page.start(what)
        self.result.status = "changed"
        self.result.details.pop("old_record", None)  # the new key signs now
        self._records(page.read(domain), lookup)
        self.ctx.checkpoint(self.result, "saved")

    def _verify_generated(self, shown: Mapping[str, Any]) -> None:
        have, want = have_of(shown), self.want
        if have is None or have["selector"] != want.selector or have["key_bits"] != want.key_bits:
            raise StepFailed(
                f"the console does not show the key just generated for {self.step.key!r} "
                f"(selector {want.selector!r}, {want.key_bits} bits)"
            )

    # --- DNS ------------------------------------------------------------------------------

    def _lookup(self, shown: Mapping[str, Any]) -> Lookup:
        from runbook.dns_records.lookup import check_dkim  # dnspython: for DKIM steps only

        name = record_name(selector_of(shown["host_name"]) or "", self.step.key)
        return check_dkim(name, shown["txt_value"], self.ctx.dns.resolver)

    def _wait_for_dns(self, shown: Mapping[str, Any], lookup: Lookup) -> Lookup:
        """`--wait-dns`: look the record up again until DNS serves it or the run's time for
        waiting is out (then the step fails naming the record); the steps share that time."""
        wait_s, deadline = self.ctx.dns.wait_s, self.ctx.dns.until
        if lookup.published or not wait_s:
            return lookup
        while not lookup.published:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StepFailed(
                    f"DNS did not serve the DKIM record of {self.step.key!r} within the "
                    f"run's {wait_s:g} s of --wait-dns: {lookup.reason}. Publish TXT "
                    f"{lookup.name} = {shown['txt_value']}"
                )
            self.ctx.dns.progress(f"Waiting for DNS: {lookup.reason} ({left:.0f} s left)")
            structlog.get_logger("runbook").info(
                "dns.waiting", record=lookup.name, reason=lookup.reason, left_s=round(left)
            )
            threading.Event().wait(min(DNS_POLL_S, left))
            lookup = self._lookup(shown)
        return lookup

    def _waiting(self, lookup: Lookup) -> None:
        self.result.status = "waiting_dns"
        self.result.message = (
            f"waiting for DNS: {lookup.reason}. Publish the record (dns_records), then run "
            "again to start authentication"
        )

    def _records(
        self, shown: Mapping[str, Any], lookup: Lookup | None, *, generated: bool = True
    ) -> None:
        """The records this domain needs in DNS, with whether DNS serves them now."""
        domain, want = self.step.key, self.want
        records: list[DnsRecord] = []
        if lookup is None and not generated:  # a dry run of a key not generated yet
            name = record_name(want.selector, domain)
            note = "the value is known once the key is generated (apply)"
            records.append(DnsRecord(domain, name, "", "publish", note=note))
        elif lookup is None:  # DNS could not be asked: the record, as the console shows it
            name = record_name(selector_of(shown["host_name"]) or want.selector, domain)
            note = "DNS not checked"
            records.append(DnsRecord(domain, name, shown["txt_value"], "publish", note=note))
        else:
            record = DnsRecord(
                domain,
                lookup.name,
                shown["txt_value"],
                "published" if lookup.published else "publish",
                note=lookup.reason,
            )
            records.append(record)
        old = self._old_record(shown)
        if old is not None:
            records.append(old)
        self.result.details["dns_records"] = [r.as_dict() for r in records]

    def _old_record(self, shown: Mapping[str, Any]) -> DnsRecord | None:
        """During a rotation, the record of the key that still signs: to keep in DNS until the
        new key is started."""
        domain = self.step.key
        old = self.result.details.get("old_record")
        if old is not None:
            name, value = old["name"], old["value"]
        elif shown.get("active_selector") and shown.get("authentication") != "on":
            name = record_name(shown["active_selector"], domain)
            from runbook.dns_records.lookup import txt_records

            try:
                served = txt_records(name, self.ctx.dns.resolver)
            except DnsUnreachable:
                served = []  # named without its value: the one DNS serves now
            value = next((v for v in served if tags(v).get("p")), "")
        else:
            return None
        note = "the key in use: keep this record until the new key is started"
        return DnsRecord(domain, name, value, "keep", note=note)


STEP_TYPE = DkimStep  # found by the kinds registry: runbook.file.kinds
