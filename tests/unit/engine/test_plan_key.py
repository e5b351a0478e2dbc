"""The plan key: made once, whole, even when a fleet's tenants all ask for it at once."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from runbook.engine import saved_plan
from runbook.errors import UsageError


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv(saved_plan.KEY_ENV, raising=False)
    return tmp_path / "runbook"


def test_runs_asking_at_once_all_get_the_one_key(config: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: saved_plan.plan_key(), range(32)))
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert [p.name for p in config.iterdir()] == ["plan.key"]  # no file of a loser left
    assert stat.S_IMODE((config / "plan.key").stat().st_mode) == 0o600


def test_a_key_made_meanwhile_by_another_run_stands(config: Path) -> None:
    saved_plan._create_key(config / "plan.key")
    first = (config / "plan.key").read_text()
    saved_plan._create_key(config / "plan.key")  # as a run that found no file a moment ago
    assert (config / "plan.key").read_text() == first
    assert saved_plan.plan_key() == first.encode()


@pytest.mark.parametrize("given", ["x", "0" * 31])
def test_a_plan_key_too_short_to_keep_secrets_is_refused(
    config: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.setenv(saved_plan.KEY_ENV, given)
    with pytest.raises(UsageError, match=f"RUNBOOK_PLAN_KEY is {len(given)} bytes; .* at least 32"):
        saved_plan.plan_key()
    monkeypatch.setenv(saved_plan.KEY_ENV, "0" * 32)
    assert saved_plan.plan_key() == b"0" * 32
