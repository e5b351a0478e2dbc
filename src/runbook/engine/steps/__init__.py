"""One module per step type; `runbook.engine.registry` lists them."""
