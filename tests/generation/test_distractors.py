"""Distractors: same kind, article first, then pool, then made up; stable; never right."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from quizapp.generation import distractor_lists as lists
from quizapp.generation import distractor_roles as roles
from quizapp.generation import gazetteer, generate_questions, names
from quizapp.generation.cleaning import clean_text
from quizapp.generation.distractors import (
    SHORT_ANSWER,
    choices_for,
    distractors,
    invented_people,
    seed_for,
)
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.parsing import parse_article
from quizapp.generation.types import Candidate, ParsedArticle

pytestmark = pytest.mark.slow

_LEADING_THE = re.compile(r"^(?:the|The) ")

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


def wrong(
    article: ParsedArticle,
    answer: str,
    kind: str,
    question: str = "Which?",
    sentence_index: int | None = None,
) -> list[str]:
    """The distractors for an answer, from a fixed generator."""
    return distractors(
        answer, kind, article, question, random.Random(7), sentence_index=sentence_index
    )


def assert_valid(answer: str, found: list[str]) -> None:
    """Three distractors, none the answer, none the same as another."""
    assert len(found) == 3
    for index, text in enumerate(found):
        assert not same_answer(text, answer)
        assert not any(same_answer(text, other) for other in found[index + 1 :])


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


def test_a_distractor_in_the_question_is_skipped(seed: ParsedArticle) -> None:
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who did Tom Malinowski call the leader?")
    assert "Tom Malinowski" not in found
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who did Malinowski call the leader?")
    assert "Tom Malinowski" not in found


def test_a_pool_given_as_one_string_is_one_text() -> None:
    article = parse_article(SHORT, pool={"ORG": "the Harbor Board"})  # type: ignore[dict-item]
    assert wrong(article, "the Roads Agency", "ORG")[0] == "the Harbor Board"


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


# ---- people: real ones, the answer's role first; else three invented, never a mix ------


def invented_words() -> set[str]:
    """Every given name and surname the invented people are drawn from."""
    return {word for origin in lists.PERSON_NAME_ORIGINS for names in origin for word in names}


def assert_all_invented(found: list[str], article: ParsedArticle, answer: str) -> None:
    """Three invented people: list names only, no word shared with the article's names, the
    answer or one another."""
    assert len(found) == 3
    names = invented_words()
    article_words = {token.text.lower() for token in article.tokens if token.text[:1].isupper()}
    seen: set[str] = set()
    for text in found:
        words = [word for word in text.split() if not word.endswith(".") or len(word) > 2]
        assert all(word in names or roles.is_title(word) or word == "Dr." for word in words)
        lowered = {word.lower() for word in words if word in names}
        assert not lowered & article_words, text
        assert not lowered & {word.lower() for word in answer.split()}
        assert not lowered & seen
        seen |= lowered


def test_too_few_real_people_get_three_invented_and_no_real_one(seed: ParsedArticle) -> None:
    found = wrong(seed, "Kim Jong Un", "PERSON", "Who is the North Korean leader?")
    assert "Tom Malinowski" not in found  # the one real person is never mixed with invented
    assert_all_invented(found, seed, "Kim Jong Un")
    assert all(len(text.split()) == 3 for text in found)  # shaped like the answer
    again = distractors(
        "Kim Jong Un", "PERSON", seed, "Who is the North Korean leader?", random.Random(99)
    )
    assert again == found  # seeded by the answer, not by the caller's generator


def test_two_people_and_no_pool_get_no_mix() -> None:
    article = parse_article(
        "Mayor Ruth Okonkwo opened the bridge on Monday. Engineer Paul Devereux said it would"
        " carry 40,000 cars a day."
    )
    found = wrong(article, "Ruth Okonkwo", "PERSON", "Who opened the bridge on Monday?")
    assert "Paul Devereux" not in found
    assert_all_invented(found, article, "Ruth Okonkwo")


def test_an_article_with_one_person_gets_three_invented_people() -> None:
    article = parse_article("Mayor Ruth Okonkwo opened the bridge on Monday.")
    question = Candidate(
        type="who",
        question="Who opened the bridge on Monday?",
        answer="Ruth Okonkwo",
        evidence="Mayor Ruth Okonkwo opened the bridge on Monday.",
        sentence_index=0,
        kind="PERSON",
    )
    choices = choices_for(question, article, seed_for(article.text))
    assert choices is not None and len(choices) == 4 and choices.count("Ruth Okonkwo") == 1
    assert_all_invented(
        [text for text in choices if text != "Ruth Okonkwo"], article, "Ruth Okonkwo"
    )


def test_one_pooled_person_is_not_mixed_with_invented_ones(short: ParsedArticle) -> None:
    pooled = parse_article(SHORT, pool={"PERSON": ["Ada Lovelace"]})
    found = wrong(pooled, "Tom Malinowski", "PERSON")
    assert "Ada Lovelace" not in found
    assert_all_invented(found, pooled, "Tom Malinowski")


@pytest.mark.parametrize(
    ("answer", "pattern"),
    [
        ("Malinowski", r"^\w+$"),
        ("Tom Malinowski", r"^\w+ \w+$"),
        ("Steven T. Mnuchin", r"^\w+ [A-Z]\. \w+$"),
        ("Dr. Ana Ruiz", r"^Dr\. \w+ \w+$"),
        ("Horacio Manuel Cartes Jara", r"^\w+ \w+ \w+ \w+$"),
    ],
)
def test_invented_people_take_the_answers_shape(
    short: ParsedArticle, answer: str, pattern: str
) -> None:
    found = wrong(short, answer, "PERSON", "Who spoke?")
    assert_all_invented(found, short, answer)
    assert all(re.match(pattern, text) for text in found), found


def test_invented_people_share_no_word_with_the_articles_names() -> None:
    # An article whose names use words of the invented lists.
    taken = ("Keiko Tanaka", "Omar Haddad", "Sven Lindgren", "Rosa Zamora", "Kofi Mensah")
    article = parse_article(
        " ".join(f"{name} met the council on Monday." for name in taken)
        + " The Tanaka Institute and Haddad Corp. agreed."
    )
    found = invented_people("Leon Moretti", article, "Who spoke?")
    assert len(found) == 3
    used = {word for text in found for word in text.split()}
    assert not used & {word for name in taken for word in name.split()}
    assert not {"Leon", "Moretti"} & used


def test_a_name_that_is_no_persons_gets_no_invented_people(short: ParsedArticle) -> None:
    assert wrong(short, "the suspect", "PERSON", "Who fled?") == []


def test_a_body_with_nothing_to_stand_beside_it_is_a_short_answer() -> None:
    article = parse_article("The Harbor Authority of Lakeside closed the port on Monday.")
    question = Candidate(
        type="which_org",
        question="Which body closed the port on Monday?",
        answer="The Harbor Authority of Lakeside",
        evidence="The Harbor Authority of Lakeside closed the port on Monday.",
        sentence_index=0,
        kind="ORG",
    )
    assert choices_for(question, article, seed_for(article.text)) == SHORT_ANSWER == ()
    assert choices_for(question, article, seed_for(article.text), short_answer=False) is None


def test_the_pool_fills_in_real_people(short: ParsedArticle) -> None:
    pooled = parse_article(SHORT, pool={"PERSON": ["Ada Lovelace", "Alan Turing", "Grace Hopper"]})
    assert wrong(pooled, "Tom Malinowski", "PERSON") == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ]


COURTROOM = (
    "Governor Helen Marsh signed the bill on Monday, and Senator Paul Ferrand praised it.\n\n"
    "U.S. District Judge Irene Castell blocked the law on Friday. Mayor Tom Brandt said the city"
    " would comply. Judge Walter Osei had refused a similar request in March, and Judge Nadia"
    " Pruitt dissented.\n\n"
    "Attorney General Frank Delmar said the state would appeal."
)


@pytest.fixture(scope="module")
def courtroom() -> ParsedArticle:
    """An article with judges, officials and a legislator."""
    return parse_article(COURTROOM)


def test_a_judge_gets_judges_first(courtroom: ParsedArticle) -> None:
    found = wrong(courtroom, "Irene Castell", "PERSON", "Who blocked the law on Friday?")
    assert_valid("Irene Castell", found)
    assert set(found[:2]) == {"Walter Osei", "Nadia Pruitt"}
    assert "Frank Delmar" in found  # an attorney: of the court's world, before officials


def test_an_official_gets_officials_first(courtroom: ParsedArticle) -> None:
    found = wrong(courtroom, "Helen Marsh", "PERSON", "Who signed the bill on Monday?")
    assert_valid("Helen Marsh", found)
    assert found[0] == "Tom Brandt"


def test_a_surname_gets_the_other_peoples_surnames() -> None:
    courtroom = parse_article(f"{COURTROOM}\n\nCastell said the ruling would stand.")
    found = wrong(courtroom, "Castell", "PERSON", "Who blocked the law?")
    # The article gives full names only: the other people's surnames, no full name, none
    # invented beside them (judges first, as for a full name).
    assert_valid("Castell", found)
    assert all(" " not in text for text in found)
    surnames = {"Marsh", "Ferrand", "Brandt", "Osei", "Pruitt", "Delmar"}
    assert set(found) <= surnames
    assert set(found[:2]) == {"Osei", "Pruitt"}


def test_a_surname_without_three_real_people_gets_invented_ones() -> None:
    article = parse_article("Judge Irene Castell blocked the law on Friday.")
    found = wrong(article, "Castell", "PERSON", "Who blocked the law?")
    assert_all_invented(found, article, "Castell")
    assert all(" " not in text for text in found)


def test_a_coordinated_name_is_a_second_right_answer() -> None:
    article = parse_article(
        "Judge Ann Lee and Judge Mark Cole signed the order on Tuesday. Judge Rosa Diaz, Judge"
        " Owen Hart and Judge Lena Brook had heard the case in May."
    )
    found = wrong(
        article, "Ann Lee", "PERSON", "Who signed the order on Tuesday?", sentence_index=0
    )
    assert_valid("Ann Lee", found)
    assert "Mark Cole" not in found
    assert "Mark Cole" in wrong(article, "Ann Lee", "PERSON", "Who signed the order?")


# ---- organizations: the same sort, one form of each, no groups of people ---------------


BODIES = (
    "The Court of Appeals for the Ninth Circuit upheld the ruling on Monday. The state Supreme"
    " Court, the Tax Court and the Court of Federal Claims had ruled earlier.\n\n"
    "The Federal Aviation Administration and the Bureau of Land Management filed briefs, as"
    " did the Energy Department and the National Park Service. Democrats in the Senate"
    " objected.\n\n"
    "Lakeside University, the College of the Pines, Harbor State University and Ridgeway"
    " College studied the Global Positioning System for the case. Acme Widgets Inc. paid"
    " for the study."
)


@pytest.fixture(scope="module")
def bodies() -> ParsedArticle:
    """Courts, agencies, colleges, a company, a system and a party's members."""
    return parse_article(BODIES)


