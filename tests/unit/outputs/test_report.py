"""report.json, the self-contained report.html and the end-of-run terminal summary."""

from __future__ import annotations

import base64
import copy
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from runbook.errors import ExitCode
from runbook.outputs.folder import RunFolder
from runbook.outputs.report import (
    print_terminal_summary,
    render_html,
    render_terminal_summary,
    write_reports,
)
from runbook.results import Attempt, Checkpoint, FieldChange, RunResult, StepResult
from runbook.secrets import MASK, Redactor

from .samples import (
    SECRET,
    apply_result,
    drift_actions_result,
    drift_result,
    failed_result,
    png_bytes,
    shoot,
)


class _Page(HTMLParser):
    """Collects what a browser would fetch, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.images: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "img":
            self.images.append(values.get("src") or "")
        if tag in ("script", "link", "iframe", "object", "embed", "video", "audio", "source"):
            self.fetched.append(tag)
        if tag == "img" and not (values.get("src") or "").startswith("data:"):
            self.fetched.append(values.get("src") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _visible(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(_page(html).text))


def test_both_reports_are_written_into_the_run_folder(folder: RunFolder) -> None:
    result = apply_result(folder)

    write_reports(result, folder, Redactor())

    assert folder.report_json.is_file()
    assert folder.report_html.is_file()
    document = json.loads(folder.report_json.read_text(encoding="utf-8"))
    assert document == {"format": 1, **json.loads(json.dumps(result.as_dict()))}
    assert document["counts"] == {"changed": 1, "ok": 1}


def test_html_shows_header_steps_statuses_and_before_after_values(folder: RunFolder) -> None:
    result = apply_result(folder)
    write_reports(result, folder, Redactor())

    text = _visible(folder.report_html.read_text(encoding="utf-8"))

    assert "split-delivery" in text
    assert "apply" in text
    assert "http://127.0.0.1:8765" in text
    assert "Locale en" in text
    assert "2026-11-27 13:45:01 UTC" in text
    assert "4.2 s" in text
    assert "Applied: 1 changed, 1 already as asked" in text
    assert "0 — success" in text
    for step in result.steps:
        assert step.name in text
        assert step.resource in text
    assert "changed" in text and "ok" in text
    assert "Before (console) After (runbook)" in text
    assert "server.single_host.port 25 2525" in text
    assert "require_tls false true" in text
    assert "tls_test passed" in text


def test_screenshots_are_embedded_as_data_uris(folder: RunFolder) -> None:
    result = apply_result(folder)
    write_reports(result, folder, Redactor())

    page = _page(folder.report_html.read_text(encoding="utf-8"))

    assert len(page.images) == 3
    embedded = [base64.b64decode(src.split(",", 1)[1]) for src in page.images]
    on_disk = [
        (folder.path / cp.path).read_bytes() for step in result.steps for cp in step.checkpoints
    ]
    assert embedded == on_disk
    assert all(src.startswith("data:image/png;base64,") for src in page.images)


def test_the_page_fetches_nothing_and_survives_being_moved(
    folder: RunFolder, tmp_path: Path
) -> None:
    write_reports(apply_result(folder), folder, Redactor())
    html = folder.report_html.read_text(encoding="utf-8")
    moved = tmp_path / "elsewhere.html"
    moved.write_text(html, encoding="utf-8")
    for png in folder.path.glob("*.png"):
        png.unlink()

    page = _page(moved.read_text(encoding="utf-8"))

    assert page.fetched == []
    assert "<style>" in html
    assert len(page.images) == 3  # still there: they live in the page itself


def test_no_secret_in_any_report(folder: RunFolder) -> None:
    result = apply_result(folder)
    result.console = f"https://admin:{SECRET}@admin.example.com"
    result.steps[0].changes.append(FieldChange("smtp_password", "old", SECRET))
    result.steps[0].message = f"used {SECRET} to sign in"
    result.steps[0].details["token"] = SECRET
    result.error = f"boom {SECRET}"

    write_reports(result, folder, Redactor([SECRET]))

    for path in (folder.report_json, folder.report_html):
        written = path.read_text(encoding="utf-8")
        assert SECRET not in written, path.name
        assert MASK in written
    assert SECRET in result.steps[0].message  # the result itself is not altered


def test_everything_is_html_escaped(folder: RunFolder) -> None:
    result = apply_result(folder)
    result.steps[0].name = "<script>alert('step')</script>"
    result.steps[0].changes = [FieldChange("filter", "<b>old</b>", '"new" & <i>')]
    result.runbook = "<img src=x onerror=alert(1)>"

    html = render_html(result, folder)

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;step&#x27;)&lt;/script&gt;" in html
    assert "&quot;new&quot; &amp; &lt;i&gt;" in html
    assert "<b>old</b>" in _visible(html)  # shown as text, not markup


def test_drift_report_shows_expected_live_and_ignored_with_reason(folder: RunFolder) -> None:
    result = drift_result()

    text = _visible(render_html(result, folder))

    assert "Drift detected in 1 step(s)" in text
    assert "2 — drift only" in text
    assert "Expected (runbook) Live (console)" in text
    assert "server.single_host.port 25 587" in text
    assert "require_tls true false ignored: vendor outage, ticket 42" in text
    assert "drift check (read-only)" in text


def test_failed_run_shows_the_error_the_message_and_the_trace(folder: RunFolder) -> None:
    result = failed_result()
    folder.trace.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    result.trace = folder.relative(folder.trace)
    shot = folder.checkpoint_path(1, result.steps[0].name, "failure")
    shot.write_bytes(png_bytes())
    result.steps[0].checkpoints.append(Checkpoint("failure", folder.relative(shot)))

    html = render_html(result, folder)
    text = _visible(html)

    assert "Failed at step 1: Add the legacy server as a mail route" in text
    assert "The console refused the save: Name already in use" in text
    assert "not run" in text
    assert '<a href="trace.zip">trace.zip</a>' in html
    assert "playwright show-trace trace.zip" in text
    assert "data:image/png;base64," in html


def test_a_failed_writes_changes_say_intended_not_saved_everywhere(folder: RunFolder) -> None:
    result = failed_result()
    write_reports(result, folder, Redactor())

    text = _visible(folder.report_html.read_text(encoding="utf-8"))
    plain = render_terminal_summary(result, plain=True)
    step = json.loads(folder.report_json.read_text(encoding="utf-8"))["steps"][0]

    assert "Changes — intended, not saved" in text
    assert "Before (console) Intended (runbook)" in text
    assert "After (runbook)" not in text
    assert isinstance(plain, str)
    assert "Intended, not saved:" in plain
    assert step["changes_state"] == "not_saved"
    # an applied step's changes keep their ordinary heading
    applied = _visible(render_html(apply_result(folder), folder))
    assert "intended" not in applied.lower()


def test_a_write_that_may_have_been_saved_says_so(folder: RunFolder) -> None:
    result = failed_result()
    result.steps[0].changes_state = "unconfirmed"

    text = _visible(render_html(result, folder))

    assert "intended, not confirmed saved" in text
    assert "compare with the console" in text


def test_a_retried_step_shows_each_attempt_with_its_screenshots(folder: RunFolder) -> None:
    result = apply_result(folder)
    step = result.steps[0]
    name = step.name
    first = [shoot(folder, 1, name, "filled", 1), shoot(folder, 1, name, "failure", 2)]
    second = [shoot(folder, 1, name, "filled", 3), shoot(folder, 1, name, "failure", 4)]
    step.attempts = [
        Attempt(1, "failed", "the console answered the save with an error (HTTP 500)", first),
        Attempt(2, "failed", "the console answered the save with an error (HTTP 500)", second),
        Attempt(3, "changed", "", step.checkpoints),
    ]
    write_reports(result, folder, Redactor())

    html = folder.report_html.read_text(encoding="utf-8")
    text = _visible(html)
    document = json.loads(folder.report_json.read_text(encoding="utf-8"))
    plain = render_terminal_summary(result, plain=True)

    assert "Attempt 1 of 3: failed — the console answered the save with an error (HTTP 500)" in text
    assert "Attempt 3 of 3: changed" in text
    # each attempt links its own screenshots, which are distinct files
    assert f'<a href="{first[0].path}">filled</a>' in html
    assert f'<a href="{second[0].path}">filled</a>' in html
    assert first[0].path != second[0].path
    attempts = document["steps"][0]["attempts"]
    assert [(a["n"], a["outcome"]) for a in attempts] == [
        (1, "failed"),
        (2, "failed"),
        (3, "changed"),
    ]
    assert attempts[1]["checkpoints"] == [{"name": c.name, "path": c.path} for c in second]
    assert document["steps"][1]["attempts"] == []  # tried once
    assert isinstance(plain, str)
    assert "Attempt 2 of 3: failed" in plain


def test_a_missing_screenshot_is_reported_not_fatal(folder: RunFolder) -> None:
    result = apply_result(folder)
    result.steps[1].checkpoints = [Checkpoint("list", "02-gone-list.png")]

    text = _visible(render_html(result, folder))

    assert "Screenshot not found: 02-gone-list.png" in text


def test_unmanaged_entries_are_listed(folder: RunFolder) -> None:
    result = drift_result()
    result.unmanaged = {"routes": ["Old relay"], "routing_rules": ["Archive copy"]}

    text = _visible(render_html(result, folder))

    assert "Unmanaged entries" in text
    assert "Old relay" in text and "Archive copy" in text


def test_a_run_with_no_steps_still_renders(folder: RunFolder) -> None:
    result = RunResult(
        runbook="r",
        file="r.yaml",
        mode="apply",
        console="https://admin.google.com",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        exit_code=3,
        error="sign-in required; run `runbook login` and try again",
    )

    text = _visible(render_html(result, folder))

    assert "Sign-in needed" in text
    assert "No step ran." in text


def test_plain_terminal_summary_is_a_table(folder: RunFolder) -> None:
    summary = render_terminal_summary(apply_result(folder), plain=True)

    assert isinstance(summary, str)
    lines = summary.splitlines()
    assert lines[0] == "split-delivery — apply"
    assert lines[1].split() == ["#", "Step", "Resource", "Status", "Changes"]
    row = next(line for line in lines if line.startswith("1 "))
    assert "Legacy mail server" in row
    assert "changed" in row
    assert "server.single_host.port: 25 → 2525" in row
    assert any("require_tls: false → true" in line for line in lines)
    assert lines[-1] == "Applied: 1 changed, 1 already as asked"


def test_plain_drift_summary_names_field_expected_and_live() -> None:
    summary = render_terminal_summary(drift_result(), plain=True)

    assert isinstance(summary, str)
    assert "server.single_host.port: expected 25, live 587" in summary
    assert "(ignored: vendor outage, ticket 42)" in summary
    assert "Drift detected in 1 step(s)" in summary


@pytest.mark.parametrize("mode", ["drift", "dry-run"])
def test_read_only_summaries_say_what_would_be_done(folder: RunFolder, mode: str) -> None:
    result = drift_actions_result(mode)
    plain = render_terminal_summary(result, plain=True)
    html = _visible(render_html(result, folder))

    assert isinstance(plain, str)
    for text in (plain, html):
        for action in ("would update", "would create", "would delete"):
            assert action in text, (action, text)
        assert "action: update" not in text


def test_rich_terminal_summary_renders_the_same_table(folder: RunFolder) -> None:
    renderable = render_terminal_summary(apply_result(folder), plain=False)
    console = Console(record=True, width=160, file=io.StringIO())

    console.print(renderable)

    text = console.export_text()
    assert "Add the legacy server as a mail route" in text
    assert "Legacy mail server" in text
    assert "server.single_host.port: 25 → 2525" in text
    assert "Applied: 1 changed" in text


def test_terminal_summary_is_redacted() -> None:
    result = failed_result()
    result.steps[0].message = f"bad {SECRET}"

    summary = render_terminal_summary(result, plain=True, redactor=Redactor([SECRET]))

    assert isinstance(summary, str)
    assert SECRET not in summary
    assert f"bad {MASK}" in summary


def test_print_terminal_summary_is_plain_when_not_a_tty(folder: RunFolder) -> None:
    out = io.StringIO()

    print_terminal_summary(apply_result(folder), file=out)

    assert "\x1b[" not in out.getvalue()
    assert "split-delivery — apply" in out.getvalue()


def test_dry_run_headings_say_nothing_is_saved(folder: RunFolder) -> None:
    result = RunResult(
        runbook="split-delivery",
        file="f.yaml",
        mode="dry-run",
        console="c",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        steps=[
            StepResult(
                index=1,
                name="Add route",
                kind="mail_route",
                resource="Legacy",
                status="would_change",
                action="create",
                changes=[FieldChange("name", None, "Legacy")],
            )
        ],
    )

    text = _visible(render_html(result, folder))

    assert "Plan: 1 step(s) would change, nothing was saved" in text
    assert "Now (console) Would be (runbook)" in text
    assert "name (absent) Legacy" in text


def test_footer_links_the_run_log_when_there_is_one(folder: RunFolder) -> None:
    folder.run_log.write_text('{"event": "run.started"}\n', encoding="utf-8")

    html = render_html(apply_result(folder), folder)

    assert '<a href="report.json">report.json</a>' in html
    assert '<a href="run.jsonl">run.jsonl</a>' in html


def test_both_reports_give_the_exit_code_with_its_meaning(folder: RunFolder) -> None:
    result = failed_result()
    write_reports(result, folder, Redactor())

    document = json.loads(folder.report_json.read_text(encoding="utf-8"))
    meaning = ExitCode(result.exit_code).meaning
    assert document["exit_meaning"] == meaning
    assert f"{result.exit_code} — {meaning}" in _visible(folder.report_html.read_text("utf-8"))


@pytest.mark.parametrize(
    ("browser", "shown"),
    [
        (
            {"executable": "/usr/bin/chromium", "version": "131.0.6778.85"},
            "Chromium 131.0.6778.85, local: /usr/bin/chromium",
        ),
        (
            {"endpoint": "wss://browsers.example.com/pw", "version": "131.0.6778.85"},
            "Chromium 131.0.6778.85, remote: wss://browsers.example.com/pw",
        ),
        ({"endpoint": "ws://10.0.0.5:3000/"}, "Chromium, remote: ws://10.0.0.5:3000/"),
    ],
)
def test_the_report_says_which_browser_ran(
    folder: RunFolder, browser: dict[str, str], shown: str
) -> None:
    result = apply_result(folder)
    result.browser = browser
    write_reports(result, folder, Redactor())
    assert json.loads(folder.report_json.read_text())["browser"] == browser
    assert f"<dt>Browser</dt><dd>{shown}</dd>" in folder.report_html.read_text()


def test_every_report_names_the_unit_of_a_rule_below_the_top(folder: RunFolder) -> None:
    result = apply_result(folder)
    top, rule = result.steps[1], copy.deepcopy(result.steps[1])
    top.org_unit, rule.org_unit, rule.index = "/", "/Sales/EMEA", 3
    result.steps.append(rule)
    write_reports(result, folder, Redactor())
    document = json.loads(folder.report_json.read_text(encoding="utf-8"))
    assert [s.get("org_unit") for s in document["steps"]] == [None, "/", "/Sales/EMEA"]
    html = _visible(folder.report_html.read_text(encoding="utf-8"))
    assert f"{rule.resource} (in /Sales/EMEA)" in html
    plain = render_terminal_summary(result, plain=True)
    assert isinstance(plain, str)
    [row] = [line for line in plain.splitlines() if line.startswith("3 ")]
    assert "(in /Sales/EMEA)" in row
    [row] = [line for line in plain.splitlines() if line.startswith("2 ")]
    assert "(in " not in row  # the top is the default: not named
