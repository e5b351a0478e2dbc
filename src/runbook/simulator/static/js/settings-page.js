// A Gmail settings page made of sections set per OU (Spam, phishing and malware): the OU picker
// on the left, then each section of the selected OU, a region named by its title with its
// status (Locally applied at the top; Inherited or Overridden in a child OU), its controls,
// Override (an inherited section: its controls stay disabled until then) or Inherit (an
// overridden one, after a confirmation), and its own Cancel and Save, enabled once something
// in the section changed. Save sends the section alone (gmail/<page>/<section>?ou=...); a
// refusal shows as an alert in the section, which keeps the user's values. A section edited in
// a dialog (edit: "dialog") shows a summary of its values and Configure, which opens a dialog
// with the controls, Cancel and Save; one that saves on change (edit: "on_change") has no
// Save: each change is sent at once (busy meanwhile, a toast after; a refusal puts the values
// back). In a child OU either overrides an inherited section by saving it (no Override).
import { api } from "./api.js";
import { CFG } from "./config.js";
import { openDialog } from "./dialog.js";
import { h, nextId, progress, setChildren } from "./dom.js";
import { currentOu, setupOuTree } from "./ou-tree.js";
import { t } from "./i18n.js";
import { settingControl, summaryText } from "./settings-controls.js";
import { toast } from "./toast.js";

const STATUS_KEYS = { local: "status_local", inherited: "status_inherited", overridden: "status_overridden" };

// The name the OU picker shows for an OU path (the top: the domain).
function ouName(path) {
  const item = document.querySelector(`[role="treeitem"][data-ou="${CSS.escape(path)}"]`);
  return item ? item.textContent : path;
}

// A section's frame: a region named by its title, its status, where an inherited one comes
// from, its head buttons, then `body`. `showStatus(view, buttons)` shows the view's status.
function sectionFrame(schema, ...body) {
  const titleId = nextId("section-title");
  const status = h("p", { role: "status", class: "setting-status" });
  const from = h("p", { class: "hint" });
  const headButtons = h("div", { class: "buttons start" });
  const el = h(
    "section",
    { class: "card settings-section", "aria-labelledby": titleId, "data-section": schema.key },
    h("div", { class: "section-head" }, h("h2", { id: titleId }, t(schema.title)), status, headButtons),
    from,
    schema.intro ? h("p", { class: "intro" }, t(schema.intro)) : null,
    ...body,
  );
  function showStatus(view, buttons) {
    status.textContent = t(STATUS_KEYS[view.status]);
    from.textContent = view.status === "inherited" ? t("settings_inherited_from", { ou: ouName(view.inherited_from) }) : "";
    from.hidden = view.status !== "inherited";
    headButtons.replaceChildren(...buttons);
  }
  return { el, showStatus };
}

