"""`runbook probe --bundle`: per place visited, the accessibility tree, a screenshot and the DOM.

Everything is scrubbed of the runbooks' secrets and of the addresses (e-mail addresses, host
names, IP addresses) the runbooks do not name, so a user with a real tenant can send it in; the
tool's and the browser's versions go with it (`versions.json`). `read_tree(text)` gives a saved
tree back as the page objects read it (`runbook.console.aria`).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from runbook.console.aria import AriaNode, parse
from runbook.console.evidence import accessibility_tree, page_dom, secret_masks
from runbook.console.failures import translated
from runbook.locales import LabelKey, Labels
from runbook.secrets import Redactor

EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
HOST = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|edu|gov|co|uk|de|fr|local|internal)\b", re.I
)
SCRUBBED = "address.scrubbed"
SECRET = "secret-scrubbed"  # plain YAML wherever it lands in a saved tree (unlike "****")


@dataclass
class Bundle:
    """The places a probe visited, scrubbed, until `write` zips them."""

    redactor: Redactor
    allowed: set[str]  # addresses the runbooks name: kept
    files: dict[str, bytes] = field(default_factory=dict)
    browser: str = ""
    count: int = 0

    @classmethod
    def for_runbooks(cls, books: Iterable[Any]) -> Bundle:
        """A bundle keeping what these runbooks name, scrubbing their secrets."""
        secrets: set[str] = set()
        allowed: set[str] = set()
        for book in books:
            secrets |= set(book.secrets)
            text = book.model_dump_json()
            allowed |= {a.lower() for p in (EMAIL, IPV4, HOST) for a in p.findall(text)}
        return cls(Redactor(secrets), allowed)

    def scrub(self, text: str) -> str:
        """`text` without secrets, and with every address the runbooks do not name replaced."""
        for secret in sorted(self.redactor.secrets, key=len, reverse=True):
            text = text.replace(secret, SECRET)
        for pattern in (EMAIL, IPV4, HOST):
            text = pattern.sub(self._address, text)
        return text

    def _address(self, match: re.Match[str]) -> str:
        return match.group(0) if match.group(0).lower() in self.allowed else SCRUBBED

    def unknown_addresses(self, text: str) -> list[str]:
        found = {a for p in (EMAIL, IPV4, HOST) for a in p.findall(text)}
        return sorted(a for a in found if a.lower() not in self.allowed)

    def capture(self, page: Page, where: str) -> None:
        """Keep the page as it is now, at place `where`."""
        self.count += 1
        folder = f"{self.count:02d}-{where.replace('/', '-')}"
        with translated(page, f"saving {where} for the bundle"):
            dom = page_dom(page)
            masks = secret_masks(page, [*self.redactor.secrets, *self.unknown_addresses(dom)])
            shot = page.screenshot(mask=masks, animations="disabled", caret="hide")
            self.browser = self.browser or page.context.browser.version  # type: ignore[union-attr]
        self.files[f"{folder}/aria.yml"] = self.scrub(accessibility_tree(page)).encode()
        self.files[f"{folder}/dom.html"] = self.scrub(dom).encode()
        self.files[f"{folder}/screenshot.png"] = shot

    def write(self, path: Path) -> None:
        """Zip the places, with the tool's and the browser's versions."""
        versions = {
            "runbook": version("runbook"),
            "playwright": version("playwright"),
            "chromium": self.browser,
        }
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("versions.json", json.dumps(versions, indent=2))
            for name, data in self.files.items():
                archive.writestr(name, data)


def read_tree(text: str) -> AriaNode:
    """A saved accessibility tree (a bundle's `aria.yml`), as the page objects read it live."""
    return parse(text)


def saved_dialog(text: str, labels: Labels, title: LabelKey) -> AriaNode | None:
    """The dialog titled `title` in a saved page tree: what a dialog's `_fields` reads, as
    `Dialog.snapshot` gives it live."""
    tree = read_tree(text)
    found = [
        d
        for d in tree.find_all("dialog")
        if any(n.lower() in d.name.lower() for n in labels.names(title))
    ]
    return found[0] if found else None
