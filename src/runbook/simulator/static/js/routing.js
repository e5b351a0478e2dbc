// The Routing page: its settings blocks, each a list with its own Configure / Add another rule
// and its rows' Edit / Delete (the other blocks: read-only in a child OU). The Routing block
// lists the selected OU's rules and those it inherits (description, summary, status), each with
// its on/off switch (an inherited one: Edit and Delete are not offered); the other blocks hold
// simple entries (a description).
import { addToolbar, entrySwitch } from "./entry-switch.js";
import { t } from "./i18n.js";
import { listPage } from "./list-page.js";
import { setupOuTree } from "./ou-tree.js";
import { ACCOUNT_KEYS, MESSAGE_KEYS, ruleForm } from "./rule-dialog.js";
import { settingForm } from "./setting-dialog.js";

const RULES = {
  path: "rules",
  form: "rule",
  nameOf: (rule) => rule.description,
  addTitle: "rule_dialog",
  editTitle: "rule_dialog_edit",
  deleteTitle: "delete_rule_title",
  deleteText: "delete_rule_text",
  table: "rules_table",
  columns: ["col_description", "col_summary", "col_status", "col_actions"],
  empty: "no_rules",
  perOu: true,
};

// The other settings blocks of the page (their sections are in the page, in the console's
// order around Routing): block key (data endpoint, `/_sim/state` key) -> title string key.
const SETTING_BLOCKS = {
  address_maps: "block_address_map",
  secure_routes: "block_secure_route",
  smtp_relays: "block_smtp_relay",
  non_gmail_mailboxes: "block_non_gmail",
};

const settingKind = (block, title) => ({
  path: `settings/${block}`,
  listKey: "settings",
  form: "setting",
  nameOf: (entry) => entry.description,
  addTitle: "rule_dialog",
  editTitle: "rule_dialog_edit",
  deleteTitle: "delete_rule_title",
  deleteText: "delete_rule_text",
  table: title,
  columns: ["col_description", "col_status", "col_actions"],
  empty: "no_settings",
});

function summary(rule) {
  const parts = [rule.messages.map((m) => t(MESSAGE_KEYS[m])).join(", ")];
  parts.push(t(rule.action));
  if (rule.change_route) parts.push(t("summary_route", { name: rule.change_route }));
  parts.push(rule.account_types.map((a) => t(ACCOUNT_KEYS[a])).join(", "));
  if (rule.envelope_filter) parts.push(t("summary_filtered"));
  return parts.join(" · ");
}

export function routingPage() {
  const lists = Object.entries(SETTING_BLOCKS).map(([block, title]) =>
    listPage({
      kind: settingKind(block, title),
      area: document.getElementById(`list-${block}`),
      cells: (entry, { inherited }) => [t(inherited ? "status_inherited" : "status_local")],
      editable: ({ inherited }) => !inherited,
      toolbar: addToolbar,
      form: settingForm,
    }),
  );
  const list = listPage({
    kind: RULES,
    area: document.getElementById("list-routing"),
    cells: (rule, { inherited }) => [summary(rule), t(inherited ? "status_inherited" : "status_local")],
    rowActions: (rule) => entrySwitch(RULES.path, rule),
    editable: ({ inherited }) => !inherited,
    toolbar: addToolbar,
    form: ruleForm,
  });
  lists.push(list);
  setupOuTree(() => lists.forEach((l) => l.ouChanged()));
  lists.forEach((l) => l.load());
}
