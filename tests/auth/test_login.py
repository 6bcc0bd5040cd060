"""Logging in and out: credentials, remember me, CSRF, safe `next` and the rate limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp import create_app
from quizapp.auth.views import WRONG_CREDENTIALS
from quizapp.extensions import db, limiter
from quizapp.models import User
from tests.conftest import PASSWORD, csrf_token, database_uri, log_in


def post_login(client: FlaskClient, path: str = "/auth/login", **data: str):
    """Post the login form with a fresh CSRF token."""
    token = csrf_token(client, "/auth/login")
    return client.post(path, data={**data, "csrf_token": token})


def is_logged_in(client: FlaskClient) -> bool:
    """Whether the client's session reaches a login-only page."""
    return client.get("/scores/").status_code == 200


def test_login_page_has_labelled_fields_and_remember_me(client: FlaskClient) -> None:
    html = client.get("/auth/login").get_data(as_text=True)

    assert '<label class="form-label" for="email">Email</label>' in html
    assert '<label class="form-label" for="password">Password</label>' in html
    assert '<label class="form-check-label" for="remember">Remember me</label>' in html
    assert ">Log in</button>" in html
    assert ">Register</a>" in html


def test_login_success_redirects_to_articles(client: FlaskClient, student: User) -> None:
    response = post_login(client, email=student.email, password=PASSWORD)

    assert response.status_code == 302
    assert response.headers["Location"] == "/quiz/"
    assert is_logged_in(client)


def test_login_ignores_email_case_and_spaces(client: FlaskClient, student: User) -> None:
    response = post_login(client, email=f"  {student.email.upper()} ", password=PASSWORD)

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("email", "password"),
    [("student1@example.org", "wrong password"), ("nobody@example.org", PASSWORD)],
)
def test_wrong_email_or_password_gets_one_generic_error(
    client: FlaskClient, student: User, email: str, password: str
) -> None:
    response = post_login(client, email=email, password=password)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert WRONG_CREDENTIALS in html
    assert not is_logged_in(client)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "password": PASSWORD}, "Enter your email address."),
        ({"email": "student1@example.org", "password": ""}, "Enter your password."),
        ({"email": "x" * 255, "password": PASSWORD}, "Use at most 254 characters."),
        ({"email": "student1@example.org", "password": "p" * 129}, "Use at most 128 characters."),
    ],
)
def test_login_bad_input_gets_a_form_error(
    client: FlaskClient, student: User, data: dict[str, str], message: str
) -> None:
    response = post_login(client, **data)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert not is_logged_in(client)


def test_remember_me_sets_a_remember_cookie(client: FlaskClient, student: User) -> None:
    post_login(client, email=student.email, password=PASSWORD, remember="y")

    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    assert cookie.http_only


def test_without_remember_me_there_is_no_remember_cookie(
    client: FlaskClient, student: User
) -> None:
    post_login(client, email=student.email, password=PASSWORD)

    assert client.get_cookie("remember_token") is None


def test_remember_cookie_logs_the_user_in_again(client: FlaskClient, student: User) -> None:
    post_login(client, email=student.email, password=PASSWORD, remember="y")
    client.delete_cookie("session")

    assert is_logged_in(client)


def test_logout_needs_post(student_client: FlaskClient) -> None:
    assert student_client.get("/auth/logout").status_code == 405
    assert is_logged_in(student_client)


def test_logout_needs_the_csrf_token(student_client: FlaskClient) -> None:
    response = student_client.post("/auth/logout")

    assert response.status_code == 400
    assert is_logged_in(student_client)


def test_logout_with_csrf_token_logs_out(student_client: FlaskClient) -> None:
    token = csrf_token(student_client, "/scores/")

    response = student_client.post("/auth/logout", data={"csrf_token": token})

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    assert not is_logged_in(student_client)


def test_navbar_offers_log_out_button_when_logged_in(student_client: FlaskClient) -> None:
    html = student_client.get("/scores/").get_data(as_text=True)

    assert ">Log out</button>" in html
    assert ">My scores</a>" in html
    assert ">Log in</a>" not in html


