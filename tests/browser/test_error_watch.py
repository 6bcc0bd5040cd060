"""The browser tests' error watch itself: it must notice what it is there to notice."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route

from tests.browser.conftest import LiveServer, PageProblems, watch_page

pytestmark = pytest.mark.browser


def test_the_watch_reports_5xx_responses_script_errors_and_broken_assets(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    problems = PageProblems()
    watch_page(page, problems)

    def broken_page(route: Route) -> None:
        route.fulfill(
            status=200,
            content_type="text/html",
            body='<link rel="stylesheet" href="/static/missing.css">'
            "<script>console.error('boom'); throw new Error('uncaught');</script>",
        )

    page.route("**/broken", broken_page)
    page.route("**/fails", lambda route: route.fulfill(status=502, body="bad gateway"))
    page.goto("/broken")
    page.goto("/fails")
    page.goto("/no-such-page")  # a 404 page is an answer, not an error
    context.close()

    assert any("boom" in error for error in problems.console_errors)
    assert any("uncaught" in error for error in problems.page_errors)
    assert any("missing.css" in item for item in problems.broken_resources)
    assert problems.server_errors == [f"502 GET {live_server.url}/fails"]
    assert "no-such-page" not in problems.report()
