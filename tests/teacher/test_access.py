"""Who may reach the teacher pages: teachers only, and only for articles they manage."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import User
from tests.conftest import csrf_token, log_in
from tests.teacher.conftest import post, question_ids

PAGES = (
    "/teacher/",
    "/teacher/articles/new",
    "/teacher/articles/{a}",
    "/teacher/articles/{a}/results",
    "/teacher/articles/{a}/questions/new",
    "/teacher/articles/{a}/questions/{q}/edit",
    "/teacher/articles/{a}/questions/{q}/delete",
)
ACTIONS = (
    "/teacher/articles/{a}/publish",
    "/teacher/articles/{a}/unpublish",
    "/teacher/articles/{a}/questions/publish-drafts",
    "/teacher/articles/{a}/questions/{q}/publish",
    "/teacher/articles/{a}/questions/{q}/unpublish",
    "/teacher/articles/{a}/questions/{q}/delete",
)
ARTICLE_PAGES = tuple(page for page in PAGES if "{a}" in page)


@pytest.fixture
def ids(app: Flask, teacher: User, make_article: Callable[..., int]) -> dict[str, int]:
    """The ids of one of the teacher's articles and of its question."""
    article_id = make_article(teacher)
    return {"a": article_id, "q": question_ids(app, article_id)[0]}


@pytest.mark.parametrize("page", PAGES)
def test_students_get_403_on_every_page(
    student_client: FlaskClient, ids: dict[str, int], page: str
) -> None:
    response = student_client.get(page.format(**ids))
    assert response.status_code == 403
    assert "You do not have permission" in response.get_data(as_text=True)


@pytest.mark.parametrize("action", ACTIONS)
def test_students_get_403_on_every_action(
    student_client: FlaskClient, ids: dict[str, int], action: str
) -> None:
    assert post(student_client, action.format(**ids)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_visitors_are_sent_to_log_in(client: FlaskClient, ids: dict[str, int], page: str) -> None:
    path = page.format(**ids)
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_visitors_posting_an_action_are_sent_to_log_in(
    client: FlaskClient, ids: dict[str, int]
) -> None:
    token = csrf_token(client, "/auth/login")
    response = client.post(
        "/teacher/articles/{a}/publish".format(**ids), data={"csrf_token": token}
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_another_teachers_article_is_forbidden(
    app: Flask, make_user: Callable[..., User], ids: dict[str, int], path: str
) -> None:
    other = make_user("teacher")
    client = app.test_client()
    log_in(client, other.email)
    assert client.get(path.format(**ids)).status_code == 403


@pytest.mark.parametrize("action", ACTIONS)
def test_another_teacher_cannot_change_the_article(
    app: Flask, make_user: Callable[..., User], ids: dict[str, int], action: str
) -> None:
    other = make_user("teacher")
    client = app.test_client()
    log_in(client, other.email)
    assert post(client, action.format(**ids)).status_code == 403


def test_another_teachers_article_is_not_listed(
    app: Flask, make_user: Callable[..., User], ids: dict[str, int]
) -> None:
    other = make_user("teacher")
    client = app.test_client()
    log_in(client, other.email)
    html = client.get("/teacher/").get_data(as_text=True)
    assert "Sanctions on North Korea" not in html
    assert "You have no articles yet" in html


def test_every_teacher_manages_the_seeded_articles(
    teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(None)
    assert "Seeded" in teacher_client.get("/teacher/").get_data(as_text=True)
    assert teacher_client.get(f"/teacher/articles/{article_id}").status_code == 200
    response = post(teacher_client, f"/teacher/articles/{article_id}/unpublish")
    assert response.status_code == 302


def test_unknown_article_is_404(teacher_client: FlaskClient) -> None:
    assert teacher_client.get("/teacher/articles/999").status_code == 404
    assert teacher_client.get("/teacher/articles/999/results").status_code == 404
    assert post(teacher_client, "/teacher/articles/999/publish").status_code == 404


def test_question_id_from_another_article_is_404(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    ids: dict[str, int],
) -> None:
    other_article = make_article(teacher)
    foreign = {"a": other_article, "q": ids["q"]}
    for page in (
        "/teacher/articles/{a}/questions/{q}/edit",
        "/teacher/articles/{a}/questions/{q}/delete",
    ):
        response = teacher_client.get(page.format(**foreign))
        assert response.status_code == 404
        assert "We could not find that page" in response.get_data(as_text=True)
    for action in ACTIONS:
        if "{q}" in action:
            assert post(teacher_client, action.format(**foreign)).status_code == 404
