"""The simulator's strings for the Modify / Reject option groups of the "Add setting" dialogs.

Shared by Routing and Default routing. Marked [?]: not confirmed by Google's text (most French
strings, the sub-dialogs' titles, the recipients list, every error message).
"""

from __future__ import annotations

OPTIONS_EN: dict[str, str] = {
    "rejection_notice": "Customize rejection notice",
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
}

# Every French string here is [?] (the help center's French pages do not show these groups).
OPTIONS_FR: dict[str, str] = {
    "rejection_notice": "Personnaliser la notification de refus",
    "headers_group": "En-têtes",
    "hdr_original_to": "Ajouter l'en-tête X-Gm-Original-To",
    "hdr_spam": "Ajouter les en-têtes X-Gm-Spam et X-Gm-Phishy",
    "hdr_custom": "Ajouter des en-têtes personnalisés",
    "custom_headers_list": "En-têtes personnalisés",
    "add_item": "Ajouter",
    "remove_item": "Supprimer",
    "header_dialog": "Ajouter un en-tête personnalisé",
    "header_key": "Clé de l'en-tête",
    "header_value": "Valeur de l'en-tête",
    "subject_group": "Objet",
    "prepend_subject": "Ajouter un objet personnalisé au début",
    "subject_text": "Objet personnalisé",
    "also_reroute_spam": "Rediriger également le spam",
    "suppress_bounces": "Supprimer les notifications de non-distribution de ce message",
    "envelope_recipient_group": "Destinataire de l'enveloppe",
    "change_envelope": "Modifier le destinataire de l'enveloppe",
    "envelope_menu": "Remplacer",
    "envelope_recipient": "Remplacer le destinataire",
    "envelope_username": "Remplacer le nom d'utilisateur",
    "envelope_domain": "Remplacer le domaine",
    "envelope_value_recipient": "Adresse e-mail",
    "envelope_value_username": "Nom d'utilisateur",
    "envelope_value_domain": "Domaine",
    "spam_group": "Spam",
    "bypass_spam": "Ignorer le filtre antispam pour ce message",
    "attachments_group": "Pièces jointes",
    "remove_attachments": "Supprimer les pièces jointes de ce message",
    "deliver_group": "Distribuer également à",
    "add_recipients": "Ajouter des destinataires",
    "recipients_list": "Destinataires",
    "recipient_dialog": "Ajouter un destinataire",
    "recipient_mode": "Type de destinataire",
    "recipient_basic": "De base",
    "recipient_advanced": "Avancé",
    "recipient_address": "Adresse e-mail",
    "copy_no_spam": "Ne pas distribuer le spam à ce destinataire",
    "copy_suppress_bounces": "Supprimer les notifications de non-distribution de ce destinataire",
    "encryption_group": "Chiffrement (distribution ultérieure uniquement)",
    "require_secure_transport": "Exiger un transport sécurisé (TLS)",
    "err_header_key_required": "Saisissez une clé d'en-tête.",
    "err_header_key_invalid": "Saisissez une clé d'en-tête valide (sans espaces ni deux-points).",
    "err_header_taken": "Cet en-tête figure déjà dans la liste.",
    "err_subject_required": "Saisissez un objet.",
    "err_username_invalid": "Saisissez un nom d'utilisateur valide.",
    "err_domain_invalid": "Saisissez un domaine valide.",
    "err_recipients_required": "Ajoutez au moins un destinataire.",
    "err_headers_required": "Ajoutez au moins un en-tête.",
    "err_recipient_taken": "Ce destinataire figure déjà dans la liste.",
}
