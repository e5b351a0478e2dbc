// The "Generate new record" dialog of the Authenticate email page: DKIM key bit length (a menu:
// 2048, the default and recommended, or 1024) and Prefix selector (default "google", one DNS
// label); Generate sends them, and the console's refusal (too early, an invalid value) shows in
// the dialog, which stays open.
import { api } from "./api.js";
import { combobox } from "./combobox.js";
import { formDialog } from "./dialog.js";
import { h, nextId, progress } from "./dom.js";
import { Errors, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { toast } from "./toast.js";

const DEFAULT_SELECTOR = "google";
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Open the dialog for the domain `name`; `done(domain)` with the domain as it is after Generate.
export function generateDialog(name, done) {
  formDialog({
    title: t("dkim_dialog"),
    loadPath: "forms/dkim",
    build: (shell) => build(shell, name, done),
  });
}

function build(shell, name, done) {
  const errors = new Errors();
  const bits = combobox({
    label: t("dkim_key_bits"),
    options: [
      { value: 2048, label: "2048" },
      { value: 1024, label: "1024" },
    ],
    value: 2048,
  });
  const selectorId = nextId("dkim-selector");
  const selector = h("input", { id: selectorId, type: "text", value: DEFAULT_SELECTOR });
  const selectorSlot = errorSlot();
  const general = errorSlot();
  general.classList.add("general");
  const busy = progress("dkim_generating");
  busy.hidden = true;
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const generate = h("button", { type: "button", class: "primary" }, t("dkim_generate"));
  let pending = false;

  const content = [
    h("div", { class: "field" }, h("span", { class: "label" }, t("dkim_key_bits")), bits.el),
    h(
      "div",
      { class: "field" },
      h("label", { for: selectorId }, t("dkim_selector")),
      selector,
      selectorSlot,
    ),
  ];
  const footer = [general, h("div", { class: "buttons" }, busy, cancel, generate)];

  function setPending(on) {
    pending = on;
    busy.hidden = !on;
    generate.disabled = cancel.disabled = on;
    bits.setDisabled(on);
  }

  async function send() {
    errors.clear();
    general.removeAttribute("role");
    general.textContent = "";
    const value = selector.value.trim().toLowerCase();
    if (!LABEL.test(value)) {
      errors.show(selector, selectorSlot, t("err_dkim_selector"));
      errors.focusFirst();
      return;
    }
    setPending(true);
    const body = { selector: value, key_bits: bits.value };
    const resp = await api("POST", `domains/${encodeURIComponent(name)}/dkim`, body);
    setPending(false);
    if (resp.ok) {
      shell.close();
      toast(t("dkim_updated_toast"));
      done(resp.data);
    } else if (resp.data.field === "selector") {
      errors.show(selector, selectorSlot, resp.data.error);
      errors.focusFirst();
    } else {
      general.setAttribute("role", "alert");
      general.textContent = resp.data.error;
    }
  }

  generate.addEventListener("click", () => {
    if (!pending) send();
  });
  cancel.addEventListener("click", () => {
    if (!pending) shell.close();
  });
  shell.fill(content, footer);
  shell.onEscape = () => {
    if (!pending) shell.close();
  };
  bits.box.focus();
}
