"""Names as the console shows them: how entry names are compared and placed everywhere."""

from __future__ import annotations


def shown(text: str) -> str:
    """`text` as a page displays it: runs of whitespace collapsed to one space, ends stripped.

    HTML renders a name typed with two spaces with one, accessible names are computed the
    same way, and so are the list's cells: two names that show the same are the same entry.
    Values whose whitespace matters (an envelope pattern) are never compared this way.
    """
    return " ".join(text.split())


def placed(resource: str, org_unit: str | None) -> str:
    """`resource`, and its OU when it is placed below the top: "Sales mail (in /Sales)"."""
    return resource if org_unit in (None, "/") else f"{resource} (in {org_unit})"
