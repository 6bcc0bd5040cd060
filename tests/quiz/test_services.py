"""Quiz services on their own: the rules hold without the web forms in front of them."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.quiz import services
from tests.quiz.conftest import ARTICLE_TEXT, Quiz


def fresh(user: User) -> User:
    """The user re-loaded in the current session."""
    loaded = db.session.get(User, user.id)
    assert loaded is not None
    return loaded


def test_a_seeded_shuffle_is_reproducible(app: Flask, student: User, quiz: Quiz) -> None:
    with app.app_context():
        user = fresh(student)
        first, resumed = services.start_attempt(user, quiz.article_id, rng=random.Random(7))
        assert not resumed
        orders = [list(r.choice_order) for r in first.responses]
        services.submit_attempt(user, first.id)
        second, _ = services.start_attempt(user, quiz.article_id, rng=random.Random(7))
        assert [list(r.choice_order) for r in second.responses] == orders
        assert [r.position for r in second.responses] == [1, 2, 3, 4]
        assert second.max_score == 4


def test_start_resumes_the_open_attempt(app: Flask, student: User, quiz: Quiz) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        again, resumed = services.start_attempt(user, quiz.article_id)
        assert resumed and again.id == attempt.id


def test_the_schema_allows_one_open_attempt_per_article(
    app: Flask, student: User, quiz: Quiz, monkeypatch: pytest.MonkeyPatch
) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        with pytest.raises(IntegrityError):
            db.session.add(Attempt(user_id=user.id, article_id=quiz.article_id, max_score=4))
            db.session.commit()
        db.session.rollback()
        # A double-click whose "is one open?" check ran before the first commit still
        # ends on the one open attempt instead of an error.
        real_open_attempt = services.open_attempt
        calls = iter([None])
        monkeypatch.setattr(
            services, "open_attempt", lambda *args: next(calls, real_open_attempt(*args))
        )
        again, resumed = services.start_attempt(user, quiz.article_id)
        assert resumed and again.id == attempt.id
        assert db.session.query(Attempt).count() == 1


def test_save_answer_rejects_what_the_form_would(app: Flask, student: User, quiz: Quiz) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        first_question = quiz.question_ids[0]
        for bad in (6, -1, "0"):
            with pytest.raises(services.InvalidAnswerError):
                services.save_answer(
                    user, attempt.id, 1, question_id=first_question, value=bad, move_to=2
                )
        with pytest.raises(services.InvalidAnswerError):
            services.save_answer(
                user, attempt.id, 2, question_id=quiz.question_ids[1], value="x" * 501, move_to=3
            )
        with pytest.raises(services.InvalidAnswerError):
            services.save_answer(
                user, attempt.id, 1, question_id=quiz.question_ids[1], value=0, move_to=2
            )
        with pytest.raises(services.QuestionNotFoundError):
            services.save_answer(
                user, attempt.id, 5, question_id=first_question, value=0, move_to=6
            )
        assert all(r.answer is None for r in attempt.responses)


def test_save_answer_clamps_the_position_and_clears_an_emptied_box(
    app: Flask, student: User, quiz: Quiz
) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        second = quiz.question_ids[1]
        services.save_answer(user, attempt.id, 2, question_id=second, value=" ten ", move_to=99)
        assert attempt.current_position == 4
        assert attempt.responses[1].answer == "ten"
        assert attempt.responses[1].answered_at is not None
        services.save_answer(user, attempt.id, 2, question_id=second, value="  ", move_to=0)
        assert attempt.current_position == 1
        assert attempt.responses[1].answer is None
        assert services.unanswered_positions(attempt) == [1, 2, 3, 4]


def test_submitting_twice_is_refused_and_grades_once(app: Flask, student: User, quiz: Quiz) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        services.save_answer(
            user, attempt.id, 2, question_id=quiz.question_ids[1], value="Ten", move_to=3
        )
        done = services.submit_attempt(user, attempt.id)
        assert (done.score, done.max_score) == (1, 4)
        assert [r.correct for r in done.responses] == [False, True, False, False]
        with pytest.raises(services.AttemptSubmittedError):
            services.submit_attempt(user, attempt.id)
        with pytest.raises(services.AttemptSubmittedError):
            services.save_answer(
                user, attempt.id, 1, question_id=quiz.question_ids[0], value=0, move_to=2
            )


def test_a_teachers_later_edit_does_not_change_an_open_attempts_questions(
    app: Flask, student: User, quiz: Quiz, make_user: Callable[..., User]
) -> None:
    with app.app_context():
        user = fresh(student)
        attempt, _ = services.start_attempt(user, quiz.article_id)
        db.session.add(
            Question(
                article_id=quiz.article_id,
                type="teacher",
                format="short_answer",
                prompt="A question added later?",
                answer="later",
                status="published",
                position=9,
            )
        )
        db.session.commit()
        reloaded = db.session.get(Attempt, attempt.id)
        assert reloaded is not None and len(reloaded.responses) == 4
        other = fresh(make_user("student"))
        newer, _ = services.start_attempt(other, quiz.article_id)
        assert len(newer.responses) == 5


def test_other_peoples_attempts_are_not_found(
    app: Flask, student: User, quiz: Quiz, make_user: Callable[..., User]
) -> None:
    with app.app_context():
        attempt, _ = services.start_attempt(fresh(student), quiz.article_id)
        with pytest.raises(services.AttemptNotFoundError):
            services.get_attempt(fresh(make_user("student")), attempt.id)
        with pytest.raises(services.AttemptNotFoundError):
            services.get_attempt(fresh(student), 12345)


def test_paragraphs_split_on_blank_lines() -> None:
    assert services.paragraphs("One.\n\nTwo\nlines.\n \n\nThree.") == [
        "One.",
        "Two\nlines.",
        "Three.",
    ]


def test_reading_grade_is_a_school_grade() -> None:
    grade = services.reading_grade(ARTICLE_TEXT)
    assert grade is not None and 6 <= grade <= 16
    simple = "The cat sat on the mat. " * 10
    assert services.reading_grade(simple) == 1
    assert services.reading_grade("Too short.") is None
