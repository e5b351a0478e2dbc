"""Each resource kind has its explain module, registered by kind key; a kind without one fails."""

from __future__ import annotations

import pytest

from runbook.console.places import PAGES
from runbook.explain import EXPLAINERS, explainer
from runbook.explain.core import Writer
from runbook.file import KINDS


def test_every_resource_kind_has_an_explain_module() -> None:
    assert sorted(EXPLAINERS) == sorted(KINDS)
    for kind in KINDS:  # its kind's page; "": the steps name their page (a form)
        assert explainer(kind).page == KINDS[kind].page
        assert explainer(kind).page in {*PAGES, ""}


def test_a_kind_without_an_explain_module_fails_loudly() -> None:
    with pytest.raises(
        LookupError,
        match=r"'quarantine'.*default_routing, dkim, email_allowlist, form, mail_route, "
        r"routing_rule",
    ):
        explainer("quarantine")


@pytest.mark.parametrize(
    ("locale", "page", "path"),
    [
        ("en", "hosts", "Main menu > Apps > Google Workspace > Gmail > Hosts"),
        ("fr", "routing", "Menu principal > Applications > Google Workspace > Gmail > Routage"),
    ],
)
def test_the_click_path_is_written_from_the_menu_keys(locale: str, page: str, path: str) -> None:
    assert Writer(locale).click_path(page) == path
