"""Demo mode, headed for real under Xvfb: captions on the page, nothing saved in a dry run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
from PIL import Image
from playwright.sync_api import FloatRect, Locator, Page, expect

from runbook.console.demo import Demo
from tests.cli.conftest import CliResult
from tests.samples import split_delivery
from tests.simulator.ui import EN, HOSTS, goto_list, saved_toast

Run = Callable[..., CliResult]
Write = Callable[..., Path]


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
    folder = tmp_path / result.run()["run_dir"]
    filled = sorted(folder.glob("*-filled.png"))
    assert filled, list(folder.iterdir())
    assert all(caption_visible(p) for p in filled)


def test_plain_dry_run_has_no_caption(
    runbook_cli: Run, write_runbook: Write, tmp_path: Path
) -> None:
    result = runbook_cli("run", str(write_runbook(split_delivery())), "--dry-run", "--json")
    assert result.code == 0, result.output
    filled = sorted((tmp_path / result.run()["run_dir"]).glob("*-filled.png"))
    assert filled and not any(caption_visible(p) for p in filled)


def box(locator: Locator) -> FloatRect:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def overlap(a: FloatRect, b: FloatRect) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_caption_keeps_clear_of_the_highlighted_button_and_the_saved_toast(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 640})
    demo = Demo(page, total=2)
    goto_list(page, HOSTS)
    page.get_by_role("button", name=EN.name("add_route")).click()
    dialog = page.get_by_role("dialog", name=EN.name("route_dialog"))
    dialog.get_by_role("textbox", name=EN.name("route_name"), exact=True).fill("Legacy mail server")
    dialog.get_by_role("textbox", name=EN.name("host"), exact=True).fill("mail.legacy.example.com")
    save = dialog.get_by_role("button", name=EN.name("save"), exact=True)
    demo.announce("Step 1 of 2 — Add the legacy server as a mail route")
    demo.announce("Save route 'Legacy mail server' and wait for the console to confirm", save)
    caption = page.get_by_text("Save route 'Legacy mail server'")
    expect(caption).to_be_visible()

    assert not overlap(box(caption), box(save))
    save.click()
    toast = saved_toast(page)
    expect(toast).to_be_visible()
    assert not overlap(box(caption), box(toast))
