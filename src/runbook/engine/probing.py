"""`runbook probe`'s run: which pages, which console and catalogue, one browser, the report."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from runbook import defaults
from runbook.console.hazards import Hazards
from runbook.console.places import PAGES
from runbook.console.probe import Capture, Prober, ProbeReport
from runbook.console.probe_forms import FormToProbe, Named, probe_forms
from runbook.console.session import BrowserSession, SessionOptions
from runbook.console.shell import ConsoleShell
from runbook.console.signin import (
    Credentials,
    check_session_target,
    password_from_env,
    profile_path,
)
from runbook.engine.options import SIMULATOR, RunOptions, embedded
from runbook.errors import ExitCode
from runbook.file import Runbook
from runbook.file.form import Form, Name, name_in, names_in
from runbook.file.kinds import KINDS
from runbook.file.labels import labels_for, labels_path, load_labels
from runbook.locales import Labels
from runbook.outputs.artifacts import ArtifactPolicy
from runbook.outputs.documents import document
from runbook.outputs.folder import RunFolder
from runbook.outputs.trace import scrub_trace
from runbook.secrets import Redactor
from runbook.session_age import session_check
from runbook.target import console_url


def pages_of(books: list[Runbook]) -> list[str]:
    """The registered pages the runbooks' steps work on, in the registry's order (all of them
    when no runbook is given)."""
    used = {KINDS[step.kind].page for book in books for step in book.steps}
    return [name for name in PAGES if not books or name in used]


def forms_of(books: list[Runbook], labels: Labels) -> list[FormToProbe]:
    """What the runbooks' `form` steps name (a kind from a package built on them included), in
    the run's language, a labels file's names first."""

    def named(name: Name | None) -> Named | None:
        if name is None:
            return None
        return Named(name_in(name, labels.locale), names_in(name, labels))

    return [
        FormToProbe(
            name=form.name,
            path=form.page.path,
            section=named(form.section),
            opened=named(form.open),
            save=named(form.save) if form.saves else None,
            saves=form.saves,
            controls=[
                (c.role, Named(name_in(c.name, labels.locale), names_in(c.name, labels)))
                for c in form.controls
            ],
        )
        for book in books
        for form in (step.resource for step in book.steps)
        if isinstance(form, Form)
    ]


def probe_labels(books: list[Runbook], options: RunOptions) -> Labels:
    """The catalogue to probe with: `--labels`, else the first runbook's, on top of the locale's."""
    first = books[0] if books else None
    locale = options.locale or (first.console.locale if first else defaults.LOCALE)
    if options.labels is not None:
        return labels_for(locale, load_labels(Path(options.labels)))
    if first is not None and first.console.labels is not None and first.source:
        return labels_for(locale, load_labels(labels_path(first.source, first.console.labels)))
    return labels_for(locale, None)


def probe(books: list[Runbook], options: RunOptions, capture: Capture | None = None) -> ProbeReport:
    """Walk the console read-only for what `books` use; the report (raises SignInRequired)."""
    labels = probe_labels(books, options)
    target = options.console_url or (books[0].console.url if books else None) or defaults.CONSOLE
    policy = ArtifactPolicy.for_probe(trace=options.trace)
    with _console(target, options) as (url, creds):
        session_options = SessionOptions(
            headed=options.headed,
            storage_state=None if creds is not None else profile_path(options.profile),
            timeout_ms=options.timeout or defaults.TIMEOUT_MS,
            locale=labels.browser_locale,
            console=url,
            trace=policy.records("trace"),
            remote=options.browser,
        )
        # A "Verify it's you" on the way is answered as a run answers it (RUNBOOK_PASSWORD).
        password = creds.password if creds is not None else password_from_env()
        with BrowserSession(session_options) as session:
            assert session.page is not None
            hazards = Hazards(labels, password=password)
            shell = ConsoleShell(session.page, labels, url, hazards=hazards)
            if creds is None:  # a saved session: enough of its hour left, and this console's
                shell.on_console_time = session_check(
                    profile_path(options.profile), options.profile, url, options.min_session
                )
            report = None
            try:
                if creds is not None:
                    shell.sign_in(creds)
                report = Prober(shell, labels, capture).probe(
                    pages_of(books),
                    then=lambda prober: probe_forms(prober, forms_of(books, labels)),
                )
            finally:
                trace = _keep_trace(session, options, policy, report, password)
            if trace is not None:
                report.trace = str(trace)
            return report


def _keep_trace(
    session: BrowserSession,
    options: RunOptions,
    policy: ArtifactPolicy,
    report: ProbeReport | None,
    password: str | None,
) -> Path | None:
    """Save the probe's trace as its policy says (failed: the walk stopped, or found one
    missing), its session cookies and the password scrubbed; where it is."""
    failed = report is None or bool(report.missing)
    if not policy.records("trace") or not policy.keeps("trace", failed=failed):
        return None
    folder = (
        RunFolder.at(Path(options.run_dir))
        if options.run_dir
        else RunFolder.create(Path(options.recordings), "console", "probe")
    )
    redactor = Redactor([*session.cookie_values(), *([password] if password else [])])
    session.save_trace(folder.trace)
    scrub_trace(folder.trace, redactor)
    return folder.trace


def exit_code(report: ProbeReport) -> int:
    """0 when every key was found; 4 when one is missing (or the dialog is redesigned)."""
    return ExitCode.CONSOLE_CHANGED if report.missing or report.redesign else ExitCode.OK


def probe_document(report: ProbeReport) -> dict[str, Any]:
    """The probe's document (`probe --json`, a fleet tenant's report.json): the report, the
    exit code, and `error` naming what is missing ("" when nothing is)."""
    missing = [f"{m.key} ({m.role} on {m.where})" for m in report.missing]
    error = f"missing: {', '.join(missing)}" if missing else ""
    if report.redesign and not missing:
        error = "the dialog is redesigned: " + ", ".join(report.redesign)
    return document(probe=report.as_dict(), exit_code=int(exit_code(report)), error=error)


@contextmanager
def _console(target: str, options: RunOptions) -> Iterator[tuple[str, Credentials | None]]:
    if target == SIMULATOR:
        with embedded(options) as (url, creds):
            yield url, creds
        return
    url = console_url(target)
    check_session_target(url)
    yield url, None


def probe_and_write(
    books: list[Runbook],
    options: RunOptions,
    *,
    bundle: Path | None = None,
    labels_out: Path | None = None,
) -> ProbeReport:
    """`probe`, then the files it was asked for: the bundle of every place visited, and a
    labels file with the best candidate for each missing name."""
    from runbook.console.bundle import Bundle
    from runbook.console.probe_output import labels_file_text

    capture = Bundle.for_runbooks(books) if bundle is not None else None
    report = probe(books, options, capture.capture if capture is not None else None)
    if capture is not None and bundle is not None:
        capture.write(bundle)
    if labels_out is not None:
        labels_out.write_text(labels_file_text(report), encoding="utf-8")
    return report


def summary(report: ProbeReport, *, written: str | None = None, bundle: str | None = None) -> str:
    """What `runbook probe` prints of `report`, with the labels file and bundle it wrote."""
    from runbook.console.probe_output import summary as text

    return text(report, written=written, bundle=bundle)
