"""Answers saved as they are chosen or typed, in a real browser (static/js/autosave.js)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import User
from tests.browser.conftest import LiveServer, PageProblems, watch_page
from tests.browser.flows import go_next, go_previous, log_in, position
from tests.browser.pages import make_teacher_article

pytestmark = pytest.mark.browser

SAVED = "Saved at"
OFFLINE = "Not saved — check your connection."


def start_teacher_quiz(
    page: Page, live_server: LiveServer, make_account: Callable[..., User]
) -> None:
    """Log a new student in and start the quiz of a fresh three-question article."""
    teacher = make_account("teacher")
    article_id = live_server.run(lambda: make_teacher_article(teacher).id)
    log_in(page, make_account("student").email)
    page.goto(f"/quiz/articles/{article_id}")
    page.get_by_role("button", name="Start quiz").click()
    assert position(page) == (1, 3)


def test_a_choice_is_there_after_a_reload_and_typed_text_after_closing_the_tab(
    page: Page,
    live_server: LiveServer,
    make_account: Callable[..., User],
    page_problems: PageProblems,
) -> None:
    start_teacher_quiz(page, live_server, make_account)

    page.get_by_role("radio", name="Shelbyville", exact=True).check()
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    page.reload()
    expect(page.get_by_role("radio", name="Shelbyville", exact=True)).to_be_checked()

    go_next(page)
    assert position(page) == (2, 3)
    question_url = page.url
    page.get_by_role("textbox").press_sequentially("eighty thousand", delay=20)
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    context = page.context
    page.close()

    reopened = context.new_page()
    watch_page(reopened, page_problems)
    reopened.goto(question_url)
    expect(reopened.get_by_role("textbox")).to_have_value("eighty thousand")


def test_the_page_says_when_an_answer_could_not_be_saved(
    page: Page, live_server: LiveServer, make_account: Callable[..., User]
) -> None:
    start_teacher_quiz(page, live_server, make_account)

    page.context.set_offline(True)
    page.get_by_role("radio", name="Ogdenville", exact=True).check()
    expect(page.locator("#autosave-status")).to_have_text(OFFLINE)
    page.context.set_offline(False)
    page.get_by_role("radio", name="Springfield", exact=True).check()
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)


def test_without_javascript_next_and_previous_still_save(
    new_page: Callable[..., Page], live_server: LiveServer, make_account: Callable[..., User]
) -> None:
    page = new_page(java_script_enabled=False)
    start_teacher_quiz(page, live_server, make_account)

    page.get_by_role("radio", name="Capital City", exact=True).check()
    expect(page.locator("#autosave-status")).to_have_text(
        "Saved each time you move to another question."
    )
    go_next(page)
    assert position(page) == (2, 3)
    go_previous(page)
    expect(page.get_by_role("radio", name="Capital City", exact=True)).to_be_checked()
