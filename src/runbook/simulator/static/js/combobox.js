// A select-only ARIA combobox with a listbox popup, as the real console has (no native menu):
// keyboard (arrows, Home/End, Enter/Space, Escape, Tab), a loading state, disabling.
import { h, nextId, progress } from "./dom.js";

export function combobox({ label, options, value, onChange, disabled = false }) {
  const listId = nextId("listbox");
  const box = h("div", {
    role: "combobox",
    class: "combobox",
    "aria-label": label,
    "aria-haspopup": "listbox",
    "aria-expanded": "false",
    "aria-controls": listId,
  });
  const valueEl = h("span", { class: "combobox-value" });
  box.append(valueEl, h("span", { class: "combobox-arrow", "aria-hidden": "true" }));
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
    valueEl.textContent = labelOf(state.value);
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
