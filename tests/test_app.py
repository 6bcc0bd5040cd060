"""The factory, its instance files and the site-wide pages and error handling."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from flask import Flask, request
from flask.testing import FlaskClient

from quizapp import _instance_secret_key, create_app


def test_first_start_writes_a_private_random_secret_key(tmp_path: Path) -> None:
    path = tmp_path / "secret_key"
    key = _instance_secret_key(path)
    assert len(key) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _instance_secret_key(path) == key  # later starts reuse it
    assert _instance_secret_key(tmp_path / "other") != key


def test_a_worker_that_loses_the_first_start_race_uses_the_winners_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret_key"
    path.write_text("key-of-the-other-worker", encoding="utf-8")
    # This worker looked before the other one wrote the file.
    monkeypatch.setattr(Path, "exists", lambda self: False)
    assert _instance_secret_key(path) == "key-of-the-other-worker"


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(tmp_path: Path) -> None:
    app = create_app(
        {
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
            "PROXY_COUNT": 1,
        }
    )

    @app.get("/whoami")
    def whoami() -> str:
        return request.remote_addr or ""

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.get_data(as_text=True) == "203.0.113.9"


def test_settings_come_from_quizapp_environment_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("QUIZAPP_QUESTIONS_PER_ARTICLE", "7")
    monkeypatch.setenv("QUIZAPP_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'x.db'}")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["QUESTIONS_PER_ARTICLE"] == 7
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.db")


def test_home_sends_to_the_articles_and_health_answers(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/quiz/")
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_unknown_pages_get_a_friendly_404(client: FlaskClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We could not find that page." in response.get_data(as_text=True)


def test_an_unexpected_error_shows_a_friendly_page_without_a_traceback(app: Flask) -> None:
    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get("/boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "secret internals" not in body and "Traceback" not in body


def test_a_post_without_its_csrf_token_is_refused_with_a_message(
    student_client: FlaskClient,
) -> None:
    response = student_client.post("/auth/logout")
    assert response.status_code == 400
    assert "Please reload the page and try again." in response.get_data(as_text=True)


def test_connections_are_tested_before_use_only_where_a_server_can_drop_them(
    tmp_path: Path,
) -> None:
    sqlite = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'a.sqlite3'}"})
    server = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u:p@db.invalid/q"})
    chosen = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u:p@db.invalid/q",
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": False, "pool_size": 3},
        }
    )

    assert "pool_pre_ping" not in sqlite.config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert server.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": True}
    assert chosen.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": False, "pool_size": 3}
