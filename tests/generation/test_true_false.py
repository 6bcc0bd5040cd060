"""The true_false generator on real sentences: true statements and one-fact false twins."""

from __future__ import annotations

import re

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.true_false import PREFIX, TrueFalseGenerator, _names_same_thing
from tests.generation.people_articles import (
    ARTICLES,
    ODD_INPUTS,
    checked_on_article,
    checked_on_odd_input,
    parsed,
    run,
)

pytestmark = pytest.mark.slow

GENERATOR = TrueFalseGenerator()


def statement(question: str) -> str:
    """The statement inside a true/false question."""
    return question.removeprefix(f"{PREFIX} ").removesuffix(".")


def words(text: str) -> list[str]:
    """The words of a text without the punctuation around them."""
    return [w.strip(",.;:?!").lower() for w in text.split() if w.strip(",.;:?!")]


def is_cut_from(statement_text: str, sentence: str) -> bool:
    """Whether a statement is the sentence with parts left out (its words, in order)."""
    remaining = iter(words(sentence))
    return all(word in remaining for word in words(statement_text))


def test_seed_statements_alternate_and_false_twins_swap_one_fact() -> None:
    found = [(c.question, c.answer) for c in run(GENERATOR, parsed("seed"))]
    # The first sentence loses its attribution (", a senior U.S. official said Thursday"); the
    # false twin swaps a person and leaves out "Wednesday", which a "when" question may ask.
    assert found[:3] == [
        (
            "True or false: The latest U.S. sanctions on North Korea are aimed at sending a warning"
            " to North Korean leader Kim Jong Un and other officials over human rights abuses.",
            "True",
        ),
        (
            "True or false: The United States imposed sanctions on Tom Malinowski and 10 other top"
            " officials for grossly violating human rights.",
            "False",
        ),
        ("True or false: Eight North Korean entities were also blacklisted.", "True"),
    ]


def test_true_statements_are_the_main_clause_of_the_sentence() -> None:
    found = run(GENERATOR, parsed("myanmar"))
    for candidate in found:
        if candidate.answer == "True":
            assert is_cut_from(statement(candidate.question), candidate.evidence)
    # ", according to the United Nations" is left out.
    assert (
        "True or false: An estimated 700,000 Rohingya have fled to Bangladesh since August 2017."
    ) in [c.question for c in found]


def test_appositions_and_side_clauses_are_left_out() -> None:
    article = parse_article(
        "NASA astronaut Andre Whitfield, a geologist from Oregon, is the pilot of the mission.\n\n"
        "Health workers began going door to door on Monday in four southern counties, where an"
        " outbreak has sickened 126 people since January, state officials said."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article) if c.answer == "True"]
    assert "NASA astronaut Andre Whitfield is the pilot of the mission" in statements
    assert all("," not in text and "said" not in text for text in statements)


def swapped(statement_text: str, sentence: str) -> tuple[str, str]:
    """The one stretch in which a statement differs from its sentence: (new, old)."""
    prefix = 0
    while prefix < min(len(statement_text), len(sentence)) and (
        statement_text[prefix] == sentence[prefix]
    ):
        prefix += 1
    suffix = 0
    while suffix < min(len(statement_text), len(sentence)) - prefix and (
        statement_text[-1 - suffix] == sentence[-1 - suffix]
    ):
        suffix += 1
    # Widen to whole words so "Wednesday"/"Thursday" compare as words, not "Wedn"/"Thurs".
    start = max(statement_text.rfind(" ", 0, prefix) + 1, 0)
    new_end = len(statement_text) - suffix
    old_end = len(sentence) - suffix
    return statement_text[start:new_end].strip(" ,"), sentence[start:old_end].strip(" ,")


def test_false_twins_differ_from_their_sentence_in_one_mention_of_the_same_kind() -> None:
    article = parsed("myanmar")
    found = {c.question: c for c in run(GENERATOR, article)}
    twin = found[
        "True or false: Treasury Secretary Heather Nauert announced the measures at a news"
        " conference in Washington."
    ]
    assert twin.answer == "False"
    assert twin.evidence == (
        "Treasury Secretary Steven Mnuchin announced the measures at a news conference in"
        " Washington."
    )
    false_ones = [c for c in found.values() if c.answer == "False"]
    assert len(false_ones) >= 3
    for candidate in false_ones:
        new, old = swapped(statement(candidate.question) + ".", candidate.evidence)
        assert new and old and new != old
        assert new in article.text  # the swapped-in fact comes from the same article


