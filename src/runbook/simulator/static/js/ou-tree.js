// The organizational-unit picker (ARIA tree of the Gmail pages, of any depth, with its search
// box) and the OU it has selected: an OU path, "/" being the top (shown as the domain). As on
// the real picker, only the top's children show at first: an OU opens (shows its children) when
// it is selected or with the right arrow, and closes with the left arrow.
let ou = "/";
export const currentOu = () => ou;

// Under `path`: the OU itself or one of its descendants.
const within = (unit, path) => unit === path || unit.startsWith(path === "/" ? "/" : `${path}/`);
const parentOf = (unit) => (unit === "/" ? null : unit.slice(0, unit.lastIndexOf("/")) || "/");

// Which items show: with a search, the OUs whose name has the text and the OUs above them;
// without one, the items whose every ancestor is open.
function refresh(items, query) {
  const byOu = new Map(items.map((i) => [i.dataset.ou, i]));
  const open = (unit) => {
    for (let at = parentOf(unit); at !== null; at = parentOf(at)) {
      if (byOu.get(at)?.getAttribute("aria-expanded") !== "true") return false;
    }
    return true;
  };
  const hits = items.filter((i) => query && i.textContent.toLowerCase().includes(query));
  for (const item of items) {
    item.hidden = query
      ? !hits.some((hit) => within(hit.dataset.ou, item.dataset.ou))
      : !open(item.dataset.ou);
  }
}

function setupSearch(items, box) {
  if (!box) return;
  box.addEventListener("input", () => refresh(items, box.value.trim().toLowerCase()));
}

function setOpen(items, box, item, value) {
  if (!item.hasAttribute("aria-expanded")) return;
  item.setAttribute("aria-expanded", String(value));
  refresh(items, box ? box.value.trim().toLowerCase() : "");
}

// Wire the tree: click, or arrows then Enter/Space, selects an OU; `onChange()` on a change.
export function setupOuTree(onChange) {
  const tree = document.querySelector('[role="tree"]');
  if (!tree) return;
  const items = [...tree.querySelectorAll('[role="treeitem"]')];
  const box = document.querySelector(".ou-panel input[type=search]");
  const select = (item) => {
    for (const i of items) {
      i.setAttribute("aria-selected", String(i === item));
      i.tabIndex = i === item ? 0 : -1;
    }
    setOpen(items, box, item, true);
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
    } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      setOpen(items, box, shown[at], e.key === "ArrowRight");
    } else if (e.key === "Enter" || e.key === " ") {
      select(shown[at]);
    } else {
      return;
    }
    e.preventDefault();
  });
  setupSearch(items, box);
}
