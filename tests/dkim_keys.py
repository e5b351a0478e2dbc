"""DKIM TXT values of real RSA keys, as the console shows them after "Generate new record"."""

from __future__ import annotations

import base64
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


@cache
def dkim_value(bits: int, which: int = 0) -> str:
    """`v=DKIM1; k=rsa; p=...` for a fresh RSA key of `bits` bits (`which` tells keys apart)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return "v=DKIM1; k=rsa; p=" + base64.b64encode(der).decode("ascii")
