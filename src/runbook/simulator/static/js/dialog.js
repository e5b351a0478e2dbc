// Modal dialogs: openDialog (the shell: title, body, footer, Escape, focus back to the opener),
// formDialog (an Add/Edit dialog, loading first when dialogs load late) and confirmDelete.
import { api, dialogsLoadLate } from "./api.js";
import { h, nextId, progress } from "./dom.js";
import { errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { toast } from "./toast.js";
import { variant } from "./variants.js";

// A modal dialog; the page behind is inert and hidden from assistive technology (except under
// the page-not-inert variant, where it stays in the accessibility tree).
// Returns its shell: `close()`, `fill(content, footer)` (contents built later), `onEscape`.
export function openDialog({ title, role = "dialog", describedBy, content, footer, onEscape }) {
  const opener = document.activeElement;
  const app = document.getElementById("app");
  const titleId = nextId("dialog-title");
  const body = h("div", { class: "dialog-body" }, content);
  const foot = h("div", { class: "dialog-footer" }, footer);
  const dialog = h(
    "div",
    {
      role,
      "aria-modal": "true",
      "aria-labelledby": titleId,
      "aria-describedby": describedBy,
      class: role === "alertdialog" ? "dialog small" : "dialog",
      tabindex: -1,
    },
    h("h2", { id: titleId, class: "dialog-title" }, title),
    body,
    foot,
  );
  const overlay = h("div", { class: "overlay" }, dialog);
  const shell = {
    dialog,
    onEscape,
    open: true,
    close() {
      shell.open = false;
      overlay.remove();
      if (!document.querySelector(".overlay")) {
        app.inert = false;
        app.removeAttribute("aria-hidden");
      }
      if (opener && document.contains(opener)) opener.focus();
    },
    fill(newContent, newFooter) {
      body.replaceChildren(...h("div", {}, newContent).childNodes);
      foot.replaceChildren(...h("div", {}, newFooter).childNodes);
    },
  };
  dialog.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      shell.onEscape();
    }
  });
  if (!variant("page-not-inert")) {
    app.inert = true;
    app.setAttribute("aria-hidden", "true");
  }
  document.body.append(overlay);
  const first = dialog.querySelector("input:not([disabled]), [role=combobox], button");
  (first || dialog).focus();
  return shell;
}

// An Add/Edit dialog: `build(shell, loaded)` puts the form in it. With late dialogs (a
// fault), the dialog first shows a progressbar and builds the form only once the server has
// answered `loadPath` (for Edit: the entry as it is now, with its revision).
export function formDialog({ title, loadPath, build }) {
  if (!dialogsLoadLate()) {
    const shell = openDialog({ title, onEscape: () => shell.close() });
    build(shell, null);
    return;
  }
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const buttons = h("div", { class: "buttons" }, cancel);
  const shell = openDialog({
    title,
    content: progress("loading"),
    footer: buttons,
    onEscape: () => shell.close(),
  });
  cancel.addEventListener("click", () => shell.close());
  api("GET", loadPath).then((resp) => {
    if (!shell.open) return;
    if (resp.ok) build(shell, resp.data);
    else {
      const error = h("div", { role: "alert", class: "field-error general" }, resp.data.error);
      shell.fill(error, buttons);
    }
  });
}

// Confirmation before a delete: `request()` sends it; `done()` after it succeeded. Under the
// plain-delete-dialog variant it is a role=dialog titled "Delete {name}".
export function confirmDelete({ title, name, message, request, done }) {
  const plain = variant("plain-delete-dialog");
  const textId = nextId("confirm-text");
  const general = errorSlot();
  const busy = progress("saving");
  busy.hidden = true;
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const confirm = h("button", { type: "button", class: "danger" }, t("delete"));
  let pending = false;
  const { close } = openDialog({
    title: plain ? t("delete_named_title", { name }) : title,
    role: plain ? "dialog" : "alertdialog",
    describedBy: textId,
    content: [h("p", { id: textId }, message), general],
    footer: h("div", { class: "buttons" }, busy, cancel, confirm),
    onEscape: () => {
      if (!pending) close();
    },
  });
  cancel.addEventListener("click", () => close());
  confirm.addEventListener("click", async () => {
    pending = true;
    confirm.disabled = cancel.disabled = true;
    busy.hidden = false;
    general.removeAttribute("role");
    general.textContent = "";
    const resp = await request();
    pending = false;
    busy.hidden = true;
    confirm.disabled = cancel.disabled = false;
    if (resp.ok) {
      close();
      toast(t("deleted_toast"));
      done();
    } else {
      general.setAttribute("role", "alert");
      general.textContent = resp.data.error;
    }
  });
  cancel.focus();
}
