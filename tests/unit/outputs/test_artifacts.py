"""The artifacts recorder: one policy per artifact (on | off | retain-on-failure), no browser."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from runbook.console.recorder import ArtifactsRecorder
from runbook.defaults import Policy
from runbook.errors import UsageError
from runbook.outputs.artifacts import ArtifactPolicy, keeps
from runbook.outputs.folder import RunFolder
from runbook.results import RunResult, StepResult
from runbook.secrets import MASK, Redactor

from .samples import SECRET


class _Body:
    def aria_snapshot(self) -> str:
        return f'- textbox "Password": {SECRET}'


class FakePage:
    """The few page calls evidence capture makes."""

    def __init__(self) -> None:
        self.closed = False
        self.shots: list[str] = []

    def is_closed(self) -> bool:
        return self.closed

    def screenshot(self, *, path: str, **options: Any) -> None:
        Path(path).write_bytes(b"\x89PNG")
        self.shots.append(Path(path).name)

    def content(self) -> str:
        return f"<html><body><input value='{SECRET}'></body></html>"

    def locator(self, selector: str) -> _Body:
        return _Body()

    def get_by_role(self, role: str, **options: Any) -> _NoneShown:
        return _NoneShown()  # no dialog open, no text field


class _NoneShown:
    def count(self) -> int:
        return 0

    def all(self) -> list[Any]:
        return []


class FakeSession:
    def __init__(self) -> None:
        self.saved: list[Path] = []

    def cookie_values(self) -> list[str]:
        return ["cookie-value-123456"]

    def save_trace(self, path: Path) -> None:
        with zipfile.ZipFile(path, "w") as trace:
            trace.writestr("trace.trace", "cookie-value-123456 and more")
        self.saved.append(path)


def _step() -> StepResult:
    return StepResult(index=1, name="Add route", kind="mail_route", resource="r", status="ok")


def _result(*, failed: bool) -> RunResult:
    step = _step()
    step.status = "failed" if failed else "ok"
    return RunResult(
        runbook="r",
        file="r.yaml",
        mode="apply",
        console="http://127.0.0.1:8765",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        steps=[step],
        exit_code=1 if failed else 0,
    )


def _recorder(folder: RunFolder, **policy: Any) -> ArtifactsRecorder:
    return ArtifactsRecorder(folder, ArtifactPolicy(**policy), Redactor([SECRET]))


@pytest.mark.parametrize(
    ("policy", "ok", "failed"),
    [("on", True, True), ("off", False, False), ("retain-on-failure", False, True)],
)
def test_a_policy_keeps_an_artifact_always_never_or_on_failure(
    policy: Policy, ok: bool, failed: bool
) -> None:
    assert keeps(policy, failed=False) is ok
    assert keeps(policy, failed=True) is failed


def test_the_run_options_decide_the_policy_once() -> None:
    policy = ArtifactPolicy.for_run(screenshots=False, trace="on", video=False)

    assert policy == ArtifactPolicy(checkpoints="off", failure="on", trace="on", video="off")


def test_a_video_that_would_show_secrets_is_refused_before_anything_starts() -> None:
    with pytest.raises(UsageError, match="--video-allow-secrets"):
        ArtifactPolicy.for_run(screenshots=True, trace="off", video=True, has_secrets=True)


def test_a_video_without_ffmpeg_is_refused() -> None:
    with pytest.raises(UsageError, match="ffmpeg"):
        ArtifactPolicy.for_run(screenshots=True, trace="off", video=True, find_ffmpeg=lambda: None)


def test_checkpoints_off_still_keeps_the_evidence_of_a_failure(folder: RunFolder) -> None:
    recorder, page, step = _recorder(folder, checkpoints="off"), FakePage(), _step()

    recorder.checkpoint(page, step, "filled")
    recorder.checkpoint(page, step, "failure", failure=True)

    assert page.shots == ["01-add-route-failure.png"]
    assert [c.path for c in step.checkpoints] == ["01-add-route-failure.png"]


def test_a_closed_page_is_not_captured(folder: RunFolder) -> None:
    recorder, page, step = _recorder(folder), FakePage(), _step()
    page.closed = True

    recorder.checkpoint(page, step, "failure", failure=True)
    recorder.save_page(page, step, "failure")

    assert page.shots == [] and step.checkpoints == [] and step.details == {}


def test_a_failed_steps_page_is_kept_as_dom_and_aria_without_secrets(folder: RunFolder) -> None:
    recorder, step = _recorder(folder), _step()

    recorder.save_page(FakePage(), step, "failure")

    assert step.details == {
        "page_html": "01-add-route-failure-dom.html",
        "accessibility_tree": "01-add-route-failure-aria.yml",
    }
    for name in step.details.values():
        text = (folder.path / name).read_text(encoding="utf-8")
        assert SECRET not in text and MASK in text


@pytest.mark.parametrize("failed", [False, True])
def test_checkpoints_retained_on_failure_are_dropped_from_a_run_that_passed(
    folder: RunFolder, failed: bool
) -> None:
    recorder, result = _recorder(folder, checkpoints="retain-on-failure"), _result(failed=failed)
    recorder.checkpoint(FakePage(), result.steps[0], "filled")

    recorder.finish(result)

    assert bool(result.steps[0].checkpoints) is failed
    assert (folder.path / "01-add-route-filled.png").exists() is failed


@pytest.mark.parametrize(
    ("policy", "failed", "kept"),
    [("retain-on-failure", False, False), ("retain-on-failure", True, True), ("on", False, True)],
)
def test_the_trace_is_kept_scrubbed_as_its_policy_says(
    folder: RunFolder, policy: Policy, failed: bool, kept: bool
) -> None:
    recorder, session, result = (
        _recorder(folder, trace=policy),
        FakeSession(),
        _result(failed=failed),
    )

    recorder.browser_closing(session, result)

    assert bool(session.saved) is kept
    assert result.trace == ("trace.zip" if kept else "")
    if kept:
        with zipfile.ZipFile(folder.trace) as trace:
            assert b"cookie-value-123456" not in trace.read("trace.trace")


def test_no_trace_is_started_when_off_and_dom_snapshots_only_when_on(folder: RunFolder) -> None:
    assert not _recorder(folder, trace="off").tracing
    assert not _recorder(folder, trace="retain-on-failure").trace_snapshots
    assert _recorder(folder, trace="on").trace_snapshots


@pytest.mark.parametrize(("policy", "kept"), [("on", True), ("retain-on-failure", False)])
def test_the_video_is_named_video_webm_or_dropped(
    folder: RunFolder, policy: Policy, kept: bool
) -> None:
    recorder = _recorder(folder, video=policy)
    assert recorder.video_dir == folder.path
    (folder.path / "0a1b2c.webm").write_bytes(b"\x1a\x45\xdf\xa3")

    recorder.finish(_result(failed=False))

    assert (folder.path / "video.webm").exists() is kept
    assert list(folder.path.glob("*.webm")) == ([folder.path / "video.webm"] if kept else [])
