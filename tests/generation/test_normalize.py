"""The answer comparison key and the same-answer test."""

from __future__ import annotations

import pytest

from quizapp.generation.normalize import normalize, same_answer


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The United States", "united states"),
        ("the U.S.", "united states"),
        ("US", "united states"),
        ("U.S.A.", "united states"),
        ("Malinowski’s", "malinowski"),
        ("Malinowski's", "malinowski"),
        ("Eight", "8"),
        ("ten", "10"),
        ("one", "1"),
        ("Twenty-one", "21"),
        ("between 80,000 and 120,000", "between 80000 and 120000"),
        (
            "the North Korea Sanctions and Policy Enhancement Act of 2016.",
            "north korea sanctions and policy enhancement act of 2016",
        ),
        ("“declaration of war”", "declaration of war"),
        ("  May 6,  2016 ", "may 6 2016"),
        ("", ""),
        ("?!", ""),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


def test_lower_case_us_is_the_pronoun_not_the_country() -> None:
    assert normalize("us") == "us"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kim", "Kim Jong Un"),
        ("Malinowski", "Tom Malinowski"),
        ("the U.S.", "United States"),
        ("Eight", "8"),
        ("10", "ten"),
        ("The State Department", "the U.S. State Department"),
        ("Congress", "the U.S. Congress"),
        ("Malinowski", "Malinowsky"),
        ("the VOA Korean Service", "VOA Korean Service"),
        ("EU", "The European Union"),
        ("the E.U.", "European Union"),
    ],
)
def test_same_answer(first: str, second: str) -> None:
    assert same_answer(first, second)
    assert same_answer(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kim Jong Un", "William Kim"),
        ("Korea", "North Korea"),
        ("North Korea", "South Korea"),
        ("10", "11"),
        ("80,000", "80,001"),
        ("Thursday", "Wednesday"),
        ("2016", "2017"),
        ("Eight", "Six"),
        ("between 80,000 and 120,000", "between 40,000 and 60,000"),
        ("Austria", "Australia"),
        ("EU", "European Commission"),
        ("", "Kim"),
    ],
)
def test_different_answers(first: str, second: str) -> None:
    assert not same_answer(first, second)
    assert not same_answer(second, first)
