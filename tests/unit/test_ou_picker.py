"""Finding an OU path in the picker's items (level, name, expanded), without a browser."""

from __future__ import annotations

import pytest

from runbook.console.ou_picker import branch_to_close, find_in, parts_of

# example.com > Sales > EMEA, Sales > Pilot; Support > EMEA (the same name, another parent)
TREE = [
    (1, "example.com", "true"),
    (2, "Sales", "true"),
    (3, "EMEA", None),
    (3, "Pilot", None),
    (2, "Support", "true"),
    (3, "EMEA", None),
]


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("/", (0, 0)),
        ("/Sales", (1, 1)),
        ("/Sales/Pilot", (2, 3)),
        ("/Support/EMEA", (2, 5)),  # not Sales's EMEA, listed first
        ("/Sales/APAC", (1, 1)),  # APAC missing: the search stops at Sales
        ("/Pilot", (0, 0)),  # Pilot is not a child of the top
        ("/Support/Pilot", (1, 4)),  # Pilot is Sales's, not Support's
    ],
)
def test_each_part_is_a_child_of_the_one_before(path: str, found: tuple[int, int]) -> None:
    assert find_in(TREE, parts_of(path)) == found


def test_a_collapsed_parent_is_where_the_search_stops() -> None:
    collapsed = [(1, "example.com", "true"), (2, "Sales", "false")]
    assert find_in(collapsed, ["Sales", "EMEA"]) == (1, 1)
    assert find_in([], ["Sales"]) == (0, -1)


def test_open_branches_off_the_path_close_while_a_name_repeats() -> None:
    # Support's EMEA shown beside Sales's: close Support, the shallowest open item off the path
    assert branch_to_close(TREE, ["Sales", "EMEA"]) == 4
    assert branch_to_close(TREE, ["Support", "EMEA"]) == 1  # then Sales, for Support's EMEA
    assert branch_to_close(TREE[:4], ["Sales", "EMEA"]) is None  # every name shown once
    deeper = [(1, "example.com", "true"), (2, "Sales", "true"), (3, "EMEA", "true"),
              (4, "Leads", None), (3, "APAC", "true"), (4, "Leads", None)]  # fmt: skip
    assert branch_to_close(deeper, ["Sales", "APAC", "Leads"]) == 2  # Sales stays open
