"""Playwright's fence: page objects, the browser session and evidence capture, one module each.

Import each name from the module that holds it (`runbook.console.shell`, `.signin`, ...):
there is no face to keep in step with them. Playwright is imported by the modules that drive
the browser and by no module outside this package (`tests/unit/test_layers.py`); `places.py`
is pure data, so `explain` and `validate` read it without starting Playwright
(`tests/unit/test_file_imports.py`).
"""
