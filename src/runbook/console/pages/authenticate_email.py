"""The Gmail Authenticate email (DKIM) page and its "Generate new record" dialog."""

from __future__ import annotations

import re
from typing import Any, Literal, NoReturn

from playwright.sync_api import Locator, Page, expect

from runbook.console.failures import doing
from runbook.console.guard import WriteGuard
from runbook.console.hazards import Hazards
from runbook.console.locate import accessible_name, by_role
from runbook.console.moves import Cancel, Look, Move, Press
from runbook.console.page import Dialog, ListPage, SaveOutcome
from runbook.console.widgets import choose, current_choice, wait_loaded
from runbook.errors import SaveRejected, StepFailed
from runbook.locales import LabelKey, Labels, Role
from runbook.names import shown

Authentication = Literal["on", "off"]
STATUS_KEYS: dict[Authentication, LabelKey] = {
    "on": "dkim_authenticating",
    "off": "dkim_not_authenticating",
}
# Why the console refused Start, from its message (`StartRefused.reason`).
RefusalReason = Literal["not_found", "mismatch", "other"]
_SELECTOR = "(?P<selector>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)"


class GenerateTooEarly(SaveRejected):
    """The console would not generate a key yet: Gmail was turned on for the domain recently
    (24 to 72 hours). Trying again at once does not help."""


class StartRefused(StepFailed):
    """The console refused Start authentication (the record is not in DNS, or differs from the
    one shown); `message` is the console's own words, `reason` what they say."""

    def __init__(self, text: str, *, message: str, reason: RefusalReason) -> None:
        super().__init__(text)
        self.message = message
        self.reason = reason


def refusal_reason(labels: Labels, message: str) -> RefusalReason:
    """What the console's refusal of Start says: the record not found, differing, or else."""
    if labels.found_in("dkim_not_found", message):
        return "not_found"
    if labels.found_in("dkim_mismatch", message):
        return "mismatch"
    return "other"


def signing_selector(labels: Labels, text: str) -> str | None:
    """The selector of the key that still signs during a rotation, from the page's text (the
    "signed with the key of the selector …" note); None when the page shows no such note."""
    for name in labels.names("dkim_signing_with"):
        words = [re.escape(w) for w in name.split()]
        pattern = r"\s+".join(words).replace(re.escape("{selector}"), _SELECTOR)
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            return found["selector"].lower()
    return None


