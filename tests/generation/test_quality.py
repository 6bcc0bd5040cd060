"""The quality bar every candidate question passes, on real sentences of the seed article."""

from __future__ import annotations

import pytest

from quizapp.generation.parsing import parse_article
from quizapp.generation.quality import (
    MIN_STATEMENTS,
    contains_answer,
    drop_giveaway_statements,
    filter_candidates,
    has_unresolved_pronoun,
    rejection_reason,
)
from quizapp.generation.types import Candidate, ParsedArticle

pytestmark = pytest.mark.slow

TEXT = (
    "The United States imposed sanctions on Kim Jong Un and 10 other top officials Wednesday for "
    "grossly violating human rights. Eight North Korean entities were also blacklisted.\n\n"
    "Malinowski called on Pyongyang to stop threatening rhetoric, dismissing it as a tactic to "
    "escalate tensions, Tom Malinowski said."
)
EIGHT = "Eight North Korean entities were also blacklisted."
IMPOSED = TEXT.split(" Eight")[0]


@pytest.fixture(scope="module")
def article() -> ParsedArticle:
    """The parsed sentences."""
    return parse_article(TEXT)


def candidate(question: str, answer: str, **changes: object) -> Candidate:
    """A how_many candidate on the "Eight" sentence, with changes."""
    fields: dict[str, object] = {
        "type": "how_many",
        "question": question,
        "answer": answer,
        "evidence": EIGHT,
        "sentence_index": 1,
        "kind": "NUMBER",
        "confidence": 0.9,
    }
    fields.update(changes)
    return Candidate(**fields)  # type: ignore[arg-type]


def test_a_good_question_passes(article: ParsedArticle) -> None:
    good = candidate("How many North Korean entities were also blacklisted?", "Eight")
    assert rejection_reason(good, article) is None


@pytest.mark.parametrize(
    ("question", "answer", "kind", "reason"),
    [
        (
            "How many North Korean entities were also blacklisted",
            "Eight",
            "NUMBER",
            "question mark",
        ),
        ("Were eight North Korean entities also blacklisted?", "Eight", "NUMBER", "contains"),
        ("Who imposed sanctions on Kim?", "Kim Jong Un", "PERSON", "contains"),
        ("Who called on Pyongyang, Malinowski or Kerry?", "Tom Malinowski", "PERSON", "contains"),
        ("Which country did the U.S. punish?", "United States", "GPE", "contains"),
        ("How many entities did he blacklist?", "Eight", "NUMBER", "pronoun"),
        ("What did they do to this group?", "Eight", "NUMBER", "pronoun"),
        ("Who blacklisted the entities?", "they", "PERSON", "only a pronoun"),
        ("How many entities were named?", "Nine", "NUMBER", "not a span"),
        ("How many " + "very " * 30 + "entities?", "Eight", "NUMBER", "longer than"),
        ("?", "", "NUMBER", "empty"),
        ("How many seats has the Harbor Party (HP won?", "Eight", "NUMBER", "bracket"),
        ("Who was sanctioned Wednesday?", "officials) or Kim", "PERSON", "bracket"),
        ("How many entities were also blacklisted?", ", Eight", "NUMBER", "punctuation"),
    ],
)
def test_bad_questions_are_rejected(
    article: ParsedArticle, question: str, answer: str, kind: str, reason: str
) -> None:
    found = rejection_reason(candidate(question, answer, kind=kind), article)
    assert found is not None and reason in found


def test_an_answer_cut_inside_an_acronym_or_after_a_comma_is_mended(article: ParsedArticle) -> None:
    cut = candidate(
        "Who was sanctioned Wednesday?",
        "Kim Jong Un (KJU",
        kind="PERSON",
        evidence=IMPOSED,
        sentence_index=0,
    )
    comma = candidate("How many entities were also blacklisted?", ", Eight")
    kept = filter_candidates([cut, comma], article)
    assert [c.answer for c in kept] == ["Kim Jong Un", "Eight"]


def test_a_number_is_never_the_answer_to_a_which_law_question(article: ParsedArticle) -> None:
    law = candidate("Which law blacklisted the entities?", "10", type="which_law", kind="LAW")
    reason = rejection_reason(law, article)
    assert reason is not None and "a number asked as a name" in reason
    count = candidate("How many other top officials were sanctioned?", "10", evidence=IMPOSED)
    assert rejection_reason(count, article) is None


def test_pronouns_inside_a_quotation_are_fine() -> None:
    assert not has_unresolved_pronoun('Who said, "We know what is happening"?')
    assert not has_unresolved_pronoun("Who said, “They deserve their rights”?")
    assert has_unresolved_pronoun("Who said it was important?")
    assert not has_unresolved_pronoun("Which law requires the report that names abusers?")


def test_a_demonstrative_before_a_time_word_needs_no_antecedent() -> None:
    assert not has_unresolved_pronoun("How many trains did the railway cancel this week?")
    assert not has_unresolved_pronoun("How many patients did the clinic treat this year?")
    assert has_unresolved_pronoun("Who sponsored this bill?")
    assert has_unresolved_pronoun("How many of these did the court reject?")


def test_contains_answer_normalises_both_sides() -> None:
    assert contains_answer("Did the United States act?", "the U.S.")
    assert contains_answer("Were 8 entities blacklisted?", "Eight")
    assert not contains_answer("How many entities were blacklisted?", "Eight")
    assert not contains_answer("Who met the 80 delegates?", "8")


