"""The `form` kind: any console settings form, declared in YAML — its page, its section, its
controls by role and accessible name with the values wanted, and its Save.

A name is one string, or names by locale (`{en: ..., fr: ...}`: the run's locale picks). Each
control is read, compared and set only when it differs; one save; a read-back. In a child OU
a section shown as Inherited is overridden only when a value differs; `inherit: true` returns
the section to its parent's values.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from pydantic import ConfigDict, Field, field_validator, model_validator

from runbook.file import checks
from runbook.file.fields import Resource, SpecIssue, SpecModel, fail
from runbook.file.kind import KindInfo
from runbook.file.placement import PerOu
from runbook.locales import Labels

Name = str | dict[str, str]  # a console name, or its names by locale
ROLES: tuple[str, ...] = ("textbox", "checkbox", "radio", "switch", "combobox")
Role = Literal["textbox", "checkbox", "radio", "switch", "combobox"]
# What each role is given: the value it must show.
VALUE_KEYS: dict[str, str] = {
    "textbox": "value",
    "checkbox": "checked",
    "radio": "checked",
    "switch": "checked",
    "combobox": "option",
}
NO_SAVE = "none"  # `save: none`: the page saves each change by itself

FIELDS: dict[str, Any] = {"name": {}, "controls": {}, "inherit": {}}


def name_in(name: Name, locale: str) -> str:
    """The name in `locale` (a plain string is the same in every locale); a name given for
    other locales only is its first."""
    if isinstance(name, str):
        return name
    return name.get(locale) or next(iter(name.values()))


def names_in(name: Name, labels: Labels) -> tuple[str, ...]:
    """The names to look for in the run's language: a labels file's for the runbook's name
    (`form:`, looked up by its name in that language, then by its English name), then the
    runbook's own."""
    return labels.renamed(name_in(name, labels.locale), shown_name(name))


def shown_name(name: Name) -> str:
    """How plans and reports name it, whatever the run's locale: its English name, else the
    first given."""
    return name_in(name, "en")


def _name_problem(name: object) -> str | None:
    if isinstance(name, str):
        return None if name.strip() else "a name is not empty"
    if (
        isinstance(name, dict)
        and name
        and all(isinstance(v, str) and v.strip() for v in name.values())
    ):
        return None
    return "a name is a string, or names by locale ({en: ..., fr: ...})"


class PageRef(SpecModel):
    """Where the form is: its path under the console, and the Main-menu path a person follows."""

    path: str = Field(description="The page's path, e.g. /ac/apps/gmail/spam.")
    menu: list[Name] = Field(
        default_factory=list,
        description="The Main-menu path to the page, for explain and --navigate click.",
    )

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.startswith("/ac/") or any(c in value for c in "?# "):
            fail(((), f"{value!r}: a console page's path starts with /ac/ (no query, no spaces)"))
        return value


