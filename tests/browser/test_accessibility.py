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
from playwright.sync_api import Page, expect

from quizapp.models import User
from tests.browser.conftest import LiveServer, _skip_or_fail
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
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
SHOWN_NODES = 8
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # the navbar collapses behind its toggler
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


def log_in(page: Page, email: str) -> None:
    """Log in on the login page itself (on a phone the navbar link is behind its toggler)."""
    page.goto("/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="Articles", level=1)).to_be_visible()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2 A/AA rules on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(_RUN_AXE_JS, WCAG_TAGS))


def describe(page_name: str, url: str, violation: dict[str, Any]) -> str:
    """One violation as a readable paragraph: where, which rule, and each element at fault."""
    lines = [f"{page_name} ({url}): [{violation['impact']}] {violation['id']}: {violation['help']}"]
    for node in violation["nodes"][:SHOWN_NODES]:
        summary = " ".join(node["summary"].split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    if len(violation["nodes"]) > SHOWN_NODES:
        lines.append(f"    … and {len(violation['nodes']) - SHOWN_NODES} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_has_no_serious_or_critical_axe_violation(
    new_page: Callable[..., Page],
    site: tuple[SiteIds, dict[str, User | None]],
    capsys: pytest.CaptureFixture[str],
    viewport: dict[str, int],
) -> None:
    if not AXE.exists():
        _skip_or_fail(f"no {AXE} (run `npm ci`, which `make test` does when npm is installed)")
    ids, people = site
    pages: dict[str, Page] = {}
    failures: list[str] = []
    counts: dict[str, int] = {}
    for site_page in PAGES:
        if site_page.who not in pages:
            pages[site_page.who] = new_page(viewport=viewport, bypass_csp=True)
            person = people[site_page.who]
            if person is not None:
                log_in(pages[site_page.who], person.email)
        page = pages[site_page.who]
        url = site_page.url(ids)
        page.goto(url)
        violations = axe_violations(page)
        counts[site_page.name] = sum(len(v["nodes"]) for v in violations)  # any impact
        failures += [
            describe(site_page.name, url, v) for v in violations if v["impact"] in FAILING_IMPACTS
        ]
    with capsys.disabled():
        print(f"\naxe-core violations (elements) per page at {viewport}:", counts)
    assert not failures, "serious or critical accessibility problems:\n" + "\n".join(failures)


# Marks every visible control with data-kbd (one key per radio group: arrows move inside it).
_MARK_CONTROLS_JS = """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const keys = new Set();
  document.querySelectorAll(selector).forEach((el) => {
    const hidden = !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden';
    if (el.disabled || hidden) return;
    const key = el.type === 'radio' ? 'radio ' + el.name
      : el.tagName.toLowerCase() + ' ' + (el.id || (el.innerText || el.value || '').trim()
        || el.getAttribute('aria-label') || el.getAttribute('href') || '').slice(0, 40)
        + ' #' + keys.size;
    el.dataset.kbd = key;
    keys.add(key);
  });
  return Array.from(keys);
}
"""
_FOCUSED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || !el.dataset.kbd) return null;
  const style = getComputedStyle(el);
  return {key: el.dataset.kbd,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}
"""


def test_every_control_is_reached_by_tab_and_shows_where_the_focus_is(
    new_page: Callable[..., Page], site: tuple[SiteIds, dict[str, User | None]]
) -> None:
    ids, people = site
    pages: dict[str, Page] = {}
    problems: list[str] = []
    for site_page in PAGES:
        if site_page.who not in pages:
            pages[site_page.who] = new_page(viewport=DESKTOP)
            person = people[site_page.who]
            if person is not None:
                log_in(pages[site_page.who], person.email)
        page = pages[site_page.who]
        page.goto(site_page.url(ids))
        controls = set(page.evaluate(_MARK_CONTROLS_JS))
        reached: set[str] = set()
        for _ in range(len(controls) + 5):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED_JS)
            if focused is None:
                continue
            reached.add(focused["key"])
            if not focused["visible"]:
                problems.append(f"{site_page.name}: no visible focus on {focused['key']}")
            if reached >= controls:
                break
        problems += [f"{site_page.name}: Tab never reaches {key}" for key in controls - reached]
    assert not problems, "keyboard problems:\n" + "\n".join(sorted(set(problems)))


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
