"""The `runbook` command line; the only place that turns errors into exit codes.

Exit codes and their meanings: `runbook.errors.ExitCode` (also in `runbook --help`).
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from runbook.errors import (
    ExitCode,
    InvalidRunbook,
    RunbookError,
    Terminated,
    UsageError,
    exit_codes_help,
)
from runbook.locales import DEFAULT_LOCALE, LOCALES

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = exit_codes_help()


class _Group(click.Group):
    """Click group whose usage errors exit 64 (EX_USAGE) rather than click's 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except click.UsageError as exc:
            exc.show()
            sys.exit(ExitCode.USAGE)
        except click.ClickException as exc:
            exc.show()
            sys.exit(ExitCode.USAGE)


def _parse_vars(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--var expects KEY=VALUE, got {pair!r}")
        out[key] = value
    return out


def _console_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--console`, parsed before anything starts: a console origin (or `simulator` for runs)."""
    from runbook.target import NotAConsoleUrl, parse_console_url

    if value is None or (value == "simulator" and ctx.command.name != "login"):
        return value
    try:
        return parse_console_url(value).url
    except NotAConsoleUrl as exc:
        raise click.BadParameter(str(exc)) from None


def _fail(exc: BaseException, *, debug: bool, as_json: bool) -> NoReturn:
    """Print an error the way a user should see it and exit with its code."""
    if isinstance(exc, InvalidRunbook):
        if as_json:
            click.echo(json.dumps({"errors": [p.as_dict() for p in exc.problems]}, indent=2))
        else:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
        sys.exit(exc.exit_code)
    if debug:
        traceback.print_exception(exc)
    code = exc.exit_code if isinstance(exc, RunbookError) else ExitCode.STEP_FAILED
    message = str(exc) or type(exc).__name__
    if as_json:
        click.echo(json.dumps({"error": message, "exit_code": code}))
    click.echo(f"runbook: error: {message}", err=True)
    sys.exit(code)


def guarded(func: F) -> F:
    """Run a command body; translate runbook errors (and stray exceptions) into exit codes."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        as_json = bool(kwargs.get("as_json"))
        try:
            return func(*args, **kwargs)
        except (SystemExit, click.exceptions.Exit, click.UsageError):
            raise
        except KeyboardInterrupt as exc:
            click.echo("runbook: interrupted", err=True)
            sys.exit(ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED)
        except RunbookError as exc:
            _fail(exc, debug=debug, as_json=as_json)
        except Exception as exc:  # an unexpected failure still gets no traceback by default
            if not debug:
                click.echo("runbook: internal error (run with --debug for details)", err=True)
            _fail(exc, debug=debug, as_json=as_json)

    return wrapper  # type: ignore[return-value]


@click.group(cls=_Group, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.version_option(package_name="runbook")
def cli(debug: bool) -> None:
    """Execute admin-console runbooks in a real browser: plan, apply, check for drift."""


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable result on stdout.")
@guarded
def validate(files: tuple[str, ...], var_pairs: tuple[str, ...], as_json: bool) -> None:
    """Load and check runbooks; no browser is started."""
    from runbook.spec import load_runbook, summarize

    variables = _parse_vars(var_pairs)
    problems = []
    summaries = []
    for file in files:
        try:
            book = load_runbook(Path(file), variables=variables)
        except InvalidRunbook as exc:
            problems.extend(exc.problems)
            continue
        summaries.append({"file": file, "summary": summarize(book)})
    if as_json:
        click.echo(
            json.dumps({"valid": summaries, "errors": [p.as_dict() for p in problems]}, indent=2)
        )
        if problems:
            sys.exit(ExitCode.INVALID_RUNBOOK)
        return
    for item in summaries:
        click.echo(f"{item['file']}: ok — {item['summary']}")
    if problems:
        raise InvalidRunbook(problems)


@cli.command(epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--locale", type=click.Choice(LOCALES), help="Console language.")
@click.option("--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable.")
@guarded
def explain(file: str, locale: str | None, var_pairs: tuple[str, ...]) -> None:
    """Print the runbook as numbered console steps a person could follow by hand."""
    from runbook.engine.explain import explain as render
    from runbook.spec import load_runbook

    book = load_runbook(Path(file), variables=_parse_vars(var_pairs))
    click.echo(render(book, locale=locale or book.console.locale))


@cli.command(epilog=EPILOG)
@guarded
def schema() -> None:
    """Print the runbook JSON Schema (for editors and CI)."""
    from runbook.spec import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


def run_options(func: F) -> F:
    """Options shared by `run` and `drift`."""
    options = [
        click.option(
            "--console",
            "console_url",
            metavar="URL|simulator",
            callback=_console_option,
            help="Console to drive (default: the runbook's console.url).",
        ),
        click.option("--locale", type=click.Choice(LOCALES), help="Console language."),
        click.option("--headed", is_flag=True, help="Show the browser window."),
        click.option(
            "--slow-mo",
            type=click.IntRange(min=0),
            default=None,
            metavar="MS",
            help="Slow every browser action by MS milliseconds.",
        ),
        click.option(
            "--recordings",
            type=click.Path(file_okay=False),
            default="recordings",
            show_default=True,
            help="Where run folders are written.",
        ),
        click.option(
            "--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable."
        ),
        click.option(
            "--profile",
            default="default",
            show_default=True,
            help="Saved console session to use (see `runbook login`).",
        ),
        click.option(
            "--trace",
            type=click.Choice(["on", "off", "retain-on-failure"]),
            default="retain-on-failure",
            show_default=True,
            help="Playwright trace. retain-on-failure: kept when the run fails (actions, "
            "network, console). on: always kept, with a DOM snapshot per browser call (slower "
            "on long lists). off: none.",
        ),
        click.option(
            "--screenshots",
            type=click.Choice(["on", "off"]),
            default="on",
            show_default=True,
            help="Checkpoint screenshots.",
        ),
        click.option(
            "--navigate",
            type=click.Choice(["url", "click"]),
            default=None,
            help="Reach pages by URL (fast) or by the menu path (default in demo).",
        ),
        click.option(
            "--timeout",
            type=click.IntRange(min=100),
            default=None,
            metavar="MS",
            help="How long to wait for a page element (default 15000).",
        ),
        click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=None,
            help="Retries of a transient failure (default 3).",
        ),
        click.option(
            "--demo", is_flag=True, help="Headed, slowed, menu navigation, captions and highlights."
        ),
        click.option("--video", is_flag=True, help="Record a video of the run."),
        click.option(
            "--video-allow-secrets",
            is_flag=True,
            help="Record the video although the runbook has secrets (they show unmasked).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the result document."),
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            help="On a terminal, print the structured log lines too (always in run.jsonl).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _load_all(files: tuple[str, ...], var_pairs: tuple[str, ...]) -> list[Any]:
    """Every runbook, loaded and checked before any browser starts (all problems at once)."""
    from runbook.spec import load_runbook

    variables = _parse_vars(var_pairs)
    books, problems = [], []
    for file in files:
        try:
            books.append(load_runbook(Path(file), variables=variables))
        except InvalidRunbook as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidRunbook(problems)
    return books


def _load_for_browser(files: tuple[str, ...], var_pairs: tuple[str, ...]) -> list[Any]:
    """`_load_all`, on another thread while Playwright's driver starts on this one."""
    from runbook.console import driver

    def load() -> list[Any]:
        books = _load_all(files, var_pairs)
        import runbook.engine.runner  # noqa: F401  (imported while the driver starts)

        return books

    return driver.while_starting(load)


def _execute(book: Any, file: str, mode: str, **opts: Any) -> int:
    from runbook.console import driver
    from runbook.engine.runner import RunOptions, execute

    opts.pop("var_pairs", None)
    try:
        return execute(book, Path(file), RunOptions.from_cli(mode=mode, **opts))
    finally:
        driver.discard()


@cli.command(epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Fill the dialogs, take checkpoints, then cancel.")
@run_options
@guarded
def run(file: str, dry_run: bool, **opts: Any) -> None:
    """Apply a runbook: read the live console, change only what differs."""
    [book] = _load_for_browser((file,), opts["var_pairs"])
    sys.exit(_execute(book, file, "dry-run" if dry_run else "apply", **opts))


@cli.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--show-unmanaged", is_flag=True, help="List console entries no step names.")
@click.option("--junit", type=click.Path(dir_okay=False), help="Write JUnit XML here.")
@run_options
@guarded
def drift(files: tuple[str, ...], **opts: Any) -> None:
    """Compare the live console with runbooks, read-only (exit 2 on drift)."""
    books = _load_for_browser(files, opts["var_pairs"])
    from runbook.engine.runner import Outputs
    from runbook.recording.ci import write_junit_suites

    # One runbook keeps its own document; several print one, with a run each (same for JUnit).
    outputs = Outputs() if len(files) > 1 else None
    codes: list[int] = []
    try:
        for file, book in zip(files, books, strict=True):
            codes.append(_execute(book, file, "drift", **opts, outputs=outputs))
            if codes[-1] in (ExitCode.INTERRUPTED, ExitCode.TERMINATED):
                break  # Ctrl-C or SIGTERM stops the whole check, not only this runbook's
    finally:
        if outputs is not None and opts["junit"]:
            write_junit_suites(outputs.suites, Path(opts["junit"]))
    code = _worst(codes)
    if outputs is not None and opts["as_json"]:
        click.echo(
            json.dumps({"runs": outputs.documents, "exit_code": code}, indent=2, default=str)
        )
    sys.exit(code)


def _worst(codes: list[int]) -> int:
    """One exit code for several drift checks: an interruption beats an error, an error beats
    drift, drift beats success."""
    stopped = [c for c in codes if c in (ExitCode.INTERRUPTED, ExitCode.TERMINATED)]
    if stopped:
        return stopped[0]
    errors = [c for c in codes if c not in (ExitCode.OK, ExitCode.DRIFT)]
    if errors:
        return errors[0]
    return ExitCode.DRIFT if ExitCode.DRIFT in codes else ExitCode.OK


@cli.command(epilog=EPILOG)
@click.option("--profile", default="default", show_default=True, help="Session name.")
@click.option(
    "--console",
    "console_url",
    default="https://admin.google.com",
    show_default=True,
    metavar="URL",
    callback=_console_option,
)
@click.option(
    "--non-interactive",
    is_flag=True,
    help="Sign in without a person: user from --user, password and TOTP secret "
    "from RUNBOOK_PASSWORD and RUNBOOK_TOTP_SECRET.",
)
@click.option("--user", help="Account to sign in with (non-interactive).")
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=DEFAULT_LOCALE,
    show_default=True,
    help="Console language, of the sign-in pages too.",
)
@guarded
def login(
    profile: str, console_url: str, non_interactive: bool, user: str | None, locale: str
) -> None:
    """Create or refresh a saved console session (a person signs in)."""
    from runbook.console.login import login as do_login

    path = do_login(
        profile=profile,
        console_url=console_url,
        non_interactive=non_interactive,
        user=user,
        locale=locale,
    )
    click.echo(f"Session saved to {path} (profile {profile!r}).")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--state",
    type=click.Path(dir_okay=False),
    default=".runbook/simulator.json",
    show_default=True,
    help="State file (survives restarts).",
)
@click.option("--no-auth", is_flag=True, help="Serve without the sign-in flow.")
@click.option("--faults", metavar="JSON", help="Fault injection settings (see /_sim/faults).")
@guarded
def simulator(host: str, port: int, state: str, no_auth: bool, faults: str | None) -> None:
    """Serve the local Admin console simulator."""
    from runbook.simulator.faults import FaultError
    from runbook.simulator.server import PortUnavailable, serve
    from runbook.simulator.state import StateFileError

    try:
        serve(
            host=host,
            port=port,
            state_path=Path(state),
            auth=not no_auth,
            faults=_faults_option(faults),
        )
    except PortUnavailable as exc:
        raise UsageError(f"{exc}; choose another with --port (0: any free port)") from None
    except FaultError as exc:
        raise UsageError(f"--faults: {exc}") from None
    except StateFileError as exc:
        raise UsageError(f"{exc}; give --state another file, or remove this one") from None


def _faults_option(text: str | None) -> Any:
    """The `--faults` document, or a usage error saying where it stops being JSON."""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(f"--faults is not JSON: {exc}") from None


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