class Control(SpecModel):
    """One control: its role as the key, its accessible name as the value, and what it must
    show (`value` for a textbox, `checked` for a checkbox, radio or switch, `option` for a
    menu)."""

    textbox: Name | None = None
    checkbox: Name | None = None
    radio: Name | None = None
    switch: Name | None = None
    combobox: Name | None = None
    value: str | None = Field(default=None, description="What a textbox holds.")
    checked: bool | None = Field(default=None, description="A checkbox, radio or switch: on?")
    option: Name | None = Field(default=None, description="The option a menu shows chosen.")

    @model_validator(mode="after")
    def _one_role(self) -> Control:
        given = [role for role in ROLES if getattr(self, role) is not None]
        if not given:
            fail(((), f"a control names its role: one of {checks.one_of(ROLES)}", "key"))
        if len(given) > 1:
            fail(((given[1],), f"a control has one role: {checks.one_of(given)}, not both", "key"))
        role = given[0]
        issues: list[SpecIssue] = []
        problem = _name_problem(getattr(self, role))
        if problem:
            issues.append(((role,), problem))
        wanted = VALUE_KEYS[role]
        for key in ("value", "checked", "option"):
            if key != wanted and getattr(self, key) is not None:
                issues.append(((key,), f"a {role} takes {wanted!r}, not {key!r}", "key"))
        if getattr(self, wanted) is None:
            issues.append(((role,), f"a {role} needs {wanted!r}: what it must show", "key"))
        if self.option is not None and _name_problem(self.option):
            issues.append((("option",), "an option is a name, or names by locale"))
        if issues:
            fail(*issues)
        return self

    @property
    def role(self) -> Role:
        role = next(role for role in ROLES if getattr(self, role) is not None)
        return cast(Role, role)

    @property
    def name(self) -> Name:
        name: Name = getattr(self, self.role)
        return name

    @property
    def field(self) -> str:
        """The control as plans name it: `checkbox "Enable scanning"`."""
        return f'{self.role} "{shown_name(self.name)}"'

    @property
    def wanted(self) -> Any:
        """What the control must show: text, on/off, or the option (its shown name)."""
        if self.role == "combobox":
            assert self.option is not None
            return shown_name(self.option)
        return self.value if self.role == "textbox" else self.checked


# The roles an action or a guard may name (a control's, and what else a page shows).
TARGET_ROLES: tuple[str, ...] = (
    *ROLES,
    "button",
    "link",
    "tab",
    "menuitem",
    "option",
    "heading",
    "status",
    "alert",
    "dialog",
    "region",
    "group",
)
VERBS: tuple[str, ...] = ("click", "fill", "check", "choose", "expect")
WRITES = frozenset({"click", "fill", "check", "choose"})


class Target(SpecModel):
    """An element by role and name (`{button: Turn on}`), optionally only when it is
    (un)checked or disabled (`{checkbox: Beta, checked: true}`, `{button: Save, disabled:
    false}`)."""

    model_config = ConfigDict(extra="allow")

    checked: bool | None = None
    disabled: bool | None = None

    @model_validator(mode="after")
    def _one(self) -> Target:
        given = dict(self.model_extra or {})
        roles = [k for k in given if k in TARGET_ROLES]
        unknown = [k for k in given if k not in TARGET_ROLES]
        if unknown:
            fail(
                (
                    (unknown[0],),
                    f"unknown role {unknown[0]!r}; one of {checks.one_of(TARGET_ROLES)}",
                    "key",
                )
            )
        if len(roles) != 1:
            fail(
                ((), f"name one element: its role ({checks.one_of(TARGET_ROLES)}) and name", "key")
            )
        problem = _name_problem(given[roles[0]])
        if problem:
            fail(((roles[0],), problem))
        return self

    @property
    def role(self) -> str:
        return next(iter(self.model_extra or {}))

    @property
    def name(self) -> Name:
        value: Name = (self.model_extra or {})[self.role]
        return value

    def shown(self) -> str:
        states = []
        if self.checked is not None:
            states.append("checked" if self.checked else "unchecked")
        if self.disabled is not None:
            states.append("disabled" if self.disabled else "enabled")
        state = f" ({', '.join(states)})" if states else ""
        return f'{self.role} "{shown_name(self.name)}"{state}'