def test_courts_for_a_court(bodies: ParsedArticle) -> None:
    court = "The Court of Appeals for the Ninth Circuit"
    found = wrong(bodies, court, "ORG", "Which court upheld the ruling on Monday?")
    assert_valid(court, found)
    assert all("Court" in text for text in found), found


def test_agencies_for_an_agency(bodies: ParsedArticle) -> None:
    agency = "the Federal Aviation Administration"
    found = wrong(bodies, agency, "ORG", "Which agency filed a brief?")
    assert_valid(agency, found)
    for other_kind in ("Lakeside University", "Acme Widgets Inc.", "Democrats", "Senate"):
        assert not any(other_kind in text for text in found), found
    assert not any("Court" in text for text in found)


def test_a_college_never_gets_a_thing_or_another_kind(bodies: ParsedArticle) -> None:
    found = wrong(bodies, "Lakeside University", "ORG", "Which university studied it?")
    assert_valid("Lakeside University", found)
    assert not any("Positioning" in text or "Administration" in text for text in found)
    assert "Harbor State University" in found


def test_a_group_of_people_is_no_organization(bodies: ParsedArticle) -> None:
    for answer in ("the National Park Service", "Acme Widgets Inc."):
        assert "Democrats" not in wrong(bodies, answer, "ORG", "Which body paid?")
    pooled = parse_article(BODIES, pool={"ORG": ["Republicans", "Conservatives"]})
    found = wrong(pooled, "Acme Widgets Inc.", "ORG", "Which company paid?")
    assert not {"Republicans", "Conservatives"} & set(found)


