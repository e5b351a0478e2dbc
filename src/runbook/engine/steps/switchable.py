"""What the steps of entries with an on/off switch share: Routing rules, Default routing.

Their Add setting dialog creates an entry on, and the switch is on the list, not in the
dialog: an entry wanted off is switched off right after its create. Their dialog names
routes (Change route, the Also deliver to copies' routes), which must be listed, and may
show an option runbook does not model, which drift names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar, NoReturn, TypeVar, cast

from runbook.console.pages.message_options import UNMODELED
from runbook.console.pages.switchable import SettingDialog, SwitchableList
from runbook.engine.diff import diff
from runbook.engine.plan import Plan, convergence, removal
from runbook.engine.steps.base import StepType, backoff
from runbook.errors import (
    ConcurrentChange,
    RunbookError,
    SaveNotConfirmed,
    SaveRejected,
    StepFailed,
)
from runbook.file import Step
from runbook.file.placement import parents_of
from runbook.names import shown

P = TypeVar("P", bound=SwitchableList[Any])
D = TypeVar("D", bound=SettingDialog)


class SwitchableStep(StepType[P, D]):
    """Create, update or remove one entry keyed by its description, with its switch."""

    shown_fields = ("description", "change_route")
    create_leaves = frozenset({"enabled"})  # the Add setting dialog creates entries on
    route_kind: ClassVar[str] = "mail_route"  # the kind whose entries `change_route` names
    _offered: list[str] | None = None  # the routes the Change route menu offers, once read

    @classmethod
    def plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """As every step, and the rule's on/off switch, which is on the list, not in the dialog.

        A create is enabled (the Add dialog cannot make it off): a rule wanted off is switched
        off right after; an update whose only change is the switch flips it alone.
        """
        if step.state == "absent":
            return removal(cls.noun, have)
        if getattr(step.resource, "inherited", False):
            return cls._inherited_plan(step, have)
        fill = step.resource.console_fields()
        enabled = bool(fill.pop("enabled", True))
        plan = convergence(have, {**fill, "enabled": enabled}, cls.shown_fields)
        have_enabled = True if have is None else have.get("enabled")
        return replace(
            plan,
            fill=fill,
            switch=None if have_enabled == enabled else enabled,
            switch_only=plan.action == "update" and all(c.field == "enabled" for c in plan.changes),
        )

    @classmethod
    def _inherited_plan(cls, step: Step, have: Mapping[str, Any] | None) -> Plan:
        """A rule inherited from a parent OU: only its switch in this OU, never its fields."""
        if have is None:
            raise StepFailed(f"{cls.noun} {step.key!r} is not inherited here: nothing to switch")
        enabled = bool(getattr(step.resource, "enabled", True))
        plan = convergence(have, {"enabled": enabled}, ())
        return replace(
            plan,
            fill={},
            switch=None if have.get("enabled") == enabled else enabled,
            switch_only=plan.action == "update",
        )

    @property
    def inherited(self) -> bool:
        """The step switches a rule inherited from a parent OU (`inherited: true`)."""
        return bool(getattr(self.step.resource, "inherited", False))

    def listed(self, page: P) -> bool:
        """An inherited rule must be listed as inherited in the step's OU (else it fails)."""
        key, unit = self.step.key, self.org_unit
        if not self.inherited:
            own = super().listed(page)
            if not own and self.step.state == "absent" and page.inherited_count(key):
                self.result.message = (
                    f"{unit} has no {self.noun} {key!r} of its own, but inherits one from a "
                    f"parent OU: it still applies in {unit}. To switch it off there, give the "
                    "step inherited: true and enabled: false"
                )
            return own
        if self.step.state == "absent":
            raise StepFailed(
                f"{self.noun} {key!r} is inherited in {unit}: it cannot be removed there, only "
                "disabled (enabled: false); nothing was changed"
            )
        found = page.inherited_count(key)
        if not found:
            raise StepFailed(
                f"{self.info.what} {key!r} is not inherited in the organizational unit {unit} "
                "(no parent OU has it); nothing was changed"
            )
        if found > 1:
            raise StepFailed(
                f"{self.info.what} {key!r} is inherited {found} times in the organizational "
                f"unit {unit} (parent OUs with the same description): runbook cannot tell which "
                "one to switch; nothing was changed (give one of them another description in "
                "its own OU)"
            )
        return True

    def report_live(self, page: P, plan: Plan) -> None:
        """Drift: as every step, and an option the console shows that runbook cannot read."""
        super().report_live(page, plan)
        unmodeled = next((c.before for c in plan.changes if c.field == UNMODELED), None)
        if unmodeled:
            self.result.message = "; ".join(
                f"an option runbook does not model is set: {name}" for name in unmodeled
            )

    def read_entry(self, page: P) -> dict[str, Any]:
        if self.inherited:  # read from its row: an inherited rule has no dialog here
            enabled = page.is_enabled(self.step.key, inherited=True)
            if not enabled and getattr(self.step.resource, "enabled", True):
                self._check_on_above()
            return {"enabled": enabled}
        enabled = page.is_enabled(self.step.key)
        return {**super().read_entry(page), "enabled": enabled}

    def _check_on_above(self) -> None:
        """An inherited rule off here that the step wants on: it can be switched on here only
        if every parent OU has it on. Read them (nearest first, up to the OU that sets it) and
        fail, before any write, naming the highest OU that has it off."""
        key, off = shown(self.step.key), None
        for unit in parents_of(self.org_unit):
            self.ctx.shell.open(self.page_name, unit)
            page = self.ctx.list_page(self.page_type)
            if key in page.names():  # where it is set: nothing above it matters
                off = off if page.is_enabled(key) else unit
                break
            if page.inherited_count(key) and not page.is_enabled(key, inherited=True):
                off = unit
        self.ctx.shell.open(self.page_name, self.org_unit)
        if off is not None:
            raise StepFailed(
                f"{self.noun} {self.step.key!r} is off in {off}, and {self.org_unit} inherits "
                f"it from there: it cannot be switched on in {self.org_unit} alone. Turn it on "
                f"in {off} first (a step with org_unit: {off}); nothing was changed"
            )

    def read_saved(self, page: P) -> dict[str, Any]:
        have = self.read_back(page)
        return {**have, "enabled": page.is_enabled(self.step.key)}

    def open_add(self, page: P) -> D:
        self.ctx.say(f"Add a {self.info.what}")
        return cast(D, page.open_add())

    def open_edit(self, page: P) -> D:
        return cast(D, page.open_edit(self.step.key))

    def fill_dialog(self, dialog: D, plan: Plan, *, rehearsal: bool) -> None:
        """Fill the setting; its routes must be listed (or, in a dry run, made by a step before).

        The routes are the rule's Change route and those of its Also deliver to copies.
        """
        ctx, fill = self.ctx, dict(plan.fill)
        self._offered = None
        copies = [dict(c) for c in fill.get("also_deliver_to") or []]
        wanted = [fill.get("change_route"), *(c.get("change_route") for c in copies)]
        unknown = [r for r in dict.fromkeys(wanted) if r is not None and not self._known(r, dialog)]
        for route in unknown:
            if not (rehearsal and shown(route) in ctx.planned[self.route_kind]):
                raise StepFailed(
                    f"route {route!r} is not in the console's Hosts list; "
                    "add it first (a mail_route step before this one)"
                )
            if fill.get("change_route") == route:
                fill["change_route"] = None
            for copy in copies:
                if copy.get("change_route") == route:
                    copy["change_route"] = None
            self.result.details["note"] = (
                f"route {route!r} is created by an earlier step; "
                "this dry run could not choose it yet"
            )
        if copies:
            fill["also_deliver_to"] = copies
        ctx.say(f"Fill the setting {self.step.key!r}", dialog.description_box)
        dialog.fill(fill)

    def _known(self, route: str, dialog: D) -> bool:
        """Whether the console lists the route (known from an earlier step, or offered)."""
        if shown(route) in self.ctx.known[self.route_kind]:
            return True
        if self._offered is None:
            self._offered = dialog.route_names()
        return shown(route) in self._offered

    def after_save(self, page: P, plan: Plan) -> P:
        """The switch, which the dialog does not hold: a create wanted off is disabled."""
        if plan.disable_after_create:
            return self._disable_created(page)
        if plan.switch is not None:
            self._switch(page, plan.switch)
        return page

    def flip(self, page: P, plan: Plan) -> None:
        """Only the switch differs: flip it; our create whose answer was lost is disabled."""
        first, enabled = self.first_attempt, bool(plan.switch)
        if first is None or first.action != "create" or enabled:
            self._switch(page, enabled)
            return
        self._disable_created(page)  # created live by an earlier attempt: never left so
        self.result.action, self.result.changes = "create", first.changes
        self.result.message = "created by an earlier attempt whose answer was lost, then disabled"

    def _disable_created(self, page: P) -> P:
        """Disable the rule just created live (the Add dialog cannot create it disabled).

        A transient failure is retried, after checking whether the switch went through; if
        the rule still cannot be disabled it is removed again, so no live rule is left that
        the runbook wants off. The page the step goes on with is returned.
        """
        failure: StepFailed | None = None
        for attempt in range(self.ctx.retries + 1):
            if attempt:
                backoff(attempt)
            try:
                self._switch(page, False)
                return page
            except SaveNotConfirmed as exc:
                failure = exc
                page = self._reopen()
                if not page.is_enabled(self.step.key):
                    return page  # the switch went through; its answer was lost
            except (SaveRejected, ConcurrentChange) as exc:
                failure = exc
                break
        assert failure is not None
        self._undo_create(failure)

    def _undo_create(self, failure: StepFailed) -> NoReturn:
        """Delete the rule this run created but could not disable; fail the step saying so."""
        key, result = self.step.key, self.result
        live = diff(None, {**self.step.resource.console_fields(), "enabled": True})
        try:
            self.ctx.say(f"Delete the {self.noun} {key!r}: it could not be disabled")
            self._reopen().delete(key)
        except RunbookError as exc:
            result.changes = live
            result.changes_state = "saved"  # what the console holds now: created, enabled
            result.details["left_enabled"] = True
            raise StepFailed(
                f"{self.noun.upper()} CREATED AND STILL ENABLED: {self.info.what} {key!r} was "
                f"created, but disabling it failed ({failure}) and deleting it failed too "
                f"({exc}). Disable or delete it in the console now."
            ) from exc
        result.changes = []
        result.details["removed_after_failed_disable"] = True
        raise StepFailed(
            f"{self.noun} {key!r} was created but could not be disabled ({failure}); it was "
            "deleted again, so the console is as before"
        ) from failure

    def _reopen(self) -> P:
        """The entries' page, loaded afresh (at the step's OU)."""
        return self.open_page(again=True)

    def _switch(self, page: P, enabled: bool) -> None:
        self.ctx.say(f"{'Enable' if enabled else 'Disable'} the {self.noun}")
        self.save_sent = True
        page.set_enabled(
            self.step.key, enabled, inherited=self.inherited, org_unit=self.result.org_unit
        )
        self.result.status = "changed"
