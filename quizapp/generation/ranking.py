"""Scores questions by how central their fact is, their type, position and confidence."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.generation.normalize import normalize
from quizapp.generation.quality import is_telling_answer
from quizapp.generation.types import Candidate, ParsedArticle

# How much a teacher values each type of question, all else equal.
TYPE_WEIGHTS = {
    "who": 1.0,
    "how_many": 1.0,
    "which_law": 1.0,
    "which_org": 0.9,
    "when": 0.85,
    "quote": 0.85,
    "where": 0.8,
    "true_false": 0.7,
}
DEFAULT_TYPE_WEIGHT = 0.75
# Each further question of a type already ranked, or from a sentence already used, counts
# a little less, so the top of the list covers the story rather than one sentence.
SAME_TYPE_DECAY = 0.92
SAME_SENTENCE_DECAY = 0.6
# Each further question with an answer already placed counts less: a student who knows one
# speaker of the article should not answer five quote questions with that knowledge.
SAME_ANSWER_DECAY = 0.8
# A question whose answer a higher-ranked question states, or that states the answer of a
# higher-ranked one, comes after the others.
GIVEN_AWAY_DECAY = 0.7
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
# A quiz asks about one question per this many words of the article: the top of the list up to
# that budget is chosen so that no two questions share a sentence or give each other away.
WORDS_PER_QUESTION = 20


@dataclass(slots=True)
class _Salience:
    """Per-article counts the scores use, computed once per call."""

    lemma_counts: Counter[str]
    mention_counts: Counter[str]
    sentence_count: int
    sentence_lemmas: list[list[str]]


def rank(candidates: Sequence[Candidate], article: ParsedArticle) -> list[tuple[Candidate, float]]:
    """Return the candidates with their scores, best first (ties keep generator order)."""
    salience = _salience(article)
    scored = [(candidate, score(candidate, article, salience)) for candidate in candidates]
    tied = _given_away_pairs(candidates)
    return _select_top(scored, _diversify(scored, tied), tied, question_budget(article))


def question_budget(article: ParsedArticle) -> int:
    """How many questions a quiz on the article asks: one per WORDS_PER_QUESTION words."""
    return math.ceil(len(article.text.split()) / WORDS_PER_QUESTION)


def _select_top(
    scored: list[tuple[Candidate, float]],
    ordered: list[tuple[int, float]],
    tied: list[set[int]],
    budget: int,
) -> list[tuple[Candidate, float]]:
    """Fill the first `budget` places greedily, skipping a question about a sentence already
    used or one that gives a chosen question away (or is given away by it); skipped questions
    fill the places left over, then the rest follow in order. Scores are capped so they never
    rise down the list."""
    chosen: list[int] = []
    skipped: list[int] = []
    sentences: set[int] = set()
    for index, _ in ordered:
        sentence = scored[index][0].sentence_index
        full = len(chosen) >= budget
        if full or sentence in sentences or not tied[index].isdisjoint(chosen):
            skipped.append(index)
        else:
            chosen.append(index)
            sentences.add(sentence)
    values = dict(ordered)
    selected: list[tuple[Candidate, float]] = []
    ceiling = math.inf
    for index in chosen + skipped:
        ceiling = min(ceiling, values[index])
        selected.append((scored[index][0], ceiling))
    return selected


def score(candidate: Candidate, article: ParsedArticle, salience: _Salience | None = None) -> float:
    """A score in (0, 1]: confidence x type weight x centrality x position."""
    salience = salience or _salience(article)
    weight = TYPE_WEIGHTS.get(candidate.type, DEFAULT_TYPE_WEIGHT)
    confidence = min(max(candidate.confidence, 0.0), 1.0)
    position = 1.0 - 0.5 * (candidate.sentence_index / max(salience.sentence_count - 1, 1))
    centrality = _centrality(candidate, article, salience)
    return round(confidence * weight * (0.5 + 0.5 * centrality) * (0.6 + 0.4 * position), 6)


def _salience(article: ParsedArticle) -> _Salience:
    """Count content lemmas and mentions over the whole article."""
    tokens = article.tokens or tuple(article.doc)
    # The content lemmas of each sentence, read once: every candidate of a sentence uses them.
    sentence_lemmas = [
        [
            token.lemma_.lower()
            for token in tokens[sentence.start : sentence.end]
            if token.pos_ in _CONTENT_POS and not token.is_stop and token.is_alpha
        ]
        for sentence in article.sentences
    ]
    lemmas = Counter(lemma for found in sentence_lemmas for lemma in found)
    mentions: Counter[str] = Counter()
    for kind, texts in article.mentions.items():
        for text in texts:
            full = article.full_name(text) if kind == "PERSON" else text
            mentions[normalize(full)] += 1
    return _Salience(lemmas, mentions, max(len(article.sentences), 1), sentence_lemmas)


def _centrality(candidate: Candidate, article: ParsedArticle, salience: _Salience) -> float:
    """How much the fact's sentence and answer recur in the article, in [0, 1]."""
    sentence_score = 0.0
    if 0 <= candidate.sentence_index < len(salience.sentence_lemmas):
        counts = [
            salience.lemma_counts[lemma]
            for lemma in salience.sentence_lemmas[candidate.sentence_index]
        ]
        repeated = sum(1 for count in counts if count > 1)
        sentence_score = repeated / len(counts) if counts else 0.0
    answer_key = normalize(article.full_name(candidate.answer))
    answer_score = min(salience.mention_counts.get(answer_key, 0) / 3.0, 1.0)
    return 0.6 * sentence_score + 0.4 * answer_score


