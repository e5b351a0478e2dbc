// The Add/Edit Default routing setting dialog: description; 1. the envelope recipients to
// match; 2. Modify message (every option group of the Routing dialog, message-options.js) or
// Reject message (Customize rejection notice); 3. Options (only non-recognized addresses, or
// recognized ones too); validation.
import { combobox } from "./combobox.js";
import { h, nextId } from "./dom.js";
import { entryForm } from "./entry-form.js";
import { Errors, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { NEW_OPTIONS, actionChoice } from "./message-options.js";
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
  apply_to: "unrecognized_only",
  enabled: true,
  ...NEW_OPTIONS,
};

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
  // A group named as its heading ("1. ..."): its value field is told from the Envelope
  // recipient group's, which some languages name alike.
  const el = h(
    "section",
    { class: "form-section", role: "group", "aria-label": t("dr_recipients_group") },
    h("h3", { "aria-hidden": "true" }, t("dr_recipients_group")),
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
  const { menu: actionMenu, options } = actionChoice("dr_action_menu", r, changed);

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
    h("section", { class: "form-section" }, h("h3", {}, t("section_dr_action")), actionMenu.el, options.rejectPanel, options.modifyPanel),
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
      options.snapshot(),
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
    const chosen = options.collect(action, errors);
    if (errors.any) {
      errors.focusFirst();
      return null;
    }
    return {
      description: desc,
      recipients: matched,
      action,
      ...chosen,
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
