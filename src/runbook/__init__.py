"""runbook: execute admin-console runbooks in a real browser."""
