"""Tests of the run evidence: folder, redaction, run log, reports, CI outputs."""
