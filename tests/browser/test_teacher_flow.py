"""A teacher in a real browser adds an article and a question; a student then takes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import User
from tests.browser.conftest import LiveServer
from tests.browser.flows import (
    answer_inputs,
    log_in,
    nav,
    open_article,
    register,
    start_quiz,
    submit_quiz,
    unlabelled_inputs,
)

pytestmark = pytest.mark.browser

ARTICLE_TEXT = """Springfield Opens New Library

The city of Springfield opened a new public library on Monday, Mayor Ana Lopez said.

The library cost 12 million dollars and holds 80,000 books, according to the city council.

Lopez said the building would stay open until 9 p.m. on weekdays so that students can study there.
"""
PROMPT = "Which city opened the new library?"
CHOICES = ("Shelbyville", "Springfield", "Capital City")
RIGHT = "Springfield"


def test_a_teacher_adds_a_question_and_a_student_then_sees_it(
    new_page: Callable[..., Page],
    live_server: LiveServer,
    make_account: Callable[..., User],
    unique_email: Callable[[str], str],
) -> None:
    teacher = make_account("teacher", name="Ms Rivera")
    title = f"Springfield library ({teacher.id})"
    page = new_page()

    log_in(page, teacher.email)
    nav(page).get_by_role("link", name="Teacher", exact=True).click()
    page.get_by_role("link", name="Add article").first.click()
    assert unlabelled_inputs(page) == []
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Article text").fill(ARTICLE_TEXT)
    page.get_by_role("button", name="Add article").click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()

    page.get_by_role("link", name="Add question", exact=True).click()
    assert unlabelled_inputs(page) == []
    page.get_by_role("radio", name="Multiple choice").check()
    page.get_by_label("Question (for true/false").fill(PROMPT)
    for number, choice in enumerate(CHOICES, start=1):
        page.get_by_label(f"Choice {number}", exact=True).fill(choice)
    right = CHOICES.index(RIGHT) + 1
    page.get_by_role("radio", name=f"Right answer (choice {right})").check()
    expect(page.get_by_role("checkbox", name="Publish now")).to_be_checked()
    page.get_by_role("button", name="Add question", exact=True).click()
    question_card = page.get_by_role("listitem").filter(has_text=PROMPT)
    expect(question_card).to_contain_text("Published")
    page.get_by_role("button", name="Publish article").click()
    expect(page.get_by_role("button", name="Unpublish article")).to_be_visible()

    student = new_page()
    register(student, unique_email("student"), "Curious Student")
    open_article(student, title)
    # Only published questions reach students: the generated drafts stay with the teacher.
    assert start_quiz(student) == (1, 1)
    expect(student.locator("main form")).to_contain_text(PROMPT)
    expect(answer_inputs(student)).to_have_count(len(CHOICES))
    student.get_by_role("radio", name=RIGHT, exact=True).check()
    assert submit_quiz(student) == (1, 1, 100)


def test_a_student_is_refused_the_teacher_pages(
    page: Page, live_server: LiveServer, unique_email: Callable[[str], str]
) -> None:
    register(page, unique_email("student"), "Nosy Student")
    expect(nav(page).get_by_role("link", name="Teacher", exact=True)).to_have_count(0)
    response = page.goto("/teacher/")
    assert response is not None and response.status == 403
    expect(page.locator("main")).to_contain_text("You do not have permission")
    response = page.goto(f"/teacher/articles/{live_server.seed_article_ids[0]}")
    assert response is not None and response.status == 403
