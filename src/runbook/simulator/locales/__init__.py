"""The simulator's strings, one module per language (`en.py`, `fr.py`): the list is the files.

Each module holds `STRINGS` (key -> the text the pages and the JSON answers show) and
`VARIANT_STRINGS` (variant name -> the keys that variant words otherwise). Keys shared with
runbook's label catalogue keep the catalogue's key name (a test checks the simulator shows the
catalogue's first name for each); the rest are the simulator's own texts (titles, summaries,
error messages). To add a language: one module here with every key English has (a test
compares the key sets); `runbook.simulator.i18n` finds it and `?hl=<code>` shows it.
"""
