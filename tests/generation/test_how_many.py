"""The how_many generator on real sentences: counts, ranges, do-support and what it skips."""

from __future__ import annotations

import re

import pytest

from quizapp.generation.how_many import HowManyGenerator
from quizapp.generation.parsing import parse_article
from tests.generation.facts_articles import ARTICLES, assert_well_formed, pairs, parsed, run

pytestmark = pytest.mark.slow

GENERATOR = HowManyGenerator()


def test_seed_counts_and_range() -> None:
    found = pairs(run(GENERATOR, parsed("seed")))
    assert found["How many North Korean entities were also blacklisted?"] == "Eight"
    assert found["How many other top officials did the United States impose sanctions on?"] == "10"
    assert (
        found[
            "How many people are held in political prison camps in the North, "
            "according to the report?"
        ]
        == "between 80,000 and 120,000"
    )


def test_seed_questions_come_from_the_story_not_the_caption() -> None:
    for candidate in run(GENERATOR, parsed("seed")):
        assert "May 6, 2016" not in candidate.evidence
        assert "FILE" not in candidate.evidence


def test_quantifiers_stay_in_the_answer_and_clauses_keep_their_time_frame() -> None:
    found = pairs(run(GENERATOR, parsed("disaster")))
    killed = "How many people were killed when a powerful earthquake struck southern Turkey"
    assert found[f"{killed} on Monday?"] == "At least 42"
    assert found["How many homes did the storm destroy?"] == "nearly 1,000"
    assert found["How many customers did the storm leave without power?"] == "2 million"
    assert found["How many firefighters are battling the blaze?"] == "About 2,500"
    assert found["How many soldiers were wounded in the attack?"] == "Three"


def test_relative_clause_subject_is_the_noun_it_modifies() -> None:
    found = pairs(run(GENERATOR, parsed("disaster")))
    assert found["How many acres has the blaze burned in California?"] == "40,000"


def test_tense_and_auxiliaries_follow_the_clause() -> None:
    found = pairs(run(GENERATOR, parsed("budget")))
    # Perfect, modal (inherited subject of a coordinated verb), past with a particle.
    assert found[
        "How many workers has the company hired at its new plant in Ohio since January?"
    ] == ("500")
    assert found["How many nurses will the new hospital employ?"] == "900"
    assert found["How many employees did Amazon lay off last year?"] == "18,000"
    # Third person present: "affects" -> "does ... affect".
    assert pairs(run(GENERATOR, parsed("court")))["How many migrants does the ruling affect?"] == (
        "about 400,000"
    )


def test_pronoun_subject_is_replaced_by_the_person_just_named() -> None:
    found = pairs(run(GENERATOR, parsed("budget")))
    question = "How many families did Anthony Albanese meet at an evacuation center in the town?"
    assert found[question] == "30"


def test_existential_there_and_of_phrases() -> None:
    found = pairs(run(GENERATOR, parsed("election")))
    assert found["How many candidates were there on the ballot in Nigeria?"] == "14"
    assert found["How many seats did the Labour Party win in the election?"] == "412"
    assert found["How many members of the House of Representatives will voters choose?"] == "435"


def test_years_names_durations_and_quotes_are_not_counts() -> None:
    answers = {
        c.answer for name in ARTICLES for c in run(GENERATOR, parsed(name)) if c.kind == "NUMBER"
    }
    for skipped in ("40 million", "$40 million", "5", "60", "2001", "11", "200", "300"):
        assert skipped not in answers
    # "within 30 days" is a deadline, not a count of something the clause is about.
    assert "30" not in {c.answer for c in run(GENERATOR, parsed("court"))}


def test_prepositional_objects_move_their_preposition_to_the_front() -> None:
    article = parse_article(
        "The group extorted money from victims in 19 states.\n\n"
        "The United States announced $20 million in emergency aid for two countries."
    )
    found = pairs(run(GENERATOR, article))
    assert found["In how many states did the group extort money from victims?"] == "19"
    assert found[
        "For how many countries did the United States announce $20 million in emergency aid?"
    ] == ("two")


def test_a_duration_the_clause_is_about_is_counted() -> None:
    found = pairs(run(GENERATOR, parsed("court")))
    assert found["How many years has the drought lasted?"] == "three"


def test_unresolved_pronoun_subject_gives_no_question() -> None:
    article = parse_article("It has killed more than 300 people in the region.")
    assert run(GENERATOR, article) == []


