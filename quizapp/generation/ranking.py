"""Ranks candidates with the learned model, then keeps the served top of the list varied.

The model is a logistic regression over `features` fitted on real articles with gold questions
(`make train` writes `ranking_weights.json`); here it is only a dot product. Serving order is
greedy: the best remaining candidate goes next, but a second question with an answer already
served, a third from one sentence, or one whose stem states a served question's answer (or the
other way round) must beat the next alternative by a clear margin in the model's log-odds.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from quizapp.generation.distractor_roles import same_thing
from quizapp.generation.features import features
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.quality import is_telling_answer
from quizapp.generation.types import Candidate, ParsedArticle

WEIGHTS_FILE = Path(__file__).with_name("ranking_weights.json")
# Margins, in log-odds, a repeat must win by.
SAME_ANSWER_PENALTY = 2.5
# Each further question with that answer: a third "Who …? -> the same official" comes after
# every other candidate (a quiz that runs short is better than one fact asked three times).
REPEAT_PENALTY = 10.0
SAME_SENTENCE_PENALTY = 1.5
# Each question of a type already served costs a little: a quiz covers who, when, how many …
SAME_TYPE_PENALTY = 0.25
GIVEN_AWAY_PENALTY = 1.0
# A question that found no three acceptable distractors is served as short answer (a weaker
# item for a multiple-choice quiz): it must beat a multiple-choice alternative by this much.
SHORT_ANSWER_PENALTY = 1.0
# The first SERVED questions are the quiz itself (QUESTIONS_PER_ARTICLE): inside it a question
# whose stem states another's answer has to beat its alternative by this much.
SERVED = 12
SERVED_GIVEN_AWAY_PENALTY = 2.0
# Questions from one sentence served before the sentence penalty applies.
SENTENCE_ALLOWANCE = 2
# Without a weights file (a fresh checkout before `make train`): trust the generators.
_FALLBACK_WEIGHTS = {"bias": 0.0, "confidence": 2.0, "lead": 0.5, "position": -1.0}

Weights = Mapping[str, float]


@functools.cache
def load_weights() -> dict[str, float]:
    """The fitted weights, by feature name (read once per process)."""
    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        return {str(name): float(value) for name, value in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return dict(_FALLBACK_WEIGHTS)


def logit(values: Mapping[str, float], weights: Weights) -> float:
    """The model's log-odds that a candidate asks a fact a teacher would ask."""
    return sum(weights.get(name, 0.0) * value for name, value in values.items())


def rank(
    candidates: Sequence[Candidate],
    article: ParsedArticle,
    kinds: Sequence[str] | None = None,
    weights: Weights | None = None,
    choices: Sequence[Sequence[str]] | None = None,
) -> list[tuple[Candidate, float]]:
    """Return the candidates with their scores in (0, 1), in serving order.

    `choices` are the candidates' multiple-choice options (empty: served as short answer)."""
    weights = load_weights() if weights is None else weights
    kinds = kinds if kinds is not None else [candidate.kind for candidate in candidates]
    scores = [
        logit(features(candidate, article, kind), weights)
        for candidate, kind in zip(candidates, kinds, strict=True)
    ]
    keys = one_key_per_thing(candidates, [_answer_key(c, article) for c in candidates], kinds)
    short = (
        [
            not options and c.type != "true_false"
            for c, options in zip(candidates, choices, strict=True)
        ]
        if choices is not None
        else None
    )
    ordered = serve_order(candidates, scores, keys, short)
    return [(candidates[index], value) for index, value in ordered]


