"""Demo mode: an on-page caption of the current step and a highlight of the next element."""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from runbook.console.failures import translated

CAPTION_ID = "runbook-demo-caption"

# Re-creates the caption after every navigation, from the text kept in sessionStorage, and
# places it where it covers neither the highlighted element nor a toast (role status or
# alert): at the bottom, else at the top. Placed again whenever the page adds or removes
# elements (a toast appearing); placing changes only the caption's style, which the
# observer does not watch.
_INIT_SCRIPT = f"""(() => {{
  const ID = '{CAPTION_ID}';
  const SPOTS = ['bottom:24px;top:auto', 'top:24px;bottom:auto'];
  const BASE = 'position:fixed;left:50%;transform:translateX(-50%);' +
    'z-index:2147483647;background:rgba(32,33,36,.92);color:#fff;padding:10px 18px;' +
    'border-radius:8px;font:15px/1.4 system-ui,sans-serif;pointer-events:none;' +
    'max-width:80vw;box-shadow:0 2px 10px rgba(0,0,0,.3);';
  let avoid = null;
  const overlaps = (a, b) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const obstacles = (el) =>
    [...(avoid && avoid.isConnected ? [avoid] : []),
     ...document.querySelectorAll('[role=status],[role=alert]')]
      .filter((o) => !el.contains(o))
      .map((o) => o.getBoundingClientRect())
      .filter((r) => r.width && r.height);
  const place = () => {{
    const el = document.getElementById(ID);
    if (!el) return;
    const others = obstacles(el);
    for (const spot of SPOTS) {{
      el.style.cssText = BASE + spot;
      const here = el.getBoundingClientRect();
      if (!others.some((o) => overlaps(here, o))) return;
    }}
    el.style.cssText = BASE + SPOTS[0];
  }};
  const show = () => {{
    const text = sessionStorage.getItem(ID);
    if (!text || !document.body) return;
    let el = document.getElementById(ID);
    if (!el) {{
      el = document.createElement('div');
      el.id = ID;
      el.setAttribute('aria-hidden', 'true');
      document.body.appendChild(el);
      new MutationObserver(place).observe(document.body, {{ childList: true, subtree: true }});
    }}
    el.textContent = text;
    place();
  }};
  window.__runbookCaption = (text, target) => {{
    sessionStorage.setItem(ID, text);
    avoid = target || null;
    show();
  }};
  if (document.readyState === 'loading') {{
    document.addEventListener('DOMContentLoaded', show);
  }} else {{
    show();
  }}
}})();"""

# Captions `text` away from the element, then highlights it.
_SHOW_AND_HIGHLIGHT = """(el, text) => {
  if (window.__runbookCaption) window.__runbookCaption(text, el);
  el.style.outline = '3px solid #fbbc04';
  el.style.outlineOffset = '2px';
  setTimeout(() => { el.style.outline = ''; el.style.outlineOffset = ''; }, 1500);
}"""


class Demo:
    """Shows what the run is doing, for a person watching a headed browser."""

    def __init__(self, page: Page, *, total: int) -> None:
        self.page = page
        self.total = total
        self.step_caption = ""
        with translated(page, "setting up the demo captions"):
            page.context.add_init_script(_INIT_SCRIPT)

    def announce(self, text: str, target: Locator | None = None) -> None:
        """Caption `text` (under the current step's title) clear of `target`; highlight it."""
        if text.startswith("Step "):
            self.step_caption = text
            caption = text
        else:
            caption = f"{self.step_caption}: {text}" if self.step_caption else text
        try:
            if target is not None and target.is_visible():
                target.evaluate(_SHOW_AND_HIGHLIGHT, caption)
            else:
                self.page.evaluate(
                    "text => window.__runbookCaption && window.__runbookCaption(text, null)",
                    caption,
                )
        except PlaywrightError:
            pass  # a caption is a courtesy: never fail a run for it
