"""Distractors: same kind, article first, then pool, then made up; stable; never right."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizapp.generation import distractor_lists as lists
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


HURRICANE = (
    "Hurricane Delia killed at least 47 people in Honduras and Nicaragua and destroyed"
    " between 2,000 and 3,500 homes.\n\n"
    "The storm made landfall near Puerto Cabezas with sustained winds of 215 kilometers per"
    " hour. Winds gusted up to 80 kilometers per hour in Tegucigalpa.\n\n"
    "USAID Administrator Rebecca Thornton announced $20 million in aid. The U.S. Southern"
    " Command sent four helicopters from Soto Cano Air Base. Honduran President Carlos Mejía"
    " Aguilar said 18 people were missing and 600 were in shelters.\n\n"
    "The Senate passed the aid bill 74-25 on Friday."
)


@pytest.fixture(scope="module")
def hurricane() -> ParsedArticle:
    """An article with people, places, counts in several units and a vote tally."""
    return parse_article(HURRICANE)


def test_a_count_gets_bare_counts_not_other_units_or_tallies(hurricane: ParsedArticle) -> None:
    found = wrong(hurricane, "at least 47", "NUMBER", "How many people did the storm kill?")
    assert_valid("at least 47", found)
    assert not any("kilometer" in text or "74-25" in text or "$" in text for text in found)


def test_an_amount_with_a_unit_never_gets_the_same_amount(hurricane: ParsedArticle) -> None:
    found = wrong(hurricane, "up to 80", "NUMBER", "How many kilometers per hour did winds gust?")
    assert_valid("up to 80", found)
    assert "80 kilometers" not in found


def test_person_distractors_are_people(hurricane: ParsedArticle) -> None:
    found = wrong(hurricane, "Rebecca Thornton", "PERSON", "Who announced $20 million in aid?")
    assert_valid("Rebecca Thornton", found)
    assert "Carlos Mejía Aguilar" in found
    assert not any("Soto Cano" in text or "Administrator" in text for text in found)


def test_organization_distractors_are_not_titles_or_things() -> None:
    article = parse_article(
        "USAID Administrator Rebecca Thornton spoke on Thursday. The Commerce Department added"
        " 17 companies to its Entity List. New Mexico Health Secretary Ana Ruiz said the MMR"
        " vaccine is safe. The crew docked with the International Space Station on Friday."
        " The World Food Programme and the Red Cross sent food."
    )
    found = wrong(article, "the Red Cross", "ORG", "Which group sent food with the WFP?")
    assert_valid("the Red Cross", found)
    for bad in ("USAID Administrator", "Entity List", "New Mexico Health", "MMR"):
        assert bad not in found
    assert not any("Space Station" in text for text in found)


def test_places_stay_at_the_answer_level() -> None:
    article = parse_article(
        "The Digital Commerce Alliance sued the state in Columbus, Ohio, on Monday. Lawyers from"
        " Italy and the United States joined the case in Cleveland. Hrytsenko was arrested in"
        " Poland and extradited from Warsaw."
    )
    city = wrong(article, "Columbus", "GPE", "Where did the alliance sue the state?")
    assert_valid("Columbus", city)
    assert not {"Italy", "the United States", "Ohio", "Poland"} & set(city)
    country = wrong(article, "Poland", "GPE", "Where was Hrytsenko arrested?")
    assert_valid("Poland", country)
    assert not {"Columbus", "Cleveland", "Warsaw", "Ohio"} & set(country)


def test_another_name_of_the_answer_is_never_a_distractor() -> None:
    article = parse_article(
        "The U.S. House of Representatives approved the package 286-134 on Friday. The Senate"
        " had passed it a day earlier. Congress must now send it to the White House. The House"
        " vote came hours before the deadline."
    )
    for answer in ("House", "The U.S. House of Representatives"):
        found = wrong(article, answer, "ORG", "Which chamber approved the package 286-134?")
        assert_valid(answer, found)
        assert not {"House", "The U.S. House of Representatives"} & set(found)


def test_law_distractors_match_the_answer_in_the_and_era() -> None:
    article = parse_article("Ohio passed the Youth Online Safety Act in 2024.")
    bare = wrong(article, "Youth Online Safety Act", "LAW", "Which law did Ohio pass in 2024?")
    assert_valid("Youth Online Safety Act", bare)
    assert not any(text.startswith("the ") or " of 1" in text for text in bare)
    dated = wrong(article, "the Children's Privacy Act of 2023", "LAW", "Which law applies?")
    assert_valid("the Children's Privacy Act of 2023", dated)
    for text in dated:
        assert text.startswith("the ")
        assert int(text[-4:]) >= 1983


def test_a_mislabelled_answer_gets_distractors_of_its_real_kind() -> None:
    article = parse_article(
        "SpaceX launched the crew on Thursday. Boeing built the other capsule, and NASA paid"
        " both companies. NASA astronaut Jessica Moreno commands the mission with Lena Vogel."
    )
    candidate = Candidate(
        type="who",
        question="Which company launched the crew on Thursday?",
        answer="SpaceX",
        evidence="SpaceX launched the crew on Thursday.",
        sentence_index=0,
        kind="PERSON",  # a generator's mistake
    )
    choices = choices_for(candidate, article, seed_for(article.text))
    assert choices is not None
    assert "Jessica Moreno" not in choices and "Lena Vogel" not in choices
    assert "Boeing" in choices


def test_a_measure_gets_the_same_measure_and_a_count_no_measure() -> None:
    article = parse_article(
        "The House passed the package 286-134 on Friday. It combines all 12 of the annual"
        " spending bills and funds 52 agencies. The last shutdown, in 2019, lasted 35 days."
        " Solís won by nearly 12 percentage points, and 907 observers watched the count."
    )
    days = wrong(article, "35", "NUMBER", "How many days did the last shutdown last?")
    assert_valid("35", days)
    assert not {"286", "134", "all 12", "52", "907"} & set(days)
    observers = wrong(article, "907", "NUMBER", "How many observers watched the count?")
    assert_valid("907", observers)
    assert "nearly 12" not in observers and "286" not in observers


def test_a_us_city_gets_us_cities() -> None:
    article = parse_article("The alliance sued the state in Columbus on Monday.")
    found = wrong(article, "Columbus", "GPE", "Where did the alliance sue the state?")
    assert_valid("Columbus", found)
    assert set(found) <= set(lists.US_CITIES)


def test_made_up_laws_share_the_answers_subject_first() -> None:
    article = parse_article("The report was required by law.")
    answer = "the North Korea Sanctions and Policy Enhancement Act of 2016"
    found = wrong(article, answer, "LAW", "Which law required the report?")
    assert_valid(answer, found)
    assert any("Sanctions" in law or "North Korea" in law for law in found)


def test_pool_texts_pass_the_same_checks() -> None:
    article = parse_article(
        "The World Food Programme sent rations to Honduras on Thursday.",
        pool={
            "ORG": ["USAID Administrator", "Entity List", "the Red Cross", "Kennedy Space Center"],
            "PERSON": ["Soto Cano Air Base", "Josephine County Sheriff", "Lena Vogel"],
        },
    )
    orgs = wrong(article, "The World Food Programme", "ORG", "Which agency sent rations?")
    assert_valid("The World Food Programme", orgs)
    assert "the Red Cross" in orgs or "The Red Cross" in orgs
    assert not {"USAID Administrator", "Entity List", "Kennedy Space Center"} & set(orgs)
    people_found = wrong(article, "Rebecca Thornton", "PERSON", "Who announced the aid?")
    assert_valid("Rebecca Thornton", people_found)
    assert "Lena Vogel" in people_found
    assert not {"Soto Cano Air Base", "Josephine County Sheriff"} & set(people_found)


def test_a_region_and_a_long_numbered_law_still_get_three_choices() -> None:
    article = parse_article(
        "Nineteen people died in the North Caribbean Coast Autonomous Region on Tuesday.\n\n"
        "The State Department barred 11 family members under Section 7031(c) of the Department"
        " of State, Foreign Operations, and Related Programs Appropriations Act."
    )
    region = "the North Caribbean Coast Autonomous Region"
    places = wrong(article, region, "GPE", "Where had 19 people died?")
    assert_valid(region, places)
    assert set(places) <= set(lists.REGIONS)  # regions, each with its own "the" or none
    law = (
        "Section 7031(c) of the Department of State, Foreign Operations, and Related Programs"
        " Appropriations Act"
    )
    sections = wrong(article, law, "LAW", "Under which section were 11 family members barred?")
    assert_valid(law, sections)
    assert all(text.startswith("Section ") for text in sections)


def test_a_date_span_run_on_into_a_duration_is_no_distractor() -> None:
    article = parse_article(
        "A Ukrainian man was sentenced on Tuesday to 13 years in federal prison. He was"
        " arrested on a Monday and charged on Wednesday."
    )
    found = wrong(article, "Tuesday", "DATE", "When was a Ukrainian man sentenced?")
    assert_valid("Tuesday", found)
    assert not any("years" in text or "Tuesday" in text for text in found)


def test_made_up_people_are_ordinary_names_not_world_figures() -> None:
    article = parse_article("Sheriff Dave Hollister said, “We knocked on his door twice.”")
    found = wrong(article, "Dave Hollister", "PERSON", "Who said, “We knocked on his door”?")
    assert_valid("Dave Hollister", found)
    for name in found:
        given, family = name.split()
        assert given in lists.COMMON_GIVEN_NAMES and family in lists.COMMON_SURNAMES


def test_a_part_or_a_whole_of_the_answer_is_no_distractor() -> None:
    article = parse_article(
        "The FBI’s Pittsburgh Field Office investigated the case with the FBI and the State"
        " Department. A three-judge panel of the U.S. Court of Appeals for the 6th Circuit ruled"
        " 2-1, and the U.S. Court of Appeals sent the case back to the Supreme Court."
    )
    office = wrong(
        article, "The FBI’s Pittsburgh Field Office", "ORG", "Which office investigated?"
    )
    assert_valid("The FBI’s Pittsburgh Field Office", office)
    assert "FBI" not in office and "the FBI" not in office
    court = "the U.S. Court of Appeals for the 6th Circuit"
    found = wrong(article, court, "ORG", "Which court ruled 2-1?")
    assert_valid(court, found)
    assert "the U.S. Court of Appeals" not in found


def test_places_that_are_bodies_or_people_are_not_place_distractors() -> None:
    article = parse_article(
        "The European Union and the South American trade bloc Mercosur signed the agreement in"
        " Montevideo on Saturday. Helen Park, a lawyer in New York, said the deal was fair. The"
        " bloc groups Brazil, Argentina, Paraguay and Uruguay."
    )
    found = wrong(article, "Montevideo", "GPE", "Where was the agreement signed?")
    assert_valid("Montevideo", found)
    assert "Mercosur" not in found and "Helen Park" not in found


def test_a_unit_after_an_adjective_is_still_the_unit() -> None:
    article = parse_article(
        "The agency sent 16 specialists and nearly 90 metric tons of food to 18 departments."
    )
    found = wrong(article, "nearly 90", "NUMBER", "How many metric tons of food did it send?")
    assert_valid("nearly 90", found)
    assert "16" not in found and "18" not in found


MONEY_ARTICLE = (
    "The United States is providing more than $212 million in humanitarian assistance for"
    " Sudan, Deputy Secretary of State Mark Ellison announced Monday at a pledging conference"
    " in Geneva. Donors pledged a total of $1.4 billion. The central bank held its benchmark"
    " rate between 3.75% and 4% as inflation eased to 3.5% in March."
)


@pytest.fixture(scope="module")
def money() -> ParsedArticle:
    """A short article with sums of money and percentages."""
    return parse_article(MONEY_ARTICLE)


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("$843 million", "MONEY"),
        ("more than $212 million", "MONEY"),
        ("between $25 million and $30 million", "MONEY"),
        ("$1.1 billion", "MONEY"),
        ("3.5%", "PERCENT"),
        ("between 3.75% and 4%", "PERCENT"),
        ("16 percent", "PERCENT"),
    ],
)
def test_amounts_get_amounts_written_the_same_way(
    short: ParsedArticle, answer: str, kind: str
) -> None:
    found = wrong(short, answer, kind, "How much did the agency pledge?")
    assert_valid(answer, found)
    for text in found:
        if kind == "MONEY":
            assert "$" in text
            assert any(scale in text for scale in ("million", "billion")) == (
                "million" in answer or "billion" in answer
            )
        else:
            assert text.endswith("%") == answer.endswith("%")
            assert text.endswith("percent") == answer.endswith("percent")
        assert text.startswith("between") == answer.startswith("between")
        assert text.startswith("more than") == answer.startswith("more than")


def test_a_made_up_range_of_money_runs_from_low_to_high(short: ParsedArticle) -> None:
    for text in wrong(short, "between $25 million and $30 million", "MONEY"):
        low, high = (float(word.strip("$")) for word in text.split() if word.startswith("$"))
        assert low < high


def test_sums_of_money_come_from_the_article_first(money: ParsedArticle) -> None:
    found = wrong(money, "$1.4 billion", "MONEY", "How much did donors pledge in total?")
    assert_valid("$1.4 billion", found)
    assert any("212 million" in text for text in found)
    assert not any("%" in text for text in found)


def test_a_percentage_never_gets_a_sum_of_money(money: ParsedArticle) -> None:
    found = wrong(money, "3.5%", "PERCENT", "To what rate did inflation ease in March?")
    assert_valid("3.5%", found)
    assert all(text.endswith("%") and "$" not in text for text in found)


def test_a_money_answer_labelled_as_a_count_still_gets_money(money: ParsedArticle) -> None:
    candidate = Candidate(
        type="how_many",
        question="How much did donors pledge in total at the conference?",
        answer="$1.4 billion",
        evidence="Donors pledged a total of $1.4 billion.",
        sentence_index=1,
        kind="NUMBER",
    )
    choices = choices_for(candidate, money, seed_for(money.text))
    assert choices is not None
    assert choices.count("$1.4 billion") == 1
    assert all(choice.startswith(("$", "more than $")) for choice in choices)


def test_sums_of_money_come_from_the_pool_of_numbers() -> None:
    article = parse_article(
        "NASA has paid SpaceX $843 million for the crew flights, the agency said.",
        pool={"NUMBER": ["12 astronauts", "$2.9 billion", "$410 million", "45%"]},
    )
    found = wrong(article, "$843 million", "MONEY", "How much has NASA paid SpaceX?")
    assert_valid("$843 million", found)
    assert "$2.9 billion" in found and "$410 million" in found
    assert "12 astronauts" not in found and "45%" not in found


def test_a_clipped_name_is_no_wrong_answer_for_its_body() -> None:
    article = parse_article(
        "The Federal Reserve raised its key rate on Wednesday. The Fed said prices were rising "
        "too fast.\n\nThe Bank of England, the European Central Bank and the Bank of Japan "
        "left their rates unchanged, and the International Monetary Fund welcomed the moves."
    )
    found = wrong(article, "Fed", "ORG", "Which central bank said prices were rising too fast?")
    assert len(found) == 3
    assert not any("Federal Reserve" in choice for choice in found)
    found = wrong(article, "The Federal Reserve", "ORG", "Which central bank raised its key rate?")
    assert "Fed" not in found
