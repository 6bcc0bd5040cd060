"""Autosave: the JSON route static/js/autosave.js posts to as a student chooses or types."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import User
from quizapp.quiz.services import QUESTION_CHANGED
from tests.conftest import csrf_token, log_in
from tests.quiz.conftest import (
    Quiz,
    load_attempt,
    page_form,
    post_answer,
    question_url,
    radio_values,
    start_attempt,
    stored_answers,
)

CSRF_MESSAGE = "Your form had expired or was incomplete. Please reload the page and try again."


def autosave_url(attempt_id: int, n: int) -> str:
    return f"{question_url(attempt_id, n)}/autosave"


def autosave(
    client: FlaskClient,
    attempt_id: int,
    n: int,
    value: Any,
    *,
    fields: dict[str, str] | None = None,
    token: str | None = None,
    **changes: Any,
) -> Any:
    """Post as autosave.js does: the page's question id and order key, the CSRF header."""
    page = fields or page_form(client, question_url(attempt_id, n))
    body: dict[str, Any] = {
        "question_id": int(page["question_id"]),
        "order_key": page["order_key"],
        "value": value,
    }
    body.update(changes)
    csrf = page["csrf_token"] if token is None else token
    headers = {"Accept": "application/json"}
    if csrf:
        headers["X-CSRFToken"] = csrf
    return client.post(autosave_url(attempt_id, n), json=body, headers=headers)


def checked_choice(html: str) -> str | None:
    """The value of the checked radio on a question page."""
    match = re.search(r'<input checked [^>]*value="(\d+)"', html)
    return match.group(1) if match else None


def test_a_choice_is_saved_as_it_is_made_and_is_there_after_a_reload(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    html = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    china = radio_values(html)["China"]

    response = autosave(student_client, attempt_id, 1, int(china))

    assert response.status_code == 200
    assert response.get_json() == {"saved": True}
    assert stored_answers(app, attempt_id)[0] == "China"
    reloaded = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    assert checked_choice(reloaded) == china


def test_typed_text_is_saved_and_an_emptied_box_clears_it_without_moving(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    post_answer(student_client, attempt_id, 1, None)  # Next: the student is on question 2

    assert autosave(student_client, attempt_id, 2, "  ten officials ").status_code == 200
    assert stored_answers(app, attempt_id)[1] == "ten officials"
    assert 'value="ten officials"' in student_client.get(question_url(attempt_id, 2)).get_data(
        as_text=True
    )
    assert autosave(student_client, attempt_id, 2, "").status_code == 200
    assert stored_answers(app, attempt_id)[1] is None
    assert load_attempt(app, attempt_id)["current_position"] == 2


def test_the_question_page_has_the_script_and_a_live_status(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    html = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)

    assert 'id="autosave-status" role="status" aria-live="polite"' in html
    assert f'data-form="quiz-form" data-url="{autosave_url(attempt_id, 1)}"' in html
    assert 'id="quiz-form"' in html
    assert '<script src="/static/js/autosave.js"></script>' in html


def test_only_the_owner_may_autosave_and_a_visitor_is_told_to_log_in(
    app: Flask, student_client: FlaskClient, quiz: Quiz, make_user: Callable[..., User]
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))
    other = app.test_client()
    log_in(other, make_user("student").email)
    other_fields = {**fields, "csrf_token": csrf_token(other, "/quiz/")}

    stranger = autosave(other, attempt_id, 1, 0, fields=other_fields)
    visitor = app.test_client()
    visitor_fields = {**fields, "csrf_token": csrf_token(visitor, "/auth/login")}
    anonymous = autosave(visitor, attempt_id, 1, 0, fields=visitor_fields)

    assert stranger.status_code == 404
    assert stranger.get_json() == {"error": "There is no such question in your quizzes."}
    assert anonymous.status_code == 401
    assert anonymous.get_json()["error"].startswith("You are logged out")
    assert stored_answers(app, attempt_id)[0] is None


def test_a_logged_out_session_gets_401_json(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))
    student_client.post("/auth/logout", data={"csrf_token": fields["csrf_token"]})
    fresh_token = csrf_token(student_client, "/auth/login")

    response = autosave(student_client, attempt_id, 1, 0, fields=fields, token=fresh_token)

    assert response.status_code == 401
    assert "logged out" in response.get_json()["error"]


def test_a_submitted_attempt_refuses_autosave_with_409(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))
    student_client.post(
        f"/quiz/attempts/{attempt_id}/submit", data={"csrf_token": fields["csrf_token"]}
    )

    response = autosave(student_client, attempt_id, 1, 0, fields=fields)

    assert response.status_code == 409
    assert response.get_json() == {
        "error": "This attempt has already been submitted.",
        "submitted": True,
    }
    assert stored_answers(app, attempt_id)[0] is None


def test_bad_payloads_get_a_clear_400_json_and_save_nothing(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))
    headers = {"X-CSRFToken": fields["csrf_token"], "Accept": "application/json"}
    url = autosave_url(attempt_id, 1)
    cases = {
        "not JSON": student_client.post(url, data="value=1", headers=headers),
        "a list": student_client.post(url, json=[1, 2], headers=headers),
        "no question id": student_client.post(url, json={"value": 1}, headers=headers),
        "a bool": autosave(student_client, attempt_id, 1, True, fields=fields),
        "an object": autosave(student_client, attempt_id, 1, {"x": 1}, fields=fields),
        "no such choice": autosave(student_client, attempt_id, 1, 99, fields=fields),
        "text for a choice": autosave(student_client, attempt_id, 1, "China", fields=fields),
        "another question": autosave(
            student_client, attempt_id, 1, 0, fields=fields, question_id=quiz.question_ids[1]
        ),
    }
    for case, response in cases.items():
        assert response.status_code == 400, case
        message = response.get_json()["error"]
        assert message and "Traceback" not in message, case
    assert cases["no such choice"].get_json()["error"] == "Please choose one of the answers shown."
    too_long = autosave(student_client, attempt_id, 2, "x" * 501)
    assert too_long.status_code == 400
    assert "under 500 characters" in too_long.get_json()["error"]
    assert stored_answers(app, attempt_id) == [None, None, None, None]


def test_an_unknown_question_is_404_and_changed_choices_are_409(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))

    missing = student_client.post(
        autosave_url(attempt_id, 9),
        json={"question_id": 1, "value": 0},
        headers={"X-CSRFToken": fields["csrf_token"], "Accept": "application/json"},
    )
    changed = autosave(student_client, attempt_id, 1, 0, fields=fields, order_key="stale")

    assert missing.status_code == 404
    assert changed.status_code == 409
    assert changed.get_json() == {"error": QUESTION_CHANGED, "changed": True}
    assert stored_answers(app, attempt_id)[0] is None


def test_autosave_needs_the_csrf_token(app: Flask, student_client: FlaskClient, quiz: Quiz) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))

    missing = autosave(student_client, attempt_id, 1, 0, fields=fields, token="")
    wrong = autosave(student_client, attempt_id, 1, 0, fields=fields, token="not-the-token")

    for response in (missing, wrong):
        assert response.status_code == 400
        assert response.get_json() == {"error": CSRF_MESSAGE}
    assert stored_answers(app, attempt_id)[0] is None
