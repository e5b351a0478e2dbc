"""Accessible names of the console's controls, per console language: the one label catalogue.

Page objects locate every control by ARIA role and one of these names; `runbook explain` writes
its hand-followable steps with the same names. No Playwright here (cheap to import).

Each entry notes the role the name belongs to. Entries marked [?] are not confirmed by Google's
own text (see the reference notes in the project docs): keep them here so a change in the real
console is a change of one line.
"""

from __future__ import annotations

from typing import Literal

Locale = Literal["en", "fr"]
LOCALES: tuple[Locale, ...] = ("en", "fr")

_EN: dict[str, str] = {
    # --- shell and navigation -------------------------------------------------------------
    "main_menu": "Main menu",  # button; opens navigation "Main menu"
    "nav_apps": "Apps",  # button (aria-expanded) in the navigation
    "nav_workspace": "Google Workspace",  # button (aria-expanded)
    "nav_gmail": "Gmail",  # button (aria-expanded)
    "nav_hosts": "Hosts",  # link
    "nav_routing": "Routing",  # link
    "nav_default_routing": "Default routing",  # link
    "org_units": "Organizational units",  # tree
    "loading": "Loading",  # progressbar while a list loads
    "saved_note": "up to 24 hours",  # part of the status shown after a save
    "inherited": "Inherited",  # [?] status text of a rule inherited from a parent OU
    "locally_applied": "Locally applied",
    # --- sign-in ---------------------------------------------------------------------------
    "signin_heading": "Sign in",  # heading
    "signin_email": "Email or phone",  # textbox
    "signin_password": "Enter your password",  # textbox
    "signin_code": "Enter code",  # textbox (2-step verification)
    "signin_next": "Next",  # button
    # --- Hosts page ------------------------------------------------------------------------
    "hosts_heading": "Hosts",  # heading level 1
    "add_route": "Add route",  # button
    "routes_table": "Mail routes",  # [?] table
    "col_name": "Name",  # columnheader of the routes table
    "col_description": "Description",  # columnheader of the rules table
    "edit": "Edit",  # button in a row
    "delete": "Delete",  # button in a row and in the confirmation
    "delete_route_title": "Delete mail route?",  # [?] alertdialog
    "delete_rule_title": "Delete setting?",  # [?] alertdialog
    # --- "Add mail route" dialog -----------------------------------------------------------
    "route_dialog": "Add mail route",  # dialog
    "route_dialog_edit": "Edit mail route",  # [?] dialog when editing
    "route_name": "Name",  # textbox
    "server_menu": "Specify email server",  # combobox (section "1. Specify email server")
    "single_host": "Single host",  # option
    "multiple_hosts": "Multiple hosts",  # option
    "host": "Host name or IP",  # [?] textbox
    "port": "Port",  # [?] textbox
    "load": "% load",  # textbox in a multiple-hosts row
    "primary": "Primary",  # group (table of primary hosts)
    "secondary": "Secondary",  # group
    "host_row": "Host {n}",  # [?] group: one row of a primary/secondary table
    "add_host": "Add host",  # [?] button inside the Primary/Secondary group
    "remove_host": "Remove host",  # [?] button inside a row group
    "options": "Options",  # group (section "2. Options")
    "mx_lookup": "Perform MX lookup on host",  # checkbox
    "require_tls": "Require mail to be transmitted via a secure (TLS) connection (Recommended)",
    "require_ca": "Require CA signed certificate (Recommended)",  # checkbox
    "validate_hostname": "Validate certificate hostname (Recommended)",  # checkbox
    "test_tls": "Test TLS connection",  # button
    "tls_passed": "TLS connection succeeded",  # [?] status text
    "tls_failed": "TLS connection failed",  # [?] alert text (with the bounce warning)
    "save": "Save",  # button
    "concurrent_change": "changed by someone else",  # [?] part of the stale-edit error
    "concurrent_gone": "no longer exists",  # [?] part of the error for a deleted entry
    "name_taken": "already exists",  # [?] part of the error for a name or description taken
    "save_failed": "couldn't save your changes",  # [?] part of the error worth a retry
    "cancel": "Cancel",  # button
    # --- Routing page ----------------------------------------------------------------------
    "routing_heading": "Routing",  # heading level 1 and section region
    "configure": "Configure",  # button (no rule yet)
    "add_another_rule": "Add another rule",  # button
    "rules_table": "Routing rules",  # [?] table
    "rule_enabled": "Enabled",  # [?] switch in a rule row
    # --- "Add setting" dialog --------------------------------------------------------------
    "rule_dialog": "Add setting",  # dialog
    "rule_dialog_edit": "Edit setting",  # [?] dialog when editing
    "rule_description": "Description",  # [?] textbox
    "messages_group": "Email messages to affect",  # group (section 1)
    "msg_inbound": "Inbound",  # checkbox
    "msg_outbound": "Outbound",
    "msg_internal_sending": "Internal - sending",
    "msg_internal_receiving": "Internal - receiving",
    "action_menu": "For the above types of messages, do the following",  # combobox (section 2)
    "modify_message": "Modify message",  # option
    "reject_message": "Reject message",  # option
    "route_group": "Route",  # group under Modify message
    "change_route": "Change route",  # checkbox
    "route_menu": "Route to",  # [?] combobox listing the Hosts routes
    "normal_routing": "Normal routing",  # [?] option
    "show_options": "Show options",  # button (a link-styled control)
    "account_types": "Account types to affect",  # group
    "acct_users": "Users",  # checkbox
    "acct_groups": "Groups",
    "acct_unrecognized": "Unrecognized / Catch-all",
    "envelope_filter": "Envelope filter",  # group
    "env_senders": "Envelope senders",  # [?] group
    "env_recipients": "Envelope recipients",  # [?] group
    "env_senders_check": "Only affect specific envelope senders",  # checkbox
    "env_recipients_check": "Only affect specific envelope recipients",  # checkbox
    "match_menu": "Match type",  # [?] combobox inside an envelope group
    "match_single_address": "Single email address",  # option
    "match_pattern": "Pattern match",  # option
    "match_group": "Group membership",  # option
    "match_value_single_address": "Email address",  # [?] textbox
    "match_value_pattern": "Regexp",  # textbox
    "match_value_group": "Group email address",  # [?] textbox
}

