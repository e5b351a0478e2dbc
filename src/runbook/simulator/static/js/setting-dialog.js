// The Add/Edit dialog of the Routing page's other settings blocks (recipient address map,
// alternate secure route, SMTP relay service, non-Gmail mailbox): the simulator models only
// their description. Same title as the Routing rule's ("Add setting" / "Edit setting").
import { h, nextId } from "./dom.js";
import { entryForm } from "./entry-form.js";
import { Errors, errorSlot } from "./fields.js";
import { t } from "./i18n.js";

export function settingForm(shell, existing, list) {
  const errors = new Errors();
  const descId = nextId("setting-description");
  const description = h("input", {
    id: descId,
    type: "text",
    required: true,
    "aria-required": "true",
    value: existing ? existing.description : "",
  });
  const slot = errorSlot();
  const content = h(
    "div",
    { class: "field" },
    h("label", { for: descId }, t("rule_description")),
    description,
    slot,
  );

  function collect() {
    errors.clear();
    const value = description.value.trim();
    if (!value) errors.show(description, slot, t("err_description_required"));
    else if (list.nameTaken(value, existing)) errors.show(description, slot, t("err_description_taken"));
    if (errors.any) {
      errors.focusFirst();
      return null;
    }
    return { description: value };
  }

  entryForm({
    shell,
    content,
    editing: !!existing,
    snapshot: () => description.value,
    collect,
    focus: description,
    send: (entry) => list.send(existing, entry),
    onSaved: list.load,
  });
}
