"""Ranking: the learned model's dot product orders the candidates; serving keeps the quiz
varied (a repeat of an answer, a third question from one sentence or a give-away must win by
a clear margin), and nothing is dropped."""

from __future__ import annotations

import re

import pytest

from quizapp.generation import ranking
from quizapp.generation.parsing import parse_article
from quizapp.generation.types import Candidate

pytestmark = pytest.mark.slow

# 58 words: a budget of three questions.
TEXT = (
    "The U.S. Federal Reserve left its benchmark interest rate unchanged on Wednesday. The"
    " decision by the Federal Open Market Committee was approved 10-2, with governors Marcus"
    " Bell and Lisa Moreno dissenting. Chair Martin Keller said the committee would keep"
    " watching prices. Inflation eased to 3.5% in March, the Labor Department said, and"
    " employers added 175,000 jobs."
)
FED = "The U.S. Federal Reserve left its benchmark interest rate unchanged on Wednesday."
VOTE = (
    "The decision by the Federal Open Market Committee was approved 10-2, with governors Marcus"
    " Bell and Lisa Moreno dissenting."
)
PRICES = (
    "Inflation eased to 3.5% in March, the Labor Department said, and employers added 175,000 jobs."
)

WHICH_ORG = Candidate(
    "which_org",
    "Which organization left its benchmark interest rate unchanged on Wednesday?",
    "The U.S. Federal Reserve",
    FED,
    0,
    "ORG",
    1.0,
)
WHEN = Candidate(
    "when",
    "When did the U.S. Federal Reserve leave its benchmark interest rate unchanged?",
    "Wednesday",
    FED,
    0,
    "DATE",
    0.98,
)
VOTE_Q = Candidate(
    "which_org",
    "Which committee approved the decision 10-2?",
    "the Federal Open Market Committee",
    VOTE,
    1,
    "ORG",
    0.9,
)
PRICES_Q = Candidate(
    "how_many", "How many jobs did employers add?", "175,000", PRICES, 3, "NUMBER", 0.8
)


# Scores from confidence alone, so only the serving penalties reorder the list.
WEIGHTS = {"confidence": 1.0}


def questions(candidates: list[Candidate], weights: dict[str, float] = WEIGHTS) -> list[str]:
    """The served order of the Fed article's candidates."""
    return [c.question for c, _ in ranking.rank(candidates, parse_article(TEXT), None, weights)]


def test_the_score_is_the_dot_product_of_weights_and_features() -> None:
    assert ranking.logit({"bias": 1.0, "lead": 1.0, "kind=ORG": 1.0}, {"bias": -1, "lead": 2}) == 1
    assert ranking.logit({"position": 0.5}, {}) == 0


def test_the_shipped_weights_name_only_generic_features() -> None:
    weights = ranking.load_weights()
    assert len(weights) > 10
    allowed = re.compile(r"^[a-z_@]+(=[A-Za-z_]+)?(&[a-z_]+(=[A-Za-z_]+)?)?$")
    assert all(allowed.match(name) for name in weights), sorted(weights)


def test_a_second_question_with_a_served_answer_waits() -> None:
    same = Candidate(
        "who",
        "Who chairs the committee?",
        "the Federal Open Market Committee",
        VOTE,
        1,
        "ORG",
        0.85,
    )
    order = questions([VOTE_Q, same, PRICES_Q])
    assert order == [VOTE_Q.question, PRICES_Q.question, same.question]


def test_a_served_answer_under_another_form_waits_too() -> None:
    # "the Federal Reserve" is "The U.S. Federal Reserve" without its country: one body.
    other_form = Candidate(
        "who",
        "Who watches prices?",
        "the Federal Reserve",
        VOTE,
        2,
        "ORG",
        0.85,
    )
    order = questions([WHICH_ORG, other_form, PRICES_Q])
    assert order == [WHICH_ORG.question, PRICES_Q.question, other_form.question]


def test_every_form_of_one_name_gets_one_key() -> None:
    answers = [
        ("the U.S. State Department", "ORG"),
        ("The State Department", "ORG"),
        ("the Commerce Department", "ORG"),
        ("Lisa Moreno", "PERSON"),
        ("Moreno", "PERSON"),
        ("Marcus Bell", "PERSON"),
        ("Oxford University", "ORG"),
        ("the University of Oxford", "ORG"),
    ]
    candidates = [
        Candidate("who", f"Q{index}?", answer, FED, 0, kind, 0.5)
        for index, (answer, kind) in enumerate(answers)
    ]
    keys = ranking.one_key_per_thing(
        candidates, [f"key {index}" for index in range(len(answers))], [k for _, k in answers]
    )
    assert keys[0] == keys[1] and keys[3] == keys[4] and keys[6] == keys[7]
    assert len(set(keys)) == 5