def test_a_group_of_people_gets_other_groups_and_never_a_body() -> None:
    article = parse_article(
        "Republicans blocked the bill on Monday. Democrats said they would try again, and"
        " Libertarians stayed out of the fight. Socialists marched outside. The Harbor"
        " Commission and the State Department did not comment."
    )
    found = wrong(article, "Republicans", "ORG", "Which group blocked the bill?")
    assert sorted(found) == ["Democrats", "Libertarians", "Socialists"]
    # A list of groups gets no single groups and no bodies: a short answer.
    assert wrong(article, "Republicans and Democrats", "ORG", "Which groups blocked it?") == []


def test_agreements_things_and_countries_are_never_offered_as_bodies() -> None:
    pooled = parse_article(
        "The Harbor Commission met on Monday.",
        pool={
            "ORG": [
                "the Republic of Norland",
                "the Lakeside Accords",
                "the Ridge Virus",
                "the Port Authority",
                "the Water Board",
                "the Transit Agency",
            ]
        },
    )
    found = wrong(pooled, "The Harbor Commission", "ORG", "Which body met?")
    assert sorted(found) == ["the Port Authority", "the Transit Agency", "the Water Board"]


def test_a_countrys_formal_name_gets_countries_and_not_its_short_name() -> None:
    assert names.place_sort("the Democratic Republic of Norland") == "country"
    assert names.place_sort("the United Kingdom of Norland") == "country"
    assert names.place_sort("the Republican Party") is None
    assert roles.same_thing("the People’s Republic of Norland", "North Norland", "GPE")
    assert not roles.same_thing("the Republic of Norland", "Peru", "GPE")
    article = parse_article(
        "Officials of the Republic of Norland met Peru's trade minister in Lima on Monday."
    )
    answer = "the Republic of Norland"
    found = wrong(article, answer, "GPE", "Officials of which country met the minister?")
    assert_valid(answer, found)
    assert all(gazetteer.country_of(_LEADING_THE.sub("", text)) for text in found), found


