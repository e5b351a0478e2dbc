"""The page script's ES modules: served (nested paths, a JavaScript type), complete, packaged."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from runbook.simulator.assets import MAIN_SCRIPT, STATIC_DIR, Assets, script_modules
from runbook.simulator.pages import console_page
from runbook.simulator.server import SimulatorServer

ROOT = Path(__file__).resolve().parents[2]
IMPORT = re.compile(r'^import .* from "\./([\w-]+\.js)";$', re.MULTILINE)


@pytest.fixture
def client(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.url, timeout=10) as client:
        yield client


def test_every_module_is_served_as_javascript(client: httpx.Client) -> None:
    for module in script_modules():
        answer = client.get(f"/static/{module}")
        assert answer.status_code == 200, module
        assert answer.headers["content-type"].startswith("text/javascript"), module
        assert answer.text == (STATIC_DIR / module).read_text(encoding="utf-8")
    assert client.get("/static/console.css").headers["content-type"].startswith("text/css")


def test_a_module_the_browser_has_is_not_sent_again(client: httpx.Client) -> None:
    first = client.get(f"/static/{MAIN_SCRIPT}")
    again = client.get(f"/static/{MAIN_SCRIPT}", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["js/nothing.js", "js", "../pages.py", "js/../../app.py"])
def test_only_static_files_are_served(client: httpx.Client, path: str) -> None:
    assert client.get(f"/static/{path}").status_code == 404
    assert Assets().asset(path) is None  # also as the handler sees it (not normalized)


def test_every_import_is_a_module_of_the_page_script() -> None:
    modules = set(script_modules())
    for module in modules:
        source = (STATIC_DIR / module).read_text(encoding="utf-8")
        for imported in IMPORT.findall(source):
            assert f"js/{imported}" in modules, f"{module} imports {imported}"


def test_the_page_loads_the_main_module_and_preloads_the_others() -> None:
    html = console_page("en", "hosts")
    assert f'<script type="module" src="/static/{MAIN_SCRIPT}"></script>' in html
    for module in script_modules():
        assert f'<link rel="modulepreload" href="/static/{module}">' in html


def test_every_static_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["runbook"]
    package = STATIC_DIR.parents[1]
    packaged = {path for pattern in patterns for path in package.glob(pattern)}
    for path in STATIC_DIR.rglob("*"):
        assert path.is_dir() or path in packaged, path.relative_to(package)
