"""Finding a usable Chromium (and Playwright's ffmpeg for video), in one place.

Order: `RUNBOOK_BROWSER` (a path), a Playwright-managed Chromium, a system Chromium. A
headless run prefers Chromium's headless shell where one is installed, as Playwright does: the
same engine without the browser's window, tabs and start-up pages, at about half the CPU.
`python -m runbook.console.browser --ensure` also installs one when none is found: Debian's
`chromium` (and `chromium-headless-shell`) through apt when running as root with apt, else
`playwright install chromium`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from runbook.errors import BrowserNotFound

SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SYSTEM_HEADLESS_CANDIDATES = ("chromium-headless-shell",)

# Flags that keep Chromium quiet on a closed network (no update, sync or background calls).
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
]

HOW_TO_GET_ONE = (
    "no usable Chromium found. Install one: `apt-get install chromium` (Debian/Ubuntu, as root), "
    "or `playwright install chromium`, or point RUNBOOK_BROWSER at a Chromium executable"
)


def playwright_browsers_path() -> Path:
    """Where Playwright keeps the browsers it manages."""
    configured = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if configured and configured != "0":
        return Path(configured)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "ms-playwright"


def _playwright_revisions() -> dict[str, str]:
    """Browser revisions the installed Playwright expects, from its `browsers.json`."""
    try:
        import playwright
    except ImportError:  # pragma: no cover - playwright is a core dependency
        return {}
    manifest = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    try:
        data = json.loads(manifest.read_text())
    except (OSError, ValueError):
        return {}
    return {b["name"]: str(b["revision"]) for b in data.get("browsers", [])}


def _executable(path: Path) -> Path | None:
    return path if path.is_file() and os.access(path, os.X_OK) else None


def _managed(name: str, layouts: tuple[str, ...]) -> Path | None:
    revision = _playwright_revisions().get(name)
    if not revision:
        return None
    folder = playwright_browsers_path() / f"{name.replace('-', '_')}-{revision}"
    if not folder.is_dir():
        folder = playwright_browsers_path() / f"{name}-{revision}"
    for rel in layouts:
        found = _executable(folder / rel)
        if found:
            return found
    return None


def _managed_chromium() -> Path | None:
    return _managed("chromium", ("chrome-linux64/chrome", "chrome-linux/chrome"))


def _managed_headless_shell() -> Path | None:
    return _managed(
        "chromium-headless-shell",
        (
            "chrome-headless-shell-linux64/chrome-headless-shell",
            "chrome-linux/headless_shell",
        ),
    )


def _headless_shell() -> Path | None:
    return _managed_headless_shell() or _system(SYSTEM_HEADLESS_CANDIDATES)


def _system(names: tuple[str, ...]) -> Path | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def find_browser(*, headless: bool = False) -> Path | None:
    """The Chromium to launch, or None when the machine has none.

    With `headless`, a headless shell comes first where one is installed (Playwright-managed,
    then the system's); a full Chromium does the job too when there is none. A
    Playwright-managed Chromium returns a path too: launching with an explicit path works for
    both, so callers need not care which one it is.
    """
    override = os.environ.get("RUNBOOK_BROWSER")
    if override:
        path = Path(override)
        if not _executable(path):
            raise BrowserNotFound(f"RUNBOOK_BROWSER={override} is not an executable file")
        return path
    shell = _headless_shell() if headless else None
    return shell or _managed_chromium() or _system(SYSTEM_CANDIDATES)


def require_browser(*, headless: bool = False) -> Path:
    """The Chromium to launch; a clear error when there is none."""
    found = find_browser(headless=headless)
    if found is None:
        raise BrowserNotFound(HOW_TO_GET_ONE)
    return found


def launch_args(*, headless: bool = True, slow_mo: float = 0) -> dict[str, Any]:
    """Keyword arguments for `playwright.chromium.launch`."""
    args = list(QUIET_ARGS)
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to sandbox as root
    return {
        "executable_path": str(require_browser(headless=headless)),
        "headless": headless,
        "slow_mo": slow_mo,
        "args": args,
    }


def ffmpeg_path() -> Path | None:
    """The ffmpeg Playwright uses for video, if it is where Playwright looks."""
    revision = _playwright_revisions().get("ffmpeg")
    if not revision:
        return None
    path = playwright_browsers_path() / f"ffmpeg-{revision}" / "ffmpeg-linux"
    return path if path.exists() else None


def link_system_ffmpeg() -> Path | None:
    """Link the system ffmpeg where Playwright looks for its own; the link, or None."""
    existing = ffmpeg_path()
    if existing:
        return existing
    system = shutil.which("ffmpeg")
    revision = _playwright_revisions().get("ffmpeg")
    if not system or not revision:
        return None
    target = playwright_browsers_path() / f"ffmpeg-{revision}" / "ffmpeg-linux"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(system)
    return target


def _run(cmd: list[str]) -> int:
    print("+ " + " ".join(cmd), file=sys.stderr)
    return subprocess.call(cmd)


def ensure_browser(*, with_ffmpeg: bool = True) -> Path:
    """Find a Chromium, installing one when there is none; the path to it."""
    packages = ["chromium"] if find_browser() is None else []
    if with_ffmpeg and ffmpeg_path() is None and shutil.which("ffmpeg") is None:
        packages.append("ffmpeg")
    # Optional, installed on its own: a Debian without the package still gets the rest.
    shell = [] if _headless_shell() else ["chromium-headless-shell"]
    apt = shutil.which("apt-get")
    if (packages or shell) and apt and os.geteuid() == 0 and _run([apt, "update", "-qq"]) == 0:
        for group in (packages, shell):
            if group:
                _run([apt, "install", "-y", "-qq", "--no-install-recommends", *group])
    found = find_browser()
    if found is None:
        _run([sys.executable, "-m", "playwright", "install", "chromium"])  # and its headless shell
        found = require_browser()
    if with_ffmpeg:
        link_system_ffmpeg()
    return found


def main(argv: list[str] | None = None) -> int:
    """`python -m runbook.console.browser [--ensure]`: print the browser in use."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        path = ensure_browser() if "--ensure" in argv else require_browser()
    except BrowserNotFound as exc:
        print(f"runbook: {exc}", file=sys.stderr)
        return 1
    print(path)
    shell = find_browser(headless=True)
    print(f"headless runs: {shell if shell != path else 'the same Chromium (no headless shell)'}")
    video = ffmpeg_path()
    print(f"ffmpeg for video: {video or 'missing (video recording unavailable)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
