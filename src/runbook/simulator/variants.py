"""The real console's known variants, each of which the simulator can show (`--variant`).

`reference/console-ui.md` ("Variants and hazards") lists what walkthroughs of the real console
show; a tenant may show any of them, so the simulator can too, one by one or all at once. To
add a variant: its name and what it does in `VARIANTS`, then the place that consults it (its
wordings in each locale's `VARIANT_STRINGS`, the page script through `CFG.variants`, or the app).

`GET /_sim/variants` answers `{"active": [...], "known": {name: description}}`; `PUT` takes
`{"active": [...]}` (or a bare list) and replaces the active set; `/_sim/reset` clears it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from runbook.simulator.i18n import VARIANT_STRINGS

VARIANTS: dict[str, str] = {
    "caps": "buttons' accessible names in capitals (ADD ROUTE, SAVE, CONFIGURE, DELETE, ...)",
    "tls-wording-2": "the second wording of the TLS option (no '(Recommended)')",
    "plain-delete-dialog": "the delete confirmation is a role=dialog titled 'Delete {name}'",
    "no-refresh-after-delete": "a list keeps a deleted row until the page is reloaded",
    "row-links": "row actions (Edit, Delete) are links, not buttons",
    "page-not-inert": "the page behind an open dialog stays in the accessibility tree",
    "banner": "a 'Got it' / 'Dismiss' banner over the page swallows the first click",
    "reauth": (
        "a password-only 'Verify it's you' challenge mid-session, then back: at the first page,"
        " and again at the first save (the dialog open; the save refused until answered)"
    ),
    "ou-overridden": "an OU's own rules say 'Overridden' (the current status pattern), "
    "not 'Locally applied'",
    "automation-refused": "a browser reporting automation (navigator.webdriver) is refused "
    "after the email step, and at 'Verify it's you': 'Couldn't sign you in'",
    "session-hour": "a session ends one hour (of the simulator's clock, POST /_sim/clock) "
    "after its sign-in: then 'Verify it's you', the password and the code",
}

# The string keys of buttons that `caps` writes in capitals.
CAPS_KEYS = (
    "add_route",
    "save",
    "cancel",
    "configure",
    "add_another_rule",
    "delete",
    "edit",
    "test_tls",
    "add_host",
    "banner_got_it",
    "banner_dismiss",
    "dkim_generate_record",
    "dkim_start",
    "dkim_stop",
    "dkim_generate",
    "settings_override",
    "settings_inherit",
)

# The wordings a variant shows instead, per locale: each locale module's `VARIANT_STRINGS`.
TLS_WORDING_2 = {
    code: words["tls-wording-2"]["require_tls"] for code, words in VARIANT_STRINGS.items()
}
OVERRIDDEN = {
    code: words["ou-overridden"]["status_local"] for code, words in VARIANT_STRINGS.items()
}


class VariantError(ValueError):
    """A variant the simulator does not know, or a document that is not a list of them."""


def known() -> str:
    """The known variant names, for messages."""
    return ", ".join(VARIANTS)


def parse(names: Any) -> tuple[str, ...]:
    """The variants named (a list, or `{"active": [...]}`), checked, in registry order."""
    if isinstance(names, dict) and set(names) == {"active"}:
        names = names["active"]
    if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
        raise VariantError(f"expected a list of variant names; known: {known()}")
    unknown = sorted(set(names) - set(VARIANTS))
    if unknown:
        raise VariantError(f"unknown variant(s) {', '.join(unknown)}; known: {known()}")
    return tuple(n for n in VARIANTS if n in names)


def strings(base: Mapping[str, str], locale: str, active: Iterable[str]) -> dict[str, str]:
    """The page's strings as the active variants write them."""
    shown = dict(base)
    active = set(active)
    for name, words in VARIANT_STRINGS[locale].items():
        if name in active:
            shown.update(words)
    if "caps" in active:
        for key in CAPS_KEYS:
            shown[key] = shown[key].upper()
    return shown


class Variants:
    """The active variants, switched through the test API between tests."""

    def __init__(self, initial: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self.active: tuple[str, ...] = parse(list(initial))

    def set(self, doc: Any) -> tuple[str, ...]:
        """Replace the active variants."""
        active = parse(doc)
        with self._lock:
            self.active = active
        return active

    def reset(self) -> None:
        """No variant: the console as the help center describes it."""
        with self._lock:
            self.active = ()

    def __contains__(self, name: object) -> bool:
        return name in self.active

    def as_dict(self) -> dict[str, Any]:
        """JSON form, as `GET /_sim/variants` shows it."""
        return {"active": list(self.active), "known": dict(VARIANTS)}
