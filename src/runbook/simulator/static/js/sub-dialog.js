// A small dialog opened from inside an Add setting dialog (Add custom header, Add recipient):
// its fields, Save (which checks them with `collect`, null on errors) and Cancel.
import { openDialog } from "./dialog.js";
import { h } from "./dom.js";
import { errorSlot } from "./fields.js";
import { t } from "./i18n.js";

// A text field with its label (a visible <label>) and its error slot.
export function textField(labelKey, value = "", attrs = {}) {
  const input = h("input", { type: "text", value, ...attrs });
  const label = h("label", {}, h("span", {}, t(labelKey)), input);
  const slot = errorSlot();
  return { input, slot, el: h("div", { class: "field" }, label, slot) };
}

// Open the sub-dialog; `collect()` gives the value to keep or null; `done(value)` keeps it.
export function subDialog({ titleKey, content, collect, done }) {
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const save = h("button", { type: "button", class: "primary" }, t("save"));
  const shell = openDialog({
    title: t(titleKey),
    content,
    footer: h("div", { class: "buttons" }, cancel, save),
    onEscape: () => shell.close(),
  });
  cancel.addEventListener("click", () => shell.close());
  save.addEventListener("click", () => {
    const value = collect();
    if (value === null) return;
    shell.close();
    done(value);
  });
  return shell;
}