_FR: dict[str, str] = {
    "main_menu": "Menu principal",
    "nav_apps": "Applications",
    "nav_workspace": "Google Workspace",
    "nav_gmail": "Gmail",
    "nav_hosts": "Hôtes",
    "nav_routing": "Routage",
    "nav_default_routing": "Routage par défaut",
    "org_units": "Unités organisationnelles",
    "loading": "Chargement",
    "saved_note": "jusqu'à 24 heures",
    "inherited": "Hérité",
    "locally_applied": "Appliqué localement",
    "signin_heading": "Connexion",
    "signin_email": "Adresse e-mail ou numéro de téléphone",
    "signin_password": "Saisissez votre mot de passe",
    "signin_code": "Saisissez le code",
    "signin_next": "Suivant",
    "hosts_heading": "Hôtes",
    "add_route": "Ajouter une route",
    "routes_table": "Routes de messagerie",
    "col_name": "Nom",
    "col_description": "Description",
    "edit": "Modifier",
    "delete": "Supprimer",
    "delete_route_title": "Supprimer le routage des e-mails ?",
    "delete_rule_title": "Supprimer le paramètre ?",
    "route_dialog": "Ajouter un routage des e-mails",
    "route_dialog_edit": "Modifier le routage des e-mails",
    "route_name": "Nom",
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
    "options": "Options",
    "mx_lookup": "Exécuter une consultation MX sur l'hôte",
    "require_tls": (
        "Exiger que les messages soient transmis via une connexion TLS sécurisée (recommandé)"
    ),
    "require_ca": "Exiger un certificat signé par une autorité de certification (recommandé)",
    "validate_hostname": "Valider le nom d'hôte du certificat (recommandé)",
    "test_tls": "Tester la connexion TLS",
    "tls_passed": "La connexion TLS a réussi",
    "tls_failed": "La connexion TLS a échoué",
    "save": "Enregistrer",
    "concurrent_change": "modifié par quelqu'un d'autre",
    "concurrent_gone": "n'existe plus",
    "name_taken": "existe déjà",
    "save_failed": "Impossible d'enregistrer vos modifications",
    "cancel": "Annuler",
    "routing_heading": "Routage",
    "configure": "Configurer",
    "add_another_rule": "Ajouter une autre règle",
    "rules_table": "Règles de routage",
    "rule_enabled": "Activé",
    "rule_dialog": "Ajouter un paramètre",
    "rule_dialog_edit": "Modifier le paramètre",
    "rule_description": "Description",
    "messages_group": "E-mails concernés",
    "msg_inbound": "Entrant",
    "msg_outbound": "Sortant",
    "msg_internal_sending": "Interne - envoi",
    "msg_internal_receiving": "Interne - réception",
    "action_menu": "Pour les types de messages ci-dessus, procédez comme suit",
    "modify_message": "Modifier le message",
    "reject_message": "Refuser le message",
    "route_group": "Route",
    "change_route": "Modifier la route",
    "route_menu": "Acheminer vers",
    "normal_routing": "Routage normal",
    "show_options": "Afficher les options",
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
}

CATALOGUE: dict[Locale, dict[str, str]] = {"en": _EN, "fr": _FR}

# Runbook field values -> catalogue keys, shared by page objects and `explain`.
MESSAGE_KEYS: dict[str, str] = {
    "inbound": "msg_inbound",
    "outbound": "msg_outbound",
    "internal_sending": "msg_internal_sending",
    "internal_receiving": "msg_internal_receiving",
}
ACCOUNT_TYPE_KEYS: dict[str, str] = {
    "users": "acct_users",
    "groups": "acct_groups",
    "unrecognized_catch_all": "acct_unrecognized",
}
MATCH_KEYS: dict[str, str] = {
    "single_address": "match_single_address",
    "pattern": "match_pattern",
    "group": "match_group",
}
MATCH_VALUE_KEYS: dict[str, str] = {
    "single_address": "match_value_single_address",
    "pattern": "match_value_pattern",
    "group": "match_value_group",
}


class Labels:
    """The catalogue of one console language: `labels.add_route`, `labels.host_row.format(n=1)`."""

    def __init__(self, locale: Locale = "en") -> None:
        if locale not in CATALOGUE:
            raise ValueError(f"unsupported console locale {locale!r}; use one of {LOCALES}")
        self.locale: Locale = locale
        self._names = CATALOGUE[locale]

    def __getattr__(self, key: str) -> str:
        try:
            return self._names[key]
        except KeyError:
            raise AttributeError(f"no label {key!r} in the {self.locale} catalogue") from None

    def __getitem__(self, key: str) -> str:
        return self._names[key]
