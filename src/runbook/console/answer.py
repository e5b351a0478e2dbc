"""Whether the server that answered a page load is an Admin console at all (checked at once)."""

from __future__ import annotations

from playwright.sync_api import APIResponse, Page, Response

from runbook.errors import ConsoleChanged, NotAConsole

TRANSIENT_STATUSES = {408, 425, 429}  # and every 5xx: retried or reported as they are


def _wrong(answer: Response | APIResponse) -> str | None:
    """What about an answer shows it is no console page ("HTTP 404"), or None."""
    status = answer.status
    if 400 <= status < 500 and status not in TRANSIENT_STATUSES:
        return f"HTTP {status}"
    content_type = answer.headers.get("content-type", "")
    if status < 400 and "html" not in content_type:
        return content_type.split(";")[0].strip() or "an answer without a content type"
    return None


def check_answer(page: Page, answer: Response | None, home_url: str) -> None:
    """Raise at once when a console page load was answered by something else.

    A page that is missing while the console's home loads is a console that changed
    (`ConsoleChanged`); a home that is missing too, or a server answering with something other
    than a web page, is no Admin console at all (`NotAConsole`).
    """
    if answer is None:  # a navigation within the page: nothing new was served
        return
    problem = _wrong(answer)
    if problem is None:
        return
    url = answer.url
    if url.split("?")[0] != home_url.split("?")[0]:
        home = page.request.get(home_url)
        home_problem = _wrong(home)
        if home_problem is None:
            raise ConsoleChanged(
                f"the console has no page at {url} ({problem}); the console UI may have changed",
                url=url,
            )
        problem, url = home_problem, home.url
    raise NotAConsole(f"not an Admin console ({problem} at {url})")
