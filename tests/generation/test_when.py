"""The when generator on real sentences: dated events, reduced passives and vague dates."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.when import WhenGenerator
from quizapp.generation.where import WhereGenerator
from tests.generation.facts_articles import ARTICLES, assert_well_formed, pairs, parsed, run

pytestmark = pytest.mark.slow

GENERATOR = WhenGenerator()


def test_seed_dates() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    question = (
        "When did the United States impose sanctions on Kim and 10 other top officials "
        "for grossly violating human rights?"
    )
    assert found[question] == "Wednesday"
    assert found[
        "When was the North Korea Sanctions and Policy Enhancement Act of 2016 enacted?"
    ] == ("February")
    assert (
        found["When did North Korea threaten to respond to the sanctions with its toughest action?"]
        == "Thursday"
    )


def test_seed_skips_report_frames_and_caption_dates() -> None:
    answers = [c.answer for c in run(GENERATOR, parsed("seed"))]
    assert "May 6, 2016" not in answers
    # "a senior U.S. official said Thursday" only frames a report.
    assert answers.count("Thursday") == 1


def test_dates_on_verbs_in_news_sentences() -> None:
    found = pairs(run(GENERATOR, parsed("disaster")))
    assert found["When did a powerful earthquake strike southern Turkey?"] == "Monday"
    assert found["When did the quake hit the province of Hatay?"] == "shortly after 4 a.m."
    budget = pairs(run(GENERATOR, parsed("budget")))
    assert budget["When will the new hospital open?"] == "September"
    assert budget["When did the World Bank lend Ghana $3 billion?"] == "2023"
    assert (
        budget["When did Prime Minister Anthony Albanese visit the flooded town of Lismore?"]
        == "Saturday"
    )


def test_passive_and_fronted_attribution() -> None:
    found = pairs(run(GENERATOR, parsed("court")))
    assert found["When will the contract be reviewed by the city council?"] == "June"
    assert found["When did the talks collapse in Geneva according to Reuters?"] == "Sunday"


def test_vague_durations_recurring_and_negated_dates_are_skipped() -> None:
    answers = {c.answer for name in ARTICLES for c in run(GENERATOR, parsed(name))}
    for skipped in ("recent years", "three years", "30 days", "every Monday", "2019"):
        assert skipped not in answers
    assert "January" not in answers  # "since January" answers "how long", not "when"
    # "every Monday" recurs; "... the mayor said on Monday" frames a quotation.
    assert "Monday" not in {c.answer for c in run(GENERATOR, parsed("court"))}


def test_a_dated_quotation_gives_no_question() -> None:
    article = parse_article("“We will hire 200 teachers next year,” the mayor said on Monday.")
    assert run(GENERATOR, article) == []


@pytest.mark.parametrize("name", ["seed", *ARTICLES])
def test_every_candidate_is_well_formed(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "DATE")
    assert all(c.question.startswith("When ") for c in candidates)


def test_datelines_compound_times_and_shared_auxiliaries() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    # "NAIROBI, Kenya —" is not part of the subject; "Thursday afternoon" is one answer.
    assert found["When did the electoral commission announce the final results?"] == (
        "Thursday afternoon"
    )
    assert found["When did the Cedar Ridge Fire start in dry brush north of Grants Pass?"] == (
        "Thursday afternoon"
    )
    assert found["When was Hrytsenko arrested in Poland?"] == "May 2024"
    # "was arrested ... and extradited": the second participle keeps "was".
    assert found["When was Hrytsenko extradited to Pittsburgh?"] == "January 2025"
    assert found[
        "When do state officials hope to vaccinate between 15,000 and 20,000 children and adults?"
    ] == ("by June")


def test_comparisons_are_not_dates_of_the_clause() -> None:
    assert "the 1980s" not in {c.answer for c in run(GENERATOR, parsed("tricky"))}


def test_a_person_noun_owns_his_and_a_trailing_clause_does_not_block_the_date() -> None:
    article = parse_article(
        "WASHINGTON – A Ukrainian man was sentenced on Tuesday to 13 years in federal prison "
        "for his role in a ransomware scheme.\n\n"
        "Forecasters expect cooler temperatures and light rain on Tuesday, which could help "
        "firefighters."
    )
    found = pairs(run(GENERATOR, article))
    assert found[
        "When was a Ukrainian man sentenced to 13 years in federal prison for his role in a "
        "ransomware scheme?"
    ] == ("Tuesday")
    assert found["When do forecasters expect cooler temperatures and light rain?"] == "Tuesday"


def test_coordinated_dates_are_not_cut_in_half() -> None:
    article = parse_article("The shutdown, in the winter of 2018 and 2019, lasted 35 days.")
    assert run(GENERATOR, article) == []


def test_a_date_at_one_end_of_a_change_or_of_a_later_plan_is_not_the_event_date() -> None:
    answers = {c.answer for c in run(GENERATOR, parsed("wire"))}
    # "fell from 9% in 2020 to 6%": 2020 dates the 9%, not the fall.
    assert "2020" not in answers
    # "agreed to phase out coal power by 2035": they did not agree in 2035.
    assert "by 2035" not in answers and "2035" not in answers


def test_a_bare_indefinite_subject_and_a_conjecture_give_no_question() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert "When was a ceasefire agreement reached?" not in found
    article = parse_article("The minister said the official count would begin Monday.")
    assert run(GENERATOR, article) == []


def test_adjacent_date_and_time_are_one_answer() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert found["When is the ferry expected to arrive?"] == "about 6 p.m. Friday"
    assert not any(q.startswith("When is the ferry expected to arrive ") for q in found)
    assert found["When was a former bank manager sentenced to 8 years in prison for fraud?"] == (
        "Friday"
    )


def test_a_state_reported_by_a_ruling_and_an_unnamed_reduced_passive_are_skipped() -> None:
    article = parse_article(
        "The court in The Hague ruled that the ban was legal on Tuesday.\n\n"
        "The Pentagon has said it ran out of money to replace weapons sent to Ukraine in "
        "December."
    )
    assert run(GENERATOR, article) == []


def test_the_date_and_place_of_a_named_announcement() -> None:
    article = parse_article(
        "The United States is providing more than $300 million in humanitarian assistance for "
        "Sudan, Deputy Secretary of State Richard Verma announced Monday at a pledging "
        "conference in Paris.\n\nThe company announced on Tuesday that it would cut 500 jobs."
    )
    found = pairs(run(GENERATOR, article))
    assert found == {
        "When did Deputy Secretary of State Richard Verma make the announcement?": "Monday"
    }
    # The place belongs to the conference: asked about the gathering itself.
    places = pairs(run(WhereGenerator(), article))
    assert places == {"Where was the pledging conference held?": "Paris"}


def test_an_attribution_closing_the_sentence_is_not_kept_on_a_subordinate_clause() -> None:
    article = parse_article(
        "At least 15 miners have died since the strike began on May 2, according to the union."
    )
    assert pairs(run(GENERATOR, article)) == {"When did the strike begin?": "May 2"}


def test_a_length_of_time_is_not_asked_as_a_date() -> None:
    article = parse_article(
        "The shutdown lasted 35 days in 2019.\n\n"
        "The ceasefire, signed in 2015, lasted only a month."
    )
    found = pairs(run(GENERATOR, article))
    assert found["When was the ceasefire signed?"] == "2015"
    assert not any(" last" in question for question in found)
