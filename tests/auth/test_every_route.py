"""Sweeps over every route of the app: CSRF on each POST, unknown ids never a server error."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import csrf_token

UNKNOWN_ID = 987_654
# Static files belong to no area and need neither a token nor an id.
STATIC = {"static", "bootstrap.static"}


def _rules(app: Flask, method: str) -> Iterator[tuple[str, str]]:
    """(endpoint, URL with every id unknown) for each rule that answers `method`."""
    for rule in app.url_map.iter_rules():
        if method in (rule.methods or set()) and rule.endpoint not in STATIC:
            values = {name: UNKNOWN_ID for name in rule.arguments}
            yield rule.endpoint, rule.build(values, append_unknown=False)[1]


def test_every_post_route_refuses_a_request_without_its_csrf_token(
    app: Flask, teacher_client: FlaskClient
) -> None:
    posts = dict(_rules(app, "POST"))
    assert {"auth.logout", "quiz.start", "quiz.submit", "teacher.publish_article"} <= set(posts)
    for endpoint, url in posts.items():
        response = teacher_client.post(url, data={})
        assert response.status_code == 400, (endpoint, response.status_code)
        assert "Your form had expired" in response.get_data(as_text=True), endpoint


def test_unknown_ids_in_any_url_are_a_friendly_404(
    app: Flask, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    token = csrf_token(teacher_client, "/teacher/articles/new")
    checked: set[str] = set()
    for endpoint, url in _rules(app, "GET"):
        if str(UNKNOWN_ID) not in url:
            continue
        checked.add(endpoint)
        for client in (teacher_client, student_client):
            response = client.get(url)
            expected = (
                {403} if endpoint.startswith("teacher.") and client is student_client else {404}
            )
            assert response.status_code in expected, (endpoint, response.status_code)
            assert "Traceback" not in response.get_data(as_text=True)
    assert {"quiz.article", "quiz.question", "quiz.result", "teacher.edit_question"} <= checked
    for endpoint, url in _rules(app, "POST"):
        if str(UNKNOWN_ID) in url:
            response = teacher_client.post(url, data={"csrf_token": token})
            assert response.status_code == 404, (endpoint, response.status_code)
