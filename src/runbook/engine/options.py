"""How to run a runbook: the typed options, built from click's parameters by one function, and
every default resolved in one place (the values themselves are `runbook.defaults`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runbook import defaults
from runbook.console.remote import RemoteBrowser, remote_browser
from runbook.console.shell import Navigate
from runbook.console.signin import Credentials
from runbook.dns_records.resolver import Resolver
from runbook.errors import UsageError
from runbook.file import Runbook
from runbook.file.labels import LabelsFile, labels_for, labels_path, load_labels
from runbook.locales import Labels
from runbook.outputs.log import LogFormat
from runbook.outputs.run import Outputs
from runbook.results import Mode

SIMULATOR = "simulator"  # --console simulator: the embedded simulator

# Starts the embedded simulator with its state in a folder: its URL and its user's sign-in.
# The command line hands one over (only it may start the simulator); None: `--console
# simulator` is refused.
EmbeddedSimulator = Callable[[Path], AbstractContextManager[tuple[str, Credentials]]]


@dataclass(frozen=True)
class RunOptions:
    """How to run a runbook, as the CLI gives it (None: the default, see `settle`)."""

    mode: Mode = "apply"
    console_url: str | None = None
    locale: str | None = None
    labels: str | None = None  # --labels FILE (else the runbook's console.labels)
    headed: bool = False
    slow_mo: int | None = None
    recordings: str = defaults.RECORDINGS
    profile: str = defaults.PROFILE
    min_session: int = defaults.MIN_SESSION_MIN  # minutes of the session's hour a run needs
    trace: defaults.Policy = defaults.TRACE
    screenshots: bool = defaults.SCREENSHOTS == "on"
    navigate: Navigate | None = None
    timeout: int | None = None
    retries: int | None = None
    demo: bool = False
    video: bool = False
    video_allow_secrets: bool = False
    as_json: bool = False
    verbose: bool = False
    log_format: LogFormat = "text"
    show_unmanaged: bool = False
    junit: str | None = None
    state_dir: str = defaults.STATE_DIR
    outputs: Outputs | None = None  # several runs: collect --json and JUnit here, not print
    browser: RemoteBrowser | None = None  # --browser-endpoint: connect, do not launch
    label: str | None = None  # the run folder's last word when it is not the mode (`export`)
    run_dir: str | None = None  # this exact run folder (a fleet's tenant), not a new one
    # A fleet's tenant: one tab, no look-ahead. A fleet is sized by CPU-seconds per tenant
    # (tenants/min ≈ 60 × cores ÷ them), and the second tab's renderer costs CPU (8 tenants,
    # 1 worker: 1.28 against 1.54 CPU-s each). A single run keeps it: with the console's
    # requests at 0.8-1.2 s it hides, an apply is 14 % faster with it.
    one_tab: bool = False
    simulator: EmbeddedSimulator | None = None  # what starts `--console simulator`
    dns_resolver: str | None = None  # --dns-resolver HOST[:PORT] (else the system's)
    wait_dns: float | None = None  # --wait-dns SECONDS: wait for DNS before giving up a start
    records: str | None = None  # --records FILE: the DNS records to publish, BIND or JSON

    @classmethod
    def from_cli(cls, *, mode: Mode, **params: Any) -> RunOptions:
        """The options of a console run from click's parameters, by their names: the one
        place they are built. A parameter that is no run option is a TypeError (a command
        passes only its run options), never dropped."""
        screenshots = params.pop("screenshots", defaults.SCREENSHOTS)
        browser = remote_browser(
            params.pop("browser_endpoint", None),
            params.pop("browser_headers", ()),
            params.pop("browser_launch_options", None),
        )
        fields = set(cls.__dataclass_fields__) - {"mode", "browser", "screenshots"}
        unknown = sorted(set(params) - fields)
        if unknown:
            raise TypeError(f"not run options: {', '.join(unknown)}")
        return cls(mode=mode, screenshots=screenshots != "off", browser=browser, **params)

    def settle(self, book: Runbook) -> Settings:
        """The options of a run of `book`, each default resolved: the one place they are."""
        demo = self.demo
        slow_mo = defaults.DEMO_SLOW_MO_MS if demo else 0
        labels = labels_for(self.locale or book.console.locale, self.labels_file(book))
        return Settings(
            target=self.console_url or book.console.url or defaults.CONSOLE,
            locale=labels.locale,
            labels=labels,
            headed=self.headed or demo,
            slow_mo=self.slow_mo if self.slow_mo is not None else slow_mo,
            navigate=self.navigate or ("click" if demo else "url"),
            timeout_ms=self.timeout or defaults.TIMEOUT_MS,
            retries=defaults.RETRIES if self.retries is None else self.retries,
            # One tab for demos and videos (a person watches it), a fleet's tenants, and for
            # a single step.
            look_ahead=not (demo or self.video or self.headed or self.one_tab)
            and len(book.steps) > 1,
            dns_resolver=self.resolver(),
            wait_dns_s=self.wait_dns or 0.0,
        )

    def resolver(self) -> Resolver:
        """The DNS resolver of `--dns-resolver` (a usage error when it is no address), else
        the system's."""
        if self.dns_resolver is None:
            return Resolver.system()
        try:
            return Resolver.parse(self.dns_resolver)
        except ValueError as exc:
            raise UsageError(f"--dns-resolver {self.dns_resolver}: {exc}") from None

    def labels_file(self, book: Runbook) -> LabelsFile | None:
        """The labels file of a run of `book`: `--labels`, else the runbook's, else none."""
        if self.labels is not None:
            return load_labels(Path(self.labels))
        if book.console.labels is not None and book.source:
            return load_labels(labels_path(book.source, book.console.labels))
        return None


def embedded(options: RunOptions) -> AbstractContextManager[tuple[str, Credentials]]:
    """The embedded simulator of `--console simulator`, with its state in `--state-dir`: its
    URL and sign-in (a usage error when the command line handed no way to start it)."""
    if options.simulator is None:
        raise UsageError("--console simulator: only the runbook command starts the simulator")
    return options.simulator(Path(options.state_dir).resolve())


@dataclass(frozen=True)
class Settings:
    """What `RunOptions.settle` resolved for one runbook: nothing is left to default."""

    target: str  # a console URL, or SIMULATOR
    locale: str  # validated: an unknown locale is a usage error, never English
    labels: Labels  # the catalogue of that locale, a labels file's names first
    headed: bool
    slow_mo: int
    navigate: Navigate
    timeout_ms: int
    retries: int
    look_ahead: bool
    dns_resolver: Resolver
    wait_dns_s: float
