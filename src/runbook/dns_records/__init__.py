"""The DNS side of DKIM: record names and values (`.dkim`), their lookups (`.lookup`,
dnspython), the files handing them over (`.records`). Import from the module that holds a
name: a runbook's `dkim` step is validated with `.dkim` alone, without the resolver loading.
"""
