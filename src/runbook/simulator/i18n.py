"""The simulator's own UI strings (English and French), independent of runbook's catalogue."""

from __future__ import annotations

from typing import Literal

from runbook.simulator.i18n_options import OPTIONS_EN, OPTIONS_FR
from runbook.simulator.renames import renamed

Locale = Literal["en", "fr"]
LOCALES: tuple[Locale, ...] = ("en", "fr")

# Keys shared with the page objects' catalogue keep the same key name; the rest are the
# simulator's own texts (titles, summaries, error messages).
_EN: dict[str, str] = {
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
}

_FR: dict[str, str] = {
    "console_title": "Console d'administration",
    "console_intro": "Gérez les paramètres Google Workspace de votre organisation.",
    "main_menu": "Menu principal",
    "nav_apps": "Applications",
    "nav_workspace": "Google Workspace",
    "nav_gmail": "Gmail",
    "nav_hosts": "Hôtes",
    "nav_routing": "Routage",
    "nav_default_routing": "Routage par défaut",
    "org_units": "Unités organisationnelles",
    "org_top": "example.com",
    "org_child": "Sales",  # the child OU of the default tree (an OU's name is not translated)
    "org_search": "Rechercher des unités organisationnelles",  # [?]
    "loading": "Chargement",
    "saved_note": "jusqu'à 24 heures",
    "concurrent_change": "modifié par quelqu'un d'autre",  # part of err_stale
    "concurrent_gone": "n'existe plus",  # part of err_not_found
    "name_taken": "existe déjà",  # part of err_name_taken, err_description_taken
    "save_failed": "Impossible d'enregistrer vos modifications",  # part of err_save_failed
    "saved_toast": (
        "Enregistré. Il peut s'écouler jusqu'à 24 heures avant que les modifications "
        "soient appliquées."
    ),
    "deleted_toast": (
        "Supprimé. Il peut s'écouler jusqu'à 24 heures avant que les modifications "
        "soient appliquées."
    ),
    "status_inherited": "Hérité",
    "status_local": "Appliqué localement",
    "page_not_found": "Page introuvable",
    "page_not_found_text": "La page demandée n'existe pas dans cette console.",
    "sign_out": "Se déconnecter",
    "signin_heading": "Connexion",
    "signin_subtitle": "pour accéder à la console d'administration",
    "signin_email": "Adresse e-mail ou numéro de téléphone",
    "signin_password": "Saisissez votre mot de passe",
    "signin_code": "Saisissez le code",
    "signin_next": "Suivant",
    "signin_2sv_heading": "Validation en deux étapes",
    "signin_2sv_hint": "Obtenez un code de validation dans l'application Google Authenticator.",
    "signin_wrong_email": "Impossible de trouver votre compte Google.",
    "signin_wrong_password": "Mot de passe incorrect. Réessayez.",
    "signin_wrong_code": "Code incorrect. Réessayez.",
    "signin_restart": "Votre session de connexion a expiré. Recommencez.",
    "signin_refused": "Impossible de vous connecter",  # [?]
    "signin_refused_insecure": (
        "Il est possible que ce navigateur ou cette application ne soient pas sécurisés."  # [?]
    ),
    "signin_refused_learn_more": "En savoir plus",  # [?]
    "signin_refused_hint": (
        "Essayez d'utiliser un autre navigateur. Si vous utilisez déjà un navigateur "
        "compatible, vous pouvez réessayer de vous connecter."  # [?]
    ),
    "signin_refused_retry": "Réessayer",  # [?]
    "hosts_heading": "Hôtes",
    "hosts_intro": "Routes de messagerie que Gmail peut utiliser pour distribuer les messages.",
    "add_route": "Ajouter une route",
    "routes_table": "Routes de messagerie",
    "col_name": "Nom",
    "col_hosts": "Hôte(s)",
    "col_options": "Options",
    "col_actions": "Actions",
    "no_routes": "Aucune route de messagerie pour le moment.",
    "edit": "Modifier",
    "delete": "Supprimer",
    "delete_route_title": "Supprimer le routage des e-mails ?",
    "delete_route_text": "Le routage des e-mails « {name} » sera supprimé.",
    "delete_rule_title": "Supprimer le paramètre ?",
    "delete_rule_text": "Le paramètre « {name} » sera supprimé.",
    "delete_named_title": "Supprimer {name}",
    "banner_label": "Annonce",  # [?]
    "banner_text": "La console d'administration fait peau neuve. Découvrez les nouveautés.",  # [?]
    "banner_got_it": "J'ai compris",  # [?]
    "banner_dismiss": "Ignorer",  # [?]
    "reauth_heading": "Confirmez votre identité",  # [?]
    "reauth_hint": "Pour continuer, confirmez d'abord votre identité",  # [?]
    "summary_primary": "Principal",
    "summary_secondary": "Secondaire",
    "summary_mx": "Consultation MX",
    "summary_tls": "TLS obligatoire",
    "summary_ca": "Certificat signé par une AC",
    "summary_hostname": "Nom d'hôte du certificat validé",
    "summary_no_tls": "TLS non obligatoire",
    "route_dialog": "Ajouter un routage des e-mails",
    "route_dialog_edit": "Modifier le routage des e-mails",
    "route_name": "Nom",
    "section_server": "1. Spécifier le serveur de messagerie",
    "server_menu": "Spécifier le serveur de messagerie",
    "single_host": "Un seul hôte",
    "multiple_hosts": "Plusieurs hôtes",
    "host": "Nom d'hôte ou adresse IP",
    "port": "Port",
    "load": "% de charge",
    "primary": "Principal",
    "secondary": "Secondaire",
    "host_row": "Hôte {n}",
    "add_host": "Ajouter un hôte",
    "remove_host": "Supprimer l'hôte",
    "section_options": "2. Options",
    "options": "Options",
    "mx_lookup": "Exécuter une consultation MX sur l'hôte",
    "require_tls": (
        "Exiger que les messages soient transmis via une connexion TLS sécurisée (recommandé)"
    ),
    "require_ca": "Exiger un certificat signé par une autorité de certification (recommandé)",
    "validate_hostname": "Valider le nom d'hôte du certificat (recommandé)",
    "test_tls": "Tester la connexion TLS",
    "testing_tls": "Test de la connexion TLS",
    "tls_passed": "La connexion TLS a réussi",
    "tls_failed": "La connexion TLS a échoué",
    "tls_bounce_warning": (
        "Si vous enregistrez une route dont la validation du certificat échoue, "
        "les messages risquent d'être renvoyés à l'expéditeur."
    ),
    "save": "Enregistrer",
    "saving": "Enregistrement",
    "cancel": "Annuler",
    "routing_heading": "Routage",
    "routing_intro": "Paramètres qui modifient le routage des messages de votre organisation.",
    "configure": "Configurer",
    "add_another_rule": "Ajouter une autre règle",
    "rules_table": "Règles de routage",
    "col_description": "Description",
    "col_summary": "Résumé",
    "col_status": "État",
    "no_rules": "Aucun paramètre de routage pour le moment.",
    # the Routing page's other settings blocks: every French name here is [?] (unsourced)
    "block_address_map": "Transfert d'e-mails à l'aide d'une table d'adresses de destinataires",
    "block_secure_route": "Autre route sécurisée",
    "block_smtp_relay": "Service relais SMTP",
    "block_non_gmail": "Boîte aux lettres autre que Gmail",
    "no_settings": "Aucun paramètre pour le moment.",
    "rule_enabled": "Activé",
    "summary_route": "Route : {name}",
    "summary_filtered": "Filtre d'enveloppes",
    "rule_dialog": "Ajouter un paramètre",
    "rule_dialog_edit": "Modifier le paramètre",
    "rule_description": "Description",
    "section_messages": "1. E-mails concernés",
    "messages_group": "E-mails concernés",
    "msg_inbound": "Entrant",
    "msg_outbound": "Sortant",
    "msg_internal_sending": "Interne - envoi",
    "msg_internal_receiving": "Interne - réception",
    "section_action": "2. Pour les types de messages ci-dessus, procédez comme suit",
    "action_menu": "Pour les types de messages ci-dessus, procédez comme suit",
    "modify_message": "Modifier le message",
    "reject_message": "Refuser le message",
    "route_group": "Route",
    "change_route": "Modifier la route",
    "route_menu": "Acheminer vers",
    "normal_routing": "Routage normal",
    "show_options": "Afficher les options",
    "hide_options": "Masquer les options",
    "account_types": "Types de comptes concernés",
    "acct_users": "Utilisateurs",
    "acct_groups": "Groupes",
    "acct_unrecognized": "Non reconnu/Collecteur",
    "envelope_filter": "Filtre d'enveloppes",
    "env_senders": "Expéditeurs de l'enveloppe",
    "env_recipients": "Destinataires de l'enveloppe",
    "env_senders_check": "N'affecter que certains expéditeurs d'enveloppe",
    "env_recipients_check": "N'affecter que certains destinataires d'enveloppe",
    "match_menu": "Type de correspondance",
    "match_single_address": "Adresse e-mail unique",
    "match_pattern": "Correspondance de modèle",
    "match_group": "Appartenance à un groupe",
    "match_value_single_address": "Adresse e-mail",
    "match_value_pattern": "Expression régulière",
    "match_value_group": "Adresse e-mail du groupe",
    # Routage par défaut ([?] : chaînes non sourcées, sauf le titre)
    "default_routing_heading": "Routage par défaut",
    "default_routing_intro": (
        "Routage des messages entrants adressés à des adresses non reconnues, pour tout le "
        "domaine, par ordre de priorité."
    ),  # [?]
    "default_rules_table": "Paramètres de routage par défaut",  # [?]
    "no_default_rules": "Aucun paramètre de routage par défaut pour le moment.",  # [?]
    "recipients_menu": "Spécifier les destinataires d'enveloppe concernés",  # [?]
    "dr_recipients_group": "1. Spécifier les destinataires d'enveloppe concernés",  # [?]
    "dr_match_single_recipient": "Destinataire unique",  # [?]
    "dr_match_pattern": "Correspondance de modèle",
    "dr_match_group": "Appartenance à un groupe",
    "dr_match_all": "Tous les destinataires",  # [?]
    "section_dr_action": (
        "2. Si le destinataire de l'enveloppe correspond aux critères ci-dessus, procédez "
        "comme suit"
    ),  # [?]
    "dr_action_menu": (
        "Si le destinataire de l'enveloppe correspond aux critères ci-dessus, procédez comme suit"
    ),  # [?]
    "rejection_notice": "Personnaliser la notification de refus",  # [?]
    "apply_unrecognized": "Appliquer cette action uniquement aux adresses non reconnues",  # [?]
    "apply_all": "Appliquer cette action aux adresses reconnues et non reconnues",  # [?]
    "err_name_required": "Saisissez un nom.",
    "err_name_taken": "Un routage des e-mails portant ce nom existe déjà.",
    "err_host_required": "Saisissez un nom d'hôte ou une adresse IP.",
    "err_host_invalid": "Saisissez un nom d'hôte ou une adresse IP valide.",
    "err_port_invalid": "Saisissez un port : 25, 587 ou un nombre compris entre 1024 et 65535.",
    "err_port_465": (
        "Le port 465 n'est pas accepté. Utilisez 25, 587 ou un nombre compris entre 1024 et 65535."
    ),
    "err_load_invalid": "Saisissez une charge comprise entre 1 et 100.",
    "err_load_total": "La charge totale de ce tableau doit être égale à 100 %.",
    "err_primary_required": "Ajoutez au moins un hôte principal.",
    "err_too_many_hosts": "Un tableau ne peut pas contenir plus de 10 hôtes.",
    "err_options_nesting": "Ces options de certificat nécessitent les options au-dessus.",
    "err_description_required": "Saisissez une description.",
    "err_description_taken": "Un paramètre avec cette description existe déjà.",
    "err_messages_required": "Sélectionnez au moins un type de message.",
    "err_account_types_required": "Sélectionnez au moins un type de compte.",
    "err_route_required": "Choisissez une route.",
    "err_route_unknown": "Cette route n'existe plus. Choisissez-en une autre.",
    "err_value_required": "Saisissez une valeur.",
    "err_email_invalid": "Saisissez une adresse e-mail valide.",
    "err_regexp_invalid": "Saisissez une expression régulière valide.",
    "err_route_in_use": (
        "Ce routage des e-mails est utilisé par un paramètre de routage et ne peut pas "
        "être supprimé."
    ),
    "err_not_found": "Ce paramètre n'existe plus.",
    "err_stale": (
        "Ce paramètre a été modifié par quelqu'un d'autre. Actualisez la page pour voir les "
        "dernières modifications."
    ),
    "err_bad_request": "La requête n'est pas valide.",
    "err_save_failed": "Impossible d'enregistrer vos modifications. Réessayez.",
    "err_signin_required": "Votre session a expiré. Reconnectez-vous.",
}

STRINGS: dict[Locale, dict[str, str]] = {
    "en": {**_EN, **OPTIONS_EN},
    "fr": {**_FR, **OPTIONS_FR},
}


def locale_from(hl: str | None) -> Locale:
    """The console language for an `hl` query value: French for `fr*`, else English."""
    return "fr" if hl and hl.lower().startswith("fr") else "en"


def strings(locale: Locale) -> dict[str, str]:
    """Every UI string of a locale, as this request shows them (`runbook.simulator.renames`)."""
    return {key: renamed(locale, value) for key, value in STRINGS[locale].items()}


def text(locale: Locale, key: str, **values: object) -> str:
    """One UI string, with `{name}` placeholders filled in."""
    template = renamed(locale, STRINGS[locale][key])
    return template.format(**values) if values else template
