// Toasts: short messages in the live region (#toasts) that go away by themselves.
import { h } from "./dom.js";

const TOAST_MS = 8000;

export function toast(message, role = "status") {
  const el = h("div", { role, class: `toast ${role}` }, message);
  document.getElementById("toasts").append(el);
  setTimeout(() => el.remove(), TOAST_MS);
}
