"""Steps, their registry, the run context and the runner (apply, dry-run, drift)."""
