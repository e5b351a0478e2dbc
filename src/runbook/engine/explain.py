"""`runbook explain`: a runbook as numbered console steps a person could follow by hand.

Every name of a console control comes from the label catalogue (`runbook.console.labels`), the
same names the page objects click, so the explanation and the automation cannot disagree.
Only the prose around them lives here, per console language. Pure: no browser, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import cast

from runbook.console.labels import (
    ACCOUNT_TYPE_KEYS,
    LOCALES,
    MATCH_KEYS,
    MATCH_VALUE_KEYS,
    MESSAGE_KEYS,
    Labels,
    Locale,
)
from runbook.spec.model import (
    ACCOUNT_TYPES,
    MESSAGE_TYPES,
    EnvelopeMatch,
    MailRoute,
    MultipleHosts,
    RoutingRule,
    Runbook,
    Step,
    WeightedHost,
)

DEFAULT_CONSOLE = "https://admin.google.com"
MASK = "********"

# The prose around the console's names, per language. `{…}` fields are filled with quoted
# console names or values; nothing here names a control on its own.
PROSE: dict[str, dict[str, str]] = {
    "en": {
        "title": "Runbook {name}",
        "sign_in": "Sign in to the Admin console ({url}) as an administrator, then follow these "
        "steps in order.",
        "go_to": "In the Admin console, go to {path}.",
        "org_unit": "On the left, under {tree}, select the organizational unit {ou}.",
        "add_route": "Click {add_route}. The {dialog} dialog opens.",
        "edit_route": "(If the list already has a route named {name}, click {edit} on its row "
        "instead; the {dialog} dialog opens: make every field below match.)",
        "route_name": "In {field}, enter {name}.",
        "server_menu": "Under {menu}, click the menu and select {choice}.",
        "single_host": "In {host}, enter {value}; in {port}, enter {number}.",
        "table": "Under {table}, enter one row per host ({add_host} adds a row):",
        "row": "{host}: {value}, {port}: {number}, {load}: {percent}",
        "no_secondary": "Leave the {table} table empty.",
        "loads": "The {load} values of each table must total 100.",
        "options": "Under {options}:",
        "check": "check {box}",
        "uncheck": "leave {box} unchecked",
        "test_tls": "Click {button} and read the result ({passed}). If the test fails, fix the "
        "server first: saving a route whose certificate checks fail can bounce mail.",
        "save": "Click {save}. Changes can take up to 24 hours to take effect.",
        "delete_route": "In the list, find the route {name} and click {delete} on its row; in "
        "the {dialog} dialog, click {delete}. If there is no such route, there is nothing to do.",
        "scroll_routing": "Scroll down to the {section} section.",
        "add_rule": "Click {configure} (or {add_another}, when the section already has rules). "
        "The {dialog} dialog opens.",
        "edit_rule": "(If the section already has a rule described as {name}, click {edit} on "
        "its row instead; the {dialog} dialog opens: make every field below match.)",
        "description": "In {field}, enter {name}.",
        "messages": "Under {group}, check {checked}.",
        "messages_off_one": "Leave {unchecked} unchecked.",
        "messages_off_many": "Leave {unchecked} unchecked.",
        "action": "Under {menu}, click the menu and select {choice}.",
        "change_route": "Under {group}, check {box}, then in the {menu} menu select {route}.",
        "existing_route": "This route is not created by the runbook: it must already exist "
        "under {hosts}.",
        "show_options": "Scroll down and click {show}.",
        "accounts": "Under {group}, check {checked}.",
        "accounts_off_one": "Uncheck {unchecked}.",
        "accounts_off_many": "Uncheck {unchecked}.",
        "envelope": "Under {group}:",
        "envelope_side": "check {box}, select {match} in the {menu} menu and enter {value} in "
        "{field}",
        "envelope_none": "Under {group}, leave both boxes unchecked.",
        "disable": "Back on the {section} section, turn off {switch} for the rule {name}.",
        "delete_rule": "In the {section} section, find the rule {name} and click {delete} on its "
        "row; in the {dialog} dialog, click {delete}. If there is no such rule, there is "
        "nothing to do.",
        "and": "and",
        "secret_value": "the value of ${name}",
        "remove_route": "Remove the mail route {name}",
        "remove_rule": "Remove the routing rule {name}",
        "set_route": "Add or update the mail route {name}",
        "set_rule": "Add or update the routing rule {name}",
    },
    "fr": {
        "title": "Runbook {name}",
        "sign_in": "Connectez-vous à la console d'administration ({url}) avec un compte "
        "administrateur, puis suivez ces étapes dans l'ordre.",
        "go_to": "Dans la console d'administration, accédez à {path}.",
        "org_unit": "À gauche, sous {tree}, sélectionnez l'unité organisationnelle {ou}.",
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
    },
}

_QUOTES = {"en": ("\u201c", "\u201d"), "fr": ("«\u00a0", "\u00a0»")}


@dataclass
class _Item:
    """One numbered instruction, with optional sub-items (a bulleted list under it)."""

    text: str
    children: list[str] = field(default_factory=list)


class _Writer:
    """Sentences for one console language: catalogue names quoted, prose from `PROSE`."""

    def __init__(self, locale: Locale) -> None:
        self.labels = Labels(locale)
        self.locale = locale
        self.prose = PROSE[locale]

    def q(self, text: str) -> str:
        """`text` in the language's quotation marks."""
        left, right = _QUOTES[self.locale]
        return f"{left}{text}{right}"

    def name(self, key: str) -> str:
        """The quoted catalogue name of a console control."""
        return self.q(self.labels[key])

    def say(self, key: str, **fields: str) -> str:
        return self.prose[key].format(**fields)

    def plural(self, key: str, names: list[str]) -> str:
        """The `key_one` or `key_many` sentence about `names`."""
        suffix = "one" if len(names) == 1 else "many"
        return self.say(f"{key}_{suffix}", unchecked=self.join(names))

    def join(self, items: list[str]) -> str:
        """`a, b and c` in the console's language."""
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.prose['and']} " + items[-1]

    def go_to(self, page_key: str) -> str:
        path = " > ".join(
            self.labels[k] for k in ("main_menu", "nav_apps", "nav_workspace", "nav_gmail")
        )
        return self.say("go_to", path=f"{path} > {self.labels[page_key]}")

    def redact(self, text: str, names: Mapping[str, str]) -> str:
        """`text` without secrets: a whole typed secret becomes "the value of $NAME" (the
        variable it came from); a secret within a longer text is masked."""
        ordered = sorted((s for s in names if s), key=lambda s: (-len(s), s))
        if not ordered:
            return text
        alternatives = "|".join(re.escape(s) for s in ordered)
        left, right = (re.escape(q) for q in _QUOTES[self.locale])
        whole = re.compile(f"{left}({alternatives}){right}")
        text = whole.sub(lambda m: self.say("secret_value", name=names[m.group(1)]), text)
        return re.sub(alternatives, MASK, text)


