"""The quote generator: questions about who said a quotation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation.lexicon import SPEECH_VERBS
from quizapp.generation.people import (
    People,
    Quotation,
    find_quotations,
    join_tokens,
    subject_of,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_WORDS = 30
# A quotation shorter than this is a scare quote ("a “declaration of war”"), not a statement.
MIN_QUOTE_WORDS = 6
# Excerpts longer than this are cut at a clause boundary (or a word) and end with "...".
MAX_EXCERPT_WORDS = 22
CUT_EXCERPT_WORDS = 16
# How far from the quotation marks an attribution ("…,” Malinowski said) may sit.
ATTRIBUTION_REACH = 30
_CLAUSE_BREAKS = frozenset({",", ";", "—", "–", ":"})
# Words an excerpt cut mid-sentence must not end on ("... North Korea that ...").
_DANGLING_POS = frozenset({"DET", "ADP", "SCONJ", "CCONJ", "PART", "AUX", "PRON"})


class QuoteGenerator:
    """Propose `Who said, "..."?` questions for quotations whose speaker the text names."""

    type: ClassVar[str] = "quote"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one candidate per attributed quotation."""
        doc = article.doc
        people = People(doc)
        if not people.mentions:
            return
        for quotation in find_quotations(doc):
            content = doc[quotation.start : quotation.end]
            if sum(1 for t in content if not t.is_punct) < MIN_QUOTE_WORDS:
                continue
            verb = _attribution(doc, quotation)
            if verb is None:
                continue
            speaker, confidence = _speaker(verb, people, article)
            if speaker is None:
                continue
            excerpt = _excerpt(content, speaker)
            if excerpt is None:
                continue
            text, first, cut = excerpt
            question = f'Who said, "{text}"?'
            if word_count(question) > MAX_WORDS:
                continue
            sentence_index, evidence = _evidence(article, first, verb)
            yield Candidate(
                type=self.type,
                question=question,
                answer=speaker.text,
                evidence=evidence,
                sentence_index=sentence_index,
                kind="PERSON",
                confidence=confidence - (0.05 if cut else 0.0),
            )


def _attribution(doc: Doc, quotation: Quotation) -> Token | None:
    """The speech verb that attributes a quotation: after it ("…,” X said) or before (X said:)."""
    close = quotation.end
    for token in doc[close + 1 : min(close + 1 + ATTRIBUTION_REACH, len(doc))]:
        if token.text in {"“", "”", '"'} or (token.is_space and "\n" in token.text):
            break
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            return token
        if token.text == "." and token.i > close + 1:
            break
    opening = quotation.start - 1
    if opening < 2 or doc[opening - 1].text not in {",", ":"}:
        return None
    for token in reversed(doc[max(opening - ATTRIBUTION_REACH, 0) : opening - 1]):
        if token.text in {"“", "”", '"', "."} or (token.is_space and "\n" in token.text):
            break
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            return token
    return None


def _speaker(verb: Token, people: People, article: ParsedArticle) -> tuple[Span | None, float]:
    """The named speaker of a speech verb and how sure that is."""
    named = people.subject_person(verb)
    if named is not None:
        return named, 0.85
    subject = subject_of(verb)
    if subject is None:
        return None, 0.0
    resolved = people.resolve_reference(subject, article.sentences)
    return resolved, 0.65


def _excerpt(content: Span, speaker: Span) -> tuple[str, Token, bool] | None:
    """A distinctive piece of the quotation: its first usable sentence, cut to a clause."""
    name_words = {t.lower_ for t in speaker}
    for piece in _sentence_pieces(content):
        tokens = _strip_edges(piece)
        words = [t for t in tokens if not t.is_punct]
        if len(words) < MIN_QUOTE_WORDS or any(t.lower_ in name_words for t in tokens):
            continue
        cut = len(words) > MAX_EXCERPT_WORDS
        if cut:
            tokens = _cut(tokens)
        text = join_tokens(tokens)
        return (f"{text} ..." if cut else text), tokens[0], cut
    return None


def _sentence_pieces(content: Span) -> list[list[Token]]:
    """The quotation's tokens grouped by the sentence they belong to."""
    pieces: list[list[Token]] = []
    for token in content:
        if token.is_space:
            continue
        if pieces and token.sent.start == pieces[-1][0].sent.start:
            pieces[-1].append(token)
        else:
            pieces.append([token])
    return pieces


def _strip_edges(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at both ends of a run of tokens."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].is_punct:
        start += 1
    while end > start and tokens[end - 1].is_punct:
        end -= 1
    return tokens[start:end]


def _cut(tokens: list[Token]) -> list[Token]:
    """Shorten a long quotation sentence at its last clause break that keeps enough words."""
    words = 0
    best: int | None = None
    for position, token in enumerate(tokens):
        if token.text in _CLAUSE_BREAKS and MIN_QUOTE_WORDS <= words <= MAX_EXCERPT_WORDS:
            best = position
        if not token.is_punct:
            words += 1
            if words > MAX_EXCERPT_WORDS:
                break
    if best is None:
        kept, words = [], 0
        for token in tokens:
            if not token.is_punct:
                words += 1
            if words > CUT_EXCERPT_WORDS:
                break
            kept.append(token)
        kept = _strip_edges(kept)
        while kept and (kept[-1].pos_ in _DANGLING_POS or kept[-1].is_punct):
            kept.pop()
        return kept
    return _strip_edges(tokens[:best])


def _evidence(article: ParsedArticle, first: Token, verb: Token) -> tuple[int, str]:
    """The sentences from the excerpt to its attribution, and the attribution's index."""
    start_index = end_index = 0
    for index, sentence in enumerate(article.sentences):
        if sentence.start <= first.i < sentence.end:
            start_index = index
        if sentence.start <= verb.i < sentence.end:
            end_index = index
    start_index = min(start_index, end_index)
    first_sentence, last_sentence = article.sentences[start_index], article.sentences[end_index]
    evidence = article.doc[first_sentence.start : last_sentence.end].text.strip()
    return end_index, evidence
