"""English: every string the simulator's pages and answers show in this language."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # shell and navigation
    "console_title": "Admin console",
    "console_intro": "Manage your organization's Google Workspace settings.",
    "main_menu": "Main menu",
    "nav_apps": "Apps",
    "nav_workspace": "Google Workspace",
    "nav_gmail": "Gmail",
    "nav_hosts": "Hosts",
    "nav_routing": "Routing",
    "nav_default_routing": "Default routing",
    "nav_authenticate_email": "Authenticate email",
    "org_units": "Organizational units",
    "org_top": "example.com",
    "org_child": "Sales",  # the child OU of the default tree (an OU's name is not translated)
    "org_search": "Search for organizational units",
    "loading": "Loading",
    "saved_note": "up to 24 hours",
    "concurrent_change": "changed by someone else",  # part of err_stale
    "concurrent_gone": "no longer exists",  # part of err_not_found
    "name_taken": "already exists",  # part of err_name_taken, err_description_taken
    "save_failed": "couldn't save your changes",  # part of err_save_failed
    "saved_toast": "Saved. Changes can take up to 24 hours to take effect.",
    "deleted_toast": "Deleted. Changes can take up to 24 hours to take effect.",
    "status_inherited": "Inherited",
    "status_local": "Locally applied",
    "page_not_found": "Page not found",
    "page_not_found_text": "The page you asked for does not exist in this console.",
    "sign_out": "Sign out",
    # sign-in
    "signin_heading": "Sign in",
    "signin_subtitle": "to continue to Admin console",
    "signin_email": "Email or phone",
    "signin_password": "Enter your password",
    "signin_code": "Enter code",
    "signin_next": "Next",
    "signin_2sv_heading": "2-Step Verification",
    "signin_2sv_hint": "Get a verification code from the Google Authenticator app.",
    "signin_wrong_email": "Couldn't find your Google Account.",
    "signin_wrong_password": "Wrong password. Try again.",
    "signin_wrong_code": "Wrong code. Try again.",
    "signin_restart": "Your sign-in session expired. Start again.",
    # Google's refusal of a browser under automation (the automation-refused variant)
    "signin_refused": "Couldn’t sign you in",
    "signin_refused_insecure": "This browser or app may not be secure.",
    "signin_refused_learn_more": "Learn more",
    "signin_refused_hint": (
        "Try using a different browser. If you’re already using a supported browser, you can "
        "try again to sign in."
    ),
    "signin_refused_retry": "Try again",
    # Hosts page
    "hosts_heading": "Hosts",
    "hosts_intro": "Mail routes that Gmail can use to deliver mail to other servers.",
    "add_route": "Add route",
    "routes_table": "Mail routes",
    "col_name": "Name",
    "col_hosts": "Host(s)",
    "col_options": "Options",
    "col_actions": "Actions",
    "no_routes": "There are no mail routes yet.",
    "edit": "Edit",
    "delete": "Delete",
    "delete_route_title": "Delete mail route?",
    "delete_route_text": "The mail route “{name}” will be deleted.",
    "delete_rule_title": "Delete setting?",
    "delete_rule_text": "The setting “{name}” will be deleted.",
    "delete_named_title": "Delete {name}",  # the plain-delete-dialog variant
    "banner_label": "Announcement",  # [?] the banner variant
    "banner_text": "The Admin console has a new look. Take a tour to see what changed.",  # [?]
    "banner_got_it": "Got it",
    "banner_dismiss": "Dismiss",
    "reauth_heading": "Verify it's you",
    "reauth_hint": "To continue, first verify that it's you",
    "summary_primary": "Primary",
    "summary_secondary": "Secondary",
    "summary_mx": "MX lookup",
    "summary_tls": "TLS required",
    "summary_ca": "CA signed certificate",
    "summary_hostname": "Certificate hostname validated",
    "summary_no_tls": "TLS not required",
    # "Add mail route" dialog
    "route_dialog": "Add mail route",
    "route_dialog_edit": "Edit mail route",
    "route_name": "Name",
    "section_server": "1. Specify email server",
    "server_menu": "Specify email server",
    "single_host": "Single host",
    "multiple_hosts": "Multiple hosts",
    "host": "Host name or IP",
    "port": "Port",
    "load": "% load",
    "primary": "Primary",
    "secondary": "Secondary",
    "host_row": "Host {n}",
    "add_host": "Add host",
    "remove_host": "Remove host",
    "section_options": "2. Options",
    "options": "Options",
    "mx_lookup": "Perform MX lookup on host",
    "require_tls": "Require mail to be transmitted via a secure (TLS) connection (Recommended)",
    "require_ca": "Require CA signed certificate (Recommended)",
    "validate_hostname": "Validate certificate hostname (Recommended)",
    "test_tls": "Test TLS connection",
    "testing_tls": "Testing TLS connection",
    "tls_passed": "TLS connection succeeded",
    "tls_failed": "TLS connection failed",
    "tls_bounce_warning": (
        "Saving a route whose certificate validation fails can cause mail to bounce."
    ),
    "save": "Save",
    "saving": "Saving",
    "cancel": "Cancel",
    # Routing page
    "routing_heading": "Routing",
    "routing_intro": "Settings that change how Gmail routes the messages of your organization.",
    "configure": "Configure",
    "add_another_rule": "Add another rule",
    "rules_table": "Routing rules",
    "col_description": "Description",
    "col_summary": "Summary",
    "col_status": "Status",
    "no_rules": "There are no routing settings yet.",
    # the Routing page's other settings blocks (names from the help center; "no_settings" [?])
    "block_address_map": "Email forwarding using recipient address map",
    "block_secure_route": "Alternate secure route",
    "block_smtp_relay": "SMTP relay service",
    "block_non_gmail": "Non-Gmail mailbox",
    "no_settings": "No setting yet.",
    "rule_enabled": "Enabled",
    "summary_route": "Route: {name}",
    "summary_filtered": "Envelope filter",
    # "Add setting" dialog
    "rule_dialog": "Add setting",
    "rule_dialog_edit": "Edit setting",
    "rule_description": "Description",
    "section_messages": "1. Email messages to affect",
    "messages_group": "Email messages to affect",
    "msg_inbound": "Inbound",
    "msg_outbound": "Outbound",
    "msg_internal_sending": "Internal - sending",
    "msg_internal_receiving": "Internal - receiving",
    "section_action": "2. For the above types of messages, do the following",
    "action_menu": "For the above types of messages, do the following",
    "modify_message": "Modify message",
    "reject_message": "Reject message",
    "route_group": "Route",
    "change_route": "Change route",
    "route_menu": "Route to",
    "normal_routing": "Normal routing",
    "show_options": "Show options",
    "hide_options": "Hide options",
    "account_types": "Account types to affect",
    "acct_users": "Users",
    "acct_groups": "Groups",
    "acct_unrecognized": "Unrecognized / Catch-all",
    "envelope_filter": "Envelope filter",
    "env_senders": "Envelope senders",
    "env_recipients": "Envelope recipients",
    "env_senders_check": "Only affect specific envelope senders",
    "env_recipients_check": "Only affect specific envelope recipients",
    "match_menu": "Match type",
    "match_single_address": "Single email address",
    "match_pattern": "Pattern match",
    "match_group": "Group membership",
    "match_value_single_address": "Email address",
    "match_value_pattern": "Regexp",
    "match_value_group": "Group email address",
    # Default routing page and its "Add setting" dialog ([?]: not in Google's own text)
    "default_routing_heading": "Default routing",
    "default_routing_intro": (
        "Domain-wide routing of inbound mail for unrecognized addresses, in priority order."
    ),  # [?]
    "default_rules_table": "Default routing settings",  # [?]
    "no_default_rules": "There are no default routing settings yet.",  # [?]
    "recipients_menu": "Specify envelope recipients to match",
    "dr_recipients_group": "1. Specify envelope recipients to match",
    "dr_match_single_recipient": "Single recipient",
    "dr_match_pattern": "Pattern match",
    "dr_match_group": "Group membership",
    "dr_match_all": "All recipients",
    "section_dr_action": "2. If the envelope recipient matches the above, do the following",
    "dr_action_menu": "If the envelope recipient matches the above, do the following",
    "rejection_notice": "Customize rejection notice",
    "apply_unrecognized": "Perform this action only on non-recognized addresses",
    "apply_all": "Perform this action on non-recognized and recognized addresses",
    # validation and errors (page and server)
    "err_name_required": "Enter a name.",
    "err_name_taken": "A mail route with this name already exists.",
    "err_host_required": "Enter a host name or IP address.",
    "err_host_invalid": "Enter a valid host name or IP address.",
    "err_port_invalid": "Enter a port: 25, 587 or a number from 1024 to 65535.",
    "err_port_465": "Port 465 is not supported. Use 25, 587 or a number from 1024 to 65535.",
    "err_load_invalid": "Enter a load from 1 to 100.",
    "err_load_total": "The loads in this table must total 100%.",
    "err_primary_required": "Add at least one primary host.",
    "err_too_many_hosts": "A table can have at most 10 hosts.",
    "err_options_nesting": "These certificate options need the options above them.",
    "err_description_required": "Enter a description.",
    "err_description_taken": "A setting with this description already exists.",
    "err_messages_required": "Select at least one type of message.",
    "err_account_types_required": "Select at least one account type.",
    "err_route_required": "Choose a route.",
    "err_route_unknown": "This route does not exist any more. Choose another one.",
    "err_value_required": "Enter a value.",
    "err_email_invalid": "Enter a valid email address.",
    "err_regexp_invalid": "Enter a valid regular expression.",
    "err_route_in_use": "This mail route is used by a routing setting and can't be deleted.",
    "err_not_found": "This setting no longer exists.",
    "err_stale": (
        "This setting was changed by someone else. Reload the page to see the latest changes."
    ),
    "err_bad_request": "The request is not valid.",
    "err_save_failed": "We couldn't save your changes. Try again.",
    "err_signin_required": "Your session has expired. Sign in again.",
    # the Modify / Reject option groups of the "Add setting" dialogs (Routing, Default routing);
    # [?]: not confirmed by Google's text (the sub-dialogs' titles, the recipients list, every
    # error message)
    "headers_group": "Headers",
    "hdr_original_to": "Add X-Gm-Original-To header",
    "hdr_spam": "Add X-Gm-Spam and X-Gm-Phishy headers",
    "hdr_custom": "Add custom headers",
    "custom_headers_list": "Custom headers",  # [?]
    "add_item": "Add",
    "remove_item": "Remove",  # [?]
    "header_dialog": "Add custom header",  # [?]
    "header_key": "Header key",
    "header_value": "Header value",
    "subject_group": "Subject",
    "prepend_subject": "Prepend custom subject",
    "subject_text": "Custom subject",  # [?]
    "also_reroute_spam": "Also reroute spam",
    "suppress_bounces": "Suppress bounces from this message",
    "envelope_recipient_group": "Envelope recipient",
    "change_envelope": "Change envelope recipient",
    "envelope_menu": "Replace",  # [?]
    "envelope_recipient": "Replace recipient",
    "envelope_username": "Replace username",  # [?]
    "envelope_domain": "Replace domain",
    "envelope_value_recipient": "Email address",
    "envelope_value_username": "Username",  # [?]
    "envelope_value_domain": "Domain",  # [?]
    "spam_group": "Spam",
    "bypass_spam": "Bypass spam filter for this message",
    "attachments_group": "Attachments",
    "remove_attachments": "Remove attachments from this message",
    "deliver_group": "Also deliver to",
    "add_recipients": "Add more recipients",
    "recipients_list": "Recipients",  # [?]
    "recipient_dialog": "Add recipient",  # [?]
    "recipient_mode": "Recipient type",  # [?]
    "recipient_basic": "Basic",
    "recipient_advanced": "Advanced",
    "recipient_address": "Email address",
    "copy_no_spam": "Do not deliver spam to this recipient",
    "copy_suppress_bounces": "Suppress bounces from this recipient",
    "encryption_group": "Encryption (onward delivery only)",
    "require_secure_transport": "Require secure transport (TLS)",
    "err_header_key_required": "Enter a header key.",  # [?]
    "err_header_key_invalid": "Enter a valid header key (no spaces or colons).",  # [?]
    "err_header_taken": "This header is already in the list.",  # [?]
    "err_subject_required": "Enter a subject.",  # [?]
    "err_username_invalid": "Enter a valid username.",  # [?]
    "err_domain_invalid": "Enter a valid domain.",  # [?]
    "err_recipients_required": "Add at least one recipient.",  # [?]
    "err_headers_required": "Add at least one header.",  # [?]
    "err_recipient_taken": "This recipient is already in the list.",  # [?]
    # Authenticate email (DKIM) page and its "Generate new record" dialog (reference: dkim.md)
    "authenticate_email_heading": "Authenticate email",
    "dkim_domain_menu": "Selected domain",
    "dkim_authenticating": "Authenticating email with DKIM",
    "dkim_not_authenticating": "Not authenticating email",
    "dkim_host_name": "DNS Host name (TXT record name)",
    "dkim_txt_value": "TXT record value",
    "dkim_generate_record": "Generate new record",
    "dkim_dialog": "Generate new record",  # the dialog's title
    "dkim_start": "Start authentication",
    "dkim_stop": "Stop authentication",
    "dkim_key_bits": "DKIM key bit length",
    "dkim_selector": "Prefix selector",
    "dkim_generate": "Generate",
    "dkim_generating": "Generating",  # [?]
    "dkim_checking_dns": "Checking DNS",  # [?]
    "dkim_updated_toast": "DKIM authentication settings updated",  # [?]
    # part of dkim_signing_note
    "dkim_signing_with": "email is signed with the key of the selector {selector}",
    "dkim_too_early": "DKIM record not created",  # part of err_dkim_too_early
    "dkim_not_found": "was not found in DNS",  # part of err_dkim_not_found
    "dkim_mismatch": "does not match the TXT record value",  # part of err_dkim_mismatch
    "dkim_signing_note": (
        "Until authentication starts with the new record, email is signed with the key of"
        " the selector {selector}."
    ),  # [?]
    "err_dkim_too_early": (
        "DKIM record not created. Gmail was turned on for this domain recently: try again in"
        " 24 to 72 hours."
    ),  # [?] (German, Google's text: "DKIM-Eintrag nicht erstellt")
    "err_dkim_selector": (
        "Enter a valid prefix selector: up to 63 letters, digits or hyphens, not starting or"
        " ending with a hyphen."
    ),  # [?]
    "err_dkim_key_bits": "Choose a key bit length: 2048 or 1024.",  # [?]
    "err_dkim_no_key": "Generate a DKIM record first.",  # [?]
    "err_dkim_not_found": (
        "The DKIM record {record} was not found in DNS. Add the TXT record shown to your"
        " domain's DNS, then try again: DNS changes can take up to 48 hours."
    ),  # [?]
    "err_dkim_mismatch": (
        "The DKIM record {record} in DNS does not match the TXT record value shown. Correct"
        " it, then try again: DNS changes can take up to 48 hours."
    ),  # [?]
    "err_dkim_dns_unavailable": "DNS could not be checked. Try again later.",  # [?]
    # Gmail settings pages: sections set per OU (Override / Inherit: reference console-ui.md)
    "status_overridden": "Overridden",
    "settings_override": "Override",
    "settings_inherit": "Inherit",
    "settings_inherit_title": "Inherit settings?",  # [?]
    "settings_inherit_text": (
        "{section} in {ou} will use the settings of its parent organizational unit again."
    ),  # [?]
    "settings_inherited_from": "Inherited from {ou}",  # [?]
    "err_settings_top_inherits": (
        "The top-level organizational unit has no parent to inherit from."
    ),  # [?]
    # Spam, phishing and malware page (section and control names: Google's help center;
    # intros, the Inbound email section and the errors: [?])
    "nav_spam": "Spam, phishing and malware",
    "spam_heading": "Spam, phishing and malware",
    "spam_allowlist": "Email allowlist",
    "spam_allowlist_intro": (
        "An email allowlist is a list of IP addresses from which you want your users to"
        " receive emails. Mail sent from these IP addresses should not be marked as spam."
    ),
    "spam_allowlist_ips": "Enter the IP addresses for the allowlist",
    "spam_allowlist_hint": ("IPv4 addresses or CIDR ranges, separated by commas or spaces"),  # [?]
    "spam_pre_delivery": "Enhanced pre-delivery message scanning",
    "spam_pre_delivery_check": (
        "Enables improved detection of suspicious content prior to delivery"
    ),
    "spam_spoofing": "Spoofing and authentication",
    "spam_spoofing_action": "Spoofing protection",  # [?] the action's menu
    "spam_action_warn": "Keep email in inbox and show warning",
    "spam_action_spam": "Move email to spam",
    "spam_action_quarantine": "Quarantine",
    "spam_employee_names": "Protect against spoofing of employee names",
    "spam_future_settings": "Apply future recommended settings automatically",
    "spam_inbound": "Inbound email",  # [?]
    "spam_inbound_question": "Which messages should these settings apply to?",  # [?]
    "spam_inbound_all": "Apply to all messages",  # [?]
    "spam_inbound_external": "Apply only to messages from outside the domain",  # [?]
    "spam_filter": "Spam",
    "spam_filter_intro": "Decide how spam sent to your users is handled.",  # [?]
    "spam_filter_dialog": "Spam settings",  # [?] the title of Configure's dialog
    "spam_aggressive": "Be more aggressive when filtering spam",
    "spam_bypass_internal": "Bypass spam filters for messages from internal senders",
    "spam_admin_quarantine": "Put spam in administrative quarantine",
    "spam_notify": "Quarantine notifications",  # [?]
    "spam_notify_intro": "Each change is saved as soon as it is made.",  # [?]
    "spam_notify_admins": "Email administrators when a message is quarantined",  # [?]
    "setting_on": "On",  # [?] a setting's value in a section's summary
    "setting_off": "Off",  # [?]
    "err_spam_ip_invalid": "{value} is not a valid IPv4 address or CIDR range.",  # [?]
}

# What the real console's known variants (`runbook.simulator.variants`) write instead.
VARIANT_STRINGS: dict[str, dict[str, str]] = {
    "tls-wording-2": {
        "require_tls": "Require mail to be transmitted over a secure transport (TLS) connection"
    },
    "ou-overridden": {"status_local": "Overridden"},
}