def test_two_forms_of_one_body_are_never_two_choices() -> None:
    article = parse_article(
        "Oxford University and the University of Oxford’s press office declined to comment."
        " The Office of Foreign Assets Control (OFAC) named three firms. The Treasury said the"
        " Treasury Department would act, and the Bureau of Labor Statistics and the Bureau of"
        " Economic Analysis agreed. The Census Bureau did not."
    )
    found = wrong(article, "the Office of Foreign Assets Control", "ORG", "Which office acted?")
    assert "OFAC" not in found
    found = wrong(article, "the Treasury Department", "ORG", "Which department will act?")
    assert "The Treasury" not in found and "the Treasury" not in found
    assert roles.same_thing("Oxford University", "the University of Oxford", "ORG")
    assert roles.same_thing("OFAC", "the Office of Foreign Assets Control", "ORG")
    assert roles.same_thing("the Treasury", "Treasury Department", "ORG")
    assert roles.same_thing("Castell", "Irene Castell", "PERSON")
    assert not roles.same_thing("the Bureau of Labor Statistics", "the Census Bureau", "ORG")


def test_a_ministry_gets_sibling_ministries_when_the_article_has_none() -> None:
    article = parse_article("The Ministry of Finance signed the loan on Monday.")
    found = wrong(article, "the Ministry of Finance", "ORG", "Which ministry signed the loan?")
    assert_valid("the Ministry of Finance", found)
    assert all(text.startswith("the Ministry of ") for text in found)
    department = wrong(article, "the Labor Department", "ORG", "Which department reported?")
    assert_valid("the Labor Department", department)
    assert sum(text.startswith("the ") and text.endswith(" Department") for text in department) >= 2


def test_a_body_without_a_subject_word_gets_no_invented_siblings() -> None:
    article = parse_article("The Harbor Authority of Lakeside closed the port on Monday.")
    assert wrong(article, "The Harbor Authority of Lakeside", "ORG", "Which body?") == []


