"""Which tenants a run takes: `--tenant NAME` and `--shard I/N`, and the CI matrix of shards."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from runbook.errors import UsageError
from runbook.file.checks import did_you_mean
from runbook.fleet.tenants import Tenant

MAX_MATRIX = 256  # GitHub Actions refuses a matrix of more jobs
_SHARD = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class Shard:
    """Shard `index` (0-based, as a Kubernetes job index) of `total`."""

    index: int
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def parse_shard(text: str) -> Shard:
    """`I/N` with 0 <= I < N, else a `UsageError` saying so."""
    match = _SHARD.match(text.strip())
    if not match:
        raise UsageError(f"--shard expects I/N (e.g. 0/4; I counts from 0), got {text!r}")
    index, total = int(match[1]), int(match[2])
    if total < 1 or index >= total:
        raise UsageError(f"--shard {text}: I must be from 0 to N-1 and N at least 1")
    return Shard(index, total)


def select(
    tenants: Sequence[Tenant], names: Sequence[str] = (), shard: Shard | None = None
) -> list[Tenant]:
    """The tenants named (all when none is), then those of `shard`: the file's tenants in
    order, dealt round-robin (tenant k goes to shard k mod N), so the same file always gives
    the same shards. An unknown name is a usage error."""
    known = [t.name for t in tenants]
    unknown = [n for n in names if n not in known]
    if unknown:
        hint = did_you_mean(unknown[0], known) or f"; the file has: {', '.join(known)}"
        raise UsageError(f"--tenant {unknown[0]!r}: no such tenant in the file{hint}")
    chosen = [t for t in tenants if not names or t.name in names]
    if shard is None:
        return chosen
    return [t for k, t in enumerate(chosen) if k % shard.total == shard.index]


def matrix(tenants: Sequence[Tenant], shards: int) -> dict[str, Any]:
    """A GitHub Actions matrix (`{"include": [...]}`): one entry per non-empty shard, each
    with `shard` (`I/N`, for `--shard`) and the names of its tenants. N is capped at the
    number of tenants so that no entry is empty."""
    if not 1 <= shards <= MAX_MATRIX:
        raise UsageError(f"--matrix takes 1 to {MAX_MATRIX} shards, got {shards}")
    total = max(1, min(shards, len(tenants)))
    entries = []
    for index in range(total):
        shard = Shard(index, total)
        names = [t.name for t in select(tenants, shard=shard)]
        entries.append({"shard": str(shard), "index": index, "total": total, "tenants": names})
    return {"include": entries}
