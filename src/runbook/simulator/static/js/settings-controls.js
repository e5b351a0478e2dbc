// The controls of a settings section, one per field the server describes (CFG.settings): a
// textbox (a list shown as "a, b"), a checkbox, a switch (a button with role switch, turned
// at once by a click: `onChange()` then saves it), a menu (the ARIA combobox) or a radio group,
// each with its visible label as its accessible name. A control: { el, focusable, get(), set(v),
// setDisabled(on), invalid(slot) / valid() }; `onChange()` after each user change.
import { combobox } from "./combobox.js";
import { h, nextId } from "./dom.js";
import { t } from "./i18n.js";

const shownText = (v) => (Array.isArray(v) ? v.join(", ") : v == null ? "" : String(v));

function hintOf(field) {
  return field.hint ? h("p", { id: nextId("hint"), class: "hint" }, t(field.hint)) : null;
}

// aria-describedby: the hint, then the error (when one shows).
function describe(target, hint, slot) {
  const ids = [hint && hint.id, slot && slot.id].filter(Boolean);
  if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
  else target.removeAttribute("aria-describedby");
}

function textControl(field, onChange) {
  const id = nextId("setting");
  const input = h("input", { id, type: "text", spellcheck: "false", autocomplete: "off" });
  const hint = hintOf(field);
  input.addEventListener("input", onChange);
  describe(input, hint, null);
  return {
    el: h("div", { class: "field wide" }, h("label", { for: id }, t(field.label)), input, hint),
    focusable: input,
    get: () => input.value,
    set: (v) => (input.value = shownText(v)),
    same: (v) => input.value.trim() === shownText(v),
    setDisabled: (on) => (input.disabled = on),
    invalid: (slot) => {
      input.setAttribute("aria-invalid", "true");
      describe(input, hint, slot);
    },
    valid: () => {
      input.removeAttribute("aria-invalid");
      describe(input, hint, null);
    },
  };
}

function checkboxControl(field, onChange) {
  const id = nextId("setting");
  const input = h("input", { id, type: "checkbox" });
  const hint = hintOf(field);
  input.addEventListener("change", onChange);
  describe(input, hint, null);
  return {
    el: h("div", { class: "check-field" }, h("label", { class: "check", for: id }, input, h("span", {}, t(field.label))), hint),
    focusable: input,
    get: () => input.checked,
    set: (v) => (input.checked = !!v),
    same: (v) => input.checked === !!v,
    setDisabled: (on) => (input.disabled = on),
    invalid: (slot) => {
      input.setAttribute("aria-invalid", "true");
      describe(input, hint, slot);
    },
    valid: () => {
      input.removeAttribute("aria-invalid");
      describe(input, hint, null);
    },
  };
}

function switchControl(field, onChange) {
  const labelId = nextId("switch-label");
  const hint = hintOf(field);
  const sw = h("button", { type: "button", role: "switch", class: "switch", "aria-labelledby": labelId, "aria-checked": "false" });
  const on = () => sw.getAttribute("aria-checked") === "true";
  sw.addEventListener("click", () => {
    sw.setAttribute("aria-checked", String(!on()));
    onChange();
  });
  describe(sw, hint, null);
  return {
    el: h("div", { class: "check-field" }, h("div", { class: "check" }, sw, h("span", { id: labelId }, t(field.label))), hint),
    focusable: sw,
    get: () => on(),
    set: (v) => sw.setAttribute("aria-checked", String(!!v)),
    same: (v) => on() === !!v,
    setDisabled: (d) => (sw.disabled = d),
    invalid: (slot) => {
      sw.setAttribute("aria-invalid", "true");
      describe(sw, hint, slot);
    },
    valid: () => {
      sw.removeAttribute("aria-invalid");
      describe(sw, hint, null);
    },
  };
}

function menuControl(field, onChange) {
  const menu = combobox({
    label: t(field.label),
    options: field.options.map(([value, key]) => ({ value, label: t(key) })),
    value: null,
    onChange,
  });
  const hint = hintOf(field);
  describe(menu.box, hint, null);
  return {
    el: h("div", { class: "field wide" }, h("span", { class: "label", "aria-hidden": "true" }, t(field.label)), menu.el, hint),
    focusable: menu.box,
    get: () => menu.value,
    set: (v) => menu.setValue(v),
    same: (v) => menu.value === v,
    setDisabled: (on) => menu.setDisabled(on),
    invalid: (slot) => {
      menu.box.setAttribute("aria-invalid", "true");
      describe(menu.box, hint, slot);
    },
    valid: () => {
      menu.box.removeAttribute("aria-invalid");
      describe(menu.box, hint, null);
    },
  };
}

function radioControl(field, onChange) {
  const name = nextId("radios");
  const questionId = nextId("question");
  const radios = field.options.map(([value, key]) => {
    const id = nextId("setting");
    const input = h("input", { id, type: "radio", name, value });
    input.addEventListener("change", onChange);
    return { value, input, label: h("label", { class: "check", for: id }, input, h("span", {}, t(key))) };
  });
  const hint = hintOf(field);
  const group = h(
    "div",
    { role: "radiogroup", "aria-labelledby": questionId, class: "checks" },
    radios.map((r) => r.label),
  );
  describe(group, hint, null);
  const checked = () => radios.find((r) => r.input.checked);
  return {
    el: h("div", { class: "field wide" }, h("span", { id: questionId, class: "label" }, t(field.label)), group, hint),
    focusable: radios[0].input,
    get: () => (checked() ? checked().value : null),
    set: (v) => radios.forEach((r) => (r.input.checked = r.value === v)),
    same: (v) => (checked() ? checked().value : null) === v,
    setDisabled: (on) => {
      radios.forEach((r) => (r.input.disabled = on));
      if (on) group.setAttribute("aria-disabled", "true");
      else group.removeAttribute("aria-disabled");
    },
    invalid: (slot) => {
      group.setAttribute("aria-invalid", "true");
      describe(group, hint, slot);
    },
    valid: () => {
      group.removeAttribute("aria-invalid");
      describe(group, hint, null);
    },
  };
}

const KINDS = { text: textControl, checkbox: checkboxControl, switch: switchControl, menu: menuControl, radio: radioControl };

// A value as a section's summary shows it (a section edited in a dialog).
export function summaryText(field, v) {
  if (field.kind === "checkbox" || field.kind === "switch") return t(v ? "setting_on" : "setting_off");
  const option = field.options.find(([value]) => value === v);
  return option ? t(option[1]) : shownText(v);
}

export function settingControl(field, onChange) {
  return KINDS[field.kind](field, onChange);
}
