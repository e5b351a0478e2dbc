"""HTTP clients for the simulators of a test run, all sharing one TLS context."""

from __future__ import annotations

import ssl
from typing import Any

import httpx

# A client made without one loads the CA bundle (tens of milliseconds): once is enough.
_TLS = ssl.create_default_context()
# The simulator (uvicorn) closes a connection idle for 5 s. A client that kept it as long
# could send on it just as it closes ("connection reset by peer"): drop idle ones sooner.
_LIMITS = httpx.Limits(keepalive_expiry=2.0)


def sim_client(url: str, **options: Any) -> httpx.Client:
    """An httpx client of `url` (10 s timeout unless told otherwise)."""
    return httpx.Client(base_url=url, verify=_TLS, limits=_LIMITS, **{"timeout": 10, **options})
