"""Labels files: per locale, catalogue keys -> the accessible names a console gives them.

```yaml
en:
  add_route: New route
  require_tls: [Require TLS, Require mail to be transmitted via TLS]
  form:                   # a `form` step's names (its controls, section, buttons, options,
    Email allowlist: Allowlist   # menu items): the runbook's name -> the console's name(s)
```

`load_labels(path)` reads one, refusing (as an invalid runbook is: `FILE:LINE:COL`, exit 65)
unknown keys and locales, empty names, and a new console language (a locale runbook does not
ship) that does not give every key. The names are tried before the built-in ones
(`runbook.locales.Labels`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from runbook.errors import InvalidRunbook, Problem, UsageError
from runbook.file.checks import did_you_mean
from runbook.file.source import Pos, Source, SourceFatal, read_text
from runbook.file.yamlsource import parse_source
from runbook.locales import DEFAULT_LOCALE, LOCALES, LabelKey, Labels, catalogue, missing_keys

if TYPE_CHECKING:
    from runbook.file.model import Runbook

LOCALE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")  # en, fr, de, pt-BR
_KEYS: tuple[str, ...] = get_args(LabelKey)
_FIELDS = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class LabelsFile:
    """A labels file, read and checked: its names per locale."""

    file: str
    names: dict[str, dict[LabelKey, tuple[str, ...]]] = field(default_factory=dict)
    # per locale, the `form:` table: a name a runbook writes -> the console's names for it
    texts: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def for_locale(self, locale: str) -> dict[LabelKey, tuple[str, ...]]:
        """The file's names for this locale (empty when it gives none)."""
        return self.names.get(locale, {})

    def labels(self, locale: str) -> Labels:
        """The catalogue of `locale` with this file's names first; a usage error when the
        locale is neither shipped nor given by the file."""
        if locale not in LOCALES and locale not in self.names:
            given = ", ".join(sorted(self.names)) or "none"
            raise UsageError(
                f"unsupported console locale {locale!r}: use one of {', '.join(LOCALES)}, or "
                f"a labels file that gives it ({self.file} gives: {given})"
            )
        return Labels(locale, self.for_locale(locale), self.texts.get(locale, {}))


def labels_for(locale: str, file: LabelsFile | None) -> Labels:
    """The catalogue of a run: the labels file's names first, when there is one."""
    return file.labels(locale) if file is not None else Labels(check_known(locale))


def check_known(locale: str) -> str:
    """`locale` when runbook ships it; else a usage error that says how to add it."""
    if locale not in LOCALES:
        raise UsageError(
            f"unsupported console locale {locale!r}: use one of {', '.join(LOCALES)}, "
            "or give a labels file for it (--labels FILE) that names every control"
        )
    return locale


def labels_path(runbook_file: str, written: str) -> Path:
    """Where a runbook's `console.labels` file is: relative to the runbook."""
    return Path(runbook_file).parent / written


def console_labels_problems(book: Runbook, source: Source) -> list[Problem]:
    """The problems of the labels file a runbook names (`console.labels`), in that file; a file
    that cannot be read is a problem of the runbook, at the key."""
    if book.console.labels is None:
        return []
    try:
        load_labels(labels_path(source.file, book.console.labels))
    except InvalidRunbook as exc:
        return exc.problems
    except UsageError as exc:
        pos = source.position(("console", "labels"))
        return [Problem(source.file, pos.line, pos.column, str(exc))]
    return []


def load_labels(path: Path) -> LabelsFile:
    """Read and check the labels file at `path`; `InvalidRunbook` lists every problem."""
    file = str(path)
    try:
        text = read_text(path)
    except OSError as exc:
        raise UsageError(f"cannot read labels file {file}: {exc.strerror or exc}") from None
    except SourceFatal as exc:
        raise InvalidRunbook(
            [Problem(file, i.pos.line, i.pos.column, i.message) for i in exc.issues]
        ) from None
    return parse_labels(text, file)


def parse_labels(text: str, file: str) -> LabelsFile:
    """A labels file from its text (`file` names it in problems)."""
    if not text.strip():
        raise InvalidRunbook([Problem(file, 1, 1, _EMPTY)])
    try:
        source = parse_source(text, file)
    except SourceFatal as exc:
        raise InvalidRunbook(
            [Problem(file, i.pos.line, i.pos.column, _reworded(i.message)) for i in exc.issues]
        ) from None
    problems: list[tuple[Pos, str]] = []
    out: dict[str, dict[LabelKey, tuple[str, ...]]] = {}
    texts: dict[str, dict[str, tuple[str, ...]]] = {}
    for locale, entries in source.data.items():
        if isinstance(entries, dict) and FORM_TABLE in entries:
            texts[str(locale)] = _form_names(source, str(locale), entries[FORM_TABLE], problems)
            entries = {k: v for k, v in entries.items() if k != FORM_TABLE}
            # a `form:` table alone: for a language runbook ships (else: a problem below)
            if not entries and (
                str(locale) in LOCALES or not _known_locale(source, str(locale), problems)
            ):
                continue
        names = _locale_names(source, str(locale), entries, problems)
        if names is not None:
            out[str(locale)] = names
    if problems:
        problems.sort()
        raise InvalidRunbook([Problem(file, p.line, p.column, m) for p, m in problems])
    return LabelsFile(file, out, texts)