def test_negated_clause_gives_no_question() -> None:
    article = parse_article("The agency did not hire 40 new inspectors last year.")
    assert run(GENERATOR, article) == []


@pytest.mark.parametrize("name", ["seed", *ARTICLES])
def test_every_candidate_is_well_formed(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, frozenset({"NUMBER", "MONEY", "PERCENT"}))
    assert all(c.type == "how_many" for c in candidates)
    # "How many ...?" or, through a preposition, "In how many states ...?"; amounts ask "How
    # much", shares and changes "What percentage of", "By what percentage", "To what level".
    opening = r"(?:[A-Z][a-z]+ how|How) (?:many|much) |What percentage |(?:By|To) what "
    assert all(re.match(opening, c.question) for c in candidates)


def test_partitive_infinitive_conjoined_nouns_and_lemmas() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    assert found["How many of the 57 seats did the National Renewal Alliance win?"] == "23"
    # The infinitive is asked through the verb it completes; its coordinated twin is dropped.
    assert found["How many new police officers did Andrea Solís promise to hire?"] == "4,000"
    assert found["How many children and adults do state officials hope to vaccinate by June?"] == (
        "between 15,000 and 20,000"
    )
    # lemminflect, not the tagger's lemma: "hopes" -> "hope", never "hop".
    assert (
        found["How many bills does Senator Thomas Whitaker hope to pass before the August recess?"]
        == "all 12"
    )
    assert found["How many technology companies does the trade group represent?"] == "31"


def test_asides_between_subject_and_verb_move_or_go() -> None:
    found = pairs(run(GENERATOR, parsed("tricky")))
    question = "How many days did the last government shutdown last in the winter of 2018 and 2019?"
    assert found[question] == "35"


def test_rates_are_not_counts() -> None:
    assert "up to 80" not in {c.answer for c in run(GENERATOR, parsed("tricky"))}


def test_ranges_lists_and_relative_clauses_in_prepositional_phrases() -> None:
    article = parse_article(
        "Hurricane Delia killed at least 47 people and destroyed between 2,000 and 3,500 homes, "
        "officials said Friday.\n\n"
        "He was sentenced for his role in a ransomware scheme that attacked more than 60 "
        "hospitals, clinics and nursing homes.\n\n"
        "Nationwide, the CDC has counted 412 measles cases in 22 states so far this year, more "
        "than in all of 2024."
    )
    found = pairs(run(GENERATOR, article))
    assert found["How many people did Hurricane Delia kill?"] == "at least 47"
    assert found["How many homes did Hurricane Delia destroy?"] == "between 2,000 and 3,500"
    assert (
        found["How many hospitals, clinics and nursing homes did the ransomware scheme attack?"]
        == "more than 60"
    )
    # "so far this year" would read as an unresolved "this": the question leaves it out.
    assert found["How many measles cases has the CDC counted in 22 states?"] == "412"
    assert found["In how many states has the CDC counted 412 measles cases?"] == ("22")


def test_possessives_need_an_owner_of_the_right_number() -> None:
    article = parse_article(
        "The crew will carry out about 250 experiments during their stay.\n\n"
        "The department offered 3 rewards for their arrest."
    )
    found = pairs(run(GENERATOR, article))
    assert found["How many experiments will the crew carry out during their stay?"] == "about 250"
    assert not any("arrest" in question for question in found)


def test_partitive_with_an_owner_and_a_sentence_length() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert found["How many of the province’s 14 hospitals have run out of insulin?"] == "Nine"
    # 14 is the whole, not the number of hospitals without insulin.
    assert "14" not in found.values()
    question = (
        "To how many years in prison was a former bank manager sentenced on Friday for fraud?"
    )
    assert found[question] == "8"


def test_the_two_and_done_so_give_no_question() -> None:
    found = pairs(run(GENERATOR, parsed("wire")))
    assert "How many sides concluded the talks in June?" not in found
    assert not any("done so" in question for question in found)


def test_a_purpose_and_a_since_clause_stay_in_the_question() -> None:
    article = parse_article(
        "Under the new rules, the election board has 30 days to certify the results.\n\n"
        "At least 39 people have been killed since the protests began in June.\n\n"
        "The Dow Jones Industrial Average gained 312 points on Friday."
    )
    found = pairs(run(GENERATOR, article))
    question = (
        "How many days does the election board have to certify the results under the new rules?"
    )
    assert found[question] == "30"
    assert found["How many people have been killed since the protests began in June?"] == (
        "At least 39"
    )
    assert found["How many points did the Dow Jones Industrial Average gain on Friday?"] == "312"


