"""Distractors: same kind, article first, then pool, then made up; stable; never right."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizapp.generation.cleaning import clean_text
from quizapp.generation.distractors import choices_for, distractors, seed_for
from quizapp.generation.normalize import same_answer
from quizapp.generation.parsing import parse_article
from quizapp.generation.types import Candidate, ParsedArticle

pytestmark = pytest.mark.slow

SEED_ARTICLE = (
    Path(__file__).resolve().parents[2] / "seeds" / ("us-official-warns-north-korean-leader.txt")
)
SHORT = "The council met on Tuesday. It approved the plan."


@pytest.fixture(scope="module")
def seed() -> ParsedArticle:
    """The parsed, cleaned seed article."""
    return parse_article(clean_text(SEED_ARTICLE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def short() -> ParsedArticle:
    """An article with almost nothing to borrow from."""
    return parse_article(SHORT)


def wrong(article: ParsedArticle, answer: str, kind: str, question: str = "Which?") -> list[str]:
    """The distractors for an answer, from a fixed generator."""
    return distractors(answer, kind, article, question, random.Random(7))


def assert_valid(answer: str, found: list[str]) -> None:
    """Three distractors, none the answer, none the same as another."""
    assert len(found) == 3
    for index, text in enumerate(found):
        assert not same_answer(text, answer)
        assert not any(same_answer(text, other) for other in found[index + 1 :])


def test_people_come_from_the_article_first(seed: ParsedArticle) -> None:
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who is the North Korean leader?")
    assert_valid("Kim Jong Un", found)
    assert found[0] == "Tom Malinowski"


def test_a_surname_gets_surnames(seed: ParsedArticle) -> None:
    found = wrong(seed, "Malinowski", "PERSON")
    assert_valid("Malinowski", found)
    assert all(len(name.split()) == 1 for name in found)


def test_the_pool_comes_before_made_up_names(short: ParsedArticle) -> None:
    pooled = parse_article(SHORT, pool={"PERSON": ["Ada Lovelace", "Alan Turing", "Grace Hopper"]})
    assert wrong(pooled, "Tom Malinowski", "PERSON") == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ]
    assert_valid("Tom Malinowski", wrong(short, "Tom Malinowski", "PERSON"))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Eight", ["Six", "Ten"]),
        ("eight", ["six", "ten"]),
        ("10", ["8", "12"]),
        (
            "between 80,000 and 120,000",
            ["between 40,000 and 60,000", "between 120,000 and 180,000"],
        ),
        ("2.5 million", ["1.2 million", "3.8 million"]),
    ],
)
def test_numbers_keep_the_answer_style(
    short: ParsedArticle, answer: str, expected: list[str]
) -> None:
    found = wrong(short, answer, "NUMBER")
    assert_valid(answer, found)
    assert set(expected) <= set(found)


def test_article_numbers_of_another_style_are_skipped(seed: ParsedArticle) -> None:
    found = wrong(seed, "Eight", "NUMBER", "How many North Korean entities were blacklisted?")
    assert_valid("Eight", found)
    assert all(text[0].isalpha() for text in found)
    assert "between 80,000 and 120,000" not in found


@pytest.mark.parametrize(
    ("answer", "member"),
    [
        ("Wednesday", "Thursday"),
        ("February", "March"),
        ("May 6, 2016", "June 6, 2016"),
        ("2016", "2015"),
        ("3:17 a.m. EST", "5:17 a.m. EST"),
        ("in recent years", None),
    ],
)
def test_dates_are_neighbours_of_the_same_shape(
    short: ParsedArticle, answer: str, member: str | None
) -> None:
    found = wrong(short, answer, "DATE")
    assert_valid(answer, found)
    if member:
        assert member in found


def test_laws_orgs_and_places(seed: ParsedArticle, short: ParsedArticle) -> None:
    law = "North Korea Sanctions and Policy Enhancement Act of 2016"
    assert_valid(law, wrong(seed, law, "LAW"))
    assert all("Act" in text for text in wrong(seed, law, "LAW"))
    assert wrong(short, "Executive Order 13694", "LAW")[0].startswith("Executive Order 13")
    orgs = wrong(short, "the Treasury Department", "ORG")
    assert_valid("the Treasury Department", orgs)
    assert all(text.startswith("the ") or " " not in text for text in orgs)
    assert "Labor" not in wrong(seed, "the U.S. State Department", "ORG")
    cities = wrong(short, "Seoul", "GPE")
    assert_valid("Seoul", cities)
    assert not {"China", "Japan", "Russia"} & set(cities)


def test_a_distractor_in_the_question_is_skipped(seed: ParsedArticle) -> None:
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who did Tom Malinowski call the leader?")
    assert "Tom Malinowski" not in found
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who did Malinowski call the leader?")
    assert "Tom Malinowski" not in found


def test_a_pool_given_as_one_string_is_one_text() -> None:
    article = parse_article(SHORT, pool={"PERSON": "Grace Hopper"})  # type: ignore[dict-item]
    assert wrong(article, "Tom Malinowski", "PERSON")[0] == "Grace Hopper"


def test_choices_are_stable_and_contain_the_answer_once(seed: ParsedArticle) -> None:
    question = Candidate(
        type="how_many",
        question="How many North Korean entities were also blacklisted?",
        answer="Eight",
        evidence="Eight North Korean entities were also blacklisted.",
        sentence_index=2,
        kind="NUMBER",
    )
    key = seed_for(seed.text)
    first = choices_for(question, seed, key)
    random.seed(1)  # the global generator must not matter
    second = choices_for(question, seed, key)
    assert first == second
    assert first is not None and len(first) == 4 and first.count("Eight") == 1


def test_fixed_choices_are_kept_and_unknown_kinds_give_none(seed: ParsedArticle) -> None:
    statement = Candidate(
        "true_false", "True or false: x?", "True", "", 0, "", 1.0, ("True", "False")
    )
    assert choices_for(statement, seed, "k") == ("True", "False")
    odd = Candidate("who", "Which?", "zzz", "", 0, "NO_SUCH_KIND")
    assert choices_for(odd, seed, "k") is None


def test_article_numbers_take_the_answer_case() -> None:
    article = parse_article("Seven engineers and four pilots flew. Two of them were injured.")
    found = wrong(article, "two", "NUMBER")
    assert_valid("two", found)
    assert all(text.islower() for text in found)


def test_datelines_and_mislabelled_names_are_not_borrowed() -> None:
    article = parse_article(
        "WASHINGTON — Officials met in Ohio on Monday. Senator Ana Solís spoke to Solís staff. "
        "The U.S. Agency for International Development sent aid."
    )
    places = wrong(article, "Ohio", "GPE")
    assert "WASHINGTON" not in places
    orgs = wrong(article, "the Red Cross", "ORG")
    assert "Solís" not in orgs and not any(org.endswith(" for") for org in orgs)