function settingsSection(page, schema, view, unit) {
  if (schema.edit === "dialog") return dialogSection(page, schema, view, unit);
  const onChange = schema.edit === "on_change";
  const title = t(schema.title);
  const state = { view, overriding: false, saving: false };
  const controls = schema.fields.map((field) => [
    field,
    settingControl(field, () => {
      if (onChange) {
        if (!state.saving) send();
      } else update();
    }),
  ]);
  const error = h("div", { id: nextId("err"), class: "field-error general" });
  const busy = progress("saving");
  busy.hidden = true;
  const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const save = h("button", { type: "button", class: "primary" }, t("save"));
  const override = h("button", { type: "button", class: "secondary" }, t("settings_override"));
  const inherit = h("button", { type: "button", class: "secondary" }, t("settings_inherit"));
  const { el, showStatus } = sectionFrame(
    schema,
    controls.map(([, c]) => c.el),
    error,
    h("div", { class: "buttons" }, busy, onChange ? null : [cancel, save]),
  );

  const editable = () => onChange || state.view.status !== "inherited" || state.overriding;
  const changed = () =>
    state.overriding || controls.some(([field, c]) => !c.same(state.view.values[field.key]));

  function clearError() {
    error.removeAttribute("role");
    error.textContent = "";
    controls.forEach(([, c]) => c.valid());
  }

  function showError(data) {
    error.setAttribute("role", "alert");
    error.textContent = data.error;
    const key = typeof data.field === "string" ? data.field.split(".")[1] : null;
    const found = controls.find(([field]) => field.key === key);
    if (found) found[1].invalid(error);
  }

  // Buttons and controls as the section's state says.
  function update() {
    const { status: shown } = state.view;
    const head = [];
    if (shown === "inherited" && !state.overriding && !onChange) head.push(override);
    if (shown === "overridden") head.push(inherit);
    showStatus(state.view, head);
    controls.forEach(([, c]) => c.setDisabled(!editable() || state.saving));
    const dirty = changed();
    save.disabled = !dirty || state.saving;
    cancel.disabled = !dirty || state.saving;
    override.disabled = inherit.disabled = state.saving;
    busy.hidden = !state.saving;
    if (state.saving) el.setAttribute("aria-busy", "true");
    else el.removeAttribute("aria-busy");
  }

  function show(newView) {
    state.view = newView;
    state.overriding = false;
    controls.forEach(([field, c]) => c.set(newView.values[field.key]));
    update();
  }

  async function send() {
    clearError();
    state.saving = true;
    update();
    const values = Object.fromEntries(controls.map(([field, c]) => [field.key, c.get()]));
    const path = `gmail/${page}/${schema.key}`;
    const resp = await api("PUT", path, values, { query: { ou: unit } });
    state.saving = false;
    if (resp.ok) {
      show(resp.data);
      toast(t("saved_toast"));
    } else {
      if (onChange) show(state.view); // the change was not saved: the values as they were
      else update();
      showError(resp.data);
    }
  }

  save.addEventListener("click", () => {
    if (!state.saving) send();
  });
  cancel.addEventListener("click", () => {
    if (state.saving) return;
    clearError();
    show(state.view);
  });
  override.addEventListener("click", () => {
    state.overriding = true;
    update();
    controls[0][1].focusable.focus();
  });
  inherit.addEventListener("click", () =>
    confirmInherit(page, schema.key, title, unit, (data) => {
      clearError();
      show(data);
    }),
  );
  show(view);
  return el;
}

// Inherit's confirmation; once the console answers, `onDone(section view)`.
// A section edited in a dialog: its status, a summary of its values and Configure, which opens
// a dialog with the controls, Cancel and Save (enabled once something changed). Saved, the
// dialog closes and the summary shows the new values; refused, an alert in the dialog.
function dialogSection(page, schema, view, unit) {
  const title = t(schema.title);
  const state = { view };
  const summary = h("dl", { class: "setting-summary" });
  const configure = h("button", { type: "button", class: "secondary" }, t("configure"));
  const inherit = h("button", { type: "button", class: "secondary" }, t("settings_inherit"));
  const { el, showStatus } = sectionFrame(schema, summary, h("div", { class: "buttons start" }, configure));

  function show(newView) {
    state.view = newView;
    showStatus(newView, newView.status === "overridden" ? [inherit] : []);
    setChildren(
      summary,
      schema.fields.map((field) => [h("dt", {}, t(field.label)), h("dd", {}, summaryText(field, newView.values[field.key]))]),
    );
  }

  function openEditor() {
    const controls = schema.fields.map((field) => [field, settingControl(field, () => refresh())]);
    controls.forEach(([field, c]) => c.set(state.view.values[field.key]));
    const error = h("div", { id: nextId("err"), class: "field-error general" });
    const busy = progress("saving");
    const cancel = h("button", { type: "button", class: "text-button" }, t("cancel"));
    const save = h("button", { type: "button", class: "primary" }, t("save"));
    let saving = false;
    const shell = openDialog({
      title: t(schema.dialog || schema.title),
      content: [controls.map(([, c]) => c.el), error],
      footer: h("div", { class: "buttons" }, busy, cancel, save),
      onEscape: () => {
        if (!saving) shell.close();
      },
    });

    function refresh() {
      const dirty = controls.some(([field, c]) => !c.same(state.view.values[field.key]));
      save.disabled = !dirty || saving;
      cancel.disabled = saving;
      busy.hidden = !saving;
      controls.forEach(([, c]) => c.setDisabled(saving));
    }

    cancel.addEventListener("click", () => {
      if (!saving) shell.close();
    });
    save.addEventListener("click", async () => {
      if (saving) return;
      saving = true;
      error.removeAttribute("role");
      error.textContent = "";
      controls.forEach(([, c]) => c.valid());
      refresh();
      const values = Object.fromEntries(controls.map(([field, c]) => [field.key, c.get()]));
      const resp = await api("PUT", `gmail/${page}/${schema.key}`, values, { query: { ou: unit } });
      saving = false;
      if (resp.ok) {
        shell.close();
        show(resp.data);
        toast(t("saved_toast"));
        return;
      }
      refresh();
      error.setAttribute("role", "alert");
      error.textContent = resp.data.error;
    });
    refresh();
    controls[0][1].focusable.focus();
  }

  configure.addEventListener("click", () => openEditor());
  inherit.addEventListener("click", () => confirmInherit(page, schema.key, title, unit, (data) => show(data)));
  show(view);
  return el;
}

