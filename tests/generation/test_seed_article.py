"""Acceptance on the seed article: the facts a teacher would ask about, asked cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation import clean_text, generate_questions
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.quality import contains_answer
from quizapp.generation.types import GeneratedQuestion

pytestmark = pytest.mark.slow

SEED_ARTICLE = (
    Path(__file__).resolve().parents[2] / "seeds" / ("us-official-warns-north-korean-leader.txt")
)
# Text that is page furniture in the seed: no question may come from it.
FURNITURE = (
    "Accessibility links",
    "Breaking News",
    "US Official Warns North Korean Leader Over Human Rights Abuses",
    "addresses the congress in Pyongyang",
    "William Kim",
    "Strong warning",
    "Continued violations",
    "Cho Eun Jung",
)


@pytest.fixture(scope="module")
def raw() -> str:
    """The seed article as pasted."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned(raw: str) -> str:
    """The seed's cleaned text."""
    return clean_text(raw)


@pytest.fixture(scope="module")
def questions(raw: str) -> list[GeneratedQuestion]:
    """Every ranked question on the seed."""
    return generate_questions(raw)


def answers_of(questions: list[GeneratedQuestion], kind: str) -> list[str]:
    """The answers of the questions of one type."""
    return [question.answer for question in questions if question.type == kind]


def has_answer(questions: list[GeneratedQuestion], kind: str, answer: str) -> bool:
    """Whether a question of `kind` has `answer` (compared as answers are)."""
    return any(normalize(found) == normalize(answer) for found in answers_of(questions, kind))


@pytest.mark.parametrize("person", ["Tom Malinowski", "Kim Jong Un"])
def test_who_questions(questions: list[GeneratedQuestion], person: str) -> None:
    assert has_answer(questions, "who", person)


@pytest.mark.parametrize("count", ["10", "Eight", "between 80,000 and 120,000"])
def test_how_many_questions(questions: list[GeneratedQuestion], count: str) -> None:
    assert has_answer(questions, "how_many", count)


def test_which_law_question(questions: list[GeneratedQuestion]) -> None:
    assert has_answer(
        questions, "which_law", "the North Korea Sanctions and Policy Enhancement Act of 2016"
    )


@pytest.mark.parametrize("kind", ["when", "which_org"])
def test_when_and_which_org_questions(questions: list[GeneratedQuestion], kind: str) -> None:
    assert answers_of(questions, kind)


def test_how_many_asks_the_right_count(questions: list[GeneratedQuestion]) -> None:
    by_answer = {normalize(q.answer): q.question for q in questions if q.type == "how_many"}
    assert "entities" in by_answer.get("8", "")
    assert "officials" in by_answer.get("10", "")
    assert "people" in by_answer.get("between 80000 and 120000", "")


def test_nothing_comes_from_the_furniture(questions: list[GeneratedQuestion]) -> None:
    for question in questions:
        for furniture in FURNITURE:
            assert furniture not in question.evidence
            assert furniture not in question.question


def test_no_question_contains_its_answer(questions: list[GeneratedQuestion]) -> None:
    for question in questions:
        if question.type != "true_false":
            assert not contains_answer(question.question, question.answer), question


def test_every_answer_is_verbatim_in_the_cleaned_text(
    questions: list[GeneratedQuestion], cleaned: str
) -> None:
    for question in questions:
        if question.type == "true_false":
            assert question.answer in {"True", "False"}
        else:
            assert question.answer in cleaned, question
        assert question.evidence in cleaned, question


def test_multiple_choice_has_three_distinct_distractors(
    questions: list[GeneratedQuestion],
) -> None:
    for question in questions:
        if question.type == "true_false":
            assert question.choices == ("True", "False")
            continue
        if not question.choices:
            continue  # too few real distractors (two people): asked as a short answer
        assert question.choices.count(question.answer) == 1
        wrong = [choice for choice in question.choices if choice != question.answer]
        assert len(wrong) >= 3
        assert len({normalize(choice) for choice in wrong}) == len(wrong)
        assert not any(same_answer(choice, question.answer) for choice in wrong), question


def test_questions_are_short_and_end_with_a_question_mark(
    questions: list[GeneratedQuestion],
) -> None:
    for question in questions:
        assert question.question.endswith("." if question.type == "true_false" else "?")
        assert len(question.question.split()) <= 30


def test_the_seed_always_gives_the_same_questions(
    raw: str, questions: list[GeneratedQuestion]
) -> None:
    assert generate_questions(raw) == questions
