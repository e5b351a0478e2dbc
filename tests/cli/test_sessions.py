"""Sign-in and secrets: exit 3 with the exact login command; no secret in any artifact."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
from PIL import Image

from runbook.console.browser import ffmpeg_path
from runbook.secrets import MASK
from runbook.simulator import auth as sim_auth
from tests.cli.conftest import CliResult, trace_kinds
from tests.clients import sim_client
from tests.in_process import InProcessRunbook
from tests.profiles import login, own_login
from tests.samples import split_delivery

Run = Callable[..., CliResult]
Write = Callable[..., Path]

CANARY = "canary-7f3e9b1d"


def test_without_a_session_the_run_stops_with_exit_3_and_the_login_command(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
    simulator: object,
) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "empty-config")}
    result = runbook_cli("run", str(write_runbook(split_delivery())), env=env)
    assert result.code == 3, result.output
    url = simulator.url  # type: ignore[attr-defined]
    assert f"runbook login --profile default --console {url}" in result.output
    assert "Traceback" not in result.output
    assert sim_http.get("/_sim/audit").json() == []


def test_non_interactive_login_never_echoes_the_secrets(
    cli_env: dict[str, str], tmp_path: Path, simulator: Any, in_process: InProcessRunbook
) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    done = login(env, simulator.url, in_process)
    saved = tmp_path / "cfg" / "runbook" / "profiles" / "default.json"
    assert saved.is_file()
    assert saved.stat().st_mode & 0o777 == 0o600
    assert str(saved) in done.stdout
    output = done.stdout + done.stderr
    assert sim_auth.DEFAULT_PASSWORD not in output
    assert sim_auth.DEFAULT_TOTP_SECRET not in output


def test_login_refuses_a_plain_http_console_that_is_not_loopback(
    runbook_cli: Run,
) -> None:
    result = runbook_cli(
        "login",
        "--non-interactive",
        "--user",
        "a@example.com",
        "--console",
        "http://console.example.com",
    )
    assert result.code == 64, result.output
    assert "https" in result.output


def test_login_in_french_signs_in_on_the_french_sign_in_pages(
    runbook_cli: Run, cli_env: dict[str, str], tmp_path: Path, simulator: Any
) -> None:
    # The sign-in boxes are found by their French names: only French pages have them.
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    args = ["--non-interactive", "--user", sim_auth.DEFAULT_USER, "--console", simulator.url]
    result = runbook_cli("login", *args, "--locale", "fr", env=env)
    assert result.code == 0, result.output
    assert (tmp_path / "cfg" / "runbook" / "profiles" / "default.json").is_file()


def test_login_takes_the_locales_run_takes_and_no_other(runbook_cli: Run) -> None:
    assert "--locale [de|en|fr]" in runbook_cli("login", "--help").output
    result = runbook_cli("login", "--non-interactive", "--locale", "nl")
    assert result.code == 64, result.output
    assert "--locale" in result.output
    assert "'nl'" in result.output


def secret_host(cli_env: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Split delivery whose route host is a secret (`${env:LEGACY_HOST}`), and its env."""
    doc = split_delivery()
    doc["steps"][0]["mail_route"]["server"]["single_host"]["host"] = "${env:LEGACY_HOST}"
    return doc, {**cli_env, "LEGACY_HOST": f"{CANARY}.example.com"}


def _hashes(body: bytes) -> set[str]:
    return {hashlib.new(algo, body).hexdigest() for algo in ("sha1", "sha256", "md5")}


def assert_no_canary_in_trace(trace: Path) -> int:
    """Fail if any file inside the trace holds the canary secret, or is named by a hash of
    its body as it was before scrubbing (a guessed secret could be confirmed offline);
    every resource the trace refers to is in it. How many files were read."""
    secret = f"{CANARY}.example.com".encode()
    with zipfile.ZipFile(trace) as archive:
        names = archive.namelist()
        referred: set[str] = set()
        for name in names:
            body = archive.read(name)
            assert CANARY.encode() not in body, name
            if MASK.encode() in body:  # it held the secret: the unscrubbed body again
                unscrubbed = _hashes(body.replace(MASK.encode(), secret))
                assert not unscrubbed & set(re.findall(r"[0-9a-f]{32,64}", name)), name
            if name.endswith((".trace", ".network")):
                referred.update(re.findall(rb'"_?sha1":\s*"([^"]+)"', body))
        stored = {n.removeprefix("resources/") for n in names}
        assert {r.decode() for r in referred} <= stored
        return len(names)


