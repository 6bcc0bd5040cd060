"""The `flask` commands: generate --json, seed and create-user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, User
from tests.conftest import PASSWORD, SEED_ARTICLE


@pytest.mark.slow
def test_generate_json_prints_only_json_with_the_question_fields(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["generate", "--json", "--limit", "5", str(SEED_ARTICLE)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert 1 <= len(rows) <= 5
    for row in rows:
        assert set(row) == {"type", "question", "answer", "choices", "evidence", "score"}
        assert isinstance(row["choices"], list)
        # No choices: a short-answer question (too few good distractors).
        assert not row["choices"] or row["answer"] in row["choices"]


@pytest.mark.slow
def test_seed_twice_adds_the_seed_article_once(app: Flask, runner: FlaskCliRunner) -> None:
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0, first.output
    assert "1 article added." in first.output
    assert "US Official Warns North Korean Leader" in first.output

    second = runner.invoke(args=["seed"])
    assert second.exit_code == 0, second.output
    assert "0 articles added." in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 1


def test_seed_without_a_seeds_folder_fails_clearly(app: Flask, runner: FlaskCliRunner) -> None:
    app.config["SEEDS_DIR"] = "/nonexistent/seeds"
    result = runner.invoke(args=["seed"])
    assert result.exit_code != 0
    assert "No seeds folder at /nonexistent/seeds." in result.output


def test_create_user_reads_the_password_from_stdin(app: Flask, runner: FlaskCliRunner) -> None:
    result = runner.invoke(
        args=["create-user", " Teacher@Example.org ", "--role", "teacher", "--name", "Ms Lee"],
        input=f"{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created teacher teacher@example.org." in result.output
    assert PASSWORD not in result.output
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert (user.email, user.display_name, user.role) == (
            "teacher@example.org",
            "Ms Lee",
            "teacher",
        )
        assert user.check_password(PASSWORD)


def test_create_user_defaults_to_a_student_named_after_the_email(
    app: Flask, runner: FlaskCliRunner
) -> None:
    result = runner.invoke(args=["create-user", "sam@example.org"], input=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert (user.display_name, user.role) == ("sam", "student")


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["create-user", "a@example.org"], "short\n", "Choose a password of 8 to 128 characters."),
        (["create-user", "a@example.org"], "", "No password given on standard input."),
        (["create-user", "not-an-email"], f"{PASSWORD}\n", "Enter a valid email address."),
        (["create-user", "a@example.org", "--role", "admin"], f"{PASSWORD}\n", "'admin' is not"),
    ],
)
def test_create_user_refuses_bad_input(
    app: Flask, runner: FlaskCliRunner, args: list[str], password: str, message: str
) -> None:
    result = runner.invoke(args=args, input=password)
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0


def test_create_user_refuses_a_taken_email(app: Flask, runner: FlaskCliRunner) -> None:
    runner.invoke(args=["create-user", "a@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["create-user", "A@example.org"], input=f"{PASSWORD}\n")
    assert result.exit_code == 1
    assert "An account with this email already exists." in result.output


def test_cli_prints_no_warnings(tmp_path) -> None:
    """Every `flask --app quizapp …` starts without a warning a user cannot act on."""
    env = {**os.environ, "PYTHONWARNINGS": "default", "QUIZAPP_SECRET_KEY": "test"}
    env["QUIZAPP_SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    flask = Path(sys.executable).with_name("flask")
    result = subprocess.run(
        [str(flask), "--app", "quizapp", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr, result.stderr
    assert "generate" in result.stdout
