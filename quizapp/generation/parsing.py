"""Parses cleaned text with spaCy once and collects the mentions generators and distractors use."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from quizapp.generation import patterns
from quizapp.generation.nlp import load_nlp
from quizapp.generation.types import ParsedArticle

# Labels that already describe a number; other labels on a bare number word are model errors.
_NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"})


def parse_article(text: str, pool: Mapping[str, Sequence[str]] | None = None) -> ParsedArticle:
    """Parse cleaned text (paragraphs separated by blank lines) into a ParsedArticle."""
    doc = _parse(text)
    # Reading doc.ents builds new Span objects each time: read it once, keep our own list.
    model_entities = list(doc.ents)
    laws = _law_spans(doc, model_entities)
    entities = _merged_entities(doc, laws, model_entities)
    doc.set_ents(entities)
    spans: dict[str, list[Span]] = {}
    for ent in entities:
        spans.setdefault(patterns.KIND_BY_LABEL.get(ent.label_, ent.label_), []).append(ent)
    sentences = _sentences(doc)
    return ParsedArticle(
        text=text,
        doc=doc,
        sentences=sentences,
        mentions={kind: [span.text for span in found] for kind, found in spans.items()},
        pool=dict(pool or {}),
        spans=spans,
        laws=[ent for ent in entities if ent.label_ == "LAW"],
        person_names=_person_names(spans.get("PERSON", [])),
        sentence_paragraphs=_sentence_paragraphs(text, sentences),
    )


def _parse(text: str) -> Doc:
    """Run the pipeline once, paragraph by paragraph, so no sentence crosses a paragraph break."""
    nlp = load_nlp()
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 2:
        return nlp(text)
    # Each piece keeps its separator so the joined Doc's text is exactly `text`.
    pieces = [paragraph + "\n\n" for paragraph in paragraphs[:-1]] + [paragraphs[-1]]
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def _law_spans(doc: Doc, model_entities: list[Span]) -> list[Span]:
    """Named laws matched by rule, numbered references winning over overlapping names."""
    taken: list[tuple[int, int]] = []
    found: list[Span] = []
    for pattern in patterns.LAW_REFERENCE_PATTERNS:
        for match in pattern.finditer(doc.text):
            span = _law_span(doc, match.start(), match.end(), taken)
            if span is not None:
                found.append(span)
                taken.append((span.start_char, span.end_char))
    for match in patterns.LAW_NAME_PATTERN.finditer(doc.text):
        for start, end in _law_name_pieces(doc.text, match.start(), match.end()):
            # Cut a name back to after any numbered reference it swallowed.
            for taken_start, taken_end in taken:
                if taken_start < end and start < taken_end:
                    start = max(start, taken_end)
            span = _law_span(doc, start, end, taken)
            if span is not None:
                found.append(span)
    # The model's own LAW entities fill in what the rules missed, trimmed the same way.
    ruled = [(span.start_char, span.end_char) for span in found]
    for ent in model_entities:
        if ent.label_ == "LAW" and not _overlaps(ent.start_char, ent.end_char, ruled):
            span = _law_span(doc, ent.start_char, ent.end_char, ruled)
            if span is not None and any(t.lower_ in patterns.LAW_WORDS for t in span):
                found.append(span)
    return sorted(filter_spans(found), key=lambda span: span.start)


def _law_name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a match at "and the", which joins two names ("the X Act and the Y Act")."""
    pieces: list[tuple[int, int]] = []
    for joint in patterns.NAME_JOINT.finditer(text, start, end):
        pieces.append((start, joint.start()))
        start = joint.end()
    pieces.append((start, end))
    return [piece for piece in pieces if patterns.LAW_NAME_END.search(text, *piece)]


