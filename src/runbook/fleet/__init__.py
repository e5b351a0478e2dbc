"""Many tenants: the tenants file, shards, a pool of worker processes and the fleet's outputs.

Above the engine: each tenant's run is the engine's single-tenant `execute`, in its own
process (`runbook.fleet.pool`); this package only chooses, schedules and sums them up.
"""

from runbook.fleet.outcome import FleetRun, TenantOutcome, fleet_exit_code
from runbook.fleet.select import Shard, matrix, parse_shard, select
from runbook.fleet.tenants import Tenant, load_tenants

__all__ = [
    "FleetRun",
    "Shard",
    "Tenant",
    "TenantOutcome",
    "fleet_exit_code",
    "load_tenants",
    "matrix",
    "parse_shard",
    "select",
]
