"""Bulk and single reject, restoring, and refusing a duplicate question."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, User
from tests.teacher.conftest import post, question_ids

MIXED = [
    {"prompt": "Published one?", "status": "published"},
    {"prompt": "Draft one?", "status": "draft"},
    {"prompt": "Draft two?", "status": "draft"},
]
NEW = {
    "format": "multiple_choice",
    "choice_1": "the united states",
    "choice_2": "Chile",
    "right": "1",
    "publish": "y",
}


def statuses(app: Flask, article_id: int) -> dict[str, str]:
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article is not None
        return {q.prompt: q.status for q in article.questions}


def test_bulk_reject_sits_beside_bulk_publish_and_rejects_every_draft(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher, questions=MIXED)
    html = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "Publish all 2 draft questions" in html and "Reject all 2 draft questions" in html
    url = f"/teacher/articles/{article_id}/questions/reject-drafts"
    page = post(teacher_client, url, follow_redirects=True).get_data(as_text=True)
    assert "Rejected 2 draft questions." in page
    assert statuses(app, article_id) == {
        "Published one?": "published",
        "Draft one?": "rejected",
        "Draft two?": "rejected",
    }
    assert "Rejected questions (2)" in page and "Reject all" not in page
    # A rejected question comes back as a draft, and cannot be edited before that.
    draft = question_ids(app, article_id)[1]
    edit = teacher_client.get(f"/teacher/articles/{article_id}/questions/{draft}/edit")
    assert edit.status_code == 302
    restore = f"/teacher/articles/{article_id}/questions/{draft}/restore"
    page = post(teacher_client, restore, follow_redirects=True).get_data(as_text=True)
    assert "back as a draft" in page
    assert statuses(app, article_id)["Draft one?"] == "draft"


def test_an_identical_question_is_refused_when_added(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher, questions=[{"prompt": "Who imposed the sanctions?"}])
    url = f"/teacher/articles/{article_id}/questions/new"
    # Case, punctuation, spacing and "the" do not make a question new.
    response = post(teacher_client, url, {**NEW, "prompt": "who  imposed the sanctions"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Question 1 of this article already asks this, with the same answer." in html
    assert len(question_ids(app, article_id)) == 1
    # Another answer is another question.
    other = {**NEW, "prompt": "Who imposed the sanctions?", "choice_1": "Chile", "choice_2": "Peru"}
    assert post(teacher_client, url, other).status_code == 302
    assert len(question_ids(app, article_id)) == 2


def test_editing_a_question_into_a_copy_of_another_is_refused(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher, questions=[{"prompt": "First?"}, {"prompt": "Second?"}])
    second = question_ids(app, article_id)[1]
    url = f"/teacher/articles/{article_id}/questions/{second}/edit"
    html = post(teacher_client, url, {**NEW, "prompt": "First?"}).get_data(as_text=True)
    assert "Question 1 of this article already asks this" in html
    assert "Second?" in statuses(app, article_id)
    # Saving a question unchanged is not a duplicate of itself.
    assert post(teacher_client, url, {**NEW, "prompt": "Second?"}).status_code == 302
