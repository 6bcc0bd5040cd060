"""The where generator: questions about the place of an event ("Where did ... ?")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Longest answer taken from the place's noun phrase ("the Gaza Strip", "the North").
_MAX_ANSWER_TOKENS = 6


class WhereGenerator:
    """Propose "Where …?" questions for places in a locative phrase on a verb."""

    type: ClassVar[str] = "where"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per place named by "in/at/near X" attached to a verb."""
        doc = article.doc
        resolve = grammar.person_resolver(doc, article.full_name)
        # The small model labels a city "PRODUCT" once and "GPE" in the dateline: trust the
        # place reading when the same name is a place elsewhere in the article.
        places = {ent.text.lower() for ent in doc.ents if ent.label_ in _PLACE_LABELS}
        for ent in doc.ents:
            if ent.label_ not in _PLACE_LABELS and ent.text.lower() not in places:
                continue
            candidate = _candidate(article, ent, resolve)
            if candidate is not None:
                yield candidate


def _answer(ent: Span) -> Span | None:
    """The place as the text names it, with a leading "the" ("the North")."""
    root = ent.root
    if root.head.i == root.i or root.dep_ != "pobj":
        return None
    if root.right_edge.i != root.i:
        return None  # "in the United States larger and ...": a misparse, or a longer phrase
    # The whole noun phrase: "the North", "the western United States".
    start = ent.start
    while start > root.left_edge.i and ent.doc[start - 1].dep_ in {"det", "amod", "compound"}:
        start -= 1
    phrase = ent.doc[start : ent.end]
    if len(phrase) > _MAX_ANSWER_TOKENS or any(t.is_space for t in phrase):
        return None
    # The place must be the whole object: "in Pyongyang", not "in the Pyongyang office".
    if root.i != ent.end - 1 or not _locates(root.head):
        return None
    if root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children):
        return None  # "in Kyrgyzstan and Armenia": one of several places
    return phrase


def _locates(preposition: Token) -> bool:
    """Whether a preposition places an event: "in/at X", or "to X" after a verb of motion."""
    if preposition.lower_ in lex.PLACE_PREPOSITIONS:
        return True
    verb = preposition.head
    return (
        preposition.lower_ == "to"
        and grammar.is_verb(verb)
        and grammar.lemma(verb) in lex.MOTION_VERBS
    )


def _place_verb(preposition: Token) -> Token:
    """The verb a locative phrase modifies, directly or through one noun."""
    attached = preposition.head
    if grammar.is_verb(attached):
        return attached
    if attached.dep_ == "pobj":
        return attached.head.head
    return attached.head


def _in_other_clause(token: Token, verb: Token) -> bool:
    """Whether a token belongs to a clause coordinated with or subordinate to `verb`."""
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"conj", "advcl", "parataxis", "ccomp"} and grammar.is_verb(token)


def _competing_place(slot: grammar.Slot, ent: Span) -> bool:
    """Whether the clause names another place the same way ("in China, six in Turkey")."""
    for token in slot.verb.subtree:
        if token.i in slot.remove or token.ent_type_ not in _PLACE_LABELS:
            continue
        if _in_other_clause(token, slot.verb):
            continue  # "arrested in Poland and extradited to Pittsburgh": another event
        if token.dep_ == "pobj" and _locates(token.head):
            return True
        if token.dep_ == "conj" and token.head.i == ent.root.i:
            return True
    return False


def _candidate(article: ParsedArticle, ent: Span, resolve: grammar.Resolver) -> Candidate | None:
    """The question for one place mention, or None when it is not where something happened."""
    answer = _answer(ent)
    if answer is None:
        return None
    slot = grammar.locate(list(answer), adjunct=True)
    if slot is None:
        return None
    if _competing_place(slot, ent) or _place_verb(ent.root.head) != slot.verb:
        return None  # the place belongs to an infinitive ("voted to extend the mission in Mali")
    question = grammar.ask(slot, "Where", resolve=resolve)
    if question is None or grammar.contains_answer(question.text, ent.text):
        return None
    sentence_index = article.sentence_index(ent.start_char)
    sentence = article.sentences[sentence_index]
    confidence = question.confidence
    if ent.root.head.head.i != slot.verb.i:
        confidence -= 0.15  # the place modifies a noun on the verb ("camps in the North")
    return Candidate(
        type="where",
        question=question.text,
        answer=answer.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="GPE",
        confidence=round(max(confidence, 0.1), 2),
    )
