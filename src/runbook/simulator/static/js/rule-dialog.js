// The Add/Edit routing rule dialog: description, messages to affect, the action (Reject with
// its notice, or Modify with its option groups, from message-options.js), and the collapsed
// options (account types, envelope filter); validation.
import { combobox } from "./combobox.js";
import { h, nextId } from "./dom.js";
import { entryForm } from "./entry-form.js";
import { Errors, checkbox, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { NEW_OPTIONS, actionChoice } from "./message-options.js";
import { filterValueError } from "./validation.js";

const MESSAGES = ["inbound", "outbound", "internal_sending", "internal_receiving"];
export const MESSAGE_KEYS = {
  inbound: "msg_inbound",
  outbound: "msg_outbound",
  internal_sending: "msg_internal_sending",
  internal_receiving: "msg_internal_receiving",
};
const ACCOUNT_TYPES = ["users", "groups", "unrecognized_catch_all"];
export const ACCOUNT_KEYS = {
  users: "acct_users",
  groups: "acct_groups",
  unrecognized_catch_all: "acct_unrecognized",
};
const MATCHES = ["single_address", "pattern", "group"];
const NEW_RULE = {
  description: "",
  messages: [],
  action: "modify_message",
  change_route: null,
  account_types: ["users", "groups"],
  envelope_filter: null,
  enabled: true,
  ...NEW_OPTIONS,
};

// One side of the envelope filter (senders or recipients): a checkbox, the match menu, a value.
function envelopeSide(side, value, changed) {
  const titleKey = side === "senders" ? "env_senders" : "env_recipients";
  const check = checkbox(side === "senders" ? "env_senders_check" : "env_recipients_check", !!value);
  const valueId = nextId("env-value");
  const valueLabel = h("label", { for: valueId });
  const input = h("input", { id: valueId, type: "text", value: value ? value.value : "" });
  const slot = errorSlot();
  const menu = combobox({
    label: t("match_menu"),
    options: MATCHES.map((m) => ({ value: m, label: t(`match_${m}`) })),
    value: value ? value.match : "single_address",
    onChange: () => {
      sync();
      changed();
    },
  });
  function sync() {
    valueLabel.textContent = t(`match_value_${menu.value}`);
    menu.setDisabled(!check.input.checked);
    input.disabled = !check.input.checked;
  }
  check.input.addEventListener("change", sync);
  sync();
  const group = h(
    "div",
    { role: "group", "aria-label": t(titleKey), class: "envelope-side" },
    h("h5", { "aria-hidden": "true" }, t(titleKey)),
    check.label,
    h("div", { class: "indent" }, menu.el, h("div", { class: "field" }, valueLabel, input, slot)),
  );
  return {
    el: group,
    get checked() {
      return check.input.checked;
    },
    get match() {
      return menu.value;
    },
    input,
    slot,
    snapshot: () => [check.input.checked, menu.value, input.value],
  };
}

// The "Show options" / "Hide options" toggle of `panel` (a span with role button).
function optionsToggle(panel) {
  const toggle = h(
    "span",
    { role: "button", tabindex: 0, class: "link", "aria-expanded": "false", "aria-controls": panel.id },
    t("show_options"),
  );
  function setOpen(open) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = t(open ? "hide_options" : "show_options");
  }
  toggle.addEventListener("click", () => setOpen(panel.hidden));
  toggle.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setOpen(panel.hidden);
    }
  });
  return { el: toggle, setOpen };
}

