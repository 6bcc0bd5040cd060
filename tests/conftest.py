"""Shared fixtures: an app on a temporary database, clients, users and logged-in clients."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from quizapp import create_app
from quizapp.extensions import db, limiter
from quizapp.models import User
from tests.serving import redis_available, redis_server

PASSWORD = "correct horse battery"
ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "us-official-warns-north-korean-leader.txt"


def database_uri(tmp_path: Path) -> str:
    """SQLite in the test's temp folder, or the throwaway PostgreSQL .ci/run starts."""
    return os.environ.get("QUIZAPP_TEST_DATABASE_URI") or f"sqlite:///{tmp_path / 'test.sqlite3'}"


def postgres_server_uri() -> str:
    """The throwaway server's URI from .ci/run, or a skip (a failure when it is required)."""
    uri = os.environ.get("QUIZAPP_TEST_POSTGRES_URI", "")
    if uri:
        return uri
    reason = "QUIZAPP_TEST_POSTGRES_URI is not set (`bash .ci/run` starts a PostgreSQL for these)"
    if os.environ.get("QUIZAPP_REQUIRE_POSTGRES", "") not in ("", "0"):
        pytest.fail(f"{reason}; QUIZAPP_REQUIRE_POSTGRES=1 makes this a failure", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def postgres_uri() -> Iterator[str]:
    """A fresh database of this test's own on the server (parallel workers never share one)."""
    server = make_url(postgres_server_uri())
    name = f"quizapp_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def redis_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis for shared rate limits: QUIZAPP_TEST_REDIS_URI (.ci/run starts one), else a
    throwaway redis-server of this test session's own, else a skip (a failure when
    QUIZAPP_REQUIRE_REDIS=1)."""
    uri = os.environ.get("QUIZAPP_TEST_REDIS_URI", "")
    if uri:
        yield uri
        return
    if not redis_available():
        reason = "no redis-server here and QUIZAPP_TEST_REDIS_URI is not set"
        if os.environ.get("QUIZAPP_REQUIRE_REDIS", "") not in ("", "0"):
            pytest.fail(f"{reason}; QUIZAPP_REQUIRE_REDIS=1 makes this a failure", pytrace=False)
        pytest.skip(reason)
    with redis_server(tmp_path_factory.mktemp("redis")) as started:
        yield started


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """A QuizApp with an empty database of its own."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path),
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    if getattr(limiter, "_storage", None) is not None:  # none exists while limits are off
        limiter.reset()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser-like client with cookies."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """Runs the app's `flask` commands."""
    return app.test_cli_runner()


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    """Create a user in the database and return it."""
    counter = iter(range(1, 10_000))

    def make(role: str = "student", email: str | None = None, name: str | None = None) -> User:
        number = next(counter)
        with app.app_context():
            user = User(
                email=email or f"{role}{number}@example.org",
                display_name=name or f"{role.title()} {number}",
                role=role,
            )
            user.set_password(PASSWORD)
            db.session.add(user)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


def csrf_token(client: FlaskClient, path: str) -> str:
    """Fetch a page and return the CSRF token of its form."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def log_in(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    """Log a client in through the real login form."""
    token = csrf_token(client, "/auth/login")
    response = client.post(
        "/auth/login", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)


@pytest.fixture
def student(make_user: Callable[..., User]) -> User:
    """A student account."""
    return make_user("student")


@pytest.fixture
def teacher(make_user: Callable[..., User]) -> User:
    """A teacher account."""
    return make_user("teacher")


@pytest.fixture
def student_client(app: Flask, student: User) -> FlaskClient:
    """A client logged in as a student."""
    client = app.test_client()
    log_in(client, student.email)
    return client


@pytest.fixture
def teacher_client(app: Flask, teacher: User) -> FlaskClient:
    """A client logged in as a teacher."""
    client = app.test_client()
    log_in(client, teacher.email)
    return client
