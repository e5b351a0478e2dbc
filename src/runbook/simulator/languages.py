"""The languages requests ask for that the simulator has no strings for: said, never silent.

A request whose `?hl=` names a language the simulator lacks is answered in the account's
language (`runbook.simulator.i18n.ACCOUNT_LANGUAGE`), as the real console answers a language it
does not offer; the simulator logs a warning the first time it is asked for each one, and
`GET /_sim/locales` lists them (until `POST /_sim/reset`) beside the languages it has.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qs

from runbook.simulator.i18n import ACCOUNT_LANGUAGE, LOCALES, known_locale
from runbook.simulator.renames import ASGIApp

log = logging.getLogger(__name__)


class Languages:
    """The languages one simulator was asked for and does not have."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.lacking: list[str] = []
        self._warned: set[str] = set()

    def asked(self, hl: str | None) -> None:
        """Note a request's `hl`: a language the simulator lacks is remembered and logged."""
        if not hl or known_locale(hl) is not None:
            return
        with self._lock:
            if hl not in self.lacking:
                self.lacking.append(hl)
            if hl in self._warned:
                return
            self._warned.add(hl)
        log.warning(
            "hl=%s: the simulator has no strings in that language (it has %s); "
            "it answers in %s, the account's language",
            hl,
            ", ".join(LOCALES),
            ACCOUNT_LANGUAGE,
        )

    def reset(self) -> None:
        """Forget the languages asked for (each is logged once per simulator all the same)."""
        with self._lock:
            self.lacking = []

    def as_dict(self) -> dict[str, Any]:
        """JSON form, as `GET /_sim/locales` shows it."""
        return {
            "known": list(LOCALES),
            "account_language": ACCOUNT_LANGUAGE,
            "lacking": list(self.lacking),
        }


class LanguageCheck:
    """ASGI middleware: every request's `hl` is noted before it is answered."""

    def __init__(self, app: ASGIApp, languages: Languages) -> None:
        self.app = app
        self.languages = languages

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            self.languages.asked(next(iter(query.get("hl", [])), None))
        await self.app(scope, receive, send)
