"""Masking of secret values in everything a run writes: logs, reports, summaries."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, MutableMapping
from typing import Any, TypeVar

MASK = "********"

T = TypeVar("T")


class Redactor:
    """Replaces every occurrence of a secret value with `********`.

    Secrets are the resolved values of `${env:NAME}` (and anything else the caller adds).
    Every non-empty secret is masked, however short: a one-character secret would mask that
    character everywhere, which makes reports hard to read but never leaks the value, so the
    choice of what counts as secret stays with the caller. Longer secrets are matched first,
    so a secret that contains another is masked whole.

    A `Redactor` is also a structlog processor: put it before the renderers.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str) -> None:
        """Mask `secret` from now on (empty strings are ignored)."""
        if secret and secret not in self._secrets:
            self._secrets.add(secret)
            ordered = sorted(self._secrets, key=lambda s: (-len(s), s))
            self._pattern = re.compile("|".join(re.escape(s) for s in ordered))

    @property
    def secrets(self) -> frozenset[str]:
        return frozenset(self._secrets)

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def __repr__(self) -> str:  # never show the secrets themselves
        return f"Redactor(<{len(self._secrets)} secret(s)>)"

    def text(self, text: str) -> str:
        """`text` with every secret occurrence replaced by `********`."""
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(MASK, text)

    def value(self, obj: T) -> T:
        """`obj` with secrets masked in every string, at any depth (a copy when masking is on).

        Walks dicts (keys and values), lists, tuples, sets and dataclass instances. Any other
        object (a number, a path, an exception) whose text contains a secret is replaced by
        that text, masked; otherwise it is returned unchanged.
        """
        return self._value(obj)  # type: ignore[no-any-return]

    def _value(self, obj: Any) -> Any:
        if self._pattern is None:
            return obj
        if isinstance(obj, str):
            return self.text(obj)
        if isinstance(obj, bool) or obj is None:
            return obj
        if isinstance(obj, dict):
            return {self._value(k): self._value(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [self._value(v) for v in obj]
        if isinstance(obj, tuple):
            return tuple(self._value(v) for v in obj)
        if isinstance(obj, set | frozenset):
            return type(obj)(self._value(v) for v in obj)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            changes = {
                f.name: self._value(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init
            }
            return dataclasses.replace(obj, **changes)
        try:
            shown = str(obj)
        except Exception:
            return obj
        masked = self.text(shown)
        return obj if masked == shown else masked

    def __call__(
        self, logger: Any, method_name: str, event_dict: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        """Structlog processor: mask secrets in the event name and every field."""
        if self._pattern is None:
            return event_dict
        return {self._value(k): self._value(v) for k, v in event_dict.items()}