// Build the form in `shell`: a new rule (`existing` null) or a change of `existing`.
export function ruleForm(shell, existing, list) {
  const editing = !!existing;
  const r = existing || NEW_RULE;
  const errors = new Errors();
  const changed = () => form.refresh();

  const descId = nextId("rule-description");
  const description = h("input", {
    id: descId,
    type: "text",
    required: true,
    "aria-required": "true",
    value: r.description,
  });
  const descSlot = errorSlot();

  // 1. Email messages to affect
  const messageChecks = MESSAGES.map((m) => [m, checkbox(MESSAGE_KEYS[m], r.messages.includes(m))]);
  const messagesTitle = nextId("messages-title");
  const messagesSlot = errorSlot();
  const messagesGroup = h(
    "div",
    { role: "group", "aria-labelledby": messagesTitle, class: "checks" },
    messageChecks.map(([, c]) => c.label),
  );

  // 2. Action
  const { menu: actionMenu, options } = actionChoice("action_menu", r, changed);
  const modifyPanel = options.modifyPanel;

  // Options (collapsed until "Show options")
  const accountChecks = ACCOUNT_TYPES.map((a) => [a, checkbox(ACCOUNT_KEYS[a], r.account_types.includes(a))]);
  const accountSlot = errorSlot();
  const accountTitle = nextId("account-title");
  const accountGroup = h(
    "div",
    { role: "group", "aria-labelledby": accountTitle, class: "checks" },
    h("h4", { id: accountTitle }, t("account_types")),
    accountChecks.map(([, c]) => c.label),
  );
  const filter = r.envelope_filter || {};
  const senders = envelopeSide("senders", filter.senders, changed);
  const recipients = envelopeSide("recipients", filter.recipients, changed);
  const filterTitle = nextId("filter-title");
  const optionsPanel = h(
    "div",
    { class: "options-panel", id: nextId("options") },
    accountGroup,
    accountSlot,
    h(
      "div",
      { role: "group", "aria-labelledby": filterTitle, class: "envelope" },
      h("h4", { id: filterTitle }, t("envelope_filter")),
      senders.el,
      recipients.el,
    ),
  );
  optionsPanel.hidden = true;
  const toggle = optionsToggle(optionsPanel);

  const content = [
    h("div", { class: "field" }, h("label", { for: descId }, t("rule_description")), description, descSlot),
    h(
      "section",
      { class: "form-section" },
      h(
        "h3",
        {},
        h("span", { "aria-hidden": "true" }, "1. "),
        h("span", { id: messagesTitle }, t("messages_group")),
      ),
      messagesGroup,
      messagesSlot,
    ),
    h(
      "section",
      { class: "form-section" },
      h("h3", {}, t("section_action")),
      actionMenu.el,
      options.rejectPanel,
      modifyPanel,
    ),
    h("section", { class: "form-section" }, toggle.el, optionsPanel),
  ];


  function snapshot() {
    return JSON.stringify([
      description.value,
      messageChecks.map(([, c]) => c.input.checked),
      actionMenu.value,
      options.snapshot(),
      accountChecks.map(([, c]) => c.input.checked),
      senders.snapshot(),
      recipients.snapshot(),
    ]);
  }

  // The collapsed options' values; their errors open the options.
  function collectOptions() {
    const accounts = accountChecks.filter(([, c]) => c.input.checked).map(([a]) => a);
    let optionErrors = false;
    if (!accounts.length) {
      errors.show(accountGroup, accountSlot, t("err_account_types_required"));
      optionErrors = true;
    }
    const envelope = {};
    for (const [side, part] of [["senders", senders], ["recipients", recipients]]) {
      if (!part.checked) continue;
      const err = filterValueError(part.match, part.input.value);
      if (err) {
        errors.show(part.input, part.slot, t(err));
        optionErrors = true;
      }
      envelope[side] = { match: part.match, value: part.input.value.trim() };
    }
    if (optionErrors) toggle.setOpen(true);
    return { accounts, envelope };
  }

  // Client-side validation: the same rules as the server, messages next to the fields.
  function collect() {
    errors.clear();
    const desc = description.value.trim();
    if (!desc) errors.show(description, descSlot, t("err_description_required"));
    else if (list.nameTaken(desc, existing)) {
      errors.show(description, descSlot, t("err_description_taken"));
    }
    const messages = messageChecks.filter(([, c]) => c.input.checked).map(([m]) => m);
    if (!messages.length) errors.show(messagesGroup, messagesSlot, t("err_messages_required"));
    const action = actionMenu.value;
    const chosen = options.collect(action, errors);
    const { accounts, envelope } = collectOptions();
    if (errors.any) {
      errors.focusFirst();
      return null;
    }
    return {
      description: desc,
      messages,
      action,
      ...chosen,
      account_types: accounts,
      envelope_filter: Object.keys(envelope).length ? envelope : null,
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
