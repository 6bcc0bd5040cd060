"""Fixtures for classes: posting forms as any user, classes and attempts built from the models."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

from quizapp.classes.codes import new_code
from quizapp.extensions import db
from quizapp.models import Attempt, Membership, Response, SchoolClass, User
from tests.conftest import csrf_token
from tests.teacher.conftest import make_article, question_ids

__all__ = [
    "add_attempt",
    "count_statements",
    "make_article",
    "make_class",
    "post_as",
    "question_ids",
]

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def post_as(client: FlaskClient, path: str, data: dict[str, Any] | None = None) -> Any:
    """POST a form with the CSRF token of the client's session (from the navbar's log-out form)."""
    token = csrf_token(client, "/quiz/")
    return client.post(path, data={**(data or {}), "csrf_token": token})


def make_class(
    app: Flask, teacher: User, name: str = "Year 9", students: tuple[User, ...] = ()
) -> int:
    """Store a class with a roster straight through the models; return its id."""
    with app.app_context():
        school_class = SchoolClass(
            teacher_id=teacher.id,
            name=name,
            join_code=new_code(),
        )
        school_class.memberships = [Membership(user_id=student.id) for student in students]
        db.session.add(school_class)
        db.session.commit()
        return school_class.id


def class_code(app: Flask, class_id: int) -> str:
    """A class's stored join code."""
    with app.app_context():
        school_class = db.session.get(SchoolClass, class_id)
        assert school_class is not None
        return school_class.join_code


def roster_ids(app: Flask, class_id: int) -> list[int]:
    """The user ids on a class's roster."""
    with app.app_context():
        return list(
            db.session.scalars(select(Membership.user_id).where(Membership.class_id == class_id))
        )


def add_attempt(
    app: Flask,
    user: User,
    article_id: int,
    answers: list[tuple[int, str | None, bool]],
    *,
    minutes: int,
    submitted: bool = True,
) -> int:
    """Store an attempt whose responses are (question id, answer, correct); return its id."""
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
        return attempt.id


@contextmanager
def count_statements(app: Flask) -> Iterator[list[str]]:
    """Collect the SQL statements the app's engine runs inside the block."""
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


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


@pytest.fixture
def log_in_as(app: Flask) -> Callable[[User], FlaskClient]:
    """A fresh client logged in as the given user."""
    from tests.conftest import log_in

    def make(user: User) -> FlaskClient:
        client = app.test_client()
        log_in(client, user.email)
        return client

    return make
