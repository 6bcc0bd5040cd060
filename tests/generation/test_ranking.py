"""Ranking: the top of the list (one question per 20 words) avoids repeating a sentence or
giving a chosen question away, without dropping questions when there are too few."""

from __future__ import annotations

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


@pytest.fixture(autouse=True)
def _confidence_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores from confidence alone, so only selection and decays order the list."""
    monkeypatch.setattr(ranking, "score", lambda candidate, *_: candidate.confidence)


def questions(candidates: list[Candidate]) -> list[str]:
    """The ranked questions for the Fed article."""
    return [c.question for c, _ in ranking.rank(candidates, parse_article(TEXT))]


def test_the_budget_is_one_question_per_twenty_words() -> None:
    assert ranking.question_budget(parse_article(TEXT)) == 3


def test_a_second_question_on_the_same_sentence_waits_behind_other_sentences() -> None:
    order = questions([WHICH_ORG, WHEN, VOTE_Q, PRICES_Q])
    assert order[:3] == [WHICH_ORG.question, VOTE_Q.question, PRICES_Q.question]
    assert order[3] == WHEN.question  # kept, after the budget


def test_a_question_that_names_a_chosen_answer_waits() -> None:
    # "When did the U.S. Federal Reserve …?" states the answer of the which-org question even
    # if the two came from different sentences.
    moved = Candidate(WHEN.type, WHEN.question, WHEN.answer, PRICES, 3, "DATE", 0.98)
    order = questions([WHICH_ORG, moved, VOTE_Q])
    assert order == [WHICH_ORG.question, VOTE_Q.question, moved.question]


def test_too_few_questions_keep_the_repeats_inside_the_budget() -> None:
    order = questions([WHICH_ORG, WHEN, VOTE_Q])
    assert sorted(order) == sorted([WHICH_ORG.question, WHEN.question, VOTE_Q.question])


def test_scores_never_rise_down_the_list() -> None:
    scores = [
        value for _, value in ranking.rank([WHICH_ORG, WHEN, VOTE_Q, PRICES_Q], parse_article(TEXT))
    ]
    assert scores == sorted(scores, reverse=True)
