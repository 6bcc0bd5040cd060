"""Assignments through the web layer: due dates, what students see first, the dashboard."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Assignment, User
from quizapp.teacher.items import FlaggedQuestion
from tests.classes.conftest import add_attempt, count_statements, make_class, post_as, question_ids


def stored_assignments(app: Flask) -> list[tuple[int, int, datetime | None]]:
    """(class id, article id, due time in UTC) of every assignment."""
    with app.app_context():
        rows = db.session.scalars(select(Assignment).order_by(Assignment.class_id))
        return [
            (a.class_id, a.article_id, a.due_at.replace(tzinfo=UTC) if a.due_at else None)
            for a in rows
        ]


def assign(client: FlaskClient, article_id: int, class_ids: list[int], **due: str):
    """Post the assign form."""
    return post_as(client, "/classes/assign", {"article": article_id, "classes": class_ids, **due})


def item(html: str, article_id: int) -> str:
    """The text of an article's line on the Articles page, spaces collapsed."""
    raw = html.split(f"/quiz/articles/{article_id}", 1)[1].split("</li>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", raw).split())


def test_an_article_is_assigned_to_two_classes_with_a_due_date_in_school_time(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    app.config["SCHOOL_TIMEZONE"] = "Europe/Paris"
    article_id = make_article(teacher)
    first = make_class(app, teacher, "9A", (make_user(), make_user()))
    second = make_class(app, teacher, "9B")
    form = teacher_client.get(f"/classes/assign?class_id={first}").get_data(as_text=True)
    assert "Europe/Paris" in form
    assert re.search(rf'<input[^>]*checked[^>]*type="checkbox" value="{first}"', form)
    assert f'type="checkbox" value="{second}"' in form  # several classes may be chosen

    response = assign(
        teacher_client, article_id, [first, second], due_date="2026-12-10", due_time="17:00"
    )
    assert response.status_code == 302
    due = datetime(2026, 12, 10, 16, 0, tzinfo=UTC)  # 17:00 in Paris is 16:00 UTC in winter
    assert stored_assignments(app) == [(first, article_id, due), (second, article_id, due)]
    page = teacher_client.get(f"/classes/{first}").get_data(as_text=True)
    assert "10 Dec 2026, 17:00 CET" in page
    assert "0 of 2" in page

    # Assigning again moves the due date; a date alone means the end of that day.
    assign(teacher_client, article_id, [first], due_date="2026-07-01")
    assert stored_assignments(app)[0] == (
        first,
        article_id,
        datetime(2026, 7, 1, 21, 59, tzinfo=UTC),
    )
    # No due date at all is fine too.
    assign(teacher_client, article_id, [second])
    assert stored_assignments(app)[1] == (second, article_id, None)


def test_a_published_article_offers_assigning_itself(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher)
    make_class(app, teacher, "9A")
    review = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert f'href="/classes/assign?article_id={article_id}"' in review
    form = teacher_client.get(f"/classes/assign?article_id={article_id}").get_data(as_text=True)
    assert re.search(
        rf'<option[^>]*selected[^>]*value="{article_id}"|'
        rf'<option[^>]*value="{article_id}"[^>]*selected',
        form,
    )

    with app.app_context():
        db.session.get(Article, article_id).published = False
        db.session.commit()
    review = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "/classes/assign" not in review  # only published articles can be assigned


def test_assigning_refuses_what_is_not_the_teachers(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    other = make_user("teacher")
    theirs = make_class(app, other, "Theirs")
    mine = make_class(app, teacher, "Mine")
    their_article = make_article(other)
    draft = make_article(teacher, published=False)
    article_id = make_article(teacher)

    for article, classes, message in (
        (article_id, [theirs], "Choose among your own classes."),
        (their_article, [mine], "Choose one of your published articles."),
        (draft, [mine], "Choose one of your published articles."),
        (987_654, [mine], "Choose one of your published articles."),
    ):
        response = assign(teacher_client, article, classes)
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)
    nothing = assign(teacher_client, article_id, [])
    assert "Choose at least one class." in nothing.get_data(as_text=True)
    bad_date = assign(teacher_client, article_id, [mine], due_date="31/12/2026")
    assert "Not a valid date value" in bad_date.get_data(as_text=True)
    assert 'value="31/12/2026"' in bad_date.get_data(as_text=True)  # kept for correcting
    time_only = assign(teacher_client, article_id, [mine], due_time="10:00")
    assert "Give a due date with the due time." in time_only.get_data(as_text=True)
    assert stored_assignments(app) == []


def test_students_see_their_assignments_first_with_due_dates_and_done(
    app: Flask,
    teacher: User,
    student: User,
    student_client: FlaskClient,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
) -> None:
    late = make_article(teacher, questions=[{"prompt": "Late?"}])
    soon = make_article(teacher)
    free = make_article(teacher)
    class_id = make_class(app, teacher, "9A", (student,))
    assign(teacher_client, late, [class_id], due_date="2020-01-01", due_time="09:00")
    assign(teacher_client, soon, [class_id], due_date="2099-01-01", due_time="09:00")
    [question] = question_ids(app, late)
    add_attempt(app, student, late, [(question, "China", False)], minutes=1)

    html = student_client.get("/quiz/").get_data(as_text=True)
    assigned, others = html.split("Other articles", 1)
    assert f"/quiz/articles/{late}" in assigned and f"/quiz/articles/{soon}" in assigned
    assert assigned.index(f"/quiz/articles/{late}") < assigned.index(f"/quiz/articles/{soon}")
    assert f"/quiz/articles/{free}" in others and f"/quiz/articles/{late}" not in others
    late_item = item(assigned, late)
    soon_item = item(assigned, soon)
    assert "9A" in late_item and "Due 01 Jan 2020, 09:00 UTC" in late_item
    assert "Done" in late_item and "0 / 1 (0%)" in late_item
    assert "Not done" in soon_item and "Overdue" not in soon_item

    # Past due and not done is overdue.
    assign(teacher_client, soon, [class_id], due_date="2021-01-01")
    html = student_client.get("/quiz/").get_data(as_text=True)
    assert "Overdue" in item(html, soon)


def test_the_student_pages_use_a_fixed_small_number_of_statements(
    app: Flask,
    teacher: User,
    student: User,
    student_client: FlaskClient,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
) -> None:
    counts = []
    for round_number in range(2):
        for _ in range(1 + 4 * round_number):
            article_id = make_article(teacher)
            class_id = make_class(app, teacher, f"Class {article_id}", (student,))
            assign(teacher_client, article_id, [class_id], due_date="2099-01-01")
            [question] = question_ids(app, article_id)
            add_attempt(app, student, article_id, [(question, "China", False)], minutes=1)
        with count_statements(app) as articles_page:
            assert student_client.get("/quiz/").status_code == 200
        with count_statements(app) as article_page:
            assert student_client.get(f"/quiz/articles/{article_id}").status_code == 200
        counts.append((len(articles_page), len(article_page)))
    assert counts[0] == counts[1], counts
    assert max(max(pair) for pair in counts) <= 4, counts


def test_the_teacher_dashboard_shows_classes_what_is_due_and_flags(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    ana, ben = make_user(name="Ana"), make_user(name="Ben")
    article_id = make_article(teacher, questions=[{"prompt": "Due soon?"}])
    later = make_article(teacher)
    class_id = make_class(app, teacher, "9A", (ana, ben))
    in_two_days = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    in_a_month = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    assign(teacher_client, article_id, [class_id], due_date=in_two_days)
    assign(teacher_client, later, [class_id], due_date=in_a_month)
    [question] = question_ids(app, article_id)
    add_attempt(app, ana, article_id, [(question, "The United States", True)], minutes=1)
    add_attempt(app, ana, article_id, [(question, "China", False)], minutes=2)

    html = teacher_client.get("/teacher/").get_data(as_text=True)
    classes = html.split('id="dash-classes"', 1)[1].split("</ul>", 1)[0]
    assert "9A" in classes and "2 students" in classes
    due = html.split('id="dash-due"', 1)[1].split("</ul>", 1)[0]
    assert due.count("<li") == 1
    assert "1 of 2</strong> submitted" in due
    assert "Flagged questions waiting for a look" in html
    assert "Your articles" in html


def test_an_assignment_is_withdrawn(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher)
    class_id = make_class(app, teacher, "9A")
    assign(teacher_client, article_id, [class_id])
    with app.app_context():
        assignment_id = db.session.scalar(select(Assignment.id))
    url = f"/classes/{class_id}/assignments/{assignment_id}/remove"
    assert post_as(teacher_client, url).status_code == 302
    assert stored_assignments(app) == []
    assert post_as(teacher_client, url).status_code == 404


def test_the_dashboard_lists_the_flagged_questions_it_is_given(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article_id = make_article(teacher, questions=[{"prompt": "Too easy <b>?</b>"}])
    seen: list[int] = []

    def flagged(teacher_id: int) -> list[FlaggedQuestion]:
        seen.append(teacher_id)
        with app.app_context():
            article = db.session.get(Article, article_id)
            assert article is not None
            return [
                FlaggedQuestion(article, article.questions[0], "Almost everyone got it right.", ())
            ]

    monkeypatch.setattr("quizapp.classes.dashboard.flagged_questions", flagged)
    html = teacher_client.get("/teacher/").get_data(as_text=True)
    section = html.split('id="dash-flagged"', 1)[1].split("</ul>", 1)[0]
    assert seen == [teacher.id]
    assert "Too easy &lt;b&gt;?&lt;/b&gt;" in section
    assert "Almost everyone got it right." in section
    assert f"/teacher/articles/{article_id}/statistics" in section


def test_a_school_time_zone_that_does_not_exist_stops_the_start(tmp_path: Path) -> None:
    overrides = {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'z.db'}"}
    with pytest.raises(ValueError, match="not a time zone"):
        create_app({**overrides, "SCHOOL_TIMEZONE": "Mars/Olympus_Mons"})
    assert create_app({**overrides, "SCHOOL_TIMEZONE": "America/New_York"}) is not None
