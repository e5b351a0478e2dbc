"""The Modify / Reject options' values -> the label keys of the controls that show them."""

from __future__ import annotations

from runbook.locales import LabelKey

ACTION_KEYS: dict[str, LabelKey] = {
    "modify_message": "modify_message",
    "reject_message": "reject_message",
}