def test_since_then_points_back_and_gives_no_question() -> None:
    article = parse_article(
        "Since then, the department has invested more than $5 billion in 380 projects."
    )
    assert run(GENERATOR, article) == []


def test_sums_of_money_are_asked_how_much_with_their_qualifiers() -> None:
    found = {c.question: (c.answer, c.kind) for c in run(GENERATOR, parsed("money"))}
    # The lead's main clause under a trailing reporting clause; "more than" stays in the answer.
    assert found[
        "How much is the United States providing in humanitarian assistance for the people of "
        "Sudan?"
    ] == ("more than $212 million", "MONEY")
    assert found["How much did the European Union pledge at the conference?"] == (
        "$1.4 billion",
        "MONEY",
    )
    assert found[
        "How much did the group extort from victims in 19 states between March 2021 and June 2023?"
    ] == ("between $25 million and $30 million", "MONEY")
    assert found["How much of the ransom payments had agents recovered so far?"] == (
        "about $7 million",
        "MONEY",
    )
    # A change by a sum: the preposition moves to the front.
    assert found["By how much would the bill reduce spending?"] == ("about $21 billion", "MONEY")
    # An adjective phrase set off after a noun is an aside, dropped with its comma.
    assert found["How much does the measure provide for the Defense Department?"] == (
        "$895 billion",
        "MONEY",
    )
    # The purpose of a payment stays in the question.
    budget = pairs(run(GENERATOR, parsed("budget")))
    assert budget["How much did the firm pay to settle the case?"] == "$40 million"


def test_percentages_are_asked_only_as_shares_changes_or_levels() -> None:
    found = {c.question: (c.answer, c.kind) for c in run(GENERATOR, parsed("money"))}
    assert found["What percentage of voters backed the measure in the referendum?"] == (
        "About 61%",
        "PERCENT",
    )
    assert found["By what percentage did inflation rise in March?"] == ("4.3%", "PERCENT")
    assert found["To what level did the central bank raise its benchmark rate?"] == (
        "5.25%",
        "PERCENT",
    )


def test_amounts_that_point_back_or_sit_in_absolute_phrases_are_skipped() -> None:
    candidates = run(GENERATOR, parsed("money"))
    answers = {c.answer for c in candidates}
    # "the $20 million would pay for food": the sum was named before, and "How much would pay
    # …?" is no English.
    assert "$20 million" not in answers
    # "With 96% of polling stations counted": not a clause about polling stations counting.
    assert "96%" not in answers
    assert not any(c.question.startswith("How much would") for c in candidates)
    # "fell from 9% in 2020 to 6% last year": a change between two levels is not asked.
    assert "6%" not in {c.answer for c in run(GENERATOR, parsed("wire"))}


def test_amount_questions_keep_their_evidence_and_answers_verbatim() -> None:
    article = parsed("money")
    amounts = [c for c in run(GENERATOR, article) if c.kind in {"MONEY", "PERCENT"}]
    assert len(amounts) >= 7
    for candidate in amounts:
        assert candidate.answer in article.text
        assert candidate.answer in candidate.evidence
        assert candidate.answer.lower() not in candidate.question.lower()


def test_a_count_inside_a_team_sent_somewhere_is_asked_through_the_verb() -> None:
    article = parse_article(
        "The agency deployed a Disaster Assistance Response Team of 16 specialists to "
        "Tegucigalpa on Thursday.\n\nThe panel of three judges ruled on Tuesday."
    )
    found = pairs(run(GENERATOR, article))
    assert found["How many specialists did the agency deploy to Tegucigalpa on Thursday?"] == "16"
    # A panel that is the subject is not sent anywhere: no question through a verb.
    assert "three" not in found.values()


def test_how_often_a_verb_happened_is_a_count_but_a_multiple_is_not() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["How many times has the city council inspected the old bridge since March?"] == (
        "four"
    )
    assert not any("faster" in question for question in found)


def test_a_time_counted_from_today_is_dropped_not_the_question() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["How many health ministers signed the declaration?"] == "Nineteen"


def test_a_purpose_clause_read_as_a_complement_is_not_asked_through_the_main_verb() -> None:
    questions = pairs(run(GENERATOR, parsed("reports")))
    assert not any("use most of the grant" in question for question in questions)