def _diversify(
    scored: list[tuple[Candidate, float]], tied: list[set[int]]
) -> list[tuple[int, float]]:
    """Greedily order by score, discounting repeats of a type or a sentence (stable), and a
    question that a placed one gives away or that gives a placed one away ("When did Judge
    Paula Okafor ...?" after "Who is the judge?").

    Returns (index into `scored`, discounted score) pairs in order. The reported score is the
    discounted one; it never rises down the list, because a discount only grows as more
    questions are placed.
    """
    remaining = list(enumerate(scored))
    ordered: list[tuple[int, float]] = []
    type_seen: Counter[str] = Counter()
    sentence_seen: Counter[int] = Counter()
    placed: set[int] = set()
    answer_seen: Counter[str] = Counter()
    answers = [_answer_key(candidate) for candidate, _ in scored]

    def adjusted(item: tuple[int, tuple[Candidate, float]]) -> tuple[float, int]:
        index, (candidate, value) = item
        factor = (
            (SAME_TYPE_DECAY ** type_seen[candidate.type])
            * (SAME_SENTENCE_DECAY ** sentence_seen[candidate.sentence_index])
            * (SAME_ANSWER_DECAY ** answer_seen[answers[index]] if answers[index] else 1.0)
        )
        if not tied[index].isdisjoint(placed):
            factor *= GIVEN_AWAY_DECAY
        return (-value * factor, index)

    while remaining:
        best = min(remaining, key=adjusted)
        remaining.remove(best)
        candidate = best[1][0]
        ordered.append((best[0], round(-adjusted(best)[0], 6)))
        type_seen[candidate.type] += 1
        sentence_seen[candidate.sentence_index] += 1
        answer_seen[answers[best[0]]] += 1
        placed.add(best[0])
    return ordered


def _answer_key(candidate: Candidate) -> str:
    """The answer a question tests, for counting repeats ("" for a true/false verdict)."""
    return "" if candidate.type == "true_false" else normalize(candidate.answer)


def _given_away_pairs(candidates: Sequence[Candidate]) -> list[set[int]]:
    """For each question, the others it gives away or that give it away (computed once)."""
    texts = [f" {normalize(candidate.question)} " for candidate in candidates]
    keys = [
        f" {key} "
        if candidate.type != "true_false"
        and is_telling_answer(key := normalize(candidate.answer), candidate.type)
        else None
        for candidate in candidates
    ]
    tied: list[set[int]] = [set() for _ in candidates]
    for index, key in enumerate(keys):
        if key is None:
            continue
        for other, text in enumerate(texts):
            if other != index and key in text:
                tied[index].add(other)
                tied[other].add(index)
    return tied
