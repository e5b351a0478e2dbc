"""What every kind's explanation shares: the sentence writer, the click path, numbering, redaction.

Every name of a console control comes from the label catalogue (`runbook.locales`), the same
names the page objects locate, so the explanation and the automation cannot disagree; the
prose around them comes from the locale's module too. Pure: no browser, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from runbook.console.places import page_info
from runbook.file.model import Runbook, Step
from runbook.locales import LabelKey, Labels, ProseKey, catalogue
from runbook.target import DEFAULT_CONSOLE

MASK = "********"

# The sentences about a group of checkboxes: the checked ones, then one / many unchecked.
Checkboxes = tuple[ProseKey, ProseKey, ProseKey]


@dataclass
class Item:
    """One numbered instruction, with optional sub-items (a bulleted list under it)."""

    text: str
    children: list[str] = field(default_factory=list)


class Writer:
    """Sentences for one console language: catalogue names quoted, prose from the locale."""

    def __init__(self, locale: str, labels: Labels | None = None) -> None:
        self.labels = labels if labels is not None else Labels(locale)
        self.locale = self.labels.locale
        found = catalogue(locale)
        self.prose = found.prose
        self.quotes = found.quotes

    def q(self, text: str) -> str:
        """`text` in the language's quotation marks."""
        left, right = self.quotes
        return f"{left}{text}{right}"

    def name(self, key: LabelKey) -> str:
        """The quoted catalogue name of a console control."""
        return self.q(self.labels.name(key))

    def say(self, key: ProseKey, **fields: str) -> str:
        return self.prose[key].format(**fields)

    def plural(self, one: ProseKey, many: ProseKey, names: list[str]) -> str:
        """The `one` or the `many` sentence about `names`."""
        return self.say(one if len(names) == 1 else many, unchecked=self.join(names))

    def checkboxes(
        self,
        prose: Checkboxes,
        group: LabelKey,
        boxes: Mapping[str, LabelKey],
        chosen: Collection[str],
    ) -> str:
        """Which boxes of a group to check, then which must stay unchecked.

        `prose`: the sentence naming the checked ones, and the one and many sentences about
        the unchecked ones; `boxes`: the group's values, in the console's order, to label keys.
        """
        on = [self.name(key) for value, key in boxes.items() if value in chosen]
        off = [self.name(key) for value, key in boxes.items() if value not in chosen]
        text = self.say(prose[0], group=self.name(group), checked=self.join(on))
        return f"{text} {self.plural(prose[1], prose[2], off)}" if off else text

    def join(self, items: list[str]) -> str:
        """`a, b and c` in the console's language."""
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.prose['and']} " + items[-1]

    def click_path(self, page: str) -> str:
        """How to reach a console page by the menu: "Main menu > Apps > ... > Hosts"."""
        keys: tuple[LabelKey, ...] = ("main_menu", *page_info(page).menu)  # as the shell walks it
        return " > ".join(self.labels.name(k) for k in keys)

    def redact(self, text: str, names: Mapping[str, str]) -> str:
        """`text` without secrets: a whole typed secret becomes "the value of $NAME" (the
        variable it came from); a secret within a longer text is masked."""
        ordered = sorted((s for s in names if s), key=lambda s: (-len(s), s))
        if not ordered:
            return text
        alternatives = "|".join(re.escape(s) for s in ordered)
        left, right = (re.escape(q) for q in self.quotes)
        whole = re.compile(f"{left}({alternatives}){right}")
        text = whole.sub(lambda m: self.say("secret_value", name=names[m.group(1)]), text)
        return re.sub(alternatives, MASK, text)


Builder = Callable[[Writer, Runbook, Step], list[Item]]


@dataclass(frozen=True)
class KindExplainer:
    """How `explain` writes the steps of one resource kind."""

    page: str  # the console page its steps start on
    set_title: ProseKey  # a step's title when it has no name, with `state: present`
    remove_title: ProseKey  # ... with `state: absent`
    present: Builder
    absent: Builder


def org_unit_of(book: Runbook, step: Step) -> str:
    """The organizational unit a step works in: its own, else the runbook's."""
    own: str | None = getattr(step.resource, "org_unit", None)
    return own or book.console.org_unit


def navigate(w: Writer, book: Runbook, page: str, step: Step) -> list[Item]:
    """Reaching a console page, then the step's organizational unit in the picker: its names
    from the top down; for a kind set per OU, the top itself when another step selected
    another OU."""
    items = [Item(w.say("go_to", path=w.click_path(page)))]
    unit, tree = org_unit_of(book, step), w.name("org_units")
    if unit != "/":
        path = " > ".join(w.q(part) for part in unit.strip("/").split("/"))
        items.append(Item(w.say("org_unit", tree=tree, ou=path)))
    elif hasattr(step.resource, "org_unit") and any(
        org_unit_of(book, other) != "/" for other in book.steps
    ):
        items.append(Item(w.say("org_top", tree=tree)))
    return items


def inherited_item(w: Writer, name: str, enabled: bool, section: LabelKey) -> Item:
    """An entry inherited from a parent OU: only its switch, on its row in `section`."""
    key: ProseKey = "inherited_on" if enabled else "inherited_off"
    return Item(
        w.say(
            key,
            section=w.name(section),
            name=w.q(name),
            status=w.name("status_inherited"),
            switch=w.name("rule_enabled"),
        )
    )


def render(w: Writer, book: Runbook, explainer: Callable[[str], KindExplainer]) -> str:
    """The whole text: title, sign-in, then each step numbered with its sub-steps."""
    url = book.console.url or DEFAULT_CONSOLE
    lines = [w.say("title", name=w.q(book.name))]
    if book.description:
        lines.append(book.description)
    lines += ["", w.say("sign_in", url=url), ""]
    for number, step in enumerate(book.steps, 1):
        kind = explainer(step.kind)
        lines.append(f"{number}. {_title(w, kind, step)}")
        build = kind.absent if step.state == "absent" else kind.present
        for sub, item in enumerate(build(w, book, step), 1):
            lines.append(f"   {sub}. {item.text}")
            lines.extend(f"      - {child}" for child in item.children)
        lines.append("")
    return w.redact("\n".join(lines).rstrip() + "\n", book.secret_names)


def _title(w: Writer, kind: KindExplainer, step: Step) -> str:
    if step.name:
        return step.name
    key = kind.remove_title if step.state == "absent" else kind.set_title
    if getattr(step.resource, "inherited", False):
        enabled = getattr(step.resource, "enabled", True)
        key = "inherited_on_title" if enabled else "inherited_off_title"
    return w.say(key, name=w.q(step.key))


def deletion(page: str, prose: ProseKey, dialog: LabelKey, **labels: LabelKey) -> Builder:
    """How a `state: absent` step reads: reach the page, delete the entry by name, confirm
    (`labels` name the prose's other fields, e.g. the page section the entry is in)."""

    def absent(w: Writer, book: Runbook, step: Step) -> list[Item]:
        named = {field: w.name(key) for field, key in labels.items()}
        delete = w.say(
            prose, name=w.q(step.key), delete=w.name("delete"), dialog=w.name(dialog), **named
        )
        return [*navigate(w, book, page, step), Item(delete)]

    return absent
