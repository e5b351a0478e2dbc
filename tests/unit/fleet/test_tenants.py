"""The tenants file: every problem located as `FILE:LINE:COL`, before any browser starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from runbook.errors import ExitCode, InvalidRunbook
from runbook.fleet import load_tenants


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "tenants.yaml"
    path.write_text(text)
    with pytest.raises(InvalidRunbook) as caught:
        load_tenants(path)
    assert caught.value.exit_code == ExitCode.INVALID_RUNBOOK
    return [str(p).removeprefix(f"{path}:") for p in caught.value.problems]


def test_a_good_file_gives_every_tenant_with_its_defaults(tmp_path: Path) -> None:
    path = tmp_path / "tenants.yaml"
    path.write_text(
        "- name: acme\n"
        "  console: https://admin.google.com\n"
        "  locale: fr\n"
        "  org_unit: /Sales\n"
        "  vars: {legacy_host: mx.acme.example, port: 25, tls: true}\n"
        "  labels: acme-labels.yaml\n"
        "- name: beta\n"
        "  console: http://127.0.0.1:8765\n"
        "  profile: beta-admin\n"
    )
    (tmp_path / "acme-labels.yaml").write_text("fr:\n  add_route: Nouvelle route\n")
    acme, beta = load_tenants(path)
    assert (acme.name, acme.profile, acme.locale, acme.org_unit) == ("acme", "acme", "fr", "/Sales")
    assert acme.vars == {"legacy_host": "mx.acme.example", "port": "25", "tls": "true"}
    assert acme.labels == str(tmp_path / "acme-labels.yaml")  # beside the tenants file
    assert (beta.console, beta.profile, beta.locale) == (
        "http://127.0.0.1:8765",
        "beta-admin",
        None,
    )


def test_every_problem_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "- name: acme\n"
        "  console: https://admin.google.com\n"
        "- name: acme\n"
        "  console: https://admin.google.com\n"
        "- name: gamma\n"
        "  consol: https://admin.google.com\n"
        "- name: bad name\n"
        "  console: ftp://example.com\n"
        "  locale: nl\n"
        "  org_unit: Sales\n"
        "  vars: {a: [1]}\n",
    )
    assert found == [
        "3:9: duplicate tenant name 'acme' (first at line 1)",
        "5:3: a tenant needs 'console'",
        "6:3: unknown key 'consol' in a tenant; did you mean 'console'?",
        "7:9: tenant name 'bad name' must be letters, digits, - and _ (it names a folder and a "
        "saved session), at most 63 characters",
        "8:12: 'ftp://example.com' is not an http(s) URL; the console is reached over https "
        "(e.g. https://admin.google.com), or plain http on a loopback address",
        "9:11: locale 'nl' is not one of: de, en, fr (another needs the tenant's labels file)",
        "10:13: organizational unit 'Sales' must start with '/' (the top level is '/')",
        "11:9: vars values must be single values (not lists, mappings or empty): 'a'",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "1:1: the file is empty; it is a list of tenants"),
        ("name: acme\n", "1:1: the top level must be a list of tenants, not a mapping"),
        ("[]\n", "1:1: the file lists no tenants"),
        ("- acme\n", "1:3: a tenant is a mapping with name and console (and optional keys)"),
        ("- name: a\n  name: b\n  console: http://127.0.0.1:1\n", "2:3: duplicate key 'name'"),
    ],
)
def test_a_file_that_is_no_list_of_tenants_is_refused(
    tmp_path: Path, text: str, expected: str
) -> None:
    [found] = problems(tmp_path, text)
    assert found.startswith(expected)


def test_a_missing_labels_file_is_one_more_located_problem(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "- name: acme\n"
        "  console: https://admin.google.com\n"
        "  labels: acme-labels.yaml\n"
        "- name: beta\n"
        "  console: https://admin.google.com\n"
        "  locale: nl\n",
    )
    missing = tmp_path / "acme-labels.yaml"
    assert found == [
        f"3:11: labels file {missing} not found (a relative path is taken from the tenants "
        "file's folder)",
        "6:11: locale 'nl' is not one of: de, en, fr (another needs the tenant's labels file)",
    ]


def test_a_reference_in_a_tenants_vars_is_refused_at_its_line(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "- name: acme\n"
        "  console: https://admin.google.com\n"
        "  vars: {legacy_host: '${env:ACME_HOST}'}\n",
    )
    assert len(found) == 1 and found[0].startswith("3:9: vars value 'legacy_host' holds '${'")
    assert "taken as written, never resolved" in found[0]
