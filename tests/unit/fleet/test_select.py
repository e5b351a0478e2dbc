"""Which tenants a run takes: `--tenant`, `--shard I/N`, the CI matrix; the fleet's exit code."""

from __future__ import annotations

import pytest

from runbook.errors import UsageError
from runbook.fleet import Shard, Tenant, fleet_exit_code, matrix, parse_shard, select

TENANTS = [Tenant(f"t{k}", f"https://admin{k}.example.com", f"t{k}") for k in range(7)]


def names(tenants: list[Tenant]) -> list[str]:
    return [t.name for t in tenants]


def test_shards_deal_the_tenants_round_robin_each_exactly_once() -> None:
    shards = [names(select(TENANTS, shard=Shard(i, 3))) for i in range(3)]
    assert shards == [["t0", "t3", "t6"], ["t1", "t4"], ["t2", "t5"]]
    assert shards == [names(select(TENANTS, shard=Shard(i, 3))) for i in range(3)]  # same again


def test_tenant_names_then_shards() -> None:
    assert names(select(TENANTS, ["t5", "t1"])) == ["t1", "t5"]  # in the file's order
    assert names(select(TENANTS, ["t1", "t2", "t5"], Shard(1, 2))) == ["t2"]


def test_an_unknown_tenant_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(UsageError, match=r"--tenant 't11': no such tenant.*did you mean 't1'"):
        select(TENANTS, ["t11"])


@pytest.mark.parametrize("text", ["3", "3/3", "-1/2", "a/b", "1/0"])
def test_a_bad_shard_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match="--shard"):
        parse_shard(text)


def test_the_matrix_has_one_entry_per_non_empty_shard() -> None:
    entries = matrix(TENANTS, 3)["include"]
    assert [e["shard"] for e in entries] == ["0/3", "1/3", "2/3"]
    assert [e["tenants"] for e in entries] == [["t0", "t3", "t6"], ["t1", "t4"], ["t2", "t5"]]
    capped = matrix(TENANTS[:2], 256)["include"]
    assert [e["shard"] for e in capped] == ["0/2", "1/2"]
    with pytest.raises(UsageError, match="1 to 256"):
        matrix(TENANTS, 257)


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([0, 2, 1, 3, 4, 65], 65),
        ([0, 2, 1, 3, 4, 64], 64),
        ([0, 2, 1, 3, 4], 4),
        ([0, 2, 1, 3], 3),
        ([0, 2, 1], 1),
        ([2, 0, 0], 2),
        ([0, 0], 0),
        ([0, 130, 65], 130),
        ([], 0),
    ],
)
def test_the_fleet_exits_with_the_most_urgent_tenant_outcome(
    codes: list[int], expected: int
) -> None:
    assert fleet_exit_code(codes) == expected
