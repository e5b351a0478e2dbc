// Form fields shared by the dialogs: a labelled checkbox, and field errors (an alert next to
// the field, linked by aria-describedby, with aria-invalid on the field).
import { h, nextId } from "./dom.js";
import { t } from "./i18n.js";

export function checkbox(labelKey, checked, attrs = {}) {
  const input = h("input", { type: "checkbox", checked, ...attrs });
  const label = h("label", { class: "check" }, input, h("span", {}, t(labelKey)));
  return { input, label };
}

// The place of one error message (empty until an error is shown there).
export function errorSlot() {
  return h("div", { id: nextId("err"), class: "field-error" });
}

// The errors shown in a form: show(controls, slot, message), clear(), any, focusFirst().
export class Errors {
  constructor() {
    this.shown = [];
  }
  show(controls, slot, message) {
    slot.setAttribute("role", "alert");
    slot.textContent = message;
    for (const c of [].concat(controls)) {
      c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", slot.id);
    }
    this.shown.push([controls, slot]);
  }
  clear() {
    for (const [controls, slot] of this.shown) {
      slot.removeAttribute("role");
      slot.textContent = "";
      for (const c of [].concat(controls)) {
        c.removeAttribute("aria-invalid");
        c.removeAttribute("aria-describedby");
      }
    }
    this.shown = [];
  }
  get any() {
    return this.shown.length > 0;
  }
  focusFirst() {
    const first = this.shown.length ? [].concat(this.shown[0][0])[0] : null;
    if (first && first.focus) first.focus();
  }
}
