"""Every student page costs a few SQL statements, and the same few whatever the quiz's size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import User
from quizapp.quiz import services
from tests.conftest import log_in
from tests.quiz.conftest import Quiz

MAX_STATEMENTS = 4


@dataclass(frozen=True)
class Size:
    """How big the student's world is: questions per quiz, attempts, articles."""

    questions: int
    submitted_attempts: int
    articles: int


SMALL = Size(questions=12, submitted_attempts=1, articles=1)
LARGE = Size(questions=40, submitted_attempts=10, articles=4)


def _question(number: int) -> dict[str, Any]:
    """Questions of all three formats, so every kind of question page is counted."""
    if number % 3 == 0:
        return {"format": "short_answer", "prompt": f"How many {number}?", "answer": str(number)}
    if number % 3 == 1:
        choices = [f"Choice {number}-{k}" for k in range(4)]
        return {"format": "multiple_choice", "prompt": f"Who {number}?", "answer": choices[0],
                "choices": choices, "evidence": f"Evidence {number}."}  # fmt: skip
    return {"format": "true_false", "prompt": f"True {number}?", "answer": "True",
            "choices": ["True", "False"]}  # fmt: skip


@dataclass(frozen=True)
class World:
    """A logged-in student with submitted attempts and one open attempt at the first article."""

    client: FlaskClient
    article_id: int
    open_attempt_id: int
    submitted_attempt_id: int
    questions: int


def _build(app: Flask, make_quiz: Callable[..., Quiz], student: User, size: Size) -> World:
    quizzes = [
        make_quiz(questions=[_question(n) for n in range(1, size.questions + 1)], title=f"A{i}")
        for i in range(size.articles)
    ]
    article_id = quizzes[0].article_id
    with app.app_context():
        user = db.session.get(User, student.id)
        assert user is not None
        for _ in range(size.submitted_attempts):
            attempt, _resumed = services.start_attempt(user, article_id)
            services.save_answer(user, attempt.id, 1, question_id=quizzes[0].question_ids[0],
                                 value=None, move_to=2)  # fmt: skip
            submitted = services.submit_attempt(user, attempt.id).id
        for other in quizzes[1:]:  # the other articles have attempts of their own too
            services.submit_attempt(user, services.start_attempt(user, other.article_id)[0].id)
        open_id = services.start_attempt(user, article_id)[0].id
    client = app.test_client()
    log_in(client, student.email)
    return World(client, article_id, open_id, submitted, size.questions)


@contextmanager
def _counting(app: Flask) -> Iterator[list[str]]:
    """Collect the SQL statements the app sends while the block runs."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


PAGES: dict[str, Callable[[World], str]] = {
    "articles list": lambda w: "/quiz/",
    "article page": lambda w: f"/quiz/articles/{w.article_id}",
    "first question page": lambda w: f"/quiz/attempts/{w.open_attempt_id}/questions/1",
    "last question page": lambda w: f"/quiz/attempts/{w.open_attempt_id}/questions/{w.questions}",
    "result page": lambda w: f"/quiz/attempts/{w.submitted_attempt_id}",
    "scores page": lambda w: "/scores/",
}


def _statements_per_page(app: Flask, world: World) -> dict[str, list[str]]:
    counts = {}
    for name, path in PAGES.items():
        with _counting(app) as statements:
            response = world.client.get(path(world))
        assert response.status_code == 200, f"{name}: {response.status_code}"
        counts[name] = list(statements)
    return counts


@pytest.fixture
def statements_by_size(
    app: Flask, make_quiz: Callable[..., Quiz], make_user: Callable[..., User]
) -> dict[Size, dict[str, list[str]]]:
    return {
        size: _statements_per_page(app, _build(app, make_quiz, make_user("student"), size))
        for size in (SMALL, LARGE)
    }


@pytest.mark.parametrize("page", list(PAGES))
def test_a_student_page_sends_at_most_four_statements_at_any_size(
    statements_by_size: dict[Size, dict[str, list[str]]], page: str
) -> None:
    small = statements_by_size[SMALL][page]
    large = statements_by_size[LARGE][page]
    listing = "\n".join(f"  {s.split(' FROM ')[0][:60]} FROM {s.split(' FROM ')[-1][:60]}"
                        for s in large)  # fmt: skip
    assert len(large) <= MAX_STATEMENTS, f"{page}: {len(large)} statements\n{listing}"
    assert len(large) == len(small), (
        f"{page}: {len(small)} statements for {SMALL}, {len(large)} for {LARGE}\n{listing}"
    )
