"""The DNS side of DKIM: record names and values (`.dkim`), their lookups (`.lookup`,
dnspython) and the server they ask (`.resolver`), the files handing them over (`.records`).
Import from the module that holds a name: a runbook's `dkim` step is validated with `.dkim`
alone, and a run without one never loads dnspython.
"""
