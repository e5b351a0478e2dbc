"""Secrets never reach a log line, a report or a summary."""

from __future__ import annotations

from pathlib import Path

from runbook.results import FieldChange, RunResult, StepResult
from runbook.secrets import MASK, Redactor

SECRET = "hunter2-Sup3rSecret"


def test_every_occurrence_is_masked() -> None:
    redactor = Redactor([SECRET])

    assert redactor.text(f"user:{SECRET}@host and {SECRET}") == f"user:{MASK}@host and {MASK}"


def test_a_secret_containing_another_is_masked_whole() -> None:
    redactor = Redactor(["abcd", "abcdefgh"])

    assert redactor.text("x abcdefgh y") == f"x {MASK} y"


def test_empty_secrets_are_ignored_and_short_ones_still_masked() -> None:
    redactor = Redactor(["", "ab"])

    assert redactor.text("crab") == f"cr{MASK}"
    assert Redactor([""]).text("anything") == "anything"
    assert not Redactor([""])


def test_regex_characters_in_secrets_are_literal() -> None:
    redactor = Redactor(["a.b*c"])

    assert redactor.text("aXbbc a.b*c") == f"aXbbc {MASK}"


def test_values_are_masked_at_any_depth() -> None:
    redactor = Redactor([SECRET])
    value = {
        "password": SECRET,
        SECRET: [("x", f"pre-{SECRET}"), {"deep": [SECRET]}],
        "port": 25,
        "flag": True,
        "none": None,
        "path": Path("/tmp") / SECRET,
    }

    masked = redactor.value(value)

    assert SECRET not in repr(masked)
    assert masked["password"] == MASK
    assert masked[MASK] == [("x", f"pre-{MASK}"), {"deep": [MASK]}]
    assert masked["port"] == 25
    assert masked["flag"] is True
    assert masked["none"] is None
    assert value["password"] == SECRET  # the original is left alone


def test_numbers_that_are_secrets_are_masked() -> None:
    assert Redactor(["4242"]).value({"pin": 4242, "port": 25}) == {"pin": MASK, "port": 25}


def test_run_results_are_masked_whole() -> None:
    result = RunResult(
        runbook="r",
        file="f.yaml",
        mode="apply",
        console=f"https://{SECRET}@example.com",
        locale="en",
        started_at="2026-11-27T13:45:01Z",
        steps=[
            StepResult(
                index=1,
                name="n",
                kind="mail_route",
                resource="x",
                status="failed",
                changes=[FieldChange("token", "old", SECRET)],
                message=f"rejected {SECRET}",
                details={"auth": SECRET},
            )
        ],
    )

    masked = Redactor([SECRET]).value(result)

    assert isinstance(masked, RunResult)
    assert SECRET not in repr(masked.as_dict())
    assert masked.steps[0].changes[0].after == MASK
    assert result.steps[0].message == f"rejected {SECRET}"


def test_as_a_structlog_processor_it_masks_event_and_fields() -> None:
    redactor = Redactor([SECRET])

    out = redactor(None, "info", {"event": f"login as {SECRET}", "nested": {"k": [SECRET]}})

    assert out == {"event": f"login as {MASK}", "nested": {"k": [MASK]}}


def test_repr_does_not_show_the_secrets() -> None:
    assert SECRET not in repr(Redactor([SECRET]))


def test_no_secrets_means_no_change() -> None:
    data = {"a": ["b"]}
    assert Redactor().value(data) is data
    assert Redactor().text("abc") == "abc"
