"""The quote generator: questions about who said a quotation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation.lexicon import SPEECH_VERBS
from quizapp.generation.normalize import same_answer
from quizapp.generation.people import (
    People,
    Quotation,
    is_unresolved_pronoun,
    join_tokens,
    people_of,
    quotations_of,
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
# Quote questions one speaker may answer.
MAX_QUOTES_PER_SPEAKER = 2
# The longest unquoted opening of a reported clause a question repeats ("the bill").
MAX_LEAD_TOKENS = 8
# How far from the quotation marks an attribution ("…,” Wren said) may sit.
ATTRIBUTION_REACH = 30
_CLAUSE_BREAKS = frozenset({",", ";", "—", "–", ":"})
# Words an excerpt cut mid-sentence must not end on ("... Finch Lark that ...").
_DANGLING_POS = frozenset({"DET", "ADP", "SCONJ", "CCONJ", "PART", "AUX", "PRON"})


class QuoteGenerator:
    """Propose `Who said, "..."?` questions for quotations whose speaker the text names."""

    type: ClassVar[str] = "quote"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one candidate per attributed quotation, at most a few per speaker."""
        found = list(self._candidates(article))
        # One speaker quoted five times would fill a quiz with the same answer: keep the
        # surest few (named attributions before continued ones), in text order.
        best = sorted(range(len(found)), key=lambda i: (-found[i].confidence, i))
        kept: set[int] = set()
        # "Wren" and "Thorn Wren" are one speaker: count by full name.
        speakers: list[str] = []
        counts: list[int] = []
        for i in best:
            name = article.full_name(found[i].answer)
            slot = next((n for n, s in enumerate(speakers) if same_answer(s, name)), None)
            if slot is None:
                speakers.append(name)
                counts.append(0)
                slot = len(speakers) - 1
            if counts[slot] < MAX_QUOTES_PER_SPEAKER:
                counts[slot] += 1
                kept.add(i)
        yield from (candidate for i, candidate in enumerate(found) if i in kept)

    def _candidates(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Every attributed quotation as a candidate."""
        doc = article.doc
        people = people_of(article)
        if not people.mentions:
            return
        previous: tuple[Token, Span | None, float] | None = None
        for quotation in quotations_of(article):
            content = doc[quotation.start : quotation.end]
            verb = _attribution(doc, quotation)
            embedded = None if verb is not None else _reporting_clause(doc, quotation)
            if embedded is not None:
                verb = embedded[0]
            continued = False
            if verb is not None:
                speaker, confidence = _speaker(verb, people, article)
                previous = (verb, speaker, confidence)
            elif previous is not None and _continues(doc, previous[0], quotation):
                # “…,” Vale said. “It is a tragedy …”: the next sentence goes on quoting
                # the same speaker, as news style has it.
                verb, speaker, confidence = previous[0], previous[1], previous[2] - 0.25
                continued = True
            else:
                previous = None
                continue
            if sum(1 for t in content if not t.is_punct) < MIN_QUOTE_WORDS or speaker is None:
                continue
            excerpt = _excerpt(content, speaker)
            if excerpt is None:
                continue
            text, first, cut = excerpt
            if embedded is None and text[:1].islower():
                continue  # '“…,” said Haddad, “and the doors …”': the rest of a split sentence
            question = f'Who said, "{text}"?'
            if embedded is not None:
                # "said the bill “spends money …”": the quotation finishes the reported clause.
                opening_word = next((t for t in content if not t.is_punct), first)
                if cut or first.i != opening_word.i:
                    continue  # only the whole quotation finishes the clause
                lead = join_tokens(embedded[1])
                question = f'Who said {lead} "{text}"?' if lead else f'Who said "{text}"?'
                first = embedded[1][0] if embedded[1] else first
            if word_count(question) > MAX_WORDS:
                continue
            if continued:
                sentence_index = article.sentence_index(first.idx)
                start = article.sentences[article.sentence_index(verb.idx)].start
                evidence = doc[start : article.sentences[sentence_index].end].text.strip()
            else:
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


def _continues(doc: Doc, verb: Token, quotation: Quotation) -> bool:
    """Whether a quotation opens the sentence right after the one holding `verb`, in the same
    paragraph, with nothing else between them."""
    opening = quotation.start - 1
    if opening <= verb.i:
        return False
    end = verb.sent.end
    between = doc[end:opening]
    if end > opening or any(not t.is_space or "\n" in t.text for t in between):
        return False
    last = doc[end - 1]
    return last.text in {".", "”", '"'} and doc[opening].text in {"“", '"'}


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
    if doc[opening - 1].text == ":":
        # "The state auditor, Helen Marsh, was blunt: “…”": a clause about its subject
        # introduces what the subject said.
        clause = doc[opening - 2]
        # The parser may hang the clause on the quotation's verb: climb only before the colon.
        while clause.head.i != clause.i and clause.head.i < opening - 1:
            clause = clause.head
        if clause.pos_ in {"VERB", "AUX"} and clause.i < opening and subject_of(clause):
            return clause
    return None


def _reporting_clause(doc: Doc, quotation: Quotation) -> tuple[Token, list[Token]] | None:
    """The speech verb and the unquoted opening of its reported clause when a quotation
    finishes that clause: 'Ridge said the bill “spends money …”' -> (said, [the, bill])."""
    opening = quotation.start - 1
    after_close = doc[quotation.end + 1] if quotation.end + 1 < len(doc) else None
    before_close = doc[quotation.end - 1]
    ends_sentence = before_close.text in {".", "!"} or (
        after_close is not None and after_close.text in {".", "!"}
    )
    if opening < 1 or not ends_sentence:
        return None
    clause = doc[quotation.start]
    while clause.dep_ != "ccomp" and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.i >= opening or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in SPEECH_VERBS or clause.left_edge.i <= verb.i:
        return None
    lead = list(doc[clause.left_edge.i : opening])
    if len(lead) > MAX_LEAD_TOKENS or any(
        t.text in {"“", "”", '"'} or t.is_space or is_unresolved_pronoun(t) for t in lead
    ):
        return None
    return verb, lead


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
        # Token.sent rebuilds the sentence span on every call: test the start flag instead.
        if pieces and not token.is_sent_start:
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
