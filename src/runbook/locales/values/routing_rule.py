"""A routing rule's field values -> the label keys of the controls that show them."""

from __future__ import annotations

from runbook.locales import LabelKey

MESSAGE_KEYS: dict[str, LabelKey] = {
    "inbound": "msg_inbound",
    "outbound": "msg_outbound",
    "internal_sending": "msg_internal_sending",
    "internal_receiving": "msg_internal_receiving",
}
ACCOUNT_TYPE_KEYS: dict[str, LabelKey] = {
    "users": "acct_users",
    "groups": "acct_groups",
    "unrecognized_catch_all": "acct_unrecognized",
}
MATCH_KEYS: dict[str, LabelKey] = {
    "single_address": "match_single_address",
    "pattern": "match_pattern",
    "group": "match_group",
}
MATCH_VALUE_KEYS: dict[str, LabelKey] = {
    "single_address": "match_value_single_address",
    "pattern": "match_value_pattern",
    "group": "match_value_group",
}
