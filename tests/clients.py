"""HTTP clients for the simulators of a test run, all sharing one TLS context."""

from __future__ import annotations

import ssl
from typing import Any

import httpx

# A client made without one loads the CA bundle (tens of milliseconds): once is enough.
_TLS = ssl.create_default_context()


def sim_client(url: str, **options: Any) -> httpx.Client:
    """An httpx client of `url` (10 s timeout unless told otherwise)."""
    return httpx.Client(base_url=url, verify=_TLS, **{"timeout": 10, **options})
