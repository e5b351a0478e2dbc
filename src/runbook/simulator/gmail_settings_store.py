"""The store's Gmail settings pages (`gmail_settings.py`): each OU's sections, saved and inherited.

Audited with the section's key as `name`, and `page`, `org_unit` (left out at the top, as the
ledger does) and the `values` saved: `update_setting` (a section the OU already set, or any
section at the top), `override_setting` (a child OU's first save of a section it inherited),
`inherit_setting` (a child OU goes back to its parent's values).
"""

from __future__ import annotations

import copy
from typing import Any

from runbook.simulator.gmail_settings import (
    PAGES,
    PageValues,
    SettingsPage,
    section_view,
    shown_settings,
)
from runbook.simulator.org_units import TOP
from runbook.simulator.settings_store import Ledger, NotFound
from runbook.simulator.validation import Invalid, Json


class GmailSettings(Ledger):
    """The values each OU sets on the Gmail settings pages (page -> OU -> section -> values)."""

    def __init__(self) -> None:
        super().__init__()
        self._gmail: dict[str, PageValues] = {key: {} for key in PAGES}

    def org_units(self) -> list[str]:
        raise NotImplementedError

    def _gmail_shown(self) -> Json:
        """The state document's `gmail_settings` (absent while every page is default)."""
        return shown_settings(self._gmail)

    def _settings_page(self, page: str, unit: str) -> tuple[SettingsPage, PageValues]:
        if page not in PAGES or unit not in self.org_units():
            raise NotFound(f"{page}:{unit}")
        return PAGES[page], self._gmail[page]

    def page_sections(self, page: str, unit: str) -> list[Json]:
        """Every section of `page` as the page of OU `unit` shows it (`NotFound`: no such page
        or OU)."""
        with self._lock:
            settings, values = self._settings_page(page, unit)
            return [section_view(settings, values, s, unit) for s in settings.sections]

    def _section(self, page: str, section: str, unit: str) -> tuple[SettingsPage, PageValues]:
        settings, values = self._settings_page(page, unit)
        if settings.section(section) is None:
            raise NotFound(section)
        return settings, values

    def save_section(
        self, page: str, section: str, unit: str, raw: Any, *, by: str | None = None
    ) -> Json:
        """Save one section's values in `unit` (fields left out keep the values shown there);
        a child OU then overrides it. The section as the page now shows it."""
        with self._writing():
            settings, values = self._section(page, section, unit)
            shape = settings.section(section)
            assert shape is not None
            shown = section_view(settings, values, shape, unit)
            checked = shape.check(raw, "values", base=shown["values"])
            action = "override_setting" if shown["status"] == "inherited" else "update_setting"
            if unit == TOP and checked == shape.defaults():
                values.get(TOP, {}).pop(section, None)
            else:
                values.setdefault(unit, {})[section] = checked
            if not values.get(TOP, True):
                values.pop(TOP)
            self._record(
                action, section, by, org_unit=unit, page=page, values=copy.deepcopy(checked)
            )
            return section_view(settings, values, shape, unit)

    def inherit_section(self, page: str, section: str, unit: str, *, by: str | None = None) -> Json:
        """A child OU's section goes back to its parent's values (`Invalid` at the top)."""
        with self._writing():
            settings, values = self._section(page, section, unit)
            if unit == TOP:
                raise Invalid("err_settings_top_inherits", "org_unit", "the top OU has no parent")
            own = values.get(unit, {})
            own.pop(section, None)
            if not own:
                values.pop(unit, None)
            self._record("inherit_setting", section, by, org_unit=unit, page=page)
            shape = settings.section(section)
            assert shape is not None
            return section_view(settings, values, shape, unit)
