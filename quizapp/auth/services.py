"""Account services: creating users, checking passwords, loading the logged-in user."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import User


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user with that id, or None."""
    try:
        return db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None
