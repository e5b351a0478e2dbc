// The Routing page: the list of routing rules (description, summary, status), each with its
// on/off switch; Configure / Add another rule at the top OU; read-only in a child OU.
import { api } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { listPage } from "./list-page.js";
import { setupOuTree } from "./ou-tree.js";
import { ACCOUNT_KEYS, MESSAGE_KEYS, ruleForm } from "./rule-dialog.js";
import { toast } from "./toast.js";

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
};

function summary(rule) {
  const parts = [rule.messages.map((m) => t(MESSAGE_KEYS[m])).join(", ")];
  parts.push(t(rule.action));
  if (rule.change_route) parts.push(t("summary_route", { name: rule.change_route }));
  parts.push(rule.account_types.map((a) => t(ACCOUNT_KEYS[a])).join(", "));
  if (rule.envelope_filter) parts.push(t("summary_filtered"));
  return parts.join(" · ");
}

// The rule's on/off switch: saves at once (disabled while saving), a toast tells the outcome.
function ruleSwitch(rule, inherited) {
  const sw = h("button", {
    type: "button",
    role: "switch",
    class: "switch",
    "aria-label": t("rule_enabled"),
    "aria-checked": String(rule.enabled),
    disabled: inherited,
  });
  sw.addEventListener("click", async () => {
    const wanted = sw.getAttribute("aria-checked") !== "true";
    sw.disabled = true;
    sw.setAttribute("aria-busy", "true");
    const resp = await api("PATCH", `rules/${rule.id}`, { enabled: wanted }, { revision: rule.revision });
    sw.disabled = false;
    sw.removeAttribute("aria-busy");
    if (resp.ok) {
      rule.enabled = resp.data.enabled;
      rule.revision = resp.data.revision;
      sw.setAttribute("aria-checked", String(rule.enabled));
      toast(t("saved_toast"));
    } else {
      toast(resp.data.error, "alert");
    }
  });
  return sw;
}

function toolbar({ entries, pending, inherited }, list) {
  if (inherited) return null;
  const label = t(entries.length || pending ? "add_another_rule" : "configure");
  const add = h("button", { type: "button", class: "primary", onclick: () => list.openDialog(null) }, label);
  return h("div", { class: "toolbar" }, add);
}

export function routingPage() {
  const list = listPage({
    kind: RULES,
    cells: (rule, { inherited }) => [summary(rule), t(inherited ? "inherited" : "locally_applied")],
    rowActions: (rule, { inherited }) => ruleSwitch(rule, inherited),
    editable: ({ inherited }) => !inherited,
    toolbar,
    form: ruleForm,
  });
  setupOuTree(list.render);
  list.load();
}
