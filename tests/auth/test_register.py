"""Registering: a student account is created, logged in, and every bad input gets a form error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import PASSWORD, csrf_token

GOOD = {
    "email": "Ada@Example.org",
    "display_name": "Ada Lovelace",
    "password": PASSWORD,
    "confirm": PASSWORD,
}


def register(client: FlaskClient, path: str = "/auth/register", **changes: str):
    """Post the registration form with the good values, some of them changed."""
    data = {**GOOD, **changes, "csrf_token": csrf_token(client, "/auth/register")}
    return client.post(path, data=data)


def user_count(app: Flask) -> int:
    """How many accounts the database holds."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User)) or 0


def test_register_page_labels_every_input(client: FlaskClient) -> None:
    html = client.get("/auth/register").get_data(as_text=True)
    for field_id, label in [
        ("email", "Email"),
        ("display_name", "Display name"),
        ("password", "Password"),
        ("confirm", "Password again"),
    ]:
        assert f'<label class="form-label" for="{field_id}">{label}</label>' in html
    assert ">Register</button>" in html
    assert 'name="role"' not in html


def test_register_creates_a_logged_in_student(app: Flask, client: FlaskClient) -> None:
    response = register(client)

    assert response.status_code == 302
    assert response.headers["Location"] == "/quiz/"
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.email == "ada@example.org"
        assert user.display_name == "Ada Lovelace"
        assert user.role == "student"
    assert client.get("/scores/").status_code == 200


def test_register_stores_only_a_password_hash(app: Flask, client: FlaskClient) -> None:
    register(client)

    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert PASSWORD not in user.password_hash
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
        assert user.check_password(PASSWORD)


def test_register_never_lets_the_form_choose_the_role(app: Flask, client: FlaskClient) -> None:
    register(client, role="teacher")

    with app.app_context():
        assert db.session.scalars(select(User.role)).one() == "student"


def test_register_follows_a_safe_next(client: FlaskClient) -> None:
    response = register(client, path="/auth/register?next=/scores/")

    assert response.headers["Location"] == "/scores/"


def test_register_ignores_an_unsafe_next(client: FlaskClient) -> None:
    response = register(client, path="/auth/register?next=//evil.example")

    assert response.headers["Location"] == "/quiz/"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": ""}, "Enter your email address."),
        ({"email": "   "}, "Enter your email address."),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"email": "a@" + "b" * 250 + ".org"}, "Use at most 254 characters."),
        ({"display_name": ""}, "Enter the name other people will see."),
        ({"display_name": "x" * 81}, "Use at most 80 characters."),
        ({"password": "", "confirm": ""}, "Choose a password."),
        ({"password": "short12", "confirm": "short12"}, "Use 8 to 128 characters."),
        ({"password": "p" * 129, "confirm": "p" * 129}, "Use 8 to 128 characters."),
        ({"confirm": PASSWORD + "!"}, "The two passwords do not match."),
        ({"confirm": ""}, "Type the password again."),
    ],
)
def test_register_bad_input_gets_a_form_error(
    app: Flask, client: FlaskClient, changes: dict[str, str], message: str
) -> None:
    response = register(client, **changes)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert "is-invalid" in html
    assert user_count(app) == 0


@pytest.mark.parametrize("email", ["student1@example.org", "  STUDENT1@Example.ORG "])
def test_register_refuses_a_taken_email_in_any_case(
    app: Flask, client: FlaskClient, make_user: Callable[..., User], email: str
) -> None:
    make_user("student", email="student1@example.org")

    response = register(client, email=email)

    assert response.status_code == 200
    assert "An account with this email already exists." in response.get_data(as_text=True)
    assert user_count(app) == 1


def test_register_without_csrf_token_is_refused(app: Flask, client: FlaskClient) -> None:
    response = client.post("/auth/register", data=GOOD)

    assert response.status_code == 400
    assert "reload the page" in response.get_data(as_text=True)
    assert user_count(app) == 0


def test_logged_in_user_visiting_register_is_redirected(student_client: FlaskClient) -> None:
    response = student_client.get("/auth/register")

    assert response.status_code == 302
    assert response.headers["Location"] == "/quiz/"
