"""Fixtures for the recording tests: a clean structlog set-up and a fresh run folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from runbook.outputs.folder import RunFolder
from runbook.outputs.log import close_logging


@pytest.fixture(autouse=True)
def _reset_logging() -> Iterator[None]:
    yield
    close_logging()
    structlog.reset_defaults()


@pytest.fixture
def folder(tmp_path: Path) -> RunFolder:
    return RunFolder.create(tmp_path / "recordings", "split-delivery", "apply")
