"""The when generator: questions about the date or time of an event ("When did ...?")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

_CLOCK = re.compile(r"\d|\b(?:noon|midnight|dawn|dusk)\b", re.IGNORECASE)
_DATE_LABELS = frozenset({"DATE", "TIME"})
# Dependencies a date has when it dates the clause itself.
_DATE_DEPS = frozenset({"npadvmod", "tmod", "pobj"})


class WhenGenerator:
    """Propose "When …?" questions for dates and times that modify a verb."""

    type: ClassVar[str] = "when"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per anchored date or time attached to a verb."""
        doc = article.doc
        resolve = grammar.person_resolver(doc, article.full_name)
        for ent in doc.ents:
            if ent.label_ not in _DATE_LABELS:
                continue
            if ent.root.dep_ == "compound" and ent.root.head.ent_type_ in _DATE_LABELS:
                continue  # "Thursday" in "Thursday afternoon": asked with its head
            expression = _expression(ent)
            if not _is_anchored(expression):
                continue
            candidate = _candidate(article, expression, resolve)
            if candidate is not None:
                yield candidate


def _expression(ent: Span) -> Span:
    """The whole date expression: "Thursday afternoon" from the entities "Thursday", "afternoon"."""
    doc = ent.doc
    # "on Tuesday to 13 years": the model ran the date into the next phrase; a second token
    # that hangs outside the entity starts that phrase.
    exits = [token.i for token in ent if not ent.start <= token.head.i < ent.end]
    if len(exits) > 1:
        ent = doc[ent.start : exits[1]]
    start = ent.start
    while start > ent.root.left_edge.i and doc[start - 1].ent_type_ in _DATE_LABELS:
        start -= 1
    return doc[start : ent.end]


def _is_anchored(ent: Span) -> bool:
    """Whether a date names a point in time a reader can check (not "recent years", "a week")."""
    words = [token.lower_ for token in ent]
    if not _has_anchor(words, ent) or any(word in lex.VAGUE_DATE_WORDS for word in words):
        return False
    is_duration = any(word in lex.DURATION_UNITS for word in words)
    return not (is_duration and not any(word in lex.POINT_IN_TIME_WORDS for word in words))


def _has_anchor(words: list[str], ent: Span) -> bool:
    """A month, weekday, holiday, year or clock time in the expression."""
    return any(
        word in lex.MONTHS or word in lex.WEEKDAYS or word in lex.HOLIDAYS for word in words
    ) or bool(_CLOCK.search(ent.text))


def _compares(token: Token) -> bool:
    """Whether a token opens a comparison clause ("earlier than it did"), not "more than 100"."""
    return token.lower_ == "than" and token.dep_ != "quantmod" and token.head.pos_ != "NUM"


def _candidate(article: ParsedArticle, ent: Span, resolve: grammar.Resolver) -> Candidate | None:
    """The question for one date, or None when the date does not date a clause."""
    root = ent.root
    answer: Span = ent
    if root.dep_ not in _DATE_DEPS:
        return None
    if root.dep_ == "pobj":
        preposition = root.head
        attached = preposition.head
        # "announced the results on Thursday": the parser often hangs the date on the object.
        on_object = attached.dep_ == "dobj" and grammar.is_verb(attached.head)
        if not grammar.is_verb(attached) and not on_object:
            return None
        if preposition.lower_ in lex.DATE_PREPOSITIONS_KEPT:
            # "shortly after 4 a.m.": the preposition is part of the answer.
            answer = ent.doc[preposition.left_edge.i : ent.end]
        elif preposition.lower_ not in lex.DATE_PREPOSITIONS:
            return None
    elif not grammar.is_verb(root.head):
        return None
    if any(t.is_space for t in answer):
        return None
    tail = [t for t in root.subtree if t.i >= ent.end]
    if tail and tail[0].text != ",":
        return None  # "the winter of 2018 and 2019": the date goes on past the entity
    slot = grammar.locate(list(ent), adjunct=True)
    if slot is None:
        return None
    question = grammar.ask(slot, "When", resolve=resolve)
    if question is None or grammar.contains_answer(question.text, ent.text):
        return None
    low, high = sorted((slot.verb.i, ent.start))
    if any(_compares(token) for token in ent.doc[low:high]):
        return None  # "starts earlier than it did in the 1980s": a comparison, not a date
    sentence_index = article.sentence_index(ent.start_char)
    sentence = article.sentences[sentence_index]
    return Candidate(
        type="when",
        question=question.text,
        answer=answer.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="DATE",
        confidence=question.confidence,
    )
