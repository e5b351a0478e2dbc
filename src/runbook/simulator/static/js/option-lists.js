// The two lists of the Modify message options that grow through a sub-dialog: custom headers
// (Header key / Header value) and Also deliver to's recipients (Basic / Advanced).
import { combobox } from "./combobox.js";
import { h } from "./dom.js";
import { Errors, checkbox, errorSlot } from "./fields.js";
import { t } from "./i18n.js";
import { subDialog, textField } from "./sub-dialog.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const HEADER_KEY = /^[!-9;-~]+$/;

// A read-only field of a listed item, named by its label (the page reads it back).
const shownValue = (labelKey, value) =>
  h("input", { type: "text", readonly: true, "aria-label": t(labelKey), value });

// A list under a checkbox: `items` (kept in order), an Add button opening `openAdd(add)`,
// each item a group named by `nameOf(item)` showing `render(item)` and a Remove button.
function itemList({ checkKey, listKey, items, nameOf, render, openAdd, changed }) {
  const state = { items: items.slice() };
  const check = checkbox(checkKey, state.items.length > 0);
  const list = h("div", { role: "list", "aria-label": t(listKey), class: "item-list" });
  const slot = errorSlot();
  const addButton = h("button", { type: "button", class: "text-button" }, t("add_item"));
  const panel = h("div", { class: "indent" }, list, addButton, slot);
  function draw() {
    list.replaceChildren(
      ...state.items.map((item, i) => {
        const remove = h("button", { type: "button", class: "text-button" }, t("remove_item"));
        remove.addEventListener("click", () => {
          state.items.splice(i, 1);
          draw();
          changed();
        });
        return h(
          "div",
          { role: "listitem" },
          h("div", { role: "group", "aria-label": nameOf(item), class: "item" },
            h("span", { "aria-hidden": "true" }, nameOf(item)), render(item), remove),
        );
      }),
    );
  }
  const sync = () => {
    panel.hidden = !check.input.checked;
  };
  check.input.addEventListener("change", sync);
  addButton.addEventListener("click", () =>
    openAdd((item) => {
      state.items.push(item);
      draw();
      changed();
      addButton.focus();
    }, state.items),
  );
  draw();
  sync();
  return {
    els: [check.label, panel],
    check,
    slot,
    get items() {
      return check.input.checked ? state.items : [];
    },
    snapshot: () => [check.input.checked, state.items],
  };
}

export function customHeaders(headers, changed) {
  return itemList({
    checkKey: "hdr_custom",
    listKey: "custom_headers_list",
    items: headers,
    nameOf: (x) => x.key,
    render: (x) => shownValue("header_value", x.value),
    changed,
    openAdd: (add, current) => {
      const key = textField("header_key");
      const value = textField("header_value");
      const errors = new Errors();
      subDialog({
        titleKey: "header_dialog",
        content: [key.el, value.el],
        collect() {
          errors.clear();
          const k = key.input.value.trim();
          if (!k) errors.show(key.input, key.slot, t("err_header_key_required"));
          else if (!HEADER_KEY.test(k)) errors.show(key.input, key.slot, t("err_header_key_invalid"));
          else if (current.some((x) => x.key.toLowerCase() === k.toLowerCase())) {
            errors.show(key.input, key.slot, t("err_header_taken"));
          }
          if (errors.any) {
            errors.focusFirst();
            return null;
          }
          return { key: k, value: value.input.value };
        },
        done: add,
      });
    },
  });
}

// Also deliver to: each recipient Basic ({address}) or Advanced (with route, spam, bounces).
export function recipients(copies, changed, routeOptions) {
  return itemList({
    checkKey: "add_recipients",
    listKey: "recipients_list",
    items: copies,
    nameOf: (x) => x.address,
    render: (x) => {
      const basic = !("do_not_deliver_spam" in x);
      const parts = [shownValue("recipient_mode", t(basic ? "recipient_basic" : "recipient_advanced"))];
      if (!basic) {
        parts.push(
          checkbox("change_route", !!x.change_route, { disabled: true }).label,
          shownValue("route_menu", x.change_route || t("normal_routing")),
          checkbox("copy_no_spam", x.do_not_deliver_spam, { disabled: true }).label,
          checkbox("copy_suppress_bounces", x.suppress_bounces, { disabled: true }).label,
        );
      }
      return parts;
    },
    changed,
    openAdd: (add, current) => {
      const errors = new Errors();
      const address = textField("recipient_address");
      const advanced = h("div", { class: "indent" });
      const mode = combobox({
        label: t("recipient_mode"),
        options: [
          { value: "basic", label: t("recipient_basic") },
          { value: "advanced", label: t("recipient_advanced") },
        ],
        value: "basic",
        onChange: () => {
          advanced.hidden = mode.value !== "advanced";
        },
      });
      const changeRoute = checkbox("change_route", false);
      const routeSlot = errorSlot();
      const routeMenu = combobox({ label: t("route_menu"), options: routeOptions(), value: "", disabled: true });
      changeRoute.input.addEventListener("change", () => routeMenu.setDisabled(!changeRoute.input.checked));
      const noSpam = checkbox("copy_no_spam", true);
      const noBounces = checkbox("copy_suppress_bounces", true);
      advanced.append(
        h("div", { role: "group", "aria-label": t("route_group") }, changeRoute.label, routeMenu.el, routeSlot),
        noSpam.label,
        noBounces.label,
      );
      advanced.hidden = true;
      subDialog({
        titleKey: "recipient_dialog",
        content: [mode.el, address.el, advanced],
        collect() {
          errors.clear();
          const a = address.input.value.trim();
          if (!a) errors.show(address.input, address.slot, t("err_value_required"));
          else if (!EMAIL.test(a)) errors.show(address.input, address.slot, t("err_email_invalid"));
          else if (current.some((x) => x.address.toLowerCase() === a.toLowerCase())) {
            errors.show(address.input, address.slot, t("err_recipient_taken"));
          }
          const isAdvanced = mode.value === "advanced";
          if (isAdvanced && changeRoute.input.checked && !routeMenu.value) {
            errors.show(routeMenu.box, routeSlot, t("err_route_required"));
          }
          if (errors.any) {
            errors.focusFirst();
            return null;
          }
          if (!isAdvanced) return { address: a };
          return {
            address: a,
            change_route: changeRoute.input.checked ? routeMenu.value : null,
            do_not_deliver_spam: noSpam.input.checked,
            suppress_bounces: noBounces.input.checked,
          };
        },
        done: add,
      });
    },
  });
}
