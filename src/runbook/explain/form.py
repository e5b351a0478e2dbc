"""`explain` for forms: the page by its menu path, the section, each control and its Save."""

from __future__ import annotations

from typing import cast

from runbook.explain.core import Item, KindExplainer, Writer, org_unit_of
from runbook.file.form import Action, Control, Form, Name, Target, names_in
from runbook.file.model import Runbook, Step


def present(w: Writer, book: Runbook, step: Step) -> list[Item]:
    form = cast(Form, step.resource)
    items = [_page(w, form)]
    unit = org_unit_of(book, step) if form.org_unit is None else form.org_unit
    if unit != "/":
        path = " > ".join(w.q(part) for part in unit.strip("/").split("/"))
        items.append(Item(w.say("org_unit", tree=w.name("org_units"), ou=path)))
    if form.section is not None:  # it holds the button that opens the dialog
        section = w.q(_name(w, form.section))
        items.append(Item(w.say("form_section", section=section)))
    if form.open is not None:
        items.append(Item(w.say("form_open", button=w.q(_name(w, form.open)))))
    status = w.name("status_inherited")
    if form.inherit:
        inherit, dialog = w.name("settings_inherit"), w.name("settings_inherit_title")
        items.append(Item(w.say("form_inherit", status=status, inherit=inherit, dialog=dialog)))
        return items
    if unit != "/":
        items.append(
            Item(w.say("form_override", status=status, button=w.name("settings_override")))
        )
    items += [Item(_action(w, action)) for action in form.actions]
    items += [Item(_control(w, control)) for control in form.controls]
    if form.saves:
        save = w.name("save") if form.save is None else w.q(_name(w, form.save))
        items.append(Item(w.say("form_save", save=save)))
    else:
        items.append(Item(w.say("form_no_save")))
    return items


def _name(w: Writer, name: Name) -> str:
    """A name as the console shows it: a labels file's first, else the runbook's."""
    return names_in(name, w.labels)[0]


def _page(w: Writer, form: Form) -> Item:
    if form.page.menu:
        path = " > ".join([w.labels.name("main_menu"), *(_name(w, n) for n in form.page.menu)])
        return Item(w.say("go_to", path=path))
    return Item(w.say("form_go_to_path", path=w.q(form.page.path)))


def _target(w: Writer, target: Target) -> str:
    return w.q(_name(w, target.name))


def _action(w: Writer, action: Action) -> str:
    target = _target(w, action.target)
    if action.verb == "expect":
        return w.say("form_expect", target=target)
    if action.verb == "fill":
        act = w.say("form_do_fill", target=target, value=w.q(action.value or ""))
    elif action.verb == "choose":
        option = w.q(_name(w, action.option)) if action.option is not None else ""
        act = w.say("form_do_choose", target=target, option=option)
    elif action.verb == "check":
        act = w.say("form_do_check" if action.checked else "form_do_uncheck", target=target)
    else:
        act = w.say("form_do_click", target=target)
    if action.when is not None:
        return w.say("form_act_when", guard=_target(w, action.when), act=act)
    assert action.unless is not None, "a write action has its guard (checked on load)"
    return w.say("form_act_unless", guard=_target(w, action.unless), act=act)


def _control(w: Writer, control: Control) -> str:
    name = w.q(_name(w, control.name))
    if control.role == "textbox":
        return w.say("form_textbox", name=name, value=w.q(control.value or ""))
    if control.role == "combobox":
        assert control.option is not None
        return w.say("form_combobox", name=name, option=w.q(_name(w, control.option)))
    if control.role == "radio":
        return w.say("form_radio", name=name)
    return w.say("form_check" if control.checked else "form_uncheck", name=name)


EXPLAINER = KindExplainer(
    page="",
    set_title="set_form",
    remove_title="set_form",  # never used: a form's step cannot be `state: absent`
    present=present,
    absent=present,
)
