"""Account services: create_user, authenticate and the teacher check, without the web layer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask_login import AnonymousUserMixin

from quizapp.auth import services
from tests.conftest import PASSWORD


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    """Run the test inside an application context."""
    with app.app_context():
        yield


@pytest.mark.usefixtures("ctx")
def test_create_user_normalises_email_and_name() -> None:
    user = services.create_user("  Grace@Example.ORG ", "  Grace Hopper ", PASSWORD)

    assert user.id is not None
    assert user.email == "grace@example.org"
    assert user.display_name == "Grace Hopper"
    assert user.role == "student"
    assert user.password_hash != PASSWORD


@pytest.mark.usefixtures("ctx")
def test_create_user_can_make_a_teacher() -> None:
    assert services.create_user("t@example.org", "T", PASSWORD, role="teacher").is_teacher


@pytest.mark.usefixtures("ctx")
def test_create_user_refuses_a_taken_email_in_any_case() -> None:
    services.create_user("grace@example.org", "Grace", PASSWORD)

    with pytest.raises(services.EmailTakenError) as error:
        services.create_user("GRACE@example.org", "Other Grace", PASSWORD)
    assert isinstance(error.value, services.AuthError)
    assert str(error.value) == "An account with this email already exists."


@pytest.mark.usefixtures("ctx")
@pytest.mark.parametrize(
    ("email", "name", "password", "role"),
    [
        ("", "Name", PASSWORD, "student"),
        ("no-at-sign", "Name", PASSWORD, "student"),
        ("a@" + "b" * 250 + ".org", "Name", PASSWORD, "student"),
        ("ok@example.org", "  ", PASSWORD, "student"),
        ("ok@example.org", "x" * 81, PASSWORD, "student"),
        ("ok@example.org", "Name", "seven77", "student"),
        ("ok@example.org", "Name", "p" * 129, "student"),
        ("ok@example.org", "Name", PASSWORD, "admin"),
    ],
)
def test_create_user_refuses_invalid_fields(
    email: str, name: str, password: str, role: str
) -> None:
    with pytest.raises(services.InvalidUserError):
        services.create_user(email, name, password, role=role)
    assert services.find_user_by_email("ok@example.org") is None


@pytest.mark.usefixtures("ctx")
def test_authenticate_checks_email_and_password() -> None:
    user = services.create_user("grace@example.org", "Grace", PASSWORD)

    assert services.authenticate(" GRACE@example.org", PASSWORD) == user
    assert services.authenticate("grace@example.org", PASSWORD + "x") is None
    assert services.authenticate("nobody@example.org", PASSWORD) is None


def test_is_teacher(make_user) -> None:
    assert services.is_teacher(make_user("teacher"))
    assert not services.is_teacher(make_user("student"))
    assert not services.is_teacher(AnonymousUserMixin())


@pytest.mark.usefixtures("ctx")
def test_load_user_finds_the_user_by_session_token_only() -> None:
    user = services.create_user("grace@example.org", "Grace", PASSWORD)

    assert user.get_id() == user.session_token
    assert len(user.session_token) >= 40
    assert services.load_user(user.session_token) == user
    assert services.load_user(str(user.id)) is None  # an id is not a token
    assert services.load_user("not a token") is None
    assert services.load_user("x" * 5000) is None


@pytest.mark.usefixtures("ctx")
def test_rotating_or_disabling_makes_the_old_token_load_nobody() -> None:
    user = services.create_user("hedy@example.org", "Hedy", PASSWORD)
    old = user.session_token

    services.end_sessions(user)
    assert user.session_token != old
    assert services.load_user(old) is None
    assert services.load_user(user.session_token) == user

    current = user.session_token
    services.set_active("HEDY@example.org ", False)
    assert services.load_user(current) is None
    assert services.load_user(user.session_token) is None  # disabled: no token loads it
    with pytest.raises(services.AccountDisabledError):
        services.authenticate("hedy@example.org", PASSWORD)
    assert services.authenticate("hedy@example.org", "wrong password") is None


@pytest.mark.usefixtures("ctx")
def test_change_password_checks_the_current_one_and_rotates_the_token() -> None:
    user = services.create_user("ida@example.org", "Ida", PASSWORD)
    old = user.session_token

    with pytest.raises(services.WrongPasswordError):
        services.change_password(user, "not my password", "a new password")
    assert user.session_token == old
    with pytest.raises(services.InvalidUserError):
        services.change_password(user, PASSWORD, "short")

    services.change_password(user, PASSWORD, "a new password")
    assert user.session_token != old
    assert services.authenticate("ida@example.org", "a new password") == user
    assert services.authenticate("ida@example.org", PASSWORD) is None
