"""A teacher editing a question while students are in the middle of its quiz."""

from __future__ import annotations

import random

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.quiz import services
from quizapp.teacher import services as teacher_services
from quizapp.teacher.services import QuestionInput
from tests.conftest import csrf_token
from tests.quiz.conftest import (
    QUESTIONS,
    Quiz,
    choose,
    load_attempt,
    page_form,
    post_answer,
    question_url,
    radio_values,
    start_attempt,
    stored_answers,
)

FIRST = QUESTIONS[0]


def _edit_first(app: Flask, teacher: User, quiz: Quiz, *, answer: str, choices: list[str]) -> int:
    """Edit the quiz's first (multiple-choice) question as the teacher; return cleared count."""
    with app.app_context():
        data = QuestionInput(
            "multiple_choice", FIRST["prompt"], answer, (), tuple(choices), FIRST["evidence"]
        )
        return teacher_services.update_question(
            db.session.get(User, teacher.id), quiz.article_id, quiz.question_ids[0], data
        )


def test_a_new_right_answer_grades_the_open_attempt_by_the_chosen_text(
    app: Flask, student_client: FlaskClient, teacher: User, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    before = load_attempt(app, attempt_id)["choice_orders"][0]
    assert _edit_first(app, teacher, quiz, answer="China", choices=FIRST["choices"]) == 0
    # Same choices: the order the student sees does not move under them.
    assert load_attempt(app, attempt_id)["choice_orders"][0] == before
    with app.app_context():
        user = db.session.get(Attempt, attempt_id).user  # type: ignore[union-attr]
        finished = services.submit_attempt(user, attempt_id)
        assert finished.responses[0].correct is True


def test_changed_choices_reshuffle_open_attempts_and_clear_a_vanished_pick(
    app: Flask, student_client: FlaskClient, teacher: User, quiz: Quiz, make_user
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    with app.app_context():
        other = db.session.get(User, make_user("student").id)
        kept, _ = services.start_attempt(other, quiz.article_id)
        services.save_answer(
            other,
            kept.id,
            1,
            question_id=quiz.question_ids[0],
            value=kept.responses[0].choice_order.index("The United States"),
            move_to=2,
        )
        done, _ = services.start_attempt(db.session.get(User, kept.user_id), quiz.article_id)
    choices = ["The United States", "Chile", "Russia", "Japan"]
    assert _edit_first(app, teacher, quiz, answer="The United States", choices=choices) == 1
    mine = load_attempt(app, attempt_id)
    assert sorted(mine["choice_orders"][0]) == sorted(choices)
    assert stored_answers(app, attempt_id)[0] is None  # "China" is gone: asked again
    assert stored_answers(app, kept.id)[0] == "The United States"  # still a choice: kept
    html = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    assert set(radio_values(html)) == set(choices)
    assert done.id == kept.id


def test_a_submitted_attempt_keeps_what_it_showed(
    app: Flask, student_client: FlaskClient, teacher: User, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    with app.app_context():
        user = db.session.get(Attempt, attempt_id).user  # type: ignore[union-attr]
        services.submit_attempt(user, attempt_id)
    before = load_attempt(app, attempt_id)
    _edit_first(app, teacher, quiz, answer="Chile", choices=["Chile", "Peru"])
    after = load_attempt(app, attempt_id)
    assert after["choice_orders"] == before["choice_orders"]
    assert stored_answers(app, attempt_id)[0] == "China"
    assert after["score"] == before["score"]


def test_a_format_change_clears_an_answer_given_in_the_old_format(
    app: Flask, student: User, teacher: User, quiz: Quiz
) -> None:
    with app.app_context():
        user = db.session.get(User, student.id)
        attempt, _ = services.start_attempt(user, quiz.article_id, rng=random.Random(1))
        services.save_answer(
            user, attempt.id, 1, question_id=quiz.question_ids[0], value=0, move_to=2
        )
        services.save_answer(
            user, attempt.id, 2, question_id=quiz.question_ids[1], value="10", move_to=3
        )
        question = db.session.get(Question, quiz.question_ids[0])
        assert question is not None
        question.format, question.choices, question.accepted = "short_answer", [], []
        question.answer = "The United States"
        second = db.session.get(Question, quiz.question_ids[1])
        assert second is not None
        second.prompt = "How many other top officials were sanctioned?"  # wording only
        assert services.refresh_open_responses(question) == 1
        assert services.refresh_open_responses(second) == 0
        db.session.commit()
        assert [r.answer for r in attempt.responses[:2]] == [None, "10"]
        assert attempt.responses[0].choice_order == []


def test_a_page_opened_before_the_edit_asks_again_instead_of_saving_another_choice(
    app: Flask, student_client: FlaskClient, teacher: User, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    url = question_url(attempt_id, 1)
    old_form = page_form(student_client, url)
    _edit_first(app, teacher, quiz, answer="Chile", choices=["Chile", "Peru", "China"])
    # Index 1 still exists (but means another choice now); index 5 no longer exists.
    for index in ("1", "5"):
        response = student_client.post(url, data={**old_form, "choice": index, "go_next": "1"})
        assert response.status_code == 302 and response.headers["Location"].endswith(url)
    page = student_client.get(url).get_data(as_text=True)
    assert "Your teacher has just changed this question" in page
    assert stored_answers(app, attempt_id)[0] is None
    # The fresh page carries the new fingerprint, so answering now works.
    choose(student_client, attempt_id, 1, "Peru")
    assert stored_answers(app, attempt_id)[0] == "Peru"


def test_the_teacher_is_told_when_answers_in_progress_were_cleared(
    app: Flask, student_client: FlaskClient, teacher_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    edit_url = f"/teacher/articles/{quiz.article_id}/questions/{quiz.question_ids[0]}/edit"
    data = {
        "csrf_token": csrf_token(teacher_client, edit_url),
        "format": "multiple_choice",
        "prompt": FIRST["prompt"],
        "choice_1": "The United States",
        "choice_2": "Chile",
        "right": "1",
    }
    page = teacher_client.post(edit_url, data=data, follow_redirects=True).get_data(as_text=True)
    assert "The question was saved." in page
    assert "1 student in the middle of this quiz had picked a choice" in page
    assert post_answer(student_client, attempt_id, 1).status_code == 302


def test_a_submitted_review_keeps_the_answer_it_was_graded_against(
    app: Flask, student_client: FlaskClient, teacher: User, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "The United States")
    token = csrf_token(student_client, question_url(attempt_id, 1))
    student_client.post(f"/quiz/attempts/{attempt_id}/submit", data={"csrf_token": token})
    _edit_first(app, teacher, quiz, answer="China", choices=FIRST["choices"])
    review = student_client.get(f"/quiz/attempts/{attempt_id}").get_data(as_text=True)
    first = review.split("Question 2:")[0]
    assert "Right</span>" in first
    right_answer = first.split("Right answer</dt>")[1].split("</dd>")[0]
    assert "The United States" in right_answer and "China" not in right_answer
