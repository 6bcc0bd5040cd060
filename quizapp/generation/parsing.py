"""Parses cleaned text with spaCy and collects the mentions generators and distractors use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quizapp.generation.nlp import load_nlp
from quizapp.generation.types import ParsedArticle


def parse_article(text: str, pool: Mapping[str, Sequence[str]] | None = None) -> ParsedArticle:
    """Parse cleaned text into a ParsedArticle."""
    doc = load_nlp()(text)
    mentions: dict[str, list[str]] = {}
    for ent in doc.ents:
        mentions.setdefault(ent.label_, []).append(ent.text)
    return ParsedArticle(
        text=text, doc=doc, sentences=list(doc.sents), mentions=mentions, pool=dict(pool or {})
    )