function confirmInherit(page, key, title, unit, onDone) {
  const textId = nextId("confirm-text");
  const general = h("div", { class: "field-error general" });
  const dialogBusy = progress("saving");
  dialogBusy.hidden = true;
  const no = h("button", { type: "button", class: "text-button" }, t("cancel"));
  const yes = h("button", { type: "button", class: "primary" }, t("settings_inherit"));
  let pending = false;
  const shell = openDialog({
    title: t("settings_inherit_title"),
    role: "alertdialog",
    describedBy: textId,
    content: [h("p", { id: textId }, t("settings_inherit_text", { section: title, ou: ouName(unit) })), general],
    footer: h("div", { class: "buttons" }, dialogBusy, no, yes),
    onEscape: () => {
      if (!pending) shell.close();
    },
  });
  no.addEventListener("click", () => {
    if (!pending) shell.close();
  });
  yes.addEventListener("click", async () => {
    pending = true;
    yes.disabled = no.disabled = true;
    dialogBusy.hidden = false;
    general.removeAttribute("role");
    general.textContent = "";
    const resp = await api("POST", `gmail/${page}/${key}/inherit`, {}, { query: { ou: unit } });
    pending = false;
    dialogBusy.hidden = true;
    yes.disabled = no.disabled = false;
    if (resp.ok) {
      shell.close();
      onDone(resp.data);
      toast(t("saved_toast"));
    } else {
      general.setAttribute("role", "alert");
      general.textContent = resp.data.error;
    }
  });
  no.focus();
}

export function settingsPage() {
  const schema = CFG.settings;
  const area = document.getElementById("settings");
  let loads = 0;

  async function load() {
    const run = ++loads;
    const unit = currentOu();
    area.setAttribute("aria-busy", "true");
    area.replaceChildren(progress("loading"));
    const resp = await api("GET", `gmail/${schema.page}`, undefined, { query: { ou: unit } });
    if (run !== loads) return;
    area.removeAttribute("aria-busy");
    if (!resp.ok) {
      area.replaceChildren(h("div", { role: "alert", class: "field-error general" }, resp.data.error));
      return;
    }
    const views = Object.fromEntries(resp.data.sections.map((s) => [s.key, s]));
    setChildren(
      area,
      schema.sections.map((s) => settingsSection(schema.page, s, views[s.key], unit)),
    );
  }

  setupOuTree(() => load());
  load();
}
