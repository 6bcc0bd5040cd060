"""Times a teacher's results page for 10 and for 1,000 students, and counts its SQL statements.

The data is built through the models (one article of 20 multiple-choice questions, every student
in one class with one submitted attempt, answers drawn at random), in a temporary SQLite file.
Each page is rendered through the Flask test client as the logged-in teacher: warmed up, then
the median of several renders, the pages timed in turn. The targets (issue 9): the 1,000-student
page takes at most 3x the 10-student page, and both run the same number of SQL statements
(counted with a `before_cursor_execute` listener). The process exits 1 when either target is missed.

    .venv/bin/python bench/results.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the quizapp package importable
    sys.path.insert(0, str(ROOT))

from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from sqlalchemy import event  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.classes.codes import new_code  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import (  # noqa: E402
    Article,
    Attempt,
    Membership,
    Question,
    Response,
    SchoolClass,
    User,
    utcnow,
)

QUESTIONS = 20
SIZES = (10, 1000)
TARGET_RATIO = 3.0
PASSWORD = "bench password 1"
CHOICES = ["Right answer", "Wrong one", "Wrong two", "Wrong three"]


def build(app: Flask, students: int, rng: random.Random) -> tuple[str, int, int]:
    """A teacher, a class of `students`, an article of 20 questions, one attempt each.

    Returns the teacher's email, the article id and the class id.
    """
    with app.app_context():
        teacher = User(email=f"teacher{students}@bench.example", display_name="T", role="teacher")
        teacher.set_password(PASSWORD)
        article = Article(
            title=f"Bench article ({students} students)",
            original_text="Text.",
            text="Text.",
            owner=teacher,
            published=True,
        )
        article.questions = [
            Question(
                type="teacher",
                format="multiple_choice",
                prompt=f"Question {n}?",
                answer=CHOICES[0],
                choices=list(CHOICES),
                status="published",
                position=n,
            )
            for n in range(1, QUESTIONS + 1)
        ]
        school_class = SchoolClass(teacher=teacher, name="Bench class", join_code=new_code())
        db.session.add_all([teacher, article, school_class])
        db.session.flush()
        hashed = teacher.password_hash  # hashing 1,000 passwords would only time Werkzeug
        now = utcnow()
        for number in range(students):
            student = User(
                email=f"s{students}-{number}@bench.example",
                display_name=f"Student {number:04d}",
                role="student",
                password_hash=hashed,
            )
            school_class.memberships.append(Membership(user=student))
            attempt = Attempt(
                user=student, article=article, max_score=QUESTIONS, submitted_at=now, score=0
            )
            for position, question in enumerate(article.questions, start=1):
                answer = rng.choice(CHOICES)
                attempt.responses.append(
                    Response(
                        question=question,
                        position=position,
                        choice_order=list(CHOICES),
                        answer=answer,
                        correct=answer == CHOICES[0],
                        expected=CHOICES[0],
                    )
                )
            attempt.score = sum(1 for r in attempt.responses if r.correct)
            db.session.add(attempt)
        db.session.commit()
        return teacher.email, article.id, school_class.id


def log_in(client: FlaskClient, email: str) -> None:
    """Log in through the real form (CSRF is off in this benchmark's app)."""
    response = client.post("/auth/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code


def count_statements(app: Flask, client: FlaskClient, url: str) -> int:
    """How many SQL statements one render of `url` runs."""
    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


def time_ms(client: FlaskClient, url: str) -> float:
    """Milliseconds of one render."""
    start = time.perf_counter()
    response = client.get(url)
    elapsed = 1000 * (time.perf_counter() - start)
    assert response.status_code == 200
    return elapsed


def interleaved(pages: list[tuple[FlaskClient, str]], repeat: int) -> list[float]:
    """Median render time of each page, the pages timed in turn so that load from other
    processes that drifts during the run slows them alike."""
    for client, url in pages * 3:  # warm up
        client.get(url)
    timings: list[list[float]] = [[] for _ in pages]
    for _ in range(repeat):
        for index, (client, url) in enumerate(pages):
            timings[index].append(time_ms(client, url))
    return [statistics.median(series) for series in timings]


def main() -> int:
    """Build both data sets, time both pages, print the figures and check the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25, help="timed renders per page")
    args = parser.parse_args()
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
                "RATELIMIT_ENABLED": False,
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            db.create_all()
        urls: dict[tuple[int, str], tuple[FlaskClient, str]] = {}
        for students in SIZES:
            email, article_id, class_id = build(app, students, rng)
            client = app.test_client()
            log_in(client, email)
            urls[(students, "article")] = (client, f"/results/articles/{article_id}")
            urls[(students, "class")] = (
                client,
                f"/results/articles/{article_id}?class_id={class_id}",
            )
        counts = {key: count_statements(app, *page) for key, page in urls.items()}
        medians = dict(zip(urls, interleaved(list(urls.values()), args.repeat), strict=True))
        figures = {key: (medians[key], counts[key]) for key in urls}
        with app.app_context():
            db.engine.dispose()
    ok = True
    print(f"results page, {QUESTIONS} questions, every student submitted once (median ms)")
    for label in ("article", "class"):
        (small_ms, small_sql), (big_ms, big_sql) = (figures[(n, label)] for n in SIZES)
        ratio = big_ms / small_ms
        print(f"  {label:7} page: {SIZES[0]:>5} students {small_ms:7.1f} ms {small_sql:3} SQL")
        print(f"  {label:7} page: {SIZES[1]:>5} students {big_ms:7.1f} ms {big_sql:3} SQL")
        print(f"  {label:7} page: ratio {ratio:.2f}x (target <= {TARGET_RATIO}x)")
        ok = ok and ratio <= TARGET_RATIO and small_sql == big_sql
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
