"""The console pages runbook drives: one module per page, each with its page object."""
