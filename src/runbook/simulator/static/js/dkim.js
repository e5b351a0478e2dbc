// The Authenticate email (DKIM) page: the domain menu ("Selected domain"), then for the selected
// domain its status, the record to publish (DNS host name and TXT record value, read-only,
// blank while the domain has no key), Generate new record (dkim-dialog.js) and Start or Stop
// authentication. Everything loads from the data endpoints (domains, domains/<name>).
import { api } from "./api.js";
import { combobox } from "./combobox.js";
import { generateDialog } from "./dkim-dialog.js";
import { h, nextId, progress, setChildren } from "./dom.js";
import { errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { toast } from "./toast.js";

const domainPath = (name) => `domains/${encodeURIComponent(name)}`;

// A read-only field with its visible label: an input (`rows` absent) or a text area.
function recordField(labelKey, value, rows) {
  const id = nextId("dkim-field");
  const attrs = { id, readonly: true, class: "dkim-value", spellcheck: "false" };
  const control = rows
    ? h("textarea", { ...attrs, rows }, value || "")
    : h("input", { ...attrs, type: "text", value: value || "" });
  return h("div", { class: "field wide" }, h("label", { for: id }, t(labelKey)), control);
}

export function dkimPage() {
  const area = document.getElementById("dkim");
  const details = h("div", { class: "dkim-details" });
  let loads = 0;
  const menu = combobox({
    label: t("dkim_domain_menu"),
    options: [],
    value: null,
    onChange: (name) => loadDomain(name),
  });

  // The selected domain as the server sent it.
  function render(domain) {
    details.removeAttribute("aria-busy");
    const hasKey = domain.status !== "no_key";
    const on = domain.status === "authenticating";
    const error = errorSlot();
    error.classList.add("general");
    const busy = progress(on ? "saving" : "dkim_checking_dns");
    busy.hidden = true;
    const generate = h("button", { type: "button", class: "secondary" }, t("dkim_generate_record"));
    const toggle = h(
      "button",
      { type: "button", class: "primary", disabled: !hasKey },
      t(on ? "dkim_stop" : "dkim_start"),
    );
    generate.addEventListener("click", () => generateDialog(domain.name, render));
    toggle.addEventListener("click", async () => {
      error.removeAttribute("role");
      error.textContent = "";
      generate.disabled = toggle.disabled = true;
      busy.hidden = false;
      const resp = await api("POST", `${domainPath(domain.name)}/dkim/${on ? "stop" : "start"}`);
      busy.hidden = true;
      generate.disabled = toggle.disabled = false;
      if (resp.ok) {
        toast(t("dkim_updated_toast"));
        render(resp.data);
      } else {
        error.setAttribute("role", "alert");
        error.textContent = resp.data.error;
      }
    });
    const note = domain.active_selector
      ? h("p", { class: "intro" }, t("dkim_signing_note", { selector: domain.active_selector }))
      : null;
    setChildren(
      details,
      h(
        "p",
        { role: "status", class: on ? "dkim-status on" : "dkim-status" },
        t(on ? "dkim_authenticating" : "dkim_not_authenticating"),
      ),
      note,
      recordField("dkim_host_name", hasKey ? domain.host_name : ""),
      recordField("dkim_txt_value", hasKey ? domain.txt_value : "", 5),
      error,
      h("div", { class: "buttons start" }, generate, toggle, busy),
    );
  }

  async function loadDomain(name) {
    const run = ++loads;
    details.setAttribute("aria-busy", "true");
    details.replaceChildren(progress("loading"));
    const resp = await api("GET", domainPath(name));
    if (run !== loads) return;
    if (resp.ok) render(resp.data);
    else {
      details.removeAttribute("aria-busy");
      details.replaceChildren(h("div", { role: "alert", class: "field-error general" }, resp.data.error));
    }
  }

  async function load() {
    area.setAttribute("aria-busy", "true");
    area.replaceChildren(progress("loading"));
    const resp = await api("GET", "domains");
    area.removeAttribute("aria-busy");
    if (!resp.ok) {
      area.replaceChildren(h("div", { role: "alert", class: "field-error general" }, resp.data.error));
      return;
    }
    const domains = resp.data.domains;
    const first = domains.find((d) => d.kind === "primary") || domains[0];
    menu.setOptions(domains.map((d) => ({ value: d.name, label: d.name })));
    menu.setValue(first.name);
    setChildren(
      area,
      h(
        "div",
        { class: "field" },
        h("span", { class: "label", "aria-hidden": "true" }, t("dkim_domain_menu")),
        menu.el,
      ),
      details,
    );
    render(first);
  }

  load();
}
