"""Fifty students take a quiz at once through gunicorn: nothing lost, nothing graded wrong.

Runs on SQLite and, when QUIZAPP_TEST_POSTGRES_URI is set (.ci/run starts a throwaway server),
on PostgreSQL. Each student logs in through the form, starts the quiz, answers every question
through its page; the last answer is sent at the same moment as two presses of "Submit quiz" from
other tabs. The attempt must be graded once, on exactly the answers that were saved: the last one
either counts, or its page says the quiz was already submitted.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Question, User
from tests.serving import Gunicorn, Visitor, csrf_token, gunicorn

STUDENTS = 50
QUESTIONS = 12
PASSWORD = "fifty students"
SECRET = "concurrency-test-key"


def _question(number: int) -> Question:
    """Questions of all three formats; the right answer of a choice question is "Right N"."""
    if number % 3 == 0:
        spec = {"format": "short_answer", "answer": f"answer {number}", "choices": []}
    elif number % 3 == 1:
        choices = [f"Right {number}", f"Wrong {number}a", f"Wrong {number}b", f"Wrong {number}c"]
        spec = {"format": "multiple_choice", "answer": choices[0], "choices": choices}
    else:
        spec = {"format": "true_false", "answer": "True", "choices": ["True", "False"]}
    return Question(type="teacher", prompt=f"Question {number}?", status="published",
                    position=number, **spec)  # fmt: skip


def _answers_right(student: int, number: int) -> bool:
    """Which questions a student gets right: a different pattern, so a different score, each."""
    return (student * 7 + number) % (2 + student % 4) != 0


def _reply_for(student: int, number: int, html: str) -> dict[str, str]:
    """The input a student sends on question `number`, read from the page like a browser."""
    right = _answers_right(student, number)
    if 'name="reply"' in html:
        return {"reply": f"answer {number}" if right else f"no idea {student}"}
    radios = dict(
        (label, value)
        for value, label in re.findall(
            r'value="(\d+)">\s*<label class="form-check-label" for="choice-\d+">([^<]*)</label>',
            html,
        )
    )
    if "True" in radios:
        return {"choice": radios["True" if right else "False"]}
    wanted = f"Right {number}" if right else f"Wrong {number}b"
    return {"choice": radios[wanted]}


def _expected_answer(student: int, number: int) -> str:
    right = _answers_right(student, number)
    if number % 3 == 0:
        return f"answer {number}" if right else f"no idea {student}"
    if number % 3 == 2:
        return "True" if right else "False"
    return f"Right {number}" if right else f"Wrong {number}b"


@dataclass
class Outcome:
    """What one student saw."""

    student: int
    attempt_id: int
    statuses: list[int]
    result_page: str
    # Whether the last answer was saved (else its page said the quiz was already submitted).
    last_saved: bool = False


def _take_quiz(port: int, student: int, article_id: int) -> Outcome:
    visitor = Visitor(port)
    statuses: list[int] = []

    def post(path: str, form: dict[str, str]) -> str:
        reply = visitor.post(path, form)
        statuses.append(reply.status)
        assert reply.status == 302, f"student {student}: POST {path} gave {reply.status}"
        return reply.headers["location"]

    def get(path: str) -> str:
        reply = visitor.get(path)
        statuses.append(reply.status)
        assert reply.status == 200, f"student {student}: GET {path} gave {reply.status}"
        return reply.body

    token = csrf_token(get("/auth/login"))
    post("/auth/login", {"email": f"s{student}@example.org", "password": PASSWORD,
                         "csrf_token": token})  # fmt: skip
    article_path = f"/quiz/articles/{article_id}"
    location = post(f"{article_path}/start", {"csrf_token": csrf_token(get(article_path))})
    match = re.search(r"/quiz/attempts/(\d+)/questions/1$", location)
    assert match, location
    attempt_id = int(match.group(1))
    answer_posts = []
    for number in range(1, QUESTIONS + 1):
        path = f"/quiz/attempts/{attempt_id}/questions/{number}"
        html = get(path)
        fields = dict(
            re.findall(r'name="(csrf_token|question_id|order_key)"[^>]*value="([^"]*)"', html)
        )
        answer_posts.append((path, {**fields, **_reply_for(student, number, html), "go_next": "1"}))
    for path, form in answer_posts[:-1]:
        post(path, form)
    # The last answer ("Previous", so it does not submit by itself) races two submits.
    result = f"/quiz/attempts/{attempt_id}"
    last_path, last_form = answer_posts[-1]
    last_form = {**last_form, "go_previous": "1"}
    del last_form["go_next"]
    submit = (f"{result}/submit", {"csrf_token": token})
    jobs = [(last_path, last_form), submit, submit]
    with ThreadPoolExecutor(max_workers=len(jobs)) as tabs:
        locations = list(tabs.map(lambda job: post(*job), jobs))
    assert all(loc.endswith(result) for loc in locations[1:]), locations
    last_saved = locations[0].endswith(f"/questions/{QUESTIONS - 1}")
    assert last_saved or locations[0].endswith(result), locations
    return Outcome(student, attempt_id, statuses, get(result), last_saved)


def _prepare(database_uri: str) -> int:
    """Schema, one published article with QUESTIONS questions, STUDENTS students."""
    app: Flask = create_app({"SQLALCHEMY_DATABASE_URI": database_uri, "SECRET_KEY": SECRET})
    with app.app_context():
        db.create_all()
        article = Article(title="Fifty at once", original_text="Text.", text="Text.",
                          published=True)  # fmt: skip
        article.questions = [_question(n) for n in range(1, QUESTIONS + 1)]
        # A cheap hash: fifty full-strength hashes would be most of the test's time.
        password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
        db.session.add(article)
        db.session.add_all(
            User(email=f"s{n}@example.org", display_name=f"S{n}", password_hash=password_hash)
            for n in range(STUDENTS)
        )
        db.session.commit()
        article_id = article.id
        db.engine.dispose()
    return article_id


@dataclass(frozen=True)
class Stored:
    """One attempt as the database holds it."""

    id: int
    submitted: bool
    score: int | None
    max_score: int
    answers: list[str | None]
    correct: list[bool | None]


def _stored(database_uri: str) -> dict[str, list[Stored]]:
    """Every student's attempts, read back from the database after the run."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_uri, "SECRET_KEY": SECRET})
    with app.app_context():
        attempts: dict[str, list[Stored]] = {
            user.email: [
                Stored(
                    id=a.id,
                    submitted=a.submitted_at is not None,
                    score=a.score,
                    max_score=a.max_score,
                    answers=[r.answer for r in a.responses],
                    correct=[r.correct for r in a.responses],
                )
                for a in user.attempts
            ]
            for user in db.session.scalars(select(User))
        }
        db.engine.dispose()
    return attempts


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URI: a SQLite file, or a fresh database on the throwaway PostgreSQL."""
    if request.param == "sqlite":
        # In memory-backed /dev/shm when there is one: like the CI's PostgreSQL without fsync,
        # the file is thrown away, and waiting for the disk would be most of the test's time.
        shm = Path("/dev/shm")
        folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
        yield f"sqlite:///{folder / 'fifty.sqlite3'}"
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        yield request.getfixturevalue("postgres_uri")


@pytest.fixture
def served(database: str, tmp_path: Path) -> Iterator[tuple[Gunicorn, int]]:
    """QuizApp under gunicorn with two sync workers on the database; yields it and the article."""
    article_id = _prepare(database)
    env = {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database,
        "QUIZAPP_SECRET_KEY": SECRET,
        # Fifty logins from one address: the login limit is tested elsewhere.
        "QUIZAPP_RATELIMIT_ENABLED": "false",
    }
    with gunicorn(env, tmp_path, workers=2) as server:
        yield server, article_id


def test_fifty_students_at_once_lose_nothing(served: tuple[Gunicorn, int], database: str) -> None:
    server, article_id = served
    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        outcomes = list(pool.map(lambda s: _take_quiz(server.port, s, article_id), range(STUDENTS)))

    errors = server.error_log.read_text(encoding="utf-8")
    assert "Traceback" not in errors and "Unhandled error" not in errors, errors
    assert not [row for row in server.served_by() if row[1] >= 500]

    stored = _stored(database)
    for outcome in outcomes:
        attempts = stored[f"s{outcome.student}@example.org"]
        assert [a.id for a in attempts] == [outcome.attempt_id], "one attempt per student"
        attempt = attempts[0]
        expected = [_expected_answer(outcome.student, n) for n in range(1, QUESTIONS + 1)]
        graded = [_answers_right(outcome.student, n) for n in range(1, QUESTIONS + 1)]
        if not outcome.last_saved:
            expected[-1], graded[-1] = None, False
        assert attempt.answers == expected, f"student {outcome.student} lost answers"
        assert attempt.submitted
        assert attempt.correct == graded, f"student {outcome.student} graded on other answers"
        assert (attempt.score, attempt.max_score) == (sum(graded), QUESTIONS)
        assert f"{sum(graded)} / {QUESTIONS}" in outcome.result_page
    saved = sum(outcome.last_saved for outcome in outcomes)
    print(f"{saved} of {STUDENTS} last answers beat the submit")