def test_true_false_answers_need_not_be_spans(article: ParsedArticle) -> None:
    statement = candidate(
        "True or false: Eight North Korean entities were also blacklisted.",
        "True",
        type="true_false",
        kind="",
        choices=("True", "False"),
    )
    assert rejection_reason(statement, article) is None


def test_one_question_per_fact_keeps_the_most_confident(article: ParsedArticle) -> None:
    weak = candidate("How many North Korean entities were blacklisted?", "Eight", confidence=0.5)
    strong = candidate("How many North Korean entities were also blacklisted?", "Eight")
    reworded = candidate(
        "What number of North Korean entities got blacklisted?", "Eight", confidence=0.4
    )
    other = candidate(
        "How many other top officials did the United States impose sanctions on?",
        "10",
        evidence=IMPOSED,
        sentence_index=0,
    )
    kept = filter_candidates([weak, other, strong, reworded], article)
    assert kept == [other, strong]


def test_similar_questions_with_different_answers_are_both_kept(article: ParsedArticle) -> None:
    first = candidate("How many entities were blacklisted?", "Eight")
    second = candidate(
        "How many entities were blacklisted?", "10", evidence=IMPOSED, sentence_index=0
    )
    assert len(filter_candidates([first, second], article)) == 2


def test_a_statement_that_states_another_answer_is_dropped() -> None:
    who = candidate(
        "Who is commanding the mission?",
        "Jessica Moreno",
        type="who",
        kind="PERSON",
        evidence="NASA astronaut Jessica Moreno, 44, is commanding the mission.",
        sentence_index=2,
    )
    telling = candidate(
        "True or false: NASA astronaut Jessica Moreno, 44, is commanding the mission.",
        "True",
        type="true_false",
        kind="BOOL",
        evidence=who.evidence,
        sentence_index=2,
        choices=("True", "False"),
    )
    other = candidate(
        "True or false: The capsule separated from the rocket nine minutes later.",
        "True",
        type="true_false",
        kind="BOOL",
        evidence="About nine minutes later, the capsule separated from the rocket.",
        sentence_index=3,
        choices=("True", "False"),
    )
    small = candidate("How many capsules docked on Friday?", "two", evidence="Two docked.")
    kept = drop_giveaway_statements([who, telling, other, small, other, other])
    assert kept == [who, other, small, other, other]


def test_a_quiz_keeps_a_few_statements_that_give_away_the_least() -> None:
    def statement(text: str, confidence: float) -> Candidate:
        return candidate(
            f"True or false: {text}.",
            "True",
            type="true_false",
            kind="BOOL",
            choices=("True", "False"),
            confidence=confidence,
        )

    who = candidate("Who commands the mission?", "Jessica Moreno", type="who", kind="PERSON")
    when = candidate("When did the crew launch?", "Thursday", type="when", kind="DATE")
    both = statement("Jessica Moreno commands the crew that launched Thursday", 0.9)
    one = statement("Jessica Moreno commands the mission", 0.5)
    other = statement("The crew launched Thursday", 0.6)
    clean = statement("The capsule separated from the rocket nine minutes later", 0.4)
    kept = drop_giveaway_statements([who, when, both, one, other, clean])
    # The clean statement, then those that give the fewest answers away (more confident first).
    spare = [other, one, both][: MIN_STATEMENTS - 1]
    assert kept == [
        c for c in (who, when, both, one, other, clean) if c in (who, when, clean, *spare)
    ]
    assert both not in kept
    assert drop_giveaway_statements([who, both]) == [who, both]


def test_a_person_is_never_asked_as_what_organization_they_are(article: ParsedArticle) -> None:
    """ "Which organization is Tom Malinowski?" would be answered by a title ("Admiral")."""
    asked = candidate(
        "Which organization is Tom Malinowski?", "Pyongyang", type="which_org", kind="ORG"
    )
    assert rejection_reason(asked, article) == "a person's title asked as a thing"
    other = candidate(
        "Which organization is the tactic?", "Pyongyang", type="which_org", kind="ORG"
    )
    assert rejection_reason(other, article) != "a person's title asked as a thing"


def test_one_question_with_a_surname_and_with_the_full_name_is_kept_once(
    article: ParsedArticle,
) -> None:
    twins = [
        candidate(f"Who said {text}?", name, type="quote", kind="PERSON", evidence=TEXT)
        for text, name in (
            ("“Pyongyang must stop threatening rhetoric …”", "Tom Malinowski"),
            ('"Pyongyang must stop threatening rhetoric ..."', "Malinowski"),
        )
    ]
    kept = filter_candidates(twins, article)
    assert len(kept) == 1


def test_a_sentence_end_glued_into_a_question_is_rejected(article: ParsedArticle) -> None:
    glued = candidate("How much will be paid to the HbF. of the total loan?", "Eight")
    assert rejection_reason(glued, article) == "a sentence's full stop inside the question"
    titled = candidate("How many entities did Dr. Malinowski name?", "Eight")
    assert rejection_reason(titled, article) != "a sentence's full stop inside the question"


@pytest.mark.parametrize(
    ("question", "rejected"),
    [
        ("Which law does Executive Order implement?", True),
        ("Which law does E.O. implement?", True),
        ("Which law does Executive Order 14250 implement?", False),
        ("Which law does Executive Order (E.O.) 14250 implement?", False),
    ],
)
def test_an_executive_order_needs_its_number(
    article: ParsedArticle, question: str, rejected: bool
) -> None:
    asked = candidate(question, "Pyongyang", type="which_law", kind="LAW")
    reason = rejection_reason(asked, article)
    assert (reason == "an executive order named without its number") is rejected
