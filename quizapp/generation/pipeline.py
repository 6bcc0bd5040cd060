"""Runs the generators over a parsed article, filters, completes and ranks their questions."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace

from quizapp.generation.clauses import summed_lists
from quizapp.generation.cleaning import clean_text
from quizapp.generation.distractors import answer_kind, choices_for, seed_for
from quizapp.generation.nlp import ModelNotFoundError
from quizapp.generation.parsing import parse_article
from quizapp.generation.quality import drop_giveaway_statements, filter_candidates
from quizapp.generation.question_filter import keep_clean
from quizapp.generation.ranking import Weights, rank
from quizapp.generation.registry import GENERATORS
from quizapp.generation.types import Candidate, GeneratedQuestion, ParsedArticle

logger = logging.getLogger(__name__)

# Only the first 100,000 characters of the cleaned text are parsed (about 15,000 words, far
# more than any news article): it bounds the parse time and memory of a pasted megabyte, and
# answers stay verbatim spans because the cut falls on a paragraph break.
MAX_PARSED_CHARS = 100_000
# The ranked list stops here: enough "next-ranked" questions beyond a quiz of one question
# per 20 words (5 per 100), never a spray of everything the clauses allow.
MAX_QUESTIONS_PER_100_WORDS = 9


def generate_questions(
    text: str,
    *,
    limit: int | None = None,
    pool: Mapping[str, Sequence[str]] | None = None,
) -> list[GeneratedQuestion]:
    """Return questions about the article, ranked best first (never raises on odd text)."""
    if limit is not None and limit <= 0:
        return []
    try:
        questions = _generate(text if isinstance(text, str) else str(text), pool)
    except ModelNotFoundError:
        raise  # a deployment error, not a property of the text
    except Exception:  # the contract: any text gives a list; the log keeps the reason
        logger.exception("Question generation failed; returning no questions")
        return []
    return questions if limit is None else questions[:limit]


def question_cap(text: str) -> int:
    """At most MAX_QUESTIONS_PER_100_WORDS questions per 100 words (never fewer than one)."""
    return max(1, len(text.split()) * MAX_QUESTIONS_PER_100_WORDS // 100)


def truncate(cleaned: str, max_chars: int = MAX_PARSED_CHARS) -> str:
    """The cleaned text cut at the last paragraph (or sentence) break before `max_chars`."""
    if len(cleaned) <= max_chars:
        return cleaned
    head = cleaned[:max_chars]
    for separator in ("\n\n", ". ", " "):
        cut = head.rfind(separator)
        if cut > 0:
            return head[: cut + (1 if separator == ". " else 0)].rstrip()
    return head


def _generate(
    text: str, pool: Mapping[str, Sequence[str]] | None, weights: Weights | None = None
) -> list[GeneratedQuestion]:
    """Clean, parse once, run every generator, filter, add choices and rank."""
    prepared = prepare(text, pool)
    if prepared is None:
        return []
    article, completed = prepared
    candidates = [candidate for candidate, _, _ in completed]
    kinds = [kind for _, _, kind in completed]
    choices_by_id = {id(candidate): choices for candidate, choices, _ in completed}
    ranked = keep_clean(
        rank(candidates, article, kinds, weights, [choices for _, choices, _ in completed]),
        lambda item: item[0].question,
        lambda item: item[0].type == "true_false",
        question_cap(article.text),
    )
    return [
        GeneratedQuestion(
            type=candidate.type,
            question=candidate.question.strip(),
            answer=candidate.answer.strip(),
            choices=choices_by_id[id(candidate)],
            evidence=candidate.evidence.strip(),
            score=score,
        )
        for candidate, score in ranked
    ]


def prepare(
    text: str, pool: Mapping[str, Sequence[str]] | None = None
) -> tuple[ParsedArticle, list[tuple[Candidate, tuple[str, ...], str]]] | None:
    """The parsed article and its filtered candidates with their choices and answer kinds,
    before ranking (bench/train.py fits the ranker on these); None for an empty text."""
    cleaned = truncate(clean_text(text))
    if not cleaned.strip():
        return None
    article = parse_article(cleaned, pool)
    candidates = drop_giveaway_statements(filter_candidates(_candidates(article), article))
    seed = seed_for(article.text)
    completed: list[tuple[Candidate, tuple[str, ...], str]] = []
    for candidate in candidates:
        choices = choices_for(candidate, article, seed)
        if choices is not None:
            completed.append((candidate, choices, answer_kind(candidate, article)))
    return article, completed


def _candidates(article: ParsedArticle) -> list[Candidate]:
    """Every generator's candidates; a failing generator is logged and skipped."""
    found: list[Candidate] = []
    for name, generator in GENERATORS.items():
        try:
            found.extend(
                summed_lists(replace(c, source=name), article) for c in generator.generate(article)
            )
        except Exception:  # one broken generator must not cost the others' questions
            logger.exception("Generator %r failed on an article; skipping it", name)
    return found
