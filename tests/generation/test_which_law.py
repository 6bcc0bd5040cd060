"""The which_law generator on real sentences: laws as subjects, objects and authorities."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.which_law import WhichLawGenerator
from tests.generation.people_articles import (
    ARTICLES,
    COURT,
    ODD_INPUTS,
    RAIL,
    asked,
    checked_on_article,
    checked_on_odd_input,
    pairs,
    parsed,
    parsed_text,
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
    checked_on_article(GENERATOR, name, "LAW")


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    checked_on_odd_input(GENERATOR, text, "LAW")


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        (
            "Thornton said the assistance comes from the International Disaster Assistance"
            " account authorized by the Foreign Assistance Act of 1961, which allows the agency"
            " to respond within hours of a disaster declaration.",
            "Which law authorized the International Disaster Assistance account?",
            "Foreign Assistance Act of 1961",
        ),
        (
            "Children who are uninsured receive the vaccine at no cost through the federal"
            " Vaccines for Children program, which was created by the Omnibus Budget"
            " Reconciliation Act of 1993.",
            "Which law created the federal Vaccines for Children program?",
            "Omnibus Budget Reconciliation Act of 1993",
        ),
        (
            "The space station is scheduled to be retired in 2030. Under the NASA Authorization"
            " Act of 2022, the agency must keep the station operating through that year.",
            "Under which law must the agency keep the station operating?",
            "NASA Authorization Act of 2022",
        ),
        (
            "Under the state’s Public Health Act, schools may exclude unvaccinated students for"
            " up to 21 days after a case is confirmed in their building.",
            "Under which law may schools exclude unvaccinated students for up to 21 days?",
            "Public Health Act",
        ),
        (
            "The State Department also barred 11 family members of the four officials from"
            " entering the United States under Section 7031(c) of the Department of State,"
            " Foreign Operations, and Related Programs Appropriations Act.",
            "Under which section did the State Department also bar 11 family members of the"
            " four officials?",
            "Section 7031(c) of the Department of State, Foreign Operations, and Related"
            " Programs Appropriations Act",
        ),
    ],
)
def test_passive_modifiers_fronted_authorities_and_owned_laws(
    text: str, question: str, answer: str
) -> None:
    assert (question, answer) in asked(GENERATOR, text)


def test_speaker_pronoun_in_a_reported_clause_is_the_speaker() -> None:
    article = parse_article(
        "Governor Laura Whitman toured the fire zone on Sunday.\n\n"
        "Whitman said she would also seek a major disaster declaration under the Robert T."
        " Stafford Disaster Relief and Emergency Assistance Act, which would let families apply"
        " for federal housing assistance."
    )
    assert (
        "Under which law would Laura Whitman also seek a major disaster declaration?",
        "Robert T. Stafford Disaster Relief and Emergency Assistance Act",
    ) in pairs(run(GENERATOR, article))


def test_the_bill_does_not_refer_back_to_an_enacted_law() -> None:
    article = parse_article(
        "The overall totals stay within the limits set by the Fiscal Responsibility Act of"
        " 2023. Some conservatives argued that the bill used accounting maneuvers to get around"
        " those caps."
    )
    questions = [c.question for c in run(GENERATOR, article)]
    assert not any("accounting maneuvers" in q for q in questions)


def test_two_coordinated_laws_give_no_which_law_question() -> None:
    article = parse_article("The Clean Air Act and the Clean Water Act were passed in the 1970s.")
    assert run(GENERATOR, article) == []


def test_laws_listed_together_are_told_apart_by_their_years() -> None:
    found = pairs(run(GENERATOR, parsed_text(COURT)))
    assert found == {
        ("Under which 1871 law was the challenge brought?", "Civil Rights Act of 1871"),
        ("Under which 1934 law was the challenge brought?", "Declaratory Judgment Act of 1934"),
    }


def test_laws_listed_together_without_years_give_no_question() -> None:
    # The parser hangs the second law on the verb: the list is found by the words between.
    article = parse_article(
        "The grants were awarded under the Clean Water Act and the Safe Drinking Water Act, the"
        " agency said."
    )
    assert run(GENERATOR, article) == []


def test_a_numbered_section_gives_its_authority_question() -> None:
    assert (
        "Under which section must the line carry freight as well as passengers?",
        "Section 12 of the Railways Act",
    ) in pairs(run(GENERATOR, parsed_text(RAIL)))


def test_as_required_by_asks_what_the_law_requires() -> None:
    article = parse_article(
        "Opposition leader Ruth Achieng said Parliament had not held enough public hearings, as"
        " required by Article 118 of the Constitution. The city posted the notice online, as"
        " required by the Open Meetings Act."
    )
    found = pairs(run(GENERATOR, article))
    assert (
        "Which provision requires Parliament to hold public hearings?",
        "Article 118 of the Constitution",
    ) in found
    assert ("Which law requires the city to post the notice?", "Open Meetings Act") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The funding was provided by the Infrastructure Investment and Jobs Act, which"
            " Congress passed in 2021.",
            ("Which law provided the funding?", "Infrastructure Investment and Jobs Act"),
        ),
        (
            "The grants were awarded by the Inflation Reduction Act to rural cooperatives.",
            ("Which law awarded the grants?", "Inflation Reduction Act"),
        ),
        (
            "The money is provided by the American Rescue Plan Act.",
            ("Which law provides the money?", "American Rescue Plan Act"),
        ),
    ],
)
def test_a_passive_clause_is_asked_in_the_active_voice(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(run(GENERATOR, parse_article(text)))


def test_a_negated_or_pronoun_passive_clause_gives_no_question() -> None:
    article = parse_article(
        "The rules were not changed by the Clean Air Act. It was funded by the CHIPS and"
        " Science Act."
    )
    assert run(GENERATOR, article) == []


def test_a_reported_passive_clause_is_asked_only_when_it_states_a_fact() -> None:
    article = parse_article(
        "The new tariffs will be imposed by the Trade Expansion Act of 1962, officials said."
        " Lawyers asked whether the search was allowed by the Patriot Act. Critics argued that"
        " the cuts were required by the Budget Control Act."
        ' "The grants were paid by the Stafford Act," said Mayor Ann Cole.'
    )
    assert pairs(run(GENERATOR, article)) == {
        ("Which law will impose the new tariffs?", "Trade Expansion Act of 1962")
    }


def test_compacts_and_protocols_are_laws_too() -> None:
    article = parse_article(
        "Under the Rio Verde Compact of 1938, Colorado must deliver a share of the river's flow"
        " to New Mexico and Texas each year.\n\n"
        "The Montreal Protocol requires countries to phase out chemicals that damage the ozone"
        " layer, the agency said."
    )
    assert pairs(run(GENERATOR, article)) == {
        (
            "Under which agreement must Colorado deliver a share of the river's flow to New Mexico"
            " and Texas each year?",
            "Rio Verde Compact of 1938",
        ),
        (
            "Which agreement requires countries to phase out chemicals that damage the ozone"
            " layer?",
            "Montreal Protocol",
        ),
    }
