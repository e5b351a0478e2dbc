// DOM building: h(tag, attrs, ...children), setChildren, unique ids and the progressbar.
import { t } from "./i18n.js";

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

// An element: `on<event>` attributes are listeners; null, undefined and false mean "absent".
export function h(tag, attrs, ...children) {
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
export const shown = (children) =>
  children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);

// Replace an element's children as h() builds them (a bare null would be shown as "null").
export const setChildren = (el, ...children) => el.replaceChildren(...shown(children));

export const progress = (labelKey) =>
  h("div", { role: "progressbar", "aria-label": t(labelKey), class: "spinner" });
