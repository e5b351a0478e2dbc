"""What every command shares: the group, error handling, and the options of console runs."""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, get_args

import click

from runbook import defaults
from runbook.errors import (
    ExitCode,
    InvalidRunbook,
    RunbookError,
    Terminated,
    UsageError,
    exit_codes_help,
)
from runbook.locales import LOCALES

if TYPE_CHECKING:
    from runbook.engine.options import RunOptions
    from runbook.outputs.run import Outputs
    from runbook.results import Mode

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = exit_codes_help()


ENV_PREFIX = "RUNBOOK_"
ENV_HELP = (
    "\b\nEvery option can also come from the environment, as RUNBOOK_<OPTION>:\n"
    "  RUNBOOK_SLOW_MO=500 for --slow-mo 500, RUNBOOK_JSON=1 for --json, repeated\n"
    "  values separated by spaces; the command line wins.\n"
)


def option_envvar(option: click.Option) -> str:
    """`RUNBOOK_<OPTION>` of an option: its longest flag, upper case, dashes as underscores."""
    flags = [o for o in option.opts if o.startswith("--")] or option.opts
    return ENV_PREFIX + max(flags, key=len).lstrip("-").upper().replace("-", "_")


def with_envvars(command: click.Command) -> click.Command:
    """`command` whose every option (but --help and --version) also comes from its
    `RUNBOOK_<OPTION>`; an option that names its variable (RUNBOOK_BROWSER_ENDPOINT) keeps it."""
    for param in command.params:
        if isinstance(param, click.Option) and param.envvar is None and not param.is_eager:
            param.envvar = option_envvar(param)
    return command


class Group(click.Group):
    """Click group whose usage errors exit 64 (EX_USAGE) rather than click's 2, whose
    commands' options come from the environment too (`RUNBOOK_<OPTION>`), and whose commands'
    modules are imported when a command is looked up (`modules`: command name -> module,
    which registers it), so a command loads its own module only."""

    def __init__(self, *args: Any, modules: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.modules = dict(modules or {})
        with_envvars(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.modules})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.modules:
            importlib.import_module(self.modules[cmd_name])
        return super().get_command(ctx, cmd_name)

    def command_named(self, name: str) -> click.Command:
        """The command `name`, its module imported (for tools that build its context)."""
        command = self.get_command(click.Context(self), name)
        if command is None:
            raise LookupError(f"no command {name!r}")
        return command

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(with_envvars(cmd), name)

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


