"""Demo mode: an on-page caption of the current step and a highlight of the next element."""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

CAPTION_ID = "runbook-demo-caption"

# Re-creates the caption after every navigation, from the text kept in sessionStorage.
_INIT_SCRIPT = f"""(() => {{
  const show = () => {{
    const text = sessionStorage.getItem('runbook-demo-caption');
    if (!text || !document.body) return;
    let el = document.getElementById('{CAPTION_ID}');
    if (!el) {{
      el = document.createElement('div');
      el.id = '{CAPTION_ID}';
      el.setAttribute('aria-hidden', 'true');
      el.style.cssText = 'position:fixed;left:50%;bottom:24px;transform:translateX(-50%);' +
        'z-index:2147483647;background:rgba(32,33,36,.92);color:#fff;padding:10px 18px;' +
        'border-radius:8px;font:15px/1.4 system-ui,sans-serif;pointer-events:none;' +
        'max-width:80vw;box-shadow:0 2px 10px rgba(0,0,0,.3)';
      document.body.appendChild(el);
    }}
    el.textContent = text;
  }};
  window.__runbookCaption = (text) => {{
    sessionStorage.setItem('runbook-demo-caption', text);
    show();
  }};
  if (document.readyState === 'loading') {{
    document.addEventListener('DOMContentLoaded', show);
  }} else {{
    show();
  }}
}})();"""

_HIGHLIGHT = """el => {
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
        page.context.add_init_script(_INIT_SCRIPT)

    def announce(self, text: str, target: Locator | None = None) -> None:
        """Caption `text` (under the current step's title) and highlight `target`."""
        if text.startswith("Step "):
            self.step_caption = text
            caption = text
        else:
            caption = f"{self.step_caption}: {text}" if self.step_caption else text
        try:
            self.page.evaluate(
                "text => window.__runbookCaption && window.__runbookCaption(text)", caption
            )
            if target is not None and target.is_visible():
                target.evaluate(_HIGHLIGHT)
        except PlaywrightError:
            pass  # a caption is a courtesy: never fail a run for it
