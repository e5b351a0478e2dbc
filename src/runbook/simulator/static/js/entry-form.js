// The Save/Cancel wiring of the route and rule dialogs: a footer with a pending state (Save
// stays disabled until a change when editing); send, then close and reload, or show the
// console's error and stay open.
import { h, progress } from "./dom.js";
import { errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { toast } from "./toast.js";

// Fill `shell` with `content` and the footer. `collect()` gives the entry to send (null when
// the form shows errors), `snapshot()` the form's state. Returns the form (`form.refresh()`).
export function entryForm({ shell, content, editing, snapshot, collect, focus, send, onSaved }) {
  async function save() {
    form.clearError();
    const entry = collect();
    if (!entry) return;
    form.setPending(true);
    const resp = await send(entry);
    form.setPending(false);
    if (resp.ok) {
      shell.close();
      toast(t("saved_toast"));
      onSaved();
    } else {
      form.showError(resp.data.error);
    }
  }
  const form = formFooter({ editing, snapshot, onSave: save, onCancel: () => shell.close() });
  const changed = () => form.refresh();
  shell.fill(content, form.footer);
  shell.onEscape = () => {
    if (!form.pending) shell.close();
  };
  shell.dialog.addEventListener("input", changed);
  shell.dialog.addEventListener("change", changed);
  form.start();
  focus.focus();
  return form;
}

function formFooter({ editing, snapshot, onSave, onCancel }) {
  const general = errorSlot();
  general.classList.add("general");
  const busy = progress("saving");
  busy.hidden = true;
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const save = h("button", { type: "button", class: "primary" }, t("save"));
  const footer = [general, h("div", { class: "buttons" }, busy, cancel, save)];
  const form = {
    pending: false,
    initial: null,
    footer,
    refresh() {
      save.disabled = form.pending || (editing && snapshot() === form.initial);
      cancel.disabled = form.pending;
    },
    start() {
      form.initial = snapshot();
      form.refresh();
    },
    setPending(on) {
      form.pending = on;
      busy.hidden = !on;
      form.refresh();
    },
    showError(message) {
      general.setAttribute("role", "alert");
      general.textContent = message;
    },
    clearError() {
      general.removeAttribute("role");
      general.textContent = "";
    },
  };
  save.addEventListener("click", () => {
    if (!form.pending) onSave();
  });
  cancel.addEventListener("click", () => {
    if (!form.pending) onCancel();
  });
  return form;
}
