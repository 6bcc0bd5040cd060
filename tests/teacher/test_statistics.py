"""The item statistics page: first attempts only, figures, flags and who may see them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Response, User
from quizapp.teacher.item_stats import MIN_ATTEMPTS
from quizapp.teacher.items import flagged_questions
from tests.conftest import log_in
from tests.teacher.conftest import question_ids

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SIX = [{"prompt": f"Question {n}?", "answer": "The United States"} for n in range(1, 7)]


def record_attempts(
    app: Flask,
    make_user: Callable[..., User],
    article_id: int,
    rows: list[list[int]],
    *,
    students: list[User] | None = None,
) -> list[User]:
    """One submitted attempt per row of marks (1 right, 0 wrong), each by its own student."""
    ids = question_ids(app, article_id)
    people = students or [make_user("student") for _ in rows]
    with app.app_context():
        for index, (marks, user) in enumerate(zip(rows, people, strict=True)):
            started = START + timedelta(minutes=10 * index + (1000 if students else 0))
            attempt = Attempt(
                user_id=user.id,
                article_id=article_id,
                started_at=started,
                submitted_at=started + timedelta(minutes=5),
                score=sum(marks),
                max_score=len(marks),
            )
            for position, (question_id, mark) in enumerate(zip(ids, marks, strict=True), 1):
                attempt.responses.append(
                    Response(
                        question_id=question_id,
                        position=position,
                        answer="The United States" if mark else "China",
                        correct=bool(mark),
                    )
                )
            db.session.add(attempt)
        db.session.commit()
    return people


def open_attempt(app: Flask, user: User, article_id: int) -> int:
    """Store an unsubmitted attempt over the article's questions in order; return its id."""
    ids = question_ids(app, article_id)
    with app.app_context():
        attempt = Attempt(user_id=user.id, article_id=article_id, max_score=len(ids))
        for position, question_id in enumerate(ids, start=1):
            attempt.responses.append(Response(question_id=question_id, position=position))
        db.session.add(attempt)
        db.session.commit()
        return attempt.id


# Ten first attempts by students from strongest (n = 0) to weakest: q1 everyone right (too
# easy), q2 nobody right (check the key), q3 right only for the weaker half (negative
# discrimination); q4, q5 and q6 are right for the strongest 6, 4 and 7: fair questions.
TEN = [[1, 0, int(n >= 5), int(n < 6), int(n < 4), int(n < 7)] for n in range(MIN_ATTEMPTS)]


def page(client: FlaskClient, article_id: int) -> str:
    response = client.get(f"/teacher/articles/{article_id}/statistics")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def row_text(html: str, question_id: int) -> str:
    row = html.split(f'id="item-{question_id}">', 1)[1].split("</tr>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def test_the_teacher_reviews_item_statistics_of_the_small_hand_worked_set(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    article_id = make_article(teacher, questions=SIX[:3])
    # The data set of tests/teacher/test_item_stats.py: facility 60/60/20, D 32.7/32.7/53.5.
    record_attempts(
        app, make_user, article_id, [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 0]]
    )
    html = page(teacher_client, article_id)
    q1, _q2, q3 = question_ids(app, article_id)
    assert row_text(html, q1).startswith("Question 1? Answer: The United States 5 60.0%")
    assert "32.7%" in row_text(html, q1) and "good" in row_text(html, q1)
    assert "53.5%" in row_text(html, q3)
    assert "57.7%" in html.split('id="alpha"', 1)[1].split("</dd>", 1)[0]
    # Too few attempts: figures greyed, the threshold and the count said, nothing flagged.
    assert f"flagged from {MIN_ATTEMPTS} first attempts on, and this quiz has 5" in html
    assert "stats-few" in html and "badge text-bg-danger" not in html


