"""Playwright's page and locator as the engine names them: handed around, driven only here."""

from playwright.sync_api import Locator, Page

__all__ = ["Locator", "Page"]
