"""Every label key with its role: the shell's (`locales.SHELL_ROLES`) and each page module's.

A key is declared once, with its role, where it is used: the shell's, sign-in's and every
dialog's in `runbook.locales.SHELL_ROLES`; a page's in its page module, `ROLES` in
`runbook.console.pages.<page>` (keys two pages share in the shared module they both use:
`switchable`, `message_options`). This module gathers them from the modules present in
`console/pages/`, so a new page names itself nowhere else. A key declared twice, or a key
asked for that nobody declared, fails loudly.
"""

from __future__ import annotations

import importlib
import pkgutil

from runbook.console import pages
from runbook.locales import SHELL_ROLES, LabelKey, Role


def _gathered() -> dict[LabelKey, Role]:
    roles: dict[LabelKey, Role] = dict(SHELL_ROLES)
    declared = dict.fromkeys(SHELL_ROLES, "runbook.locales.SHELL_ROLES")
    for found in sorted(pkgutil.iter_modules(pages.__path__), key=lambda m: m.name):
        module_name = f"{pages.__name__}.{found.name}"
        own: dict[LabelKey, Role] = getattr(importlib.import_module(module_name), "ROLES", {})
        for key, role in own.items():
            if key in declared:
                raise LookupError(
                    f"label key {key!r} is declared twice: in {declared[key]} and {module_name}"
                )
            declared[key] = module_name
            roles[key] = role
    return roles


ROLES: dict[LabelKey, Role] = _gathered()


def role(key: LabelKey) -> Role:
    """The role of a label key; a key nobody declared is a `LookupError`."""
    try:
        return ROLES[key]
    except KeyError:
        raise LookupError(
            f"no label key {key!r} is declared: give it a role in its page module's ROLES "
            "(or in runbook.locales.SHELL_ROLES) and its names in every locale file"
        ) from None
