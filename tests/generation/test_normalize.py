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


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("3.5", "3.5"),
        ("3.50", "3.5"),
        ("The rate rose to 5.25%.", "rate rose to 5.25 percent"),
        ("5.25 per cent", "5.25 percent"),
        ("ten percent", "10 percent"),
        ("80,000", "80000"),
        ("eighty thousand", "80000"),
        ("$2.5 million", "2500000 dollars"),
    ],
)
def test_numbers_keep_decimals_percent_and_thousands(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize("spelling", ["5 million", "5,000,000", "five million", "5000000"])
def test_a_scale_word_after_digits_multiplies_them(spelling: str) -> None:
    assert normalize(spelling) == "5000000"
    assert same_answer(spelling, "five million")


@pytest.mark.parametrize(
    "spelling",
    [
        "$5 million",
        "5 million dollars",
        "five million dollars",
        "US$5 million",
        "$5,000,000",
        "5 million U.S. dollars",
        "5 million USD",
    ],
)
def test_dollar_amounts_share_one_key(spelling: str) -> None:
    assert normalize(spelling) == "5000000 dollars"
    assert same_answer(spelling, "$5 million")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2.55 million", "2550000"),
        ("$3bn", "3000000000 dollars"),
        ("€5 million", "5000000 euros"),
        ("3 million pounds", "3000000 pounds"),
        ("12 million people", "12000000 people"),
        ("between 20 million and 25 million", "between 20000000 and 25000000"),
    ],
)
def test_scale_words_multiply_the_digits_before_them(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("5 million", "6 million"),
        ("$5 million", "$5 billion"),
        ("5 million", "500,000"),
        ("$5 million", "5 million euros"),
    ],
)
def test_different_scaled_amounts_stay_different(first: str, second: str) -> None:
    assert not same_answer(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "The House approved the bill 286-134, after the U.S. House of Representatives ..."
        ("House", "The U.S. House of Representatives"),
        ("Senate", "the U.S. Senate"),
        # "Andrea Solís Vargas won ... Solís, 52, ran as ..."
        ("Solís", "Andrea Solís Vargas"),
        ("Vargas", "Andrea Solís Vargas"),
        ("Mejía", "Carlos Mejía Aguilar"),
        ("CDC", "the Centers for Disease Control and Prevention"),
        ("OFAC", "the Office of Foreign Assets Control"),
        ("PAHO", "the Pan American Health Organization"),
        ("USAID", "the U.S. Agency for International Development"),
        ("the Treasury", "the Treasury Department"),
        ("5%", "five percent"),
        ("80,000", "eighty thousand"),
        # "... agreed to stop illegal deforestation by 2030": "2030" is the same deadline.
        ("by 2030", "2030"),
        ("at least 47", "47"),
    ],
)
def test_short_forms_acronyms_and_surnames_are_the_same_answer(first: str, second: str) -> None:
    assert same_answer(first, second)
    assert same_answer(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Three", "3:17 a.m. EST"),
        ("May 8", "May"),
        ("2026", "Consolidated Appropriations Act, 2026"),
        ("Act", "Kids Online Safety Act"),
        ("Ohio", "Ohio State University"),
        ("State", "State Department"),
        ("Bank", "Bank of England"),
        ("3.5", "3.6"),
        ("Rights", "Democracy, Human Rights and Labor"),
    ],
)
def test_a_word_of_a_longer_name_or_date_is_not_the_same_answer(first: str, second: str) -> None:
    assert not same_answer(first, second)
    assert not same_answer(second, first)
