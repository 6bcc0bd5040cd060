"""The which_org generator: questions about organizations ("Which department submitted ...?")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

# Verbs whose prepositional object is an attribution, not a fact ("according to").
_ATTRIBUTION_VERBS = frozenset({"accord"})


class WhichOrgGenerator:
    """Propose "Which organization …?" questions for organizations that act or are acted on."""

    type: ClassVar[str] = "which_org"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per organization that is a subject or object of a verb."""
        doc = article.doc
        resolve = grammar.person_resolver(doc, article.full_name)
        law_tokens = {token.i for law in article.laws for token in law}
        person_words = {
            word for name in article.mentions.get("PERSON", []) for word in name.split()
        }
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(token.i in law_tokens for token in ent):
                continue
            if _looks_like_a_person(ent, person_words):
                continue
            candidate = _candidate(article, ent, resolve)
            if candidate is not None:
                yield candidate


def _looks_like_a_person(ent: Span, person_words: set[str]) -> bool:
    """A name the model called an organization that the text also uses for a person."""
    words = [token.text for token in ent if token.lower_ != "the"]
    if any(token.lower_ in lex.ORG_KIND_BY_HEAD for token in ent):
        return False
    return bool(words) and all(word in person_words for word in words)


def kind_word(head: Token) -> str:
    """The noun a question uses for an organization: "department", "court", "organization"."""
    return lex.ORG_KIND_BY_HEAD.get(head.lower_, "organization")


def _described_kind(root: Token) -> str | None:
    """The kind an apposition gives ("the Alliance, a trade group that ..." -> "trade group")."""
    for child in root.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        modifiers = [
            t
            for t in child.lefts
            if t.dep_ in {"compound", "amod"} and t.lower_ not in lex.NON_KIND_ADJECTIVES
        ]
        if any(t.pos_ not in {"NOUN", "ADJ"} for t in modifiers) or len(modifiers) > 2:
            return None
        return " ".join(t.lower_ for t in [*modifiers, child])
    return None


def _noun_phrase(ent: Span) -> list[Token] | None:
    """The organization's noun phrase: the name, a determiner and comma-set-off asides."""
    root = ent.root
    if root.dep_ in {"compound", "poss", "nmod", "amod", "appos"}:
        return None  # "the State Department's report": a modifier, not an actor
    if root.lower_ in lex.NOT_ORG_HEADS:
        return None  # "The Cedar Ridge Fire" started: an event the model called an ORG
    phrase = sorted(root.subtree, key=lambda t: t.i)
    if any(t.is_space for t in phrase):
        return None
    for token in phrase:
        if ent.start <= token.i < ent.end or (token.dep_ == "det" and token.head.i == root.i):
            continue
        if not _in_aside(token, root):
            return None
    return phrase


def _in_aside(token: Token, root: Token) -> bool:
    """Whether a token sits in a comma-set-off apposition or relative clause of `root`."""
    while token.head.i != root.i:
        if token.head.i == token.i:
            return False
        token = token.head
    if token.dep_ == "punct":
        return True
    return token.dep_ in {"appos", "relcl"} and root.doc[token.left_edge.i - 1].text == ","


def _candidate(article: ParsedArticle, ent: Span, resolve: grammar.Resolver) -> Candidate | None:
    """The question for one organization mention, or None."""
    phrase = _noun_phrase(ent)
    if phrase is None:
        return None
    slot = grammar.locate(phrase)
    if slot is None or (slot.role == "adjunct" and slot.pied is None):
        return None
    preposition = slot.strand or slot.pied
    if preposition is not None and (
        preposition.lower_ not in lex.ORG_PREPOSITIONS
        or preposition.head.lemma_ in _ATTRIBUTION_VERBS
    ):
        return None
    if slot.verb.lemma_ == "be" and slot.role == "object":
        return None  # "X is the Y": a definition, asked by the who/true-false generators
    wh = f"Which {_described_kind(ent.root) or kind_word(ent.root)}"
    question = grammar.ask(slot, wh, singular=True, resolve=resolve)
    if question is None or grammar.contains_answer(question.text, ent.text):
        return None
    sentence_index = article.sentence_index(ent.start_char)
    sentence = article.sentences[sentence_index]
    confidence = question.confidence - (0.1 if slot.role == "object" else 0.0)
    if len(ent) == 1 and not ent.text.isupper():
        confidence -= 0.2  # a lone capitalized word ("Solís") is often a person the model missed
    return Candidate(
        type="which_org",
        question=question.text,
        answer=ent.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="ORG",
        confidence=round(max(confidence, 0.1), 2),
    )
