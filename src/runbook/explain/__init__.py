"""`runbook explain`: a runbook as numbered console steps a person could follow by hand.

The core (`core.py`) writes the sentences, the click path, the numbering and the redaction;
each resource kind has its module `explain/<kind>.py` with an `EXPLAINER`, found by the kind's
name through the kinds registry (`runbook.file.kinds`). To add a kind: write that module and
add its prose keys to every locale (a test fails for a kind left out).
"""

from __future__ import annotations

from runbook.explain.core import KindExplainer, Writer, render
from runbook.file.kinds import KINDS, fault, kind_part, part_name, registered
from runbook.file.model import Runbook
from runbook.locales import Labels


def _explainer_of(kind: str) -> KindExplainer:
    """The `EXPLAINER` of a kind's explain module; anything else there fails loudly."""
    found = kind_part(kind, "explain")
    if not isinstance(found, KindExplainer):
        raise fault(
            kind,
            "explain",
            f"{part_name(kind, 'explain')}.EXPLAINER must be a KindExplainer, not {found!r}",
        )
    if found.page != KINDS[kind].page:
        raise fault(
            kind,
            "explain",
            f"EXPLAINER.page {found.page!r} is not the kind's page {KINDS[kind].page!r}",
        )
    return found


EXPLAINERS: dict[str, KindExplainer] = registered(_explainer_of)


def explainer(kind: str) -> KindExplainer:
    """How the steps of this resource kind are explained; a kind without one fails loudly."""
    try:
        return EXPLAINERS[kind]
    except KeyError:
        raise LookupError(
            f"no explain module for the resource kind {kind!r}; registered: "
            f"{', '.join(sorted(EXPLAINERS))}"
        ) from None


def explain(book: Runbook, locale: str, labels: Labels | None = None) -> str:
    """The runbook as numbered steps to follow by hand in the console, in `locale` (with a
    labels file's names, `labels`, when given)."""
    return render(Writer(locale, labels), book, explainer)