def test_of_them_counts_the_one_group_counted_just_before() -> None:
    found = pairs(run(GENERATOR, parsed("reports")))
    assert found["How many hospitals have closed their clinics?"] == "Seven"
    article = parse_article("The company has 40 stores and 3 warehouses. Ten of them will close.")
    assert "Ten" not in pairs(run(GENERATOR, article)).values()  # two groups: which one?


def test_an_example_list_is_an_aside_never_a_fronted_preposition() -> None:
    article = parse_article(
        "Police arrested 30 people, including two journalists, on Friday.\n\n"
        "More than 9,000 people have fled the region, including 2,000 who crossed into Chad."
    )
    assert pairs(run(GENERATOR, article)) == {
        "How many people did police arrest on Friday?": "30",
        "How many people have fled the region?": "More than 9,000",
    }


def test_counts_of_things_ranges_and_measured_substances() -> None:
    article = parse_article(
        "The district agreed to release 42,000 acre-feet of water to farmers in the valley.\n\n"
        "The retailer said it would close 14 stores across the Midwest by the end of March.\n\n"
        "Seven vehicles fell into the river when the bridge collapsed on Tuesday night.\n\n"
        "Between 55 and 60 boats took part in the rescue off the coast of Sicily.\n\n"
        "Officials said 55 to 60 homes were destroyed by the wildfire in northern Nevada."
    )
    found = pairs(run(GENERATOR, article))
    assert (
        found["How much water did the district agree to release to farmers in the valley?"]
        == "42,000 acre-feet"
    )
    assert (
        found["How many stores would the retailer close across the Midwest by the end of March?"]
        == "14"
    )
    assert found[
        "How many vehicles fell into the river when the bridge collapsed on Tuesday night?"
    ]
    # A range is the whole answer, never split into "How many and 60 …?".
    assert found["How many boats took part in the rescue off the coast of Sicily?"] == (
        "Between 55 and 60"
    )
    assert found["How many homes were destroyed by the wildfire in northern Nevada?"] == "55 to 60"
    assert not any(" and 60" in question or " to 60" in question for question in found)


def test_worth_is_asked_how_much_only_for_a_named_subject() -> None:
    article = parse_article(
        "The contract is worth $1.2 billion over five years.\n\n"
        "The new stadium deal will be worth $450 million to the city, the mayor said.\n\n"
        "Officials said the settlement was worth about $38.5 million.\n\n"
        "The painting, which is worth $9 million, was stolen from the museum in 2019.\n\n"
        "It is worth $5 million.\n\n"
        "A deal worth $2 billion was signed in Brussels."
    )
    found = pairs(run(GENERATOR, article))
    assert found["How much is the contract worth over five years?"] == "$1.2 billion"
    assert found["How much will the new stadium deal be worth to the city?"] == "$450 million"
    assert found["How much was the settlement worth?"] == "about $38.5 million"
    answers = set(found.values())
    assert not answers & {"$9 million", "$5 million", "$2 billion"}


def test_a_sum_in_front_of_a_named_deal_or_plan_is_its_value_or_cost() -> None:
    article = parse_article(
        "Microsoft agreed to a $68.7 billion deal to buy Activision Blizzard.\n\n"
        "The state launched a $310 million program to replace lead pipes in older cities.\n\n"
        "The company signed a $50 million deal with the league last year.\n\n"
        "Congress passed a $1.2 trillion package of spending bills on Friday."
    )
    found = pairs(run(GENERATOR, article))
    assert found["How much is the deal to buy Activision Blizzard worth?"] == "$68.7 billion"
    assert (
        found["How much does the program to replace lead pipes in older cities cost?"]
        == "$310 million"
    )
    # "the deal" alone would not say which deal; a package is no priced plan.
    assert not {"$50 million", "$1.2 trillion"} & set(found.values())


def test_a_partitive_of_a_group_pointed_back_to_is_asked_of_the_group() -> None:
    """ "31 of those patients" -> "How many of the patients …?"; "of them" stays unasked."""
    from quizapp.generation.how_many import HowManyGenerator
    from quizapp.generation.parsing import parse_article

    text = (
        "The board said the harbor rules changed.\n\nThe Harbor Department of Health said 31"
        " of those patients had been hospitalized and two had died. Nine of them were fined."
    )
    asked = {c.answer: c.question for c in HowManyGenerator().generate(parse_article(text))}
    assert asked["31"] == "How many of the patients had been hospitalized?"
    assert "Nine" not in asked
