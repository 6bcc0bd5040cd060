"""Teacher services called directly: the question rules and who may add articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from quizapp.extensions import db
from quizapp.generation.types import GeneratedQuestion
from quizapp.models import User
from quizapp.teacher import services


def test_multiple_choice_keeps_the_filled_choices_and_the_marked_answer() -> None:
    checked = services.check_question(
        "multiple_choice", " Who? ", choices=["", " Kim ", "Moon", "", "Trump", ""], right=2
    )
    assert checked == services.QuestionInput(
        "multiple_choice", "Who?", "Moon", choices=("Kim", "Moon", "Trump")
    )


@pytest.mark.parametrize(
    ("choices", "right", "field", "message"),
    [
        (["Kim"], 0, "choices", "Give at least 2 choices."),
        ([str(n) for n in range(7)], 0, "choices", "Give at most 6 choices."),
        (["the U.S.", "United States"], 0, "choices", "Two choices are the same"),
        (["eight", "8"], 0, "choices", "Two choices are the same"),
        (["Kim", "Moon"], None, "right", "Mark the right choice."),
        (["Kim", "Moon"], 5, "right", "Mark the right choice."),
        (["Kim", "Moon", ""], 2, "right", "The choice marked right is empty."),
    ],
)
def test_multiple_choice_rules(
    choices: list[str], right: int | None, field: str, message: str
) -> None:
    with pytest.raises(services.InvalidQuestionError) as raised:
        services.check_question("multiple_choice", "Who?", choices=choices, right=right)
    assert list(raised.value.errors) == [field]
    assert message in raised.value.errors[field]


def test_short_answer_keeps_distinct_answers_first_as_the_answer() -> None:
    checked = services.check_question(
        "short_answer", "How many?", accepted=["8", " eight ", "", "EIGHT"]
    )
    assert (checked.answer, checked.accepted, checked.choices) == ("8", ("eight",), ())


def test_true_false_needs_true_or_false() -> None:
    checked = services.check_question("true_false", "Kim is a leader.", truth="True")
    assert (checked.answer, checked.choices) == ("True", ("True", "False"))
    with pytest.raises(services.InvalidQuestionError, match="true or false"):
        services.check_question("true_false", "Kim is a leader.", truth="Yes")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(services.InvalidQuestionError) as raised:
        services.check_question("essay", "Discuss.")
    assert raised.value.errors == {"format": "Choose the kind of question."}


def test_every_fields_problem_is_reported_at_once() -> None:
    with pytest.raises(services.InvalidQuestionError) as raised:
        services.check_question("multiple_choice", " ", choices=["Kim"], evidence="x" * 2001)
    assert raised.value.errors == {
        "prompt": "Write the question.",
        "evidence": "Keep the evidence under 2000 characters.",
        "choices": "Give at least 2 choices.",
    }


def test_a_student_cannot_add_an_article(
    app: Flask, make_user: Callable[..., User], fake_generation: list[dict[str, Any]]
) -> None:
    student = make_user("student")
    with app.app_context(), pytest.raises(services.PermissionDeniedError):
        services.create_article(db.session.merge(student), "Title", "Some story text here.")
    assert fake_generation == []


@pytest.mark.parametrize(
    ("title", "message"), [("  ", "needs a title"), ("x" * 201, "at most 200 characters")]
)
def test_create_article_checks_the_title(
    app: Flask, fake_generation: list[dict[str, Any]], title: str, message: str
) -> None:
    with app.app_context(), pytest.raises(services.InvalidArticleError, match=message):
        services.create_article(None, title, "Some story text here, long enough.")


def test_generated_questions_become_rows_of_the_right_format(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = [
        GeneratedQuestion("where", "Where?", "Pyongyang", ("Seoul", "Tokyo"), "In Pyongyang.", 0.9),
        GeneratedQuestion("who", "Who spoke?", "Kim", ("Kim",), "Kim spoke.", 0.8),
        GeneratedQuestion("true_false", "Kim spoke.", "True", ("True", "False"), "Kim spoke.", 0.7),
    ]
    monkeypatch.setattr(services, "generate_questions", lambda *args, **kwargs: generated)
    with app.app_context():
        article = services.create_article(None, "Seeded", "Some story text here.", publish=True)
        rows = [(q.format, q.answer, q.choices, q.status) for q in article.questions]
    assert rows == [
        ("multiple_choice", "Pyongyang", ["Pyongyang", "Seoul", "Tokyo"], "published"),
        ("short_answer", "Kim", [], "published"),  # no wrong choices found: no giveaway
        ("true_false", "True", ["True", "False"], "published"),
    ]