def explain(book: Runbook, locale: str) -> str:
    """The runbook as numbered steps to follow by hand in the console, in `locale`."""
    if locale not in LOCALES:
        raise ValueError(f"unsupported console locale {locale!r}; use one of {LOCALES}")
    w = _Writer(locale)
    url = book.console.url or DEFAULT_CONSOLE
    lines = [w.say("title", name=w.q(book.name))]
    if book.description:
        lines.append(book.description)
    lines += ["", w.say("sign_in", url=url), ""]
    for number, step in enumerate(book.steps, 1):
        lines.append(f"{number}. {_title(w, step)}")
        for sub, item in enumerate(_items(w, book, step), 1):
            lines.append(f"   {sub}. {item.text}")
            lines.extend(f"      - {child}" for child in item.children)
        lines.append("")
    return w.redact("\n".join(lines).rstrip() + "\n", book.secret_names)


def _title(w: _Writer, step: Step) -> str:
    if step.name:
        return step.name
    kind = "route" if step.kind == "mail_route" else "rule"
    verb = "remove" if step.state == "absent" else "set"
    return w.say(f"{verb}_{kind}", name=w.q(step.key))


def _items(w: _Writer, book: Runbook, step: Step) -> list[_Item]:
    builders: dict[tuple[str, str], Callable[[_Writer, Runbook, Step], list[_Item]]] = {
        ("mail_route", "present"): _route,
        ("mail_route", "absent"): _remove_route,
        ("routing_rule", "present"): _rule,
        ("routing_rule", "absent"): _remove_rule,
    }
    return builders[(step.kind, step.state)](w, book, step)


