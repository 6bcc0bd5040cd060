"""The last filter: candidate questions parsed with the article's own pipeline, in batches.

A question in the ranked list is kept only when its parse reads as a question: a finite verb,
no preposition doubled ("on on"), no cut-off end ("… and?"), no bare demonstrative pointing
back into the article ("these designations"), no first-person pronoun outside a quotation, no
semicolon list, at most 30 words. Only the part of the list that can be returned is parsed (it
is cut at the question cap anyway), and only the overgenerator's questions: the per-type
generators' forms and true/false statements pass their own rules. Batches go through
`nlp.pipe`, tagging only (the checks read fine-grained tags), so the filter costs a fraction of
the article's parse.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from spacy.tokens import Doc

from quizapp.generation.nlp import load_nlp
from quizapp.generation.words import DEMONSTRATIVES

T = TypeVar("T")

MAX_WORDS = 30
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Pipes the checks do not need: they read the tagger's fine-grained tags only, which keeps the
# filter at a fraction of the article's parse.
_SKIPPED_PIPES = ("parser", "attribute_ruler", "lemmatizer", "ner")
_BATCH_EXTRA = 8
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_BARE_DEMONSTRATIVES = DEMONSTRATIVES - {"that"}
_TIME_NOUNS = frozenset({"week", "month", "year", "morning", "evening", "time", "weekend"})


def rejection(doc: Doc) -> str | None:
    """Why a parsed question (not a true/false statement) is no clean question, or None."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) > MAX_WORDS:
        return "over 30 words"
    if ";" in doc.text:
        return "a list or second clause after a semicolon"
    if not any(t.tag_ in _FINITE_TAGS for t in doc):
        return "no finite verb"
    for left, right in itertools.pairwise(doc):
        if {left.tag_, right.tag_} <= {"IN", "RP"} and left.lower_ == right.lower_:
            return "doubled preposition"
    quoted = False
    for token, following in itertools.pairwise(doc):
        if token.text in {"“", "”", '"'}:
            quoted = token.text != "”" and not (token.text == '"' and quoted)
            continue
        if (
            not quoted
            and token.lower_ in _BARE_DEMONSTRATIVES
            and following.tag_.startswith("NN")
            and following.lower_ not in _TIME_NOUNS
        ):
            return "bare demonstrative"
    if not quoted_spans(doc) and any(
        t.lower_ in _FIRST_PERSON for t in doc if t.tag_.startswith("PRP")
    ):
        return "first-person pronoun outside a quotation"
    last = words[-1] if words else None
    if last is not None and last.lower_ in {"the", "a", "an", "and", "or", "of"}:
        return "cut-off question"
    return None


def keep_clean(
    items: Sequence[T],
    question: Callable[[T], str],
    trusted: Callable[[T], bool],
    limit: int,
) -> list[T]:
    """The first `limit` items, in order, that are `trusted` or whose question passes
    `rejection` (only the others are tagged)."""
    kept: list[T] = []
    position = 0
    while len(kept) < limit and position < len(items):
        size = limit - len(kept) + _BATCH_EXTRA
        batch = items[position : position + size]
        position += len(batch)
        asked = [item for item in batch if not trusted(item)]
        docs = iter(_parse([question(item) for item in asked]))
        for item in batch:
            if trusted(item) or rejection(next(docs)) is None:
                kept.append(item)
                if len(kept) >= limit:
                    break
    return kept


def _parse(texts: list[str]) -> Iterator[Doc]:
    nlp = load_nlp()
    disabled = [name for name in _SKIPPED_PIPES if name in nlp.pipe_names]
    return nlp.pipe(texts, disable=disabled, batch_size=64)


def quoted_spans(doc: Doc) -> bool:
    """Whether the question quotes the article (a quotation may say "we")."""
    return any(t.text in {"“", '"'} for t in doc)
