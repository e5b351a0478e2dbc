"""The pages registry: every page registered in full, an unknown page fails loudly."""

from __future__ import annotations

from typing import get_args

import pytest

from runbook.console.places import HOME_PATH, PAGES, PageName, page_info
from runbook.locales import LOCALES, Labels


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_has_a_path_a_menu_path_and_a_heading(name: str) -> None:
    info = page_info(name)
    assert info.name == name
    assert info.path.startswith(HOME_PATH + "/"), info
    assert info.menu and info.link == info.menu[-1], info
    assert info.link.startswith("nav_"), "the menu path ends in the page's link"
    for locale in LOCALES:
        labels = Labels(locale)
        for key in (*info.menu, info.heading):
            assert labels.names(key), (locale, key)


def test_pages_have_distinct_paths_and_links() -> None:
    assert len({info.path for info in PAGES.values()}) == len(PAGES)
    assert len({info.link for info in PAGES.values()}) == len(PAGES)


def test_the_page_names_the_type_checker_knows_are_the_registered_ones() -> None:
    assert set(get_args(PageName)) == set(PAGES)


def test_an_unknown_page_fails_loudly() -> None:
    with pytest.raises(KeyError, match="no console page 'quarantine' is registered"):
        page_info("quarantine")


def test_each_page_object_refers_to_its_registered_page() -> None:
    from runbook.console.page import ListPage

    with pytest.raises(KeyError, match="no console page 'nowhere'"):

        class Nowhere(ListPage, page="nowhere"):
            pass

    from runbook.console.pages.default_routing import DefaultRoutingPage
    from runbook.console.pages.hosts import HostsPage
    from runbook.console.pages.routing import RoutingPage

    pages = (
        (HostsPage, "hosts"),
        (RoutingPage, "routing"),
        (DefaultRoutingPage, "default_routing"),
    )
    for page_object, name in pages:
        assert page_object.info is PAGES[name]
        assert page_object.heading_key == PAGES[name].heading
