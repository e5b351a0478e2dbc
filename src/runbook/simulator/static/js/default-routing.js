// The Default routing page: its settings in priority order (description, summary, status),
// each with its on/off switch; Configure / Add another rule; in a child OU, the inherited
// settings too (marked so, their switch only: disabled or enabled there).
import { defaultRuleForm } from "./default-dialog.js";
import { addToolbar, entrySwitch } from "./entry-switch.js";
import { t } from "./i18n.js";
import { listPage } from "./list-page.js";
import { setupOuTree } from "./ou-tree.js";

const PATH = "default_rules";
const SETTINGS = {
  path: PATH,
  form: "default",
  nameOf: (rule) => rule.description,
  addTitle: "rule_dialog",
  editTitle: "rule_dialog_edit",
  deleteTitle: "delete_rule_title",
  deleteText: "delete_rule_text",
  table: "default_rules_table",
  columns: ["col_description", "col_summary", "col_status", "col_actions"],
  empty: "no_default_rules",
  perOu: true,
};

function summary(rule) {
  const m = rule.recipients;
  const parts = [m.match === "all" ? t("dr_match_all") : `${t(`dr_match_${m.match}`)}: ${m.value}`];
  parts.push(t(rule.action));
  if (rule.change_route) parts.push(t("summary_route", { name: rule.change_route }));
  parts.push(t(rule.apply_to === "all_addresses" ? "apply_all" : "apply_unrecognized"));
  return parts.join(" · ");
}

export function defaultRoutingPage() {
  const list = listPage({
    kind: SETTINGS,
    cells: (rule, { inherited }) => [summary(rule), t(inherited ? "status_inherited" : "status_local")],
    rowActions: (rule) => entrySwitch(PATH, rule),
    editable: ({ inherited }) => !inherited,
    toolbar: addToolbar,
    form: defaultRuleForm,
  });
  setupOuTree(list.ouChanged);
  list.load();
}
