"""The artifacts recorder: a run's evidence, one policy per artifact, decided once per run.

As pytest-playwright's artifacts recorder does for a test, one object owns what a run records
and whether it is kept: `on` (always), `off` (never), `retain-on-failure` (recorded, and kept
only when the run fails). The artifacts:

    checkpoints  NN-<step>-<checkpoint>.png               --screenshots on|off
    failure      a failed step's screenshot, NN-<step>-failure-dom.html and
                 NN-<step>-failure-aria.yml (what its locators were looking at)   always on
    trace        trace.zip, scrubbed of every secret        --trace on|off|retain-on-failure
    video        video.webm                                 --video (--video-allow-secrets)

The capture itself (masks, DOM, accessibility tree, trace) is done by `runbook.console.evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import structlog

from runbook.console import evidence
from runbook.console.browser import ffmpeg_path
from runbook.errors import ExitCode, UsageError
from runbook.outputs.folder import RunFolder
from runbook.outputs.trace import scrub_trace
from runbook.results import Checkpoint, RunResult, StepResult
from runbook.secrets import Redactor

if TYPE_CHECKING:
    from runbook.console.evidence import BrowserSession, Page

Policy = Literal["on", "off", "retain-on-failure"]


def keeps(policy: Policy, *, failed: bool) -> bool:
    """Whether an artifact recorded under `policy` is kept, the run having `failed` or not."""
    return policy == "on" or (policy == "retain-on-failure" and failed)


def run_failed(result: RunResult) -> bool:
    """A run fails when it exits non-zero, or when a step failed (continue_on_error)."""
    return result.exit_code != ExitCode.OK or any(s.status == "failed" for s in result.steps)


@dataclass(frozen=True)
class ArtifactPolicy:
    """What a run records: one policy per artifact."""

    checkpoints: Policy = "on"
    failure: Policy = "on"
    trace: Policy = "retain-on-failure"
    video: Policy = "off"

    @classmethod
    def for_run(
        cls,
        *,
        screenshots: bool,
        trace: Policy,
        video: bool,
        video_allow_secrets: bool = False,
        has_secrets: bool = False,
        remote: bool = False,
    ) -> ArtifactPolicy:
        """The policy of a run's options; a video that would show secrets, or that cannot be
        made, is refused here, before anything starts. A remote browser records its video on
        the server (with the server's ffmpeg); the session copies it into the run folder."""
        if video:
            _check_video(
                has_secrets=has_secrets, allow_secrets=video_allow_secrets, local=not remote
            )
        return cls(
            checkpoints="on" if screenshots else "off",
            trace=trace,
            video="on" if video else "off",
        )


def _check_video(*, has_secrets: bool, allow_secrets: bool, local: bool) -> None:
    if has_secrets and not allow_secrets:
        raise UsageError(
            "--video would show this runbook's secrets (${env:...} values): a moving page "
            "cannot be masked reliably, as screenshots are. Drop --video, or add "
            "--video-allow-secrets to record them anyway"
        )
    if local and ffmpeg_path() is None:
        raise UsageError(
            "--video needs ffmpeg where Playwright looks for it; run "
            "`python -m runbook.console.browser --ensure` (links Debian's ffmpeg)"
        )


@dataclass
class ArtifactsRecorder:
    """Records a run's evidence into its folder as `policy` says; secrets never in it."""

    folder: RunFolder
    policy: ArtifactPolicy
    redactor: Redactor
    # Values to paint over in screenshots (the runbook's ${env:...} values).
    masked: frozenset[str] = frozenset()
    # Checkpoints taken, to drop when their policy keeps them only on failure.
    _taken: list[tuple[StepResult, Checkpoint]] = field(default_factory=list)

    # -- what the browser session does, decided once ----------------------------------------

    @property
    def tracing(self) -> bool:
        return self.policy.trace != "off"

    @property
    def trace_snapshots(self) -> bool:
        """DOM snapshots cost a walk of the whole page per browser call (35 ms each on a
        1,000-rule list): only with `--trace on`; a failed step keeps its page in any case.
        (No screencast frames at all: they cost a third of a run, and pixels cannot be
        scrubbed of secrets.)"""
        return self.policy.trace == "on"

    @property
    def video_dir(self) -> Path | None:
        return self.folder.path if self.policy.video != "off" else None

    # -- during the run --------------------------------------------------------------------

    def checkpoint(
        self, page: Page, result: StepResult, name: str, *, failure: bool = False
    ) -> None:
        """Screenshot the page as checkpoint `name` of the step, every secret it shows masked.

        `failure`: evidence of the step failing (the failure policy), not a checkpoint.
        """
        policy = self.policy.failure if failure else self.policy.checkpoints
        if policy == "off" or not evidence.page_open(page):
            return
        path = self.folder.checkpoint_path(result.index, result.name, name)
        parts = evidence.screenshot(page, path, self.masked)
        for n, part in enumerate(parts, start=1):
            shown = name if len(parts) == 1 else f"{name} ({n} of {len(parts)})"
            checkpoint = Checkpoint(name=shown, path=self.folder.relative(part))
            result.checkpoints.append(checkpoint)
            if not failure:
                self._taken.append((result, checkpoint))

    def save_page(self, page: Page, result: StepResult, name: str) -> None:
        """Keep the page's DOM and accessibility tree beside checkpoint `name` (secrets out).

        What a failed step's locators were looking at: enough to fix a role or a name.
        """
        if self.policy.failure == "off" or not evidence.page_open(page):
            return
        path = self.folder.checkpoint_path
        html = path(result.index, result.name, f"{name}-dom").with_suffix(".html")
        aria = path(result.index, result.name, f"{name}-aria").with_suffix(".yml")
        html.write_text(self.redactor.text(evidence.page_dom(page)), encoding="utf-8")
        aria.write_text(self.redactor.text(evidence.accessibility_tree(page)), encoding="utf-8")
        result.details["page_html"] = self.folder.relative(html)
        result.details["accessibility_tree"] = self.folder.relative(aria)

    # -- at the end --------------------------------------------------------------------------

    def browser_closing(self, session: BrowserSession, result: RunResult) -> None:
        """Before the browser closes: keep the trace, scrubbed, when the policy says so
        (a trace not kept is discarded by the session as it closes, never written)."""
        if not self.tracing or not keeps(self.policy.trace, failed=run_failed(result)):
            return
        lost = evidence.save_trace(session, self.folder.trace, self.redactor.add)
        if lost is not None:
            structlog.get_logger("runbook").warning("run.trace_lost", reason=lost)
            return
        scrub_trace(self.folder.trace, self.redactor)
        result.trace = self.folder.relative(self.folder.trace)

    def finish(self, result: RunResult) -> None:
        """After the browser closed (the video is written): keep or drop what the policy says."""
        failed = run_failed(result)
        self._finish_video(failed=failed)
        if not keeps(self.policy.checkpoints, failed=failed):
            for step, checkpoint in self._taken:
                (self.folder.path / checkpoint.path).unlink(missing_ok=True)
                step.checkpoints.remove(checkpoint)
        self._taken.clear()

    def _finish_video(self, *, failed: bool) -> None:
        if self.policy.video == "off":
            return
        videos = sorted(self.folder.path.glob("*.webm"))
        if not keeps(self.policy.video, failed=failed):
            for video in videos:
                video.unlink(missing_ok=True)
        elif videos:
            videos[-1].rename(self.folder.path / "video.webm")
