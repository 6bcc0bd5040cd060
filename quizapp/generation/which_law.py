"""The which_law generator: questions about which named law."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation import grammar
from quizapp.generation.lexicon import (
    LAW_AUTHORITY_PHRASES,
    LAW_HEAD_WORDS,
    LAW_KIND_NOUNS,
    LAW_REFERENCE_NOUNS,
    QUOTE_MARKS,
)
from quizapp.generation.normalize import normalize
from quizapp.generation.people import (
    is_unresolved_pronoun,
    join_tokens,
    lower_moved_opener,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 30
# How many sentences back "The law requires ..." may look for the law's name.
REFERENCE_WINDOW = 2


class WhichLawGenerator:
    """Propose "Which law requires ...?" and "Under which law did ...?" questions."""

    type: ClassVar[str] = "which_law"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidates about named laws and "the law" references to them."""
        laws = [law for law in article.laws if _is_named(law)]
        if not laws:
            return
        seen: set[str] = set()
        for index, sentence in enumerate(article.sentences):
            for candidate in self._sentence_questions(article, index, sentence, laws):
                key = candidate.question.lower()
                if key in seen or word_count(candidate.question) > MAX_WORDS:
                    continue
                if grammar.contains_answer(candidate.question, candidate.answer):
                    continue
                seen.add(key)
                yield candidate

    def _sentence_questions(
        self, article: ParsedArticle, index: int, sentence: Span, laws: list[Span]
    ) -> Iterator[Candidate]:
        """The questions one sentence supports: named laws in it, or "the law" referring back."""
        here = [law for law in laws if sentence.start <= law.start < sentence.end]
        for law in here:
            tokens = _with_determiner(law)
            for question, confidence in _questions_about(tokens, _kind_noun(law)):
                yield self._candidate(question, law, sentence, index, confidence)
        reference = _law_reference(sentence)
        if reference is None:
            return
        noun = LAW_REFERENCE_NOUNS[reference.lemma_.lower()]
        law = _referent(article, index, laws, noun)
        if law is None:
            return
        tokens = [t for t in reference.subtree if not t.is_space]
        for question, confidence in _questions_about(tokens, noun, subject_only=True):
            yield self._candidate(question, law, sentence, index, confidence - 0.1)

    def _candidate(
        self, question: str, law: Span, sentence: Span, index: int, confidence: float
    ) -> Candidate:
        """A which_law candidate answered by a law's full name."""
        return Candidate(
            type=self.type,
            question=question,
            answer=law.text,
            evidence=sentence.text.strip(),
            sentence_index=index,
            kind="LAW",
            confidence=round(confidence, 2),
        )


def _is_named(law: Span) -> bool:
    """One law named by at least two words ("Patriot Act", "Executive Order 13694").

    A match with two head words ("Clean Air Act and the Clean Water Act") is two laws run
    together, and asking for "which law" would have two answers.
    """
    heads = [t for t in law if t.text in LAW_HEAD_WORDS]
    words = [t for t in law if not t.is_punct]
    return len(words) >= 2 and len(heads) <= 1 and "\n" not in law.text


def _kind_noun(law: Span) -> str:
    """What to call a legal text in the question: "law", "executive order", "treaty" …

    A numbered part ("Article 218 of the Treaty ...") is named by its first words, a named
    text by its last head word ("... Agreement Implementation Act" is a law).
    """
    words = [t.lower_ for t in law]
    heads = [t.lower_ for t in law if t.text in LAW_HEAD_WORDS]
    for pattern, noun in LAW_KIND_NOUNS:
        if tuple(words[: len(pattern)]) == pattern:
            return noun
        if heads and (heads[-1],) == pattern:
            return noun
    return "law"


def _with_determiner(law: Span) -> list[Token]:
    """The law's tokens with the "the" the text puts before it."""
    doc = law.doc
    start = law.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return list(doc[start : law.end])


