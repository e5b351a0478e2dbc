"""The artifact policy: what a run (or a probe) records and keeps, decided once per run.

As pytest-playwright's artifacts recorder does for a test, one object decides what a run
records and whether it is kept: `on` (always), `off` (never), `retain-on-failure` (recorded,
and kept only when the run fails). The artifacts:

    checkpoints  NN-<step>-<checkpoint>.png               --screenshots on|off
    failure      a failed step's screenshot, NN-<step>-failure-dom.html and
                 NN-<step>-failure-aria.yml (what its locators were looking at)   always on
    trace        trace.zip, scrubbed of every secret        --trace on|off|retain-on-failure
    video        video.webm                                 --video (--video-allow-secrets)

The recorder that follows it, and the capture itself (masks, DOM, accessibility tree, trace),
live with the browser: `runbook.console.recorder` and `runbook.console.evidence`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from runbook.defaults import TRACE, Policy
from runbook.errors import ExitCode, UsageError
from runbook.results import RunResult

Artifact = Literal["checkpoints", "failure", "trace", "video"]


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
    trace: Policy = TRACE
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
        find_ffmpeg: Callable[[], object] | None = None,
    ) -> ArtifactPolicy:
        """The policy of a run's options; a video that would show secrets, or that cannot be
        made, is refused here, before anything starts. `find_ffmpeg` finds the ffmpeg a local
        browser records its video with (None: the browser is remote, and records it on the
        server with the server's ffmpeg; the session copies it into the run folder)."""
        if video:
            _check_video(
                has_secrets=has_secrets, allow_secrets=video_allow_secrets, find=find_ffmpeg
            )
        return cls(
            checkpoints="on" if screenshots else "off",
            trace=trace,
            video="on" if video else "off",
        )

    @classmethod
    def for_probe(cls, *, trace: Policy) -> ArtifactPolicy:
        """The policy of `runbook probe`: its trace only (failed: the walk stopped, or found
        a name missing)."""
        return cls(checkpoints="off", failure="off", trace=trace, video="off")

    def records(self, artifact: Artifact) -> bool:
        """Whether `artifact` is recorded at all (kept or not at the end)."""
        policy: Policy = getattr(self, artifact)
        return policy != "off"

    def keeps(self, artifact: Artifact, *, failed: bool) -> bool:
        """Whether `artifact`, once recorded, is kept, the run having `failed` or not."""
        policy: Policy = getattr(self, artifact)
        return keeps(policy, failed=failed)


def _check_video(
    *, has_secrets: bool, allow_secrets: bool, find: Callable[[], object] | None
) -> None:
    if has_secrets and not allow_secrets:
        raise UsageError(
            "--video would show this runbook's secrets (${env:...} values): a moving page "
            "cannot be masked reliably, as screenshots are. Drop --video, or add "
            "--video-allow-secrets to record them anyway"
        )
    if find is not None and find() is None:
        raise UsageError(
            "--video needs ffmpeg where Playwright looks for it; run "
            "`python -m runbook.console.browser --ensure` (links Debian's ffmpeg)"
        )
