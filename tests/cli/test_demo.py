"""Demo mode, headed for real under Xvfb: captions on the page, nothing saved in a dry run."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.cli.conftest import CliResult
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual X display for headed Chromium."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (scripts/test installs it)")
    # -displayfd: Xvfb picks a free display and writes its number once it is ready.
    proc = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        number = proc.stdout.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def caption_visible(png: Path) -> bool:
    """Whether the demo caption (a dark box at the bottom centre) is in a screenshot."""
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        dark = 0
        for y in range(height - 70, height - 20, 5):
            pixel = rgb.getpixel((width // 2, y))
            assert isinstance(pixel, tuple)
            if max(pixel[:3]) < 80:
                dark += 1
        return dark >= 3


def test_dry_run_demo_is_headed_captioned_and_saves_nothing(
    display: str,
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    env = {**cli_env, "DISPLAY": display}
    result = runbook_cli(
        "run",
        str(write_runbook(split_delivery())),
        "--dry-run",
        "--demo",
        "--slow-mo",
        "20",
        "--json",
        env=env,
    )
    assert result.code == 0, result.output
    assert sim_http.get("/_sim/audit").json() == []
    folder = tmp_path / result.json()["run_dir"]
    filled = sorted(folder.glob("*-filled.png"))
    assert filled, list(folder.iterdir())
    assert all(caption_visible(p) for p in filled)


def test_plain_dry_run_has_no_caption(
    runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    result = runbook_cli("run", str(write_runbook(split_delivery())), "--dry-run", "--json")
    assert result.code == 0, result.output
    filled = sorted((tmp_path / result.json()["run_dir"]).glob("*-filled.png"))
    assert filled and not any(caption_visible(p) for p in filled)
