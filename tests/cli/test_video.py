"""`--video` records the run with Playwright, using the ffmpeg the set-up linked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from runbook.console.browser import ffmpeg_path
from tests.cli.conftest import CliResult
from tests.samples import split_delivery


@pytest.mark.skipif(ffmpeg_path() is None, reason="no ffmpeg where Playwright looks for it")
def test_video_of_a_dry_run_is_in_the_run_folder(
    runbook_cli: Callable[..., CliResult], write_runbook: Callable[..., Path], tmp_path: Path
) -> None:
    result = runbook_cli(
        "run", str(write_runbook(split_delivery())), "--dry-run", "--video", "--json"
    )
    assert result.code == 0, result.output
    video = tmp_path / result.run()["run_dir"] / "video.webm"
    assert video.is_file()
    assert video.read_bytes()[:4] == b"\x1a\x45\xdf\xa3"  # WebM (Matroska) signature
