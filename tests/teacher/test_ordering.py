"""Reordering an article's questions with keyboard-usable up/down buttons."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, Attempt, User
from tests.teacher.conftest import post, question_ids
from tests.teacher.test_statistics import open_attempt

THREE = [{"prompt": f"Question {n}?", "answer": f"Answer {n}"} for n in range(1, 4)]


def order(app: Flask, article_id: int) -> list[tuple[str, int]]:
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article is not None
        return [(q.prompt, q.position) for q in article.questions]


def test_up_and_down_buttons_move_a_question_and_keep_positions_contiguous(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher, questions=THREE)
    first, second, third = question_ids(app, article_id)
    html = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    # Real buttons in POST forms with a CSRF token: reachable by keyboard, no dragging.
    assert re.search(
        r'<button type="submit"[^>]*>↓ Move down<span class="visually-hidden"> question 1', html
    )
    assert f"/questions/{first}/move-up" not in html  # the first cannot go up
    assert f"/questions/{third}/move-down" not in html
    response = post(teacher_client, f"/teacher/articles/{article_id}/questions/{third}/move-up")
    assert response.headers["Location"] == f"/teacher/articles/{article_id}#question-{third}"
    assert order(app, article_id) == [("Question 1?", 1), ("Question 3?", 2), ("Question 2?", 3)]
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The question is now number 2." in page
    post(teacher_client, f"/teacher/articles/{article_id}/questions/{first}/move-down")
    assert order(app, article_id) == [("Question 3?", 1), ("Question 1?", 2), ("Question 2?", 3)]
    # Moving past the end stays put.
    post(teacher_client, f"/teacher/articles/{article_id}/questions/{second}/move-down")
    assert order(app, article_id)[-1] == ("Question 2?", 3)


def test_reordering_leaves_an_attempt_in_progress_alone(
    app: Flask,
    teacher: User,
    student: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=THREE)
    ids = question_ids(app, article_id)
    attempt_id = open_attempt(app, student, article_id)
    post(teacher_client, f"/teacher/articles/{article_id}/questions/{ids[2]}/move-up")
    post(teacher_client, f"/teacher/articles/{article_id}/questions/{ids[2]}/move-up")
    assert question_ids(app, article_id) == [ids[2], ids[0], ids[1]]
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None
        assert [(r.position, r.question_id) for r in attempt.responses] == [
            (1, ids[0]),
            (2, ids[1]),
            (3, ids[2]),
        ]


def test_moving_needs_the_token_and_the_owner(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    student_client: FlaskClient,
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=THREE)
    third = question_ids(app, article_id)[2]
    url = f"/teacher/articles/{article_id}/questions/{third}/move-up"
    assert teacher_client.post(url).status_code == 400
    assert post(student_client, url).status_code == 403
    assert order(app, article_id)[2] == ("Question 3?", 3)