def test_a_court_gets_invented_sibling_courts() -> None:
    article = parse_article("The U.S. District Court in Chicago sentenced the man on Monday.")
    found = wrong(article, "the U.S. District Court", "ORG", "Which court sentenced him?")
    assert_valid("the U.S. District Court", found)
    assert all(text.startswith("the U.S. ") and text.endswith(" Court") for text in found)
    assert all(text.split()[2] in lists.COURT_SUBJECTS for text in found)


def test_an_agency_gets_invented_siblings_with_another_subject() -> None:
    article = parse_article("The National Electoral Board of Ethiopia counted the votes.")
    answer = "the National Electoral Board of Ethiopia"
    found = wrong(article, answer, "ORG", "Which board counted the votes?")
    assert_valid(answer, found)
    for text in found:
        assert text.startswith("the National ") and text.endswith(" Board of Ethiopia")
        assert text.split()[2] in lists.ORG_SUBJECT_ADJECTIVES
    article = parse_article("The U.S. Customs Service ruled on the exemption.")
    service = wrong(article, "the U.S. Customs Service", "ORG", "Which service ruled?")
    assert_valid("the U.S. Customs Service", service)
    assert all(text.split()[2] in lists.ORG_SUBJECT_NOUNS for text in service)


def test_a_ministry_named_by_its_portfolio_gets_sibling_departments() -> None:
    article = parse_article("Treasury issued the rules on Monday.")
    found = wrong(article, "Treasury", "ORG", "Which organization issued the rules?")
    assert_valid("Treasury", found)
    assert all(text.startswith("the ") and text.endswith(" Department") for text in found)
    assert not any("Treasury" in text for text in found)


def test_real_bodies_of_another_sort_come_last_and_never_groups_or_titles() -> None:
    article = parse_article(
        "The Harbor Authority of Lakeside closed the port on Monday. The Roads Agency agreed."
        " The Court of Federal Claims heard the case. Ridgeway College studied it. Democrats"
        " objected, and Political Commissar Lin Bo said nothing."
    )
    found = wrong(article, "The Harbor Authority of Lakeside", "ORG", "Which body closed it?")
    assert_valid("The Harbor Authority of Lakeside", found)
    assert found[0] == "The Roads Agency"  # the same sort first
    assert {"The Court of Federal Claims", "Ridgeway College"} <= set(found)
    assert not any("Democrats" in text or "Commissar" in text for text in found)


# ---- laws: real, numbered, then invented in the answer's pattern -----------------------


def test_a_named_law_gets_invented_siblings_in_its_pattern() -> None:
    article = parse_article("Congress passed the Clean Rivers Act of 2016 in May.")
    answer = "the Clean Rivers Act of 2016"
    found = wrong(article, answer, "LAW", "Which law did Congress pass?")
    assert_valid(answer, found)
    for text in found:
        assert text.startswith("the ") and text.endswith(" Act of 2016")
        assert not {"clean", "rivers"} & set(normalize(text).split())
    purposes = [text.split()[-4] for text in found]
    assert len(set(purposes)) == 3  # three laws, not three forms of one


def test_a_real_law_comes_before_invented_ones() -> None:
    article = parse_article(
        "Congress passed the Clean Rivers Act of 2016 in May. It amends the Water Quality Act"
        " of 1987."
    )
    found = wrong(article, "the Clean Rivers Act of 2016", "LAW", "Which law did it pass?")
    assert_valid("the Clean Rivers Act of 2016", found)
    assert found[0] == "the Water Quality Act of 1987"


def test_a_mislabelled_answer_gets_distractors_of_its_real_kind() -> None:
    article = parse_article(
        "Orbitex Corp. launched the crew on Thursday. Skyforge Inc. built the other capsule, and"
        " Vantor Aerospace Inc. and Helix Dynamics Corp. bid for the next one. Astronaut Jessica"
        " Moreno commands the mission with Lena Vogel."
    )
    candidate = Candidate(
        type="who",
        question="Which company launched the crew on Thursday?",
        answer="Orbitex Corp.",
        evidence="Orbitex Corp. launched the crew on Thursday.",
        sentence_index=0,
        kind="PERSON",  # a generator's mistake
    )
    choices = choices_for(candidate, article, seed_for(article.text))
    assert choices
    assert "Jessica Moreno" not in choices and "Lena Vogel" not in choices
    assert "Skyforge Inc." in choices


# ---- places, amounts, years ---------------------------------------------------------------


