"""Controls renamed through the test API (`PUT /_sim/labels`): a console whose words changed.

`{"en": {"Add route": "New route"}}` makes every English string "Add route" of the pages read
"New route" (until `POST /_sim/reset`), so tests can show the tool a console it does not know.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from contextvars import ContextVar
from typing import Any

Renamed = Mapping[str, Mapping[str, str]]  # locale -> shown text -> the text shown instead
_ACTIVE: ContextVar[Renamed] = ContextVar("renamed", default={})  # noqa: B039 (read-only)


class RenameError(ValueError):
    """A `PUT /_sim/labels` body that is not `{"<locale>": {"<text>": "<new text>"}}`."""


class Renames:
    """The renamed texts of one simulator."""

    def __init__(self) -> None:
        self.by_locale: dict[str, dict[str, str]] = {}

    def update(self, doc: Any) -> None:
        """Rename texts (added to those renamed before)."""
        if not isinstance(doc, dict) or not all(
            isinstance(m, dict)
            and all(isinstance(k, str) and isinstance(v, str) and v for k, v in m.items())
            for m in doc.values()
        ):
            raise RenameError('expected {"<locale>": {"<text>": "<new text>", ...}, ...}')
        for locale, names in doc.items():
            self.by_locale.setdefault(str(locale), {}).update(names)

    def reset(self) -> None:
        self.by_locale = {}


ASGIApp = Callable[[MutableMapping[str, Any], Any, Any], Awaitable[None]]


class RenameScope:
    """ASGI middleware: a simulator's renames apply while it answers each request."""

    def __init__(self, app: ASGIApp, renames: Renames) -> None:
        self.app = app
        self.renames = renames

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        token = _ACTIVE.set(self.renames.by_locale)
        try:
            await self.app(scope, receive, send)
        finally:
            _ACTIVE.reset(token)


def renamed(locale: str, text: str) -> str:
    """The text the console shows for `text` in this request (renamed, or as it is)."""
    return _ACTIVE.get().get(locale, {}).get(text, text)
