"""Publishing, editing, adding and deleting questions, and the question form's errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response, User
from tests.teacher.conftest import post, question_ids

MULTIPLE_CHOICE = {
    "format": "multiple_choice",
    "prompt": "Which country imposed the sanctions?",
    "choice_1": "China",
    "choice_2": "The United States",
    "choice_3": "Japan",
    "choice_4": "",
    "choice_5": "",
    "choice_6": "",
    "right": "2",
    "evidence": "The United States imposed sanctions.",
    "publish": "y",
}


@pytest.fixture
def article_id(teacher: User, make_article: Callable[..., int]) -> int:
    """One of the teacher's articles with a published and a draft question."""
    return make_article(teacher, questions=[{}, {"status": "draft", "prompt": "Drafted?"}])


def questions_of(app: Flask, article_id: int) -> list[Question]:
    """The article's questions, detached from the session."""
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article is not None
        questions = list(article.questions)
        db.session.expunge_all()
        return questions


def test_publish_and_unpublish_a_question(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    _, draft_id = question_ids(app, article_id)
    base = f"/teacher/articles/{article_id}/questions/{draft_id}"
    response = post(teacher_client, f"{base}/publish")
    assert response.headers["Location"] == f"/teacher/articles/{article_id}"
    assert questions_of(app, article_id)[1].status == "published"
    post(teacher_client, f"{base}/unpublish")
    assert questions_of(app, article_id)[1].status == "draft"


def test_publish_all_drafts(app: Flask, teacher_client: FlaskClient, article_id: int) -> None:
    response = post(teacher_client, f"/teacher/articles/{article_id}/questions/publish-drafts")
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Published 1 draft question." in page
    assert [q.status for q in questions_of(app, article_id)] == ["published", "published"]


def test_edit_form_is_prefilled_and_saves_changes(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    question_id = question_ids(app, article_id)[0]
    path = f"/teacher/articles/{article_id}/questions/{question_id}/edit"
    html = teacher_client.get(path).get_data(as_text=True)
    assert 'value="Question 1?"' not in html  # the prompt is a textarea
    assert "Question 1?</textarea>" in html
    assert 'value="The United States"' in html
    assert (
        'checked class="form-check-input" id="right-0" name="right" type="radio" value="1"' in html
    )

    data = {**MULTIPLE_CHOICE, "prompt": "Who imposed the sanctions?", "choice_4": "Russia"}
    response = post(teacher_client, path, data)
    assert response.status_code == 302
    edited = questions_of(app, article_id)[0]
    assert edited.prompt == "Who imposed the sanctions?"
    assert edited.answer == "The United States"
    assert edited.choices == ["China", "The United States", "Japan", "Russia"]
    assert edited.status == "published"  # editing keeps the status
    assert edited.origin == "generated"


def test_add_a_multiple_choice_question(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    path = f"/teacher/articles/{article_id}/questions/new"
    form = teacher_client.get(path).get_data(as_text=True)
    assert form.count('name="right" type="radio"') == 6
    assert 'id="choice_6"' in form and 'id="accepted"' in form and 'name="truth"' in form
    response = post(teacher_client, path, MULTIPLE_CHOICE)
    assert response.status_code == 302
    added = questions_of(app, article_id)[-1]
    assert (added.type, added.origin, added.status) == ("teacher", "teacher", "published")
    assert added.format == "multiple_choice"
    assert added.answer == "The United States"
    assert added.choices == ["China", "The United States", "Japan"]
    assert added.position == 3


def test_add_a_short_answer_question_as_a_draft(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    data = {
        "format": "short_answer",
        "prompt": "How many entities were blacklisted?",
        "accepted": "8\r\neight\r\n\r\n8",
    }
    post(teacher_client, f"/teacher/articles/{article_id}/questions/new", data)
    added = questions_of(app, article_id)[-1]
    assert added.format == "short_answer"
    assert (added.answer, added.accepted, added.choices) == ("8", ["eight"], [])
    assert added.status == "draft"


def test_add_a_true_false_question(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    data = {"format": "true_false", "prompt": "China imposed the sanctions.", "truth": "False"}
    post(teacher_client, f"/teacher/articles/{article_id}/questions/new", {**data, "publish": "y"})
    added = questions_of(app, article_id)[-1]
    assert (added.format, added.answer, added.choices) == ("true_false", "False", ["True", "False"])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"right": ""}, "Mark the right choice."),
        ({"choice_2": "", "choice_3": "", "right": "1"}, "Give at least 2 choices."),
        ({"choice_3": "the united states "}, "Two choices are the same"),
        ({"right": "4"}, "The choice marked right is empty."),
        ({"right": "9"}, "Not a valid choice."),
        ({"format": "essay"}, "Not a valid choice."),
        ({"prompt": "   "}, "Write the question."),
        ({"prompt": "x" * 501}, "Keep the question under 500 characters."),
        ({"format": "short_answer", "accepted": "\n \n"}, "Give at least one accepted answer."),
        ({"format": "true_false"}, "Choose whether the statement is true or false."),
        ({"format": "true_false", "truth": "Maybe"}, "Not a valid choice."),
    ],
)
def test_bad_question_input_gets_a_form_error(
    app: Flask,
    teacher_client: FlaskClient,
    article_id: int,
    changes: dict[str, Any],
    message: str,
) -> None:
    response = post(
        teacher_client,
        f"/teacher/articles/{article_id}/questions/new",
        {**MULTIPLE_CHOICE, **changes},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert "Please correct the marked fields below." in html
    assert len(questions_of(app, article_id)) == 2


def test_bad_edit_keeps_the_question_unchanged(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    question_id = question_ids(app, article_id)[0]
    path = f"/teacher/articles/{article_id}/questions/{question_id}/edit"
    response = post(teacher_client, path, {**MULTIPLE_CHOICE, "right": ""})
    assert "Mark the right choice." in response.get_data(as_text=True)
    assert questions_of(app, article_id)[0].prompt == "Question 1?"


def test_delete_asks_to_confirm_then_deletes(
    app: Flask, teacher_client: FlaskClient, article_id: int
) -> None:
    question_id = question_ids(app, article_id)[0]
    path = f"/teacher/articles/{article_id}/questions/{question_id}/delete"
    html = teacher_client.get(path).get_data(as_text=True)
    assert "Delete this question?" in html
    assert len(questions_of(app, article_id)) == 2  # a GET changes nothing

    response = post(teacher_client, path)
    assert response.headers["Location"] == f"/teacher/articles/{article_id}"
    assert [q.id for q in questions_of(app, article_id)] == [question_ids(app, article_id)[0]]
    assert question_id not in question_ids(app, article_id)


def test_deleting_an_answered_question_archives_it(
    app: Flask, student: User, teacher_client: FlaskClient, article_id: int
) -> None:
    question_id = question_ids(app, article_id)[0]
    with app.app_context():
        attempt = Attempt(
            user_id=student.id,
            article_id=article_id,
            submitted_at=datetime.now(UTC),
            score=1,
            max_score=1,
        )
        attempt.responses.append(
            Response(question_id=question_id, position=1, answer="The United States", correct=True)
        )
        db.session.add(attempt)
        db.session.commit()

    path = f"/teacher/articles/{article_id}/questions/{question_id}/delete"
    assert "it will be archived" in teacher_client.get(path).get_data(as_text=True)
    response = post(teacher_client, path)
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "so it was archived" in page
    assert "Archived questions (1)" in page
    assert questions_of(app, article_id)[0].status == "archived"

    edit = teacher_client.get(f"/teacher/articles/{article_id}/questions/{question_id}/edit")
    assert edit.status_code == 302
    assert "can no longer change" in teacher_client.get(edit.headers["Location"]).get_data(
        as_text=True
    )
    assert post(teacher_client, f"{path[: -len('/delete')]}/publish").status_code == 302
    assert questions_of(app, article_id)[0].status == "archived"
