"""The DNS side of DKIM: record names and values, their lookups, the files handing them over.

The names below load on first use: a runbook's `dkim` step is validated with the record rules
(`.dkim`) alone, without the DNS resolver (`.lookup`, dnspython) or the key parser loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runbook.lazy import lazy_names

if TYPE_CHECKING:
    from runbook.dns_records.dkim import (
        DOMAINKEY,
        KEY_BITS,
        SELECTOR_RULE,
        host_name,
        is_dkim,
        key_bits,
        record_name,
        same_key,
        selector_of,
        selector_problem,
        tags,
    )
    from runbook.dns_records.lookup import (
        DnsUnreachable,
        Lookup,
        Resolver,
        check_dkim,
        judge,
        txt_records,
    )
    from runbook.dns_records.records import DnsRecord, bind_lines, json_document, write_records

_HOMES: dict[str, str] = {
    "DOMAINKEY": "dkim",
    "DnsRecord": "records",
    "DnsUnreachable": "lookup",
    "KEY_BITS": "dkim",
    "Lookup": "lookup",
    "Resolver": "lookup",
    "SELECTOR_RULE": "dkim",
    "bind_lines": "records",
    "check_dkim": "lookup",
    "host_name": "dkim",
    "is_dkim": "dkim",
    "json_document": "records",
    "judge": "lookup",
    "key_bits": "dkim",
    "record_name": "dkim",
    "same_key": "dkim",
    "selector_of": "dkim",
    "selector_problem": "dkim",
    "tags": "dkim",
    "txt_records": "lookup",
    "write_records": "records",
}


__getattr__ = lazy_names(__name__, _HOMES, globals())


__all__ = [
    "DOMAINKEY",
    "KEY_BITS",
    "SELECTOR_RULE",
    "DnsRecord",
    "DnsUnreachable",
    "Lookup",
    "Resolver",
    "bind_lines",
    "check_dkim",
    "host_name",
    "is_dkim",
    "json_document",
    "judge",
    "key_bits",
    "record_name",
    "same_key",
    "selector_of",
    "selector_problem",
    "tags",
    "txt_records",
    "write_records",
]