def _navigate(w: _Writer, book: Runbook, page_key: str) -> list[_Item]:
    items = [_Item(w.go_to(page_key))]
    if book.console.org_unit != "/":
        items.append(
            _Item(w.say("org_unit", tree=w.name("org_units"), ou=w.q(book.console.org_unit)))
        )
    return items


def _route(w: _Writer, book: Runbook, step: Step) -> list[_Item]:
    route = cast(MailRoute, step.resource)
    items = _navigate(w, book, "nav_hosts")
    items.append(
        _Item(w.say("add_route", add_route=w.name("add_route"), dialog=w.name("route_dialog")))
    )
    items.append(
        _Item(
            w.say(
                "edit_route",
                name=w.q(route.name),
                edit=w.name("edit"),
                dialog=w.name("route_dialog_edit"),
            )
        )
    )
    items.append(_Item(w.say("route_name", field=w.name("route_name"), name=w.q(route.name))))
    assert route.server is not None  # a present route has a server (checked on load)
    single = route.server.single_host
    choice = "single_host" if single is not None else "multiple_hosts"
    items.append(_Item(w.say("server_menu", menu=w.name("server_menu"), choice=w.name(choice))))
    if single is not None:
        items.append(
            _Item(
                w.say(
                    "single_host",
                    host=w.name("host"),
                    value=w.q(single.host),
                    port=w.name("port"),
                    number=str(single.port),
                )
            )
        )
    else:
        assert route.server.multiple_hosts is not None
        items += _tables(w, route.server.multiple_hosts)
    options = [
        ("mx_lookup", route.mx_lookup),
        ("require_tls", route.require_tls),
        ("require_ca", route.require_ca_signed_certificate),
        ("validate_hostname", route.validate_certificate_hostname),
    ]
    items.append(
        _Item(
            w.say("options", options=w.name("options")),
            [w.say("check" if on else "uncheck", box=w.name(key)) for key, on in options],
        )
    )
    if route.test_tls_connection:
        items.append(
            _Item(w.say("test_tls", button=w.name("test_tls"), passed=w.name("tls_passed")))
        )
    items.append(_Item(w.say("save", save=w.name("save"))))
    return items


def _tables(w: _Writer, hosts: MultipleHosts) -> list[_Item]:
    def rows(table: list[WeightedHost]) -> list[str]:
        return [
            w.say(
                "row",
                host=w.labels.host,
                value=w.q(r.host),
                port=w.labels.port,
                number=str(r.port),
                load=w.labels.load,
                percent=str(r.load),
            )
            for r in table
        ]

    items = [
        _Item(
            w.say("table", table=w.name("primary"), add_host=w.name("add_host")),
            rows(hosts.primary),
        )
    ]
    if hosts.secondary:
        items.append(
            _Item(
                w.say("table", table=w.name("secondary"), add_host=w.name("add_host")),
                rows(hosts.secondary),
            )
        )
    else:
        items.append(_Item(w.say("no_secondary", table=w.name("secondary"))))
    items.append(_Item(w.say("loads", load=w.name("load"))))
    return items


def _remove_route(w: _Writer, book: Runbook, step: Step) -> list[_Item]:
    items = _navigate(w, book, "nav_hosts")
    items.append(
        _Item(
            w.say(
                "delete_route",
                name=w.q(step.key),
                delete=w.name("delete"),
                dialog=w.name("delete_route_title"),
            )
        )
    )
    return items