def test_a_third_question_from_one_sentence_waits() -> None:
    rate = Candidate("how_many", "What did inflation ease to?", "3.5%", PRICES, 3, "NUMBER", 0.99)
    source = Candidate(
        "which_org",
        "Which department reported the figure?",
        "the Labor Department",
        PRICES,
        3,
        "ORG",
        0.98,
    )
    jobs = Candidate(PRICES_Q.type, PRICES_Q.question, PRICES_Q.answer, PRICES, 3, "NUMBER", 0.97)
    order = questions([rate, source, jobs, VOTE_Q])
    assert order == [rate.question, source.question, VOTE_Q.question, jobs.question]


def test_a_question_that_names_a_served_answer_waits() -> None:
    # "When did the U.S. Federal Reserve …?" states the answer of the which-org question even
    # if the two came from different sentences.
    moved = Candidate(WHEN.type, WHEN.question, WHEN.answer, PRICES, 3, "DATE", 0.98)
    order = questions([WHICH_ORG, moved, VOTE_Q])
    assert order == [WHICH_ORG.question, VOTE_Q.question, moved.question]


def test_a_clearly_better_repeat_still_goes_first() -> None:
    moved = Candidate(WHEN.type, WHEN.question, WHEN.answer, PRICES, 3, "DATE", 0.98)
    weak = Candidate(VOTE_Q.type, VOTE_Q.question, VOTE_Q.answer, VOTE, 1, "ORG", 0.1)
    order = questions([WHICH_ORG, moved, weak], {"confidence": 10.0})
    assert order == [WHICH_ORG.question, moved.question, weak.question]


def test_nothing_is_dropped_and_scores_never_rise() -> None:
    ranked = ranking.rank([WHICH_ORG, WHEN, VOTE_Q, PRICES_Q], parse_article(TEXT), None, WEIGHTS)
    assert len(ranked) == 4
    scores = [value for _, value in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < value < 1.0 for value in scores)


def test_a_short_answer_question_waits_for_a_multiple_choice_one() -> None:
    # The which-org question found no three distractors (no choices): served as short answer,
    # it must beat a multiple-choice alternative by SHORT_ANSWER_PENALTY.
    article = parse_article(TEXT)
    candidates = [WHICH_ORG, VOTE_Q, PRICES_Q]
    choices = [(), ("a", "b", "c", "d"), ("1", "2", "3", "4")]
    order = [c.question for c, _ in ranking.rank(candidates, article, None, WEIGHTS, choices)]
    assert order == [VOTE_Q.question, PRICES_Q.question, WHICH_ORG.question]
    # Without choices given, or clearly better, it keeps its place.
    assert questions(candidates)[0] == WHICH_ORG.question
    strong = {"confidence": 10.0}
    order = [c.question for c, _ in ranking.rank(candidates, article, None, strong, choices)]
    assert order[0] == WHICH_ORG.question


def test_one_stem_with_another_answer_waits() -> None:
    # "Who dissented?" with two answers is one question with two right answers.
    first = Candidate("who", "Who dissented?", "Marcus Bell", VOTE, 1, "PERSON", 0.9)
    second = Candidate("who", "Who dissented?", "Lisa Moreno", VOTE, 1, "PERSON", 0.85)
    order = questions([first, second, PRICES_Q])
    assert order == [first.question, PRICES_Q.question, second.question]
    assert ranking.given_away_pairs([first, second]) == [{1}, {0}]


def test_a_third_question_with_one_answer_comes_after_everything_else() -> None:
    """Even a much better third question with a served answer waits for every other one."""
    repeats = [
        Candidate("which_org", f"Which committee met {day}?", VOTE_Q.answer, VOTE, 1, "ORG", 0.9)
        for day in ("on Monday", "on Tuesday", "on Friday")
    ]
    weak = Candidate(PRICES_Q.type, PRICES_Q.question, PRICES_Q.answer, PRICES, 3, "NUMBER", 0.1)
    order = questions([*repeats, weak], {"confidence": 10.0})
    assert order[:2] == [repeats[0].question, repeats[1].question]
    assert order[2] == weak.question