def test_flags_appear_from_the_minimum_with_their_reasons_and_a_replace_action(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    article_id = make_article(teacher, questions=SIX)
    record_attempts(app, make_user, article_id, TEN)
    html = page(teacher_client, article_id)
    q1, q2, q3, *fair = question_ids(app, article_id)
    assert "Too easy" in row_text(html, q1) and "100% got it right" in row_text(html, q1)
    assert "Too hard: check the key" in row_text(html, q2)
    assert "Does not discriminate" in row_text(html, q3) and "-86.7%" in row_text(html, q3)
    assert all("badge" not in html.split(f'id="item-{q}">')[1].split("</tr>")[0] for q in fair)
    assert "Replace" in row_text(html, q3)
    assert "3 questions flagged" in html
    replace = f"/teacher/articles/{article_id}/questions/{q1}/replace"
    assert replace in html
    # The article page shows the same flags as badges with the reason in words.
    article_page = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "3 flagged" in article_page and "Too hard: check the key" in article_page
    with app.app_context():
        flagged = flagged_questions(teacher.id)
        assert [(f.article.id, f.question.id) for f in flagged] == [
            (article_id, q1),
            (article_id, q2),
            (article_id, q3),
        ]
        assert "check the key" in flagged[2].reason
        assert not set(fair) & {f.question.id for f in flagged}


def test_only_first_attempts_count(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    article_id = make_article(teacher, questions=SIX[:2])
    people = record_attempts(app, make_user, article_id, [[0, 0]] * MIN_ATTEMPTS)
    # Everyone retakes after the review and gets both right: that must not change anything.
    record_attempts(app, make_user, article_id, [[1, 1]] * MIN_ATTEMPTS, students=people)
    with app.app_context():  # an open attempt is not counted either
        db.session.add(Attempt(user_id=make_user("student").id, article_id=article_id))
        db.session.commit()
    html = page(teacher_client, article_id)
    first = question_ids(app, article_id)[0]
    assert f"({MIN_ATTEMPTS} so far)" in html
    assert row_text(html, first).startswith(
        f"Question 1? Answer: The United States {MIN_ATTEMPTS} 0.0%"
    )


def test_statistics_are_for_the_articles_owner_only(
    app: Flask,
    teacher: User,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
    student_client: FlaskClient,
) -> None:
    article_id = make_article(teacher, questions=SIX)
    record_attempts(app, make_user, article_id, TEN)
    other = make_user("teacher")
    client = app.test_client()
    log_in(client, other.email)
    assert client.get(f"/teacher/articles/{article_id}/statistics").status_code == 403
    assert student_client.get(f"/teacher/articles/{article_id}/statistics").status_code == 403
    with app.app_context():
        assert flagged_questions(other.id) == []


def test_a_rejected_question_keeps_its_figures_but_is_no_longer_flagged(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    article_id = make_article(teacher, questions=SIX)
    record_attempts(app, make_user, article_id, TEN)
    first = question_ids(app, article_id)[0]
    with app.app_context():
        question = db.session.get(Question, first)
        assert question is not None
        question.status = "rejected"
        db.session.commit()
        assert first not in {f.question.id for f in flagged_questions(teacher.id)}
    html = page(teacher_client, article_id)
    assert "rejected" in row_text(html, first) and "Replace" not in row_text(html, first)


def test_flagged_questions_takes_three_statements_however_many_articles_and_attempts(
    app: Flask,
    teacher: User,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    def statements(articles: int) -> int:
        for _ in range(articles):
            record_attempts(app, make_user, make_article(teacher, questions=SIX), TEN)
        seen: list[str] = []
        with app.app_context():
            listen = lambda *args: seen.append(args[2])  # noqa: E731
            event.listen(db.engine, "before_cursor_execute", listen)
            try:
                flagged = flagged_questions(teacher.id)
            finally:
                event.remove(db.engine, "before_cursor_execute", listen)
            assert flagged and all(f.question.article_id == f.article.id for f in flagged)
        return len(seen)

    assert statements(1) == 3
    assert statements(4) == 3
