"""The `email_allowlist` step: the generic form step over the allowlist's one textbox."""

from __future__ import annotations

from typing import cast

from runbook.engine.steps.form import FormStep
from runbook.file.form import Form
from runbook_email_allowlist.model import EmailAllowlist


class EmailAllowlistStep(FormStep):
    """Set the Email allowlist: read, compare, set where it differs, save once, read back."""

    kind = "email_allowlist"

    @property
    def form(self) -> Form:
        return cast(EmailAllowlist, self.step.resource).as_form()


STEP_TYPE = EmailAllowlistStep
