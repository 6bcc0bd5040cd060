"""The login limit holds across gunicorn workers when its store is Redis."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.auth.services import create_user
from quizapp.auth.views import WRONG_CREDENTIALS
from quizapp.extensions import db
from tests.serving import Gunicorn, Reply, Visitor, csrf_token, gunicorn

LIMIT = 6
WORKERS = 2
WRONG_LOGIN = {"email": "pupil@example.org", "password": "not the password"}


@pytest.fixture
def served(tmp_path: Path, redis_uri: str) -> Iterator[Gunicorn]:
    """QuizApp under gunicorn (two sync workers) counting login attempts in Redis."""
    database = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "limits-test-key"})
    with app.app_context():
        db.create_all()
        create_user("pupil@example.org", "Pupil", "the right password")
        db.engine.dispose()
    env = {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database,
        "QUIZAPP_SECRET_KEY": "limits-test-key",
        "QUIZAPP_RATELIMIT_STORAGE_URI": redis_uri,
        # A key prefix of this test's own: parallel test workers may share one Redis.
        "QUIZAPP_RATELIMIT_KEY_PREFIX": f"quizapp-test-{uuid.uuid4().hex}",
        # Per hour, so that no window can end during the test.
        "QUIZAPP_LOGIN_RATE_LIMIT": f"{LIMIT} per hour",
    }
    with gunicorn(env, tmp_path, workers=WORKERS) as server:
        yield server


def _wrong_logins(visitor: Visitor, token: str, count: int) -> list[Reply]:
    """Post `count` wrong logins at once, each on a connection of its own."""
    form = {**WRONG_LOGIN, "csrf_token": token}
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: visitor.post("/auth/login", form), range(count)))


def _login_posts_logged(served: Gunicorn, expected: int) -> list[tuple[int, int, str, str]]:
    """The access log's login posts, once `expected` are in: a worker logs after it replies."""
    deadline = time.monotonic() + 10
    while True:
        posts = [row for row in served.served_by() if row[2:] == ("POST", "/auth/login")]
        if len(posts) >= expected or time.monotonic() > deadline:
            return posts
        time.sleep(0.05)


def test_the_login_limit_is_shared_by_every_worker(served: Gunicorn) -> None:
    visitor = Visitor(served.port)
    token = csrf_token(visitor.get("/auth/login").body)
    # Two at a time, so both workers take attempts from the first round on: with a store per
    # worker, each would allow LIMIT of its own and the 429 would come far too late.
    statuses = []
    for _ in range(LIMIT // 2):
        replies = _wrong_logins(visitor, token, 2)
        assert all(WRONG_CREDENTIALS in reply.body for reply in replies), replies
        statuses += [reply.status for reply in replies]
    assert statuses == [200] * LIMIT

    blocked = _wrong_logins(visitor, token, 2)
    assert [reply.status for reply in blocked] == [429, 429]
    assert "Too many attempts" in blocked[0].body
    # The right password is refused too while the limit lasts: it is the address that waits.
    right = visitor.post(
        "/auth/login",
        {"email": WRONG_LOGIN["email"], "password": "the right password", "csrf_token": token},
    )
    assert right.status == 429

    posts = _login_posts_logged(served, LIMIT + 3)
    assert len(posts) == LIMIT + 3
    allowed_by = {pid for pid, status, _method, _path in posts if status == 200}
    assert len(allowed_by) == WORKERS, f"one worker took every allowed attempt: {posts}"
