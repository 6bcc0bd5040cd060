"""The true_false generator on real sentences: true statements and one-fact false twins."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.true_false import PREFIX, TrueFalseGenerator
from tests.generation.people_articles import ARTICLES, ODD_INPUTS, assert_well_formed, parsed, run

pytestmark = pytest.mark.slow

GENERATOR = TrueFalseGenerator()


def statement(question: str) -> str:
    """The statement inside a true/false question."""
    return question.removeprefix(f"{PREFIX} ").removesuffix("?")


def test_seed_statements_alternate_and_false_twins_swap_one_fact() -> None:
    found = [(c.question, c.answer) for c in run(GENERATOR, parsed("seed"))]
    assert found[:2] == [
        (
            "True or false: The United States imposed sanctions on Kim and 10 other top officials"
            " Wednesday for grossly violating human rights?",
            "True",
        ),
        ("True or false: 10 North Korean entities were also blacklisted?", "False"),
    ]


def test_true_statements_are_the_sentence_as_written() -> None:
    for candidate in run(GENERATOR, parsed("myanmar")):
        if candidate.answer == "True":
            assert statement(candidate.question) + "." == candidate.evidence


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
        " conference in Washington?"
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
    assert questions == ["True or false: The floods killed 12 people in Kenya on Monday?"]


def test_dateline_is_not_part_of_the_statement() -> None:
    questions = [c.question for c in run(GENERATOR, parsed("election"))]
    assert questions[0] == (
        "True or false: Kenya's Supreme Court on Friday annulled the August 8 presidential"
        " election and ordered a new vote within 60 days?"
    )


def test_same_article_same_questions() -> None:
    first = run(GENERATOR, parsed("cyclone"))
    again = run(GENERATOR, parse_article(parsed("cyclone").text))
    assert first == again


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_candidate_meets_the_quality_rules(name: str) -> None:
    article = parsed(name)
    candidates = run(GENERATOR, article)
    assert candidates
    assert_well_formed(candidates, article, "BOOL")
    assert {c.answer for c in candidates} <= {"True", "False"}
    for candidate in candidates:
        assert candidate.choices == ("True", "False")
        assert candidate.question.startswith(PREFIX)
        assert candidate.evidence in [s.text.strip() for s in article.sentences]
        sentence = statement(candidate.question) + "."
        if candidate.answer == "False":
            assert sentence != candidate.evidence
        elif candidate.evidence.startswith(("He ", "She ")):
            assert sentence.endswith(candidate.evidence.split(" ", 1)[1])
        else:  # as written, less a dateline ("NAIROBI — ")
            assert candidate.evidence.endswith(sentence)


def test_a_mix_of_true_and_false_over_the_evaluation_articles() -> None:
    answers = [c.answer for name in ARTICLES for c in run(GENERATOR, parsed(name))]
    assert answers.count("True") >= 3
    assert answers.count("False") >= 3


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_input_never_raises(text: str) -> None:
    article = parse_article(text)
    candidates = run(GENERATOR, article)
    assert_well_formed(candidates, article, "BOOL")
    assert len(candidates) <= 1
