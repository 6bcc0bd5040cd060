"""The Flask-Migrate history builds exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from quizapp import create_app
from quizapp.extensions import db


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
