// The Add/Edit mail route dialog: name, the email server (one host, or Primary/Secondary
// tables of hosts with loads), the TLS options with Test TLS, and their validation.
import { api } from "./api.js";
import { combobox } from "./combobox.js";
import { h, nextId, progress } from "./dom.js";
import { entryForm } from "./entry-form.js";
import { Errors, checkbox, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { hostError, parseInteger, portError } from "./validation.js";

const MAX_HOSTS = 10;
const NEW_ROUTE = {
  name: "",
  server: { single_host: { host: "", port: 25 } },
  mx_lookup: false,
  require_tls: true,
  require_ca_signed_certificate: true,
  validate_certificate_hostname: true,
};

// One of the Primary/Secondary tables: a group of host rows (host, port, load, remove).
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
    const remove = h("button", {
      type: "button",
      class: "icon-button remove",
      "aria-label": t("remove_host"),
    });
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

// The result of Test TLS for each host: passed (a status) or failed (an alert and a warning).
function tlsResults(hosts, results) {
  return hosts.map((hname) =>
    results[hname] === "fail"
      ? h(
          "div",
          { role: "alert", class: "tls failed" },
          h("strong", {}, `${hname}: ${t("tls_failed")}.`),
          " ",
          t("tls_bounce_warning"),
        )
      : h("div", { role: "status", class: "tls passed" }, `${hname}: ${t("tls_passed")}`),
  );
}

// Check the rows of a Primary/Secondary table (errors shown in `errors`); their values.
function collectTable(table, errors) {
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
  return table.rows.map((row) => ({
    host: row.host.value.trim(),
    port: parseInteger(row.port.value),
    load: parseInteger(row.load.value),
  }));
}

// Build the form in `shell`: a new route (`existing` null) or a change of `existing`.
export function routeForm(shell, existing, list) {
  const editing = !!existing;
  const r = existing || NEW_ROUTE;
  const errors = new Errors();
  const changed = () => form.refresh();

  // Name
  const nameId = nextId("route-name");
  const name = h("input", {
    id: nameId,
    type: "text",
    required: true,
    value: r.name,
    "aria-required": "true",
  });
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
    testResults.replaceChildren(...tlsResults(hosts, resp.data.results));
  }

  function snapshot() {
    return JSON.stringify([
      name.value,
      serverMenu.value,
      host.value,
      port.value,
      [primary, secondary].map((tb) =>
        tb.rows.map((row) => [row.host.value, row.port.value, row.load.value]),
      ),
      [mx, tls, ca, hostname].map((c) => c.input.checked),
    ]);
  }

  // Client-side validation: the same rules as the server, messages next to the fields.
  function collect() {
    errors.clear();
    const nameValue = name.value.trim();
    if (!nameValue) errors.show(name, nameSlot, t("err_name_required"));
    else if (list.nameTaken(nameValue, existing)) errors.show(name, nameSlot, t("err_name_taken"));
    let server;
    if (serverMenu.value === "single_host") {
      const he = hostError(host.value);
      if (he) errors.show(host, hostSlot, t(he));
      const pe = portError(port.value);
      if (pe) errors.show(port, portSlot, t(pe));
      server = { single_host: { host: host.value.trim(), port: parseInteger(port.value) } };
    } else {
      const tables = {
        primary: collectTable(primary, errors),
        secondary: collectTable(secondary, errors),
      };
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
    send: (entry) => list.send(existing, entry),
    onSaved: list.load,
  });
}
