"""The run folder and the names of the files a run leaves in it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from runbook.outputs.folder import RunFolder, slugify

NOW = datetime(2026, 11, 27, 13, 45, 1, tzinfo=UTC)


def test_folder_is_named_by_utc_time_runbook_and_mode(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "split-delivery", "dry-run", now=NOW)

    assert folder.path == tmp_path / "20261127T134501Z-split-delivery-dry-run"
    assert folder.path.is_dir()


def test_local_time_is_converted_to_utc_and_naive_time_taken_as_utc(tmp_path: Path) -> None:
    paris = datetime(2026, 11, 27, 14, 45, 1, tzinfo=timezone(timedelta(hours=1)))
    naive = datetime(2026, 11, 27, 13, 45, 1)

    assert RunFolder.create(tmp_path / "a", "x", "drift", now=paris).name == (
        "20261127T134501Z-x-drift"
    )
    assert RunFolder.create(tmp_path / "b", "x", "drift", now=naive).name == (
        "20261127T134501Z-x-drift"
    )


def test_runbook_name_is_slugified(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "Réception: Gmail / Legacy!", "apply", now=NOW)

    assert folder.name == "20261127T134501Z-reception-gmail-legacy-apply"


def test_a_second_run_in_the_same_second_gets_its_own_folder(tmp_path: Path) -> None:
    first = RunFolder.create(tmp_path, "split-delivery", "apply", now=NOW)
    second = RunFolder.create(tmp_path, "split-delivery", "apply", now=NOW)
    third = RunFolder.create(tmp_path, "split-delivery", "apply", now=NOW)

    assert first.path != second.path != third.path
    assert second.name == "20261127T134501Z-split-delivery-apply-2"
    assert third.name == "20261127T134501Z-split-delivery-apply-3"


def test_root_is_created_when_missing(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path / "deep" / "recordings", "r", "apply", now=NOW)

    assert folder.path.parent == tmp_path / "deep" / "recordings"


def test_files_of_a_run_have_their_documented_names(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "r", "apply", now=NOW)

    assert folder.report_json == folder.path / "report.json"
    assert folder.report_html == folder.path / "report.html"
    assert folder.run_log == folder.path / "run.jsonl"
    assert folder.trace == folder.path / "trace.zip"


def test_checkpoint_is_named_nn_step_checkpoint(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "r", "apply", now=NOW)

    path = folder.checkpoint_path(1, "Add the legacy server as a mail route", "filled")

    assert path == folder.path / "01-add-the-legacy-server-as-a-mail-route-filled.png"
    assert folder.checkpoint_path(12, "Routing: Add setting", "after save").name == (
        "12-routing-add-setting-after-save.png"
    )


def test_a_retaken_checkpoint_does_not_overwrite_the_first(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "r", "apply", now=NOW)
    first = folder.checkpoint_path(3, "Add route", "failure")
    first.write_bytes(b"first")

    second = folder.checkpoint_path(3, "Add route", "failure")

    assert second.name == "03-add-route-failure-2.png"


def test_relative_paths_are_posix_and_relative_to_the_folder(tmp_path: Path) -> None:
    folder = RunFolder.create(tmp_path, "r", "apply", now=NOW)

    assert folder.relative(folder.checkpoint_path(1, "a", "b")) == "01-a-b.png"
    assert folder.relative(folder.path / "video" / "run.webm") == "video/run.webm"
    assert folder.relative(tmp_path / "elsewhere.txt") == (tmp_path / "elsewhere.txt").as_posix()


def test_slugify_never_returns_an_empty_name() -> None:
    assert slugify("!!!", default="step") == "step"
    assert slugify("Règle de routage — Split") == "regle-de-routage-split"
    assert len(slugify("x" * 500)) <= 60