def _law_span(doc: Doc, start: int, end: int, taken: list[tuple[int, int]]) -> Span | None:
    """Trim leading function words off a match and return it as a LAW span, or None."""
    span = doc.char_span(start, end, label="LAW", alignment_mode="expand")
    if span is None:
        return None
    first = span.start
    while first < span.end and (
        span.doc[first].lower_ in patterns.LAW_LEADING_WORDS or span.doc[first].is_space
    ):
        first += 1
    span = Span(doc, first, span.end, label="LAW")
    if len(span) == 0 or span.text.lower() in patterns.LAW_BARE_NAMES or "\n" in span.text:
        return None
    if _overlaps(span.start_char, span.end_char, taken):
        return None
    return span


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether the character range [start, end) overlaps any of `ranges`."""
    return any(other_start < end and start < other_end for other_start, other_end in ranges)


def _merged_entities(doc: Doc, laws: list[Span], model_entities: list[Span]) -> list[Span]:
    """The model's entities fixed by rules: laws first, number words relabelled or added."""
    law_ranges = [(law.start_char, law.end_char) for law in laws]
    merged = list(laws)
    for ent in model_entities:
        if ent.label_ == "LAW" or _overlaps(ent.start_char, ent.end_char, law_ranges):
            continue
        if any(token.is_space for token in ent):
            continue  # an entity across a line break is a tagging error
        merged.extend(_fix_number_label(ent))
    taken = {token.i for span in merged for token in span}
    merged.extend(_unlabelled_numbers(doc, taken))
    return sorted(filter_spans(merged), key=lambda span: span.start)


def _is_number_token(token: object) -> bool:
    """Whether a token is a number in digits or words ("10", "80,000", "Eight")."""
    return bool(token.like_num or token.lower_ in patterns.NUMBER_WORDS)  # type: ignore[attr-defined]


def _fix_number_label(ent: Span) -> list[Span]:
    """Relabel a bare number the model called a name; split "Eight North Korean" in two."""
    if ent.label_ in _NUMERIC_LABELS:
        return [ent]
    count = 0
    while count < len(ent) and _is_number_token(ent[count]):
        count += 1
    if count == 0:
        return [ent]
    number = Span(ent.doc, ent.start, ent.start + count, label="CARDINAL")
    if count == len(ent):
        return [number]
    return [number, Span(ent.doc, ent.start + count, ent.end, label=ent.label_)]


def _unlabelled_numbers(doc: Doc, taken: set[int]) -> list[Span]:
    """Runs of number tokens (tagged CD) that the model left outside any entity."""
    found: list[Span] = []
    start: int | None = None
    for token in doc:
        is_number = (
            token.i not in taken
            and token.tag_ == "CD"
            and _is_number_token(token)
            and token.lower_ != "one"  # "one of them" is rarely a count worth asking about
        )
        if is_number and start is None:
            start = token.i
        elif not is_number and start is not None:
            found.append(Span(doc, start, token.i, label="CARDINAL"))
            start = None
    if start is not None:
        found.append(Span(doc, start, len(doc), label="CARDINAL"))
    return found


def _person_names(people: list[Span]) -> dict[str, str]:
    """Map each shorter person mention to the full name it stands for in the text."""
    counts = Counter(span.text for span in people)
    first_seen: dict[str, int] = {}
    for span in people:
        first_seen.setdefault(span.text, span.start_char)
    names: dict[str, str] = {}
    for short in first_seen:
        short_words = short.split()
        longer = [
            full
            for full in first_seen
            if len(full.split()) > len(short_words) and _contains_words(full.split(), short_words)
        ]
        if not longer:
            continue
        # Prefer a name introduced before the short mention, then the most repeated, then earliest.
        best = min(
            longer,
            key=lambda full: (
                first_seen[full] > first_seen[short],
                -counts[full],
                first_seen[full],
            ),
        )
        names[short] = best
    return names


def _contains_words(words: list[str], part: list[str]) -> bool:
    """Whether `part` occurs as consecutive words at the start or end of `words`."""
    return words[: len(part)] == part or words[-len(part) :] == part


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences without surrounding whitespace tokens; blank ones dropped."""
    sentences: list[Span] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            sentences.append(doc[start:end])
    return sentences


def _sentence_paragraphs(text: str, sentences: list[Span]) -> list[int]:
    """The paragraph number of each sentence."""
    breaks: list[int] = []
    position = text.find("\n\n")
    while position != -1:
        breaks.append(position)
        position = text.find("\n\n", position + 2)
    return [bisect_right(breaks, sentence.start_char) for sentence in sentences]