def magenta_pixels(picture: Path) -> int:
    with Image.open(picture) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
        return sum(count for count, colour in colours if colour == (255, 0, 255))


def test_a_secret_from_the_environment_is_in_no_artifact(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    doc, env = secret_host(cli_env)
    result = runbook_cli("run", str(write_runbook(doc)), "--trace", "on", "--json", env=env)
    assert result.code == 0, result.output
    live = sim_http.get("/_sim/state").json()
    assert live["routes"][0]["server"]["single_host"]["host"] == f"{CANARY}.example.com"

    assert CANARY not in result.output
    folder = tmp_path / result.run()["run_dir"]
    trace = folder / "trace.zip"
    assert trace.is_file()
    scanned = 0
    for path in folder.rglob("*"):
        if path.suffix in {".json", ".jsonl", ".html", ".yml"}:
            assert CANARY not in path.read_text(errors="replace"), path
            scanned += 1
    # The field holding the secret is masked (Playwright paints masks magenta), and so is
    # the list cell showing it once saved.
    for checkpoint in ("filled", "saved"):
        [picture] = folder.glob(f"01-*-{checkpoint}.png")
        assert magenta_pixels(picture) > 500, checkpoint
    scanned += assert_no_canary_in_trace(trace)
    assert scanned > 3
    assert "frame-snapshot" in trace_kinds(trace)  # `--trace on`: DOM snapshots included


def test_a_failed_step_keeps_its_page_without_the_secret(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    doc, env = secret_host(cli_env)
    sim_http.post("/_sim/faults", json={"fail_next_saves": 10}).raise_for_status()
    result = runbook_cli("run", str(write_runbook(doc)), "--retries", "0", "--json", env=env)
    assert result.code == 1, result.output
    folder = tmp_path / result.run()["run_dir"]
    [tree] = folder.glob("01-*-failure-aria.yml")
    [dom] = folder.glob("01-*-failure-dom.html")
    # The host field held the secret when the step failed: it is there, masked.
    assert 'textbox "Host name or IP"' in tree.read_text()
    for path in (tree, dom):
        assert CANARY not in path.read_text(), path
    assert_no_canary_in_trace(folder / "trace.zip")


def test_login_to_a_web_server_that_is_no_admin_console_says_so(
    runbook_cli: Run, other_web_server: str
) -> None:
    result = runbook_cli(
        "login", "--non-interactive", "--user", sim_auth.DEFAULT_USER, "--console", other_web_server
    )
    assert result.code == 1, result.output
    assert f"not an Admin console (HTTP 404 at {other_web_server}/ac" in result.stderr
    assert "internal error" not in result.output


def test_a_listed_secret_is_masked_in_every_checkpoint_of_a_later_run(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    doc, env = secret_host(cli_env)
    book = write_runbook(doc)
    assert runbook_cli("run", str(book), env=env).code == 0
    # The route exists; a changed port updates it, and the list shows the secret host.
    doc["steps"][0]["mail_route"]["server"]["single_host"]["port"] = 2525
    result = runbook_cli("run", str(write_runbook(doc)), "--json", env=env)
    assert result.code == 0, result.output
    folder = tmp_path / result.run()["run_dir"]
    pictures = sorted(folder.glob("01-*.png"))
    assert {p.stem.rsplit("-", 1)[-1] for p in pictures} >= {"filled", "saved"}
    for picture in pictures:
        assert magenta_pixels(picture) > 500, picture.name


def test_video_is_refused_when_the_runbook_has_secrets(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    cli_env: dict[str, str],
) -> None:
    doc, env = secret_host(cli_env)
    result = runbook_cli("run", str(write_runbook(doc)), "--video", env=env)
    assert result.code == 64, result.output
    assert "--video-allow-secrets" in result.output
    assert "cannot be masked" in result.output
    assert CANARY not in result.output
    assert sim_http.get("/_sim/audit").json() == []


@pytest.mark.skipif(ffmpeg_path() is None, reason="no ffmpeg where Playwright looks for it")
def test_video_with_secrets_is_recorded_when_the_user_allows_it(
    runbook_cli: Run, write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    doc, env = secret_host(cli_env)
    result = runbook_cli(
        "run",
        str(write_runbook(doc)),
        "--dry-run",
        "--video",
        "--video-allow-secrets",
        "--json",
        env=env,
    )
    assert result.code == 0, result.output
    assert (tmp_path / result.run()["run_dir"] / "video.webm").is_file()


def test_login_takes_a_labels_file_for_a_sign_in_whose_words_changed(
    runbook_cli: Run, cli_env: dict[str, str], tmp_path: Path, simulator: Any, sim_http: Any
) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    args = ["--non-interactive", "--user", sim_auth.DEFAULT_USER, "--console", simulator.url]
    (tmp_path / "bad.yaml").write_text("en:\n  signin_nxt: Continue\n")
    refused = runbook_cli("login", *args, "--labels", "bad.yaml", env=env)
    assert refused.code == 65, refused.output  # before any browser, placed, with a hint
    assert "bad.yaml:2:3: unknown label key 'signin_nxt'" in refused.output
    assert "signin_next" in refused.output

    sim_http.put("/_sim/labels", json={"en": {"Next": "Continue"}}).raise_for_status()
    (tmp_path / "labels.yaml").write_text("en:\n  signin_next: Continue\n")
    result = runbook_cli("login", *args, "--labels", "labels.yaml", env=env)
    assert result.code == 0, result.output
    assert (tmp_path / "cfg" / "runbook" / "profiles" / "default.json").is_file()


def test_a_dialog_taller_than_the_window_is_kept_in_parts_each_masked(
    runbook_cli: Run, write_runbook: Write, cli_env: dict[str, str], tmp_path: Path
) -> None:
    rule = {
        "description": "Tag and copy outbound mail",
        "messages": ["outbound", "internal_sending"],
        "action": "modify_message",
        "prepend_subject": "${env:TAG}",  # near the top of the dialog
        "headers": {"x_gm_original_to": True, "custom": [{"key": "X-Archive", "value": "yes"}]},
        "bypass_spam_filter": True,
        "change_envelope_recipient": {"domain": "archive.example.net"},
        "also_deliver_to": [{"address": "journal@example.com"}],
        "account_types": ["users", "groups"],
        "envelope_filter": {"recipients": {"match": "group", "value": "staff@example.com"}},
    }
    book = write_runbook({"version": 1, "name": "tall", "steps": [{"routing_rule": rule}]})
    env = {**cli_env, "TAG": f"[{CANARY}]"}
    result = runbook_cli("run", str(book), "--json", env=env)
    assert result.code == 0, result.output
    folder = tmp_path / result.run()["run_dir"]
    [step] = result.run()["steps"]
    filled = [c for c in step["checkpoints"] if c["name"].startswith("filled")]
    assert len(filled) >= 2, step["checkpoints"]  # top to bottom, in parts
    assert [c["name"] for c in filled] == [
        f"filled ({n} of {len(filled)})" for n in range(1, len(filled) + 1)
    ]
    pictures = [folder / c["path"] for c in filled]
    assert len({p.read_bytes() for p in pictures}) == len(pictures)  # each shows another part
    assert magenta_pixels(pictures[0]) > 500  # the secret's field, at the top, masked


def test_a_run_knows_its_sessions_age_and_refuses_to_start_without_enough_of_the_hour(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    env, signed = own_login(runbook_cli, cli_env, tmp_path, simulator.url)
    assert signed.code == 0, signed.output
    record = json.loads((tmp_path / "config/runbook/profiles/default.session.json").read_text())
    assert record["signed_in_at"] and record["user"] == sim_auth.DEFAULT_USER
    book = str(write_runbook(split_delivery()))

    fresh = runbook_cli("drift", book, "--json", env=env)
    assert fresh.code == 2, fresh.output  # nothing applied yet: drift
    session = fresh.run()["session"]
    assert session["profile"] == "default" and 0 <= session["age_s"] < 120
    assert session["left_s"] == 3600 - session["age_s"]

    # 57 minutes later by the console's clock: 3 minutes left, under --min-session 5.
    sim_http.post("/_sim/clock", json={"advance_s": 57 * 60}).raise_for_status()
    late = runbook_cli("run", book, env=env)
    assert late.code == 3, late.output
    assert "is 57 min old" in late.output and "less than --min-session 5 min" in late.output
    assert "runbook login --profile default" in late.output
    assert sim_http.get("/_sim/audit").json() == []
    probed = runbook_cli("probe", book, env=env)  # every command that reads the console
    assert probed.code == 3 and "less than --min-session 5 min" in probed.output
    ok = runbook_cli("run", book, "--min-session", "2", "--screenshots", "off", env=env)
    assert ok.code == 0, ok.output

    # Past the hour, on a console that ends sessions then: refused before any page is read.
    sim_http.put("/_sim/variants", json=["session-hour"]).raise_for_status()
    sim_http.post("/_sim/clock", json={"advance_s": 5 * 60}).raise_for_status()
    done = len(sim_http.get("/_sim/audit").json())
    expired = runbook_cli("drift", book, "--min-session", "0", env=env)
    assert expired.code == 3, expired.output
    assert "the session has ended" in expired.output
    assert "(the session was 1 h 2 min old)" in expired.output
    gone = runbook_cli("drift", book, env=env)
    assert gone.code == 3 and "ends sessions after one hour" in gone.output
    assert len(sim_http.get("/_sim/audit").json()) == done


def test_sessions_lists_each_profile_and_check_finds_the_one_that_ended(
    runbook_cli: Run,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    args = ["--user", sim_auth.DEFAULT_USER, "--console", simulator.url]
    for profile in ("ops", "audit"):
        assert (
            runbook_cli("login", "--non-interactive", *args, "--profile", profile, env=env).code
            == 0
        )
    listed = runbook_cli("sessions", "--json", env=env)
    assert listed.code == 0, listed.output
    rows = {r["profile"]: r for r in listed.json()["sessions"]}
    assert set(rows) == {"ops", "audit"}
    assert rows["ops"]["user"] == sim_auth.DEFAULT_USER and rows["ops"]["ended"] is False
    assert "default.session" not in listed.output

    sim_http.put("/_sim/variants", json=["session-hour"]).raise_for_status()
    checked = runbook_cli("sessions", "--check", env=env)
    assert checked.code == 0, checked.output
    assert checked.stdout.count("opens the console  usable") == 2
    sim_http.post("/_sim/clock", json={"advance_s": 3600}).raise_for_status()
    ended = runbook_cli("sessions", "--check", env=env)
    assert ended.code == 3, ended.output
    assert ended.stdout.count("does not open the console  ENDED: sign in with `runbook login`") == 2
    assert "signed in 1 h 0 min ago" in ended.stdout  # by the console's clock


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={"DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def _until(condition: Callable[[], bool], what: str, timeout_s: float = 30) -> None:
    """Wait for a condition the test cannot be told about (the simulator is asked again)."""
    end = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < end, f"waited {timeout_s} s for {what}"
        time.sleep(0.1)


def _window_named(display: str, name: str, timeout_s: float = 60) -> str:
    """The first visible window with this name. xdotool's search fails (exit 1) when a window
    goes while it looks at it, as Chromium's do while it starts: then it is asked again."""
    found: list[str] = []

    def shown() -> bool:
        try:
            found.append(_xdotool(display, "search", "--sync", "--onlyvisible", "--name", name))
        except subprocess.CalledProcessError:
            return False
        return True

    _until(shown, f"a window named {name!r}", timeout_s)
    return found[0].split()[0]


def _end(login: subprocess.Popen[str], env: dict[str, str]) -> None:
    """Kill a login still running, and the plain window it opened (a session of its own): a
    window left over on the display would be the one the next test finds and types into."""
    if login.poll() is None:
        login.kill()
        login.wait(10)
    browsers = str(Path(env["XDG_CONFIG_HOME"]) / "runbook" / "browsers")
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if browsers in (process / "cmdline").read_bytes().decode(errors="replace"):
                os.kill(int(process.name), signal.SIGKILL)


def _login_window(env: dict[str, str], display: str, url: str) -> subprocess.Popen[str]:
    """`runbook login` (profile "me") as a person starts it; returns once its plain window
    shows the sign-in page, focused."""
    login = subprocess.Popen(
        [sys.executable, "-m", "runbook", "login", "--console", url, "--profile", "me"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _xdotool(display, "windowfocus", "--sync", _window_named(display, "Sign in"))
    except BaseException:
        _end(login, env)
        raise
    return login


# Over 20 s: a person signs in in a plain window (typed by xdotool), then a run uses it.
@pytest.mark.process  # the plain window is a program of its own, as the login that opens it
def test_a_person_signs_in_in_a_plain_window_that_google_does_not_refuse(
    display: str,
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    sim_http.put("/_sim/variants", json=["automation-refused"]).raise_for_status()
    env = {**cli_env, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    login = _login_window(env, display, simulator.url)
    try:

        def stage(name: str) -> Callable[[], bool]:
            return lambda: name in sim_http.get("/_sim/signin").json()["flows"]

        def signed_in(before: int) -> Callable[[], bool]:
            return lambda: sim_http.get("/_sim/signin").json()["sessions"] > before

        def enter(value: Callable[[], str], then: Callable[[], bool]) -> None:
            """Type into the focused field and press Enter, as a person: again when the page
            was still loading and the keys went nowhere."""
            for _ in range(5):
                _xdotool(display, "key", "ctrl+a")
                _xdotool(display, "type", "--delay", "10", value())
                _xdotool(display, "key", "Return")
                try:
                    return _until(then, "the next sign-in step", timeout_s=5)
                except AssertionError:
                    continue
            raise AssertionError("the sign-in did not go on")

        code = pyotp.TOTP(sim_auth.DEFAULT_TOTP_SECRET)
        enter(lambda: sim_auth.DEFAULT_USER, stage("password"))  # not refused: no automation
        enter(lambda: sim_auth.DEFAULT_PASSWORD, stage("code"))
        enter(code.now, signed_in(sim_http.get("/_sim/signin").json()["sessions"]))
        # The person closes the window (Chromium's Ctrl+Shift+W), focused again first.
        window = _xdotool(display, "search", "--onlyvisible", "--class", "chromium").split()[0]
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "ctrl+shift+w")
        out, err = login.communicate(timeout=120)
    finally:
        _end(login, env)
    assert login.returncode == 0, out + err
    assert "Session saved to" in out and "profile 'me'" in out
    profiles = tmp_path / "config" / "runbook"
    assert (profiles / "browsers" / "me").stat().st_mode & 0o777 == 0o700
    assert (profiles / "profiles" / "me.json").stat().st_mode & 0o777 == 0o600

    book = str(write_runbook(split_delivery()))
    run = runbook_cli("run", book, "--profile", "me", "--trace", "on", "--json", env=env)
    assert run.code == 0, run.output
    # The session stays the user's: none of its cookies in any artifact of the run.
    cookies = json.loads((profiles / "profiles" / "me.json").read_text())["cookies"]
    values = [c["value"] for c in cookies if len(c["value"]) >= 8]
    assert values, cookies
    folder = tmp_path / run.run()["run_dir"]
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            body = path.read_bytes()
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    body = b"".join(archive.read(n) for n in archive.namelist())
            assert not any(v.encode() in body for v in values), path
    assert not any(part == "browsers" for p in folder.rglob("*") for part in p.parts)


def test_a_session_signed_in_to_one_console_is_refused_on_another_naming_both(
    runbook_cli: Run,
    write_runbook: Write,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
    other_web_server: str,
) -> None:
    env, signed = own_login(runbook_cli, cli_env, tmp_path, simulator.url)
    assert signed.code == 0, signed.output
    book = str(write_runbook(split_delivery()))
    elsewhere = runbook_cli("drift", book, "--console", other_web_server, env=env)
    assert elsewhere.code == 3, elsewhere.output
    assert f"was signed in to {simulator.url}, not to {other_web_server}" in elsewhere.output


def test_login_without_a_display_or_on_a_profile_in_use_is_a_usage_error(
    runbook_cli: Run, simulator: Any, cli_env: dict[str, str], tmp_path: Path
) -> None:
    import os
    import socket

    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    headless = runbook_cli("login", "--console", simulator.url, env=env)
    assert headless.code == 64, headless.output
    assert "there is no display" in headless.stderr and "xvfb-run" in headless.stderr

    profile = tmp_path / "config" / "runbook" / "browsers" / "default"
    profile.mkdir(parents=True)
    (profile / "SingletonLock").symlink_to(f"{socket.gethostname()}-{os.getpid()}")
    busy = runbook_cli("login", "--console", simulator.url, env={**env, "DISPLAY": ":99"})
    assert busy.code == 64, busy.output
    assert f"the browser profile {profile} is in use by another Chromium" in busy.stderr


def _debuggable_browser(profile: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A Chromium a person started with remote debugging on a dedicated profile; its
    endpoint once it listens."""
    from runbook.console.browser import launch_args

    args = launch_args()
    browser = subprocess.Popen(
        [
            args["executable_path"],
            "--headless",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            *args["args"],
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its group: Debian's launcher script runs Chromium as a child
    )
    port_file = profile / "DevToolsActivePort"
    _until(lambda: port_file.is_file() and port_file.read_text().strip() != "", "DevTools")
    return browser, f"http://127.0.0.1:{port_file.read_text().split()[0]}"


def test_login_attach_takes_the_session_of_a_browser_a_person_signed_in(
    runbook_cli: Run,
    write_runbook: Write,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
    sign_in: Any,
) -> None:
    browser, endpoint = _debuggable_browser(tmp_path / "person")
    try:
        env = {**cli_env, "XDG_CONFIG_HOME": str(tmp_path / "config")}
        args = ["--console", simulator.url, "--profile", "attached"]
        unsigned = runbook_cli("login", "--attach", endpoint, *args, env=env)
        assert unsigned.code == 3 and "not signed in to the console" in unsigned.stderr

        def person() -> None:  # signs in in that browser (a thread: its own Playwright)
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                connected = p.chromium.connect_over_cdp(endpoint)
                page = connected.contexts[0].new_page()
                page.goto(f"{simulator.url}/ac")
                sign_in(page)
                page.get_by_role("button", name="Main menu").wait_for()
                connected.close()

        thread = threading.Thread(target=person)
        thread.start()
        thread.join(timeout=60)
        attached = runbook_cli("login", "--attach", endpoint, *args, env=env)
        assert attached.code == 0, attached.output
        run = runbook_cli(
            "drift", str(write_runbook(split_delivery())), "--profile", "attached", env=env
        )
        assert run.code == 2, run.output  # signed in: it read the (empty) console
        assert browser.poll() is None  # the person's browser is still open
    finally:
        os.killpg(browser.pid, signal.SIGTERM)
        browser.wait(timeout=30)
    nobody = runbook_cli("login", "--attach", "http://127.0.0.1:9", *args, env=env)
    assert nobody.code == 1 and "no browser answered at http://127.0.0.1:9" in nobody.stderr


def test_a_session_that_ends_between_two_steps_stops_the_run_with_the_first_save_kept(
    runbook_cli: Run,
    write_runbook: Write,
    sim_http: httpx.Client,
    simulator: Any,
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    env, signed = own_login(runbook_cli, cli_env, tmp_path, simulator.url)
    assert signed.code == 0, signed.output
    sim_http.put("/_sim/variants", json=["session-hour"]).raise_for_status()
    stop = threading.Event()

    def hour_passes_once_the_first_step_has_finished() -> None:
        # after its save *and* its read-back: an hour passing between the save and the
        # read-back is another case (tests/cli/test_saves.py, "may have been applied")
        with sim_client(simulator.url) as api:
            while not stop.is_set():
                logs = (tmp_path / "recordings").glob("*/run.jsonl")
                if any('"step.finished"' in log.read_text() for log in logs):
                    api.post("/_sim/clock", json={"advance_s": 3600}).raise_for_status()
                    return
                stop.wait(0.02)

    clock = threading.Thread(target=hour_passes_once_the_first_step_has_finished)
    clock.start()
    try:
        result = runbook_cli("run", str(write_runbook(split_delivery())), "--json", env=env)
    finally:
        stop.set()
        clock.join(timeout=30)
    assert result.code == 3, result.output
    audit = [(a["action"], a["name"]) for a in sim_http.get("/_sim/audit").json()]
    assert audit == [("create_route", "Legacy mail server")]  # the rule: not half-saved
    state = sim_http.get("/_sim/state").json()
    assert state["routes"][0]["server"]["single_host"]["host"] == "mail.legacy.example.com"
    steps = result.run()["steps"]
    assert steps[0]["status"] == "changed" and steps[1]["status"] != "changed"
    # Where the console tells it (the next page, the dialog, a click in it) is a race; what
    # the user is told is not.
    error = result.run()["error"]
    assert "(the session was 1 h 0 min old" in error
    assert "ends sessions one hour after sign-in" in error
    assert "runbook login --profile default" in error


@pytest.mark.process  # the plain window is a program of its own, as the login that opens it
def test_a_window_closed_without_signing_in_saves_nothing_and_exits_3(
    display: str, simulator: Any, cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**cli_env, "DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    login = _login_window(env, display, simulator.url)
    try:
        _xdotool(display, "key", "ctrl+shift+w")  # the person gives up
        out, err = login.communicate(timeout=120)
    finally:
        _end(login, env)
    assert login.returncode == 3, out + err
    assert "the window was closed before the console opened signed in" in err
    assert not (tmp_path / "config" / "runbook" / "profiles" / "me.json").exists()
