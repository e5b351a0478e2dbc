// The Hosts page: the list of mail routes (name, hosts, options) with its Add route button.
import { t } from "./i18n.js";
import { listPage } from "./list-page.js";
import { setupOuTree } from "./ou-tree.js";
import { routeForm } from "./route-dialog.js";

const ROUTES = {
  path: "routes",
  form: "route",
  nameOf: (route) => route.name,
  addTitle: "route_dialog",
  editTitle: "route_dialog_edit",
  deleteTitle: "delete_route_title",
  deleteText: "delete_route_text",
  table: "routes_table",
  columns: ["col_name", "col_hosts", "col_options", "col_actions"],
  empty: "no_routes",
};

function hostsSummary(server) {
  const fmt = (r) => `${r.host}:${r.port}` + (r.load !== undefined ? ` (${r.load}%)` : "");
  if (server.single_host) return fmt(server.single_host);
  const m = server.multiple_hosts;
  const parts = [`${t("summary_primary")}: ${m.primary.map(fmt).join(", ")}`];
  if (m.secondary.length) parts.push(`${t("summary_secondary")}: ${m.secondary.map(fmt).join(", ")}`);
  return parts.join(" · ");
}

function optionsSummary(r) {
  const parts = [];
  if (r.mx_lookup) parts.push(t("summary_mx"));
  if (!r.require_tls) parts.push(t("summary_no_tls"));
  else parts.push(t("summary_tls"));
  if (r.require_ca_signed_certificate) parts.push(t("summary_ca"));
  if (r.validate_certificate_hostname) parts.push(t("summary_hostname"));
  return parts.join(" · ");
}

export function hostsPage() {
  const list = listPage({
    kind: ROUTES,
    cells: (route) => [hostsSummary(route.server), optionsSummary(route)],
    form: routeForm,
  });
  document.getElementById("add-route").addEventListener("click", () => list.openDialog(null));
  setupOuTree(() => {});
  list.load();
}
