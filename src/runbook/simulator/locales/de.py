"""German: every string the simulator's pages and answers show in this language."""

from __future__ import annotations

# Unmarked strings are Google's own German (the reference's dkim.md and console-ui.md), product
# names or the simulator's own data (an OU's name); every string marked [?] is unsourced.

STRINGS: dict[str, str] = {
    "console_title": "Admin-Konsole",  # [?]
    "console_intro": "Verwalten Sie die Google Workspace-Einstellungen Ihrer Organisation.",  # [?]
    "main_menu": "Hauptmenü",  # [?]
    "nav_apps": "Apps",  # [?]
    "nav_workspace": "Google Workspace",
    "nav_gmail": "Gmail",
    "nav_hosts": "Hosts",
    "nav_routing": "Routing",
    "nav_default_routing": "Standardrouting",
    "nav_authenticate_email": "E-Mail authentifizieren",
    "org_units": "Organisationseinheiten",  # [?]
    "org_top": "example.com",
    "org_child": "Sales",  # the child OU of the default tree (an OU's name is not translated)
    "org_search": "Organisationseinheiten suchen",  # [?]
    "loading": "Wird geladen",  # [?]
    "saved_note": "bis zu 24 Stunden",  # [?]
    "concurrent_change": "von einer anderen Person geändert",  # [?] part of err_stale
    "concurrent_gone": "existiert nicht mehr",  # [?] part of err_not_found
    "name_taken": "ist bereits vorhanden",  # [?] part of err_name_taken, err_description_taken
    "save_failed": "Ihre Änderungen konnten nicht gespeichert werden",  # [?] of err_save_failed
    "saved_toast": (
        "Gespeichert. Es kann bis zu 24 Stunden dauern, bis die Änderungen wirksam werden."
    ),  # [?]
    "deleted_toast": (
        "Gelöscht. Es kann bis zu 24 Stunden dauern, bis die Änderungen wirksam werden."
    ),  # [?]
    "status_inherited": "Übernommen",  # [?]
    "status_local": "Lokal angewendet",  # [?]
    "page_not_found": "Seite nicht gefunden",  # [?]
    "page_not_found_text": "Die angeforderte Seite gibt es in dieser Konsole nicht.",  # [?]
    "sign_out": "Abmelden",  # [?]
    "signin_heading": "Anmelden",  # [?]
    "signin_subtitle": "Weiter zur Admin-Konsole",  # [?]
    "signin_email": "E-Mail-Adresse oder Telefonnummer",  # [?]
    "signin_password": "Passwort eingeben",  # [?]
    "signin_code": "Code eingeben",  # [?]
    "signin_next": "Weiter",  # [?]
    "signin_2sv_heading": "Bestätigung in zwei Schritten",  # [?]
    "signin_2sv_hint": (
        "Rufen Sie einen Bestätigungscode aus der Google Authenticator App ab."
    ),  # [?]
    "signin_wrong_email": "Ihr Google-Konto wurde nicht gefunden.",  # [?]
    "signin_wrong_password": "Falsches Passwort. Versuchen Sie es noch einmal.",  # [?]
    "signin_wrong_code": "Falscher Code. Versuchen Sie es noch einmal.",  # [?]
    "signin_restart": "Ihre Anmeldesitzung ist abgelaufen. Beginnen Sie von vorn.",  # [?]
    "signin_refused": "Anmeldung nicht möglich",  # [?]
    "signin_refused_insecure": (
        "Dieser Browser oder diese App ist möglicherweise nicht sicher."  # [?]
    ),
    "signin_refused_learn_more": "Weitere Informationen",  # [?]
    "signin_refused_hint": (
        "Versuchen Sie es mit einem anderen Browser. Wenn Sie bereits einen unterstützten "
        "Browser verwenden, können Sie die Anmeldung noch einmal versuchen."  # [?]
    ),
    "signin_refused_retry": "Noch einmal versuchen",  # [?]
    "hosts_heading": "Hosts",
    "hosts_intro": "E-Mail-Routen, über die Gmail E-Mails an andere Server zustellen kann.",  # [?]
    "add_route": "Route hinzufügen",
    "routes_table": "E-Mail-Routen",  # [?]
    "col_name": "Name",  # [?]
    "col_hosts": "Host(s)",  # [?]
    "col_options": "Optionen",  # [?]
    "col_actions": "Aktionen",  # [?]
    "no_routes": "Es gibt noch keine E-Mail-Routen.",  # [?]
    "edit": "Bearbeiten",
    "delete": "Löschen",  # [?]
    "delete_route_title": "E-Mail-Route löschen?",  # [?]
    "delete_route_text": "Die E-Mail-Route „{name}“ wird gelöscht.",  # [?]
    "delete_rule_title": "Einstellung löschen?",  # [?]
    "delete_rule_text": "Die Einstellung „{name}“ wird gelöscht.",  # [?]
    "delete_named_title": "{name} löschen",  # [?]
    "banner_label": "Ankündigung",  # [?]
    "banner_text": (
        "Die Admin-Konsole hat ein neues Design. Sehen Sie sich die Neuerungen an."
    ),  # [?]
    "banner_got_it": "Verstanden",  # [?]
    "banner_dismiss": "Ausblenden",  # [?]
    "reauth_heading": "Bestätigen Sie Ihre Identität",  # [?]
    "reauth_hint": "Bestätigen Sie zuerst Ihre Identität, um fortzufahren",  # [?]
    "summary_primary": "Primär",  # [?]
    "summary_secondary": "Sekundär",  # [?]
    "summary_mx": "MX-Lookup",  # [?]
    "summary_tls": "TLS erforderlich",  # [?]
    "summary_ca": "Von einer Zertifizierungsstelle signiertes Zertifikat",  # [?]
    "summary_hostname": "Hostname des Zertifikats validiert",  # [?]
    "summary_no_tls": "TLS nicht erforderlich",  # [?]
    "route_dialog": "E-Mail-Route hinzufügen",
    "route_dialog_edit": "E-Mail-Route bearbeiten",  # [?]
    "route_name": "Name",  # [?]
    "section_server": "1. E-Mail-Server angeben",  # [?]
    "server_menu": "E-Mail-Server angeben",  # [?]
    "single_host": "Einzelner Host",
    "multiple_hosts": "Mehrere Hosts",
    "host": "Hostname oder IP-Adresse",  # [?]
    "port": "Port",  # [?]
    "load": "% Last",  # [?]
    "primary": "Primär",  # [?]
    "secondary": "Sekundär",  # [?]
    "host_row": "Host {n}",  # [?]
    "add_host": "Host hinzufügen",  # [?]
    "remove_host": "Host entfernen",  # [?]
    "section_options": "2. Optionen",  # [?]
    "options": "Optionen",  # [?]
    "mx_lookup": "MX-Lookup für Host durchführen",  # [?]
    "require_tls": (
        "E-Mails müssen über eine sichere Verbindung (TLS) übertragen werden (empfohlen)"
    ),  # [?]
    "require_ca": (
        "Von einer Zertifizierungsstelle signiertes Zertifikat erforderlich (empfohlen)"
    ),  # [?]
    "validate_hostname": "Hostnamen des Zertifikats validieren (empfohlen)",  # [?]
    "test_tls": "TLS-Verbindung testen",  # [?]
    "testing_tls": "TLS-Verbindung wird getestet",  # [?]
    "tls_passed": "TLS-Verbindung erfolgreich",  # [?]
    "tls_failed": "TLS-Verbindung fehlgeschlagen",  # [?]
    "tls_bounce_warning": (
        "Wenn Sie eine Route speichern, deren Zertifikatsvalidierung fehlschlägt, können "
        "E-Mails unzustellbar werden."
    ),  # [?]
    "save": "Speichern",  # [?]
    "saving": "Wird gespeichert",  # [?]
    "cancel": "Abbrechen",  # [?]
    "routing_heading": "Routing",
    "routing_intro": "Einstellungen, die das Routing der E-Mails Ihrer Organisation ändern.",  # [?]
    "configure": "Konfigurieren",
    "add_another_rule": "Weitere Regel hinzufügen",
    "rules_table": "Routingregeln",  # [?]
    "col_description": "Beschreibung",  # [?]
    "col_summary": "Zusammenfassung",  # [?]
    "col_status": "Status",  # [?]
    "no_rules": "Es gibt noch keine Routingeinstellungen.",  # [?]
    "block_address_map": "E-Mail-Weiterleitung mithilfe einer Empfängeradressenzuordnung",  # [?]
    "block_secure_route": "Alternative sichere Route",  # [?]
    "block_smtp_relay": "SMTP-Relay-Dienst",  # [?]
    "block_non_gmail": "Nicht-Gmail-Postfach",  # [?]
    "no_settings": "Es gibt noch keine Einstellungen.",  # [?]
    "rule_enabled": "Aktiviert",  # [?]
    "summary_route": "Route: {name}",  # [?]
    "summary_filtered": "Umschlagfilter",  # [?]
    "rule_dialog": "Einstellung hinzufügen",  # [?]
    "rule_dialog_edit": "Einstellung bearbeiten",  # [?]
    "rule_description": "Beschreibung",  # [?]
    "section_messages": "1. Betroffene E-Mails",  # [?]
    "messages_group": "Betroffene E-Mails",  # [?]
    "msg_inbound": "Eingehend",  # [?]
    "msg_outbound": "Ausgehend",  # [?]
    "msg_internal_sending": "Intern - Senden",  # [?]
    "msg_internal_receiving": "Intern - Empfangen",  # [?]
    "section_action": "2. Für die oben ausgewählten Nachrichtentypen Folgendes tun",  # [?]
    "action_menu": "Für die oben ausgewählten Nachrichtentypen Folgendes tun",  # [?]
    "modify_message": "Nachricht ändern",  # [?]
    "reject_message": "Nachricht ablehnen",  # [?]
    "route_group": "Route",  # [?]
    "change_route": "Route ändern",  # [?]
    "route_menu": "Weiterleiten an",  # [?]
    "normal_routing": "Normales Routing",  # [?]
    "show_options": "Optionen anzeigen",  # [?]
    "hide_options": "Optionen ausblenden",  # [?]
    "account_types": "Betroffene Kontotypen",  # [?]
    "acct_users": "Nutzer",  # [?]
    "acct_groups": "Gruppen",  # [?]
    "acct_unrecognized": "Nicht erkannt / Catchall",  # [?]
    "envelope_filter": "Umschlagfilter",  # [?]
    "env_senders": "Umschlagabsender",  # [?]
    "env_recipients": "Umschlagempfänger",  # [?]
    "env_senders_check": "Nur bestimmte Umschlagabsender betreffen",  # [?]
    "env_recipients_check": "Nur bestimmte Umschlagempfänger betreffen",  # [?]
    "match_menu": "Art der Übereinstimmung",  # [?]
    "match_single_address": "Einzelne E-Mail-Adresse",  # [?]
    "match_pattern": "Musterübereinstimmung",  # [?]
    "match_group": "Gruppenmitgliedschaft",  # [?]
    "match_value_single_address": "E-Mail-Adresse",  # [?]
    "match_value_pattern": "Regulärer Ausdruck",  # [?]
    "match_value_group": "E-Mail-Adresse der Gruppe",  # [?]
    # Standardrouting ([?]: nicht belegt, außer dem Titel)
    "default_routing_heading": "Standardrouting",
    "default_routing_intro": (
        "Domainweites Routing eingehender E-Mails an nicht erkannte Adressen, nach Priorität."
    ),  # [?]
    "default_rules_table": "Einstellungen für das Standardrouting",  # [?]
    "no_default_rules": "Es gibt noch keine Einstellungen für das Standardrouting.",  # [?]
    "recipients_menu": "Zu prüfende Umschlagempfänger angeben",  # [?]
    "dr_recipients_group": "1. Zu prüfende Umschlagempfänger angeben",  # [?]
    "dr_match_single_recipient": "Einzelner Empfänger",  # [?]
    "dr_match_pattern": "Musterübereinstimmung",  # [?]
    "dr_match_group": "Gruppenmitgliedschaft",  # [?]
    "dr_match_all": "Alle Empfänger",  # [?]
    "section_dr_action": (
        "2. Wenn der Umschlagempfänger den obigen Kriterien entspricht, Folgendes tun"
    ),  # [?]
    "dr_action_menu": (
        "Wenn der Umschlagempfänger den obigen Kriterien entspricht, Folgendes tun"
    ),  # [?]
    "rejection_notice": "Ablehnungsbenachrichtigung anpassen",  # [?]
    "apply_unrecognized": "Diese Aktion nur bei nicht erkannten Adressen ausführen",  # [?]
    "apply_all": "Diese Aktion bei nicht erkannten und erkannten Adressen ausführen",  # [?]
    # validation and errors (page and server): every one [?]
    "err_name_required": "Geben Sie einen Namen ein.",  # [?]
    "err_name_taken": "Eine E-Mail-Route mit diesem Namen ist bereits vorhanden.",  # [?]
    "err_host_required": "Geben Sie einen Hostnamen oder eine IP-Adresse ein.",  # [?]
    "err_host_invalid": (
        "Geben Sie einen gültigen Hostnamen oder eine gültige IP-Adresse ein."
    ),  # [?]
    "err_port_invalid": (
        "Geben Sie einen Port ein: 25, 587 oder eine Zahl von 1024 bis 65535."
    ),  # [?]
    "err_port_465": (
        "Port 465 wird nicht unterstützt. Verwenden Sie 25, 587 oder eine Zahl von 1024 bis 65535."
    ),  # [?]
    "err_load_invalid": "Geben Sie eine Last von 1 bis 100 ein.",  # [?]
    "err_load_total": "Die Last in dieser Tabelle muss zusammen 100 % ergeben.",  # [?]
    "err_primary_required": "Fügen Sie mindestens einen primären Host hinzu.",  # [?]
    "err_too_many_hosts": "Eine Tabelle kann höchstens 10 Hosts enthalten.",  # [?]
    "err_options_nesting": "Diese Zertifikatsoptionen setzen die Optionen darüber voraus.",  # [?]
    "err_description_required": "Geben Sie eine Beschreibung ein.",  # [?]
    "err_description_taken": (
        "Eine Einstellung mit dieser Beschreibung ist bereits vorhanden."
    ),  # [?]
    "err_messages_required": "Wählen Sie mindestens einen Nachrichtentyp aus.",  # [?]
    "err_account_types_required": "Wählen Sie mindestens einen Kontotyp aus.",  # [?]
    "err_route_required": "Wählen Sie eine Route aus.",  # [?]
    "err_route_unknown": "Diese Route gibt es nicht mehr. Wählen Sie eine andere aus.",  # [?]
    "err_value_required": "Geben Sie einen Wert ein.",  # [?]
    "err_email_invalid": "Geben Sie eine gültige E-Mail-Adresse ein.",  # [?]
    "err_regexp_invalid": "Geben Sie einen gültigen regulären Ausdruck ein.",  # [?]
    "err_route_in_use": (
        "Diese E-Mail-Route wird von einer Routingeinstellung verwendet und kann nicht "
        "gelöscht werden."
    ),  # [?]
    "err_not_found": "Diese Einstellung existiert nicht mehr.",  # [?]
    "err_stale": (
        "Diese Einstellung wurde von einer anderen Person geändert. Laden Sie die Seite neu, "
        "um die neuesten Änderungen zu sehen."
    ),  # [?]
    "err_bad_request": "Die Anfrage ist ungültig.",  # [?]
    "err_save_failed": (
        "Ihre Änderungen konnten nicht gespeichert werden. Versuchen Sie es noch einmal."
    ),  # [?]
    "err_signin_required": "Ihre Sitzung ist abgelaufen. Melden Sie sich noch einmal an.",  # [?]
    # the Modify / Reject option groups of the "Add setting" dialogs (Routing, Default routing):
    # every one [?] (no German source shows these groups)
    "headers_group": "Header",  # [?]
    "hdr_original_to": "X-Gm-Original-To-Header hinzufügen",  # [?]
    "hdr_spam": "X-Gm-Spam- und X-Gm-Phishy-Header hinzufügen",  # [?]
    "hdr_custom": "Benutzerdefinierte Header hinzufügen",  # [?]
    "custom_headers_list": "Benutzerdefinierte Header",  # [?]
    "add_item": "Hinzufügen",  # [?]
    "remove_item": "Entfernen",  # [?]
    "header_dialog": "Benutzerdefinierten Header hinzufügen",  # [?]
    "header_key": "Header-Schlüssel",  # [?]
    "header_value": "Header-Wert",  # [?]
    "subject_group": "Betreff",  # [?]
    "prepend_subject": "Benutzerdefinierten Betreff voranstellen",  # [?]
    "subject_text": "Benutzerdefinierter Betreff",  # [?]
    "also_reroute_spam": "Spam ebenfalls umleiten",  # [?]
    "suppress_bounces": "Unzustellbarkeitsnachrichten zu dieser Nachricht unterdrücken",  # [?]
    "envelope_recipient_group": "Empfänger im Umschlag",  # [?] (env_recipients has the other)
    "change_envelope": "Umschlagempfänger ändern",  # [?]
    "envelope_menu": "Ersetzen",  # [?]
    "envelope_recipient": "Empfänger ersetzen",  # [?]
    "envelope_username": "Nutzernamen ersetzen",  # [?]
    "envelope_domain": "Domain ersetzen",  # [?]
    "envelope_value_recipient": "E-Mail-Adresse",  # [?]
    "envelope_value_username": "Nutzername",  # [?]
    "envelope_value_domain": "Domain",  # [?]
    "spam_group": "Spam",  # [?]
    "bypass_spam": "Spamfilter für diese Nachricht umgehen",  # [?]
    "attachments_group": "Anhänge",  # [?]
    "remove_attachments": "Anhänge aus dieser Nachricht entfernen",  # [?]
    "deliver_group": "Auch zustellen an",  # [?]
    "add_recipients": "Weitere Empfänger hinzufügen",  # [?]
    "recipients_list": "Empfänger",  # [?]
    "recipient_dialog": "Empfänger hinzufügen",  # [?]
    "recipient_mode": "Art des Empfängers",  # [?]
    "recipient_basic": "Einfach",  # [?]
    "recipient_advanced": "Erweitert",  # [?]
    "recipient_address": "E-Mail-Adresse",  # [?]
    "copy_no_spam": "Keinen Spam an diesen Empfänger zustellen",  # [?]
    "copy_suppress_bounces": "Unzustellbarkeitsnachrichten zu diesem Empfänger unterdrücken",  # [?]
    "encryption_group": "Verschlüsselung (nur Weiterleitung)",  # [?]
    "require_secure_transport": "Sicheren Transport (TLS) erzwingen",  # [?]
    "err_header_key_required": "Geben Sie einen Header-Schlüssel ein.",  # [?]
    "err_header_key_invalid": (
        "Geben Sie einen gültigen Header-Schlüssel ein (ohne Leerzeichen und Doppelpunkte)."
    ),  # [?]
    "err_header_taken": "Dieser Header ist bereits in der Liste.",  # [?]
    "err_subject_required": "Geben Sie einen Betreff ein.",  # [?]
    "err_username_invalid": "Geben Sie einen gültigen Nutzernamen ein.",  # [?]
    "err_domain_invalid": "Geben Sie eine gültige Domain ein.",  # [?]
    "err_recipients_required": "Fügen Sie mindestens einen Empfänger hinzu.",  # [?]
    "err_headers_required": "Fügen Sie mindestens einen Header hinzu.",  # [?]
    "err_recipient_taken": "Dieser Empfänger ist bereits in der Liste.",  # [?]
    # Seite „E-Mail authentifizieren“ (DKIM) und ihr Dialog „Neuen Eintrag generieren“
    "authenticate_email_heading": "E-Mail authentifizieren",
    "dkim_domain_menu": "Ausgewählte Domain",
    "dkim_authenticating": "E-Mails werden mit DKIM authentifiziert",  # [?]
    "dkim_not_authenticating": "E-Mails werden nicht authentifiziert",  # [?]
    "dkim_host_name": "DNS-Hostname (Name des TXT-Eintrags)",
    "dkim_txt_value": "Wert des TXT-Eintrags",
    "dkim_generate_record": "Neuen Eintrag generieren",  # [?]
    "dkim_dialog": "Neuen Eintrag generieren",  # [?]
    "dkim_start": "Authentifizierung starten",  # [?]
    "dkim_stop": "Authentifizierung beenden",  # [?]
    "dkim_key_bits": "Bitlänge des DKIM-Schlüssels",  # [?]
    "dkim_selector": "Selektorpräfix",  # [?]
    "dkim_generate": "Generieren",  # [?]
    "dkim_generating": "Wird generiert",  # [?]
    "dkim_checking_dns": "DNS wird geprüft",  # [?]
    "dkim_updated_toast": "DKIM-Authentifizierungseinstellungen aktualisiert",  # [?]
    # [?] part of dkim_signing_note
    "dkim_signing_with": "mit dem Schlüssel des Selektors {selector} signiert",
    "dkim_too_early": "DKIM-Eintrag nicht erstellt",  # part of err_dkim_too_early
    "dkim_not_found": "wurde im DNS nicht gefunden",  # [?] part of err_dkim_not_found
    # [?] part of err_dkim_mismatch
    "dkim_mismatch": "stimmt nicht mit dem Wert des TXT-Eintrags überein",
    "dkim_signing_note": (
        "Bis die Authentifizierung mit dem neuen Eintrag startet, werden E-Mails mit dem"
        " Schlüssel des Selektors {selector} signiert."
    ),  # [?]
    "err_dkim_too_early": (
        "DKIM-Eintrag nicht erstellt. Gmail wurde für diese Domain erst vor Kurzem aktiviert:"
        " Versuchen Sie es in 24 bis 72 Stunden noch einmal."
    ),  # [?] (only its first sentence is Google's)
    "err_dkim_selector": (
        "Geben Sie ein gültiges Selektorpräfix ein: bis zu 63 Buchstaben, Ziffern oder"
        " Bindestriche, nicht mit einem Bindestrich am Anfang oder Ende."
    ),  # [?]
    "err_dkim_key_bits": "Wählen Sie eine Schlüssellänge aus: 2048 oder 1024.",  # [?]
    "err_dkim_no_key": "Generieren Sie zuerst einen DKIM-Eintrag.",  # [?]
    "err_dkim_not_found": (
        "Der DKIM-Eintrag {record} wurde im DNS nicht gefunden. Fügen Sie den angezeigten"
        " TXT-Eintrag dem DNS Ihrer Domain hinzu und versuchen Sie es dann noch einmal:"
        " DNS-Änderungen können bis zu 48 Stunden dauern."
    ),  # [?]
    "err_dkim_mismatch": (
        "Der DKIM-Eintrag {record} im DNS stimmt nicht mit dem Wert des TXT-Eintrags überein,"
        " der angezeigt wird. Korrigieren Sie ihn und versuchen Sie es dann noch einmal:"
        " DNS-Änderungen können bis zu 48 Stunden dauern."
    ),  # [?]
    "err_dkim_dns_unavailable": (
        "Das DNS konnte nicht geprüft werden. Versuchen Sie es später noch einmal."
    ),  # [?]
    # Gmail-Einstellungsseiten: Bereiche je Organisationseinheit (Überschreiben / Übernehmen)
    "status_overridden": "Überschrieben",  # [?]
    "settings_override": "Überschreiben",  # [?]
    "settings_inherit": "Übernehmen",  # [?]
    "settings_inherit_title": "Einstellungen übernehmen?",  # [?]
    "settings_inherit_text": (
        "{section} in {ou} verwendet wieder die Einstellungen der übergeordneten"
        " Organisationseinheit."
    ),  # [?]
    "settings_inherited_from": "Übernommen von {ou}",  # [?]
    "err_settings_top_inherits": (
        "Die oberste Organisationseinheit hat keine übergeordnete Einheit, von der sie"
        " Einstellungen übernehmen kann."
    ),  # [?]
    # Seite „Spam, Phishing und Malware“
    "nav_spam": "Spam, Phishing und Malware",  # [?]
    "spam_heading": "Spam, Phishing und Malware",  # [?]
    "spam_allowlist": "E-Mail-Zulassungsliste",  # [?]
    "spam_allowlist_intro": (
        "Eine E-Mail-Zulassungsliste ist eine Liste von IP-Adressen, von denen Ihre Nutzer"
        " E-Mails erhalten sollen. Von diesen IP-Adressen gesendete E-Mails sollten nicht als"
        " Spam markiert werden."
    ),  # [?]
    "spam_allowlist_ips": "IP-Adressen für die Zulassungsliste eingeben",  # [?]
    "spam_allowlist_hint": (
        "IPv4-Adressen oder CIDR-Bereiche, durch Kommas oder Leerzeichen getrennt"
    ),  # [?]
    "spam_pre_delivery": "Erweitertes Scannen von Nachrichten vor der Zustellung",  # [?]
    "spam_pre_delivery_check": (
        "Ermöglicht eine bessere Erkennung verdächtiger Inhalte vor der Zustellung"
    ),  # [?]
    "spam_spoofing": "Spoofing und Authentifizierung",  # [?]
    "spam_spoofing_action": "Schutz vor Spoofing",  # [?]
    "spam_action_warn": "E-Mail im Posteingang behalten und Warnung anzeigen",  # [?]
    "spam_action_spam": "E-Mail in den Spamordner verschieben",  # [?]
    "spam_action_quarantine": "Quarantäne",  # [?]
    "spam_employee_names": "Vor Spoofing von Mitarbeiternamen schützen",  # [?]
    "spam_future_settings": "Zukünftige empfohlene Einstellungen automatisch anwenden",  # [?]
    "spam_inbound": "Eingehende E-Mails",  # [?]
    "spam_inbound_question": "Für welche Nachrichten sollen diese Einstellungen gelten?",  # [?]
    "spam_inbound_all": "Auf alle Nachrichten anwenden",  # [?]
    "spam_inbound_external": "Nur auf Nachrichten von außerhalb der Domain anwenden",  # [?]
    "spam_filter": "Spam",  # [?]
    "spam_filter_intro": "Legen Sie fest, wie Spam an Ihre Nutzer behandelt wird.",  # [?]
    "spam_filter_dialog": "Spameinstellungen",  # [?]
    "spam_aggressive": "Spam strenger filtern",  # [?]
    "spam_bypass_internal": "Spamfilter für Nachrichten interner Absender umgehen",  # [?]
    "spam_admin_quarantine": "Spam in die Administratorquarantäne verschieben",  # [?]
    "spam_notify": "Quarantänebenachrichtigungen",  # [?]
    "spam_notify_intro": "Jede Änderung wird sofort gespeichert.",  # [?]
    "spam_notify_admins": (
        "Administratoren per E-Mail benachrichtigen, wenn eine Nachricht in Quarantäne kommt"
    ),  # [?]
    "setting_on": "An",  # [?]
    "setting_off": "Aus",  # [?]
    "err_spam_ip_invalid": (
        "{value} ist keine gültige IPv4-Adresse und kein gültiger CIDR-Bereich."
    ),  # [?]
}

# What the real console's known variants (`runbook.simulator.variants`) write instead
# (both [?]: no source gives them in German).
VARIANT_STRINGS: dict[str, dict[str, str]] = {
    "tls-wording-2": {
        "require_tls": "E-Mails müssen über einen sicheren Transport (TLS) übertragen werden"
    },
    "ou-overridden": {"status_local": "Überschrieben"},
}
