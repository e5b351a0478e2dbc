"""Run evidence: the run folder, structured log, checkpoints, trace and reports."""