class AuthenticateEmailPage(ListPage, page="authenticate_email"):
    """Apps > Google Workspace > Gmail > Authenticate email: per domain, its DKIM record.

    The page's "list" is the domain menu (Selected domain): everything below it is the
    selected domain's. The rows, Edit and Delete of a `ListPage` table have no counterpart.
    """

    table_key = "dkim_domain_menu"  # the menu stands for the table (see `__init__`)

    @property
    def table(self) -> Locator:
        """What the page lists: the domains of its menu."""
        return self.domain_menu

    def __init__(
        self, page: Page, labels: Labels, guard: WriteGuard, hazards: Hazards | None = None
    ) -> None:
        super().__init__(page, labels, guard, hazards)
        self.main = page.get_by_role("main")
        self.domain_menu = by_role(page, "combobox", "dkim_domain_menu", labels, exact=False)
        self.statuses = {
            value: self.main.get_by_role("status").filter(has_text=self._exactly(key))
            for value, key in STATUS_KEYS.items()
        }
        self.status = self.statuses["on"].or_(self.statuses["off"])
        self.host_box = by_role(page, "textbox", "dkim_host_name", labels)
        self.value_box = by_role(page, "textbox", "dkim_txt_value", labels)
        self.generate_button = by_role(page, "button", "dkim_generate_record", labels)
        self.start_button = by_role(page, "button", "dkim_start", labels)
        self.stop_button = by_role(page, "button", "dkim_stop", labels)
        self.alert = self.main.get_by_role("alert")
        # The domain last chosen through `select`: a write goes to it even when the page was
        # loaded again since (the console then shows its primary domain).
        self.selected: str | None = None

    def _exactly(self, key: LabelKey) -> re.Pattern[str]:
        return accessible_name(self.labels.names(key))

    def _options(self) -> Locator:
        return self.page.get_by_role("listbox").get_by_role("option")

    # --- the domain menu ----------------------------------------------------------------------
    @doing("waiting for the authenticate_email page and its domain")
    def wait_ready(self) -> None:
        """Wait for the page, its domain menu and the selected domain's details."""
        if self._ready:
            return
        self.hazards.wait_for(self.page, self.heading)
        self.hazards.wait_for(self.page, self.domain_menu)
        self._wait_details()
        self._ready = True

    def _wait_details(self) -> None:
        """Wait until the selected domain's details have loaded (its status shows)."""
        wait_loaded(self.page, self.labels)
        self.hazards.wait_for(self.page, self.status)

    def _listed(self) -> list[str]:
        """Open the domain menu and read its options (the menu is left open)."""
        self.domain_menu.click()
        options = self._options()
        expect(options.first).to_be_visible()
        return [shown(t).lower() for t in options.all_inner_texts()]

    def _close_menu(self) -> None:
        self.domain_menu.press("Escape")
        expect(self._options()).to_have_count(0)

    @doing("reading the domains of the authenticate_email page")
    def names(self) -> list[str]:
        """The domains the menu lists, in console order (lower case, as shown)."""
        self.wait_ready()
        listed = self._listed()
        self._close_menu()
        return listed

    @doing("selecting the domain {domain!r}")
    def select(self, domain: str) -> None:
        """Choose the domain in the menu (nothing when it is selected) and wait for its details;
        a domain the menu does not list fails, naming the ones it does."""
        self.wait_ready()
        want = shown(domain).lower()
        if shown(current_choice(self.domain_menu)).lower() == want:
            self.selected = want
            return
        listed = self._listed()
        if want not in listed:
            self._close_menu()
            raise StepFailed(
                f"the console lists no domain {domain!r} (its domains: {', '.join(listed)})"
            )
        exactly = re.compile(rf"^\s*{re.escape(want)}\s*$", re.IGNORECASE)
        self.page.get_by_role("listbox").get_by_role("option", name=exactly).click()
        expect(self.domain_menu).to_have_text(re.compile(re.escape(want), re.IGNORECASE))
        self._wait_details()
        self.selected = want

    def _on_selected(self) -> None:
        """Wait for the page; choose the selected domain again if the page no longer shows it
        (it was loaded again, after a "Verify it's you")."""
        self.wait_ready()
        if self.selected is not None:
            self.select(self.selected)

    # --- reading ------------------------------------------------------------------------------
    @doing("reading the DKIM record of {domain!r}")
    def read(self, domain: str) -> dict[str, Any]:
        """The domain's DKIM state as shown: authentication on or off, the record to publish
        (None when blank: no key) and the selector still signing during a rotation."""
        self.select(domain)
        authentication: Authentication = "on" if self.statuses["on"].count() else "off"
        record = self.record_shown()
        return {
            "domain": shown(domain).lower(),
            "authentication": authentication,
            "host_name": record[0] if record else None,
            "txt_value": record[1] if record else None,
            "active_selector": signing_selector(self.labels, self.main.inner_text()),
        }

    @doing("reading the DKIM record shown")
    def record_shown(self) -> tuple[str, str] | None:
        """The host name and TXT value the page shows now; None when blank (no key)."""
        self.wait_ready()
        host = self.host_box.input_value().strip()
        value = self.value_box.input_value().strip()
        if not host and not value:
            return None
        return host, value

    # --- writing ------------------------------------------------------------------------------
    @doing("opening the Generate new record dialog")
    def open_generate(self) -> GenerateDialog:
        """Press "Generate new record" (for the domain last selected); the dialog, open."""
        self._on_selected()
        self.generate_button.click()
        dialog = GenerateDialog(self)
        dialog.wait_open()
        return dialog

    def start(self, what: str) -> None:
        """Press Start authentication and wait until the status says authenticating; the
        console's refusal is `StartRefused` (refused in read-only runs)."""
        self._switch(what, "on")

    def stop(self, what: str) -> None:
        """Press Stop authentication and wait until the status says not authenticating; a
        refusal is `SaveRejected` (refused in read-only runs)."""
        self._switch(what, "off")

    @doing("switching DKIM authentication {want} for {what}")
    def _switch(self, what: str, want: Authentication) -> None:
        verb = "start" if want == "on" else "stop"
        self.guard.allow(f"{verb} DKIM authentication for {what}")
        self._on_selected()
        button = self.start_button if want == "on" else self.stop_button
        button.click()
        self.hazards.wait_for(self.page, self.statuses[want].or_(self.alert))
        if self.statuses[want].count():
            return
        self._refused(what, verb, self.alert.all_inner_texts())

    def _refused(self, what: str, verb: str, texts: list[str]) -> NoReturn:
        message = "; ".join(t.strip() for t in texts if t.strip())
        said = f"the console refused to {verb} DKIM authentication for {what}: {message}"
        if verb == "stop":
            raise SaveRejected(said)
        raise StartRefused(said, message=message, reason=refusal_reason(self.labels, message))

    # What a table page has and this one does not.
    def row(self, name: str) -> Locator:
        raise NotImplementedError("the Authenticate email page lists domains in a menu, not rows")

    def delete(self, name: str) -> None:
        raise NotImplementedError("a domain is not deleted on the Authenticate email page")