def _rule(w: _Writer, book: Runbook, step: Step) -> list[_Item]:
    rule = cast(RoutingRule, step.resource)
    items = _navigate(w, book, "nav_routing")
    items.append(_Item(w.say("scroll_routing", section=w.name("routing_heading"))))
    items.append(
        _Item(
            w.say(
                "add_rule",
                configure=w.name("configure"),
                add_another=w.name("add_another_rule"),
                dialog=w.name("rule_dialog"),
            )
        )
    )
    items.append(
        _Item(
            w.say(
                "edit_rule",
                name=w.q(rule.description),
                edit=w.name("edit"),
                dialog=w.name("rule_dialog_edit"),
            )
        )
    )
    items.append(
        _Item(w.say("description", field=w.name("rule_description"), name=w.q(rule.description)))
    )
    on = [m for m in MESSAGE_TYPES if m in rule.messages]
    off = [m for m in MESSAGE_TYPES if m not in rule.messages]
    text = w.say(
        "messages",
        group=w.name("messages_group"),
        checked=w.join([w.name(MESSAGE_KEYS[m]) for m in on]),
    )
    if off:
        text += " " + w.plural("messages_off", [w.name(MESSAGE_KEYS[m]) for m in off])
    items.append(_Item(text))
    items.append(_Item(w.say("action", menu=w.name("action_menu"), choice=w.name(rule.action))))
    if rule.change_route is not None:
        text = w.say(
            "change_route",
            group=w.name("route_group"),
            box=w.name("change_route"),
            menu=w.name("route_menu"),
            route=w.q(rule.change_route),
        )
        if rule.change_route_existing:
            text += " " + w.say("existing_route", hosts=w.name("nav_hosts"))
        items.append(_Item(text))
    items.append(_Item(w.say("show_options", show=w.name("show_options"))))
    accounts_on = [a for a in ACCOUNT_TYPES if a in rule.account_types]
    accounts_off = [a for a in ACCOUNT_TYPES if a not in rule.account_types]
    text = w.say(
        "accounts",
        group=w.name("account_types"),
        checked=w.join([w.name(ACCOUNT_TYPE_KEYS[a]) for a in accounts_on]),
    )
    if accounts_off:
        names = [w.name(ACCOUNT_TYPE_KEYS[a]) for a in accounts_off]
        text += " " + w.plural("accounts_off", names)
    items.append(_Item(text))
    items.append(_envelope(w, rule))
    items.append(_Item(w.say("save", save=w.name("save"))))
    if not rule.enabled:
        items.append(
            _Item(
                w.say(
                    "disable",
                    section=w.name("routing_heading"),
                    switch=w.name("rule_enabled"),
                    name=w.q(rule.description),
                )
            )
        )
    return items


def _envelope(w: _Writer, rule: RoutingRule) -> _Item:
    env = rule.envelope_filter
    if env is None:
        return _Item(w.say("envelope_none", group=w.name("envelope_filter")))
    sides: list[tuple[str, EnvelopeMatch]] = []
    if env.senders is not None:
        sides.append(("env_senders_check", env.senders))
    if env.recipients is not None:
        sides.append(("env_recipients_check", env.recipients))
    return _Item(
        w.say("envelope", group=w.name("envelope_filter")),
        [
            w.say(
                "envelope_side",
                box=w.name(box),
                match=w.name(MATCH_KEYS[m.match]),
                menu=w.name("match_menu"),
                value=w.q(m.value),
                field=w.name(MATCH_VALUE_KEYS[m.match]),
            )
            for box, m in sides
        ],
    )


def _remove_rule(w: _Writer, book: Runbook, step: Step) -> list[_Item]:
    items = _navigate(w, book, "nav_routing")
    items.append(
        _Item(
            w.say(
                "delete_rule",
                section=w.name("routing_heading"),
                name=w.q(step.key),
                delete=w.name("delete"),
                dialog=w.name("delete_rule_title"),
            )
        )
    )
    return items
