"""The Flask-Migrate history builds exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quizapp import create_app
from quizapp.extensions import db

# The revision before the one that adds numeric questions and the rejected status.
BEFORE_NUMERIC = "5e55a0f1c0de"


def test_migrations_match_the_models_and_roll_back(tmp_path: Path) -> None:
    app = create_app(
        {"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite3'}"}
    )
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert differences == []
        assert {"users", "articles", "questions", "attempts", "responses"} <= set(
            inspect(db.engine).get_table_names()
        )
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}


def test_existing_users_get_a_session_token_and_stay_active(tmp_path: Path) -> None:
    app = create_app(
        {"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'u.sqlite3'}"}
    )
    with app.app_context():
        upgrade(revision="b23d0ce6c6c3")
        with db.engine.begin() as connection:
            for number in (1, 2):
                connection.execute(
                    text(
                        "INSERT INTO users (email, display_name, password_hash, role, created_at)"
                        " VALUES (:email, 'Old', 'hash', 'teacher', '2026-11-01 09:00:00')"
                    ),
                    {"email": f"old{number}@example.org"},
                )
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT email, password_hash, session_token, active FROM users ORDER BY id")
            ).all()
        assert [row.email for row in rows] == ["old1@example.org", "old2@example.org"]
        assert all(row.password_hash == "hash" and row.active for row in rows)
        tokens = {row.session_token for row in rows}
        assert len(tokens) == 2 and all(token and len(token) >= 40 for token in tokens)


def test_the_numeric_revision_keeps_existing_questions_and_checks_tolerances(
    tmp_path: Path,
) -> None:
    app = create_app(
        {"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'd.sqlite3'}"}
    )
    columns = (
        "article_id, type, format, prompt, answer, accepted, choices, evidence, origin, status,"
        " position, score"
    )
    with app.app_context():
        upgrade(revision=BEFORE_NUMERIC)
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO articles (title, original_text, text, published, created_at)"
                    " VALUES ('A', 'x', 'x', 1, '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    f"INSERT INTO questions ({columns}) VALUES (1, 'who', 'short_answer', 'Who?',"
                    " 'Kim', '[]', '[]', '', 'teacher', 'published', 1, 0)"
                )
            )
        upgrade()
        with db.engine.begin() as connection:
            kept = connection.execute(text("SELECT prompt, tolerance FROM questions")).all()
            assert [tuple(row) for row in kept] == [("Who?", None)]
            connection.execute(
                text(
                    f"INSERT INTO questions ({columns}, tolerance) VALUES (1, 'teacher', 'numeric',"
                    " 'How many?', '1200', '[]', '[]', '', 'teacher', 'rejected', 2, 0, 50)"
                )
            )
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(
                text(
                    f"INSERT INTO questions ({columns}) VALUES (1, 'teacher', 'numeric',"
                    " 'How many?', '1200', '[]', '[]', '', 'teacher', 'draft', 3, 0)"
                )
            )
        downgrade(revision=BEFORE_NUMERIC)
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT format, status FROM questions ORDER BY id"))
            assert [tuple(row) for row in rows] == [
                ("short_answer", "published"),
                ("short_answer", "archived"),
            ]
