"""German: the console's accessible names and the prose of `runbook explain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package reads this module as it starts: its label keys
    from runbook.locales import LabelKey, ProseKey

# Unmarked entries are Google's own German text (the reference's dkim.md and console-ui.md:
# Hosts, Routing, Standardrouting, E-Mail authentifizieren and a few more) or product names;
# every entry marked [?] is a plausible console wording no source confirms.

LABELS: dict[LabelKey, tuple[str, ...]] = {
    "main_menu": ("Hauptmenü",),  # [?]
    "nav_apps": ("Apps",),  # [?]
    "nav_workspace": ("Google Workspace",),
    "nav_gmail": ("Gmail",),
    "nav_hosts": ("Hosts",),
    "nav_routing": ("Routing",),
    "nav_default_routing": ("Standardrouting",),
    "nav_authenticate_email": ("E-Mail authentifizieren",),
    "org_units": ("Organisationseinheiten",),  # [?]
    "org_search": ("Organisationseinheiten suchen",),  # [?]
    "loading": ("Wird geladen",),  # [?]
    "saved_note": ("bis zu 24 Stunden",),  # [?]
    "status_inherited": ("Übernommen",),  # [?]
    "status_local": ("Lokal angewendet", "Überschrieben"),  # [?]
    "signin_heading": ("Anmelden",),  # [?]
    "signin_email": ("E-Mail-Adresse oder Telefonnummer",),  # [?]
    "signin_password": ("Passwort eingeben",),  # [?]
    "signin_code": ("Code eingeben",),  # [?]
    "reauth_heading": ("Bestätigen Sie Ihre Identität",),  # [?]
    "signin_refused": ("Anmeldung nicht möglich",),  # [?]
    "banner_got_it": ("Verstanden",),  # [?]
    "banner_dismiss": ("Ausblenden",),  # [?]
    "signin_next": ("Weiter",),  # [?]
    "hosts_heading": ("Hosts",),
    "add_route": ("Route hinzufügen",),
    "routes_table": ("E-Mail-Routen",),  # [?]
    "col_name": ("Name",),  # [?]
    "col_description": ("Beschreibung",),  # [?]
    "edit": ("Bearbeiten",),
    "delete": ("Löschen",),  # [?]
    "delete_route_title": ("E-Mail-Route löschen?",),  # [?]
    "delete_rule_title": ("Einstellung löschen?",),  # [?]
    "delete_named_title": ("{name} löschen",),  # [?]
    "route_dialog": ("E-Mail-Route hinzufügen",),
    "route_dialog_edit": ("E-Mail-Route bearbeiten",),  # [?]
    "route_name": ("Name",),  # [?]
    "server_menu": ("E-Mail-Server angeben",),  # [?]
    "single_host": ("Einzelner Host",),
    "multiple_hosts": ("Mehrere Hosts",),
    "host": ("Hostname oder IP-Adresse",),  # [?]
    "port": ("Port",),  # [?]
    "load": ("% Last",),  # [?]
    "primary": ("Primär",),  # [?]
    "secondary": ("Sekundär",),  # [?]
    "host_row": ("Host {n}",),  # [?]
    "add_host": ("Host hinzufügen",),  # [?]
    "remove_host": ("Host entfernen",),  # [?]
    "options": ("Optionen",),  # [?]
    "mx_lookup": ("MX-Lookup für Host durchführen",),  # [?]
    "require_tls": (
        "E-Mails müssen über eine sichere Verbindung (TLS) übertragen werden (empfohlen)",  # [?]
        "E-Mails müssen über einen sicheren Transport (TLS) übertragen werden",  # [?]
    ),
    "require_ca": (
        "Von einer Zertifizierungsstelle signiertes Zertifikat erforderlich (empfohlen)",
    ),  # [?]
    "validate_hostname": ("Hostnamen des Zertifikats validieren (empfohlen)",),  # [?]
    "test_tls": ("TLS-Verbindung testen",),  # [?]
    "tls_passed": ("TLS-Verbindung erfolgreich",),  # [?]
    "tls_failed": ("TLS-Verbindung fehlgeschlagen",),  # [?]
    "save": ("Speichern",),  # [?]
    "concurrent_change": ("von einer anderen Person geändert",),  # [?]
    "concurrent_gone": ("existiert nicht mehr",),  # [?]
    "name_taken": ("ist bereits vorhanden",),  # [?]
    "save_failed": ("Ihre Änderungen konnten nicht gespeichert werden",),  # [?]
    "cancel": ("Abbrechen",),  # [?]
    "nav_spam": ("Spam, Phishing und Malware",),  # [?]
    "spam_heading": ("Spam, Phishing und Malware",),  # [?]
    "settings_override": ("Überschreiben",),  # [?]
    "settings_inherit": ("Übernehmen",),  # [?]
    "settings_inherit_title": ("Einstellungen übernehmen?",),  # [?]
    "routing_heading": ("Routing",),
    "configure": ("Konfigurieren",),
    "add_another_rule": ("Weitere Regel hinzufügen",),
    "rules_table": ("Routingregeln",),  # [?]
    "rule_enabled": ("Aktiviert",),  # [?]
    "rule_dialog": ("Einstellung hinzufügen",),  # [?]
    "rule_dialog_edit": ("Einstellung bearbeiten",),  # [?]
    "rule_description": ("Beschreibung",),  # [?]
    "messages_group": ("Betroffene E-Mails",),  # [?]
    "msg_inbound": ("Eingehend",),  # [?]
    "msg_outbound": ("Ausgehend",),  # [?]
    "msg_internal_sending": ("Intern - Senden",),  # [?]
    "msg_internal_receiving": ("Intern - Empfangen",),  # [?]
    "action_menu": ("Für die oben ausgewählten Nachrichtentypen Folgendes tun",),  # [?]
    "modify_message": ("Nachricht ändern",),  # [?]
    "reject_message": ("Nachricht ablehnen",),  # [?]
    "route_group": ("Route",),  # [?]
    "change_route": ("Route ändern",),  # [?]
    "route_menu": ("Weiterleiten an",),  # [?]
    "normal_routing": ("Normales Routing",),  # [?]
    "show_options": ("Optionen anzeigen",),  # [?]
    "account_types": ("Betroffene Kontotypen",),  # [?]
    "acct_users": ("Nutzer",),  # [?]
    "acct_groups": ("Gruppen",),  # [?]
    "acct_unrecognized": ("Nicht erkannt / Catchall",),  # [?]
    "envelope_filter": ("Umschlagfilter",),  # [?]
    "env_senders": ("Umschlagabsender",),  # [?]
    "env_recipients": ("Umschlagempfänger",),  # [?]
    "env_senders_check": ("Nur bestimmte Umschlagabsender betreffen",),  # [?]
    "env_recipients_check": ("Nur bestimmte Umschlagempfänger betreffen",),  # [?]
    "match_menu": ("Art der Übereinstimmung",),  # [?]
    "match_single_address": ("Einzelne E-Mail-Adresse",),  # [?]
    "match_pattern": ("Musterübereinstimmung",),  # [?]
    "match_group": ("Gruppenmitgliedschaft",),  # [?]
    "match_value_single_address": ("E-Mail-Adresse",),  # [?]
    "match_value_pattern": ("Regulärer Ausdruck",),  # [?]
    "match_value_group": ("E-Mail-Adresse der Gruppe",),  # [?]
    "default_routing_heading": ("Standardrouting",),
    "default_rules_table": ("Einstellungen für das Standardrouting",),  # [?]
    "recipients_menu": ("Zu prüfende Umschlagempfänger angeben",),  # [?]
    "dr_recipients_group": ("1. Zu prüfende Umschlagempfänger angeben",),  # [?]
    "dr_match_single_recipient": ("Einzelner Empfänger",),  # [?]
    "dr_match_pattern": ("Musterübereinstimmung",),  # [?]
    "dr_match_group": ("Gruppenmitgliedschaft",),  # [?]
    "dr_match_all": ("Alle Empfänger",),  # [?]
    "dr_action_menu": (
        "Wenn der Umschlagempfänger den obigen Kriterien entspricht, Folgendes tun",
    ),  # [?]
    "rejection_notice": ("Ablehnungsbenachrichtigung anpassen",),  # [?]
    "apply_unrecognized": ("Diese Aktion nur bei nicht erkannten Adressen ausführen",),  # [?]
    "apply_all": ("Diese Aktion bei nicht erkannten und erkannten Adressen ausführen",),  # [?]
    "headers_group": ("Header",),  # [?]
    "hdr_original_to": ("X-Gm-Original-To-Header hinzufügen",),  # [?]
    "hdr_spam": ("X-Gm-Spam- und X-Gm-Phishy-Header hinzufügen",),  # [?]
    "hdr_custom": ("Benutzerdefinierte Header hinzufügen",),  # [?]
    "custom_headers_list": ("Benutzerdefinierte Header",),  # [?]
    "add_item": ("Hinzufügen",),  # [?]
    "remove_item": ("Entfernen",),  # [?]
    "header_dialog": ("Benutzerdefinierten Header hinzufügen",),  # [?]
    "header_key": ("Header-Schlüssel",),  # [?]
    "header_value": ("Header-Wert",),  # [?]
    "subject_group": ("Betreff",),  # [?]
    "prepend_subject": ("Benutzerdefinierten Betreff voranstellen",),  # [?]
    "subject_text": ("Benutzerdefinierter Betreff",),  # [?]
    "also_reroute_spam": ("Spam ebenfalls umleiten",),  # [?]
    "suppress_bounces": ("Unzustellbarkeitsnachrichten zu dieser Nachricht unterdrücken",),  # [?]
    # not "Umschlagempfänger": env_recipients, in the same dialog, has that name
    "envelope_recipient_group": ("Empfänger im Umschlag",),  # [?]
    "change_envelope": ("Umschlagempfänger ändern",),  # [?]
    "envelope_menu": ("Ersetzen",),  # [?]
    "envelope_recipient": ("Empfänger ersetzen",),  # [?]
    "envelope_username": ("Nutzernamen ersetzen",),  # [?]
    "envelope_domain": ("Domain ersetzen",),  # [?]
    "envelope_value_recipient": ("E-Mail-Adresse",),  # [?]
    "envelope_value_username": ("Nutzername",),  # [?]
    "envelope_value_domain": ("Domain",),  # [?]
    "spam_group": ("Spam",),  # [?]
    "bypass_spam": ("Spamfilter für diese Nachricht umgehen",),  # [?]
    "attachments_group": ("Anhänge",),  # [?]
    "remove_attachments": ("Anhänge aus dieser Nachricht entfernen",),  # [?]
    "deliver_group": ("Auch zustellen an",),  # [?]
    "add_recipients": ("Weitere Empfänger hinzufügen",),  # [?]
    "recipients_list": ("Empfänger",),  # [?]
    "recipient_dialog": ("Empfänger hinzufügen",),  # [?]
    "recipient_mode": ("Art des Empfängers",),  # [?]
    "recipient_basic": ("Einfach",),  # [?]
    "recipient_advanced": ("Erweitert",),  # [?]
    "recipient_address": ("E-Mail-Adresse",),  # [?]
    "copy_no_spam": ("Keinen Spam an diesen Empfänger zustellen",),  # [?]
    "copy_suppress_bounces": (
        "Unzustellbarkeitsnachrichten zu diesem Empfänger unterdrücken",
    ),  # [?]
    "encryption_group": ("Verschlüsselung (nur Weiterleitung)",),  # [?]
    "require_secure_transport": ("Sicheren Transport (TLS) erzwingen",),  # [?]
    # Seite „E-Mail authentifizieren“ (DKIM) und ihr Dialog „Neuen Eintrag generieren“
    "authenticate_email_heading": ("E-Mail authentifizieren",),
    "dkim_domain_menu": ("Ausgewählte Domain",),
    "dkim_authenticating": ("E-Mails werden mit DKIM authentifiziert",),  # [?]
    "dkim_not_authenticating": ("E-Mails werden nicht authentifiziert",),  # [?]
    # while an older key still signs during a rotation; {selector}: that key's selector
    "dkim_signing_with": ("mit dem Schlüssel des Selektors {selector} signiert",),  # [?]
    "dkim_host_name": ("DNS-Hostname (Name des TXT-Eintrags)",),
    "dkim_txt_value": ("Wert des TXT-Eintrags",),
    "dkim_generate_record": ("Neuen Eintrag generieren",),  # [?]
    "dkim_start": ("Authentifizierung starten",),  # [?]
    "dkim_stop": ("Authentifizierung beenden",),  # [?]
    "dkim_dialog": ("Neuen Eintrag generieren",),  # [?]
    "dkim_key_bits": ("Bitlänge des DKIM-Schlüssels",),  # [?]
    "dkim_selector": ("Selektorpräfix",),  # [?]
    "dkim_generate": ("Generieren",),  # [?]
    "dkim_too_early": ("DKIM-Eintrag nicht erstellt",),
    "dkim_not_found": ("wurde im DNS nicht gefunden",),  # [?] part of the refusal of Start
    "dkim_mismatch": ("stimmt nicht mit dem Wert des TXT-Eintrags überein",),  # [?] part of it
}

# The prose around the console's names. `{…}` fields are filled with quoted console names or
# values; nothing here names a control on its own.
PROSE: dict[ProseKey, str] = {
    "title": "Runbook {name}",
    "sign_in": "Melden Sie sich mit einem Administratorkonto in der Admin-Konsole ({url}) an "
    "und führen Sie dann diese Schritte der Reihe nach aus.",
    "go_to": "Rufen Sie in der Admin-Konsole {path} auf.",
    "org_unit": "Wählen Sie links in der Auswahl der Organisationseinheiten ({tree}) {ou} aus.",
    "org_top": "Wählen Sie links in der Auswahl der Organisationseinheiten ({tree}) die "
    "oberste Organisationseinheit (Ihre Domain) aus.",
    "inherited_off": "Suchen Sie im Bereich {section} die Regel {name}, markiert als {status}: "
    "Sie wird von einer übergeordneten Organisationseinheit übernommen und kann hier nicht "
    "bearbeitet werden. Deaktivieren Sie {switch} in ihrer Zeile; in der übergeordneten "
    "Einheit bleibt die Regel aktiv.",
    "inherited_on": "Suchen Sie im Bereich {section} die Regel {name}, markiert als {status}: "
    "Sie wird von einer übergeordneten Organisationseinheit übernommen und kann hier nicht "
    "bearbeitet werden. Ist {switch} in ihrer Zeile deaktiviert, aktivieren Sie es.",
    "inherited_off_title": "Die übernommene Regel {name} in dieser Organisationseinheit "
    "deaktivieren",
    "inherited_on_title": "Die übernommene Regel {name} in dieser Organisationseinheit aktiv "
    "lassen",
    "add_route": "Klicken Sie auf {add_route}. Der Dialog {dialog} wird geöffnet.",
    "edit_route": "(Enthält die Liste bereits eine Route namens {name}, klicken Sie stattdessen "
    "in ihrer Zeile auf {edit}; der Dialog {dialog} wird geöffnet: Gleichen Sie jedes der "
    "folgenden Felder an.)",
    "route_name": "Geben Sie in {field} {name} ein.",
    "server_menu": "Klicken Sie unter {menu} auf das Menü und wählen Sie {choice} aus.",
    "single_host": "Geben Sie in {host} {value} ein und in {port} {number}.",
    "table": "Geben Sie in der Tabelle {table} eine Zeile pro Host ein ({add_host} fügt eine "
    "Zeile hinzu):",
    "row": "{host}: {value}, {port}: {number}, {load}: {percent}",
    "no_secondary": "Lassen Sie die Tabelle {table} leer.",
    "loads": "Die Werte unter {load} müssen in jeder Tabelle zusammen 100 ergeben.",
    "options": "Unter {options}:",
    "check": "aktivieren Sie {box}",
    "uncheck": "lassen Sie {box} deaktiviert",
    "test_tls": "Klicken Sie auf {button} und lesen Sie das Ergebnis ({passed}). Schlägt der "
    "Test fehl, korrigieren Sie zuerst den Server: Eine Route, deren Zertifikatsprüfungen "
    "fehlschlagen, kann zu unzustellbaren E-Mails führen.",
    "save": "Klicken Sie auf {save}. Es kann bis zu 24 Stunden dauern, bis die Änderungen "
    "wirksam werden.",
    "delete_route": "Suchen Sie in der Liste die Route {name} und klicken Sie in ihrer Zeile "
    "auf {delete}; klicken Sie im Dialog {dialog} auf {delete}. Gibt es diese Route nicht, "
    "ist nichts zu tun.",
    "scroll_routing": "Scrollen Sie nach unten zum Bereich {section}.",
    "add_rule": "Klicken Sie auf {configure} (oder auf {add_another}, wenn der Bereich bereits "
    "Regeln enthält). Der Dialog {dialog} wird geöffnet.",
    "edit_rule": "(Enthält der Bereich bereits eine Regel mit der Beschreibung {name}, klicken "
    "Sie stattdessen in ihrer Zeile auf {edit}; der Dialog {dialog} wird geöffnet: Gleichen "
    "Sie jedes der folgenden Felder an.)",
    "description": "Geben Sie in {field} {name} ein.",
    "messages": "Aktivieren Sie unter {group} {checked}.",
    "messages_off_one": "Lassen Sie {unchecked} deaktiviert.",
    "messages_off_many": "Lassen Sie {unchecked} deaktiviert.",
    "action": "Klicken Sie unter {menu} auf das Menü und wählen Sie {choice} aus.",
    "change_route": "Aktivieren Sie unter {group} {box} und wählen Sie dann im Menü {menu} "
    "{route} aus.",
    "existing_route": "Diese Route wird nicht vom Runbook erstellt: Sie muss unter {hosts} "
    "bereits vorhanden sein.",
    "show_options": "Scrollen Sie nach unten und klicken Sie auf {show}.",
    "accounts": "Aktivieren Sie unter {group} {checked}.",
    "accounts_off_one": "Deaktivieren Sie {unchecked}.",
    "accounts_off_many": "Deaktivieren Sie {unchecked}.",
    "envelope": "Unter {group}:",
    "envelope_side": "aktivieren Sie {box}, wählen Sie im Menü {menu} {match} aus und geben "
    "Sie in {field} {value} ein",
    "envelope_none": "Lassen Sie unter {group} beide Kästchen deaktiviert.",
    "disable": "Deaktivieren Sie wieder im Bereich {section} {switch} für die Regel {name}.",
    "delete_rule": "Suchen Sie im Bereich {section} die Regel {name} und klicken Sie in ihrer "
    "Zeile auf {delete}; klicken Sie im Dialog {dialog} auf {delete}. Gibt es diese Regel "
    "nicht, ist nichts zu tun.",
    "and": "und",
    "secret_value": "der Wert von ${name}",
    "remove_route": "Die E-Mail-Route {name} entfernen",
    "remove_rule": "Die Routingregel {name} entfernen",
    "set_route": "Die E-Mail-Route {name} hinzufügen oder aktualisieren",
    "set_rule": "Die Routingregel {name} hinzufügen oder aktualisieren",
    "add_default_rule": "Klicken Sie auf {configure} (oder auf {add_another}, wenn die Seite "
    "bereits Einstellungen enthält). Der Dialog {dialog} wird geöffnet.",
    "edit_default_rule": "(Enthält die Liste bereits eine Einstellung mit der Beschreibung "
    "{name}, klicken Sie stattdessen in ihrer Zeile auf {edit}; der Dialog {dialog} wird "
    "geöffnet: Gleichen Sie jedes der folgenden Felder an.)",
    "dr_recipients": "Wählen Sie unter {menu} {match} aus und geben Sie dann in {field} "
    "{value} ein.",
    "dr_recipients_all": "Wählen Sie unter {menu} {match} aus.",
    "dr_apply_to": "Wählen Sie unter {group} {choice} aus.",
    "disable_default_rule": "Deaktivieren Sie wieder auf der Seite {page} {switch} für die "
    "Einstellung {name}.",
    "delete_default_rule": "Suchen Sie in der Liste die Einstellung {name} und klicken Sie in "
    "ihrer Zeile auf {delete}; klicken Sie im Dialog {dialog} auf {delete}. Gibt es diese "
    "Einstellung nicht, ist nichts zu tun.",
    "remove_default_rule": "Die Standardrouting-Einstellung {name} entfernen",
    "set_default_rule": "Die Standardrouting-Einstellung {name} hinzufügen oder aktualisieren",
    "rejection_notice": (
        "Geben Sie in {field} {text} ein (den Text, den die Absender zurückerhalten)."
    ),
    "in_group": "Unter {group}:",
    "custom_header": (
        "aktivieren Sie {box}; klicken Sie für jeden Header auf {add}, geben Sie {header} in "
        "{header_field} und {value} in {value_field} ein und klicken Sie dann auf {save}"
    ),
    "enter_text": "aktivieren Sie {box} und geben Sie {text} in {field} ein",
    "envelope_recipient": (
        "aktivieren Sie {box}, wählen Sie im Menü {menu} {choice} aus und geben Sie {value} in "
        "{field} ein"
    ),
    "deliver": (
        "Aktivieren Sie unter {group} {box}. Klicken Sie für jeden der folgenden Empfänger auf "
        "{add}, treffen Sie im Dialog {dialog} die angegebene Auswahl und klicken Sie dann auf "
        "{save}:"
    ),
    "copy_basic": "{menu}: {choice}; {field}: {address}",
    "copy_advanced": "{menu}: {choice}; {field}: {address}; {flags}",
    "copy_route": "aktivieren Sie unter {group} {box} und wählen Sie im Menü {menu} {route} aus",
    "copy_flag_on": "aktivieren Sie {box}",
    "copy_flag_off": "deaktivieren Sie {box} (standardmäßig aktiviert)",
    "others_off": "Lassen Sie alle anderen Optionen unter {choice} deaktiviert und leer.",
    "set_dkim": "Den DKIM-Schlüssel von {name} festlegen",
    "dkim_domain": "Wählen Sie im Menü {menu} {domain} aus.",
    "dkim_generate_key": (
        "Ist {host} leer oder beginnt nicht mit {selector} (ein neuer Selektor: eine "
        "Schlüsselrotation), klicken Sie auf {button}; wählen Sie im Dialog {dialog} unter "
        "{bits} {n} aus, geben Sie in {prefix} {selector} ein und klicken Sie auf {generate}. "
        "Ein Schlüssel mit diesem Selektor, aber einer anderen Länge wird nicht ersetzt: "
        "Rotieren Sie mit einem neuen Selektor."
    ),
    "dkim_publish": (
        "Veröffentlichen Sie den Eintrag im DNS der Domain: ein einziger TXT-Eintrag namens "
        "{name} ({short} in den meisten DNS-Verwaltungen) mit dem Wert aus dem Feld {value} "
        "der Seite; ein langer Wert wird innerhalb dieses einen Eintrags auf mehrere "
        "Zeichenfolgen in Anführungszeichen aufgeteilt. Behalten Sie den Eintrag des alten "
        "Selektors, bis der neue Schlüssel aktiviert ist."
    ),
    "dkim_start_auth": (
        "Sobald das DNS den Eintrag ausliefert (das kann bis zu 48 Stunden dauern), klicken "
        "Sie auf {start}; der Status lautet dann {status}."
    ),
    "dkim_stop_auth": "Lautet der Status {status}, klicken Sie auf {stop}.",
    "set_form": "Das Formular {name} festlegen",
    "form_open": "Klicken Sie auf {button}.",
    "form_section": "Im Bereich {section}:",
    "form_inherit": (
        "Zeigt der Bereich nicht {status} an, klicken Sie auf {inherit} und dann im Dialog "
        "{dialog} auf {inherit}."
    ),
    "form_override": (
        "Zeigt der Bereich {status} an und weicht ein Wert unten ab, klicken Sie zuerst auf "
        "{button}."
    ),
    "form_save": "Klicken Sie auf {save}.",
    "form_no_save": "Jede Änderung wird sofort gespeichert.",
    "form_go_to_path": "Öffnen Sie in der Admin-Konsole die Seite {path}.",
    "form_textbox": "Geben Sie in {name} {value} ein.",
    "form_combobox": "Wählen Sie im Menü {name} {option} aus.",
    "form_radio": "Wählen Sie {name} aus.",
    "form_check": "Aktivieren Sie {name}.",
    "form_uncheck": "Deaktivieren Sie {name}.",
    "form_act_when": "Wenn die Seite {guard} anzeigt: {act}.",
    "form_act_unless": "Außer wenn die Seite {guard} anzeigt: {act}.",
    "form_expect": "Prüfen Sie, ob die Seite {target} anzeigt.",
    "form_do_click": "klicken Sie auf {target}",
    "form_do_fill": "geben Sie {value} in {target} ein",
    "form_do_check": "aktivieren Sie {target}",
    "form_do_uncheck": "deaktivieren Sie {target}",
    "form_do_choose": "wählen Sie im Menü {target} {option} aus",
}

QUOTES = ("\u201e", "\u201c")
BROWSER_LOCALE = "de-DE"
