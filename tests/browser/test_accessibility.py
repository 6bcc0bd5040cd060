"""axe-core (WCAG 2 A/AA) on every page of `tests/browser/pages.py`: no serious or critical issue.

axe-core is a test asset from npm (`package-lock.json`, installed by `make test`), injected
into the page by Playwright; it is never served by the app. The page's CSP would refuse the
injected script, so only this test's browser contexts bypass CSP.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from quizapp.models import User
from tests.browser.conftest import LiveServer, _skip_or_fail
from tests.browser.flows import log_in
from tests.browser.pages import (
    NOT_PAGES,
    PAGES,
    STUDENT,
    TEACHER,
    VISITOR,
    SiteIds,
    build_site,
    endpoints_of,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
_RUN_AXE_JS = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
  }));
}
"""


@pytest.fixture
def site(
    live_server: LiveServer, make_account: Callable[..., User]
) -> tuple[SiteIds, dict[str, User | None]]:
    """The records every page needs, and who looks at the pages."""
    student = make_account("student", name="Ada Student")
    teacher = make_account("teacher", name="Ms Rivera")
    ids = live_server.run(lambda: build_site(live_server.seed_article_ids[0], student, teacher))
    return ids, {VISITOR: None, STUDENT: student, TEACHER: teacher}


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2 A/AA rules on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(_RUN_AXE_JS, WCAG_TAGS))


def describe(page_name: str, url: str, violation: dict[str, Any]) -> str:
    """One violation as a readable paragraph: where, which rule, and each element at fault."""
    lines = [f"{page_name} ({url}): [{violation['impact']}] {violation['id']}: {violation['help']}"]
    for node in violation["nodes"][:5]:
        summary = " ".join(node["summary"].split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    if len(violation["nodes"]) > 5:
        lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def test_every_page_has_no_serious_or_critical_axe_violation(
    new_page: Callable[..., Page],
    site: tuple[SiteIds, dict[str, User | None]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not AXE.exists():
        _skip_or_fail(f"no {AXE} (run `npm ci`, which `make test` does when npm is installed)")
    ids, people = site
    pages: dict[str, Page] = {}
    failures: list[str] = []
    counts: dict[str, int] = {}
    for site_page in PAGES:
        if site_page.who not in pages:
            pages[site_page.who] = new_page(
                viewport={"width": 1280, "height": 900}, bypass_csp=True
            )
            person = people[site_page.who]
            if person is not None:
                log_in(pages[site_page.who], person.email)
        page = pages[site_page.who]
        url = site_page.url(ids)
        page.goto(url)
        violations = axe_violations(page)
        counts[site_page.name] = sum(len(v["nodes"]) for v in violations)
        failures += [
            describe(site_page.name, url, v) for v in violations if v["impact"] in FAILING_IMPACTS
        ]
    with capsys.disabled():
        print("\naxe-core violations (elements) per page:", counts)
    assert not failures, "serious or critical accessibility problems:\n" + "\n".join(failures)


def test_the_page_list_covers_every_get_route(
    live_server: LiveServer, site: tuple[SiteIds, dict[str, User | None]]
) -> None:
    ids, _ = site
    adapter = live_server.app.url_map.bind("localhost")
    checked = endpoints_of(lambda path: adapter.match(path, method="GET")[0], ids)
    routes = {
        rule.endpoint for rule in live_server.app.url_map.iter_rules() if "GET" in rule.methods
    }
    missing = routes - checked - NOT_PAGES
    assert not missing, f"add these pages to tests/browser/pages.py: {sorted(missing)}"
