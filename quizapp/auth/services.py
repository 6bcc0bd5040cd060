"""Account services: creating users, checking passwords, loading the logged-in user.

Sessions end on the server's word: Flask-Login's cookies carry `User.session_token` (its
"alternative id"), and logging out, changing the password or disabling the account replaces it.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db
from quizapp.models import EMAIL_MAX, NAME_MAX, ROLES, SESSION_TOKEN_MAX, User

PASSWORD_MIN = 8
PASSWORD_MAX = 128

# Checked when the email is unknown, so a wrong email costs as long as a wrong password and
# the response time does not tell which accounts exist.
_DUMMY_HASH = generate_password_hash("not a real password, only here to spend the same time")


class AuthError(Exception):
    """Base class of the account errors; the message is fit to show to the user."""


class EmailTakenError(AuthError):
    """Another account already uses this email address."""


class InvalidUserError(AuthError):
    """An email, display name, password or role that an account cannot have."""


class WrongPasswordError(AuthError):
    """The current password given to change it is not the account's password."""


class UnknownUserError(AuthError):
    """No account has this email address."""


class AccountDisabledError(AuthError):
    """The email and password are right, but the account has been disabled."""


DISABLED_MESSAGE = (
    "This account has been disabled, so it cannot log in. "
    "Please ask your school's QuizApp administrator."
)


def normalize_email(email: str) -> str:
    """Return the stored form of an email: stripped and lower-cased."""
    return email.strip().lower()


# Run on every request of a logged-in user: built once, the token is a bound parameter.
_USER_BY_SESSION_TOKEN = select(User).where(
    User.session_token == bindparam("token"), User.active.is_(True)
)


def load_user(session_token: str) -> User | None:
    """Flask-Login's user loader: the active user whose current session token this is, or None.

    A cookie made before the token was rotated (or for a disabled account) loads nobody, so
    Flask-Login treats the request as anonymous and `login_required` sends it to the login page.
    """
    if not isinstance(session_token, str) or not 0 < len(session_token) <= SESSION_TOKEN_MAX:
        return None
    return db.session.scalars(_USER_BY_SESSION_TOKEN, {"token": session_token}).first()


def find_user_by_email(email: str) -> User | None:
    """Return the account with this email (any case, surrounding spaces ignored), or None."""
    return db.session.scalars(select(User).where(User.email == normalize_email(email))).first()


def create_user(email: str, display_name: str, password: str, role: str = "student") -> User:
    """Create and commit an account, raising EmailTakenError or InvalidUserError."""
    email = normalize_email(email)
    display_name = display_name.strip()
    _check_new_user(email, display_name, password, role)
    if find_user_by_email(email) is not None:
        raise EmailTakenError("An account with this email already exists.")
    user = User(email=email, display_name=display_name, role=role)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as error:
        # Two registrations for one address at the same moment: the unique index decides.
        db.session.rollback()
        raise EmailTakenError("An account with this email already exists.") from error
    return user


def _check_password_length(password: str) -> None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise InvalidUserError(f"Choose a password of {PASSWORD_MIN} to {PASSWORD_MAX} characters.")


def _check_new_user(email: str, display_name: str, password: str, role: str) -> None:
    """Raise InvalidUserError when any of an account's fields is unacceptable."""
    if not email or len(email) > EMAIL_MAX:
        raise InvalidUserError(f"Enter an email address of at most {EMAIL_MAX} characters.")
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidUserError("Enter a valid email address.") from error
    if not display_name or len(display_name) > NAME_MAX:
        raise InvalidUserError(f"Enter a display name of at most {NAME_MAX} characters.")
    _check_password_length(password)
    if role not in ROLES:
        raise InvalidUserError(f"The role must be one of: {', '.join(ROLES)}.")


def authenticate(email: str, password: str) -> User | None:
    """Return the account whose email and password match, or None (never says which failed).

    Raises AccountDisabledError only after the password has matched, so the message cannot be
    used to find out which addresses have accounts.
    """
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not user.check_password(password):
        return None
    if not user.is_active:
        raise AccountDisabledError(DISABLED_MESSAGE)
    return user


def end_sessions(user: User) -> None:
    """Log the user out everywhere: every cookie with the old session token stops working."""
    user.rotate_session_token()
    db.session.commit()


def change_password(user: User, current_password: str, new_password: str) -> User:
    """Set a new password after checking the current one; every other session ends.

    The caller logs the browser that asked in again with the new token.
    """
    if not user.check_password(current_password):
        raise WrongPasswordError("Your current password is not right. Please try again.")
    _check_password_length(new_password)
    user.set_password(new_password)
    user.rotate_session_token()
    db.session.commit()
    return user


def set_active(email: str, active: bool) -> User:
    """Enable or disable an account by email; disabling ends all of its sessions."""
    user = find_user_by_email(email)
    if user is None:
        raise UnknownUserError(f"No account has the email address {normalize_email(email)}.")
    user.active = active
    if not active:
        user.rotate_session_token()
    db.session.commit()
    return user


def is_teacher(user: object) -> bool:
    """Tell whether a user (possibly Flask-Login's anonymous user) is a logged-in teacher."""
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "role", None) == "teacher"
    )
