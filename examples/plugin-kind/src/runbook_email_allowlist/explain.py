"""`explain` for the allowlist: the form's explanation (page, section, textbox, Save)."""

from __future__ import annotations

from typing import cast

from runbook.explain import form
from runbook.explain.core import Item, KindExplainer, Writer
from runbook.file.model import Runbook, Step
from runbook_email_allowlist.model import EmailAllowlist


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    as_form = cast(EmailAllowlist, step.resource).as_form()
    return form.present(w, book, step.model_copy(update={"form": as_form, "email_allowlist": None}))


EXPLAINER = KindExplainer(
    page="",
    set_title="set_form",
    remove_title="set_form",  # never used: `state: absent` is refused (KIND.instead_of_absent)
    present=present,
    absent=present,
)
