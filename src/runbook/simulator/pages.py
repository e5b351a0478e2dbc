"""HTML of the console pages (shells that the page script fills in) and of the sign-in flow."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Literal
from urllib.parse import urlencode

from runbook.simulator import variants as known_variants
from runbook.simulator.assets import BUNDLE
from runbook.simulator.gmail_settings import PAGES
from runbook.simulator.i18n import Locale, strings, text
from runbook.simulator.org_units import DEFAULT_ORG_UNITS, TOP, leaf_name, parent_of

Page = Literal[
    "home", "hosts", "routing", "defaultrouting", "authenticateemail", "spam", "notfound"
]

GMAIL_PATH = "/ac/apps/gmail"
PAGE_PATHS: dict[Page, str] = {
    "home": "/ac",
    "hosts": f"{GMAIL_PATH}/hosts",
    "routing": f"{GMAIL_PATH}/routing",
    "defaultrouting": f"{GMAIL_PATH}/defaultrouting",
    "authenticateemail": f"{GMAIL_PATH}/authenticateemail",
    "spam": f"{GMAIL_PATH}/spam",
}
# The settings pages (sections per OU, `gmail_settings.py`): page -> its settings page key.
SETTINGS_PAGES: dict[Page, str] = {"spam": "spam"}


def with_query(path: str, **params: str | None) -> str:
    """`path` with the non-empty parameters appended as a query string."""
    kept = {k: v for k, v in params.items() if v}
    if not kept:
        return path
    return f"{path}{'&' if '?' in path else '?'}{urlencode(kept)}"


def _document(locale: Locale, title: str, body: str, *, script: str = "") -> str:
    return f"""<!doctype html>
<html lang="{locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/static/console.css">
</head>
<body>
{body}
{script}
</body>
</html>
"""


def _menu(locale: Locale, prefix: str, hl: str | None) -> str:
    def s(key: str) -> str:
        return escape(text(locale, key))

    def link(page: Page, key: str) -> str:
        href = escape(with_query(prefix + PAGE_PATHS[page], hl=hl))
        return f'<li><a href="{href}">{s(key)}</a></li>'

    def branch(key: str, ident: str, inner: str) -> str:
        return (
            f'<li><button type="button" class="nav-branch" aria-expanded="false" '
            f'aria-controls="{ident}">{s(key)}</button>'
            f'<ul id="{ident}" hidden>{inner}</ul></li>'
        )

    gmail = (
        link("hosts", "nav_hosts")
        + link("routing", "nav_routing")
        + link("defaultrouting", "nav_default_routing")
        + link("authenticateemail", "nav_authenticate_email")
        + link("spam", "nav_spam")
    )
    tree = branch(
        "nav_apps",
        "nav-apps",
        branch("nav_workspace", "nav-workspace", branch("nav_gmail", "nav-gmail", gmail)),
    )
    label = s("main_menu")
    return f'<nav id="main-nav" class="drawer" aria-label="{label}" hidden><ul>{tree}</ul></nav>'


def _ou_items(locale: Locale, units: Sequence[str]) -> list[str]:
    """The tree's items, depth first (levels by aria-level): the top OU shows as the domain."""
    children: dict[str, list[str]] = {}
    for unit in units[1:]:
        children.setdefault(parent_of(unit) or TOP, []).append(unit)
    items: list[str] = []

    def walk(unit: str, level: int, position: int, size: int) -> None:
        name = text(locale, "org_top") if unit == TOP else leaf_name(unit)
        top = unit == TOP
        # The top is open, showing its children; an OU further down opens when selected.
        open_ = str(level == 1).lower()
        expanded = f' aria-expanded="{open_}"' if unit in children else ""
        hidden = " hidden" if level > 2 else ""
        items.append(
            f'<li role="treeitem" aria-level="{level}" aria-setsize="{size}"'
            f' aria-posinset="{position}"{expanded} aria-selected="{str(top).lower()}"'
            f' tabindex="{0 if top else -1}" data-ou="{escape(unit)}"{hidden}>{escape(name)}</li>'
        )
        below = children.get(unit, [])
        for n, child in enumerate(below, 1):
            walk(child, level + 1, n, len(below))

    walk(TOP, 1, 1, 1)
    return items


def _ou_tree(locale: Locale, units: Sequence[str]) -> str:
    # A flat tree (levels by aria-level): each item's box is its own row, as users see it.
    search = escape(text(locale, "org_search"))
    items = "\n".join(_ou_items(locale, units))
    return f"""<aside class="ou-panel">
<input type="search" class="ou-search" aria-label="{search}" placeholder="{search}">
<ul role="tree" aria-label="{escape(text(locale, "org_units"))}" class="ou-tree">
{items}
</ul>
</aside>"""


