"""The kinds registry: every kind is described whole, and an unknown kind fails loudly."""

from __future__ import annotations

import pytest

from runbook.errors import InvalidRunbook
from runbook.file import KINDS, Resource, Step, kind_info, load_text
from runbook.file.crosscheck import field_path_problem
from runbook.file.model import StepBase

# the console pages the page objects know
PAGES = {"hosts", "routing", "default_routing", "authenticate_email", "spam"}
# What a step of a kind needs besides its key, to be valid.
MINIMAL: dict[str, dict[str, object]] = {
    "form": {"page": {"path": "/ac/x"}, "controls": [{"checkbox": "On", "checked": True}]},
    # examples/plugin-kind, installed by scripts/bootstrap.sh
    "email_allowlist": {"ip_addresses": ["192.0.2.1"]},
}
# Kinds whose steps name their page (no list page of their own).
NAME_THEIR_PAGE = {"form", "email_allowlist"}


@pytest.mark.parametrize("key", list(KINDS))
def test_every_kind_is_registered_whole(key: str) -> None:
    info = kind_info(key)
    assert info.key == key
    assert issubclass(info.model, Resource)
    assert info.key_field in info.model.model_fields
    assert info.page in PAGES or (key in NAME_THEIR_PAGE and info.page == "")
    assert info.noun and info.what and info.fields
    assert all(field in info.model.model_fields for field in info.required)
    for ref in info.references:
        assert ref.kind in KINDS and ref.noun == KINDS[ref.kind].noun
        assert {ref.field, ref.existing_field} <= set(info.model.model_fields)


def test_a_step_has_one_field_per_kind() -> None:
    own = set(StepBase.model_fields)
    assert set(Step.model_fields) - own == set(KINDS)
    for key, info in KINDS.items():
        assert Step.model_fields[key].annotation == info.model | None
        state = "present" if info.instead_of_absent else "absent"  # a DKIM key stays
        fields = {info.key_field: "k.example", **MINIMAL.get(key, {})}
        assert Step(**{key: fields}, state=state).kind == key


@pytest.mark.parametrize("key", ["quarantine", "route", "", "Mail_Route"])
def test_an_unknown_kind_fails_loudly(key: str) -> None:
    with pytest.raises(LookupError, match="no resource kind"):
        kind_info(key)
    with pytest.raises(LookupError):
        field_path_problem(key, "name")


def test_a_step_with_no_registered_kind_is_refused() -> None:
    text = "version: 1\nname: x\nsteps:\n  - name: s\n    quarantine: {}\n"
    with pytest.raises(InvalidRunbook) as info:
        load_text(text, "f.yaml", env={})
    messages = [p.message for p in info.value.problems]
    assert any("unknown key 'quarantine'" in m for m in messages), messages


@pytest.mark.parametrize(
    ("body", "invalid"),
    [
        ("mail_route:\n      name: Legacy\n", "      mx_lookup: maybe\n"),
        ("routing_rule:\n      description: Split\n", "      enabled: maybe\n"),
    ],
)
def test_a_missing_field_reads_the_same_whether_or_not_the_rest_is_valid(
    body: str, invalid: str
) -> None:
    """One check, one wording: also when another field stops the model's own validators."""
    head = "version: 1\nname: x\nsteps:\n  - "

    def problems(text: str) -> list[str]:
        with pytest.raises(InvalidRunbook) as info:
            load_text(text, "f.yaml", env={})
        return [str(p) for p in info.value.problems]

    alone = problems(head + body)
    assert len(alone) == 1 and "only 'state: absent' may leave it out" in alone[0]
    assert alone[0] in problems(head + body + invalid)
