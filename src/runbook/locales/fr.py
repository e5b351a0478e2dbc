"""French: the console's accessible names and the prose of `runbook explain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package reads this module as it starts: its label keys
    from runbook.locales import LabelKey, ProseKey

LABELS: dict[LabelKey, tuple[str, ...]] = {
    "main_menu": ("Menu principal",),
    "nav_apps": ("Applications",),
    "nav_workspace": ("Google Workspace",),
    "nav_gmail": ("Gmail",),
    "nav_hosts": ("Hôtes",),
    "nav_routing": ("Routage",),
    "nav_default_routing": ("Routage par défaut",),
    "nav_authenticate_email": ("Authentifier les e-mails",),
    "org_units": ("Unités organisationnelles",),
    "org_search": ("Rechercher des unités organisationnelles",),  # [?]
    "loading": ("Chargement",),
    "saved_note": ("jusqu'à 24 heures",),
    "status_inherited": ("Hérité",),
    "status_local": ("Appliqué localement", "Remplacé"),
    "signin_heading": ("Connexion",),
    "signin_email": ("Adresse e-mail ou numéro de téléphone",),
    "signin_password": ("Saisissez votre mot de passe",),
    "signin_code": ("Saisissez le code",),
    "reauth_heading": ("Confirmez votre identité",),  # [?]
    "signin_refused": ("Impossible de vous connecter",),  # [?]
    "banner_got_it": ("J'ai compris",),  # [?]
    "banner_dismiss": ("Ignorer",),  # [?]
    "signin_next": ("Suivant",),
    "hosts_heading": ("Hôtes",),
    "add_route": ("Ajouter une route",),
    "routes_table": ("Routes de messagerie",),
    "col_name": ("Nom",),
    "col_description": ("Description",),
    "edit": ("Modifier",),
    "delete": ("Supprimer",),
    "delete_route_title": ("Supprimer le routage des e-mails ?",),
    "delete_rule_title": ("Supprimer le paramètre ?",),
    "delete_named_title": ("Supprimer {name}",),
    "route_dialog": ("Ajouter un routage des e-mails",),
    "route_dialog_edit": ("Modifier le routage des e-mails",),
    "route_name": ("Nom",),
    "server_menu": ("Spécifier le serveur de messagerie",),
    "single_host": ("Un seul hôte",),
    "multiple_hosts": ("Plusieurs hôtes",),
    "host": ("Nom d'hôte ou adresse IP",),
    "port": ("Port",),
    "load": ("% de charge",),
    "primary": ("Principal",),
    "secondary": ("Secondaire",),
    "host_row": ("Hôte {n}",),
    "add_host": ("Ajouter un hôte",),
    "remove_host": ("Supprimer l'hôte",),
    "options": ("Options",),
    "mx_lookup": ("Exécuter une consultation MX sur l'hôte",),
    "require_tls": (
        "Exiger que les messages soient transmis via une connexion TLS sécurisée (recommandé)",
        "Exiger que les messages soient transmis via un transport sécurisé (TLS)",  # [?]
    ),
    "require_ca": ("Exiger un certificat signé par une autorité de certification (recommandé)",),
    "validate_hostname": ("Valider le nom d'hôte du certificat (recommandé)",),
    "test_tls": ("Tester la connexion TLS",),
    "tls_passed": ("La connexion TLS a réussi",),
    "tls_failed": ("La connexion TLS a échoué",),
    "save": ("Enregistrer",),
    "concurrent_change": ("modifié par quelqu'un d'autre",),
    "concurrent_gone": ("n'existe plus",),
    "name_taken": ("existe déjà",),
    "save_failed": ("Impossible d'enregistrer vos modifications",),
    "cancel": ("Annuler",),
    "nav_spam": ("Spam, hameçonnage et logiciels malveillants",),  # [?]
    "spam_heading": ("Spam, hameçonnage et logiciels malveillants",),  # [?]
    "settings_override": ("Remplacer",),  # [?]
    "settings_inherit": ("Hériter",),  # [?]
    "settings_inherit_title": ("Hériter des paramètres ?",),  # [?]
    "routing_heading": ("Routage",),
    "configure": ("Configurer",),
    "add_another_rule": ("Ajouter une autre règle",),
    "rules_table": ("Règles de routage",),
    "rule_enabled": ("Activé",),
    "rule_dialog": ("Ajouter un paramètre",),
    "rule_dialog_edit": ("Modifier le paramètre",),
    "rule_description": ("Description",),
    "messages_group": ("E-mails concernés",),
    "msg_inbound": ("Entrant",),
    "msg_outbound": ("Sortant",),
    "msg_internal_sending": ("Interne - envoi",),
    "msg_internal_receiving": ("Interne - réception",),
    "action_menu": ("Pour les types de messages ci-dessus, procédez comme suit",),
    "modify_message": ("Modifier le message",),
    "reject_message": ("Refuser le message",),
    "route_group": ("Route",),
    "change_route": ("Modifier la route",),
    "route_menu": ("Acheminer vers",),
    "normal_routing": ("Routage normal",),
    "show_options": ("Afficher les options",),
    "account_types": ("Types de comptes concernés",),
    "acct_users": ("Utilisateurs",),
    "acct_groups": ("Groupes",),
    "acct_unrecognized": ("Non reconnu/Collecteur",),
    "envelope_filter": ("Filtre d'enveloppes",),
    "env_senders": ("Expéditeurs de l'enveloppe",),
    "env_recipients": ("Destinataires de l'enveloppe",),
    "env_senders_check": ("N'affecter que certains expéditeurs d'enveloppe",),
    "env_recipients_check": ("N'affecter que certains destinataires d'enveloppe",),
    "match_menu": ("Type de correspondance",),
    "match_single_address": ("Adresse e-mail unique",),
    "match_pattern": ("Correspondance de modèle",),
    "match_group": ("Appartenance à un groupe",),
    "match_value_single_address": ("Adresse e-mail",),
    "match_value_pattern": ("Expression régulière",),
    "match_value_group": ("Adresse e-mail du groupe",),
    "default_routing_heading": ("Routage par défaut",),
    "default_rules_table": ("Paramètres de routage par défaut",),  # [?]
    "recipients_menu": ("Spécifier les destinataires d'enveloppe concernés",),  # [?]
    "dr_recipients_group": ("1. Spécifier les destinataires d'enveloppe concernés",),  # [?]
    "dr_match_single_recipient": ("Destinataire unique",),  # [?]
    "dr_match_pattern": ("Correspondance de modèle",),
    "dr_match_group": ("Appartenance à un groupe",),
    "dr_match_all": ("Tous les destinataires",),  # [?]
    "dr_action_menu": (
        "Si le destinataire de l'enveloppe correspond aux critères ci-dessus, procédez comme suit",
    ),  # [?]
    "rejection_notice": ("Personnaliser la notification de refus",),  # [?]
    "apply_unrecognized": ("Appliquer cette action uniquement aux adresses non reconnues",),  # [?]
    "apply_all": ("Appliquer cette action aux adresses reconnues et non reconnues",),  # [?]
    "headers_group": ("En-têtes",),  # [?]
    "hdr_original_to": ("Ajouter l'en-tête X-Gm-Original-To",),  # [?]
    "hdr_spam": ("Ajouter les en-têtes X-Gm-Spam et X-Gm-Phishy",),  # [?]
    "hdr_custom": ("Ajouter des en-têtes personnalisés",),  # [?]
    "custom_headers_list": ("En-têtes personnalisés",),  # [?]
    "add_item": ("Ajouter",),  # [?]
    "remove_item": ("Supprimer",),  # [?]
    "header_dialog": ("Ajouter un en-tête personnalisé",),  # [?]
    "header_key": ("Clé de l'en-tête",),  # [?]
    "header_value": ("Valeur de l'en-tête",),  # [?]
    "subject_group": ("Objet",),  # [?]
    "prepend_subject": ("Ajouter un objet personnalisé au début",),  # [?]
    "subject_text": ("Objet personnalisé",),  # [?]
    "also_reroute_spam": ("Rediriger également le spam",),  # [?]
    "suppress_bounces": ("Supprimer les notifications de non-distribution de ce message",),  # [?]
    "envelope_recipient_group": ("Destinataire de l'enveloppe",),  # [?]
    "change_envelope": ("Modifier le destinataire de l'enveloppe",),  # [?]
    "envelope_menu": ("Remplacer",),  # [?]
    "envelope_recipient": ("Remplacer le destinataire",),  # [?]
    "envelope_username": ("Remplacer le nom d'utilisateur",),  # [?]
    "envelope_domain": ("Remplacer le domaine",),  # [?]
    "envelope_value_recipient": ("Adresse e-mail",),  # [?]
    "envelope_value_username": ("Nom d'utilisateur",),  # [?]
    "envelope_value_domain": ("Domaine",),  # [?]
    "spam_group": ("Spam",),  # [?]
    "bypass_spam": ("Ignorer le filtre antispam pour ce message",),  # [?]
    "attachments_group": ("Pièces jointes",),  # [?]
    "remove_attachments": ("Supprimer les pièces jointes de ce message",),  # [?]
    "deliver_group": ("Distribuer également à",),  # [?]
    "add_recipients": ("Ajouter des destinataires",),  # [?]
    "recipients_list": ("Destinataires",),  # [?]
    "recipient_dialog": ("Ajouter un destinataire",),  # [?]
    "recipient_mode": ("Type de destinataire",),  # [?]
    "recipient_basic": ("De base",),  # [?]
    "recipient_advanced": ("Avancé",),  # [?]
    "recipient_address": ("Adresse e-mail",),  # [?]
    "copy_no_spam": ("Ne pas distribuer le spam à ce destinataire",),  # [?]
    "copy_suppress_bounces": (
        "Supprimer les notifications de non-distribution de ce destinataire",
    ),  # [?]
    "encryption_group": ("Chiffrement (distribution ultérieure uniquement)",),  # [?]
    "require_secure_transport": ("Exiger un transport sécurisé (TLS)",),  # [?]
    # page Authentifier les e-mails (DKIM) et sa boîte "Générer un nouvel enregistrement"
    "authenticate_email_heading": ("Authentifier les e-mails",),
    "dkim_domain_menu": ("Domaine sélectionné",),
    "dkim_authenticating": ("Authentification des e-mails avec DKIM",),  # [?]
    "dkim_not_authenticating": ("Les e-mails ne sont pas authentifiés",),  # [?]
    "dkim_signing_with": (
        "les e-mails sont signés avec la clé du sélecteur {selector}",  # [?]
    ),
    "dkim_host_name": ("Nom d'hôte DNS (nom de l'enregistrement TXT)",),  # [?]
    "dkim_txt_value": ("Valeur de l'enregistrement TXT",),  # [?]
    "dkim_generate_record": ("Générer un nouvel enregistrement",),  # [?]
    "dkim_start": ("Commencer l'authentification",),  # [?]
    "dkim_stop": ("Arrêter l'authentification",),  # [?]
    "dkim_dialog": ("Générer un nouvel enregistrement",),  # [?]
    "dkim_key_bits": ("Longueur en bits de la clé DKIM",),  # [?]
    "dkim_selector": ("Préfixe du sélecteur",),  # [?]
    "dkim_generate": ("Générer",),  # [?]
    "dkim_too_early": ("Enregistrement DKIM non créé",),  # [?]
    "dkim_not_found": ("est introuvable dans le DNS",),  # [?] part of the refusal of Start
    "dkim_mismatch": ("ne correspond pas à la valeur",),  # [?] part of it
}

# The prose around the console's names. `{…}` fields are filled with quoted console names or
# values; nothing here names a control on its own.
PROSE: dict[ProseKey, str] = {
    "title": "Runbook {name}",
    "sign_in": "Connectez-vous à la console d'administration ({url}) avec un compte "
    "administrateur, puis suivez ces étapes dans l'ordre.",
    "go_to": "Dans la console d'administration, accédez à {path}.",
    "org_unit": "Dans le sélecteur d'unités organisationnelles à gauche ({tree}), "
    "sélectionnez {ou}.",
    "org_top": "Dans le sélecteur d'unités organisationnelles à gauche ({tree}), sélectionnez "
    "l'unité organisationnelle de premier niveau (votre domaine).",
    "inherited_off": "Dans la section {section}, repérez la règle {name}, marquée {status} : "
    "elle est héritée d'une unité organisationnelle parente et ne peut pas être modifiée ici. "
    "Désactivez {switch} sur sa ligne ; la règle reste active dans l'unité parente.",
    "inherited_on": "Dans la section {section}, repérez la règle {name}, marquée {status} : "
    "elle est héritée d'une unité organisationnelle parente et ne peut pas être modifiée ici. "
    "Si {switch} est désactivé sur sa ligne, activez-le.",
    "inherited_off_title": "Désactiver la règle héritée {name} dans cette unité organisationnelle",
    "inherited_on_title": "Garder active la règle héritée {name} dans cette unité "
    "organisationnelle",
    "add_route": "Cliquez sur {add_route}. La boîte de dialogue {dialog} s'ouvre.",
    "edit_route": "(Si la liste contient déjà une route nommée {name}, cliquez plutôt sur "
    "{edit} sur sa ligne ; la boîte de dialogue {dialog} s'ouvre : faites correspondre "
    "chacun des champs ci-dessous.)",
    "route_name": "Dans le champ {field}, saisissez {name}. Sans nom, la route ne peut pas "
    "être enregistrée.",
    "server_menu": "Sous {menu}, cliquez sur le menu et sélectionnez {choice}.",
    "single_host": "Dans {host}, saisissez {value} ; dans {port}, saisissez {number}.",
    "table": "Dans le tableau {table}, saisissez une ligne par hôte ({add_host} ajoute une "
    "ligne) :",
    "row": "{host} : {value}, {port} : {number}, {load} : {percent}",
    "no_secondary": "Laissez le tableau {table} vide.",
    "loads": "La charge totale de chaque tableau ({load}) doit être de 100 %.",
    "options": "Sous {options} :",
    "check": "cochez la case {box}",
    "uncheck": "laissez la case {box} décochée",
    "test_tls": "Pour vérifier la connexion au serveur, cliquez sur {button} et lisez le "
    "résultat ({passed}). En cas d'échec, corrigez d'abord le serveur : une route dont les "
    "vérifications de certificat échouent peut faire rejeter des messages.",
    "save": "Au bas de la boîte de dialogue, cliquez sur {save}. Il peut s'écouler jusqu'à "
    "24 heures avant que les modifications soient appliquées.",
    "delete_route": "Dans la liste, repérez la route {name} et cliquez sur {delete} sur sa "
    "ligne ; dans la boîte de dialogue {dialog}, cliquez sur {delete}. Si cette route "
    "n'existe pas, il n'y a rien à faire.",
    "scroll_routing": "Faites défiler la page jusqu'à la section {section}.",
    "add_rule": "Cliquez sur {configure} ou sur {add_another} (quand la section contient "
    "déjà des règles). La boîte de dialogue {dialog} s'ouvre.",
    "edit_rule": "(Si la section contient déjà une règle décrite comme {name}, cliquez "
    "plutôt sur {edit} sur sa ligne ; la boîte de dialogue {dialog} s'ouvre : faites "
    "correspondre chacun des champs ci-dessous.)",
    "description": "Dans le champ {field}, saisissez {name}. Sans description, la règle ne "
    "peut pas être enregistrée.",
    "messages": "Sous {group}, cochez {checked}.",
    "messages_off_one": "Laissez la case {unchecked} décochée.",
    "messages_off_many": "Laissez les cases {unchecked} décochées.",
    "action": "Sous {menu}, cliquez sur le menu et sélectionnez {choice}.",
    "change_route": "Sous {group}, cochez la case {box}, puis dans le menu {menu}, "
    "sélectionnez le serveur {route}.",
    "existing_route": "Cette route n'est pas créée par le runbook : elle doit déjà exister "
    "dans {hosts}.",
    "show_options": "Faites défiler la page vers le bas, puis cliquez sur {show}.",
    "accounts": "Sous {group}, cochez {checked}.",
    "accounts_off_one": "La case {unchecked} doit être décochée.",
    "accounts_off_many": "Les cases {unchecked} doivent être décochées.",
    "envelope": "Sous {group} :",
    "envelope_side": "cochez la case {box}, sélectionnez {match} dans le menu {menu} et "
    "saisissez {value} dans {field}",
    "envelope_none": "Sous {group}, laissez les deux cases décochées.",
    "disable": "De retour dans la section {section}, désactivez {switch} pour la règle {name}.",
    "delete_rule": "Dans la section {section}, repérez la règle {name} et cliquez sur "
    "{delete} sur sa ligne ; dans la boîte de dialogue {dialog}, cliquez sur {delete}. Si "
    "cette règle n'existe pas, il n'y a rien à faire.",
    "and": "et",
    "secret_value": "la valeur de ${name}",
    "remove_route": "Supprimer la route de messagerie {name}",
    "remove_rule": "Supprimer la règle de routage {name}",
    "set_route": "Ajouter ou mettre à jour la route de messagerie {name}",
    "set_rule": "Ajouter ou mettre à jour la règle de routage {name}",
    "add_default_rule": "Cliquez sur {configure} (ou sur {add_another} si la page contient déjà "
    "des paramètres). La boîte de dialogue {dialog} s'ouvre.",
    "edit_default_rule": "(Si la liste contient déjà un paramètre décrit comme {name}, cliquez "
    "plutôt sur {edit} sur sa ligne ; la boîte de dialogue {dialog} s'ouvre : faites "
    "correspondre chaque champ ci-dessous.)",
    "dr_recipients": "Sous {menu}, sélectionnez {match}, puis dans {field} saisissez {value}.",
    "dr_recipients_all": "Sous {menu}, sélectionnez {match}.",
    "dr_apply_to": "Sous {group}, sélectionnez {choice}.",
    "disable_default_rule": "De retour sur la page {page}, désactivez {switch} pour le "
    "paramètre {name}.",
    "delete_default_rule": "Dans la liste, repérez le paramètre {name} et cliquez sur {delete} "
    "sur sa ligne ; dans la boîte de dialogue {dialog}, cliquez sur {delete}. S'il n'existe "
    "pas, il n'y a rien à faire.",
    "remove_default_rule": "Supprimer le paramètre de routage par défaut {name}",
    "set_default_rule": "Ajouter ou mettre à jour le paramètre de routage par défaut {name}",
    "rejection_notice": (
        "Dans le champ {field}, saisissez {text} (le texte renvoyé aux expéditeurs)."
    ),
    "in_group": "Sous {group} :",
    "custom_header": (
        "cochez la case {box} ; pour chaque en-tête, cliquez sur {add}, saisissez {header} dans "
        "{header_field} et {value} dans {value_field}, puis cliquez sur {save}"
    ),
    "enter_text": "cochez la case {box} et saisissez {text} dans {field}",
    "envelope_recipient": (
        "cochez la case {box}, sélectionnez {choice} dans le menu {menu} et saisissez {value} "
        "dans {field}"
    ),
    "deliver": (
        "Sous {group}, cochez la case {box}. Pour chaque destinataire ci-dessous, cliquez sur "
        "{add} ; dans la boîte de dialogue {dialog}, faites les choix indiqués, puis cliquez sur "
        "{save} :"
    ),
    "copy_basic": "{menu} : {choice} ; {field} : {address}",
    "copy_advanced": "{menu} : {choice} ; {field} : {address} ; {flags}",
    "copy_route": "sous {group}, cochez la case {box} et sélectionnez {route} dans le menu {menu}",
    "copy_flag_on": "cochez la case {box}",
    "copy_flag_off": "décochez la case {box} (elle est cochée par défaut)",
    "others_off": "Laissez décochées et vides toutes les autres options de {choice}.",
    "set_dkim": "Définir la clé DKIM de {name}",
    "dkim_domain": "Dans le menu {menu}, sélectionnez {domain}.",
    "dkim_generate_key": (
        "Si {host} est vide, ou ne commence pas par {selector} (un nouveau sélecteur : une "
        "rotation de clé), cliquez sur {button} ; dans la boîte de dialogue {dialog}, "
        "sélectionnez {n} dans {bits}, saisissez {selector} dans {prefix} et cliquez sur "
        "{generate}. Une clé de ce sélecteur mais d'une autre longueur n'est pas remplacée : "
        "faites la rotation avec un nouveau sélecteur."
    ),
    "dkim_publish": (
        "Publiez l'enregistrement dans le DNS du domaine : un seul enregistrement TXT nommé "
        "{name} ({short} dans la plupart des interfaces DNS) dont la valeur est celle du champ "
        "{value} de la page ; une valeur longue est découpée en plusieurs chaînes entre "
        "guillemets dans ce même enregistrement. Gardez l'enregistrement de l'ancien "
        "sélecteur jusqu'à ce que la nouvelle clé soit activée."
    ),
    "dkim_start_auth": (
        "Une fois l'enregistrement servi par le DNS (jusqu'à 48 heures), cliquez sur {start} ; "
        "l'état indique alors {status}."
    ),
    "dkim_stop_auth": "Si l'état indique {status}, cliquez sur {stop}.",
    "set_form": "Définir le formulaire {name}",
    "form_open": "Cliquez sur {button}.",
    "form_section": "Dans la section {section} :",
    "form_inherit": (
        "Si la section n'indique pas {status}, cliquez sur {inherit}, puis sur {inherit} dans "
        "la boîte de dialogue {dialog}."
    ),
    "form_override": (
        "Si la section indique {status} et qu'une valeur ci-dessous diffère, cliquez d'abord "
        "sur {button}."
    ),
    "form_save": "Cliquez sur {save}.",
    "form_no_save": "Chaque modification est enregistrée aussitôt.",
    "form_go_to_path": "Dans la console d'administration, ouvrez la page {path}.",
    "form_textbox": "Dans {name}, saisissez {value}.",
    "form_combobox": "Dans le menu {name}, sélectionnez {option}.",
    "form_radio": "Sélectionnez {name}.",
    "form_check": "Cochez la case {name}.",
    "form_uncheck": "Décochez la case {name}.",
    "form_act_when": "Si la page affiche {guard} : {act}.",
    "form_act_unless": "Sauf si la page affiche {guard} : {act}.",
    "form_expect": "Vérifiez que la page affiche {target}.",
    "form_do_click": "cliquez sur {target}",
    "form_do_fill": "saisissez {value} dans {target}",
    "form_do_check": "cochez {target}",
    "form_do_uncheck": "décochez {target}",
    "form_do_choose": "sélectionnez {option} dans le menu {target}",
}

QUOTES = ("«\u00a0", "\u00a0»")
BROWSER_LOCALE = "fr-FR"