def serve_order(
    candidates: Sequence[Candidate],
    scores: Sequence[float],
    answers: Sequence[str] | None = None,
    short_answer: Sequence[bool] | None = None,
) -> list[tuple[int, float]]:
    """Greedy order with repeat penalties; scores as probabilities that never rise.

    `answers` are the answers' comparison keys (a person's full name for a surname and the
    full name alike); by default the normalised answers. `short_answer` marks the questions
    without multiple-choice options (they pay SHORT_ANSWER_PENALTY once, from the start)."""
    tied = given_away_pairs(candidates)
    answers = answers if answers is not None else [_answer_key(c) for c in candidates]
    answer_seen: Counter[str] = Counter()
    type_seen: Counter[str] = Counter()
    sentence_seen: Counter[int] = Counter()
    placed: set[int] = set()

    def adjusted(index: int) -> float:
        candidate = candidates[index]
        value = scores[index]
        seen = answer_seen[answers[index]] if answers[index] else 0
        if seen:
            value -= SAME_ANSWER_PENALTY + REPEAT_PENALTY * (seen - 1)
        value -= SAME_TYPE_PENALTY * type_seen[candidate.type]
        extra = sentence_seen[candidate.sentence_index] - SENTENCE_ALLOWANCE + 1
        if extra > 0:
            value -= SAME_SENTENCE_PENALTY * extra
        if not tied[index].isdisjoint(placed):
            # Inside the quiz a teacher serves, a give-away must win by a wide margin.
            value -= GIVEN_AWAY_PENALTY if len(placed) >= SERVED else SERVED_GIVEN_AWAY_PENALTY
        return value

    # Penalties only grow, so a lazily re-checked heap gives the exact greedy order.
    if short_answer is not None:
        scores = [
            value - SHORT_ANSWER_PENALTY if short else value
            for value, short in zip(scores, short_answer, strict=True)
        ]
    heap = [(-value, index) for index, value in enumerate(scores)]
    heapq.heapify(heap)
    ordered: list[tuple[int, float]] = []
    ceiling = math.inf
    while heap:
        stored, index = heapq.heappop(heap)
        current = adjusted(index)
        if current < -stored - 1e-12:
            heapq.heappush(heap, (-current, index))
            continue
        ceiling = min(ceiling, current)
        ordered.append((index, round(_sigmoid(ceiling), 6)))
        placed.add(index)
        answer_seen[answers[index]] += 1
        type_seen[candidates[index].type] += 1
        sentence_seen[candidates[index].sentence_index] += 1
    return ordered


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(value, 30.0), -30.0)))


_LEADING_WORDS = frozenset({"the", "a", "an", "on", "in", "by", "of", "at", "since", "about"})


def _answer_key(candidate: Candidate, article: ParsedArticle | None = None) -> str:
    """The answer a question tests, for counting repeats ("" for a true/false verdict):
    "by June 30, 2026" and "June 30, 2026" are one answer, so are a surname and the full name."""
    if candidate.type == "true_false":
        return ""
    answer = article.full_name(candidate.answer) if article is not None else candidate.answer
    words = normalize(answer).split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


# Answer kinds whose names have several forms ("the ABC. Harbor Department", "the Harbor
# Department"; "OTA" and "the Office of Tidal Affairs").
_NAME_KINDS = frozenset({"PERSON", "ORG", "GPE", "LAW"})


def one_key_per_thing(
    candidates: Sequence[Candidate], keys: Sequence[str], kinds: Sequence[str]
) -> list[str]:
    """The answer keys with every form of one name given the key of its first form: a
    repeat under another form is still a repeat."""
    merged = list(keys)
    firsts: dict[str, list[int]] = {}  # kind -> indexes of the first form of each name
    for index, (candidate, kind) in enumerate(zip(candidates, kinds, strict=True)):
        if kind not in _NAME_KINDS or not keys[index]:
            continue
        seen = firsts.setdefault(kind, [])
        same = next(
            (
                first
                for first in seen
                if keys[first] == keys[index]
                or same_answer(candidates[first].answer, candidate.answer)
                or same_thing(candidates[first].answer, candidate.answer, kind)
            ),
            None,
        )
        if same is None:
            seen.append(index)
        else:
            merged[index] = merged[same]
    return merged


def given_away_pairs(candidates: Sequence[Candidate]) -> list[set[int]]:
    """For each question, the others it gives away or that give it away."""
    texts = [f" {normalize(candidate.question)} " for candidate in candidates]
    keys = [
        f" {key} "
        if candidate.type != "true_false"
        and is_telling_answer(key := normalize(candidate.answer), candidate.type)
        else None
        for candidate in candidates
    ]
    by_key: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key is not None:
            by_key.setdefault(key, []).append(index)
    tied: list[set[int]] = [set() for _ in candidates]
    for key, owners in by_key.items():
        for other, text in enumerate(texts):
            if key in text:
                for index in owners:
                    if index != other:
                        tied[index].add(other)
                        tied[other].add(index)
    # Two questions with one stem and different answers are one question with two right
    # answers: each gives the other away.
    by_stem: dict[str, list[int]] = {}
    for index, (candidate, text) in enumerate(zip(candidates, texts, strict=True)):
        if candidate.type != "true_false":
            by_stem.setdefault(text, []).append(index)
    for owners in by_stem.values():
        for index in owners:
            tied[index].update(other for other in owners if other != index)
    return tied