FORM_TABLE = "form"  # under a locale: a `form` step's names, as the runbook writes them


def _form_names(
    source: Source, locale: str, table: Any, problems: list[tuple[Pos, str]]
) -> dict[str, tuple[str, ...]]:
    """A locale's `form:` table: each name a runbook writes, and the console's names for it."""
    path = (locale, FORM_TABLE)
    if not isinstance(table, dict) or not table:
        problems.append(
            (
                source.position(path),
                "under 'form', write the names your runbooks give (a form's controls, section, "
                "buttons, options) and the names the console shows instead",
            )
        )
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for written, value in table.items():
        at = (*path, written)
        if not isinstance(written, str) or not written.strip():
            problems.append((source.key_position(at), f"a name is non-empty text, got {written!r}"))
            continue
        items = value if isinstance(value, list) else [value]
        given = [" ".join(i.split()) for i in items if isinstance(i, str) and i.strip()]
        if not items or len(given) != len(items):
            problems.append(
                (source.position(at), f"{written!r}: give the console's name, or a list of names")
            )
            continue
        out[" ".join(written.split())] = tuple(given)
    return out


_EMPTY = "the labels file is empty; write a locale (en:) with catalogue keys under it"


def _reworded(message: str) -> str:
    if message.startswith("the top level of a runbook"):
        return "the top level of a labels file must be a mapping of locales (en:, fr:, ...)"
    return message


def _locale_names(
    source: Source, locale: str, entries: Any, problems: list[tuple[Pos, str]]
) -> dict[LabelKey, tuple[str, ...]] | None:
    at = source.key_position((locale,))
    if not _known_locale(source, locale, problems):
        return None
    if not isinstance(entries, dict) or not entries:
        problems.append(
            (source.position((locale,)), f"under {locale!r}, write catalogue keys and their names")
        )
        return None
    names: dict[LabelKey, tuple[str, ...]] = {}
    for key, value in entries.items():
        path = (locale, key)
        if key not in _KEYS:
            hint = did_you_mean(str(key), _KEYS) or "; `runbook labels` lists the keys"
            problems.append((source.key_position(path), f"unknown label key {key!r}{hint}"))
            continue
        given = _names(source, path, value, problems)
        if given:
            names[key] = given
    missing = missing_keys(names) if locale not in LOCALES else []
    if missing:
        problems.append(
            (
                at,
                f"{locale!r} is not a language runbook ships ({', '.join(LOCALES)}), so the file "
                f"must give every key; missing: {', '.join(missing)}",
            )
        )
    return names


def _known_locale(source: Source, locale: str, problems: list[tuple[Pos, str]]) -> bool:
    """Whether `locale` is one runbook ships or looks like a language code (else a problem)."""
    close = did_you_mean(locale, LOCALES)
    if locale not in LOCALES and (close or not LOCALE_CODE.match(locale)):
        hint = close or f"; use one of {', '.join(LOCALES)} (or a code like de, pt-BR)"
        problems.append((source.key_position((locale,)), f"unknown locale {locale!r}{hint}"))
        return False
    return True


def _names(
    source: Source, path: tuple[str, str], value: Any, problems: list[tuple[Pos, str]]
) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        problems.append((source.position(path), f"{path[1]!r}: give at least one name"))
        return ()
    out: list[str] = []
    for i, item in enumerate(items):
        at = source.position((*path, i) if isinstance(value, list) else path)
        if not isinstance(item, str) or not item.strip():
            problems.append((at, f"{path[1]!r}: a name is non-empty text, got {item!r}"))
            continue
        problem = _fields_problem(path[1], item)
        if problem:
            problems.append((at, problem))
            continue
        out.append(" ".join(item.split()))
    return tuple(out)


def _fields_problem(key: str, name: str) -> str | None:
    """Why a name's `{...}` fields do not fit its key (host rows are numbered `{n}`)."""
    wanted = set(_FIELDS.findall(catalogue(DEFAULT_LOCALE).labels[key][0]))
    found = set(_FIELDS.findall(name))
    if found - wanted or ("{" in name and not found) or wanted - found:
        fields = " and ".join(f"'{{{f}}}'" for f in sorted(wanted)) or "no '{...}'"
        return f"{key!r}: the name {name!r} must hold {fields}"
    return None
