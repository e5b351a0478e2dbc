"""Fixtures of the simulator's own tests: a signed-in HTTP client and sample console states."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from runbook.simulator.server import SimulatorServer
from tests.clients import sim_client

from .samples import BALANCED, LEGACY, REJECT, SPLIT, http_sign_in


@pytest.fixture
def sample_state() -> dict[str, Any]:
    """Two routes and two rules, in the canonical form the test API returns."""
    sample = {"routes": [LEGACY, BALANCED], "routing_rules": [SPLIT, REJECT]}
    return copy.deepcopy({**sample, "default_routing_rules": []})


@pytest.fixture
def console(simulator: SimulatorServer, sim: Any) -> Iterator[httpx.Client]:
    """An HTTP client signed in to the console (data endpoints answer without added latency)."""
    sim.faults({"latency_ms": [0, 0]})
    with sim_client(simulator.url) as client:
        http_sign_in(client)
        yield client
