"""Every default of a console run's options, in one place: click's `default=` and `RunOptions`.

The bottom layer: the command line, the engine, the fleet and the console read these names and
write none of the values themselves.
"""

from __future__ import annotations

from typing import Final, Literal

from runbook.locales import DEFAULT_LOCALE

CONSOLE: Final = "https://admin.google.com"  # the console a runbook without a URL is for
LOCALE: Final = DEFAULT_LOCALE  # when neither the runbook nor the command line names one
PROFILE: Final = "default"  # the saved console session (`runbook login --profile`)
RECORDINGS: Final = "recordings"  # where run folders are made
STATE_DIR: Final = ".runbook"  # the embedded simulator's state
# How an artifact (checkpoints, a failed step's evidence, the trace, the video) is kept.
Policy = Literal["on", "off", "retain-on-failure"]
TRACE: Final[Policy] = "retain-on-failure"
SCREENSHOTS: Final[Literal["on", "off"]] = "on"
MIN_SESSION_MIN: Final = 5  # minutes of the saved session's hour a run needs
TIMEOUT_MS: Final = 15_000  # how long to wait for a page element
RETRIES: Final = 3  # retries of a transient failure
DEMO_SLOW_MO_MS: Final = 400  # --demo slows every browser action this much
