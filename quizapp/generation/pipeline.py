"""Runs the generators over a parsed article, filters, completes and ranks their questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quizapp.generation.cleaning import clean_text
from quizapp.generation.parsing import parse_article
from quizapp.generation.registry import GENERATORS
from quizapp.generation.types import GeneratedQuestion


def generate_questions(
    text: str,
    *,
    limit: int | None = None,
    pool: Mapping[str, Sequence[str]] | None = None,
) -> list[GeneratedQuestion]:
    """Return questions about the article, ranked best first (never raises on odd text)."""
    article = parse_article(clean_text(text), pool)
    questions: list[GeneratedQuestion] = []
    for generator in GENERATORS.values():
        for candidate in generator.generate(article):
            questions.append(
                GeneratedQuestion(
                    type=candidate.type,
                    question=candidate.question,
                    answer=candidate.answer,
                    choices=candidate.choices or (candidate.answer,),
                    evidence=candidate.evidence,
                    score=candidate.confidence,
                )
            )
    questions.sort(key=lambda q: -q.score)
    return questions if limit is None else questions[:limit]
