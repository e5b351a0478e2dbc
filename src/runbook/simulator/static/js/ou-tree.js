// The organizational-unit picker (ARIA tree of the Gmail pages, of any depth, with its search
// box) and the OU it has selected: an OU path, "/" being the top (shown as the domain).
let ou = "/";
export const currentOu = () => ou;

// Under `path`: the OU itself or one of its descendants.
const within = (unit, path) => unit === path || unit.startsWith(path === "/" ? "/" : `${path}/`);

// The search box: only the OUs whose name contains the text stay, with the OUs above them.
function setupSearch(items) {
  const box = document.querySelector(".ou-panel input[type=search]");
  if (!box) return;
  box.addEventListener("input", () => {
    const q = box.value.trim().toLowerCase();
    const hits = items.filter((i) => !q || i.textContent.toLowerCase().includes(q));
    for (const item of items) {
      item.hidden = !hits.some((hit) => within(hit.dataset.ou, item.dataset.ou));
    }
  });
}

// Wire the tree: click, or arrows then Enter/Space, selects an OU; `onChange()` on a change.
export function setupOuTree(onChange) {
  const tree = document.querySelector('[role="tree"]');
  if (!tree) return;
  const items = [...tree.querySelectorAll('[role="treeitem"]')];
  const select = (item) => {
    for (const i of items) {
      i.setAttribute("aria-selected", String(i === item));
      i.tabIndex = i === item ? 0 : -1;
    }
    item.focus();
    if (ou !== item.dataset.ou) {
      ou = item.dataset.ou;
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
    const shown = items.filter((i) => !i.hidden);
    const at = shown.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const step = e.key === "ArrowDown" ? 1 : -1;
      shown[Math.max(0, Math.min(shown.length - 1, at + step))].focus();
      e.preventDefault();
    } else if (e.key === "Enter" || e.key === " ") {
      select(shown[at]);
      e.preventDefault();
    }
  });
  setupSearch(items);
}
