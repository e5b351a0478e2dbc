// The Add/Edit Default routing setting dialog: description; 1. the envelope recipients to
// match; 2. Modify message (its option groups) or Reject message (Customize rejection
// notice); 3. Options (only non-recognized addresses, or recognized ones too); validation.
//
// Seam for the Modify message option groups: each entry of MODIFY_GROUPS is a builder
// `(entry, changed) => {el, defaults, snapshot(), collect(errors)}`: its section, the fields
// a new setting has (what Reject message stores), its state for "changed?", and its fields
// from the form (showing errors through `errors`). The Routing dialog's groups (headers,
// subject, envelope recipient, spam, attachments, also deliver to, encryption) plug in here,
// in the console's order around the Route group.
import { api } from "./api.js";
import { combobox } from "./combobox.js";
import { h, nextId } from "./dom.js";
import { entryForm } from "./entry-form.js";
import { Errors, checkbox, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { filterValueError } from "./validation.js";

const MATCHES = ["single_recipient", "pattern", "group", "all"];
const VALUE_KEYS = {
  single_recipient: "match_value_single_address",
  pattern: "match_value_pattern",
  group: "match_value_group",
};
const APPLY_TO = ["unrecognized_only", "all_addresses"];
const APPLY_KEYS = { unrecognized_only: "apply_unrecognized", all_addresses: "apply_all" };
const NEW_SETTING = {
  description: "",
  recipients: { match: "single_recipient", value: "" },
  action: "modify_message",
  rejection_notice: null,
  change_route: null,
  apply_to: "unrecognized_only",
  enabled: true,
};

// Modify message > Route: Change route, with the Hosts routes (starting at Normal routing).
export function routeGroup(entry, changed) {
  const changeRoute = checkbox("change_route", !!entry.change_route);
  const slot = errorSlot();
  const menu = combobox({
    label: t("route_menu"),
    options: [{ value: "", label: t("normal_routing") }],
    value: entry.change_route || "",
    disabled: !entry.change_route,
    onChange: changed,
  });
  menu.setLoading(true);
  changeRoute.input.addEventListener("change", () => menu.setDisabled(!changeRoute.input.checked));
  let known = null;
  api("GET", "routes").then((resp) => {
    known = resp.ok ? resp.data.routes.map((x) => x.name) : [];
    menu.setOptions([{ value: "", label: t("normal_routing") }, ...known.map((n) => ({ value: n, label: n }))]);
  });
  const title = nextId("route-title");
  const el = h(
    "div",
    { role: "group", "aria-labelledby": title, class: "route-group" },
    h("h4", { id: title }, t("route_group")),
    changeRoute.label,
    h("div", { class: "indent" }, menu.el, slot),
  );
  return {
    el,
    defaults: { change_route: null },
    snapshot: () => [changeRoute.input.checked, menu.value],
    collect(errors) {
      if (!changeRoute.input.checked) return { change_route: null };
      const route = menu.value || null;
      if (!route) errors.show(menu.box, slot, t("err_route_required"));
      else if (known && !known.includes(route)) errors.show(menu.box, slot, t("err_route_unknown"));
      return { change_route: route };
    },
  };
}

export const MODIFY_GROUPS = [routeGroup];

// 1. Specify envelope recipients to match: the match menu and its value (none for all).
function recipientsSection(recipients, changed) {
  const valueId = nextId("recipient-value");
  const valueLabel = h("label", { for: valueId });
  const input = h("input", { id: valueId, type: "text", value: recipients.value || "" });
  const slot = errorSlot();
  const field = h("div", { class: "field" }, valueLabel, input, slot);
  const menu = combobox({
    label: t("recipients_menu"),
    options: MATCHES.map((m) => ({ value: m, label: t(`dr_match_${m}`) })),
    value: recipients.match,
    onChange: () => {
      sync();
      changed();
    },
  });
  function sync() {
    field.hidden = menu.value === "all";
    if (!field.hidden) valueLabel.textContent = t(VALUE_KEYS[menu.value]);
  }
  sync();
  const title = nextId("recipients-title");
  const el = h(
    "section",
    { class: "form-section" },
    h("h3", {}, h("span", { "aria-hidden": "true" }, "1. "), h("span", { id: title }, t("recipients_menu"))),
    menu.el,
    field,
  );
  return {
    el,
    snapshot: () => [menu.value, input.value],
    collect(errors) {
      if (menu.value === "all") return { match: "all", value: null };
      const as = menu.value === "single_recipient" ? "single_address" : menu.value;
      const err = filterValueError(as, input.value);
      if (err) errors.show(input, slot, t(err));
      return { match: menu.value, value: input.value.trim() };
    },
  };
}

// Build the form in `shell`: a new setting (`existing` null) or a change of `existing`.
export function defaultRuleForm(shell, existing, list) {
  const editing = !!existing;
  const r = { ...NEW_SETTING, ...(existing || {}) };
  const errors = new Errors();
  const changed = () => form.refresh();

  const descId = nextId("default-description");
  const description = h("input", { id: descId, type: "text", required: true, "aria-required": "true", value: r.description });
  const descSlot = errorSlot();
  const recipients = recipientsSection(r.recipients, changed);

  // 2. Modify message (its groups) / Reject message (the notice)
  const actionMenu = combobox({
    label: t("dr_action_menu"),
    options: [
      { value: "modify_message", label: t("modify_message") },
      { value: "reject_message", label: t("reject_message") },
    ],
    value: r.action,
    onChange: () => {
      syncAction();
      changed();
    },
  });
  const groups = MODIFY_GROUPS.map((build) => build(r, changed));
  const modifyPanel = h("div", { class: "modify-groups" }, groups.map((g) => g.el));
  const noticeId = nextId("rejection-notice");
  const notice = h("input", { id: noticeId, type: "text", value: r.rejection_notice || "" });
  const rejectPanel = h("div", { class: "field" }, h("label", { for: noticeId }, t("rejection_notice")), notice);
  function syncAction() {
    modifyPanel.hidden = actionMenu.value !== "modify_message";
    rejectPanel.hidden = actionMenu.value !== "reject_message";
  }
  syncAction();

  // 3. Options
  const radioName = nextId("apply-to");
  const radios = APPLY_TO.map((a) => {
    const input = h("input", { type: "radio", name: radioName, value: a, checked: r.apply_to === a });
    return [a, input, h("label", { class: "check" }, input, h("span", {}, t(APPLY_KEYS[a])))];
  });
  const optionsTitle = nextId("options-title");

  const content = [
    h("div", { class: "field" }, h("label", { for: descId }, t("rule_description")), description, descSlot),
    recipients.el,
    h("section", { class: "form-section" }, h("h3", {}, t("section_dr_action")), actionMenu.el, modifyPanel, rejectPanel),
    h(
      "section",
      { class: "form-section" },
      h("h3", {}, h("span", { "aria-hidden": "true" }, "3. "), h("span", { id: optionsTitle }, t("options"))),
      h("div", { role: "radiogroup", "aria-labelledby": optionsTitle, class: "checks" }, radios.map(([, , l]) => l)),
    ),
  ];

  const applyTo = () => radios.find(([, input]) => input.checked)[0];
  function snapshot() {
    return JSON.stringify([
      description.value,
      recipients.snapshot(),
      actionMenu.value,
      notice.value,
      groups.map((g) => g.snapshot()),
      applyTo(),
    ]);
  }

  // Client-side validation: the same rules as the server, messages next to the fields.
  function collect() {
    errors.clear();
    const desc = description.value.trim();
    if (!desc) errors.show(description, descSlot, t("err_description_required"));
    else if (list.nameTaken(desc, existing)) errors.show(description, descSlot, t("err_description_taken"));
    const matched = recipients.collect(errors);
    const action = actionMenu.value;
    const modify = {};
    for (const g of groups) Object.assign(modify, action === "modify_message" ? g.collect(errors) : g.defaults);
    if (errors.any) {
      errors.focusFirst();
      return null;
    }
    return {
      description: desc,
      recipients: matched,
      action,
      rejection_notice: action === "reject_message" ? notice.value.trim() || null : null,
      ...modify,
      apply_to: applyTo(),
      enabled: r.enabled,
    };
  }

  const form = entryForm({
    shell,
    content,
    editing,
    snapshot,
    collect,
    focus: description,
    send: (entry) => list.send(existing, entry),
    onSaved: list.load,
  });
}