def test_countries_for_a_country_from_the_library_gazetteer(short: ParsedArticle) -> None:
    found = wrong(short, "Paraguay", "GPE", "Where did the council meet?")
    assert_valid("Paraguay", found)
    assert set(found) <= set(gazetteer.country_choices())
    # The answer's continent first: made-up neighbours, not a random corner of the world.
    assert all(gazetteer.country_of(text) in pytz_codes("America") for text in found)


def pytz_codes(area: str) -> set[str]:
    """The codes of countries whose first time zone lies in `area`."""
    import pytz

    return {code for code, zones in pytz.country_timezones.items() if zones[0].startswith(area)}


def test_a_city_gets_cities_of_its_country_first() -> None:
    article = parse_article("The alliance sued the state in Chicago on Monday.")
    found = wrong(article, "Chicago", "GPE", "Where did the alliance sue the state?")
    assert_valid("Chicago", found)
    assert all(gazetteer.country_of(text) == "US" for text in found)


def test_counts_of_another_noun_are_not_offered() -> None:
    article = parse_article(
        "The ruling party won 410 seats, and the opposition won 22 seats. About 15 million"
        " people voted, and 167 observers watched. The board counted 114 seats by Friday."
    )
    found = wrong(article, "22", "NUMBER", "How many seats did the opposition win?")
    assert_valid("22", found)
    assert "167" not in found and "About 15 million" not in found


def test_money_gets_money_of_a_similar_size() -> None:
    article = parse_article(
        "The bank lent $120 million on Monday. A grant of $100 million followed, and a fee of"
        " $2,500 was charged. The fund also set aside $90 million and $150 million."
    )
    found = wrong(article, "$120 million", "NUMBER", "How much did the bank lend?")
    assert_valid("$120 million", found)
    assert "$2,500" not in found and all("million" in text for text in found)


def test_years_get_nearby_years() -> None:
    article = parse_article(
        "The two countries have worked together since 1972. A treaty followed in 1975, a new"
        " accord in 1979 and a trade deal in 2026."
    )
    found = wrong(article, "1972", "DATE", "Since when have the countries worked together?")
    assert_valid("1972", found)
    assert "2026" not in found
    assert found[:2] == ["1975", "1979"]


# ---- the whole: every multiple choice is well formed or none ---------------------------


@pytest.mark.parametrize("text", [COURTROOM, BODIES, SHORT])
def test_every_question_gets_three_distinct_wrong_choices_or_none(text: str) -> None:
    questions = generate_questions(text)
    assert questions
    for question in questions:
        if question.type == "true_false" or not question.choices:
            continue
        assert question.choices.count(question.answer) == 1
        wrong_choices = [choice for choice in question.choices if choice != question.answer]
        assert len(wrong_choices) >= 3
        assert len({normalize(choice) for choice in wrong_choices}) == len(wrong_choices)


def test_a_who_question_offers_only_the_articles_people(courtroom: ParsedArticle) -> None:
    people = {"Helen Marsh", "Paul Ferrand", "Irene Castell", "Tom Brandt", "Walter Osei"}
    people |= {"Nadia Pruitt", "Frank Delmar"}
    for question in generate_questions(COURTROOM):
        if question.type in {"who", "quote"}:
            assert set(question.choices) <= people, question


def test_a_known_sort_gets_no_name_that_tells_nothing() -> None:
    article = parse_article(
        "The Treasury Department sanctioned Halvor Brekke and Ostrava Lenz on Monday. The"
        " Commerce Department and the Justice Department agreed, and the FAA said it would"
        " help."
    )
    found = wrong(article, "The Treasury Department", "ORG", "Which department acted?")
    assert_valid("The Treasury Department", found)
    assert not {"Halvor Brekke", "Ostrava Lenz"} & set(found)
    assert "the FAA" in found or "FAA" in found  # an acronym may stand for a body of state


def test_the_plural_of_a_name_word_is_a_group_of_people() -> None:
    article = parse_article(
        "The Corps employs Tamils and runs Tamil schools. The Harbor Board and the Water Board"
        " agreed, and the Port Authority and the Roads Agency objected."
    )
    assert roles.is_group_of_people("Tamils", article=article)
    assert not roles.is_group_of_people("the Water Board", article=article)
    found = wrong(article, "The Harbor Board", "ORG", "Which board agreed?")
    assert "Tamils" not in found