# The settings blocks of the Routing page, in the console's order: (list id, title string key).
# Each is a section named by its heading, with its own list (Configure / Add another rule).
ROUTING_BLOCKS: tuple[tuple[str, str], ...] = (
    ("address_maps", "block_address_map"),
    ("routing", "routing_heading"),
    ("secure_routes", "block_secure_route"),
    ("smtp_relays", "block_smtp_relay"),
    ("non_gmail_mailboxes", "block_non_gmail"),
)


def _routing_blocks(locale: Locale) -> str:
    def section(block: str, title: str) -> str:
        intro = (
            f'<p class="intro">{escape(text(locale, "routing_intro"))}</p>'
            if block == "routing"
            else ""
        )
        return (
            f'<section class="card" aria-labelledby="block-{block}">'
            f'<h2 id="block-{block}">{escape(text(locale, title))}</h2>'
            f'{intro}<div id="list-{block}"></div></section>'
        )

    return "".join(section(block, title) for block, title in ROUTING_BLOCKS)


def _main(locale: Locale, page: Page, strings: Mapping[str, str]) -> str:
    def s(key: str) -> str:
        return escape(strings[key])

    if page == "home":
        return f"<h1>{s('console_title')}</h1><p>{s('console_intro')}</p>"
    if page == "hosts":
        return (
            f'<h1>{s("hosts_heading")}</h1><p class="intro">{s("hosts_intro")}</p>'
            f'<div class="toolbar"><button type="button" id="add-route" class="primary">'
            f'{s("add_route")}</button></div><div id="list" class="card"></div>'
        )
    if page == "routing":
        return f"<h1>{s('routing_heading')}</h1>{_routing_blocks(locale)}"
    if page == "defaultrouting":
        return (
            f"<h1>{s('default_routing_heading')}</h1>"
            f'<section class="card" aria-labelledby="default-routing-section">'
            f'<h2 id="default-routing-section">{s("default_routing_heading")}</h2>'
            f'<p class="intro">{s("default_routing_intro")}</p><div id="list"></div></section>'
        )
    if page == "authenticateemail":  # the domain menu and the selected domain's record
        return f'<h1>{s("authenticate_email_heading")}</h1><div id="dkim" class="card dkim"></div>'
    if page in SETTINGS_PAGES:  # the sections, built by the page script (settings-page.js)
        title = PAGES[SETTINGS_PAGES[page]].title
        return f'<h1>{s(title)}</h1><div id="settings" class="settings-page"></div>'
    return f"<h1>{s('page_not_found')}</h1><p>{s('page_not_found_text')}</p>"


def console_page(
    locale: Locale,
    page: Page,
    *,
    prefix: str = "",
    hl: str | None = None,
    user: str | None = None,
    late_dialogs: bool = False,
    extra_option: dict[str, str] | None = None,
    variants: Sequence[str] = (),
    org_units: Sequence[str] = DEFAULT_ORG_UNITS,
) -> str:
    """A console page: banner, main menu, OU picker (Gmail pages) and the page's own shell.

    `late_dialogs`: the page's Add/Edit dialogs load their contents from the server before
    showing fields (a fault; the data answers keep the page up to date with it).
    `variants`: the known variants of the real console that the page shows.
    """
    shown = known_variants.strings(strings(locale), locale, variants)
    titles = {
        "home": "console_title",
        "hosts": "hosts_heading",
        "routing": "routing_heading",
        "defaultrouting": "default_routing_heading",
        "authenticateemail": "authenticate_email_heading",
        "spam": "spam_heading",
        "notfound": "page_not_found",
    }
    title = text(locale, titles[page])
    if page != "home":
        title = f"{title} - {text(locale, 'console_title')}"
    home = escape(with_query(prefix + PAGE_PATHS["home"], hl=hl))
    account = ""
    if user:
        signout = escape(with_query("/signout", hl=hl))
        account = (
            f'<span class="account">{escape(user)}</span>'
            f'<a class="signout" href="{signout}">{escape(text(locale, "sign_out"))}</a>'
        )
    gmail_page = page in ("hosts", "routing", "defaultrouting", *SETTINGS_PAGES)
    config: dict[str, object] = {
        "locale": locale,
        "hl": hl or "",
        "prefix": prefix,
        "page": page,
        "strings": shown,
        "late_dialogs": late_dialogs,
        "extra_option": extra_option,
        "variants": list(variants),
    }
    if page in SETTINGS_PAGES:
        config["settings"] = PAGES[SETTINGS_PAGES[page]].schema()
    config_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    body = f"""<div id="app">
<header class="banner">
<button type="button" id="menu-button" class="icon-button"
        aria-label="{escape(text(locale, "main_menu"))}" aria-expanded="false"
        aria-controls="main-nav"><span class="hamburger" aria-hidden="true"></span></button>
<a class="product" href="{home}">{escape(text(locale, "console_title"))}</a>
<span class="spacer"></span>{account}
</header>
{_menu(locale, prefix, hl)}
<div class="layout">
{_ou_tree(locale, org_units) if gmail_page else ""}
<main id="main">{_main(locale, page, shown)}</main>
</div>
</div>
<div id="toasts" class="toasts" aria-live="polite"></div>"""
    script = (
        f'<script type="application/json" id="sim-config">{config_json}</script>\n'
        f'<script type="module" src="/static/{BUNDLE}"></script>'
    )
    return _document(locale, title, body, script=script)