def parse_vars(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--var expects KEY=VALUE, got {pair!r}")
        if "${" in value:
            raise UsageError(
                f"--var {key}: the value holds '${{'; --var values are taken as written, never "
                "resolved: write ${env:NAME} in the runbook's vars instead (masked as a secret)"
            )
        out[key] = value
    return out


def console_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--console`, parsed before anything starts: a console origin (or `simulator` for runs)."""
    from runbook.target import NotAConsoleUrl, parse_console_url

    if value is None or (value == "simulator" and ctx.command.name != "login"):
        return value
    try:
        return parse_console_url(value).url
    except NotAConsoleUrl as exc:
        raise click.BadParameter(str(exc)) from None


def _locale_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from runbook.file.labels import LOCALE_CODE

    if value is None or value in LOCALES or LOCALE_CODE.match(value):
        return value
    raise click.BadParameter(
        f"{value!r} is no locale; use one of {', '.join(LOCALES)}, or a code a labels file gives"
    )


def locale_option() -> Callable[[F], F]:
    """`--locale`: a shipped console language, or one a labels file (`--labels`) gives."""
    return click.option(
        "--locale",
        callback=_locale_code,
        metavar="|".join(LOCALES) + "|CODE",
        help="Console language (another code needs --labels giving every name).",
    )


def labels_option() -> Callable[[F], F]:
    """`--labels FILE`: names this console gives the catalogue's controls (`runbook labels`)."""
    return click.option(
        "--labels",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Labels file: names tried before the built-in ones (default: console.labels).",
    )


def parsed_by(parse: str, error: type[Exception] = ValueError, *, each: bool = False) -> Any:
    """A click callback passing the option's value (each value, when `each`) through the
    function `module:name`, imported only when the option is given; its `error` becomes a
    usage error (exit 64) naming the option. An option not given stays None (or `()`)."""
    module, _, name = parse.partition(":")

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is None or value == ():
            return value
        function = getattr(importlib.import_module(module), name)
        try:
            return tuple(function(v) for v in value) if each else function(value)
        except error as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


BROWSER_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "browser-endpoint": click.option(
        "--browser-endpoint",
        metavar="ws://HOST:PORT/PATH",
        envvar="RUNBOOK_BROWSER_ENDPOINT",
        callback=parsed_by("runbook.console.remote:parse_endpoint"),
        help="Connect to this Playwright browser server (ws:// or wss://) instead of "
        "launching a local Chromium [env: RUNBOOK_BROWSER_ENDPOINT]; with --tenants, checked "
        "once before any tenant starts (exit 1 naming it).",
    ),
    "browser-header": click.option(
        "--browser-header",
        "browser_headers",
        multiple=True,
        metavar="NAME=VALUE",
        callback=parsed_by("runbook.cli.browser_headers:parse_header", each=True),
        help="HTTP header for the browser server (repeatable); ${env:VAR} in VALUE is read "
        "from the environment and masked as a secret.",
    ),
    "browser-launch-options": click.option(
        "--browser-launch-options",
        metavar="JSON",
        callback=parsed_by("runbook.console.remote:parse_launch_options"),
        help="Launch options sent to the browser server (Playwright's names, e.g. "
        '\'{"executablePath": "/usr/bin/chromium"}\' for a server run with --unsafe); '
        "none are sent without it.",
    ),
}


def browser_options(func: F) -> F:
    """Where the browser comes from: a local Chromium, or a browser server."""
    for option in reversed(BROWSER_OPTIONS.values()):
        func = option(func)
    return func


def _fail(exc: BaseException, *, debug: bool, as_json: bool) -> NoReturn:
    """Print an error the way a user should see it and exit with its code."""
    from runbook.outputs.documents import dumps, error_document, errors_document

    if isinstance(exc, InvalidRunbook):
        if as_json:
            problems = [p.as_dict() for p in exc.problems]
            click.echo(dumps(errors_document(problems, exc.exit_code)))
        else:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
        sys.exit(exc.exit_code)
    if debug:
        traceback.print_exception(exc)
    code = exc.exit_code if isinstance(exc, RunbookError) else ExitCode.STEP_FAILED
    message = str(exc) or type(exc).__name__
    if as_json:
        click.echo(dumps(error_document(message, code)))
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


# The options of console runs by name: `run` and `drift` take them all, other commands some.
_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "console": click.option(
        "--console",
        "console_url",
        metavar="URL|simulator",
        callback=console_option,
        help="Console to drive (default: the runbook's console.url).",
    ),
    "locale": locale_option(),
    "labels": labels_option(),
    "headed": click.option("--headed", is_flag=True, help="Show the browser window."),
    "slow-mo": click.option(
        "--slow-mo",
        type=click.IntRange(min=0),
        default=None,
        metavar="MS",
        help="Slow every browser action by MS milliseconds.",
    ),
    "recordings": click.option(
        "--recordings",
        type=click.Path(file_okay=False),
        default=defaults.RECORDINGS,
        show_default=True,
        help="Where run folders are written.",
    ),
    "var": click.option(
        "--var", "var_pairs", multiple=True, metavar="KEY=VALUE", help="Set a variable."
    ),
    "profile": click.option(
        "--profile",
        default=defaults.PROFILE,
        show_default=True,
        help="Saved console session to use (see `runbook login`).",
    ),
    "min-session": click.option(
        "--min-session",
        type=click.IntRange(min=0),
        default=defaults.MIN_SESSION_MIN,
        show_default=True,
        metavar="MINUTES",
        help="Refuse to start (exit 3) when the saved session has less of its hour left (the "
        "Admin console ends sessions one hour after sign-in); 0: no check.",
    ),
    "trace": click.option(
        "--trace",
        type=click.Choice(get_args(defaults.Policy)),
        default=defaults.TRACE,
        show_default=True,
        help="Playwright trace. retain-on-failure: kept when the run fails (actions, "
        "network, console). on: always kept, with a DOM snapshot per browser call (slower "
        "on long lists). off: none.",
    ),
    "screenshots": click.option(
        "--screenshots",
        type=click.Choice(["on", "off"]),
        default=defaults.SCREENSHOTS,
        show_default=True,
        help="Checkpoint screenshots.",
    ),
    "navigate": click.option(
        "--navigate",
        type=click.Choice(["url", "click"]),
        default=None,
        help="Reach pages by URL (fast) or by the menu path (default in demo).",
    ),
    "timeout": click.option(
        "--timeout",
        type=click.IntRange(min=100),
        default=None,
        metavar="MS",
        help=f"How long to wait for a page element (default {defaults.TIMEOUT_MS}).",
    ),
    "retries": click.option(
        "--retries",
        type=click.IntRange(min=0),
        default=None,
        help=f"Retries of a transient failure (default {defaults.RETRIES}).",
    ),
    "demo": click.option(
        "--demo", is_flag=True, help="Headed, slowed, menu navigation, captions and highlights."
    ),
    "video": click.option("--video", is_flag=True, help="Record a video of the run."),
    "video-allow-secrets": click.option(
        "--video-allow-secrets",
        is_flag=True,
        help="Record the video although the runbook has secrets (they show unmasked).",
    ),
    "json": click.option("--json", "as_json", is_flag=True, help="Print the result document."),
    "verbose": click.option(
        "--verbose",
        "-v",
        is_flag=True,
        help="On a terminal, print the structured log lines too (always in run.jsonl).",
    ),
    "log-format": click.option(
        "--log-format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Log lines on stderr: text, or json (one JSON object per event, as in "
        "run.jsonl; for containers). Results stay on stdout.",
    ),
    "dns-resolver": click.option(
        "--dns-resolver",
        metavar="HOST[:PORT]",
        help="Look DNS records up (DKIM) through this resolver instead of the system's.",
    ),
    "wait-dns": click.option(
        "--wait-dns",
        metavar="DURATION",
        callback=parsed_by("runbook.cli.common:seconds"),
        help="Wait up to DURATION (90s, 10m, 1h; for the whole run) for DNS to serve the "
        "records DKIM authentication needs, looking every 2 s, then start it (exit 1 naming "
        "a record DNS did not serve in time); without it, such a step ends 'waiting for DNS'.",
    ),
    "records": click.option(
        "--records",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Write the DNS records the run needs to FILE: JSON when it ends in .json "
        "(name, type, value), else BIND zone-file lines.",
    ),
    **BROWSER_OPTIONS,
}


_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0}


def seconds(text: str) -> float:
    """A duration as `90`, `90s`, `10m` or `1h`, in seconds; ValueError otherwise."""
    value = text.strip().lower()
    unit = _UNITS.get(value[-1:])
    number = value[:-1] if unit is not None else value
    try:
        amount = float(number) * (unit or 1.0)
    except ValueError:
        raise ValueError(f"{text!r} is no duration (e.g. 90s, 10m, 1h)") from None
    if amount <= 0:
        raise ValueError(f"{text!r}: a duration is more than 0")
    return amount


def pick(*names: str) -> Callable[[F], F]:
    """The options `names` (of `run`'s), in that order."""

    def decorate(func: F) -> F:
        for name in reversed(names):
            func = _OPTIONS[name](func)
        return func

    return decorate


def stack(options: list[Callable[[Any], Any]], func: F) -> F:
    """`func` with `options` applied, the first listed shown first in `--help`."""
    for option in reversed(options):
        func = option(func)
    return func


def shared_options(func: F) -> F:
    """Options shared by `run` and `drift` (and `plan`): every option of a console run."""
    return pick(*_OPTIONS)(func)


def load_all(
    files: tuple[str, ...], var_pairs: tuple[str, ...], labels: str | None = None
) -> list[Any]:
    """Every runbook (and the `--labels` file), loaded and checked before any browser starts
    (all problems at once)."""
    from runbook.file import load_runbook
    from runbook.file.labels import load_labels

    variables = parse_vars(var_pairs)
    books, problems = [], []
    for file in files:
        try:
            books.append(load_runbook(Path(file), variables=variables))
        except InvalidRunbook as exc:
            problems.extend(exc.problems)
    if not problems:
        from runbook.file.across import shared_entries

        problems.extend(shared_entries([(Path(f), b) for f, b in zip(files, books, strict=True)]))
    try:
        if labels is not None:
            load_labels(Path(labels))
    except InvalidRunbook as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidRunbook(problems)
    return books


def load_for_browser(
    files: tuple[str, ...], var_pairs: tuple[str, ...], labels: str | None = None
) -> list[Any]:
    """`load_all`, on another thread while Playwright's driver starts on this one."""
    from runbook.console import driver

    def load() -> list[Any]:
        books = load_all(files, var_pairs, labels)
        import runbook.engine.runner  # noqa: F401  (imported while the driver starts)

        return books

    return driver.while_starting(load)


# A command's parameters that are not run options: the runbooks' variables, the fleet's choice.
NOT_RUN_OPTIONS = ("var_pairs", "tenants", "tenant_names", "shard", "workers")


def print_runs(outputs: Outputs | None, code: int) -> None:
    """`--json` of several runs (`outputs` gathered them; None: not asked): their documents as
    one, `{"format": 1, "runs": [...], "exit_code": N}`."""
    from runbook.outputs.documents import dumps, runs_document

    if outputs is not None:
        click.echo(dumps(runs_document(outputs.documents, code)))


def run_options(mode: Mode, params: Mapping[str, Any], **more: Any) -> RunOptions:
    """The run options of a command's click parameters (and `more`), built by the one function
    `RunOptions.from_cli` (a parameter that is none is an error); the embedded simulator, which
    only this layer starts, handed over for `--console simulator`."""
    from runbook.cli.embedded import embedded_simulator
    from runbook.engine.options import RunOptions

    chosen = {k: v for k, v in params.items() if k not in NOT_RUN_OPTIONS}
    return RunOptions.from_cli(mode=mode, simulator=embedded_simulator, **chosen, **more)


def execute(book: Any, file: str, options: RunOptions) -> int:
    """Run `book` (from `file`) as `options` say; the process exit code."""
    from runbook.console import driver
    from runbook.engine.runner import execute

    try:
        return execute(book, Path(file), options)
    finally:
        driver.discard()


def tenant_options(func: F) -> F:
    """`--tenant NAME` (repeatable) and `--shard I/N`: which tenants of a tenants file."""
    options = [
        click.option(
            "--tenant",
            "tenant_names",
            multiple=True,
            metavar="NAME",
            help="Only this tenant of the tenants file (repeatable).",
        ),
        click.option(
            "--shard",
            callback=parsed_by("runbook.fleet:parse_shard", UsageError),
            metavar="I/N",
            help="Only shard I of N (I from 0): the file's tenants dealt round-robin.",
        ),
    ]
    return stack(options, func)


def fleet_options(func: F) -> F:
    """`--tenants FILE`, `--tenant`, `--shard`, `--workers`: a command over many tenants.

    A command opts in with this decorator and, when `opts["tenants"]` is set, hands its
    options to `runbook.cli.fleet.fleet_command`.
    """
    from runbook.errors import FLEET_EXIT_HELP  # not from the fleet: it loads the kinds

    options = [
        click.option(
            "--tenants",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help="Run on every tenant of this YAML list (name, console, profile, locale, "
            f"org_unit, vars, labels), each in its own worker process. {FLEET_EXIT_HELP}",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            metavar="N",
            help="Worker processes for --tenants (default: the cores, at most the tenants).",
        ),
    ]
    return tenant_options(stack(options, func))


def output_option(what: str, file: str, directory: str, suffix: str) -> Callable[[F], F]:
    """`-o/--output FILE|DIR`: the `what` to write (default `file`); with `--tenants` a
    directory (default `directory/`) holding each tenant's, `DIR/TENANT<suffix>`."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(),
        default=None,
        metavar="FILE|DIR",
        help=f"The {what} to write [default: {file}]; with --tenants a directory [default: "
        f"{directory}/] holding each tenant's, DIR/TENANT{suffix}.",
    )
