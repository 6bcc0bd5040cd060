"""View decorators for access control: `teacher_required`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from flask import abort, current_app
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.auth.services import is_teacher

P = ParamSpec("P")


def teacher_required(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    """Let teachers through; send visitors to log in and answer 403 to everyone else."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
        if not is_teacher(current_user):
            abort(403)
        return view(*args, **kwargs)

    return wrapped
