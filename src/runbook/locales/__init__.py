"""The console's languages: per locale, the accessible names of its controls and explain's prose.

One module per locale (`en.py`, `fr.py`, `de.py`: the list of locales is the files present, see
`runbook.locales.catalogues`) holds `LABELS` (label key -> the accepted accessible names, the
first the one `explain` prints and log messages use), `PROSE` (the sentences of
`runbook explain`), `QUOTES` and `BROWSER_LOCALE` (the browser's language for that console).
Page objects locate every control by ARIA role and any of its accepted names (see
`runbook.console.locate`); `explain` writes the first. No Playwright here (cheap to import).

To add a locale: write `locales/<code>.py` with every key of `LabelKey` and `ProseKey` (a test
checks that each locale has exactly the same keys); nothing else names it. To add a label:
its role in the `ROLES` of the page module that uses it (see `LabelKey` below), then its names
in every locale module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar

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
    "paragraph",
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

# A label key: a control of the console, named in the label catalogue. The keys are those of
# the default locale's catalogue (every locale has the same: a test checks), and each is
# declared, with its role, where it is used: the shell's and sign-in's below (`SHELL_ROLES`),
# a page's in its page module (`ROLES` in `runbook.console.pages.<page>`); the full table is
# `runbook.console.keys.ROLES`. For the type checker a key is a `str`; at run time `LabelKey`
# is the `Literal` of the catalogue's keys, so `get_args(LabelKey)` lists them all.
if TYPE_CHECKING:
    LabelKey: TypeAlias = str
else:
    LabelKey = Literal[tuple(importlib.import_module(f"{__name__}.{DEFAULT_LOCALE}").LABELS)]

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
    "set_dkim",
    "dkim_domain",
    "dkim_generate_key",
    "dkim_publish",
    "dkim_start_auth",
    "dkim_stop_auth",
    "set_form",
    "form_open",
    "form_section",
    "form_inherit",
    "form_override",
    "form_save",
    "form_no_save",
    "form_go_to_path",
    "form_textbox",
    "form_combobox",
    "form_radio",
    "form_check",
    "form_uncheck",
    "form_act_when",
    "form_act_unless",
    "form_expect",
    "form_do_click",
    "form_do_fill",
    "form_do_check",
    "form_do_uncheck",
    "form_do_choose",
]


# The role of each control of the shell, sign-in and every dialog, whatever the language (a
# page's own keys have theirs in its page module; `runbook labels` prints key, role, names).
# A few names serve a second role too: `main_menu` also names the navigation it opens.
SHELL_ROLES: dict[LabelKey, Role] = {
    "main_menu": "button",  # opens the navigation of the same name
    "nav_apps": "button",  # aria-expanded, in the navigation
    "nav_workspace": "button",  # aria-expanded
    "nav_gmail": "button",  # aria-expanded
    "org_units": "tree",
    "org_search": "searchbox",  # filters the OU picker's tree
    "loading": "progressbar",  # while a list loads
    "saved_note": "status",  # part of the text shown after a save
    "signin_heading": "heading",
    "signin_email": "textbox",
    "signin_password": "textbox",
    "signin_code": "textbox",  # 2-step verification
    "signin_next": "button",
    "reauth_heading": "heading",  # the mid-session, password-only "Verify it's you"
    "signin_refused": "heading",  # Google's refusal of a browser under automation
    "banner_got_it": "button",  # a banner over the page (it may swallow a click)
    "banner_dismiss": "button",
    "edit": "button",  # in a row
    "delete": "button",  # in a row and in the confirmation
    "delete_named_title": "dialog",  # a delete confirmation seen as a plain dialog, {name}
    "save": "button",
    "concurrent_change": "alert",  # part of the stale-edit error
    "concurrent_gone": "alert",  # part of the error for a deleted entry
    "name_taken": "alert",  # part of the error for a name or description taken
    "save_failed": "alert",  # part of the error worth a retry
    "cancel": "button",
    # a settings section set per OU (any page's, through the `form` step)
    "settings_override": "button",  # an Inherited section: make it editable here
    "settings_inherit": "button",  # an Overridden section: back to the parent's values
    "settings_inherit_title": "alertdialog",  # the confirmation of Inherit
}

V = TypeVar("V")
# (V: a runbook value, the key of a value -> label key map: see `Labels.value_of`)
