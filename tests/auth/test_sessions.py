"""Sessions end when they should: a copied cookie is worthless after logout, a new password or
the account being disabled (Flask-Login's alternative id, `users.session_token`)."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp.auth.services import DISABLED_MESSAGE
from quizapp.models import User
from tests.conftest import PASSWORD, csrf_token, log_in

NEW_PASSWORD = "a brand new passphrase"
REMEMBER = "remember_token"


def copy_cookie(source: FlaskClient, target: FlaskClient, name: str = "session") -> None:
    """Give `target` the cookie `source` holds, as an attacker who copied it would."""
    cookie = source.get_cookie(name)
    assert cookie is not None, f"{name} cookie missing"
    target.set_cookie(name, cookie.value)


def expect_sent_to_login(client: FlaskClient, path: str = "/teacher/") -> None:
    response = client.get(path)
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"].startswith("/auth/login"), response.headers["Location"]


def log_out(client: FlaskClient) -> None:
    token = csrf_token(client, "/quiz/")
    response = client.post("/auth/logout", data={"csrf_token": token})
    assert response.status_code == 302


def change_password(client: FlaskClient, current: str, new: str, again: str | None = None):
    token = csrf_token(client, "/auth/password")
    return client.post(
        "/auth/password",
        data={
            "csrf_token": token,
            "current_password": current,
            "new_password": new,
            "confirm": new if again is None else again,
        },
    )


def test_a_copied_session_cookie_works_until_logout_then_goes_to_login(
    app: Flask, teacher_client: FlaskClient
) -> None:
    thief = app.test_client()
    copy_cookie(teacher_client, thief)
    assert thief.get("/teacher/").status_code == 200  # the copy is as good as the original

    log_out(teacher_client)

    expect_sent_to_login(thief)
    expect_sent_to_login(teacher_client)


def test_logout_also_ends_a_copied_remember_me_cookie(
    app: Flask, client: FlaskClient, teacher: User
) -> None:
    token = csrf_token(client, "/auth/login")
    client.post(
        "/auth/login",
        data={"email": teacher.email, "password": PASSWORD, "remember": "y", "csrf_token": token},
    )
    remembered = client.get_cookie(REMEMBER)
    assert remembered is not None
    thief = app.test_client()
    thief.set_cookie(REMEMBER, remembered.value)  # no session cookie: the remember cookie alone
    assert thief.get("/teacher/").status_code == 200

    log_out(client)

    expect_sent_to_login(thief)  # with the session cookie it got from the remember cookie
    replay = app.test_client()
    replay.set_cookie(REMEMBER, remembered.value)
    expect_sent_to_login(replay)  # the remember cookie alone


def test_changing_the_password_ends_other_sessions_but_keeps_this_one(
    app: Flask, teacher_client: FlaskClient, teacher: User
) -> None:
    thief = app.test_client()
    copy_cookie(teacher_client, thief)

    response = change_password(teacher_client, PASSWORD, NEW_PASSWORD)

    assert response.status_code == 302, response.get_data(as_text=True)
    assert teacher_client.get("/teacher/").status_code == 200
    expect_sent_to_login(thief)
    again = app.test_client()
    log_in(again, teacher.email, NEW_PASSWORD)
    assert again.get("/teacher/").status_code == 200


def test_change_password_refuses_a_wrong_current_password_or_a_mismatch(
    app: Flask, student_client: FlaskClient
) -> None:
    thief = app.test_client()
    copy_cookie(student_client, thief)

    wrong = change_password(student_client, "not my password", NEW_PASSWORD)
    assert wrong.status_code == 200
    assert "Your current password is not right" in wrong.get_data(as_text=True)
    mismatch = change_password(student_client, PASSWORD, NEW_PASSWORD, "something else")
    assert "The two new passwords do not match." in mismatch.get_data(as_text=True)
    short = change_password(student_client, PASSWORD, "short")
    assert "Use 8 to 128 characters." in short.get_data(as_text=True)

    assert thief.get("/scores/").status_code == 200  # nothing changed, so nothing ended


def test_change_password_page_needs_a_login(client: FlaskClient) -> None:
    expect_sent_to_login(client, "/auth/password")


def test_disabling_a_teacher_ends_their_sessions_and_login_says_why(
    app: Flask, teacher_client: FlaskClient, teacher: User, runner: FlaskCliRunner
) -> None:
    thief = app.test_client()
    copy_cookie(teacher_client, thief)

    result = runner.invoke(args=["users", "disable", teacher.email])

    assert result.exit_code == 0, result.output
    assert f"Disabled teacher {teacher.email}" in result.output
    expect_sent_to_login(thief)
    expect_sent_to_login(teacher_client)
    visitor = app.test_client()
    token = csrf_token(visitor, "/auth/login")
    refused = visitor.post(
        "/auth/login", data={"email": teacher.email, "password": PASSWORD, "csrf_token": token}
    )
    assert refused.status_code == 200
    assert DISABLED_MESSAGE.split(",")[0] in refused.get_data(as_text=True)
    expect_sent_to_login(visitor)

    enabled = runner.invoke(args=["users", "enable", teacher.email])
    assert enabled.exit_code == 0, enabled.output
    log_in(visitor, teacher.email)
    assert visitor.get("/teacher/").status_code == 200
    expect_sent_to_login(thief)  # enabling does not bring the old cookie back


def test_users_disable_an_unknown_email_fails_clearly(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["users", "disable", "nobody@example.org"])
    assert result.exit_code != 0
    assert "No account has the email address nobody@example.org." in result.output


def test_after_a_password_change_the_remember_cookie_carries_the_new_token(
    app: Flask, client: FlaskClient, teacher: User
) -> None:
    token = csrf_token(client, "/auth/login")
    client.post(
        "/auth/login",
        data={"email": teacher.email, "password": PASSWORD, "remember": "y", "csrf_token": token},
    )
    old = client.get_cookie(REMEMBER)
    assert old is not None

    change_password(client, PASSWORD, NEW_PASSWORD)

    new = client.get_cookie(REMEMBER)
    assert new is not None and new.value != old.value
    kept = app.test_client()
    kept.set_cookie(REMEMBER, new.value)
    assert kept.get("/teacher/").status_code == 200
    stale = app.test_client()
    stale.set_cookie(REMEMBER, old.value)
    expect_sent_to_login(stale)
