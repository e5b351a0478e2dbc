// What the lists of Routing rules and Default routing settings share: each row's on/off
// switch, which saves at once (disabled while saving; a toast tells the outcome), and the
// toolbar's Configure / Add another rule (none where the list is read-only).
import { api } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { currentOu } from "./ou-tree.js";
import { toast } from "./toast.js";

// The switch of `entry`, saved through `PATCH <path>/<id>`; an inherited entry's switch
// disables (or enables again) it in the selected OU only.
export function entrySwitch(path, entry) {
  const sw = h("button", {
    type: "button",
    role: "switch",
    class: "switch",
    "aria-label": t("rule_enabled"),
    "aria-checked": String(entry.enabled),
  });
  sw.addEventListener("click", async () => {
    const wanted = sw.getAttribute("aria-checked") !== "true";
    sw.disabled = true;
    sw.setAttribute("aria-busy", "true");
    const query = { ou: currentOu() };
    const resp = await api("PATCH", `${path}/${entry.id}`, { enabled: wanted }, { revision: entry.revision, query });
    sw.disabled = false;
    sw.removeAttribute("aria-busy");
    if (resp.ok) {
      entry.enabled = resp.data.enabled;
      entry.revision = resp.data.revision;
      sw.setAttribute("aria-checked", String(entry.enabled));
      toast(t("saved_toast"));
    } else {
      toast(resp.data.error, "alert");
    }
  });
  return sw;
}

// Configure (an empty list) / Add another rule.
export function addToolbar({ entries, pending, inherited }, list) {
  if (inherited) return null;
  const label = t(entries.length || pending ? "add_another_rule" : "configure");
  const add = h("button", { type: "button", class: "primary", onclick: () => list.openDialog(null) }, label);
  return h("div", { class: "toolbar" }, add);
}
