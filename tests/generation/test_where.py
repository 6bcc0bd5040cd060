"""The where generator on real sentences: places of events, and places that are not."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.where import WhereGenerator
from tests.generation.facts_articles import assert_well_formed, pairs, parsed, run

pytestmark = pytest.mark.slow

GENERATOR = WhereGenerator()


def test_seed_prison_camps() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    question = (
        "Where are between 80,000 and 120,000 people held in political prison camps, "
        "according to the report?"
    )
    assert found[question] == "the North"


def test_places_of_events() -> None:
    found = pairs(run(GENERATOR, parsed("disaster")))
    assert found["Where did the storm destroy nearly 1,000 homes?"] == "Florida"
    assert found["Where has the blaze burned 40,000 acres?"] == "California"
    court = pairs(run(GENERATOR, parsed("court")))
    assert court["Where did the talks collapse on Sunday according to Reuters?"] == "Geneva"


def test_place_modifying_the_subject_is_not_asked() -> None:
    # "A federal judge in Texas": Texas says who, not where something happened.
    answers = {c.answer for c in run(GENERATOR, parsed("court"))}
    assert "Texas" not in answers


def test_place_inside_a_quotation_or_after_an_unknown_pronoun_is_skipped() -> None:
    article = parse_article(
        "“We built 300 homes in Haiti,” the director said.\n\nThey met in Geneva on Sunday."
    )
    assert run(GENERATOR, article) == []


@pytest.mark.parametrize("name", ["seed", "disaster", "budget", "court"])
def test_every_candidate_is_well_formed(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "GPE")
    assert all(c.question.startswith("Where ") for c in candidates)


def test_places_in_tricky_constructions() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    assert found["Where did the Digital Commerce Alliance sue the state?"] == "Columbus"
    assert found["Where was Hrytsenko arrested in May 2024?"] == "Poland"


def test_one_of_several_coordinated_places_is_not_an_answer() -> None:
    article = parse_article("The storm killed 47 people in Honduras and Nicaragua on Tuesday.")
    assert run(GENERATOR, article) == []


def test_destination_of_a_motion_verb() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    assert found["Where was Hrytsenko extradited in January 2025?"] == "Pittsburgh"


def test_place_of_an_infinitive_object_is_not_the_place_of_the_main_verb() -> None:
    # The mission is in Mali; the council did not vote there.
    article = parse_article(
        "The U.N. Security Council voted 13-0 to extend the peacekeeping mission in Mali."
    )
    assert run(GENERATOR, article) == []


def test_places_the_model_mislabels_or_cuts_short() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    # "Geneva" is a known city even when the model calls it something else.
    assert found["Where was the treaty signed by the foreign ministers of both countries?"] == (
        "Geneva"
    )
    # "near Port Sudan": the whole name, not "Port".
    assert "Port Sudan" in found.values()
    assert "Port" not in found.values()


def test_departure_sites_and_seats_of_organizations() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert found["From where did the satellite lift off?"] == "the Guiana Space Centre"
    assert found["Where is Orbital Dynamics based?"] == "Kazan"
    assert found["Where is the Pacific Tsunami Warning Center based?"] == "Honolulu, Hawaii"


def test_every_wire_candidate_is_well_formed() -> None:
    article = parsed("wire")
    assert_well_formed(run(GENERATOR, article), article, "GPE")


def test_a_focused_place_is_not_asked_with_a_dangling_adverb() -> None:
    article = parse_article(
        "Amnesty International said 39 people had been arrested in Nairobi alone."
    )
    assert "Nairobi" not in {c.answer for c in run(GENERATOR, article)}


def test_a_city_with_its_state_is_one_answer() -> None:
    article = parse_article(
        "Agriculture Secretary Tom Vilsack made the announcement at a community college in "
        "Wausau, Wisconsin."
    )
    assert "Wausau, Wisconsin" in {c.answer for c in run(GENERATOR, article)}


def test_a_place_of_a_noun_under_a_time_preposition_is_not_asked() -> None:
    article = parse_article("The patient had been infected during a stay in Africa.")
    assert run(GENERATOR, article) == []


def test_the_place_of_a_past_gathering_is_asked_with_held() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["Where was the two-day climate summit held?"] == "Nairobi"
    article = parse_article(
        "Moscow's conference in Paris failed.\n\nThe election in Kenya will take place in August."
    )
    assert run(GENERATOR, article) == []  # an owner the question would lose; a future event