def test_visitor_is_sent_to_log_in_and_back(client: FlaskClient, student: User) -> None:
    response = client.get("/scores/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fscores%2F"

    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Please log in to see that page." in login_page
    assert 'action="/auth/login?next=/scores/"' in login_page

    back = post_login(
        client, "/auth/login?next=%2Fscores%2F", email=student.email, password=PASSWORD
    )
    assert back.headers["Location"] == "/scores/"


def login_with_next(client: FlaskClient, student: User, target: str):
    """Log in through the form with `next` in the query string, as the login redirect sends it."""
    return client.post(
        "/auth/login",
        query_string={"next": target},
        data={
            "email": student.email,
            "password": PASSWORD,
            "csrf_token": csrf_token(client, "/auth/login"),
        },
    )


@pytest.mark.parametrize("target", ["/scores/", "/quiz/articles/3?tab=text", "/quiz/#top"])
def test_safe_next_is_followed(client: FlaskClient, student: User, target: str) -> None:
    response = login_with_next(client, student, target)

    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_next_sent_as_a_form_field_is_not_followed(client: FlaskClient, student: User) -> None:
    response = post_login(client, email=student.email, password=PASSWORD, next="/scores/")

    assert response.headers["Location"] == "/quiz/"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.com",
        "///evil.com",
        "https://evil.com/",
        "http:evil.com",
        "\\evil.com",
        "/\\evil.com",
        "javascript:alert(1)",
        "evil.com",
        "/\t/evil.com",
        "/%0a/evil.com\n",
        "",
    ],
)
def test_unsafe_next_is_ignored(client: FlaskClient, student: User, target: str) -> None:
    response = login_with_next(client, student, target)

    assert response.status_code == 302
    assert response.headers["Location"] == "/quiz/"


def test_unsafe_next_is_not_kept_in_the_form_action(client: FlaskClient) -> None:
    html = client.get("/auth/login", query_string={"next": "//evil.com"}).get_data(as_text=True)

    assert "evil.com" not in html


@pytest.mark.parametrize("path", ["/auth/login", "/auth/register"])
def test_logged_in_user_is_redirected_away(student_client: FlaskClient, path: str) -> None:
    response = student_client.get(path, query_string={"next": "/scores/"})

    assert response.status_code == 302
    assert response.headers["Location"] == "/scores/"


def test_log_in_helper_matches_the_form(client: FlaskClient, student: User) -> None:
    log_in(client, student.email)

    assert is_logged_in(client)


@pytest.fixture
def limited_app(tmp_path: Path):
    """An app with the login rate limit switched on: three tries a minute."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path),
            "RATELIMIT_ENABLED": True,
            "LOGIN_RATE_LIMIT": "3 per minute",
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    limiter.reset()
    yield app
    limiter.reset()
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_pages_read_with_get_neither_count_nor_are_limited(limited_app: Flask) -> None:
    client = limited_app.test_client()
    for _ in range(6):  # twice the limit of three
        assert client.get("/auth/login").status_code == 200
    token = csrf_token(client, "/auth/login")
    data = {"email": "someone@example.org", "password": "guess one", "csrf_token": token}

    statuses = [client.post("/auth/login", data=data).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert client.get("/auth/login").status_code == 200


def test_login_is_rate_limited_with_a_friendly_page(limited_app: Flask) -> None:
    client = limited_app.test_client()
    token = csrf_token(client, "/auth/login")
    data = {"email": "someone@example.org", "password": "guess one", "csrf_token": token}

    statuses = [client.post("/auth/login", data=data).status_code for _ in range(3)]
    blocked = client.post("/auth/login", data=data)

    assert statuses == [200, 200, 200]
    assert blocked.status_code == 429
    html = blocked.get_data(as_text=True)
    assert "Too many attempts in a short time" in html
    assert "<!doctype html>" in html
    # Only login attempts count: the page itself still opens.
    assert client.get("/auth/login").status_code == 200
