"""The DNS side of DKIM: record names and values, their lookups, the files handing them over."""

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
