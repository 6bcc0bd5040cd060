"""The which_org generator on real sentences: organizations that act or are acted on."""

from __future__ import annotations

import re

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.which_org import WhichOrgGenerator
from tests.generation.facts_articles import ARTICLES, assert_well_formed, pairs, parsed, run

pytestmark = pytest.mark.slow

GENERATOR = WhichOrgGenerator()


def test_seed_department_and_congress() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    assert found["Which department submitted the report to the U.S. Congress?"] == (
        "The State Department"
    )
    assert found["To which legislative body did the State Department submit the report?"] == (
        "the U.S. Congress"
    )


def test_seed_never_asks_about_the_law_or_a_title() -> None:
    answers = {c.answer for c in run(GENERATOR, parsed("seed"))}
    assert not any("Sanctions" in answer or "Democracy" in answer for answer in answers)


def test_the_kind_of_organization_names_the_question() -> None:
    found = pairs(run(GENERATOR, parsed("court")))
    assert found[
        "Which court ruled in June that the state had violated the rights of prisoners?"
    ] == ("The Supreme Court")
    budget = pairs(run(GENERATOR, parsed("budget")))
    assert budget["Which bank lent Ghana $3 billion in 2023?"] == "The World Bank"
    assert budget["Which organization laid off 18,000 employees last year?"] == "Amazon"


def test_passive_agent_is_asked_in_the_active_voice() -> None:
    found = pairs(run(GENERATOR, parsed("court")))
    assert found["Which committee approved the measure in a 21-15 vote?"] == (
        "the House Judiciary Committee"
    )
    assert found["Which council will review the contract in June?"] == "the city council"


def test_object_with_a_resolved_pronoun_subject() -> None:
    found = pairs(run(GENERATOR, parsed("court")))
    question = "Which department did Maria Lopez order to restore the old rules within 30 days?"
    assert found[question] == "the Department of Homeland Security"


def test_possessives_and_definitions_are_skipped_and_attributions_keep_according_to() -> None:
    article = parse_article(
        "The talks collapsed on Sunday, according to the Associated Press.\n\n"
        "The State Department's report was released on Monday.\n\n"
        "The senator is a member of the Democratic Party."
    )
    assert pairs(run(GENERATOR, article)) == {
        "According to which organization did the talks collapse on Sunday?": "the Associated Press"
    }


@pytest.mark.parametrize("name", ["seed", *ARTICLES])
def test_every_candidate_is_well_formed(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "ORG")
    # "Which department ...?", through a preposition "To which legislative body ...?", or
    # through a part of it "A three-judge panel of which court ...?"
    pattern = r"(?:[A-Z][a-z]+(?: to)? which|Which|An? [\w -]+ of which) "
    assert all(re.match(pattern, c.question) for c in candidates)


def test_apposition_names_the_kind_and_is_left_out() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    assert found["Which trade group sued the state in Columbus?"] == "The Digital Commerce Alliance"
    assert found["Which organization won 23 of the 57 seats in the Legislative Assembly?"] == (
        "The National Renewal Alliance"
    )


def test_events_the_model_calls_organizations_are_skipped() -> None:
    assert "The Cedar Ridge Fire" not in {c.answer for c in run(GENERATOR, parsed("tricky"))}


def test_people_named_with_their_organization() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert found["Which agency employs Maria Santos?"] == "the International Atomic Energy Agency"
    assert found["Which bank employs Daniel Kerr?"] == "the World Bank"
    assert found["Which institute does Lucas Moreau lead?"] == "the Pasteur Institute"


def test_relative_and_reported_clauses_of_an_organization() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    question = "Which office found that the agency had overpaid contractors by $2 billion?"
    assert found[question] == "the Government Accountability Office"
    assert found["Which organization was shipping 50 tons of medical supplies to Sudan?"] == (
        "The World Health Organization"
    )


def test_names_split_by_the_model_are_answered_whole() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert found["Which court ruled that the state had acted lawfully?"] == (
        "The U.S. Court of Appeals for the 9th Circuit"
    )
    assert found["Which agency signed the contract in March?"] == (
        "The Ministry of Defence’s Procurement Agency"
    )


def test_conditions_and_conjectures_are_not_facts() -> None:
    answers = {c.answer for c in run(GENERATOR, parsed("wire"))}
    assert not any("Commerce Department" in answer for answer in answers)
    assert not any(answer.endswith("Senate") for answer in answers)


def test_a_panel_of_the_court_is_asked_through_the_court() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    # The participle clause with its own pronouns ("blocked them") is left out.
    question = "A three-judge panel of which court ruled 2-1 that the tariffs were lawful?"
    assert found[question] == "the Federal Circuit Court of Appeals"


def test_a_superlative_in_the_apposition_is_not_a_kind() -> None:
    article = parse_article("Toyota Motor, the world's biggest carmaker by sales, fell 14%.")
    assert pairs(run(GENERATOR, article)) == {"Which carmaker fell 14%?": "Toyota Motor"}


def test_people_the_model_calls_organizations_and_coordinated_actors_are_skipped() -> None:
    article = parse_article(
        "Governors Marcus Bell and Lisa Cook dissented from the decision.\n\n"
        "The Federal Reserve and the Bank of England cut rates on Thursday."
    )
    assert run(GENERATOR, article) == []


def test_a_lowercase_common_noun_is_not_an_organization() -> None:
    article = parse_article(
        "Its chief executive, Jim Matheson, said cooperatives had built broadband networks in "
        "40 states."
    )
    assert "cooperatives" not in {c.answer for c in run(GENERATOR, article)}


def test_the_source_a_main_clause_cites_is_asked_with_according_to() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found[
        "According to which organization did measles cases in the region triple last year?"
    ] == ("the World Health Organization")
    # In a subordinate clause the parser often hangs the attribution on the wrong verb.
    assert "the Statistics Office" not in found.values()


def test_a_country_owning_an_organization_stays_in_the_answer() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["Which court suspended the new mining law on Friday?"] == "Brazil’s Supreme Court"


def test_an_attribution_closing_the_sentence_is_asked_on_its_main_clause() -> None:
    article = parse_article(
        "At least 15 miners have died since the strike began on May 2, according to the union."
    )
    found = pairs(run(GENERATOR, article))
    assert found == {}  # "the union" is no named organization
    article = parse_article(
        "At least 15 miners have died since the strike began on May 2, according to the "
        "National Union of Mineworkers."
    )
    assert pairs(run(GENERATOR, article)) == {
        "According to which organization have at least 15 miners died since the strike began "
        "on May 2?": "the National Union of Mineworkers"
    }


def test_the_organization_a_later_the_agency_stands_for() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["Which agency will review new safety data in June?"] == (
        "The Food and Drug Administration"
    )
    article = parse_article(
        "The World Bank and the Asian Development Bank met in Manila. The bank approved a loan."
    )
    assert "Which bank approved a loan?" not in pairs(run(GENERATOR, article))


@pytest.mark.parametrize(
    ("title", "question"),
    [
        ("president", "Which organization does Karen Boatwright lead?"),
        ("a vice president", "Which organization employs Karen Boatwright?"),
        ("deputy director", "Which organization employs Karen Boatwright?"),
    ],
)
def test_only_the_leader_is_asked_what_they_lead(title: str, question: str) -> None:
    article = parse_article(
        f"Karen Boatwright, {title} of the Missouri Bridge Authority, testified on Monday."
    )
    assert pairs(run(GENERATOR, article))[question] == "the Missouri Bridge Authority"
