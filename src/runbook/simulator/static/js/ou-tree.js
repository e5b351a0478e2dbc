// The organizational-unit picker (ARIA tree of the Gmail pages) and the OU it has selected.
let ou = "/";
export const currentOu = () => ou;

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
    const at = items.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const step = e.key === "ArrowDown" ? 1 : -1;
      items[Math.max(0, Math.min(items.length - 1, at + step))].focus();
      e.preventDefault();
    } else if (e.key === "Enter" || e.key === " ") {
      select(items[at]);
      e.preventDefault();
    }
  });
}
