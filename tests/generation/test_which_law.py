"""The which_law generator on real sentences: laws as subjects, objects and authorities."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.which_law import WhichLawGenerator
from tests.generation.people_articles import (
    ARTICLES,
    ODD_INPUTS,
    assert_well_formed,
    pairs,
    parsed,
    run,
)

pytestmark = pytest.mark.slow

GENERATOR = WhichLawGenerator()
SEED_LAW = "North Korea Sanctions and Policy Enhancement Act of 2016"
MAGNITSKY = "Global Magnitsky Human Rights Accountability Act"


def test_seed_law_questions() -> None:
    assert pairs(run(GENERATOR, parsed("seed"))) == {
        (
            "Under which law did the State Department submit the report to the U.S. Congress?",
            SEED_LAW,
        ),
        ("Which law was enacted in February?", SEED_LAW),
        # "The law requires ...": the law named in the sentence before.
        ("Which law requires the secretary of state to provide a report to Congress?", SEED_LAW),
    }


def test_under_passed_and_allows() -> None:
    assert pairs(run(GENERATOR, parsed("myanmar"))) == {
        ("Under which law did the Treasury Department act?", MAGNITSKY),
        ("Which law did Congress pass in 2016?", MAGNITSKY),
        (
            "Which law allows the president to block the assets of foreign officials involved"
            " in serious human rights abuses?",
            MAGNITSKY,
        ),
    }


def test_present_tense_and_a_moved_opening_phrase() -> None:
    law = "Robert T. Stafford Disaster Relief and Emergency Assistance Act"
    found = pairs(run(GENERATOR, parsed("cyclone")))
    assert (
        "Under which law does the Federal Emergency Management Agency provide aid in the"
        " United States?",
        law,
    ) in found
    assert (
        "Which law requires states to request federal help before the agency can act?",
        law,
    ) in found


def test_pursuant_to_and_executive_orders() -> None:
    article = parse_article(
        "President Barack Obama signed Executive Order 13694 in April 2015.\n\n"
        "The Justice Department charged the hackers pursuant to the Computer Fraud and Abuse Act."
    )
    assert pairs(run(GENERATOR, article)) == {
        (
            "Which executive order did President Barack Obama sign in April 2015?",
            "Executive Order 13694",
        ),
        (
            "Under which law did the Justice Department charge the hackers?",
            "Computer Fraud and Abuse Act",
        ),
    }


def test_a_reference_resolves_to_the_nearest_law_of_its_kind() -> None:
    article = parse_article(
        "Lawmakers said the Affordable Care Act expanded coverage.\n\n"
        "The United Nations Security Council adopted Resolution 2397 in December 2017. The"
        " resolution caps North Korea's imports of refined petroleum at 500,000 barrels a year."
    )
    assert (
        "Which resolution caps North Korea's imports of refined petroleum at 500,000 barrels a"
        " year?",
        "Resolution 2397",
    ) in pairs(run(GENERATOR, article))


def test_the_law_after_two_laws_is_not_resolved() -> None:
    # "The Clean Air Act and the Clean Water Act ... The law requires ...": which one?
    questions = [c.question for c in run(GENERATOR, parsed("traps"))]
    assert not any(q.startswith("Which law requires") for q in questions)
    assert not any(c.answer.count(" Act") > 1 for c in run(GENERATOR, parsed("traps")))


def test_no_laws_no_questions() -> None:
    article = parse_article("The law requires drivers to wear seat belts. Police said so.")
    assert run(GENERATOR, article) == []


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "LAW")


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    article = parse_article(text)
    candidates = run(GENERATOR, article)
    assert_well_formed(candidates, article, "LAW")
    assert len(candidates) <= 1
