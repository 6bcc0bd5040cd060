"""Grading: choices must be the right choice; free text is graded tolerantly."""

from __future__ import annotations

import pytest

from quizapp.models import Question
from quizapp.quiz.grading import answer_key, is_correct


def short(answer: str, *accepted: str) -> Question:
    """An unsaved short-answer question."""
    return Question(format="short_answer", prompt="?", answer=answer, accepted=list(accepted))


def multiple_choice(answer: str, *others: str) -> Question:
    """An unsaved multiple-choice question."""
    return Question(
        format="multiple_choice", prompt="?", answer=answer, choices=[answer, *others], accepted=[]
    )


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("8", "eight"),
        ("eight", "8"),
        ("Eight", "  EIGHT "),
        ("10", "ten"),
        ("80,000", "eighty thousand"),
        ("80,000", "80000"),
        ("eighty thousand", "80,000"),
        ("1.5 million", "1,500,000"),
        ("twenty-five", "25"),
        ("10%", "ten percent"),
        ("3.5%", "3.5 per cent"),
        ("$5 million", "five million dollars"),
        ("The United States", "united states"),
        ("United States", "The United States"),
        ("the U.S.", "United States"),
        ("Kim Jong Un", "kim   jong-un"),
        ("Kim Jong Un", "Kim Jong Un."),
        ("Human Rights Watch", "“Human Rights Watch”"),
        ("North Korea's leader", "North Korea leader"),
        ("Tom Malinowski", "Tom Malinowsky"),  # a small typo in a long name
        ("Treasury Department", "Tresury Department"),
    ],
)
def test_tolerant_short_answers_are_right(expected: str, given: str) -> None:
    assert is_correct(short(expected), given)


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("8", "9"),
        ("8", "eighty"),
        ("80,000", "8,000"),
        ("10", "100"),
        ("2016", "2015"),
        ("3.5", "35"),
        ("Executive Order 13687", "Executive Order 13688"),  # never fuzzy on numbers
        ("Kim", "Kom"),  # short answers must be exact after normalising
        ("Tom Malinowski", "John Kerry"),
        ("The United States", "China"),
        ("Kim Jong Un", ""),
        ("Kim Jong Un", "   "),
    ],
)
def test_wrong_short_answers_stay_wrong(expected: str, given: str) -> None:
    assert not is_correct(short(expected), given)


def test_any_accepted_variant_is_right() -> None:
    question = short("Tom Malinowski", "Malinowski", "the assistant secretary of state")
    assert is_correct(question, "malinowski")
    assert is_correct(question, "Assistant Secretary of State")
    assert not is_correct(question, "the secretary")


def test_no_answer_is_never_right() -> None:
    assert not is_correct(short("10"), None)
    assert not is_correct(multiple_choice("China", "Japan"), None)


def test_a_choice_is_right_only_when_it_is_the_right_choice() -> None:
    question = multiple_choice("The United States", "China", "Japan")
    assert is_correct(question, "The United States")
    assert not is_correct(question, "China")
    # A choice is picked from a list, so free-text tolerance does not apply.
    assert not is_correct(question, "united states")


def test_true_false_compares_the_chosen_word() -> None:
    question = Question(format="true_false", prompt="?", answer="False", choices=["True", "False"])
    assert is_correct(question, "False")
    assert not is_correct(question, "True")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Treasury Department.", "treasury department"),
        ("eighty thousand", "80000"),
        ("U.S.", "united states"),
        ("$1.5 million", "1500000 dollars"),
    ],
)
def test_answer_key_normalises_form(text: str, key: str) -> None:
    assert answer_key(text) == key


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("$5 million", "5,000,000 dollars"),
        ("$1,500,000", "1.5 million dollars"),
        ("80 thousand", "80,000"),
        ("5.25%", "5.25 percent"),
        ("2.50", "2.5"),
    ],
)
def test_amounts_with_symbols_and_scale_words_match_their_spelled_out_form(
    expected: str, given: str
) -> None:
    assert is_correct(short(expected), given)