def test_he_is_replaced_by_the_person_only_when_certain() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("cyclone"))]
    # "He met survivors on Tuesday." follows "Mnangagwa cut short a visit ...".
    assert any(
        q.startswith("True or false: Emmerson Mnangagwa met survivors on") for q in questions
    )
    # "He said roads ..." follows a sentence naming Joshua Sacco and VOA: resolved or dropped,
    # never left as "He".
    assert not any(" He " in f" {statement(q)} " for q in questions)


def test_quotes_pronouns_and_connectives_are_never_statements() -> None:
    article = parse_article(
        "The floods killed 12 people in Kenya on Monday.\n\n"
        "It was the worst disaster in a decade. However, aid reached Nairobi on Tuesday.\n\n"
        '"We lost everything," said farmer Jane Wanjiku. They blamed the government of Kenya.'
    )
    questions = [c.question for c in run(GENERATOR, article)]
    # "on Monday" names a date another question may ask about: a true statement leaves it out.
    assert questions == ["True or false: The floods killed 12 people in Kenya."]


def test_dateline_is_not_part_of_the_statement() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("election"))]
    assert questions[0] == (
        "True or false: Kenya's Supreme Court on Friday annulled the August 8 presidential"
        " election and ordered a new vote."
    )


def test_same_article_same_questions() -> None:
    first = run(GENERATOR, parsed("cyclone"))
    again = run(GENERATOR, parse_article(parsed("cyclone").text))
    assert first == again


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    article = parsed(name)
    candidates = checked_on_article(GENERATOR, name, "BOOL")
    assert {c.answer for c in candidates} <= {"True", "False"}
    for candidate in candidates:
        assert candidate.choices == ("True", "False")
        assert candidate.question.startswith(PREFIX)
        assert candidate.evidence in [s.text.strip() for s in article.sentences]
        said = statement(candidate.question)
        evidence = candidate.evidence
        if evidence.startswith(("He ", "She ")):  # "He" became the person's full name
            evidence = evidence.split(" ", 1)[1]
            verb = words(evidence)[0]
            assert verb in words(said)
            said = " ".join(words(said)[words(said).index(verb) :])
        # True: the sentence's main clause, less a dateline ("NAIROBI — "); False: not that.
        assert is_cut_from(said, evidence) == (candidate.answer == "True")


def test_a_mix_of_true_and_false_over_the_evaluation_articles() -> None:
    answers = [c.answer for name in ARTICLES for c in run(GENERATOR, parsed(name))]
    assert answers.count("True") >= 3
    assert answers.count("False") >= 3


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    checked_on_odd_input(GENERATOR, text, "BOOL")


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("House", "U.S. House of Representatives"),
        ("EU", "the European Union"),
        ("Solís", "Andrea Solís Vargas"),
        ("the U.S.", "United States"),
    ],
)
def test_a_name_for_the_same_thing_is_never_a_swap(new: str, old: str) -> None:
    assert _names_same_thing(new, old)


@pytest.mark.parametrize(
    ("new", "old"), [("Brazil", "Argentina"), ("10", "Eight"), ("2019", "2024")]
)
def test_different_things_may_be_swapped(new: str, old: str) -> None:
    assert not _names_same_thing(new, old)


