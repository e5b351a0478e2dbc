// The real console's known variants that this page shows (the server lists them in CFG):
// `variant(name)` says whether one is on; `setupBanner()` shows the banner variant.
import { CFG } from "./config.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

const ACTIVE = new Set(CFG.variants || []);
const BANNER_GONE = "sim-banner-dismissed";

export function variant(name) {
  return ACTIVE.has(name);
}

// A "Got it" / "Dismiss" announcement above the page, until one of its buttons is pressed
// (remembered by the browser); while it shows, the first click elsewhere does nothing.
export function setupBanner() {
  if (!variant("banner") || localStorage.getItem(BANNER_GONE)) return;
  const close = () => {
    localStorage.setItem(BANNER_GONE, "1");
    banner.remove();
    document.removeEventListener("click", swallow, true);
  };
  const button = (key) => h("button", { type: "button", class: "text-button", onclick: close }, t(key));
  const banner = h(
    "div",
    { role: "region", "aria-label": t("banner_label"), class: "sim-banner" },
    h("p", {}, t("banner_text")),
    button("banner_got_it"),
    button("banner_dismiss"),
  );
  let swallowed = false;
  function swallow(e) {
    if (swallowed || banner.contains(e.target)) return;
    swallowed = true;
    e.preventDefault();
    e.stopPropagation();
  }
  document.addEventListener("click", swallow, true);
  document.getElementById("app").prepend(banner);
}