def test_a_title_question_may_offer_a_coordinated_name() -> None:
    article = parse_article(
        "The panel included Chief Judge Ann Lee, Judge Mark Cole and Judge Rosa Diaz. Judge"
        " Owen Hart dissented."
    )
    found = wrong(article, "Ann Lee", "PERSON", "Who is the chief judge?", sentence_index=0)
    assert_valid("Ann Lee", found)  # the others sat on the panel but are not the chief judge
    assert "Mark Cole" in found


def test_an_acronym_after_a_possessive_name_is_the_same_body() -> None:
    assert roles.stands_for("OTA", "the Harbor Department’s Office of Tidal Affairs")
    article = parse_article(
        "The Harbor Department’s Office of Tidal Affairs (OTA) closed the port. OTA said the"
        " Coast Guard, the Port Authority, the Roads Agency and Political Commissar Lin Bo"
        " agreed."
    )
    found = wrong(article, "the Coast Guard", "ORG", "Which body agreed?")
    assert not any("Commissar" in text for text in found)


def test_two_distractors_are_never_two_forms_of_one_body() -> None:
    article = parse_article(
        "The Office of Tidal Affairs (OTA) closed the port on Monday. The Roads Agency, OTA and"
        " the Water Board agreed, and the Harbor Board and the Port Authority objected."
    )
    found = wrong(article, "the Roads Agency", "ORG", "Which agency agreed?")
    assert_valid("the Roads Agency", found)
    assert not {"OTA", "The Office of Tidal Affairs"} <= set(found)
    assert sum(text in {"OTA", "The Office of Tidal Affairs"} for text in found) <= 1


# ---- last resorts: every count, sum, share, date and place gets three of its kind ------


LAST_RESORT = parse_article(
    "The Digital Commerce Alliance sued the state in Columbus, Ohio, on Monday."
)


@pytest.mark.parametrize(
    ("answer", "kind", "same_kind"),
    [
        ("a third", "NUMBER", lambda text: text in lists.FRACTIONS),
        ("two-thirds", "NUMBER", lambda text: text in lists.FRACTIONS),
        ("first", "NUMBER", lambda text: text in lists.ORDINALS),
        (
            "a million",
            "NUMBER",
            lambda text: re.fullmatch(r"a (dozen|hundred|thousand|billion)", text),
        ),
        ("several hundred", "NUMBER", lambda text: re.fullmatch(r"several [a-z]+", text)),
        ("dozens", "NUMBER", lambda text: text in lists.VAGUE_AMOUNTS),
        ("zero", "NUMBER", lambda text: text.isalpha() and text != "zero"),
        ("100", "NUMBER", lambda text: text.isdigit()),
        ("$1", "MONEY", lambda text: re.fullmatch(r"\$\d+(\.\d+)?", text)),
        ("$10,000", "MONEY", lambda text: re.fullmatch(r"\$[\d,]+", text)),
        (
            "hundreds of millions of dollars",
            "MONEY",
            lambda text: re.fullmatch(r"[a-z]+ of [a-z]+ of dollars", text),
        ),
        ("0.1%", "PERCENT", lambda text: re.fullmatch(r"\d\.\d%", text)),
        ("noon", "DATE", lambda text: text in lists.CLOCK_TIMES),
        ("1800", "DATE", lambda text: re.fullmatch(r"1[78]\d\d", text)),
        ("2016-2017", "DATE", lambda text: int(text[5:]) - int(text[:4]) == 1),
        ("Ohio", "GPE", lambda text: text in gazetteer.state_names()),
        ("Title IX", "LAW", lambda text: re.fullmatch(r"Title [IVX]+", text)),
        (
            "the First Amendment",
            "LAW",
            lambda text: re.fullmatch(r"the [A-Z][a-z]+ Amendment", text),
        ),
        ("Article 5", "LAW", lambda text: re.fullmatch(r"Article \d+", text)),
    ],
)
def test_every_kind_has_a_last_resort_of_its_own_kind(
    answer: str, kind: str, same_kind: object
) -> None:
    found = wrong(LAST_RESORT, answer, kind, "Which one?")
    assert_valid(answer, found)
    assert all(same_kind(text) for text in found), found  # type: ignore[operator]


