"""The page script's ES modules: served (nested paths, a JavaScript type), complete, packaged."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from runbook.simulator.assets import BUNDLE, MAIN_SCRIPT, STATIC_DIR, Assets, script_modules
from runbook.simulator.bundle import BundleError, bundle
from runbook.simulator.pages import console_page
from runbook.simulator.server import SimulatorServer
from tests.clients import sim_client

ROOT = Path(__file__).resolve().parents[2]
IMPORT = re.compile(r'^import .* from "\./([\w-]+\.js)";$', re.MULTILINE)


@pytest.fixture
def client(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with sim_client(simulator.url) as client:
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


def test_the_page_loads_one_script_holding_every_module(client: httpx.Client) -> None:
    html = console_page("en", "hosts")
    assert re.findall(r"<script[^>]*src=[^>]*>", html) == [
        f'<script type="module" src="/static/{BUNDLE}">'
    ]
    answer = client.get(f"/static/{BUNDLE}")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/javascript")
    for module in script_modules():
        assert f"// {Path(module).name}\n" in answer.text, module
    assert not re.search(r"^\s*(import|export)\b", answer.text, re.MULTILINE)
    again = client.get(f"/static/{BUNDLE}", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304


def _modules(folder: Path, sources: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in sources.items():
        (folder / name).write_text(source, encoding="utf-8")
    return folder


def test_a_bundle_runs_each_module_once_after_what_it_imports(tmp_path: Path) -> None:
    scripts = _modules(
        tmp_path,
        {
            "main.js": (
                'import { a } from "./a.js";\nimport { b as bee } from "./b.js";\nlog(a, bee());\n'
            ),
            "a.js": 'import { b } from "./b.js";\nexport const a = b() + 1;\n',
            "b.js": 'log("b");\nexport function b() {\n  return 1;\n}\n',
        },
    )
    script = bundle(scripts, "main.js")
    assert [line for line in script.splitlines() if line.startswith("// ")] == [
        "// b.js",
        "// a.js",
        "// main.js",
    ]
    assert "const { b: bee } = module_b;" in script
    assert "return { a };" in script and "return { b };" in script


def test_a_module_the_bundler_cannot_join_is_named(tmp_path: Path) -> None:
    cycle = _modules(
        tmp_path / "cycle",
        {"main.js": 'import { a } from "./a.js";\n', "a.js": 'import { m } from "./main.js";\n'},
    )
    with pytest.raises(BundleError, match=r"import cycle: main.js -> a.js -> main.js"):
        bundle(cycle, "main.js")
    other = _modules(
        tmp_path / "other",
        {"main.js": "const x = 1;\nexport default x;\n"},
    )
    with pytest.raises(BundleError, match=r"main.js:2: .*export default x"):
        bundle(other, "main.js")


def test_a_changed_module_is_in_the_next_bundle(tmp_path: Path) -> None:
    root = tmp_path / "static"
    _modules(root / "js", {"main.js": 'import { a } from "./a.js";\nlog(a);\n'})
    (root / "js" / "a.js").write_text("export const a = 1;\n", encoding="utf-8")
    assets = Assets(root)
    first = assets.asset(BUNDLE)
    assert first is not None and b"const a = 1;" in first.body
    (root / "js" / "a.js").write_text("export const a = 22;\n", encoding="utf-8")
    later = assets.asset(BUNDLE)
    assert later is not None and b"const a = 22;" in later.body
    assert later.headers["ETag"] != first.headers["ETag"]


def test_every_static_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["runbook"]
    package = STATIC_DIR.parents[1]
    packaged = {path for pattern in patterns for path in package.glob(pattern)}
    for path in STATIC_DIR.rglob("*"):
        assert path.is_dir() or path in packaged, path.relative_to(package)
