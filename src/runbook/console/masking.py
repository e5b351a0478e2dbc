"""What a screenshot paints over: every element of the page that shows a secret."""

from __future__ import annotations

from collections.abc import Iterable

from playwright.sync_api import Locator, Page


def secret_masks(page: Page, secrets: Iterable[str]) -> list[Locator]:
    """The elements whose text holds a secret (list cells, menus, messages), and the text
    fields whose value does (a field's value is not its text)."""
    wanted = [s for s in secrets if s.strip()]
    if not wanted:
        return []
    shown = [page.get_by_text(secret) for secret in wanted]
    boxes = [
        box
        for box in page.get_by_role("textbox").all()
        if any(secret in box.input_value() for secret in wanted)
    ]
    return shown + boxes
