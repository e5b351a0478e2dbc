"""Kinds from other packages: the entry points of the group `runbook.kinds`, found cheaply.

Finding them reads the installed distributions' metadata only; their modules are imported by
the kinds registry (`runbook.file.kinds`), which reports a broken one here: raised (the
default, exit 64), or kept for `runbook kinds` to list when `STRICT` is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points

from runbook.errors import PluginError

GROUP = "runbook.kinds"


@dataclass(frozen=True)
class PluginKind:
    """One entry point: the kind's key (its name), the package holding the kind's parts (its
    value), and the distribution that declares it."""

    key: str
    package: str
    distribution: str
    version: str

    @property
    def source(self) -> str:
        """Where it comes from, for people: `runbook-email-allowlist 0.1.0`."""
        return f"{self.distribution} {self.version}"

    def error(self, problem: str, part: str = "") -> PluginError:
        """The one error of a broken plugin kind: the distribution, the entry point, the part."""
        of = f"its {part} part: " if part else ""
        return PluginError(
            f"the package {self.source} adds the kind {self.key!r} "
            f"(entry point {self.key} = {self.package} in group {GROUP}), which does not "
            f"load: {of}{problem}"
        )


@cache
def plugin_kinds() -> tuple[PluginKind, ...]:
    """Every entry point of the group, in the order the metadata lists them."""
    found: list[PluginKind] = []
    for point in entry_points(group=GROUP):
        dist = point.dist
        name = dist.metadata["Name"] if dist is not None else "(unknown distribution)"
        version = dist.version if dist is not None else "?"
        found.append(PluginKind(point.name, point.value, name, version))
    return tuple(found)


# True: a broken plugin kind raises its `PluginError` when the registry loads. `runbook kinds`
# turns it off before loading, to list the broken ones (with their errors) beside the rest.
STRICT = True
BROKEN: dict[PluginKind, PluginError] = {}


def report(plugin: PluginKind, error: PluginError) -> None:
    """A plugin kind that does not load: raised, or (not `STRICT`) kept and left out."""
    if STRICT:
        raise error
    BROKEN.setdefault(plugin, error)
