"""A teacher in a real browser makes a class, a student joins it, takes the assigned quiz,
and the teacher finds the student's result."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import User
from tests.browser.conftest import LiveServer
from tests.browser.flows import (
    answer,
    answer_key,
    current_question,
    go_next,
    log_in,
    nav,
    open_article,
    register,
    start_quiz,
    submit_quiz,
    unlabelled_inputs,
)

pytestmark = pytest.mark.browser


def test_from_a_new_class_to_a_students_result(
    new_page: Callable[..., Page],
    live_server: LiveServer,
    make_account: Callable[..., User],
    unique_email: Callable[[str], str],
) -> None:
    article = live_server.seed_article()
    key = answer_key(live_server, article.id)
    teacher_account = make_account("teacher", name="Ms Rivera")
    class_name = f"Year 9 Blue ({teacher_account.id})"

    # The teacher makes a class from the dashboard and reads its join code.
    teacher = new_page()
    log_in(teacher, teacher_account.email)
    nav(teacher).get_by_role("link", name="Teacher", exact=True).click()
    teacher.get_by_role("link", name="Make a class").click()
    assert unlabelled_inputs(teacher) == []
    teacher.get_by_label("Class name").fill(class_name)
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name=class_name, level=1)).to_be_visible()
    code = teacher.locator("#join-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code

    # A student registers and joins with the code, typed as read out in class.
    student = new_page()
    register(student, unique_email("student"), "Bea Student")
    student.get_by_role("link", name="Join a class").click()
    student.get_by_label("Class code").fill("WRONG-CODE")
    student.get_by_role("button", name="Join class").click()
    expect(student.locator("main")).to_contain_text("No class has that code")
    student.get_by_label("Class code").fill(code.lower().replace("-", " "))
    student.get_by_role("button", name="Join class").click()
    expect(student.locator("main")).to_contain_text(f"You joined {class_name}.")

    # The teacher sees the student on the roster and assigns the seed article, due in 3 days.
    teacher.reload()
    expect(teacher.locator("#roster")).to_contain_text("Bea Student")
    teacher.get_by_role("link", name="Assign an article").first.click()
    assert unlabelled_inputs(teacher) == []
    teacher.get_by_label("Article", exact=True).select_option(label=article.title)
    expect(teacher.get_by_role("checkbox", name=class_name)).to_be_checked()
    due = (datetime.now(UTC) + timedelta(days=3)).date()
    teacher.get_by_label("Due date").fill(due.isoformat())
    teacher.get_by_label("Due time").fill("17:30")
    teacher.get_by_role("button", name="Assign", exact=True).click()
    row = teacher.locator("#assignments tbody tr").filter(has_text=article.title)
    expect(row).to_contain_text("0 of 1")
    expect(row).to_contain_text("17:30")

    # The student finds it under "Assigned to you" and takes the quiz, all answers right.
    nav(student).get_by_role("link", name="Articles", exact=True).click()
    assigned = student.locator("#assigned")
    expect(assigned).to_contain_text(article.title)
    expect(assigned).to_contain_text("Not done")
    open_article(student, article.title)
    assert start_quiz(student) == (1, len(key))
    for number in range(1, len(key) + 1):
        answer(student, current_question(student, key))
        if number < len(key):
            go_next(student)
    assert submit_quiz(student) == (len(key), len(key), 100)
    nav(student).get_by_role("link", name="Articles", exact=True).click()
    expect(student.locator("#assigned")).to_contain_text("Done")

    # The teacher's class page now shows 1 of 1; the results list the student and their answers.
    teacher.reload()
    row = teacher.locator("#assignments tbody tr").filter(has_text=article.title)
    expect(row).to_contain_text("1 of 1")
    row.get_by_role("link", name=article.title).click()
    expect(teacher.locator("#completion")).to_contain_text("1 of 1")
    expect(teacher.locator("#not-submitted")).to_have_count(0)
    result = teacher.locator("#student-results tbody tr").filter(has_text="Bea Student")
    expect(result).to_contain_text(f"{len(key)} / {len(key)} (100%)")
    result.get_by_role("link", name="Bea Student").click()
    expect(teacher.get_by_role("heading", name=re.compile("Bea Student"), level=1)).to_be_visible()
    expect(teacher.locator("main")).to_contain_text(f"{len(key)} / {len(key)} (100%)")
    expect(teacher.locator("main .badge", has_text="Right")).to_have_count(len(key))
