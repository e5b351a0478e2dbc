// The Default routing page: its settings in priority order (description, summary, status),
// each with its on/off switch; Configure / Add another rule at the top OU; read-only below.
import { api } from "./api.js";
import { defaultRuleForm } from "./default-dialog.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { listPage } from "./list-page.js";
import { setupOuTree } from "./ou-tree.js";
import { toast } from "./toast.js";

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
};

function summary(rule) {
  const m = rule.recipients;
  const parts = [m.match === "all" ? t("dr_match_all") : `${t(`dr_match_${m.match}`)}: ${m.value}`];
  parts.push(t(rule.action));
  if (rule.change_route) parts.push(t("summary_route", { name: rule.change_route }));
  parts.push(t(rule.apply_to === "all_addresses" ? "apply_all" : "apply_unrecognized"));
  return parts.join(" · ");
}

// The setting's on/off switch: saves at once, a toast tells the outcome.
function settingSwitch(rule, inherited) {
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
    const resp = await api("PATCH", `${PATH}/${rule.id}`, { enabled: wanted }, { revision: rule.revision });
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

export function defaultRoutingPage() {
  const list = listPage({
    kind: SETTINGS,
    cells: (rule, { inherited }) => [summary(rule), t(inherited ? "inherited" : "locally_applied")],
    rowActions: (rule, { inherited }) => settingSwitch(rule, inherited),
    editable: ({ inherited }) => !inherited,
    toolbar,
    form: defaultRuleForm,
  });
  setupOuTree(list.render);
  list.load();
}
