"""Page objects match a control by any of its accepted names, and by nothing else."""

from __future__ import annotations

import re

from runbook.console.aria import parse
from runbook.console.locate import accessible_name, contains, name_matcher, text_matcher
from runbook.locales import Labels

EN = Labels("en")
TLS = EN.names("require_tls")


def test_one_name_stays_the_plain_string_playwright_matches_exactly() -> None:
    assert name_matcher(("Save",)) == "Save"
    assert text_matcher(EN, "tls_failed") == "TLS connection failed"
    assert contains(("Gmail",)) == "Gmail"


def test_several_names_become_an_anchored_regex_of_the_escaped_alternatives() -> None:
    pattern = name_matcher(TLS)
    assert isinstance(pattern, re.Pattern)
    for name in TLS:
        assert pattern.search(name)
    assert not pattern.search(TLS[0] + " now")  # exact: no longer name
    assert not pattern.search(TLS[1].removesuffix(" connection"))  # ... nor a shorter one
    assert not pattern.search(TLS[0].upper())  # exact stays case-sensitive
    assert not pattern.search("Require mail to be transmitted via a secure TLS connection")


def test_names_within_a_text_are_found_by_any_alternative() -> None:
    pattern = name_matcher(TLS, exact=False)
    assert isinstance(pattern, re.Pattern)
    assert pattern.search("Option: " + TLS[1].lower())  # as Playwright matches a plain name
    found = contains(TLS)
    assert isinstance(found, re.Pattern)
    assert found.search(f"[{TLS[1]}]") and not found.search(TLS[1].lower())


def test_a_snapshot_is_read_by_any_accepted_name() -> None:
    snapshot = f"""- dialog "Add mail route":
  - group "Options":
    - checkbox "{TLS[1]}" [checked]
    - checkbox "Perform MX lookup on host"
"""
    options = parse(snapshot).find("group", EN.names("options"))
    assert options is not None
    assert options.is_checked(EN.names("require_tls"))
    assert not options.is_checked(EN.names("mx_lookup"))
    assert not options.is_checked(TLS[0])  # one string: that name only


def test_by_role_names_match_case_aside_and_with_whitespace_collapsed() -> None:
    exact = accessible_name(("Add another rule",))
    assert exact.search("ADD ANOTHER RULE") and exact.search("Add  another\nrule")
    assert not exact.search("Add another rule now") and not exact.search("Add anotherrule")
    within = accessible_name(("Unrecognized / Catch-all",), exact=False)
    assert within.search("Users, UNRECOGNIZED /  CATCH-ALL")
    assert "\\/" in within.pattern  # Playwright writes the pattern between slashes


def test_an_error_names_the_locator_by_the_names_it_accepts_not_its_pattern() -> None:
    from runbook.console.locate import accessible_name, readable

    pattern = accessible_name(["Add route", "Ajouter une route (a|b)"])
    printed = f'get_by_role("button", name=re.compile(r"{pattern.pattern}", re.IGNORECASE))'
    assert readable(printed) == (
        'get_by_role("button", name="Add route" or "Ajouter une route (a|b)")'
    )
    assert readable('get_by_role("dialog", name="Add mail route")') == (
        'get_by_role("dialog", name="Add mail route")'
    )