def test_swaps_keep_the_grammar_and_never_use_a_misread_name() -> None:
    article = parse_article(
        "The fire started Thursday in dry brush near Grants Pass.\n\n"
        "Governor Laura Whitman declared a state of emergency on Friday.\n\n"
        "Sheriff Dave Hollister ordered the town of Merlin to evacuate on Friday.\n\n"
        "The House approved the bill by a vote of 286-134 on Saturday.\n\n"
        "Scientists say hotter summers have made wildfires in the western United States larger.\n\n"
        "Crews from Oregon, Washington and Idaho arrived Sunday in California."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert statements
    assert not any("Grants Pass" in text and "Governor" in text for text in statements)
    assert not any("Sheriff Grants Pass" in text for text in statements)
    assert not any("-134" in text and "286-134" not in text for text in statements)
    assert not any(re.search(r"the western (?!United States)", text) for text in statements)


def test_a_number_word_swapped_into_a_sentence_is_lower_case() -> None:
    article = parse_article(
        "Nine of the companies are based in China, the department said.\n\n"
        "The State Department designated four Russian officials for corruption on Monday.\n\n"
        "The Commerce Department added 17 companies to its Entity List on Tuesday."
    )
    for candidate in run(GENERATOR, article):
        if candidate.answer == "False" and not candidate.question.startswith(f"{PREFIX} Nine"):
            assert " Nine " not in candidate.question


def test_sentences_that_lean_on_the_one_before_are_not_statements() -> None:
    article = parse_article(
        "Eleven schools have closed since January in New Mexico.\n\n"
        "Four schools have done so since March in Texas.\n\n"
        "Lawmakers had kept the government open since then with three short-term measures.\n\n"
        "The three will replace the Crew-11 astronauts on the station in March."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert not any(
        "done so" in s or "since then" in s or s.startswith("The three") for s in statements
    )


def test_an_institution_is_never_swapped_for_its_parent_body() -> None:
    assert _names_same_thing("European Union", "European Commission")
    article = parse_article(
        "The European Union signed a trade agreement with Mercosur on Saturday in Montevideo.\n\n"
        "The EU will cut tariffs on beef from Brazil and Argentina over six years.\n\n"
        "France and Ireland oppose the deal, and farmers protested in Brussels on Friday.\n\n"
        "The European Commission estimates that the deal will save European companies about"
        " 4 billion euros a year in duties."
    )
    for candidate in run(GENERATOR, article):
        if candidate.evidence.startswith("The European Commission"):
            said = statement(candidate.question)
            assert not said.startswith(("The EU ", "The European Union ")), said


def test_a_swapped_number_keeps_the_size_of_the_true_one() -> None:
    article = parse_article(
        "Solís promised to hire 4,000 new police officers over four years.\n\n"
        "In the February vote, the National Renewal Alliance won 23 of the 57 seats in the"
        " Legislative Assembly.\n\n"
        "The tribunal counted 31 ballot boxes again on Monday."
    )
    for candidate in run(GENERATOR, article):
        assert "4,000 of the 57" not in candidate.question


def test_a_bare_stand_in_for_a_body_named_before_is_no_statement() -> None:
    article = parse_article(
        "The U.S. Agency for International Development sent $20 million in aid to Honduras.\n\n"
        "The agency deployed a team of 16 specialists to Tegucigalpa on Thursday.\n\n"
        "Twelve of the country’s 18 departments remain under a red alert in Honduras."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert statements
    assert not any("The agency" in s or "the country’s" in s for s in statements)


def test_adjuncts_naming_other_facts_are_left_out_only_when_optional() -> None:
    article = parse_article(
        "Governor Laura Whitman declared a state of emergency on Friday in Salem.\n\n"
        "The last government shutdown, in the winter of 2018 and 2019, lasted 35 days.\n\n"
        "Hrytsenko was arrested in Poland in May 2024 at the request of the United States."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert "Governor Laura Whitman declared a state of emergency" in statements
    # "lasted" and "was arrested" need what follows them: nothing is left out.
    assert not any(text.endswith(("lasted", "was arrested")) for text in statements)


def test_an_attribution_after_the_verb_keeps_the_comma_before_what_follows() -> None:
    article = parse_article(
        "Rents rose 6.1% in the 12 months through April, according to the Central Statistics"
        " Office, down from a peak of 8.4% in May 2023."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert statements == [
        "Rents rose 6.1% in the 12 months through April, down from a peak of 8.4% in May 2023"
    ]


def test_a_possessive_of_the_named_subject_stays_in_a_statement() -> None:
    article = parse_article(
        "Portugal spends about 4% of its budget on public transport. The ministry said its plan"
        " would cut fares in 2027."
    )
    statements = [statement(c.question) for c in run(GENERATOR, article)]
    assert statements == ["Portugal spends about 4% of its budget on public transport"]
