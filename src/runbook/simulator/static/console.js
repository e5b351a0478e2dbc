// Admin console simulator: page script of the Gmail Hosts and Routing pages.
// Builds lists from the JSON data endpoints and the Add/Edit dialogs (ARIA widgets).
(() => {
  "use strict";

  const CFG = JSON.parse(document.getElementById("sim-config").textContent);
  const S = CFG.strings;
  const MAX_HOSTS = 10;
  const TOAST_MS = 8000;
  const MESSAGES = ["inbound", "outbound", "internal_sending", "internal_receiving"];
  const MESSAGE_KEYS = {
    inbound: "msg_inbound",
    outbound: "msg_outbound",
    internal_sending: "msg_internal_sending",
    internal_receiving: "msg_internal_receiving",
  };
  const ACCOUNT_TYPES = ["users", "groups", "unrecognized_catch_all"];
  const ACCOUNT_KEYS = {
    users: "acct_users",
    groups: "acct_groups",
    unrecognized_catch_all: "acct_unrecognized",
  };
  const MATCHES = ["single_address", "pattern", "group"];
  const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
  const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

  let currentOu = "/";
  let uid = 0;
  // Fault injection: Add/Edit dialogs load their contents from the server first. Known from
  // the page config, then from each data answer (header X-Sim-Late-Dialogs).
  let lateDialogs = !!CFG.late_dialogs;
  const nextId = (prefix) => `${prefix}-${++uid}`;

  function t(key, values) {
    let s = S[key] !== undefined ? S[key] : key;
    if (values) for (const [k, v] of Object.entries(values)) s = s.split(`{${k}}`).join(String(v));
    return s;
  }

  // --- DOM helper ---------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else if (k === "value") el.value = v;
      else if (k === "checked") el.checked = !!v;
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
    for (const c of shown(children)) {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // The children worth showing: null, undefined and false stand for "nothing here".
  const shown = (children) =>
    children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);

  // Replace an element's children as h() builds them (a bare null would be shown as "null").
  const setChildren = (el, ...children) => el.replaceChildren(...shown(children));

  const progress = (labelKey) =>
    h("div", { role: "progressbar", "aria-label": t(labelKey), class: "spinner" });

  // --- server -------------------------------------------------------------------------------
  function dataUrl(path, query) {
    const q = new URLSearchParams({ hl: CFG.locale, ...(query || {}) });
    return `${CFG.prefix}/ac/_data/${path}?${q}`;
  }

  function goSignIn() {
    const q = new URLSearchParams({ continue: location.pathname + location.search });
    if (CFG.hl) q.set("hl", CFG.hl);
    location.assign(`/signin/identifier?${q}`);
  }

  // One data request. `revision`: the entry revision a write is based on (the server refuses
  // the write with 409 when the entry changed since); `query`: extra query parameters.
  async function api(method, path, body, { revision, query } = {}) {
    const init = { method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    if (revision !== undefined && revision !== null) init.headers["If-Match"] = `"${revision}"`;
    let resp;
    try {
      resp = await fetch(dataUrl(path, query), init);
    } catch (e) {
      return { ok: false, status: 0, data: { error: t("err_save_failed") } };
    }
    if (resp.status === 401) {
      goSignIn();
      return new Promise(() => {}); // the page is going away
    }
    const late = resp.headers.get("X-Sim-Late-Dialogs");
    if (late !== null) lateDialogs = late === "1";
    let data = {};
    try {
      data = await resp.json();
    } catch (e) {
      data = {};
    }
    if (!resp.ok && !data.error) data.error = t("err_save_failed");
    return { ok: resp.ok, status: resp.status, data };
  }

  // --- toasts -------------------------------------------------------------------------------
  function toast(message, role = "status") {
    const el = h("div", { role, class: `toast ${role}` }, message);
    document.getElementById("toasts").append(el);
    setTimeout(() => el.remove(), TOAST_MS);
  }

  // --- shell: main menu and OU tree -------------------------------------------------------------
  function setupShell() {
    const button = document.getElementById("menu-button");
    const nav = document.getElementById("main-nav");
    const setOpen = (open) => {
      nav.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", () => setOpen(nav.hidden));
    for (const branch of nav.querySelectorAll("button[aria-controls]")) {
      branch.addEventListener("click", () => {
        const open = branch.getAttribute("aria-expanded") !== "true";
        branch.setAttribute("aria-expanded", String(open));
        document.getElementById(branch.getAttribute("aria-controls")).hidden = !open;
      });
    }
    nav.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.focus();
      }
    });
    document.addEventListener("mousedown", (e) => {
      if (!nav.hidden && !nav.contains(e.target) && !button.contains(e.target)) setOpen(false);
    });
  }

  function setupOuTree(onChange) {
    const tree = document.querySelector('[role="tree"]');
    if (!tree) return;
    const items = [...tree.querySelectorAll('[role="treeitem"]')];
    const select = (item) => {
      for (const i of items) {
        i.setAttribute("aria-selected", String(i === item));
        i.tabIndex = i === item ? 0 : -1;
      }
      item.focus();
      if (currentOu !== item.dataset.ou) {
        currentOu = item.dataset.ou;
        onChange();
      }
    };
    for (const item of items) {
      item.addEventListener("click", (e) => {
        e.stopPropagation();
        select(item);
      });
    }
    tree.addEventListener("keydown", (e) => {
      const at = items.indexOf(document.activeElement);
      if (at < 0) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)))];
        next.focus();
        e.preventDefault();
      } else if (e.key === "Enter" || e.key === " ") {
        select(items[at]);
        e.preventDefault();
      }
    });
  }

  // --- widgets ------------------------------------------------------------------------------
  // A select-only ARIA combobox with a listbox popup, as the real console has (no native menu).
  function combobox({ label, options, value, onChange, disabled = false }) {
    const listId = nextId("listbox");
    const box = h("div", {
      role: "combobox",
      class: "combobox",
      "aria-label": label,
      "aria-haspopup": "listbox",
      "aria-expanded": "false",
      "aria-controls": listId,
    });
    const shown = h("span", { class: "combobox-value" });
    box.append(shown, h("span", { class: "combobox-arrow", "aria-hidden": "true" }));
    const list = h("ul", { role: "listbox", id: listId, "aria-label": label, class: "listbox" });
    list.hidden = true;
    const busy = progress("loading");
    busy.hidden = true;
    const el = h("div", { class: "combobox-wrap" }, box, list, busy);
    const state = { options: options || [], value, disabled, loading: false, active: -1 };

    const labelOf = (v) => {
      const found = state.options.find((o) => o.value === v);
      return found ? found.label : v || "";
    };
    function renderOptions() {
      list.replaceChildren(
        ...state.options.map((o, i) =>
          h(
            "li",
            {
              role: "option",
              id: `${listId}-${i}`,
              class: i === state.active ? "option active" : "option",
              "aria-selected": String(o.value === state.value),
              onmousedown: (e) => e.preventDefault(),
              onclick: () => choose(i),
            },
            o.label,
          ),
        ),
      );
      if (state.active >= 0) box.setAttribute("aria-activedescendant", `${listId}-${state.active}`);
      else box.removeAttribute("aria-activedescendant");
    }
    function render() {
      shown.textContent = labelOf(state.value);
      box.tabIndex = state.disabled ? -1 : 0;
      if (state.disabled) box.setAttribute("aria-disabled", "true");
      else box.removeAttribute("aria-disabled");
      renderOptions();
    }
    const isOpen = () => box.getAttribute("aria-expanded") === "true";
    function open() {
      if (state.disabled || isOpen()) return;
      box.setAttribute("aria-expanded", "true");
      state.active = Math.max(0, state.options.findIndex((o) => o.value === state.value));
      list.hidden = state.loading;
      busy.hidden = !state.loading;
      renderOptions();
    }
    function close() {
      box.setAttribute("aria-expanded", "false");
      list.hidden = true;
      busy.hidden = true;
      state.active = -1;
      renderOptions();
    }
    function choose(i) {
      const option = state.options[i];
      close();
      box.focus();
      if (!option) return;
      const changed = option.value !== state.value;
      state.value = option.value;
      render();
      if (changed && onChange) onChange(state.value);
    }
    function move(delta) {
      const n = state.options.length;
      if (!n) return;
      state.active = Math.max(0, Math.min(n - 1, state.active + delta));
      renderOptions();
      const item = list.children[state.active];
      if (item && item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
    }
    box.addEventListener("click", () => {
      if (state.disabled) return;
      if (isOpen()) close();
      else open();
    });
    box.addEventListener("keydown", (e) => {
      if (state.disabled) return;
      const openNow = isOpen();
      const key = e.key;
      if (!openNow) {
        if (["Enter", " ", "ArrowDown", "ArrowUp"].includes(key)) {
          open();
          e.preventDefault();
        }
        return;
      }
      if (key === "ArrowDown") move(1);
      else if (key === "ArrowUp") move(-1);
      else if (key === "Home") move(-state.options.length);
      else if (key === "End") move(state.options.length);
      else if (key === "Enter" || key === " ") {
        if (!state.loading) choose(state.active);
      } else if (key === "Escape") {
        close();
        e.stopPropagation();
      } else if (key === "Tab") {
        close();
        return;
      } else return;
      e.preventDefault();
    });
    box.addEventListener("blur", () => {
      if (isOpen()) close();
    });
    render();
    return {
      el,
      box,
      get value() {
        return state.value;
      },
      setValue(v) {
        state.value = v;
        render();
      },
      setOptions(opts) {
        state.options = opts;
        state.loading = false;
        if (isOpen()) {
          list.hidden = false;
          busy.hidden = true;
        }
        render();
      },
      setLoading(on) {
        state.loading = on;
        render();
      },
      setDisabled(on) {
        state.disabled = on;
        if (on) close();
        render();
      },
    };
  }

  function checkbox(labelKey, checked, attrs = {}) {
    const input = h("input", { type: "checkbox", checked, ...attrs });
    const label = h("label", { class: "check" }, input, h("span", {}, t(labelKey)));
    return { input, label };
  }

  // Field errors: an alert next to the field, linked by aria-describedby; aria-invalid on it.
  function errorSlot() {
    return h("div", { id: nextId("err"), class: "field-error" });
  }

  class Errors {
    constructor() {
      this.shown = [];
    }
    show(controls, slot, message) {
      slot.setAttribute("role", "alert");
      slot.textContent = message;
      for (const c of [].concat(controls)) {
        c.setAttribute("aria-invalid", "true");
        c.setAttribute("aria-describedby", slot.id);
      }
      this.shown.push([controls, slot]);
    }
    clear() {
      for (const [controls, slot] of this.shown) {
        slot.removeAttribute("role");
        slot.textContent = "";
        for (const c of [].concat(controls)) {
          c.removeAttribute("aria-invalid");
          c.removeAttribute("aria-describedby");
        }
      }
      this.shown = [];
    }
    get any() {
      return this.shown.length > 0;
    }
    focusFirst() {
      const first = this.shown.length ? [].concat(this.shown[0][0])[0] : null;
      if (first && first.focus) first.focus();
    }
  }

  // A modal dialog; the page behind is inert and hidden from assistive technology.
  // Returns its shell: `close()`, `fill(content, footer)` (contents built later), `onEscape`.
  function openDialog({ title, role = "dialog", describedBy, content, footer, onEscape }) {
    const opener = document.activeElement;
    const app = document.getElementById("app");
    const titleId = nextId("dialog-title");
    const body = h("div", { class: "dialog-body" }, content);
    const foot = h("div", { class: "dialog-footer" }, footer);
    const dialog = h(
      "div",
      {
        role,
        "aria-modal": "true",
        "aria-labelledby": titleId,
        "aria-describedby": describedBy,
        class: role === "alertdialog" ? "dialog small" : "dialog",
        tabindex: -1,
      },
      h("h2", { id: titleId, class: "dialog-title" }, title),
      body,
      foot,
    );
    const overlay = h("div", { class: "overlay" }, dialog);
    const shell = {
      dialog,
      onEscape,
      open: true,
      close() {
        shell.open = false;
        overlay.remove();
        if (!document.querySelector(".overlay")) {
          app.inert = false;
          app.removeAttribute("aria-hidden");
        }
        if (opener && document.contains(opener)) opener.focus();
      },
      fill(newContent, newFooter) {
        body.replaceChildren(...h("div", {}, newContent).childNodes);
        foot.replaceChildren(...h("div", {}, newFooter).childNodes);
      },
    };
    dialog.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        shell.onEscape();
      }
    });
    app.inert = true;
    app.setAttribute("aria-hidden", "true");
    document.body.append(overlay);
    const first = dialog.querySelector("input:not([disabled]), [role=combobox], button");
    (first || dialog).focus();
    return shell;
  }

  // An Add/Edit dialog: `build(shell, loaded)` puts the form in it. With late dialogs (a
  // fault), the dialog first shows a progressbar and builds the form only once the server has
  // answered `loadPath` (for Edit: the entry as it is now, with its revision).
  function formDialog({ title, loadPath, build }) {
    if (!lateDialogs) {
      const shell = openDialog({ title, onEscape: () => shell.close() });
      build(shell, null);
      return;
    }
    const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
    const buttons = h("div", { class: "buttons" }, cancel);
    const shell = openDialog({
      title,
      content: progress("loading"),
      footer: buttons,
      onEscape: () => shell.close(),
    });
    cancel.addEventListener("click", () => shell.close());
    api("GET", loadPath).then((resp) => {
      if (!shell.open) return;
      if (resp.ok) build(shell, resp.data);
      else shell.fill(h("div", { role: "alert", class: "field-error general" }, resp.data.error), buttons);
    });
  }

  // Save/Cancel footer with a pending state; Save stays disabled until a change when editing.
  // The Save/Cancel wiring of the route and rule dialogs: send, then close and reload, or show
  // the console's error and stay open. Returns the form (for `form.refresh()` on changes).
  function entryForm({ shell, content, editing, snapshot, collect, focus, send, onSaved }) {
    async function save() {
      form.clearError();
      const entry = collect();
      if (!entry) return;
      form.setPending(true);
      const resp = await send(entry);
      form.setPending(false);
      if (resp.ok) {
        shell.close();
        toast(t("saved_toast"));
        onSaved();
      } else {
        form.showError(resp.data.error);
      }
    }
    const form = formFooter({ editing, snapshot, onSave: save, onCancel: () => shell.close() });
    const changed = () => form.refresh();
    shell.fill(content, form.footer);
    shell.onEscape = () => {
      if (!form.pending) shell.close();
    };
    shell.dialog.addEventListener("input", changed);
    shell.dialog.addEventListener("change", changed);
    form.start();
    focus.focus();
    return form;
  }

  function formFooter({ editing, snapshot, onSave, onCancel }) {
    const general = errorSlot();
    general.classList.add("general");
    const busy = progress("saving");
    busy.hidden = true;
    const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
    const save = h("button", { type: "button", class: "primary" }, t("save"));
    const footer = [general, h("div", { class: "buttons" }, busy, cancel, save)];
    const form = {
      pending: false,
      initial: null,
      footer,
      refresh() {
        save.disabled = form.pending || (editing && snapshot() === form.initial);
        cancel.disabled = form.pending;
      },
      start() {
        form.initial = snapshot();
        form.refresh();
      },
      setPending(on) {
        form.pending = on;
        busy.hidden = !on;
        form.refresh();
      },
      showError(message) {
        general.setAttribute("role", "alert");
        general.textContent = message;
      },
      clearError() {
        general.removeAttribute("role");
        general.textContent = "";
      },
    };
    save.addEventListener("click", () => {
      if (!form.pending) onSave();
    });
    cancel.addEventListener("click", () => {
      if (!form.pending) onCancel();
    });
    return form;
  }

  // --- validation shared by both dialogs ------------------------------------------------------
  function parseInteger(text) {
    const s = String(text).trim();
    return /^\d+$/.test(s) ? Number(s) : null;
  }
  function hostError(host) {
    const s = host.trim();
    if (!s) return "err_host_required";
    if (s.includes(":")) return /^[0-9A-Fa-f:.]+$/.test(s) ? null : "err_host_invalid";
    const labels = s.replace(/\.$/, "").split(".");
    return s.length <= 253 && labels.every((l) => HOST_LABEL.test(l)) ? null : "err_host_invalid";
  }
  function portError(text) {
    const port = parseInteger(text);
    if (port === 465) return "err_port_465";
    if (port === null || !(port === 25 || port === 587 || (port >= 1024 && port <= 65535))) {
      return "err_port_invalid";
    }
    return null;
  }
  function filterValueError(match, value) {
    const s = value.trim();
    if (!s) return "err_value_required";
    if (match === "pattern") {
      try {
        new RegExp(s);
      } catch (e) {
        return "err_regexp_invalid";
      }
      return null;
    }
    return EMAIL.test(s) ? null : "err_email_invalid";
  }

  // A page's list: `show(entries, more)` with what has arrived (`more`: rows still to come,
  // when late rows are injected); stops quietly when `current()` says a newer load started.
  async function loadList(path, current, show) {
    const resp = await api("GET", path, undefined, { query: { view: "list" } });
    if (!current()) return;
    let entries = resp.ok ? resp.data[path] : [];
    const more = resp.ok && resp.data.next !== undefined;
    show(entries, more);
    if (!more) return;
    const rest = await api("GET", path, undefined, { query: { view: "list", offset: resp.data.next } });
    if (!current()) return;
    entries = entries.concat(rest.ok ? rest.data[path] : []);
    show(entries, false);
  }

  // =========================================================================================
  // Hosts page
  // =========================================================================================
  function hostsPage() {
    const area = document.getElementById("list");
    let routes = [];
    let pending = false; // late rows still to come (a fault)
    let loads = 0;

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

    function render() {
      if (pending) area.setAttribute("aria-busy", "true");
      else area.removeAttribute("aria-busy");
      if (!routes.length && !pending) {
        area.replaceChildren(h("p", { class: "empty" }, t("no_routes")));
        return;
      }
      const head = h(
        "thead",
        {},
        h("tr", {}, ["col_name", "col_hosts", "col_options", "col_actions"].map((k) => h("th", { scope: "col" }, t(k)))),
      );
      const body = h(
        "tbody",
        {},
        routes.map((r) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", class: "name" }, r.name),
            h("td", {}, hostsSummary(r.server)),
            h("td", {}, optionsSummary(r)),
            h(
              "td",
              { class: "actions" },
              h("button", { type: "button", class: "text-button", onclick: () => routeDialog(r) }, t("edit")),
              h("button", { type: "button", class: "text-button", onclick: () => deleteRoute(r) }, t("delete")),
            ),
          ),
        ),
      );
      const table = h(
        "table",
        { "aria-label": t("routes_table"), "aria-busy": pending ? "true" : null, class: "data" },
        head,
        body,
      );
      setChildren(area, table, pending && progress("loading"));
    }

    async function load() {
      const run = ++loads;
      area.setAttribute("aria-busy", "true");
      area.replaceChildren(progress("loading"));
      await loadList("routes", () => run === loads, (part, more) => {
        routes = part;
        pending = more;
        render();
      });
    }

    function deleteRoute(route) {
      confirmDelete({
        title: t("delete_route_title"),
        message: t("delete_route_text", { name: route.name }),
        request: () => api("DELETE", `routes/${route.id}`, undefined, { revision: route.revision }),
        done: load,
      });
    }

    // --- one row of the Primary/Secondary tables ---
    function hostTable(titleKey, initialRows, changed) {
      const titleId = nextId("table-title");
      const rows = [];
      const rowsEl = h("div", { class: "host-rows" });
      const slot = errorSlot();
      const add = h("button", { type: "button", class: "text-button" }, t("add_host"));
      const group = h(
        "div",
        { role: "group", "aria-labelledby": titleId, class: "host-table" },
        h("h4", { id: titleId }, t(titleKey)),
        h(
          "div",
          { class: "host-row header", "aria-hidden": "true" },
          h("span", {}, t("host")),
          h("span", {}, t("port")),
          h("span", {}, t("load")),
          h("span", {}),
        ),
        rowsEl,
        slot,
        add,
      );
      function renumber() {
        rows.forEach((row, i) => row.el.setAttribute("aria-label", t("host_row", { n: i + 1 })));
        add.disabled = rows.length >= MAX_HOSTS;
      }
      function addRow(data) {
        if (rows.length >= MAX_HOSTS) return;
        const host = h("input", { type: "text", "aria-label": t("host"), value: data.host || "" });
        const port = h("input", {
          type: "text",
          inputmode: "numeric",
          "aria-label": t("port"),
          value: data.port === undefined ? "25" : String(data.port),
        });
        const load = h("input", {
          type: "text",
          inputmode: "numeric",
          "aria-label": t("load"),
          value: data.load === undefined ? "" : String(data.load),
        });
        const remove = h("button", { type: "button", class: "icon-button remove", "aria-label": t("remove_host") });
        const row = { host, port, load, slot: errorSlot() };
        row.el = h("div", { role: "group", class: "host-row" }, host, port, load, remove);
        row.wrap = h("div", {}, row.el, row.slot);
        remove.addEventListener("click", () => {
          rows.splice(rows.indexOf(row), 1);
          row.wrap.remove();
          renumber();
          changed();
        });
        rows.push(row);
        rowsEl.append(row.wrap);
        renumber();
      }
      add.addEventListener("click", () => {
        addRow({});
        rows[rows.length - 1].host.focus();
        changed();
      });
      for (const r of initialRows) addRow(r);
      return { el: group, rows, slot, group };
    }

    function routeDialog(existing) {
      const editing = !!existing;
      formDialog({
        title: t(editing ? "route_dialog_edit" : "route_dialog"),
        loadPath: editing ? `routes/${existing.id}` : "forms/route",
        build: (shell, loaded) => routeForm(shell, editing ? loaded || existing : null),
      });
    }

    function routeForm(shell, existing) {
      const editing = !!existing;
      const r = existing || {
        name: "",
        server: { single_host: { host: "", port: 25 } },
        mx_lookup: false,
        require_tls: true,
        require_ca_signed_certificate: true,
        validate_certificate_hostname: true,
      };
      const errors = new Errors();
      const changed = () => form.refresh();

      // Name
      const nameId = nextId("route-name");
      const name = h("input", { id: nameId, type: "text", required: true, value: r.name, "aria-required": "true" });
      const nameSlot = errorSlot();

      // 1. Specify email server
      const single = r.server.single_host || { host: "", port: 25 };
      const multiple = r.server.multiple_hosts || { primary: [{}], secondary: [] };
      const hostId = nextId("host");
      const portId = nextId("port");
      const host = h("input", { id: hostId, type: "text", value: single.host });
      const port = h("input", { id: portId, type: "text", inputmode: "numeric", value: String(single.port) });
      const hostSlot = errorSlot();
      const portSlot = errorSlot();
      const singlePanel = h(
        "div",
        { class: "panel" },
        h("div", { class: "field" }, h("label", { for: hostId }, t("host")), host, hostSlot),
        h("div", { class: "field narrow" }, h("label", { for: portId }, t("port")), port, portSlot),
      );
      const primary = hostTable("primary", multiple.primary, changed);
      const secondary = hostTable("secondary", multiple.secondary, changed);
      const multiPanel = h("div", { class: "panel" }, primary.el, secondary.el);
      const serverMenu = combobox({
        label: t("server_menu"),
        options: [
          { value: "single_host", label: t("single_host") },
          { value: "multiple_hosts", label: t("multiple_hosts") },
        ],
        value: r.server.multiple_hosts ? "multiple_hosts" : "single_host",
        onChange: () => {
          showServer();
          changed();
        },
      });
      function showServer() {
        singlePanel.hidden = serverMenu.value !== "single_host";
        multiPanel.hidden = serverMenu.value !== "multiple_hosts";
      }
      showServer();

      // 2. Options
      const mx = checkbox("mx_lookup", r.mx_lookup);
      const tls = checkbox("require_tls", r.require_tls);
      const ca = checkbox("require_ca", r.require_ca_signed_certificate);
      const hostname = checkbox("validate_hostname", r.validate_certificate_hostname);
      function nest() {
        if (!tls.input.checked) ca.input.checked = false;
        ca.input.disabled = !tls.input.checked;
        if (!ca.input.checked) hostname.input.checked = false;
        hostname.input.disabled = !ca.input.checked;
      }
      tls.input.addEventListener("change", nest);
      ca.input.addEventListener("change", nest);
      nest();
      const testButton = h("button", { type: "button", class: "secondary" }, t("test_tls"));
      const testResults = h("div", { class: "tls-results" });
      testButton.addEventListener("click", testTls);
      const optionsTitle = nextId("options-title");

      const content = [
        h("div", { class: "field" }, h("label", { for: nameId }, t("route_name")), name, nameSlot),
        h(
          "section",
          { class: "form-section" },
          h("h3", {}, t("section_server")),
          serverMenu.el,
          singlePanel,
          multiPanel,
        ),
        h(
          "section",
          { class: "form-section" },
          h("h3", {}, t("section_options")),
          h(
            "div",
            { role: "group", "aria-label": t("options"), class: "checks", id: optionsTitle },
            mx.label,
            tls.label,
            ca.label,
            hostname.label,
            h("div", { class: "tls-test" }, testButton, testResults),
          ),
        ),
      ];

      // Hosts as entered (for Test TLS).
      function enteredHosts() {
        if (serverMenu.value === "single_host") return [[host, hostSlot]];
        return [...primary.rows, ...secondary.rows].map((row) => [row.host, row.slot]);
      }
      async function testTls() {
        errors.clear();
        const fields = enteredHosts();
        const hosts = fields.map(([f]) => f.value.trim()).filter(Boolean);
        if (!hosts.length) {
          for (const [f, slot] of fields) errors.show(f, slot, t("err_host_required"));
          if (!fields.length) errors.show(primary.group, primary.slot, t("err_primary_required"));
          errors.focusFirst();
          return;
        }
        testButton.disabled = true;
        testResults.replaceChildren(progress("testing_tls"));
        const resp = await api("POST", "tls", { hosts });
        testButton.disabled = false;
        if (!resp.ok) {
          testResults.replaceChildren(h("div", { role: "alert", class: "tls failed" }, resp.data.error));
          return;
        }
        testResults.replaceChildren(
          ...hosts.map((hname) =>
            resp.data.results[hname] === "fail"
              ? h(
                  "div",
                  { role: "alert", class: "tls failed" },
                  h("strong", {}, `${hname}: ${t("tls_failed")}.`),
                  " ",
                  t("tls_bounce_warning"),
                )
              : h("div", { role: "status", class: "tls passed" }, `${hname}: ${t("tls_passed")}`),
          ),
        );
      }

      function snapshot() {
        return JSON.stringify([
          name.value,
          serverMenu.value,
          host.value,
          port.value,
          [primary, secondary].map((tb) => tb.rows.map((row) => [row.host.value, row.port.value, row.load.value])),
          [mx, tls, ca, hostname].map((c) => c.input.checked),
        ]);
      }

      // Client-side validation: the same rules as the server, messages next to the fields.
      function collect() {
        errors.clear();
        const nameValue = name.value.trim();
        if (!nameValue) errors.show(name, nameSlot, t("err_name_required"));
        else if (routes.some((o) => o.name === nameValue && (!existing || o.id !== existing.id))) {
          errors.show(name, nameSlot, t("err_name_taken"));
        }
        let server;
        if (serverMenu.value === "single_host") {
          const he = hostError(host.value);
          if (he) errors.show(host, hostSlot, t(he));
          const pe = portError(port.value);
          if (pe) errors.show(port, portSlot, t(pe));
          server = { single_host: { host: host.value.trim(), port: parseInteger(port.value) } };
        } else {
          const tables = {};
          for (const [key, table] of [["primary", primary], ["secondary", secondary]]) {
            let rowsOk = true;
            for (const row of table.rows) {
              const he = hostError(row.host.value);
              const pe = portError(row.port.value);
              const load = parseInteger(row.load.value);
              const le = load === null || load < 1 || load > 100 ? "err_load_invalid" : null;
              const first = [[he, row.host], [pe, row.port], [le, row.load]].filter(([e]) => e);
              if (first.length) {
                rowsOk = false;
                errors.show(first.map(([, f]) => f), row.slot, first.map(([e]) => t(e)).join(" "));
              }
            }
            if (rowsOk && table.rows.length) {
              const total = table.rows.reduce((sum, row) => sum + parseInteger(row.load.value), 0);
              if (total !== 100) {
                errors.show([table.group, ...table.rows.map((row) => row.load)], table.slot, t("err_load_total"));
              }
            }
            tables[key] = table.rows.map((row) => ({
              host: row.host.value.trim(),
              port: parseInteger(row.port.value),
              load: parseInteger(row.load.value),
            }));
          }
          if (!primary.rows.length) errors.show(primary.group, primary.slot, t("err_primary_required"));
          server = { multiple_hosts: tables };
        }
        if (errors.any) {
          errors.focusFirst();
          return null;
        }
        return {
          name: nameValue,
          server,
          mx_lookup: mx.input.checked,
          require_tls: tls.input.checked,
          require_ca_signed_certificate: ca.input.checked,
          validate_certificate_hostname: hostname.input.checked,
        };
      }

      const form = entryForm({
        shell,
        content,
        editing,
        snapshot,
        collect,
        focus: name,
        send: (entry) =>
          editing
            ? api("PUT", `routes/${existing.id}`, entry, { revision: existing.revision })
            : api("POST", "routes", entry),
        onSaved: load,
      });
    }

    document.getElementById("add-route").addEventListener("click", () => routeDialog(null));
    setupOuTree(() => {});
    load();
  }

  // Confirmation before a delete, shared by both pages.
  function confirmDelete({ title, message, request, done }) {
    const textId = nextId("confirm-text");
    const general = errorSlot();
    const busy = progress("saving");
    busy.hidden = true;
    const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
    const confirm = h("button", { type: "button", class: "danger" }, t("delete"));
    let pending = false;
    const { close } = openDialog({
      title,
      role: "alertdialog",
      describedBy: textId,
      content: [h("p", { id: textId }, message), general],
      footer: h("div", { class: "buttons" }, busy, cancel, confirm),
      onEscape: () => {
        if (!pending) close();
      },
    });
    cancel.addEventListener("click", () => close());
    confirm.addEventListener("click", async () => {
      pending = true;
      confirm.disabled = cancel.disabled = true;
      busy.hidden = false;
      general.removeAttribute("role");
      general.textContent = "";
      const resp = await request();
      pending = false;
      busy.hidden = true;
      confirm.disabled = cancel.disabled = false;
      if (resp.ok) {
        close();
        toast(t("deleted_toast"));
        done();
      } else {
        general.setAttribute("role", "alert");
        general.textContent = resp.data.error;
      }
    });
    cancel.focus();
  }

  // =========================================================================================
  // Routing page
  // =========================================================================================
  function routingPage() {
    const area = document.getElementById("list");
    let rules = [];
    let loading = true;
    let pending = false; // late rows still to come (a fault)
    let loads = 0;

    function summary(rule) {
      const parts = [rule.messages.map((m) => t(MESSAGE_KEYS[m])).join(", ")];
      parts.push(t(rule.action));
      if (rule.change_route) parts.push(t("summary_route", { name: rule.change_route }));
      parts.push(rule.account_types.map((a) => t(ACCOUNT_KEYS[a])).join(", "));
      if (rule.envelope_filter) parts.push(t("summary_filtered"));
      return parts.join(" · ");
    }

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

    function render() {
      if (loading) return; // the list shows itself once loaded
      if (pending) area.setAttribute("aria-busy", "true");
      else area.removeAttribute("aria-busy");
      const inherited = currentOu !== "/";
      const children = [];
      if (!inherited) {
        children.push(
          h(
            "div",
            { class: "toolbar" },
            h(
              "button",
              { type: "button", class: "primary", onclick: () => ruleDialog(null) },
              t(rules.length || pending ? "add_another_rule" : "configure"),
            ),
          ),
        );
      }
      if (!rules.length && !pending) {
        children.push(h("p", { class: "empty" }, t("no_rules")));
      } else {
        const head = h(
          "thead",
          {},
          h("tr", {}, ["col_description", "col_summary", "col_status", "col_actions"].map((k) => h("th", { scope: "col" }, t(k)))),
        );
        const body = h(
          "tbody",
          {},
          rules.map((rule) =>
            h(
              "tr",
              {},
              h("th", { scope: "row", class: "name" }, rule.description),
              h("td", {}, summary(rule)),
              h("td", {}, t(inherited ? "inherited" : "locally_applied")),
              h(
                "td",
                { class: "actions" },
                ruleSwitch(rule, inherited),
                inherited
                  ? null
                  : [
                      h("button", { type: "button", class: "text-button", onclick: () => ruleDialog(rule) }, t("edit")),
                      h("button", { type: "button", class: "text-button", onclick: () => deleteRule(rule) }, t("delete")),
                    ],
              ),
            ),
          ),
        );
        children.push(
          h(
            "table",
            { "aria-label": t("rules_table"), "aria-busy": pending ? "true" : null, class: "data" },
            head,
            body,
          ),
        );
        if (pending) children.push(progress("loading"));
      }
      area.replaceChildren(...children);
    }

    async function load() {
      const run = ++loads;
      area.setAttribute("aria-busy", "true");
      area.replaceChildren(progress("loading"));
      loading = true;
      await loadList("rules", () => run === loads, (part, more) => {
        rules = part;
        pending = more;
        loading = false;
        render();
      });
    }

    function deleteRule(rule) {
      confirmDelete({
        title: t("delete_rule_title"),
        message: t("delete_rule_text", { name: rule.description }),
        request: () => api("DELETE", `rules/${rule.id}`, undefined, { revision: rule.revision }),
        done: load,
      });
    }

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

    function ruleDialog(existing) {
      const editing = !!existing;
      formDialog({
        title: t(editing ? "rule_dialog_edit" : "rule_dialog"),
        loadPath: editing ? `rules/${existing.id}` : "forms/rule",
        build: (shell, loaded) => ruleForm(shell, editing ? loaded || existing : null),
      });
    }

    function ruleForm(shell, existing) {
      const editing = !!existing;
      const r = existing || {
        description: "",
        messages: [],
        action: "modify_message",
        change_route: null,
        account_types: ["users", "groups"],
        envelope_filter: null,
        enabled: true,
      };
      const errors = new Errors();
      const changed = () => form.refresh();

      const descId = nextId("rule-description");
      const description = h("input", { id: descId, type: "text", required: true, "aria-required": "true", value: r.description });
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
      const actionMenu = combobox({
        label: t("action_menu"),
        options: [
          { value: "modify_message", label: t("modify_message") },
          { value: "reject_message", label: t("reject_message") },
        ],
        value: r.action,
        onChange: () => {
          modifyPanel.hidden = actionMenu.value !== "modify_message";
          changed();
        },
      });
      const changeRoute = checkbox("change_route", !!r.change_route);
      const routeSlot = errorSlot();
      const routeMenu = combobox({
        label: t("route_menu"),
        options: [{ value: "", label: t("normal_routing") }],
        value: r.change_route || "",
        disabled: !r.change_route,
        onChange: changed,
      });
      routeMenu.setLoading(true);
      changeRoute.input.addEventListener("change", () => routeMenu.setDisabled(!changeRoute.input.checked));
      const routeTitle = nextId("route-title");
      const modifyPanel = h(
        "div",
        { role: "group", "aria-labelledby": routeTitle, class: "route-group" },
        h("h4", { id: routeTitle }, t("route_group")),
        changeRoute.label,
        h("div", { class: "indent" }, routeMenu.el, routeSlot),
      );
      modifyPanel.hidden = r.action !== "modify_message";

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
      const toggle = h(
        "span",
        { role: "button", tabindex: 0, class: "link", "aria-expanded": "false", "aria-controls": optionsPanel.id },
        t("show_options"),
      );
      function setOptionsOpen(open) {
        optionsPanel.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = t(open ? "hide_options" : "show_options");
      }
      toggle.addEventListener("click", () => setOptionsOpen(optionsPanel.hidden));
      toggle.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          setOptionsOpen(optionsPanel.hidden);
        }
      });

      const content = [
        h("div", { class: "field" }, h("label", { for: descId }, t("rule_description")), description, descSlot),
        h(
          "section",
          { class: "form-section" },
          h("h3", {}, h("span", { "aria-hidden": "true" }, "1. "), h("span", { id: messagesTitle }, t("messages_group"))),
          messagesGroup,
          messagesSlot,
        ),
        h("section", { class: "form-section" }, h("h3", {}, t("section_action")), actionMenu.el, modifyPanel),
        h("section", { class: "form-section" }, toggle, optionsPanel),
      ];

      // Routes for "Route to", loaded when the dialog opens.
      let knownRoutes = null;
      api("GET", "routes").then((resp) => {
        knownRoutes = resp.ok ? resp.data.routes.map((x) => x.name) : [];
        routeMenu.setOptions([
          { value: "", label: t("normal_routing") },
          ...knownRoutes.map((n) => ({ value: n, label: n })),
        ]);
      });

      function snapshot() {
        return JSON.stringify([
          description.value,
          messageChecks.map(([, c]) => c.input.checked),
          actionMenu.value,
          changeRoute.input.checked,
          routeMenu.value,
          accountChecks.map(([, c]) => c.input.checked),
          senders.snapshot(),
          recipients.snapshot(),
        ]);
      }

      function collect() {
        errors.clear();
        const desc = description.value.trim();
        if (!desc) errors.show(description, descSlot, t("err_description_required"));
        else if (rules.some((o) => o.description === desc && (!existing || o.id !== existing.id))) {
          errors.show(description, descSlot, t("err_description_taken"));
        }
        const messages = messageChecks.filter(([, c]) => c.input.checked).map(([m]) => m);
        if (!messages.length) errors.show(messagesGroup, messagesSlot, t("err_messages_required"));
        const action = actionMenu.value;
        let change = null;
        if (action === "modify_message" && changeRoute.input.checked) {
          change = routeMenu.value || null;
          if (!change) errors.show(routeMenu.box, routeSlot, t("err_route_required"));
          else if (knownRoutes && !knownRoutes.includes(change)) {
            errors.show(routeMenu.box, routeSlot, t("err_route_unknown"));
          }
        }
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
        if (errors.any) {
          if (optionErrors) setOptionsOpen(true);
          errors.focusFirst();
          return null;
        }
        return {
          description: desc,
          messages,
          action,
          change_route: change,
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
        send: (entry) =>
          editing
            ? api("PUT", `rules/${existing.id}`, entry, { revision: existing.revision })
            : api("POST", "rules", entry),
        onSaved: load,
      });
    }

    setupOuTree(render);
    load();
  }

  // --- start --------------------------------------------------------------------------------
  setupShell();
  if (CFG.page === "hosts") hostsPage();
  else if (CFG.page === "routing") routingPage();
  else setupOuTree(() => {});
})();