def test_a_date_moved_to_another_month_is_a_real_date(short: ParsedArticle) -> None:
    import datetime

    for text in wrong(short, "Dec. 31, 1999", "DATE", "When?"):
        datetime.datetime.strptime(text.replace("Dec.", "December"), "%B %d, %Y")  # no "June 31"


def test_a_university_named_after_a_place_gets_universities_of_other_places() -> None:
    article = parse_article("The University of Tokyo studied the case.")
    found = wrong(article, "the University of Tokyo", "ORG", "Which university studied it?")
    assert_valid("the University of Tokyo", found)
    for text in found:
        assert text.startswith("the University of ")
        assert gazetteer.country_of(text.removeprefix("the University of ")) is not None


def test_invented_people_share_the_answers_gender_or_mix_both() -> None:
    women = {word for origin in lists.PERSON_NAME_ORIGINS for word in origin[0]}
    men = {word for origin in lists.PERSON_NAME_ORIGINS for word in origin[1]}
    article = parse_article(
        "Mayor Ruth Okonkwo opened the bridge on Monday. She said it would carry 40,000 cars a"
        " day.\n\nPaul Devereux built it. He said it took three years."
    )
    her = wrong(article, "Ruth Okonkwo", "PERSON", "Who opened the bridge?")
    assert all(text.split()[0] in women for text in her), her
    him = wrong(article, "Paul Devereux", "PERSON", "Who built the bridge?")
    assert all(text.split()[0] in men for text in him), him
    unknown = wrong(parse_article(SHORT), "Tom Malinowski", "PERSON", "Who spoke?")
    first = {text.split()[0] for text in unknown}
    assert first & women and first & men


def test_a_body_named_after_a_place_gets_the_same_body_of_other_places() -> None:
    article = parse_article(
        "The Government of Paraguay signed the deal in Asunción on Monday. Officials from"
        " Bolivia and Peru watched."
    )
    answer = "the Government of Paraguay"
    found = wrong(article, answer, "ORG", "Which government signed the deal?")
    assert_valid(answer, found)
    places = [text.removeprefix("the Government of ") for text in found]
    assert places[:2] == ["Bolivia", "Peru"]  # the article's own countries first
    assert all(gazetteer.country_of(place) for place in places)


def test_two_pieces_of_one_name_are_never_two_choices() -> None:
    article = parse_article(
        "A panel of the Court of Appeals for the 6th Circuit ruled on Monday. The state"
        " Supreme Court, the Tax Court and the Court of Federal Claims had ruled earlier."
    )
    found = wrong(article, "the Tax Court", "ORG", "Which court ruled earlier?")
    pieces = {"the Court of Appeals", "the 6th Circuit"}
    assert len(pieces & set(found)) <= 1, found


@pytest.mark.parametrize("answer", ["million first million", "First half", "a million third"])
def test_a_rank_or_share_beside_a_scale_word_still_ends(short: ParsedArticle, answer: str) -> None:
    found = wrong(short, answer, "NUMBER", "How many?")  # no endless detour between fallbacks
    assert answer not in found and len(found) == len(set(found))


def test_a_command_gets_invented_sibling_commands() -> None:
    article = parse_article("The Southern Command sent four helicopters on Tuesday.")
    found = wrong(article, "The Southern Command", "ORG", "Which organization sent them?")
    assert_valid("The Southern Command", found)
    assert all(text.startswith("The ") and text.endswith(" Command") for text in found)
    assert all(text[4:-8] in lists.COMMAND_SUBJECTS for text in found)


@pytest.mark.parametrize("order", ["E.O. 14250", "Executive Order (E.O.) 14250"])
def test_an_abbreviated_executive_order_gets_orders_in_its_own_form(order: str) -> None:
    article = parse_article(
        f"The council acted under {order} on Tuesday. The board met in the capital on Friday."
    )
    orders = wrong(article, order, "LAW", "Under which executive order did the council act?")
    assert_valid(order, orders)
    prefix = order.removesuffix("14250")
    assert all(text.startswith(prefix) and text[len(prefix) :].isdigit() for text in orders)
