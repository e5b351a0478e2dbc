"""`runbook login` and `runbook sessions`: create, refresh and list saved console sessions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from runbook import defaults
from runbook.cli.common import EPILOG, browser_options, console_option, guarded, pick
from runbook.cli.group import cli
from runbook.locales import LOCALES


@cli.command(epilog=EPILOG)
@click.option("--profile", default=defaults.PROFILE, show_default=True, help="Session name.")
@click.option(
    "--console",
    "console_url",
    default=defaults.CONSOLE,
    show_default=True,
    metavar="URL",
    callback=console_option,
)
@click.option(
    "--non-interactive",
    is_flag=True,
    help="Sign in without a person: user from --user, password and TOTP secret "
    "from RUNBOOK_PASSWORD and RUNBOOK_TOTP_SECRET.",
)
@click.option("--user", help="Account to sign in with (non-interactive).")
@click.option(
    "--attach",
    metavar="URL",
    help="Take the session of a browser you started with --remote-debugging-port (on a "
    "dedicated --user-data-dir) and signed in, e.g. http://127.0.0.1:9222.",
)
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=defaults.LOCALE,
    show_default=True,
    help="Console language, of the sign-in pages too.",
)
@pick("labels")
@browser_options
@guarded
def login(
    profile: str,
    console_url: str,
    non_interactive: bool,
    user: str | None,
    attach: str | None,
    locale: str,
    labels: str | None,
    **browser: Any,
) -> None:
    """Create or refresh a saved console session (a person signs in).

    `--labels` names the sign-in's and the console's controls as this console does (checked
    before any browser starts), as for the commands that drive it.
    """
    from runbook.console.login import login as do_login
    from runbook.console.remote import remote_browser
    from runbook.file.labels import labels_for, load_labels

    catalogue = labels_for(locale, load_labels(Path(labels)) if labels else None)
    path = do_login(
        profile=profile,
        console_url=console_url,
        non_interactive=non_interactive,
        user=user,
        labels=catalogue,
        attach=attach,
        remote=remote_browser(
            browser["browser_endpoint"],
            browser["browser_headers"],
            browser["browser_launch_options"],
        ),
    )
    click.echo(f"Session saved to {path} (profile {profile!r}).")


@cli.command(epilog=EPILOG)
@click.option(
    "--check",
    is_flag=True,
    help="Open each profile's console (headless, read-only) to see whether it still signs in.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@browser_options
@guarded
def sessions(check: bool, as_json: bool, **browser: Any) -> None:
    """List the saved sessions: console, account, age, and whether they still open the console.

    Exit 3 when a session has ended or (with --check) no longer opens its console; 0 otherwise.
    """
    import time

    from runbook.console.login import check_session
    from runbook.console.remote import remote_browser
    from runbook.console.signin import profile_path
    from runbook.errors import ExitCode
    from runbook.locales import Labels
    from runbook.session_age import SESSION_LIMIT_S, SessionRecord

    folder = profile_path(defaults.PROFILE).parent
    remote = remote_browser(
        browser["browser_endpoint"], browser["browser_headers"], browser["browser_launch_options"]
    )
    rows = []
    for state in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if state.name.endswith(".session.json"):
            continue
        record = SessionRecord.read(state)
        row: dict[str, Any] = {
            "profile": state.stem,
            "console": record.console if record else None,
            "user": record.user if record else None,
            **(record.facts(time.time()) if record else {"signed_in_at": None, "age_s": None}),
        }
        row.pop("left_s", None)
        if check and record is not None:
            opens, now = check_session(state.stem, record.console, Labels("en"), remote)
            row["opens"] = opens
            if now is not None and record.signed_in_at is not None:
                row["age_s"] = round(now - record.signed_in_at)  # by the console's clock
        age = row["age_s"]
        row["ended"] = (age is not None and age >= SESSION_LIMIT_S) or row.get("opens") is False
        rows.append(row)
    if as_json:
        from runbook.outputs.documents import document, dumps

        click.echo(dumps(document(sessions=rows)))
    elif not rows:
        click.echo(f"No saved sessions in {folder}; sign in with `runbook login`.")
    for row in [] if as_json else rows:
        click.echo(_session_line(row))
    if any(row["ended"] for row in rows):
        raise SystemExit(int(ExitCode.SIGN_IN_REQUIRED))


def _session_line(row: dict[str, Any]) -> str:
    """One profile as `runbook sessions` prints it."""
    from runbook.session_age import minutes

    age = "age unknown" if row["age_s"] is None else f"signed in {minutes(row['age_s'])} ago"
    parts = [row["profile"], row["console"] or "(console unknown)"]
    parts += [row["user"]] if row["user"] else []
    parts.append(age)
    if "opens" in row:
        parts.append("opens the console" if row["opens"] else "does not open the console")
    parts.append("ENDED: sign in with `runbook login`" if row["ended"] else "usable")
    return "  ".join(parts)
