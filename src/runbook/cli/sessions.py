"""`runbook login`: create or refresh a saved console session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from runbook.cli.common import EPILOG, browser_options, console_option, guarded, pick
from runbook.cli.group import cli
from runbook.locales import DEFAULT_LOCALE, LOCALES


@cli.command(epilog=EPILOG)
@click.option("--profile", default="default", show_default=True, help="Session name.")
@click.option(
    "--console",
    "console_url",
    default="https://admin.google.com",
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
    "--locale",
    type=click.Choice(LOCALES),
    default=DEFAULT_LOCALE,
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
    locale: str,
    labels: str | None,
    **browser: Any,
) -> None:
    """Create or refresh a saved console session (a person signs in).

    `--labels` names the sign-in's and the console's controls as this console does (checked
    before any browser starts), as for the commands that drive it.
    """
    from runbook.console import remote_browser
    from runbook.console.login import login as do_login
    from runbook.spec.labels import labels_for, load_labels

    catalogue = labels_for(locale, load_labels(Path(labels)) if labels else None)
    path = do_login(
        profile=profile,
        console_url=console_url,
        non_interactive=non_interactive,
        user=user,
        labels=catalogue,
        remote=remote_browser(
            browser["browser_endpoint"],
            browser["browser_headers"],
            browser["browser_launch_options"],
        ),
    )
    click.echo(f"Session saved to {path} (profile {profile!r}).")
