"""The classes revision: existing data survives it, and its constraints hold in the schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quizapp import create_app
from quizapp.extensions import db

OLDER = "b23d0ce6c6c3"  # rows are stored in this older schema, then upgraded to the head
PARENT = "d9b4e1a7c3f2"  # the revision the classes revision follows


def test_the_classes_revision_keeps_existing_data_and_enforces_its_constraints(
    tmp_path: Path,
) -> None:
    app = create_app(
        {"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.sqlite3'}"}
    )
    with app.app_context():
        upgrade(revision=OLDER)
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, display_name, password_hash, role, created_at)"
                    " VALUES (1, 't@example.org', 'T', 'x', 'teacher', '2026-01-01'),"
                    " (2, 's@example.org', 'S', 'x', 'student', '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO articles (id, title, original_text, text, owner_id, published,"
                    " created_at) VALUES (1, 'A', 'a', 'a', 1, 1, '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO attempts (id, user_id, article_id, started_at, submitted_at,"
                    " score, max_score, current_position)"
                    " VALUES (1, 2, 1, '2026-01-01', '2026-01-01', 1, 2, 1)"
                )
            )
        upgrade()
        assert {"classes", "memberships", "assignments"} <= set(
            inspect(db.engine).get_table_names()
        )
        with db.engine.begin() as connection:
            assert connection.execute(text("SELECT count(*) FROM attempts")).scalar() == 1
            # The rebuilt users table must not take its rows' attempts and articles with it.
            assert connection.execute(text("SELECT owner_id FROM articles")).scalar() == 1
            connection.execute(text("PRAGMA foreign_keys=ON"))
            connection.execute(
                text(
                    "INSERT INTO classes (id, teacher_id, name, join_code, created_at)"
                    " VALUES (1, 1, '9A', 'ACDEFGHJ', '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO memberships (class_id, user_id, joined_at)"
                    " VALUES (1, 2, '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO assignments (class_id, article_id, created_at)"
                    " VALUES (1, 1, '2026-01-01')"
                )
            )
        for statement in (
            "INSERT INTO classes (teacher_id, name, join_code, created_at)"
            " VALUES (1, '9B', 'ACDEFGHJ', '2026-01-01')",
            "INSERT INTO memberships (class_id, user_id, joined_at) VALUES (1, 2, '2026-01-01')",
            "INSERT INTO assignments (class_id, article_id, created_at)"
            " VALUES (1, 1, '2026-01-01')",
        ):
            with pytest.raises(IntegrityError), db.engine.begin() as connection:
                connection.execute(text(statement))
        with db.engine.begin() as connection:
            connection.execute(text("PRAGMA foreign_keys=ON"))
            connection.execute(text("DELETE FROM classes WHERE id = 1"))
            assert connection.execute(text("SELECT count(*) FROM memberships")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM assignments")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM attempts")).scalar() == 1
        downgrade(revision=PARENT)
        assert "classes" not in inspect(db.engine).get_table_names()
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM attempts")).scalar() == 1
