"""A run's options get their defaults in one place: from the CLI, then the runbook, then ours."""

from __future__ import annotations

import pytest

from runbook.defaults import CONSOLE as DEFAULT_CONSOLE
from runbook.defaults import DEMO_SLOW_MO_MS
from runbook.defaults import RETRIES as DEFAULT_RETRIES
from runbook.defaults import TIMEOUT_MS as DEFAULT_TIMEOUT_MS
from runbook.engine.options import RunOptions, embedded
from runbook.errors import UsageError
from runbook.file import load_text

BOOK = """\
version: 1
name: options
console: {locale: fr}
steps:
  - mail_route: {name: A, server: {single_host: {host: a.example.com, port: 25}}}
  - mail_route: {name: B, server: {single_host: {host: b.example.com, port: 25}}}
"""


def test_unset_options_take_the_runbook_s_then_the_tool_s_defaults() -> None:
    settings = RunOptions().settle(load_text(BOOK))
    assert settings.target == DEFAULT_CONSOLE
    assert settings.locale == "fr"
    assert (settings.headed, settings.slow_mo, settings.navigate) == (False, 0, "url")
    assert (settings.timeout_ms, settings.retries) == (DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES)
    assert settings.look_ahead


def test_given_options_win_and_zero_retries_stays_zero() -> None:
    options = RunOptions(console_url="simulator", locale="en", retries=0, timeout=500)
    settings = options.settle(load_text(BOOK))
    assert (settings.target, settings.locale) == ("simulator", "en")
    assert (settings.retries, settings.timeout_ms) == (0, 500)


def test_a_demo_is_headed_slowed_clicked_through_in_one_tab() -> None:
    demo = RunOptions(demo=True).settle(load_text(BOOK))
    assert (demo.headed, demo.slow_mo, demo.navigate) == (True, DEMO_SLOW_MO_MS, "click")
    assert not demo.look_ahead
    assert RunOptions(demo=True, slow_mo=0, navigate="url").settle(load_text(BOOK)).slow_mo == 0


def test_a_single_step_or_a_video_uses_one_tab() -> None:
    one = load_text(BOOK.rsplit("  - mail_route", 1)[0])
    assert not RunOptions().settle(one).look_ahead
    assert not RunOptions(video=True).settle(load_text(BOOK)).look_ahead


def test_a_parameter_that_is_no_run_option_is_an_error_not_dropped() -> None:
    with pytest.raises(TypeError, match="not run options: colour"):
        RunOptions.from_cli(mode="apply", colour="blue")


def test_the_run_command_defaults_are_the_options_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from runbook.cli.common import NOT_RUN_OPTIONS
    from runbook.cli.runs import run

    monkeypatch.delenv("RUNBOOK_BROWSER_ENDPOINT", raising=False)
    params = run.make_context("run", ["book.yaml"]).params
    params = {k: v for k, v in params.items() if k not in (*NOT_RUN_OPTIONS, "file", "dry_run")}

    assert RunOptions.from_cli(mode="apply", **params) == RunOptions()


def test_the_embedded_simulator_is_started_only_when_the_command_line_hands_it_over() -> None:
    with pytest.raises(UsageError, match="only the runbook command starts the simulator"):
        embedded(RunOptions(console_url="simulator"))


def test_a_fleet_s_tenant_uses_one_tab() -> None:
    assert RunOptions().settle(load_text(BOOK)).look_ahead
    assert not RunOptions(one_tab=True).settle(load_text(BOOK)).look_ahead