class GenerateDialog(Dialog):
    """The "Generate new record" dialog: DKIM key bit length and Prefix selector."""

    def __init__(self, owner: AuthenticateEmailPage) -> None:
        super().__init__(owner, "dkim_dialog")
        labels, root = self.labels, self.root
        self.bits_menu = by_role(root, "combobox", "dkim_key_bits", labels, exact=False)
        self.selector_box = by_role(root, "textbox", "dkim_selector", labels)
        self.save_button = by_role(root, "button", "dkim_generate", labels)

    @doing("waiting for the {self.title} dialog")
    def wait_open(self) -> None:
        """Wait for the dialog and its fields (a late dialog loads them after it shows)."""
        self.owner.hazards.wait_for(self.page, self.root)
        self.owner.hazards.wait_for(self.page, self.selector_box)
        expect(self.bits_menu).to_be_visible()

    @doing("reading the {self.title} dialog")
    def read(self) -> dict[str, Any]:
        """The dialog's fields: `selector` and `key_bits` as it shows them."""
        bits = current_choice(self.bits_menu)
        digits = re.match(r"\d+", bits)
        return {
            "selector": self.selector_box.input_value().strip(),
            "key_bits": int(digits.group()) if digits else bits,
        }

    @doing("filling the {self.title} dialog")
    def fill(self, selector: str, key_bits: int) -> None:
        """Make the dialog show this selector and key length, touching only what differs."""
        have = self.read()
        if have["key_bits"] != key_bits:
            choose(self.page, self.bits_menu, str(key_bits))
        self.set_text(self.selector_box, selector, have["selector"])

    @doing("generating {what}")
    def save(self, what: str) -> None:
        """Press Generate and wait for the dialog to close (refused in read-only runs); the
        console's refusal is `SaveRejected`, `GenerateTooEarly` for a domain too new."""
        self.guard.allow(f"generate {what}")
        self.owner.reloading()
        outcome = SaveOutcome(self.page, self.labels, self.root, self.owner.hazards)
        self.save_button.click()
        try:
            outcome.wait(what)
        except SaveRejected as exc:
            if self.labels.found_in("dkim_too_early", str(exc)):
                raise GenerateTooEarly(str(exc)) from None
            raise
        self.owner.wait_ready()


# What `runbook probe` does on this page, read-only (the moves: `console/moves.py`).
WALK: tuple[Move, ...] = (
    Look(
        (
            "authenticate_email_heading",
            "dkim_domain_menu",
            "dkim_host_name",
            "dkim_txt_value",
            "dkim_generate_record",
        ),
        either=("dkim_start", "dkim_stop"),
    ),
    Press("dkim_generate_record", opens="dkim_dialog"),
    Look(("dkim_key_bits", "dkim_selector", "dkim_generate", "cancel")),
    Cancel(),
)

# Keys of this page a read-only walk does not reach, by the place that shows them: the status
# (a status is named by its text, not an accessible name), the rotation's note, the refusals.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
    "authenticate_email/status": (
        "dkim_authenticating",
        "dkim_not_authenticating",
        "dkim_signing_with",
    ),
    "authenticate_email/errors": ("dkim_not_found", "dkim_mismatch"),
    "authenticate_email/dkim_dialog/errors": ("dkim_too_early",),
}

# The roles of the label keys this page uses.
ROLES: dict[LabelKey, Role] = {
    "nav_authenticate_email": "link",
    "authenticate_email_heading": "heading",  # level 1
    "dkim_domain_menu": "combobox",  # its options: the organization's domains
    "dkim_authenticating": "status",  # the text of the status, in main
    "dkim_not_authenticating": "status",
    "dkim_signing_with": "paragraph",  # part of a note during a rotation, {selector}
    "dkim_host_name": "textbox",  # read-only
    "dkim_txt_value": "textbox",  # read-only
    "dkim_generate_record": "button",
    "dkim_start": "button",
    "dkim_stop": "button",
    "dkim_dialog": "dialog",
    "dkim_key_bits": "combobox",  # in the dialog: 2048, 1024
    "dkim_selector": "textbox",  # in the dialog
    "dkim_generate": "button",  # in the dialog
    "dkim_too_early": "alert",  # part of the dialog's refusal to generate
    "dkim_not_found": "alert",  # part of the refusal of Start, in main
    "dkim_mismatch": "alert",  # part of it
}
