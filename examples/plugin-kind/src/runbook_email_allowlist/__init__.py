"""The `email_allowlist` kind: Gmail's Email allowlist (Spam, phishing and malware), typed.

A runbook kind from another package: `model.py` (`KIND`), `step.py` (`STEP_TYPE`) and
`explain.py` (`EXPLAINER`), found through the entry point `email_allowlist` of the group
`runbook.kinds`. It is the generic `form` step with its page, section and control written here.
"""
