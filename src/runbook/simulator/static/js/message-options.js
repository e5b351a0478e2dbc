// What a setting does to a message, as the Add setting dialogs of Routing and Default routing
// show it: Reject message (Customize rejection notice) or Modify message's groups, in the
// console's order: Headers, Subject, Route, Envelope recipient, Spam, Attachments, Also deliver
// to, Encryption. `messageOptions(entry, changed)` builds them; state uses the runbook's names.
import { api } from "./api.js";
import { combobox } from "./combobox.js";
import { CFG } from "./config.js";
import { h, nextId } from "./dom.js";
import { checkbox, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { customHeaders, recipients } from "./option-lists.js";
import { textField } from "./sub-dialog.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const USERNAME = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const ENVELOPE_PARTS = ["recipient", "username", "domain"];
const FLAGS = {
  also_reroute_spam: "also_reroute_spam",
  suppress_bounces: "suppress_bounces",
  bypass_spam_filter: "bypass_spam",
  remove_attachments: "remove_attachments",
  require_secure_transport: "require_secure_transport",
};

// The options of a new entry (what a state entry that omits them means).
export const NEW_OPTIONS = {
  rejection_notice: null,
  headers: { x_gm_original_to: false, x_gm_spam: false, custom: [] },
  prepend_subject: null,
  change_route: null,
  also_reroute_spam: false,
  suppress_bounces: false,
  change_envelope_recipient: null,
  bypass_spam_filter: false,
  remove_attachments: false,
  also_deliver_to: [],
  require_secure_transport: false,
};

// A titled group of controls (role=group named by its title).
function group(titleKey, ...children) {
  const id = nextId("group-title");
  return h("div", { role: "group", "aria-labelledby": id, class: "option-group" }, h("h4", { id }, t(titleKey)), children);
}

// An option the console grew that this simulator models only as a fault (`extra_option`).
function extraOption(description) {
  const extra = CFG.extra_option;
  if (!extra) return null;
  const input = h("input", { type: "checkbox", checked: extra.rule === description });
  return h("label", { class: "check" }, input, h("span", {}, extra.label));
}

export function messageOptions(entry, changed) {
  const r = { ...NEW_OPTIONS, ...entry };
  const headers = r.headers || NEW_OPTIONS.headers;
  let routeNames = null;
  const routeOptions = () => [
    { value: "", label: t("normal_routing") },
    ...(routeNames || []).map((n) => ({ value: n, label: n })),
  ];
  const flags = Object.fromEntries(Object.entries(FLAGS).map(([f, key]) => [f, checkbox(key, !!r[f])]));

  // Reject message
  const notice = textField("rejection_notice", r.rejection_notice || "");
  const rejectPanel = h("div", { class: "reject-panel" }, notice.el);

  // Headers
  const originalTo = checkbox("hdr_original_to", headers.x_gm_original_to);
  const spamHeaders = checkbox("hdr_spam", headers.x_gm_spam);
  const custom = customHeaders(headers.custom || [], changed);
  // Subject
  const prepend = checkbox("prepend_subject", !!r.prepend_subject);
  const subject = textField("subject_text", r.prepend_subject || "");
  const syncSubject = () => (subject.input.disabled = !prepend.input.checked);
  prepend.input.addEventListener("change", syncSubject);
  syncSubject();
  // Route
  const changeRoute = checkbox("change_route", !!r.change_route);
  const routeSlot = errorSlot();
  const routeMenu = combobox({
    label: t("route_menu"),
    options: routeOptions(),
    value: r.change_route || "",
    disabled: !r.change_route,
    onChange: changed,
  });
  routeMenu.setLoading(true);
  changeRoute.input.addEventListener("change", () => routeMenu.setDisabled(!changeRoute.input.checked));
  // Envelope recipient
  const envelope = r.change_envelope_recipient || {};
  const envelopePart = ENVELOPE_PARTS.find((p) => envelope[p]) || "recipient";
  const changeEnvelope = checkbox("change_envelope", !!r.change_envelope_recipient);
  const envelopeValue = textField(`envelope_value_${envelopePart}`, envelope[envelopePart] || "");
  const envelopeMenu = combobox({
    label: t("envelope_menu"),
    options: ENVELOPE_PARTS.map((p) => ({ value: p, label: t(`envelope_${p}`) })),
    value: envelopePart,
    onChange: () => {
      syncEnvelope();
      changed();
    },
  });
  function syncEnvelope() {
    envelopeValue.el.querySelector("label span").textContent = t(`envelope_value_${envelopeMenu.value}`);
    envelopeMenu.setDisabled(!changeEnvelope.input.checked);
    envelopeValue.input.disabled = !changeEnvelope.input.checked;
  }
  changeEnvelope.input.addEventListener("change", syncEnvelope);
  syncEnvelope();
  // Also deliver to
  const copies = recipients(r.also_deliver_to || [], changed, routeOptions);

  const routeTitle = nextId("route-title");
  const modifyPanel = h(
    "div",
    { class: "modify-panel" },
    group("headers_group", originalTo.label, spamHeaders.label, custom.els),
    group("subject_group", prepend.label, h("div", { class: "indent" }, subject.el)),
    h(
      "div",
      { role: "group", "aria-labelledby": routeTitle, class: "route-group" },
      h("h4", { id: routeTitle }, t("route_group")),
      changeRoute.label,
      h("div", { class: "indent" }, routeMenu.el, routeSlot),
      flags.also_reroute_spam.label,
      flags.suppress_bounces.label,
    ),
    group(
      "envelope_recipient_group",
      changeEnvelope.label,
      h("div", { class: "indent" }, envelopeMenu.el, envelopeValue.el),
    ),
    group("spam_group", flags.bypass_spam_filter.label),
    group("attachments_group", flags.remove_attachments.label),
    group("deliver_group", copies.els),
    group("encryption_group", flags.require_secure_transport.label),
    extraOption(r.description),
  );

  function setAction(action) {
    modifyPanel.hidden = action !== "modify_message";
    rejectPanel.hidden = action !== "reject_message";
  }

  function setRoutes(names) {
    routeNames = names;
    routeMenu.setOptions(routeOptions());
  }

  function snapshot() {
    return [
      notice.input.value,
      originalTo.input.checked,
      spamHeaders.input.checked,
      custom.snapshot(),
      prepend.input.checked,
      subject.input.value,
      changeRoute.input.checked,
      routeMenu.value,
      Object.values(flags).map((c) => c.input.checked),
      changeEnvelope.input.checked,
      envelopeMenu.value,
      envelopeValue.input.value,
      copies.snapshot(),
    ];
  }

  // The option fields for `action`, errors shown through `errors` (an Errors).
  function collect(action, errors) {
    if (action !== "modify_message") {
      return { ...NEW_OPTIONS, rejection_notice: notice.input.value.trim() || null };
    }
    const out = { ...NEW_OPTIONS };
    out.headers = {
      x_gm_original_to: originalTo.input.checked,
      x_gm_spam: spamHeaders.input.checked,
      custom: custom.items,
    };
    if (custom.check.input.checked && !custom.items.length) {
      errors.show(custom.check.input, custom.slot, t("err_headers_required"));
    }
    if (prepend.input.checked) {
      out.prepend_subject = subject.input.value.trim();
      if (!out.prepend_subject) errors.show(subject.input, subject.slot, t("err_subject_required"));
    }
    if (changeRoute.input.checked) {
      out.change_route = routeMenu.value || null;
      if (!out.change_route) errors.show(routeMenu.box, routeSlot, t("err_route_required"));
      else if (routeNames && !routeNames.includes(out.change_route)) {
        errors.show(routeMenu.box, routeSlot, t("err_route_unknown"));
      }
    }
    for (const [field, box] of Object.entries(flags)) out[field] = box.input.checked;
    if (changeEnvelope.input.checked) {
      const part = envelopeMenu.value;
      const value = envelopeValue.input.value.trim();
      const pattern = { recipient: EMAIL, username: USERNAME, domain: DOMAIN }[part];
      if (!value) errors.show(envelopeValue.input, envelopeValue.slot, t("err_value_required"));
      else if (!pattern.test(value)) {
        const key = part === "recipient" ? "err_email_invalid" : `err_${part}_invalid`;
        errors.show(envelopeValue.input, envelopeValue.slot, t(key));
      }
      out.change_envelope_recipient = { [part]: value };
    }
    out.also_deliver_to = copies.items;
    if (copies.check.input.checked && !copies.items.length) {
      errors.show(copies.check.input, copies.slot, t("err_recipients_required"));
    }
    return out;
  }

  return { rejectPanel, modifyPanel, setAction, setRoutes, snapshot, collect };
}

// The action menu (its label key: `menuKey`) and the options it shows, the Hosts routes
// loaded into the Change route menus when the dialog opens.
export function actionChoice(menuKey, entry, changed) {
  const menu = combobox({
    label: t(menuKey),
    options: [
      { value: "modify_message", label: t("modify_message") },
      { value: "reject_message", label: t("reject_message") },
    ],
    value: entry.action,
    onChange: () => {
      options.setAction(menu.value);
      changed();
    },
  });
  const options = messageOptions(entry, changed);
  options.setAction(entry.action);
  api("GET", "routes").then((resp) => {
    options.setRoutes(resp.ok ? resp.data.routes.map((x) => x.name) : []);
  });
  return { menu, options };
}
