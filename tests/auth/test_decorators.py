"""teacher_required: visitors go to log in, students get 403, teachers get through."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.auth.decorators import teacher_required
from tests.conftest import log_in


@pytest.fixture
def guarded_app(app: Flask) -> Flask:
    """The app with one extra teacher-only page, added before its first request."""

    @teacher_required
    def staff_room() -> str:
        return "Staff room"

    app.add_url_rule("/staff-room", "staff_room", staff_room)
    return app


def test_visitor_is_sent_to_log_in(guarded_app: Flask) -> None:
    response = guarded_app.test_client().get("/staff-room")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fstaff-room"


def test_student_gets_a_friendly_403(guarded_app: Flask, make_user) -> None:
    client = guarded_app.test_client()
    log_in(client, make_user("student").email)

    response = client.get("/staff-room")

    assert response.status_code == 403
    assert "You do not have permission to see this page." in response.get_data(as_text=True)


def test_teacher_gets_through(guarded_app: Flask, make_user) -> None:
    client: FlaskClient = guarded_app.test_client()
    log_in(client, make_user("teacher").email)

    response = client.get("/staff-room")

    assert response.status_code == 200
    assert response.get_data(as_text=True) == "Staff room"


def test_wrapped_view_keeps_its_name() -> None:
    @teacher_required
    def results() -> str:
        """Docstring kept."""
        return ""

    assert results.__name__ == "results"
    assert results.__doc__ == "Docstring kept."
