"""Account forms: register, log in, change password (Flask-WTF: every POST has a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from quizapp.auth.services import PASSWORD_MAX, PASSWORD_MIN
from quizapp.models import EMAIL_MAX, NAME_MAX


def _strip(value: str | None) -> str | None:
    """Drop the spaces people paste around an email or a name."""
    return value.strip() if isinstance(value, str) else value


def _email_field(autocomplete: str, *, check_format: bool) -> EmailField:
    """The email input of both forms; registration also checks that it looks like an address."""
    validators = [
        DataRequired("Enter your email address."),
        Length(max=EMAIL_MAX, message=f"Use at most {EMAIL_MAX} characters."),
    ]
    if check_format:
        validators.append(Email("Enter a valid email address, like name@example.org."))
    return EmailField(
        "Email", filters=[_strip], validators=validators, render_kw={"autocomplete": autocomplete}
    )


def _password_field(label: str, autocomplete: str, *validators: object) -> PasswordField:
    """A password input that the browser's password manager understands."""
    return PasswordField(
        label, validators=list(validators), render_kw={"autocomplete": autocomplete}
    )


class RegisterForm(FlaskForm):
    """A student's own registration: the role is never part of the form."""

    email = _email_field("email", check_format=True)
    display_name = StringField(
        "Display name",
        filters=[_strip],
        validators=[
            DataRequired("Enter the name other people will see."),
            Length(max=NAME_MAX, message=f"Use at most {NAME_MAX} characters."),
        ],
        render_kw={"autocomplete": "name"},
    )
    password = _password_field(
        "Password",
        "new-password",
        DataRequired("Choose a password."),
        Length(
            min=PASSWORD_MIN,
            max=PASSWORD_MAX,
            message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters.",
        ),
    )
    confirm = _password_field(
        "Password again",
        "new-password",
        DataRequired("Type the password again."),
        EqualTo("password", message="The two passwords do not match."),
    )


class LoginForm(FlaskForm):
    """Email, password and whether to stay logged in after the browser closes."""

    email = _email_field("username", check_format=False)
    password = _password_field(
        "Password",
        "current-password",
        DataRequired("Enter your password."),
        Length(max=PASSWORD_MAX, message=f"Use at most {PASSWORD_MAX} characters."),
    )
    remember = BooleanField("Remember me")


class ChangePasswordForm(FlaskForm):
    """The current password, then the new one twice."""

    current_password = _password_field(
        "Current password",
        "current-password",
        DataRequired("Enter your current password."),
        Length(max=PASSWORD_MAX, message=f"Use at most {PASSWORD_MAX} characters."),
    )
    new_password = _password_field(
        "New password",
        "new-password",
        DataRequired("Choose a new password."),
        Length(
            min=PASSWORD_MIN,
            max=PASSWORD_MAX,
            message=f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters.",
        ),
    )
    confirm = _password_field(
        "New password again",
        "new-password",
        DataRequired("Type the new password again."),
        EqualTo("new_password", message="The two new passwords do not match."),
    )
