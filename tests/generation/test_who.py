"""The who generator on real sentences: agents, title holders, interviewees."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.who import WhoGenerator
from tests.generation.people_articles import (
    ARTICLES,
    ODD_INPUTS,
    assert_well_formed,
    pairs,
    parsed,
    run,
)

pytestmark = pytest.mark.slow

GENERATOR = WhoGenerator()


def test_seed_title_holders_and_agent() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    assert (
        "Who is the U.S. Assistant Secretary of State for Democracy, Human Rights and Labor?",
        "Tom Malinowski",
    ) in found
    assert ("Who is the North Korean leader?", "Kim Jong Un") in found
    assert ("Who is the leader of the country?", "Kim Jong Un") in found
    assert ("Who called on Pyongyang to stop threatening rhetoric?", "Tom Malinowski") in found
    assert (
        "Who said Washington has not given up diplomatic efforts on Pyongyang?",
        "Tom Malinowski",
    ) in found


def test_seed_never_asks_who_imposed_when_a_country_did() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("seed"))]
    assert not any(q.startswith("Who imposed") for q in questions)


def test_surname_expands_to_the_full_name_even_when_the_model_mislabels_it() -> None:
    # "Malinowski said Washington ..." is tagged ORG by the small model.
    found = dict(pairs(run(GENERATOR, parsed("seed"))))
    assert found["Who said Washington has not given up diplomatic efforts on Pyongyang?"] == (
        "Tom Malinowski"
    )


def test_prenominal_titles_possessive_titles_and_interviews() -> None:
    found = pairs(run(GENERATOR, parsed("myanmar")))
    assert ("Who is the Treasury Secretary?", "Steven Mnuchin") in found
    assert ("Who is Myanmar's army chief?", "Min Aung Hlaing") in found
    assert ("Who is the Bangladesh Foreign Minister?", "Abul Hassan Mahmood Ali") in found
    assert ("Who did Steve Herman interview?", "Abul Hassan Mahmood Ali") in found
    assert ("Who rejected the accusations?", "Min Aung Hlaing") in found
    assert (
        "Who announced the measures at a news conference in Washington?",
        "Steven Mnuchin",
    ) in found


def test_agents_in_a_disaster_story() -> None:
    found = pairs(run(GENERATOR, parsed("cyclone")))
    assert ("Who declared a national disaster on Sunday?", "Emmerson Mnangagwa") in found
    assert ("Who is Zimbabwe's President?", "Emmerson Mnangagwa") in found
    assert ("Who is the Information Minister?", "Monica Mutsvangwa") in found
    assert (
        "Who cut short a visit to the United Arab Emirates to return home?",
        "Emmerson Mnangagwa",
    ) in found


def test_election_relative_clauses_and_sentence_initial_titles() -> None:
    found = pairs(run(GENERATOR, parsed("election")))
    assert (
        "Who was declared the winner with 54 percent of the vote?",
        "Uhuru Kenyatta",
    ) in found
    assert ("Who is the opposition leader?", "Raila Odinga") in found
    assert ("Who is the electoral commission chairman?", "Wafula Chebukati") in found
    assert ("Who urged all sides to remain calm?", "Robert Godec") in found
    # "he disagreed ... would respect it" cannot stand alone.
    assert not any("disagreed" in question for question, _ in found)


def test_pronoun_subjects_and_countries_give_no_question() -> None:
    cyclone = [c.question for c in run(GENERATOR, parsed("cyclone"))]
    assert not any(q.startswith(("Who said roads", "Who met survivors")) for q in cyclone)
    traps = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert not any("imposed" in q for q in traps)


def test_claims_inside_quotation_marks_are_not_facts() -> None:
    article = parse_article(
        "“Kim Jong Un ordered the missile tests last week,” Tom Malinowski said on Monday."
    )
    questions = [c.question for c in run(GENERATOR, article)]
    assert not any("ordered" in q for q in questions)


def test_a_title_two_people_hold_is_not_asked() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert "Who is the mayor of the city?" not in questions
    assert ("Who opened the new bridge?", "Maria Lopez") in pairs(run(GENERATOR, parsed("traps")))


def test_a_question_with_a_stand_in_noun_is_dropped() -> None:
    # "Tom Reed ... closed the old one": "one" needs the previous sentence.
    questions = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert "Who closed the old one?" not in questions


def test_indefinite_appositions_are_not_titles() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("myanmar"))]
    assert not any("spokeswoman" in q for q in questions)


def test_credit_line_that_survives_cleaning() -> None:
    article = parse_article(
        "Floods forced 3,000 people from their homes in Kenya.\n\n"
        "Mohammed Yusuf contributed to this report."
    )
    assert ("Who contributed to this report?", "Mohammed Yusuf") in pairs(run(GENERATOR, article))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "PERSON")
    assert len({c.question for c in candidates}) == len(candidates)


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_gives_no_question_and_no_error(text: str) -> None:
    assert run(GENERATOR, parse_article(text)) == []


def test_text_without_people_gives_nothing() -> None:
    article = parse_article("The river rose by two meters overnight and flooded 40 villages.")
    assert run(GENERATOR, article) == []
