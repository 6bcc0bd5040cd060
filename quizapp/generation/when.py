"""The when generator: questions about the date or time of an event ("When did ...?")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import WEEKDAY_KEYS

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
        for ent in grammar.entities(doc, article.ents):
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
        word in lex.MONTHS or word in WEEKDAY_KEYS or word in lex.HOLIDAYS for word in words
    ) or bool(_CLOCK.search(ent.text))


def _dated_verb(root: Token) -> Token:
    """The token a date expression's root modifies, through its preposition."""
    return root.head.head if root.dep_ == "pobj" else root.head


def _clause_dates(ent: Span, verb: Token) -> list[Span]:
    """The anchored dates and times that modify `verb` directly, in text order."""
    found = []
    for other in ent.sent.ents:
        if other.label_ not in _DATE_LABELS:
            continue
        if other.root.dep_ == "compound" and other.root.head.ent_type_ in _DATE_LABELS:
            continue
        expression = _expression(other)
        root = expression.root
        if root.dep_ in _DATE_DEPS and _dated_verb(root).i == verb.i and _is_anchored(expression):
            found.append(expression)
    return found


def _adjunct_tokens(date: Span) -> frozenset[int]:
    """A date's tokens with the preposition that introduces it."""
    root = date.root
    if root.dep_ == "pobj":
        return frozenset(t.i for t in root.head.subtree)
    return frozenset(t.i for t in date)


def _merged(answer: Span, other: Span) -> Span | None:
    """ "about 10 a.m. Thursday", "Tuesday at 3 p.m.": two adjacent parts of one time."""
    doc = answer.doc
    gap = [t for t in doc[answer.end : other.start] if t.i not in {t.i for t in other}]
    if len(gap) > 1 or any(t.lower_ not in {"at", "on"} for t in gap):
        return None
    return doc[answer.start : other.end]


def _dates_a_plan(root: Token, verb: Token) -> bool:
    """Whether the date belongs to an infinitive under a past verb ("agreed to stop X by 2030")."""
    if verb.tag_ != "VBD":
        return False
    dated = _dated_verb(root)
    return dated.i != verb.i and dated.dep_ == "xcomp"


def _inside_change(ent: Span) -> bool:
    """Whether a date sits between "from X" and "to Y" on the same verb ("rose from 5 in 2019 to
    9"): it dates the starting point, not the event."""
    root = ent.root
    verb = root.head.head if root.dep_ == "pobj" else root.head
    siblings = [child for child in verb.children if child.dep_ == "prep"]
    opens = any(c.lower_ == "from" and c.i < ent.start for c in siblings)
    closes = any(c.lower_ in {"to", "into"} and c.i >= ent.end for c in siblings)
    return opens and closes


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
    if _inside_change(ent):
        return None  # "fell from 95% in 2019 to 86%": the date belongs to one end of a change
    if any(t.is_space for t in answer):
        return None
    tail = [t for t in root.subtree if t.i >= ent.end]
    if tail and tail[0].text != ",":
        return None  # "the winter of 2018 and 2019": the date goes on past the entity
    slot = grammar.locate(list(ent), adjunct=True)
    if slot is None:
        return None
    if grammar.lemma(slot.verb) in lex.DURATION_VERBS:
        return None  # "The ceasefire lasted weeks in 2015": "When did … last?" asks a length
    if slot.verb.lemma_ == "be" and slot.verb.dep_ == "ccomp":
        return None  # "ruled that the ban was legal on Tuesday": the date is the ruling's
    if _dates_a_plan(root, slot.verb) or grammar.is_hypothetical(slot.verb):
        return None  # "agreed to stop deforestation by 2030": 2030 is not when they agreed
    others = [other for other in _clause_dates(ent, _dated_verb(root)) if other.start != ent.start]
    if others:
        # "at about 10 a.m. Thursday" is one answer; a clause with two separate dates is not
        # asked ("When is the capsule scheduled to dock Thursday?").
        other = others[0]
        merged = _merged(answer, other)
        if len(others) > 1 or merged is None or other.start < ent.start:
            return None
        answer = merged
        slot = replace(slot, remove=slot.remove | _adjunct_tokens(other))
    question = grammar.ask(slot, "When", resolve=resolve) or grammar.ask_announcement(
        slot, "When", resolve
    )
    if question is None or grammar.contains_answer(question.text, answer.text):
        return None
    if grammar.is_bare(slot, question):
        return None
    low, high = sorted((slot.verb.i, ent.start))
    if any(_compares(token) for token in ent.doc[low:high]):
        return None  # "starts earlier than it did in the 1980s": a comparison, not a date
    sentence_index, sentence = article.sentence_at(ent.start_char)
    return Candidate(
        type="when",
        question=question.text,
        answer=answer.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="DATE",
        confidence=question.confidence,
    )