class Action(SpecModel):
    """One step of the escape hatch: `click`, `fill` (with `value`), `check` (with `checked`,
    default true), `choose` (with `option`) or `expect` an element; a write runs only `when`
    an element is there, or `unless` it is, so that a second run does nothing."""

    click: Target | None = None
    fill: Target | None = None
    check: Target | None = None
    choose: Target | None = None
    expect: Target | None = None
    value: str | None = None
    checked: bool = True
    option: Name | None = None
    when: Target | None = Field(default=None, description="Act only when this is on the page.")
    unless: Target | None = Field(default=None, description="Act only when this is not.")

    @model_validator(mode="after")
    def _one_verb(self) -> Action:
        given = [verb for verb in VERBS if getattr(self, verb) is not None]
        if len(given) != 1:
            fail(((), f"an action is one of {checks.one_of(VERBS)}", "key"))
        verb = given[0]
        issues: list[SpecIssue] = []
        if verb in WRITES and self.when is None and self.unless is None:
            issues.append(
                (
                    (verb,),
                    f"{verb} writes: give 'when' or 'unless' (what the page shows before it is "
                    "needed) so that a second run does nothing",
                    "key",
                )
            )
        if (verb == "fill") != (self.value is not None):
            issues.append(
                (("value",) if self.value is not None else (verb,), "'value' goes with fill", "key")
            )
        if (verb == "choose") != (self.option is not None):
            issues.append(
                (
                    ("option",) if self.option is not None else (verb,),
                    "'option' goes with choose",
                    "key",
                )
            )
        if issues:
            fail(*issues)
        return self

    @property
    def verb(self) -> str:
        return next(verb for verb in VERBS if getattr(self, verb) is not None)

    @property
    def target(self) -> Target:
        target: Target = getattr(self, self.verb)
        return target

    @property
    def field(self) -> str:
        """The action as plans name it: `click button "Turn on"`."""
        return f"{self.verb} {self.target.shown()}"


class Form(PerOu, Resource):
    """A settings form of any console page, keyed by its `name` (the runbook's, for people)."""

    name: str = Field(description="What this form sets, for people and reports (its key).")
    page: PageRef
    section: Name | None = Field(
        default=None,
        description="The section (a region or group so named) holding the controls and Save.",
    )
    open: Name | None = Field(
        default=None, description="A button that opens the form (a dialog or a panel) first."
    )
    controls: list[Control] = Field(default_factory=list)
    actions: list[Action] = Field(
        default_factory=list,
        description="The escape hatch for what is no form: guarded clicks, fills and checks, "
        "done before the controls are read.",
    )
    save: Name | None = Field(
        default=None,
        description="The button that saves (default: the console's Save, in the run's "
        "language); none: the page saves each change.",
    )
    inherit: bool = Field(
        default=False,
        description="In a child OU: the section takes its parent's values again (Inherit).",
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        problem = checks.text_problem(value, what="form name")
        if problem:
            fail(((), problem))
        return value

    @field_validator("section", "open", "save")
    @classmethod
    def _names(cls, value: Name | None) -> Name | None:
        problem = None if value is None else _name_problem(value)
        if problem:
            fail(((), problem))
        return value

    @model_validator(mode="after")
    def _controls(self) -> Form:
        if self.inherit:
            if self.controls:
                fail((("controls",), "inherit: true takes the parent's values: no controls", "key"))
            if self.section is None:
                fail((("inherit",), "inherit: true needs the 'section' it returns to", "key"))
            if (self.org_unit or "") in ("", "/"):
                fail(
                    (("inherit",), "inherit: true needs a child org_unit: '/' has no parent", "key")
                )
            return self
        if not self.controls and not self.actions:
            fail((("controls",), "a form needs its controls, actions, or inherit: true", "key"))
        seen: dict[str, int] = {}
        for index, control in enumerate(self.controls):
            if control.field in seen:
                fail((("controls", index), f"{control.field} is named twice", "key"))
            seen[control.field] = index
        return self

    @property
    def key(self) -> str:
        return self.name

    @property
    def saves(self) -> bool:
        return self.save != NO_SAVE

    def console_fields(self) -> dict[str, Any]:
        """What each control must show, by how plans name it; `inherit: true`: the section."""
        if self.inherit:
            return {"(section)": "inherited"}
        wanted: dict[str, Any] = {a.field: "done" for a in self.actions if a.verb in WRITES}
        return wanted | {control.field: control.wanted for control in self.controls}


KIND = KindInfo(
    key="form",
    key_field="name",
    noun="form",
    what="form",
    page="",  # any page: the step names it (`page.path`)
    model=Form,
    fields=FIELDS,
    required={},
    instead_of_absent="a form's controls are set, never removed; 'inherit: true' returns a "
    "section to its parent's values",
)
