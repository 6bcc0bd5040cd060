"""Grading of one answer: exact for choices, tolerant for free text, within range for numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from quizapp.generation.normalize import normalize
from quizapp.quiz.numbers import format_number, parse_number, within

if TYPE_CHECKING:
    from quizapp.models import Question

CHOICE_FORMATS = frozenset({"multiple_choice", "true_false"})
# Small typos are forgiven only in answers at least this long, and never in numbers.
FUZZY_MIN_LENGTH = 8
FUZZY_MIN_RATIO = 90.0


def answer_key(text: str) -> str:
    """Return the comparison key of a free-text answer: what is left once form no longer matters.

    The project's shared key: case, "the", possessives, punctuation, "U.S.", number words,
    decimals, "%", scale words and currencies ("$5 million" = "5,000,000 dollars").
    """
    return normalize(text)


def _close_enough(given: str, expected: str) -> bool:
    """Forgive a small typo in a long, number-free answer."""
    if len(expected) < FUZZY_MIN_LENGTH or any(ch.isdigit() for ch in given + expected):
        return False
    return fuzz.ratio(given, expected) >= FUZZY_MIN_RATIO


def matches(given: str, expected: str) -> bool:
    """Tell whether a free-text answer means the expected one."""
    given_key, expected_key = answer_key(given), answer_key(expected)
    if not given_key or not expected_key:
        return given.strip().casefold() == expected.strip().casefold() != ""
    return given_key == expected_key or _close_enough(given_key, expected_key)


def is_correct(question: Question, given: str | None) -> bool:
    """Grade one answer to a question from the stored question row."""
    if given is None or not given.strip():
        return False
    if question.format in CHOICE_FORMATS:
        # The answer is one of the choices, so the chosen text must be that very choice.
        return given.strip() == question.answer.strip()
    if question.format == "numeric":
        return _numeric_correct(question, given)
    return any(matches(given, expected) for expected in [question.answer, *question.accepted])


def _numeric_correct(question: Question, given: str) -> bool:
    """A number within the question's tolerance of its stored value; anything else is wrong."""
    value, expected = parse_number(given), parse_number(question.answer)
    if value is None or expected is None:
        return False
    return within(value, expected, question.tolerance or 0.0)


def expected_answer(question: Question) -> str:
    """The right answer as a review shows it ("1200 (± 50)" for a numeric question)."""
    if question.format == "numeric" and question.tolerance:
        return f"{question.answer} (± {format_number(question.tolerance)})"
    return question.answer
