"""The console's languages: per locale, the accessible names of its controls and explain's prose.

One module per locale (`en.py`, `fr.py`: the list of locales is the files present, see
`runbook.locales.catalogues`) holds `LABELS` (label key -> the accepted accessible names, the
first the one `explain` prints and log messages use), `PROSE` (the sentences of
`runbook explain`), `QUOTES` and `BROWSER_LOCALE` (the browser's language for that console).
Page objects locate every control by ARIA role and any of its accepted names (see
`runbook.console.locate`); `explain` writes the first. No Playwright here (cheap to import).

To add a locale: write `locales/<code>.py` with every key of `LabelKey` and `ProseKey` (a test
checks that each locale has exactly the same keys); nothing else names it. To add a label: add
its key to `LabelKey` and `ROLES`, then its names to every locale module.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from runbook.locales.catalogues import DEFAULT_LOCALE as DEFAULT_LOCALE
from runbook.locales.catalogues import LOCALES as LOCALES
from runbook.locales.catalogues import Catalogue as Catalogue
from runbook.locales.catalogues import Labels as Labels
from runbook.locales.catalogues import Locale as Locale
from runbook.locales.catalogues import catalogue as catalogue
from runbook.locales.catalogues import check_locale as check_locale
from runbook.locales.catalogues import missing_keys as missing_keys

# The ARIA roles the catalogue's controls have (a subset of Playwright's `get_by_role` roles).
Role = Literal[
    "alert",
    "alertdialog",
    "button",
    "cell",
    "checkbox",
    "columnheader",
    "combobox",
    "dialog",
    "group",
    "heading",
    "link",
    "navigation",
    "option",
    "list",
    "progressbar",
    "radio",
    "region",
    "searchbox",
    "status",
    "switch",
    "table",
    "textbox",
    "tree",
]

LabelKey = Literal[
    "main_menu",
    "nav_apps",
    "nav_workspace",
    "nav_gmail",
    "nav_hosts",
    "nav_routing",
    "nav_default_routing",
    "org_units",
    "org_search",
    "loading",
    "saved_note",
    "status_inherited",
    "status_local",
    "signin_heading",
    "signin_email",
    "signin_password",
    "signin_code",
    "signin_next",
    "reauth_heading",
    "signin_refused",
    "banner_got_it",
    "banner_dismiss",
    "hosts_heading",
    "add_route",
    "routes_table",
    "col_name",
    "col_description",
    "edit",
    "delete",
    "delete_route_title",
    "delete_rule_title",
    "delete_named_title",
    "route_dialog",
    "route_dialog_edit",
    "route_name",
    "server_menu",
    "single_host",
    "multiple_hosts",
    "host",
    "port",
    "load",
    "primary",
    "secondary",
    "host_row",
    "add_host",
    "remove_host",
    "options",
    "mx_lookup",
    "require_tls",
    "require_ca",
    "validate_hostname",
    "test_tls",
    "tls_passed",
    "tls_failed",
    "save",
    "concurrent_change",
    "concurrent_gone",
    "name_taken",
    "save_failed",
    "cancel",
    "routing_heading",
    "configure",
    "add_another_rule",
    "rules_table",
    "rule_enabled",
    "rule_dialog",
    "rule_dialog_edit",
    "rule_description",
    "messages_group",
    "msg_inbound",
    "msg_outbound",
    "msg_internal_sending",
    "msg_internal_receiving",
    "action_menu",
    "modify_message",
    "reject_message",
    "route_group",
    "change_route",
    "route_menu",
    "normal_routing",
    "show_options",
    "account_types",
    "acct_users",
    "acct_groups",
    "acct_unrecognized",
    "envelope_filter",
    "env_senders",
    "env_recipients",
    "env_senders_check",
    "env_recipients_check",
    "match_menu",
    "match_single_address",
    "match_pattern",
    "match_group",
    "match_value_single_address",
    "match_value_pattern",
    "match_value_group",
    "default_routing_heading",
    "default_rules_table",
    "recipients_menu",
    "dr_recipients_group",
    "dr_match_single_recipient",
    "dr_match_pattern",
    "dr_match_group",
    "dr_match_all",
    "dr_action_menu",
    "rejection_notice",
    "apply_unrecognized",
    "apply_all",
    # the Modify / Reject options (file/message_options.py), shared by Default routing
    "headers_group",
    "hdr_original_to",
    "hdr_spam",
    "hdr_custom",
    "custom_headers_list",
    "add_item",
    "remove_item",
    "header_dialog",
    "header_key",
    "header_value",
    "subject_group",
    "prepend_subject",
    "subject_text",
    "also_reroute_spam",
    "suppress_bounces",
    "envelope_recipient_group",
    "change_envelope",
    "envelope_menu",
    "envelope_recipient",
    "envelope_username",
    "envelope_domain",
    "envelope_value_recipient",
    "envelope_value_username",
    "envelope_value_domain",
    "spam_group",
    "bypass_spam",
    "attachments_group",
    "remove_attachments",
    "deliver_group",
    "add_recipients",
    "recipients_list",
    "recipient_dialog",
    "recipient_mode",
    "recipient_basic",
    "recipient_advanced",
    "recipient_address",
    "copy_no_spam",
    "copy_suppress_bounces",
    "encryption_group",
    "require_secure_transport",
]

ProseKey = Literal[
    "title",
    "sign_in",
    "go_to",
    "org_unit",
    "org_top",
    "inherited_off",
    "inherited_on",
    "inherited_off_title",
    "inherited_on_title",
    "add_route",
    "edit_route",
    "route_name",
    "server_menu",
    "single_host",
    "table",
    "row",
    "no_secondary",
    "loads",
    "options",
    "check",
    "uncheck",
    "test_tls",
    "save",
    "delete_route",
    "scroll_routing",
    "add_rule",
    "edit_rule",
    "description",
    "messages",
    "messages_off_one",
    "messages_off_many",
    "action",
    "change_route",
    "existing_route",
    "show_options",
    "accounts",
    "accounts_off_one",
    "accounts_off_many",
    "envelope",
    "envelope_side",
    "envelope_none",
    "disable",
    "delete_rule",
    "and",
    "secret_value",
    "remove_route",
    "remove_rule",
    "set_route",
    "set_rule",
    "add_default_rule",
    "edit_default_rule",
    "dr_recipients",
    "dr_recipients_all",
    "rejection_notice",
    "dr_apply_to",
    "disable_default_rule",
    "delete_default_rule",
    "remove_default_rule",
    "set_default_rule",
    # the Modify / Reject options (explain/message_options.py)
    "in_group",
    "custom_header",
    "enter_text",
    "envelope_recipient",
    "deliver",
    "copy_basic",
    "copy_advanced",
    "copy_route",
    "copy_flag_on",
    "copy_flag_off",
    "others_off",
]

# The role of each control, whatever the language (`runbook labels` prints key, role, names).
# A few names serve a second role too: `main_menu` also names the navigation it opens.
ROLES: dict[LabelKey, Role] = {
    "main_menu": "button",  # opens the navigation of the same name
    "nav_apps": "button",  # aria-expanded, in the navigation
    "nav_workspace": "button",  # aria-expanded
    "nav_gmail": "button",  # aria-expanded
    "nav_hosts": "link",
    "nav_routing": "link",
    "nav_default_routing": "link",
    "org_units": "tree",
    "org_search": "searchbox",  # filters the OU picker's tree
    "loading": "progressbar",  # while a list loads
    "saved_note": "status",  # part of the text shown after a save
    "status_inherited": "cell",  # status of a rule inherited from a parent OU
    "status_local": "cell",  # status of a rule set in this OU (either wording)
    "signin_heading": "heading",
    "signin_email": "textbox",
    "signin_password": "textbox",
    "signin_code": "textbox",  # 2-step verification
    "signin_next": "button",
    "reauth_heading": "heading",  # the mid-session, password-only "Verify it's you"
    "signin_refused": "heading",  # Google's refusal of a browser under automation
    "banner_got_it": "button",  # a banner over the page (it may swallow a click)
    "banner_dismiss": "button",
    "hosts_heading": "heading",  # level 1
    "add_route": "button",
    "routes_table": "table",
    "col_name": "columnheader",  # of the routes table
    "col_description": "columnheader",  # of the rules table
    "edit": "button",  # in a row
    "delete": "button",  # in a row and in the confirmation
    "delete_route_title": "alertdialog",
    "delete_rule_title": "alertdialog",
    "delete_named_title": "dialog",  # a delete confirmation seen as a plain dialog, {name}
    "route_dialog": "dialog",
    "route_dialog_edit": "dialog",  # when editing
    "route_name": "textbox",
    "server_menu": "combobox",  # section "1. Specify email server"
    "single_host": "option",
    "multiple_hosts": "option",
    "host": "textbox",
    "port": "textbox",
    "load": "textbox",  # in a multiple-hosts row
    "primary": "group",  # table of primary hosts
    "secondary": "group",
    "host_row": "group",  # one row of a primary/secondary table; {n} is its number
    "add_host": "button",  # inside the Primary/Secondary group
    "remove_host": "button",  # inside a row group
    "options": "group",  # section "2. Options"
    "mx_lookup": "checkbox",
    "require_tls": "checkbox",
    "require_ca": "checkbox",
    "validate_hostname": "checkbox",
    "test_tls": "button",
    "tls_passed": "status",  # text
    "tls_failed": "alert",  # text, with the bounce warning
    "save": "button",
    "concurrent_change": "alert",  # part of the stale-edit error
    "concurrent_gone": "alert",  # part of the error for a deleted entry
    "name_taken": "alert",  # part of the error for a name or description taken
    "save_failed": "alert",  # part of the error worth a retry
    "cancel": "button",
    "routing_heading": "heading",  # level 1; also the section's region
    "configure": "button",  # no rule yet
    "add_another_rule": "button",
    "rules_table": "table",
    "rule_enabled": "switch",  # in a rule row
    "rule_dialog": "dialog",
    "rule_dialog_edit": "dialog",  # when editing
    "rule_description": "textbox",
    "messages_group": "group",  # section 1
    "msg_inbound": "checkbox",
    "msg_outbound": "checkbox",
    "msg_internal_sending": "checkbox",
    "msg_internal_receiving": "checkbox",
    "action_menu": "combobox",  # section 2
    "modify_message": "option",
    "reject_message": "option",
    "route_group": "group",  # under Modify message
    "change_route": "checkbox",
    "route_menu": "combobox",  # lists the Hosts routes
    "normal_routing": "option",
    "show_options": "button",  # a link-styled control
    "account_types": "group",
    "acct_users": "checkbox",
    "acct_groups": "checkbox",
    "acct_unrecognized": "checkbox",
    "envelope_filter": "group",
    "env_senders": "group",
    "env_recipients": "group",
    "env_senders_check": "checkbox",
    "env_recipients_check": "checkbox",
    "match_menu": "combobox",  # inside an envelope group
    "match_single_address": "option",
    "match_pattern": "option",
    "match_group": "option",
    "match_value_single_address": "textbox",
    "match_value_pattern": "textbox",
    "match_value_group": "textbox",
    "default_routing_heading": "heading",  # level 1; also the section's region
    "default_rules_table": "table",
    "recipients_menu": "combobox",  # section 1 of the Default routing dialog
    "dr_recipients_group": "group",  # section 1 itself: its menu and the value
    "dr_match_single_recipient": "option",
    "dr_match_pattern": "option",
    "dr_match_group": "option",
    "dr_match_all": "option",
    "dr_action_menu": "combobox",  # section 2 of the Default routing dialog
    "rejection_notice": "textbox",  # under Reject message
    "apply_unrecognized": "radio",  # section 3, Options
    "apply_all": "radio",
    "headers_group": "group",
    "hdr_original_to": "checkbox",
    "hdr_spam": "checkbox",
    "hdr_custom": "checkbox",
    "custom_headers_list": "list",
    "add_item": "button",  # in Headers and in Also deliver to
    "remove_item": "button",  # in a listed header or recipient
    "header_dialog": "dialog",
    "header_key": "textbox",
    "header_value": "textbox",  # also read-only in the list
    "subject_group": "group",
    "prepend_subject": "checkbox",
    "subject_text": "textbox",
    "also_reroute_spam": "checkbox",
    "suppress_bounces": "checkbox",
    "envelope_recipient_group": "group",
    "change_envelope": "checkbox",
    "envelope_menu": "combobox",
    "envelope_recipient": "option",
    "envelope_username": "option",
    "envelope_domain": "option",
    "envelope_value_recipient": "textbox",
    "envelope_value_username": "textbox",
    "envelope_value_domain": "textbox",
    "spam_group": "group",
    "bypass_spam": "checkbox",
    "attachments_group": "group",
    "remove_attachments": "checkbox",
    "deliver_group": "group",
    "add_recipients": "checkbox",
    "recipients_list": "list",
    "recipient_dialog": "dialog",
    "recipient_mode": "combobox",  # Basic / Advanced; read-only text in the list
    "recipient_basic": "option",
    "recipient_advanced": "option",
    "recipient_address": "textbox",
    "copy_no_spam": "checkbox",
    "copy_suppress_bounces": "checkbox",
    "encryption_group": "group",
    "require_secure_transport": "checkbox",
}

# Runbook field values -> the label keys of the controls that show them.
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
ACTION_KEYS: dict[str, LabelKey] = {
    "modify_message": "modify_message",
    "reject_message": "reject_message",
}
MATCH_KEYS: dict[str, LabelKey] = {
    "single_address": "match_single_address",
    "pattern": "match_pattern",
    "group": "match_group",
}
# Default routing: the recipients to match, and whom the action applies to.
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
MATCH_VALUE_KEYS: dict[str, LabelKey] = {
    "single_address": "match_value_single_address",
    "pattern": "match_value_pattern",
    "group": "match_value_group",
}

V = TypeVar("V")
# (V: a runbook value, the key of a value -> label key map: see `Labels.value_of`)
