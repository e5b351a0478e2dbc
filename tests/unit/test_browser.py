"""Which Chromium a run launches: the headless shell for headless runs, a full one for headed."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook.console import browser


def _exe(folder: Path, name: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine whose PATH and Playwright cache hold only what a test puts there."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "ms-playwright"))
    monkeypatch.delenv("RUNBOOK_BROWSER", raising=False)
    return tmp_path


def test_headless_runs_take_the_headless_shell_and_headed_runs_the_full_browser(
    machine: Path,
) -> None:
    full = _exe(machine / "bin", "chromium")
    shell = _exe(machine / "bin", "chromium-headless-shell")
    assert browser.find_browser(headless=True) == shell
    assert browser.find_browser() == full
    assert browser.launch_args(headless=True)["executable_path"] == str(shell)
    assert browser.launch_args(headless=False)["executable_path"] == str(full)


def test_without_a_headless_shell_both_take_the_full_browser(machine: Path) -> None:
    full = _exe(machine / "bin", "chromium")
    assert browser.find_browser(headless=True) == full == browser.find_browser()


def test_a_headless_shell_alone_does_not_serve_a_headed_run(machine: Path) -> None:
    _exe(machine / "bin", "chromium-headless-shell")
    assert browser.find_browser() is None
    with pytest.raises(browser.BrowserNotFound, match="no usable Chromium"):
        browser.launch_args(headless=False)


def test_playwrights_own_headless_shell_comes_before_the_systems(machine: Path) -> None:
    _exe(machine / "bin", "chromium-headless-shell")
    revision = browser._playwright_revisions()["chromium-headless-shell"]
    folder = machine / "ms-playwright" / f"chromium_headless_shell-{revision}"
    managed = _exe(folder, "chrome-headless-shell-linux64/chrome-headless-shell")
    assert browser.find_browser(headless=True) == managed


def test_runbook_browser_names_the_browser_for_every_run(
    machine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _exe(machine / "bin", "chromium-headless-shell")
    chosen = _exe(machine / "elsewhere", "chrome")
    monkeypatch.setenv("RUNBOOK_BROWSER", str(chosen))
    assert browser.find_browser(headless=True) == chosen == browser.find_browser()
