"""Playwright side: browser, session, page objects and the label catalogue."""
