"""The organizational-unit picker: selecting an OU by its full path, part by part."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from runbook.console.failures import doing
from runbook.console.locate import by_role
from runbook.console.widgets import wait_loaded
from runbook.errors import StepFailed
from runbook.locales import Labels

# Every treeitem the tree shows (a collapsed OU's children are not shown: locators would not
# find them), in tree order: [level, own name, expanded ("true"/"false"/null), selected].
# The level is aria-level, or the nesting of the item among treeitems; the name is the item's
# aria-label, or its text outside its group of children.
_READ_ITEMS = """(tree) => [...tree.querySelectorAll('[role=treeitem]')]
.filter((item) => item.checkVisibility()).map((item) => {
  let level = Number(item.getAttribute('aria-level')) || 0;
  if (!level) {
    for (let e = item; e && e !== tree; e = e.parentElement) {
      if (e.getAttribute('role') === 'treeitem') level += 1;
    }
  }
  const nested = (n) => n.getAttribute('role') === 'group' || n.querySelector('[role=treeitem]');
  const own = [...item.childNodes].filter((n) => !(n.nodeType === 1 && nested(n)));
  const name = item.getAttribute('aria-label') || own.map((n) => n.textContent).join('');
  return [level, name.replace(/\\s+/g, ' ').trim(), item.getAttribute('aria-expanded'),
          item.getAttribute('aria-selected') === 'true'];
})"""

Item = tuple[int, str, str | None]


def parts_of(path: str) -> list[str]:
    """The OU names of a path below the top: "/Sales/EMEA" -> ["Sales", "EMEA"]."""
    return [p for p in path.split("/") if p]


def find_in(items: list[Item], parts: list[str]) -> tuple[int, int]:
    """How far down `parts` the tree goes, and the index of the deepest item found (-1: none).

    The top OU is the level-1 item; each part must be a child (one level down, after its
    parent and before the parent's next sibling) of the part before it.
    """
    at = next((i for i, item in enumerate(items) if item[0] == 1), -1)
    if at < 0:
        return 0, -1
    depth = 0
    for part in parts:
        level = depth + 2
        child = -1
        for i in range(at + 1, len(items)):
            if items[i][0] < level:
                break  # past the parent's descendants
            if items[i][0] == level and items[i][1] == part:
                child = i
                break
        if child < 0:
            return depth, at
        at, depth = child, depth + 1
    return depth, at


def branch_to_close(items: list[Item], parts: list[str]) -> int | None:
    """While two shown items share a level and a name (OUs of one name under two parents):
    the index of the shallowest open item off the path to `parts`, to close; else None.

    Closed shallowest first, the open branches off the path go until each shown item is the
    only one of its level and name, so that its role, name and level find it alone.
    """
    shown = [(level, name) for level, name, _ in items]
    if len(set(shown)) == len(shown):
        return None
    for level in sorted({item[0] for item in items if item[0] >= 2}):
        for i, (at, name, expanded) in enumerate(items):
            on_path = level - 2 < len(parts) and name == parts[level - 2]
            if at == level and expanded == "true" and not on_path:
                return i
    return None


class OuPicker:
    """The tree on the left of the Gmail pages, and its search box."""

    def __init__(self, page: Page, labels: Labels) -> None:
        self.page = page
        self.labels = labels
        self.tree = by_role(page, "tree", "org_units", labels, exact=False)
        self.search = by_role(page, "searchbox", "org_search", labels, exact=False)
        self._selected = -1  # the index of the selected item, as the last read found it

    def _items(self) -> list[Item]:
        # (evaluate waits for the tree; a search that hides every item empties it)
        read = self.tree.evaluate(_READ_ITEMS)
        self._selected = next((i for i, item in enumerate(read) if item[3]), -1)
        return [(int(a), str(b), c) for a, b, c, _ in read]

    def _item(self, items: list[Item], index: int) -> Locator:
        """The treeitem at `index`, by its role, name and level (one of its like is shown:
        `_one_branch`)."""
        level, name, _ = items[index]
        return self.tree.get_by_role("treeitem", name=name, exact=True, level=level)

    def _one_branch(self, parts: list[str]) -> list[Item]:
        """The shown items, once the open branches off the path that repeat a name are closed
        (ArrowLeft, the ARIA tree's keyboard)."""
        items = self._items()
        while (off := branch_to_close(items, parts)) is not None:
            self._item(items, off).press("ArrowLeft")
            expect(self._item(items, off)).to_have_attribute("aria-expanded", "false")
            items = self._items()
        return items

    def _locate(self, path: str) -> tuple[Locator, bool]:
        """The treeitem of `path`, and whether it is selected: expanding collapsed parents,
        searching when not shown."""
        parts = parts_of(path)
        items = self._one_branch(parts)
        depth, at = find_in(items, parts)
        while depth < len(parts) and at >= 0 and items[at][2] == "false":
            self._item(items, at).press("ArrowRight")  # expand (ARIA tree keyboard)
            expect(self._item(items, at)).to_have_attribute("aria-expanded", "true")
            items = self._one_branch(parts)
            depth, at = find_in(items, parts)
        shown = depth  # how far down the tree itself goes, for the message
        if depth < len(parts) and self.search.count():
            self.search.fill(parts[-1])
            items = self._one_branch(parts)
            depth, at = find_in(items, parts)
        if at < 0 or depth < len(parts):
            if self.search.count():
                self.search.fill("")  # the picker as it was
            depth = max(depth, shown)  # a search that finds nothing shows no item at all
            above = "/" + "/".join(parts[:depth])
            raise StepFailed(
                f"organizational unit {path!r} is not in the console: no {parts[depth]!r} "
                f"under {above!r} in its organizational-unit picker; nothing was changed"
            )
        return self._item(items, at), at == self._selected

    def select(self, path: str) -> None:
        """Select the OU at `path` ("/": the top) and wait for the page to show its entries
        (one read of the tree when it is already selected)."""
        item, selected = self._locate(path)
        if not selected:
            item.click()
            expect(item).to_have_attribute("aria-selected", "true")
        wait_loaded(self.page, self.labels)

    @doing("reading the organizational units below {path!r}")
    def children(self, path: str) -> list[str]:
        """The paths of the OUs one level below `path` (opening it when closed); none when
        the page has no picker or does not show `path`."""
        if not self.tree.count():
            return []
        parts = parts_of(path)
        items = self._one_branch(parts)
        depth, at = find_in(items, parts)
        if at < 0 or depth < len(parts):
            return []
        if items[at][2] == "false":
            self._item(items, at).press("ArrowRight")
            expect(self._item(items, at)).to_have_attribute("aria-expanded", "true")
            items = self._one_branch(parts)
            depth, at = find_in(items, parts)
        level, below = items[at][0], []
        for item in items[at + 1 :]:
            if item[0] <= level:
                break
            if item[0] == level + 1:
                below.append("/" + "/".join([*parts, item[1]]))
        return below
