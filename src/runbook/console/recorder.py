"""The artifacts recorder: a run's evidence captured into its folder as the artifact policy says.

One object owns what a run records (`runbook.outputs.artifacts.ArtifactPolicy` decides it,
once per run): checkpoints, a failed step's page, the trace and the video. The capture
itself, every secret masked, is `runbook.console.evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import structlog
from playwright.sync_api import Page

from runbook.console import evidence
from runbook.console.session import BrowserSession
from runbook.outputs.artifacts import ArtifactPolicy, run_failed
from runbook.outputs.folder import RunFolder
from runbook.outputs.trace import scrub_trace
from runbook.results import Checkpoint, RunResult, StepResult
from runbook.secrets import Redactor


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
        return self.policy.records("trace")

    @property
    def trace_snapshots(self) -> bool:
        """DOM snapshots cost a walk of the whole page per browser call (35 ms each on a
        1,000-rule list): only with `--trace on`; a failed step keeps its page in any case.
        (No screencast frames at all: they cost a third of a run, and pixels cannot be
        scrubbed of secrets.)"""
        return self.policy.trace == "on"

    @property
    def video_dir(self) -> Path | None:
        return self.folder.path if self.policy.records("video") else None

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
        if not self.tracing or not self.policy.keeps("trace", failed=run_failed(result)):
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
        if not self.policy.keeps("checkpoints", failed=failed):
            for step, checkpoint in self._taken:
                (self.folder.path / checkpoint.path).unlink(missing_ok=True)
                for taken in (step.checkpoints, *(a.checkpoints for a in step.attempts)):
                    if checkpoint in taken:  # a retried step's earlier attempts hold theirs
                        taken.remove(checkpoint)
        self._taken.clear()

    def _finish_video(self, *, failed: bool) -> None:
        if not self.policy.records("video"):
            return
        videos = sorted(self.folder.path.glob("*.webm"))
        if not self.policy.keeps("video", failed=failed):
            for video in videos:
                video.unlink(missing_ok=True)
        elif videos:
            videos[-1].rename(self.folder.path / "video.webm")