def _questions_about(
    tokens: list[Token], noun: str, *, subject_only: bool = False
) -> Iterator[tuple[str, float]]:
    """Questions that ask for the law the tokens name, by its role in the clause."""
    law_root = _root(tokens)
    slot = grammar.locate(tokens)
    if slot is not None and slot.role == "subject":
        asked = _ask(slot, f"Which {noun}")
        if asked is not None:
            yield asked
        return
    if subject_only:
        return
    authority = _authority_phrase(tokens[0])
    if authority is not None:
        verb, phrase = authority
        remove = phrase | {t.i for t in tokens}
        asked = _ask(grammar.Slot(verb, "adjunct", remove), f"Under which {noun}")
        if asked is not None:
            yield asked
    elif slot is not None and slot.role == "object" and slot.strand is None:
        asked = _ask(slot, f"Which {noun}")
        if asked is not None:
            yield asked
    passive = _passive_modifier(law_root)
    if passive is not None:
        yield f"Which {noun} was {passive}?", 0.7


def _ask(slot: grammar.Slot, wh: str) -> tuple[str, float] | None:
    """Ask with the grammar helper; if too long, again without relative clauses."""
    # The sentence's closing punctuation must not end up before moved adjuncts.
    final = {t.i for t in slot.verb.children if t.is_punct and t.i == t.sent.end - 1}
    slot = grammar.Slot(slot.verb, slot.role, slot.remove | final, slot.strand)
    question = grammar.ask(slot, wh, singular=True)
    if question is None:
        clauses = {
            t.i
            for token in slot.verb.subtree
            if token.dep_ in {"relcl", "acl"} and token.i > slot.verb.i
            for t in token.subtree
        }
        if not clauses:
            return None
        shorter = grammar.Slot(slot.verb, slot.role, slot.remove | clauses, slot.strand)
        question = grammar.ask(shorter, wh, singular=True)
        if question is None:
            return None
        return lower_moved_opener(question.text, slot.verb), question.confidence - 0.1
    return lower_moved_opener(question.text, slot.verb), question.confidence


def _root(tokens: list[Token]) -> Token:
    """The token of a run whose head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1]


def _authority_phrase(law_start: Token) -> tuple[Token, frozenset[int]] | None:
    """The verb of "<clause> in accordance with / under / pursuant to <law>" and the phrase.

    Matched on the words before the law (the parse of "pursuant to" varies); the verb is the
    nearest verb above the phrase's first word.
    """
    doc = law_start.doc
    end = law_start.i
    for pattern in LAW_AUTHORITY_PHRASES:
        start = end - len(pattern)
        if start < 0 or tuple(t.lower_ for t in doc[start:end]) != pattern:
            continue
        verb = doc[start]
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        phrase = {t.i for t in doc[start:end]}
        for token in doc[start:end]:
            phrase |= {t.i for t in token.subtree}
        return verb, frozenset(phrase)
    return None


def _passive_modifier(law_root: Token) -> str | None:
    """ "the ... Act enacted in February" -> "enacted in February"."""
    for child in law_root.children:
        if child.dep_ != "acl" or child.tag_ != "VBN":
            continue
        tokens = [t for t in child.subtree if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < 2:
            continue
        if any(t.text in QUOTE_MARKS or is_unresolved_pronoun(t) for t in tokens):
            continue
        return join_tokens(tokens)
    return None


def _law_reference(sentence: Span) -> Token | None:
    """A subject "the law" / "the act" that refers back to a law named before."""
    for token in sentence:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.lemma_.lower() not in (
            LAW_REFERENCE_NOUNS
        ):
            continue
        if token.ent_type_:
            continue
        children = list(token.children)
        if len(children) == 1 and children[0].lower_ == "the":
            return token
    return None


def _referent(article: ParsedArticle, index: int, laws: list[Span], kind: str) -> Span | None:
    """The law of this kind that "the law" refers to: the one the nearest sentence names.

    Sentences are searched back from the previous one; the first that names laws of the kind
    decides, and only if it names exactly one.
    """
    for back in range(index - 1, max(index - 1 - REFERENCE_WINDOW, -1), -1):
        sentence = article.sentences[back]
        named = [
            law
            for law in laws
            if sentence.start <= law.start < sentence.end and _kind_noun(law) == kind
        ]
        if named:
            return named[-1] if len({normalize(law.text) for law in named}) == 1 else None
    return None
