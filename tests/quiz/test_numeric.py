"""Numeric questions: a value with a tolerance, written by a teacher, graded from the stored key."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question, User
from quizapp.quiz.grading import is_correct
from quizapp.quiz.numbers import parse_number
from tests.conftest import csrf_token, log_in
from tests.quiz.conftest import Quiz, post_answer, start_attempt


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1200", 1200.0),
        ("1,200", 1200.0),
        (" 12,345,678.5 ", 12345678.5),
        ("1 200", 1200.0),
        ("1.2e3", 1200.0),
        ("-3.5", -3.5),
        (".5", 0.5),
        ("−4", -4.0),
    ],
)
def test_plain_separated_and_scientific_numbers_are_read(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,20", "1,2345", "12 apples", "nan", "1e999", "--1"])
def test_what_is_not_one_plain_number_is_none(text: str) -> None:
    assert parse_number(text) is None


def test_grading_uses_the_stored_value_and_tolerance() -> None:
    question = Question(format="numeric", answer="1200", tolerance=50.0, accepted=[], choices=[])
    assert is_correct(question, "1,250") and is_correct(question, "1150")
    assert not is_correct(question, "1251") and not is_correct(question, "twelve hundred")
    exact = Question(format="numeric", answer="0.3", tolerance=0.0, accepted=[], choices=[])
    assert is_correct(exact, "0.30") and not is_correct(exact, "0.31")


NUMERIC = {"format": "numeric", "prompt": "How many people are held in camps?", "publish": "y"}


def test_a_teacher_writes_a_numeric_question_and_students_are_graded_by_it(
    app: Flask,
    make_quiz: Callable[..., Quiz],
    make_user: Callable[..., User],
    student_client: FlaskClient,
) -> None:
    teacher = make_user("teacher")
    quiz = make_quiz(questions=[], owner_id=teacher.id)
    client = app.test_client()
    log_in(client, teacher.email)
    url = f"/teacher/articles/{quiz.article_id}/questions/new"
    token = csrf_token(client, url)
    bad = client.post(url, data={**NUMERIC, "number": "eighty thousand", "csrf_token": token})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 200 and "is not a number" in html
    bad = client.post(
        url, data={**NUMERIC, "number": "80000", "tolerance": "-5", "csrf_token": token}
    )
    assert "The tolerance cannot be negative." in bad.get_data(as_text=True)
    good = client.post(
        url, data={**NUMERIC, "number": "80,000", "tolerance": "5,000", "csrf_token": token}
    )
    assert good.status_code == 302
    again = client.post(url, data={**NUMERIC, "number": "80 000", "csrf_token": token})
    assert "already asks this, with the same answer" in again.get_data(as_text=True)
    with app.app_context():
        question = db.session.scalars(select(Question).where(Question.format == "numeric")).one()
        assert (question.answer, question.tolerance) == ("80000", 5000.0)
        question_id = question.id
    edit = client.get(f"/teacher/articles/{quiz.article_id}/questions/{question_id}/edit")
    assert 'value="80000"' in edit.get_data(as_text=True)

    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    done = post_answer(student_client, attempt_id, 1, "84,000", button="go_finish")
    assert done.headers["Location"] == f"/quiz/attempts/{attempt_id}"
    review = student_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "1 / 1 (100%)" in review
    assert "80000 (± 5000)" in review
    # The teacher changes the value: the graded review keeps what it was graded against.
    edit_url = f"/teacher/articles/{quiz.article_id}/questions/{question_id}/edit"
    data = {**NUMERIC, "number": "90000", "tolerance": "0", "csrf_token": token}
    assert client.post(edit_url, data=data).status_code == 302
    review = student_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "1 / 1 (100%)" in review and "80000 (± 5000)" in review and "90000" not in review

    other = app.test_client()
    log_in(other, make_user("student").email)
    attempt_id, _ = start_attempt(other, quiz.article_id)
    done = post_answer(other, attempt_id, 1, "about eighty thousand", button="go_finish")
    assert done.headers["Location"] == f"/quiz/attempts/{attempt_id}"
    assert "0 / 1 (0%)" in other.get(done.headers["Location"]).get_data(as_text=True)


def test_the_reply_box_of_a_numeric_question_asks_for_a_number(
    make_quiz: Callable[..., Quiz], student_client: FlaskClient
) -> None:
    question = {"format": "numeric", "prompt": "How many?", "answer": "80000", "tolerance": 0.0}
    quiz = make_quiz(questions=[question])
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    html = student_client.get(f"/quiz/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert 'inputmode="decimal"' in html and "Write a number, for example 1200" in html
    assert 'aria-describedby="reply-help"' in html
    assert "80000" not in html  # the key never reaches the page
