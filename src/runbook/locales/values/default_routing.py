"""A Default routing setting's field values -> the label keys of the controls that show them."""

from __future__ import annotations

from runbook.locales import LabelKey

DEFAULT_MATCH_KEYS: dict[str, LabelKey] = {
    "single_recipient": "dr_match_single_recipient",
    "pattern": "dr_match_pattern",
    "group": "dr_match_group",
    "all": "dr_match_all",
}
DEFAULT_MATCH_VALUE_KEYS: dict[str, LabelKey] = {
    "single_recipient": "match_value_single_address",
    "pattern": "match_value_pattern",
    "group": "match_value_group",
}
APPLY_TO_KEYS: dict[str, LabelKey] = {
    "unrecognized_only": "apply_unrecognized",
    "all_addresses": "apply_all",
}
