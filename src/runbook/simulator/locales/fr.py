"""French: every string the simulator's pages and answers show in this language."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    "console_title": "Console d'administration",
    "console_intro": "Gérez les paramètres Google Workspace de votre organisation.",
    "main_menu": "Menu principal",
    "nav_apps": "Applications",
    "nav_workspace": "Google Workspace",
    "nav_gmail": "Gmail",
    "nav_hosts": "Hôtes",
    "nav_routing": "Routage",
    "nav_default_routing": "Routage par défaut",
    "nav_authenticate_email": "Authentifier les e-mails",
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
    # the Modify / Reject option groups of the "Add setting" dialogs (Routing, Default routing):
    # every one [?] (the help center's French pages do not show these groups)
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
    # page Authentifier les e-mails (DKIM) et sa boîte "Générer un nouvel enregistrement"
    "authenticate_email_heading": "Authentifier les e-mails",
    "dkim_domain_menu": "Domaine sélectionné",
    "dkim_authenticating": "Authentification des e-mails avec DKIM",  # [?]
    "dkim_not_authenticating": "Les e-mails ne sont pas authentifiés",  # [?]
    "dkim_host_name": "Nom d'hôte DNS (nom de l'enregistrement TXT)",  # [?]
    "dkim_txt_value": "Valeur de l'enregistrement TXT",  # [?]
    "dkim_generate_record": "Générer un nouvel enregistrement",  # [?]
    "dkim_dialog": "Générer un nouvel enregistrement",  # [?]
    "dkim_start": "Commencer l'authentification",  # [?]
    "dkim_stop": "Arrêter l'authentification",  # [?]
    "dkim_key_bits": "Longueur en bits de la clé DKIM",  # [?]
    "dkim_selector": "Préfixe du sélecteur",  # [?]
    "dkim_generate": "Générer",  # [?]
    "dkim_generating": "Génération",  # [?]
    "dkim_checking_dns": "Vérification du DNS",  # [?]
    "dkim_updated_toast": "Paramètres d'authentification DKIM mis à jour",  # [?]
    # part of dkim_signing_note
    "dkim_signing_with": "les e-mails sont signés avec la clé du sélecteur {selector}",
    "dkim_too_early": "Enregistrement DKIM non créé",  # part of err_dkim_too_early
    "dkim_not_found": "est introuvable dans le DNS",  # part of err_dkim_not_found
    "dkim_mismatch": "ne correspond pas à la valeur",  # part of err_dkim_mismatch
    "dkim_signing_note": (
        "Jusqu'au début de l'authentification avec le nouvel enregistrement, les e-mails sont"
        " signés avec la clé du sélecteur {selector}."
    ),  # [?]
    "err_dkim_too_early": (
        "Enregistrement DKIM non créé. Gmail a été activé récemment pour ce domaine : réessayez"
        " dans 24 à 72 heures."
    ),  # [?]
    "err_dkim_selector": (
        "Saisissez un préfixe de sélecteur valide : 63 lettres, chiffres ou traits d'union au"
        " plus, sans trait d'union au début ni à la fin."
    ),  # [?]
    "err_dkim_key_bits": "Choisissez une longueur de clé : 2048 ou 1024.",  # [?]
    "err_dkim_no_key": "Générez d'abord un enregistrement DKIM.",  # [?]
    "err_dkim_not_found": (
        "L'enregistrement DKIM {record} est introuvable dans le DNS. Ajoutez l'enregistrement"
        " TXT affiché au DNS de votre domaine, puis réessayez : la propagation peut prendre"
        " jusqu'à 48 heures."
    ),  # [?]
    "err_dkim_mismatch": (
        "L'enregistrement DKIM {record} du DNS ne correspond pas à la valeur de"
        " l'enregistrement TXT affichée. Corrigez-le, puis réessayez : la propagation peut"
        " prendre jusqu'à 48 heures."
    ),  # [?]
    "err_dkim_dns_unavailable": "Impossible de vérifier le DNS. Réessayez plus tard.",  # [?]
    # pages de paramètres Gmail : sections définies par UO (Remplacer / Hériter)
    "status_overridden": "Remplacé",  # [?]
    "settings_override": "Remplacer",  # [?]
    "settings_inherit": "Hériter",  # [?]
    "settings_inherit_title": "Hériter des paramètres ?",  # [?]
    "settings_inherit_text": (
        "{section} dans {ou} utilisera de nouveau les paramètres de l'unité organisationnelle"
        " parente."
    ),  # [?]
    "settings_inherited_from": "Hérité de {ou}",  # [?]
    "err_settings_top_inherits": (
        "L'unité organisationnelle de premier niveau n'a pas de parent dont hériter."
    ),  # [?]
    # page Spam, hameçonnage et logiciels malveillants
    "nav_spam": "Spam, hameçonnage et logiciels malveillants",  # [?]
    "spam_heading": "Spam, hameçonnage et logiciels malveillants",  # [?]
    "spam_allowlist": "Liste d'autorisation des e-mails",  # [?]
    "spam_allowlist_intro": (
        "Une liste d'autorisation des e-mails est une liste d'adresses IP dont vos"
        " utilisateurs doivent recevoir les e-mails. Les messages envoyés depuis ces adresses"
        " IP ne doivent pas être marqués comme spam."
    ),  # [?]
    "spam_allowlist_ips": "Saisissez les adresses IP de la liste d'autorisation",  # [?]
    "spam_allowlist_hint": (
        "Adresses IPv4 ou plages CIDR, séparées par des virgules ou des espaces"
    ),  # [?]
    "spam_pre_delivery": "Analyse améliorée des messages avant distribution",  # [?]
    "spam_pre_delivery_check": (
        "Active une détection améliorée des contenus suspects avant la distribution"
    ),  # [?]
    "spam_spoofing": "Usurpation d'identité et authentification",  # [?]
    "spam_spoofing_action": "Protection contre l'usurpation d'identité",  # [?]
    "spam_action_warn": (
        "Conserver l'e-mail dans la boîte de réception et afficher un avertissement"
    ),  # [?]
    "spam_action_spam": "Placer l'e-mail dans le dossier Spam",  # [?]
    "spam_action_quarantine": "Mettre en quarantaine",  # [?]
    "spam_employee_names": "Protéger contre l'usurpation des noms des employés",  # [?]
    "spam_future_settings": ("Appliquer automatiquement les futurs paramètres recommandés"),  # [?]
    "spam_inbound": "E-mails entrants",  # [?]
    "spam_inbound_question": "À quels messages ces paramètres s'appliquent-ils ?",  # [?]
    "spam_inbound_all": "Appliquer à tous les messages",  # [?]
    "spam_inbound_external": (
        "Appliquer uniquement aux messages provenant de l'extérieur du domaine"
    ),  # [?]
    "spam_filter": "Spam",  # [?]
    "spam_filter_intro": "Choisissez comment traiter le spam envoyé à vos utilisateurs.",  # [?]
    "spam_filter_dialog": "Paramètres du spam",  # [?]
    "spam_aggressive": "Filtrer le spam de manière plus stricte",  # [?]
    "spam_bypass_internal": (
        "Ignorer les filtres antispam pour les messages des expéditeurs internes"
    ),  # [?]
    "spam_admin_quarantine": "Placer le spam en quarantaine administrative",  # [?]
    "spam_notify": "Notifications de quarantaine",  # [?]
    "spam_notify_intro": "Chaque modification est enregistrée dès qu'elle est faite.",  # [?]
    "spam_notify_admins": (
        "Envoyer un e-mail aux administrateurs quand un message est mis en quarantaine"
    ),  # [?]
    "setting_on": "Activé",  # [?]
    "setting_off": "Désactivé",  # [?]
    "err_spam_ip_invalid": "{value} n'est pas une adresse IPv4 ou une plage CIDR valide.",  # [?]
}

# What the real console's known variants (`runbook.simulator.variants`) write instead
# (both [?]: no source gives them in French).
VARIANT_STRINGS: dict[str, dict[str, str]] = {
    "tls-wording-2": {
        "require_tls": "Exiger que les messages soient transmis via un transport sécurisé (TLS)"
    },
    "ou-overridden": {"status_local": "Remplacé"},
}
