"""English: the console's accessible names and the prose of `runbook explain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package reads this module as it starts: its label keys
    from runbook.locales import LabelKey, ProseKey

# Entries marked [?] are not confirmed by Google's own text (see the project's console
# reference): keep them here, so that a change in the real console is a change of one line.

LABELS: dict[LabelKey, tuple[str, ...]] = {
    "main_menu": ("Main menu",),
    "nav_apps": ("Apps",),
    "nav_workspace": ("Google Workspace",),
    "nav_gmail": ("Gmail",),
    "nav_hosts": ("Hosts",),
    "nav_routing": ("Routing",),
    "nav_default_routing": ("Default routing",),
    "nav_authenticate_email": ("Authenticate email",),
    "org_units": ("Organizational units",),
    "org_search": ("Search for organizational units",),  # [?]
    "loading": ("Loading",),
    "saved_note": ("up to 24 hours",),
    "status_inherited": ("Inherited",),
    "status_local": ("Locally applied", "Overridden"),
    "signin_heading": ("Sign in",),
    "signin_email": ("Email or phone",),
    "signin_password": ("Enter your password",),
    "signin_code": ("Enter code",),
    "signin_next": ("Next",),
    "reauth_heading": ("Verify it's you",),
    "signin_refused": ("Couldn’t sign you in", "Couldn't sign you in"),
    "banner_got_it": ("Got it",),
    "banner_dismiss": ("Dismiss",),
    "hosts_heading": ("Hosts",),
    "add_route": ("Add route",),
    "routes_table": ("Mail routes",),  # [?]
    "col_name": ("Name",),
    "col_description": ("Description",),
    "edit": ("Edit",),
    "delete": ("Delete",),
    "delete_route_title": ("Delete mail route?",),  # [?]
    "delete_rule_title": ("Delete setting?",),  # [?]
    "delete_named_title": ("Delete {name}",),
    "route_dialog": ("Add mail route",),
    "route_dialog_edit": ("Edit mail route",),  # [?]
    "route_name": ("Name",),
    "server_menu": ("Specify email server",),
    "single_host": ("Single host",),
    "multiple_hosts": ("Multiple hosts",),
    "host": ("Host name or IP",),  # [?]
    "port": ("Port",),  # [?]
    "load": ("% load",),
    "primary": ("Primary",),
    "secondary": ("Secondary",),
    "host_row": ("Host {n}",),  # [?]
    "add_host": ("Add host",),  # [?]
    "remove_host": ("Remove host",),  # [?]
    "options": ("Options",),
    "mx_lookup": ("Perform MX lookup on host",),
    "require_tls": (
        "Require mail to be transmitted via a secure (TLS) connection (Recommended)",
        "Require mail to be transmitted over a secure transport (TLS) connection",
    ),
    "require_ca": ("Require CA signed certificate (Recommended)",),
    "validate_hostname": ("Validate certificate hostname (Recommended)",),
    "test_tls": ("Test TLS connection",),
    "tls_passed": ("TLS connection succeeded",),  # [?]
    "tls_failed": ("TLS connection failed",),  # [?]
    "save": ("Save",),
    "concurrent_change": ("changed by someone else",),  # [?]
    "concurrent_gone": ("no longer exists",),  # [?]
    "name_taken": ("already exists",),  # [?]
    "save_failed": ("couldn't save your changes",),  # [?]
    "cancel": ("Cancel",),
    "nav_spam": ("Spam, phishing and malware",),
    "spam_heading": ("Spam, phishing and malware",),
    "settings_override": ("Override",),
    "settings_inherit": ("Inherit",),
    "settings_inherit_title": ("Inherit settings?",),  # [?]
    "routing_heading": ("Routing",),
    "configure": ("Configure",),
    "add_another_rule": ("Add another rule",),
    "rules_table": ("Routing rules",),  # [?]
    "rule_enabled": ("Enabled",),  # [?]
    "rule_dialog": ("Add setting",),
    "rule_dialog_edit": ("Edit setting",),  # [?]
    "rule_description": ("Description",),  # [?]
    "messages_group": ("Email messages to affect",),
    "msg_inbound": ("Inbound",),
    "msg_outbound": ("Outbound",),
    "msg_internal_sending": ("Internal - sending",),
    "msg_internal_receiving": ("Internal - receiving",),
    "action_menu": ("For the above types of messages, do the following",),
    "modify_message": ("Modify message",),
    "reject_message": ("Reject message",),
    "route_group": ("Route",),
    "change_route": ("Change route",),
    "route_menu": ("Route to",),  # [?]
    "normal_routing": ("Normal routing",),  # [?]
    "show_options": ("Show options",),
    "account_types": ("Account types to affect",),
    "acct_users": ("Users",),
    "acct_groups": ("Groups",),
    "acct_unrecognized": ("Unrecognized / Catch-all",),
    "envelope_filter": ("Envelope filter",),
    "env_senders": ("Envelope senders",),  # [?]
    "env_recipients": ("Envelope recipients",),  # [?]
    "env_senders_check": ("Only affect specific envelope senders",),
    "env_recipients_check": ("Only affect specific envelope recipients",),
    "match_menu": ("Match type",),  # [?]
    "match_single_address": ("Single email address",),
    "match_pattern": ("Pattern match",),
    "match_group": ("Group membership",),
    "match_value_single_address": ("Email address",),  # [?]
    "match_value_pattern": ("Regexp",),
    "match_value_group": ("Group email address",),  # [?]
    "default_routing_heading": ("Default routing",),
    "default_rules_table": ("Default routing settings",),  # [?]
    "recipients_menu": ("Specify envelope recipients to match",),
    "dr_recipients_group": ("1. Specify envelope recipients to match",),
    "dr_match_single_recipient": ("Single recipient",),
    "dr_match_pattern": ("Pattern match",),
    "dr_match_group": ("Group membership",),
    "dr_match_all": ("All recipients",),
    "dr_action_menu": ("If the envelope recipient matches the above, do the following",),
    "rejection_notice": ("Customize rejection notice",),
    "apply_unrecognized": ("Perform this action only on non-recognized addresses",),
    "apply_all": ("Perform this action on non-recognized and recognized addresses",),
    "headers_group": ("Headers",),
    "hdr_original_to": ("Add X-Gm-Original-To header",),
    "hdr_spam": ("Add X-Gm-Spam and X-Gm-Phishy headers",),
    "hdr_custom": ("Add custom headers",),
    "custom_headers_list": ("Custom headers",),  # [?]
    "add_item": ("Add",),
    "remove_item": ("Remove",),  # [?]
    "header_dialog": ("Add custom header",),  # [?]
    "header_key": ("Header key",),
    "header_value": ("Header value",),
    "subject_group": ("Subject",),
    "prepend_subject": ("Prepend custom subject",),
    "subject_text": ("Custom subject",),  # [?]
    "also_reroute_spam": ("Also reroute spam",),
    "suppress_bounces": ("Suppress bounces from this message",),
    "envelope_recipient_group": ("Envelope recipient",),
    "change_envelope": ("Change envelope recipient",),
    "envelope_menu": ("Replace",),  # [?]
    "envelope_recipient": ("Replace recipient",),
    "envelope_username": ("Replace username",),  # [?]
    "envelope_domain": ("Replace domain",),
    "envelope_value_recipient": ("Email address",),
    "envelope_value_username": ("Username",),  # [?]
    "envelope_value_domain": ("Domain",),  # [?]
    "spam_group": ("Spam",),
    "bypass_spam": ("Bypass spam filter for this message",),
    "attachments_group": ("Attachments",),
    "remove_attachments": ("Remove attachments from this message",),
    "deliver_group": ("Also deliver to",),
    "add_recipients": ("Add more recipients",),
    "recipients_list": ("Recipients",),  # [?]
    "recipient_dialog": ("Add recipient",),  # [?]
    "recipient_mode": ("Recipient type",),  # [?]
    "recipient_basic": ("Basic",),
    "recipient_advanced": ("Advanced",),
    "recipient_address": ("Email address",),
    "copy_no_spam": ("Do not deliver spam to this recipient",),
    "copy_suppress_bounces": ("Suppress bounces from this recipient",),
    "encryption_group": ("Encryption (onward delivery only)",),
    "require_secure_transport": ("Require secure transport (TLS)",),
    # Authenticate email (DKIM) page and its "Generate new record" dialog (reference: dkim.md)
    "authenticate_email_heading": ("Authenticate email",),
    "dkim_domain_menu": ("Selected domain",),
    "dkim_authenticating": ("Authenticating email with DKIM",),
    "dkim_not_authenticating": ("Not authenticating email",),
    # while an older key still signs during a rotation; {selector}: that key's selector
    "dkim_signing_with": (
        "email is signed with the key of the selector {selector}",  # [?] (the simulator's)
    ),
    "dkim_host_name": ("DNS Host name (TXT record name)",),
    "dkim_txt_value": ("TXT record value",),
    "dkim_generate_record": ("Generate new record",),
    "dkim_start": ("Start authentication",),
    "dkim_stop": ("Stop authentication",),
    "dkim_dialog": ("Generate new record",),
    "dkim_key_bits": ("DKIM key bit length",),
    "dkim_selector": ("Prefix selector",),
    "dkim_generate": ("Generate",),
    "dkim_too_early": ("DKIM record not created",),  # [?] (Google's German: "nicht erstellt")
    "dkim_not_found": ("was not found in DNS",),  # [?] part of the refusal of Start
    "dkim_mismatch": ("does not match the TXT record value",),  # [?] part of it
}

# The prose around the console's names. `{…}` fields are filled with quoted console names or
# values; nothing here names a control on its own.
PROSE: dict[ProseKey, str] = {
    "title": "Runbook {name}",
    "sign_in": "Sign in to the Admin console ({url}) as an administrator, then follow these "
    "steps in order.",
    "go_to": "In the Admin console, go to {path}.",
    "org_unit": "In the organizational unit picker on the left ({tree}), select {ou}.",
    "org_top": "In the organizational unit picker on the left ({tree}), select the top "
    "organizational unit (your domain).",
    "inherited_off": "In the {section} section, find the rule {name}, marked {status}: it is "
    "inherited from a parent organizational unit and cannot be edited here. Turn off {switch} "
    "on its row; the rule stays on in the parent.",
    "inherited_on": "In the {section} section, find the rule {name}, marked {status}: it is "
    "inherited from a parent organizational unit and cannot be edited here. If {switch} is "
    "off on its row, turn it on.",
    "inherited_off_title": "Turn off the inherited rule {name} in this organizational unit",
    "inherited_on_title": "Keep the inherited rule {name} on in this organizational unit",
    "add_route": "Click {add_route}. The {dialog} dialog opens.",
    "edit_route": "(If the list already has a route named {name}, click {edit} on its row "
    "instead; the {dialog} dialog opens: make every field below match.)",
    "route_name": "In {field}, enter {name}.",
    "server_menu": "Under {menu}, click the menu and select {choice}.",
    "single_host": "In {host}, enter {value}; in {port}, enter {number}.",
    "table": "Under {table}, enter one row per host ({add_host} adds a row):",
    "row": "{host}: {value}, {port}: {number}, {load}: {percent}",
    "no_secondary": "Leave the {table} table empty.",
    "loads": "The {load} values of each table must total 100.",
    "options": "Under {options}:",
    "check": "check {box}",
    "uncheck": "leave {box} unchecked",
    "test_tls": "Click {button} and read the result ({passed}). If the test fails, fix the "
    "server first: saving a route whose certificate checks fail can bounce mail.",
    "save": "Click {save}. Changes can take up to 24 hours to take effect.",
    "delete_route": "In the list, find the route {name} and click {delete} on its row; in "
    "the {dialog} dialog, click {delete}. If there is no such route, there is nothing to do.",
    "scroll_routing": "Scroll down to the {section} section.",
    "add_rule": "Click {configure} (or {add_another}, when the section already has rules). "
    "The {dialog} dialog opens.",
    "edit_rule": "(If the section already has a rule described as {name}, click {edit} on "
    "its row instead; the {dialog} dialog opens: make every field below match.)",
    "description": "In {field}, enter {name}.",
    "messages": "Under {group}, check {checked}.",
    "messages_off_one": "Leave {unchecked} unchecked.",
    "messages_off_many": "Leave {unchecked} unchecked.",
    "action": "Under {menu}, click the menu and select {choice}.",
    "change_route": "Under {group}, check {box}, then in the {menu} menu select {route}.",
    "existing_route": "This route is not created by the runbook: it must already exist "
    "under {hosts}.",
    "show_options": "Scroll down and click {show}.",
    "accounts": "Under {group}, check {checked}.",
    "accounts_off_one": "Uncheck {unchecked}.",
    "accounts_off_many": "Uncheck {unchecked}.",
    "envelope": "Under {group}:",
    "envelope_side": "check {box}, select {match} in the {menu} menu and enter {value} in {field}",
    "envelope_none": "Under {group}, leave both boxes unchecked.",
    "disable": "Back on the {section} section, turn off {switch} for the rule {name}.",
    "delete_rule": "In the {section} section, find the rule {name} and click {delete} on its "
    "row; in the {dialog} dialog, click {delete}. If there is no such rule, there is "
    "nothing to do.",
    "and": "and",
    "secret_value": "the value of ${name}",
    "remove_route": "Remove the mail route {name}",
    "remove_rule": "Remove the routing rule {name}",
    "set_route": "Add or update the mail route {name}",
    "set_rule": "Add or update the routing rule {name}",
    "add_default_rule": "Click {configure} (or {add_another}, when the page already has "
    "settings). The {dialog} dialog opens.",
    "edit_default_rule": "(If the list already has a setting described as {name}, click "
    "{edit} on its row instead; the {dialog} dialog opens: make every field below match.)",
    "dr_recipients": "Under {menu}, select {match}, then in {field} enter {value}.",
    "dr_recipients_all": "Under {menu}, select {match}.",
    "dr_apply_to": "Under {group}, select {choice}.",
    "disable_default_rule": "Back on the {page} page, turn off {switch} for the setting {name}.",
    "delete_default_rule": "In the list, find the setting {name} and click {delete} on its "
    "row; in the {dialog} dialog, click {delete}. If there is no such setting, there is "
    "nothing to do.",
    "remove_default_rule": "Remove the Default routing setting {name}",
    "set_default_rule": "Add or update the Default routing setting {name}",
    "rejection_notice": "In {field}, enter {text} (the text senders get back).",
    "in_group": "Under {group}:",
    "custom_header": (
        "check {box}; for each header click {add}, enter {header} in {header_field} and {value} in "
        "{value_field}, then click {save}"
    ),
    "enter_text": "check {box} and enter {text} in {field}",
    "envelope_recipient": (
        "check {box}, select {choice} in the {menu} menu and enter {value} in {field}"
    ),
    "deliver": (
        "Under {group}, check {box}. For each recipient below, click {add}; in the {dialog} "
        "dialog, make the choices listed, then click {save}:"
    ),
    "copy_basic": "{menu}: {choice}; {field}: {address}",
    "copy_advanced": "{menu}: {choice}; {field}: {address}; {flags}",
    "copy_route": "under {group}, check {box} and select {route} in the {menu} menu",
    "copy_flag_on": "check {box}",
    "copy_flag_off": "uncheck {box} (it is checked by default)",
    "others_off": "Leave every other option under {choice} unchecked and empty.",
    "set_dkim": "Set the DKIM key of {name}",
    "dkim_domain": "In the {menu} menu, select {domain}.",
    "dkim_generate_key": (
        "If {host} is blank, or does not start with {selector} (a new selector: a key "
        "rotation), click {button}; in the {dialog} dialog, select {n} in {bits}, enter "
        "{selector} in {prefix} and click {generate}. A key with this selector but another "
        "length is not replaced: rotate with a new selector."
    ),
    "dkim_publish": (
        "Publish the record in the domain's DNS: one TXT record named {name} ({short} in "
        "most DNS panels) whose value is the page's {value}; a long value is split "
        "into several quoted strings inside that one record. Keep the old selector's record "
        "until the new key is started."
    ),
    "dkim_start_auth": (
        "Once DNS serves the record (it can take up to 48 hours), click {start}; the status "
        "then reads {status}."
    ),
    "dkim_stop_auth": "If the status reads {status}, click {stop}.",
    "set_form": "Set the form {name}",
    "form_open": "Click {button}.",
    "form_section": "In the {section} section:",
    "form_inherit": (
        "If the section does not show {status}, click {inherit}, then {inherit} in the "
        "{dialog} dialog."
    ),
    "form_override": (
        "If the section shows {status} and a value below differs, click {button} first."
    ),
    "form_save": "Click {save}.",
    "form_no_save": "Each change is saved as it is made.",
    "form_go_to_path": "In the Admin console, open the page {path}.",
    "form_textbox": "In {name}, enter {value}.",
    "form_combobox": "In the {name} menu, select {option}.",
    "form_radio": "Select {name}.",
    "form_check": "Check {name}.",
    "form_uncheck": "Uncheck {name}.",
    "form_act_when": "If the page shows {guard}: {act}.",
    "form_act_unless": "Unless the page shows {guard}: {act}.",
    "form_expect": "Check that the page shows {target}.",
    "form_do_click": "click {target}",
    "form_do_fill": "enter {value} in {target}",
    "form_do_check": "check {target}",
    "form_do_uncheck": "uncheck {target}",
    "form_do_choose": "select {option} in the {target} menu",
}

QUOTES = ("\u201c", "\u201d")
BROWSER_LOCALE = "en-US"
