"""The console pages' static files (stylesheet, script modules), served from memory."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from runbook.simulator.bundle import bundle

STATIC_DIR = Path(__file__).parent / "static"
SCRIPTS_DIR = "js"  # the page script's ES modules (joined when served), under STATIC_DIR
MAIN_SCRIPT = f"{SCRIPTS_DIR}/main.js"
BUNDLE = "console.js"  # what pages load: every module joined (`bundle.py`), as served live
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def script_modules(root: Path = STATIC_DIR) -> list[str]:
    """The paths (under STATIC_DIR) of all modules of the page script, for preloading."""
    return sorted(f"{SCRIPTS_DIR}/{p.name}" for p in (root / SCRIPTS_DIR).glob("*.js"))


@dataclass(frozen=True)
class _Asset:
    stamp: tuple[object, ...]  # (mtime_ns, size) of the file(s) when read
    body: bytes
    headers: dict[str, str]  # validators: ETag, Last-Modified


class Assets:
    """The files under `static/` (nested paths too), each read again only when it changes.

    Scripts are always `text/javascript`: a module script of another type does not run, and
    the platform's MIME table (which a generic file server asks) can say otherwise for `.js`.
    Pages load one script, `BUNDLE` (the modules joined, built again when one changes), as
    the real console loads its code in a few bundles, not dozens of modules; the modules stay
    served as they are. As Starlette's `StaticFiles` did: validators (ETag, Last-Modified),
    no Cache-Control.
    """

    def __init__(self, root: Path = STATIC_DIR) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, _Asset] = {}

    def asset(self, relative: str) -> _Asset | None:
        """The file at `relative` under the root (read again if it changed), or None."""
        if relative == BUNDLE:
            return self._bundle()
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or path.suffix not in MEDIA_TYPES:
            return None
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = self._cache.get(path)
            if cached is not None and cached.stamp == stamp:
                return cached
            body = path.read_bytes()
        except OSError:  # absent, a directory, unreadable
            return None
        asset = _Asset(stamp, body, _validators(body, stat.st_mtime))
        self._cache[path] = asset
        return asset

    def _bundle(self) -> _Asset:
        """Every module joined, from the main one (built again when a module changes)."""
        scripts = self.root / SCRIPTS_DIR
        stats = [(self.root / m).stat() for m in script_modules(self.root)]
        stamp = tuple((s.st_mtime_ns, s.st_size) for s in stats)
        cached = self._cache.get(scripts)
        if cached is not None and cached.stamp == stamp:
            return cached
        body = bundle(scripts, Path(MAIN_SCRIPT).name).encode()
        asset = _Asset(stamp, body, _validators(body, max(s.st_mtime for s in stats)))
        self._cache[scripts] = asset
        return asset

    async def serve(self, request: Request) -> Response:
        """The file at the request's `path` parameter; 304 when the browser has it already."""
        relative: str = request.path_params["path"]
        asset = self.asset(relative)
        if asset is None:
            return Response("Not Found", status_code=404, media_type="text/plain")
        if asset.headers["ETag"] in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=asset.headers)
        media_type = MEDIA_TYPES[Path(relative).suffix]
        return Response(asset.body, headers=asset.headers, media_type=media_type)


def _validators(body: bytes, mtime: float) -> dict[str, str]:
    return {
        "ETag": f'"{hashlib.sha256(body).hexdigest()[:16]}"',
        "Last-Modified": formatdate(mtime, usegmt=True),
    }
