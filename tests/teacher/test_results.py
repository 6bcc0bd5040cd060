"""The results page: question-by-question and student-by-student numbers from submitted attempts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User
from tests.teacher.conftest import question_ids

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def add_attempt(
    app: Flask,
    user: User,
    article_id: int,
    answers: list[tuple[int, str | None, bool]],
    *,
    minutes: int,
    submitted: bool = True,
) -> None:
    """Store an attempt whose responses are (question id, answer, correct)."""
    with app.app_context():
        score = sum(1 for _, _, correct in answers if correct)
        attempt = Attempt(
            user_id=user.id,
            article_id=article_id,
            started_at=START + timedelta(minutes=minutes - 5),
            submitted_at=START + timedelta(minutes=minutes) if submitted else None,
            score=score if submitted else None,
            max_score=len(answers),
        )
        for position, (question_id, answer, correct) in enumerate(answers, start=1):
            attempt.responses.append(
                Response(question_id=question_id, position=position, answer=answer, correct=correct)
            )
        db.session.add(attempt)
        db.session.commit()


def cells(html: str, table_id: str) -> list[list[str]]:
    """The text of each body row's cells in one table of the page."""
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        for row in rows
    ]


def test_results_summarise_submitted_attempts(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(
        teacher, questions=[{"prompt": "Who imposed the sanctions?"}, {"prompt": "Where?"}]
    )
    first, second = question_ids(app, article_id)
    ana = make_user("student", email="ana@example.org", name="Ana")
    ben = make_user("student", email="ben@example.org", name="Ben")
    add_attempt(
        app, ana, article_id, [(first, "China", False), (second, "Pyongyang", True)], minutes=1
    )
    add_attempt(
        app,
        ana,
        article_id,
        [(first, "The United States", True), (second, "Pyongyang", True)],
        minutes=30,
    )
    add_attempt(app, ana, article_id, [(first, "china ", False), (second, None, False)], minutes=60)
    add_attempt(
        app, ben, article_id, [(first, "Japan", False), (second, "Seoul", False)], minutes=10
    )
    # An open attempt does not count.
    add_attempt(
        app,
        ben,
        article_id,
        [(first, "Russia", False), (second, "", False)],
        minutes=90,
        submitted=False,
    )

    html = teacher_client.get(f"/teacher/articles/{article_id}/results").get_data(as_text=True)

    assert "4 submitted attempts by 2 students." in html
    assert cells(html, "question-results") == [
        [
            "Who imposed the sanctions? Answer: The United States",
            "4",
            "4",
            "1",
            "25%",
            "China (2×)",
        ],
        ["Where? Answer: The United States", "4", "3", "2", "50%", "Seoul (1×)"],
    ]
    assert cells(html, "student-results") == [
        ["Ana ana@example.org", "3", "2 / 2 (100%)", "0 / 2 (0%) 02 Nov 2026, 10:00 UTC"],
        ["Ben ben@example.org", "1", "0 / 2 (0%)", "0 / 2 (0%) 02 Nov 2026, 09:10 UTC"],
    ]


def test_results_without_attempts_say_so(
    teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher)
    response = teacher_client.get(f"/teacher/articles/{article_id}/results")
    assert response.status_code == 200
    assert "No student has submitted this quiz yet." in response.get_data(as_text=True)
