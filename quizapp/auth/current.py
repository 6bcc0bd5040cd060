"""The logged-in account as a model object, for views to hand to services."""

from __future__ import annotations

from typing import cast

from flask_login import current_user

from quizapp.models import User


def current_account() -> User:
    """Return the logged-in user (views call it behind `login_required` or `teacher_required`)."""
    if not current_user.is_authenticated:
        raise RuntimeError("current_account() needs a logged-in user; guard the view first.")
    return cast(User, current_user._get_current_object())  # type: ignore[attr-defined]


def optional_account() -> User | None:
    """Return the logged-in user, or None for a visitor."""
    return current_account() if current_user.is_authenticated else None
