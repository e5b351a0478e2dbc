"""`runbook explain`: a runbook as numbered console steps a person could follow by hand.

The core (`core.py`) writes the sentences, the click path, the numbering and the redaction;
each resource kind has its module (`mail_route.py`, `routing_rule.py`, ...) registered below by its
kind key. To add a kind: write `explain/<kind>.py` with an `EXPLAINER`, register it in
`EXPLAINERS`, and add its prose keys to every locale (a test fails for a kind left out).
"""

from __future__ import annotations

from runbook.explain import default_routing, mail_route, routing_rule
from runbook.explain.core import KindExplainer, Writer, render
from runbook.file.model import Runbook

EXPLAINERS: dict[str, KindExplainer] = {
    "mail_route": mail_route.EXPLAINER,
    "routing_rule": routing_rule.EXPLAINER,
    "default_routing": default_routing.EXPLAINER,
}


def explainer(kind: str) -> KindExplainer:
    """How the steps of this resource kind are explained; a kind without one fails loudly."""
    try:
        return EXPLAINERS[kind]
    except KeyError:
        raise LookupError(
            f"no explain module for the resource kind {kind!r}; registered: "
            f"{', '.join(sorted(EXPLAINERS))}"
        ) from None


def explain(book: Runbook, locale: str) -> str:
    """The runbook as numbered steps to follow by hand in the console, in `locale`."""
    return render(Writer(locale), book, explainer)