SignInStep = Literal["identifier", "password", "code"]

_STEP_FIELDS: dict[SignInStep, tuple[str, str, str, str]] = {
    # step: (input name, label key, input type, autocomplete)
    "identifier": ("identifier", "signin_email", "text", "username"),
    "password": ("password", "signin_password", "password", "current-password"),
    "code": ("code", "signin_code", "text", "one-time-code"),
}


def signin_page(
    locale: Locale,
    step: SignInStep,
    *,
    action: str,
    error: str | None = None,
    user: str | None = None,
    reauth: bool = False,
) -> str:
    """One step of the sign-in flow: email, password, then the 2-step verification code.

    `reauth`: the password step as the mid-session "Verify it's you" challenge.
    """
    name, label_key, kind, autocomplete = _STEP_FIELDS[step]

    def s(key: str) -> str:
        return escape(text(locale, key))

    heading = s("signin_2sv_heading") if step == "code" else s("signin_heading")
    sub = s("signin_2sv_hint") if step == "code" else s("signin_subtitle")
    if reauth:
        heading, sub = s("reauth_heading"), s("reauth_hint")
    who = f'<p class="who">{escape(user)}</p>' if user and step != "identifier" else ""
    invalid = ""
    error_html = ""
    if error:
        invalid = ' aria-invalid="true" aria-describedby="signin-error"'
        error_html = (
            f'<div id="signin-error" class="field-error" role="alert">{escape(error)}</div>'
        )
    extra = ' inputmode="numeric" maxlength="8"' if step == "code" else ""
    body = f"""<main class="signin">
<div class="signin-card">
<div class="logo" aria-hidden="true">G</div>
<h1>{heading}</h1>
<p>{sub}</p>
{who}
<form method="post" action="{escape(action)}">
<input type="hidden" name="automation" value="unknown">
<label for="signin-input">{s(label_key)}</label>
<input id="signin-input" name="{name}" type="{kind}" autocomplete="{autocomplete}"
       autofocus{extra}{invalid}>
{error_html}
<div class="signin-actions"><button type="submit" class="primary">{s("signin_next")}</button></div>
</form>
</div>
</main>"""
    title = text(locale, "reauth_heading" if reauth else "signin_heading")
    return _document(locale, title, body, script=_REPORTS_AUTOMATION)


# As Google's sign-in pages do, the form says whether the browser reports automation
# (`navigator.webdriver`); without script the field says "unknown".
_REPORTS_AUTOMATION = """<script>
document.querySelector('form').addEventListener('submit', (event) => {
  event.target.elements.automation.value = navigator.webdriver ? 'yes' : 'no';
});
</script>"""


def refused_page(locale: Locale, *, retry: str) -> str:
    """Google's answer to a sign-in from a browser under automation (after the email step)."""

    def s(key: str) -> str:
        return escape(text(locale, key))

    help_link = "https://support.google.com/accounts/answer/7675428"
    body = f"""<main class="signin">
<div class="signin-card">
<div class="logo" aria-hidden="true">G</div>
<h1>{s("signin_refused")}</h1>
<p>{s("signin_refused_insecure")} <a href="{help_link}">{s("signin_refused_learn_more")}</a></p>
<p>{s("signin_refused_hint")}</p>
<div class="signin-actions">
<a class="button primary" href="{escape(retry)}">{s("signin_refused_retry")}</a>
</div>
</div>
</main>"""
    return _document(locale, text(locale, "signin_refused"), body)
