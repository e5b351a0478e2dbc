"""Per kind, its runbook field values -> the label keys of the controls that show them.

`values/<kind>.py` holds a kind's maps (`MESSAGE_KEYS`: `"inbound"` -> `"msg_inbound"`, ...),
read by its page object to fill and read its dialog and by its explainer to name the controls.
They live at the bottom, with the label keys, because both need them: the console imports
nothing of the runbook-file package, and explain loads no page module (no Playwright).
"""
