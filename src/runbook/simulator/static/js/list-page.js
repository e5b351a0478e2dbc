// The list page of one kind of entry (Hosts: mail routes, Routing: rules), generic: the table
// loaded from the data endpoint (in two parts when late rows are injected), Edit and Delete on
// each row, the Add/Edit dialog and the delete confirmation.
//
// `kind` describes the entries: {path (data endpoint), listKey (the list's key in the
// endpoint's answer; default: path), form (forms/<form>),
// nameOf(entry), addTitle, editTitle, deleteTitle, deleteText, table, columns, empty} (the
// last ones string keys; `perOu`: entries are set per OU, each OU's list has its own and the
// inherited ones, marked `inherited`). The page adds: `cells(entry, view)` (the cells after the name),
// `rowActions(entry, view)` (before Edit and Delete), `editable(view)` (whether a row has
// Edit and Delete), `toolbar(view, list)` (above the table) and `form(shell, existing, list)`
// (builds the Add/Edit form). `view`: {entries, pending, inherited (a row's entry is inherited;
// for the list of a kind not set per OU: an OU below the top)}.
// `area`: where the list lives (default: the element with id "list"; a page with several
// settings blocks has one list per block).
import { api } from "./api.js";
import { confirmDelete, formDialog } from "./dialog.js";
import { h, progress, setChildren } from "./dom.js";
import { t } from "./i18n.js";
import { currentOu } from "./ou-tree.js";
import { variant } from "./variants.js";

// A page's list: `show(entries, more)` with what has arrived (`more`: rows still to come,
// when late rows are injected); stops quietly when `current()` says a newer load started.
async function loadList(path, key, query, current, show) {
  const resp = await api("GET", path, undefined, { query });
  if (!current()) return;
  let entries = resp.ok ? resp.data[key] : [];
  const more = resp.ok && resp.data.next !== undefined;
  show(entries, more);
  if (!more) return;
  const rest = await api("GET", path, undefined, { query: { ...query, offset: resp.data.next } });
  if (!current()) return;
  entries = entries.concat(rest.ok ? rest.data[key] : []);
  show(entries, false);
}

export function listPage({ kind, cells, rowActions, editable = () => true, toolbar, form, area }) {
  area = area || document.getElementById("list");
  let entries = [];
  let loading = true; // the list shows itself once loaded
  let pending = false; // late rows still to come (a fault)
  let loads = 0;

  const list = {
    get entries() {
      return entries;
    },
    load,
    render,
    // The OU picker selected another OU: a list set per OU loads that OU's entries.
    ouChanged: () => (kind.perOu ? load() : render()),
    openDialog,
    // Whether another entry than `existing` already has this name.
    nameTaken: (name, existing) =>
      entries.some(
        (o) => !o.inherited && kind.nameOf(o) === name && (!existing || o.id !== existing.id),
      ),
    // Save an entry: a change of `existing` (based on its revision), or a new one.
    send: (existing, entry) =>
      existing
        ? api("PUT", `${kind.path}/${existing.id}`, entry, { revision: existing.revision })
        : api("POST", kind.path, kind.perOu ? { ...entry, org_unit: currentOu() } : entry),
  };

  // A row action: a button, or a plain link under the row-links variant.
  function action(key, onclick) {
    if (!variant("row-links")) return h("button", { type: "button", class: "text-button", onclick }, t(key));
    const go = (e) => {
      e.preventDefault();
      onclick();
    };
    return h("a", { href: "#", class: "text-button", onclick: go }, t(key));
  }

  function row(entry, listView) {
    const view = kind.perOu ? { ...listView, inherited: !!entry.inherited } : listView;
    const button = action;
    return h(
      "tr",
      {},
      h("th", { scope: "row", class: "name" }, kind.nameOf(entry)),
      cells(entry, view).map((cell) => h("td", {}, cell)),
      h(
        "td",
        { class: "actions" },
        rowActions ? rowActions(entry, view) : null,
        editable(view)
          ? [button("edit", () => openDialog(entry)), button("delete", () => remove(entry))]
          : null,
      ),
    );
  }

  function table(view) {
    const columns = kind.columns.map((k) => h("th", { scope: "col" }, t(k)));
    return h(
      "table",
      { "aria-label": t(kind.table), "aria-busy": pending ? "true" : null, class: "data" },
      h("thead", {}, h("tr", {}, columns)),
      h("tbody", {}, entries.map((entry) => row(entry, view))),
    );
  }

  function render() {
    if (loading) return;
    if (pending) area.setAttribute("aria-busy", "true");
    else area.removeAttribute("aria-busy");
    const view = { entries, pending, inherited: !kind.perOu && currentOu() !== "/" };
    const empty = !entries.length && !pending;
    setChildren(
      area,
      toolbar ? toolbar(view, list) : null,
      empty ? h("p", { class: "empty" }, t(kind.empty)) : [table(view), pending && progress("loading")],
    );
  }

  async function load() {
    const run = ++loads;
    area.setAttribute("aria-busy", "true");
    area.replaceChildren(progress("loading"));
    loading = true;
    const query = kind.perOu ? { view: "list", ou: currentOu() } : { view: "list" };
    await loadList(kind.path, kind.listKey || kind.path, query, () => run === loads, (part, more) => {
      entries = part;
      pending = more;
      loading = false;
      render();
    });
  }

  // The Add dialog (`existing` null) or the Edit dialog of an entry.
  function openDialog(existing) {
    const editing = !!existing;
    formDialog({
      title: t(editing ? kind.editTitle : kind.addTitle),
      loadPath: editing ? `${kind.path}/${existing.id}` : `forms/${kind.form}`,
      build: (shell, loaded) => form(shell, editing ? loaded || existing : null, list),
    });
  }

  function remove(entry) {
    confirmDelete({
      title: t(kind.deleteTitle),
      name: kind.nameOf(entry),
      message: t(kind.deleteText, { name: kind.nameOf(entry) }),
      request: () => api("DELETE", `${kind.path}/${entry.id}`, undefined, { revision: entry.revision }),
      // no-refresh-after-delete: the deleted row stays until the page is reloaded
      done: variant("no-refresh-after-delete") ? () => {} : load,
    });
  }

  return list;
}
