"""Parses cleaned text with spaCy once and collects the mentions generators and distractors use."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from quizapp.generation import distractor_lists, patterns
from quizapp.generation.lexicon import ORGANIZATION_WORDS, TITLE_FIELD_WORDS, TITLE_WORDS
from quizapp.generation.lexicon_facts import PERSON_NOUNS
from quizapp.generation.names import is_camel_case, is_known_place
from quizapp.generation.nlp import load_nlp
from quizapp.generation.types import ParsedArticle, kind_key

# Labels that already describe a number; other labels on a bare number word are model errors.
_NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"})


def parse_article(text: str, pool: Mapping[str, Sequence[str]] | None = None) -> ParsedArticle:
    """Parse cleaned text (paragraphs separated by blank lines) into a ParsedArticle."""
    doc = _parse(text)
    # Reading doc.ents builds new Span objects each time: read it once, keep our own list.
    model_entities = list(doc.ents)
    laws = _law_spans(doc, model_entities, text)
    entities = _repaired_organizations(
        _repaired_places(_repaired_people(doc, _merged_entities(doc, laws, model_entities)))
    )
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
        ents=tuple(entities),
        tokens=tuple(doc),
        laws=[ent for ent in entities if ent.label_ == "LAW"],
        person_names=_person_names(spans.get("PERSON", [])),
        kinds=_kinds(spans),
        sentence_paragraphs=_sentence_paragraphs(text, sentences),
    )


def _parse(text: str) -> Doc:
    """Run the pipeline once, paragraph by paragraph, so no sentence crosses a paragraph break."""
    nlp = load_nlp()
    paragraphs = text.split("\n\n")
    # Each piece keeps its separator so the joined Doc's text is exactly `text`.
    pieces = [paragraph + "\n\n" for paragraph in paragraphs[:-1]] + [paragraphs[-1]]
    docs = list(nlp.pipe(retokenized(nlp.make_doc(piece)) for piece in pieces))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


# A mixed-case acronym with the sentence's full stop glued on ("… paid to DoF. The …").
_GLUED_STOP = re.compile(r"^(?=[A-Za-z]*[a-z])[A-Za-z]*[A-Z]\.$")


def retokenized(doc: Doc) -> Doc:
    """The tokens as the parser reads them best: a word prefix the tokenizer split off at its
    hyphen joined again ("re", "-", "designated" -> "re-designated"), and a sentence's full
    stop split off a mixed-case acronym before a capitalised word, as the tokenizer does for
    "ABC." ("DoF. The" -> "DoF", ".", "The")."""
    prefixed: list[int] = []
    for token in doc[:-2]:
        if (
            token.lower_ in _WORD_PREFIXES
            and not token.whitespace_
            and doc[token.i + 1].text == "-"
            and not doc[token.i + 1].whitespace_
            and doc[token.i + 2].is_lower
            and doc[token.i + 2].is_alpha
            and (not prefixed or prefixed[-1] + 3 <= token.i)
        ):
            prefixed.append(token.i)
    if prefixed:
        with doc.retokenize() as retokenizer:
            for start in prefixed:
                retokenizer.merge(doc[start : start + 3])
    glued = [
        token
        for token in doc[:-1]
        if _GLUED_STOP.match(token.text)
        and token.whitespace_
        and doc[token.i + 1].text[:1].isupper()
    ]
    if glued:
        with doc.retokenize() as retokenizer:
            for token in glued:
                retokenizer.split(
                    token, [token.text[:-1], "."], heads=[(token, 1), token], attrs={}
                )
    return doc


# Prefixes the tokenizer splits off at a hyphen ("re - designated"), which the parser then
# misreads as a word of their own; joined again they read as one verb or adjective.
_WORD_PREFIXES = frozenset({"re", "co", "pre", "non", "un", "mis", "de"})


def _law_spans(doc: Doc, model_entities: list[Span], text: str | None = None) -> list[Span]:
    """Named laws matched by rule, numbered references winning over overlapping names.

    `text` is the doc's text when the caller has it: `Doc.text` joins every token anew.
    """
    taken: list[tuple[int, int]] = []
    found: list[Span] = []
    text = doc.text if text is None else text
    for pattern in patterns.LAW_REFERENCE_PATTERNS:
        for match in pattern.finditer(text):
            span = _law_span(doc, match.start(), match.end(), taken)
            if span is not None:
                found.append(span)
                taken.append((span.start_char, span.end_char))
    for match in patterns.LAW_NAME_PATTERN.finditer(text):
        for start, end in _law_name_pieces(text, match.start(), match.end()):
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


def _repaired_people(doc: Doc, entities: list[Span]) -> list[Span]:
    """Person entities fixed where the small model is weak.

    A title word glued to a name is trimmed ("Intelligence Sand Snow"); a given name left
    outside ("Marta" + "Quesada Rojas") or a name split in two ("Heath Field" + "Moor") is
    joined; a "person" that is a facility ("Soto Cano" Air Base) or an organization ("Volga
    Avionika, a company") is relabelled; a lone capitalised word at a sentence start that
    names nobody else ("Turnout") is dropped; a surname the model called an organization or a
    place ("Field", "Moon") becomes a person again.
    """
    repaired: list[Span] = []
    for ent in entities:
        if ent.label_ == "PERSON":
            ent = _before_possessive(ent)
            if ent is None:
                continue
            ent = _trim_title(ent)
            ent = _with_given_name(ent, repaired)
        if repaired and _continues_name(repaired[-1], ent):
            ent = Span(doc, repaired.pop().start, ent.end, label="PERSON")
        repaired.append(ent)
    names = _name_words(repaired)
    fixed: list[Span] = []
    for ent in repaired:
        if ent.label_ == "ORG":
            ent = _person_after_title(ent, names)
        if ent.label_ in _ROLE_MISLABELS:
            ent = _person_by_role(ent)
        if ent.label_ == "PERSON":
            relabelled = _not_a_person(ent, names)
            if relabelled is None:
                continue
            ent = relabelled
        elif ent.label_ in patterns.SURNAME_MISLABELS and _is_known_surname(ent, names):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        fixed.append(ent)
    return sorted(filter_spans(fixed), key=lambda span: span.start)


def _repaired_places(entities: list[Span]) -> list[Span]:
    """Place and event entities fixed where the small model is weak.

    A place cut short is extended over the name word after it ("Storm" + "Cloud"); a
    one-word "organization" joined by "and" to a place is a place ("Cortés and Yoro"); a
    one-word name that is part of an event's name elsewhere is that event ("Delia" of
    "Hurricane Delia").
    """
    if not entities:
        return entities
    doc = entities[0].doc
    event_words = {
        token.text for ent in entities if ent.label_ == "EVENT" and len(ent) > 1 for token in ent
    }
    taken = {token.i for ent in entities for token in ent}
    fixed: list[Span] = []
    for ent in entities:
        label = ent.label_
        if label in {"GPE", "LOC"} and _numbered_name(ent):
            continue  # "E.O. 14250", "No. 2": an abbreviation before its number, no place
        told = _told_by_apposition(ent) if label in _NAME_LABELS else None
        if told is not None and told != label:
            ent = Span(doc, ent.start, ent.end, label=told)
        elif len(ent) == 1 and ent.text in event_words and label in {"GPE", "ORG", "PERSON"}:
            ent = Span(doc, ent.start, ent.end, label="EVENT")
        elif label in {"GPE", "LOC"} and _cut_short_place(ent, taken):
            ent = Span(doc, ent.start, ent.end + 1, label=label)
        elif (
            label == "ORG"
            and len(ent) == 1
            and not ent.text.isupper()
            and ent.root.dep_ == "conj"
            and ent.root.head.ent_type_ in {"GPE", "LOC"}
            and ent.root.lower_ not in ORGANIZATION_WORDS
        ):
            ent = Span(doc, ent.start, ent.end, label="GPE")
        fixed.append(ent)
    return sorted(filter_spans(fixed), key=lambda span: span.start)


def _repaired_organizations(entities: list[Span]) -> list[Span]:
    """Organization names the model cut in two joined, and cut short before an address.

    "the ABC. Sky for" + "Sun Star" (a name cannot end on "for") and
    "Steel of Rain, Gold" + ", and Migration" (the last item of a list inside the
    name) become one name; "the Office of the Spokesperson at press@example.gov" loses the
    e-mail address.
    """
    fixed: list[Span] = []
    # Tokens inside entities, only needed (and built) when an organization holds a list.
    taken = (
        {token.i for ent in entities for token in ent}
        if any(ent.label_ == "ORG" and "," in ent.text for ent in entities)
        else set()
    )
    for ent in entities:
        if ent.label_ == "ORG":
            ent = _with_last_list_item(_without_address(_with_closing_bracket(ent)), taken)
            if ent is None:
                continue
        previous = fixed[-1] if fixed else None
        if previous is not None and previous.label_ == "ORG" and _continues_org(previous, ent):
            fixed[-1] = Span(ent.doc, previous.start, ent.end, label="ORG")
            continue
        fixed.append(ent)
    return fixed


def _with_closing_bracket(ent: Span) -> Span:
    """A name cut before the bracket that closes its acronym ("the Office of Tides (OT")
    with the bracket: an answer never opens a bracket it does not close."""
    doc = ent.doc
    opened = ent.text.count("(") > ent.text.count(")")
    if opened and ent.end < len(doc) and doc[ent.end].text == ")":
        return Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _with_last_list_item(ent: Span | None, taken: set[int]) -> Span | None:
    """An ORG span holding a list ("Steel of Oceans, Fisheries") extended over the list's
    last item when the model left it out (", and Wildlife")."""
    if ent is None or not any(token.text == "," for token in ent):
        return ent
    doc = ent.doc
    end = ent.end
    if end + 2 >= len(doc) or [doc[end].text, doc[end + 1].lower_] != [",", "and"]:
        return ent
    last = end + 2
    while last < len(doc) and last not in taken and _is_name_word(doc[last]):
        last += 1
    return ent if last == end + 2 else Span(doc, ent.start, last, label="ORG")


def _without_address(ent: Span) -> Span | None:
    """An ORG span cut before an e-mail address or a web address (and the "at" before it)."""
    end = next((token.i for token in ent if token.like_email or token.like_url), ent.end)
    if end == ent.end:
        return ent
    while end > ent.start and ent.doc[end - 1].lower_ in _TITLE_JOINS | {"at", ","}:
        end -= 1
    return Span(ent.doc, ent.start, end, label="ORG") if end > ent.start else None


def _continues_org(previous: Span, ent: Span) -> bool:
    """Whether `ent` is the rest of the organization name `previous` (see above)."""
    if ent.label_ not in _NAME_LABELS or not ent[0].text[:1].isupper():
        return False
    gap = [token.lower_ for token in previous.doc[previous.end : ent.start]]
    if not gap:
        return previous[-1].lower_ in _TITLE_JOINS
    return (
        gap in ([",", "and"], ["and"])
        and len(ent) == 1
        and any(token.text == "," for token in previous)
    )


# Labels the model confuses for one another on names.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})


def _told_by_apposition(ent: Span) -> str | None:
    """The label a noun next to a name gives it: "the trade bloc Mercosur", "Volga
    Avionika, a company" (ORG); "Helen Park, a lawyer" (PERSON); None when nothing says."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.is_lower
        and before.lemma_.lower() in patterns.ORGANIZATION_APPOSITION_NOUNS
    ):
        return "ORG"
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        lemma = child.lemma_.lower()
        if lemma in patterns.ORGANIZATION_APPOSITION_NOUNS:
            return "ORG"
        if (
            lemma in patterns.PERSON_APPOSITION_NOUNS
            and 2 <= len(ent) <= 3
            and all(_is_name_word(token) for token in ent)
        ):
            return "PERSON"
    return None


def _numbered_name(ent: Span) -> bool:
    """Whether a one-word abbreviation is the name of a number after it ("E.O. 14250")."""
    doc = ent.doc
    if len(ent) != 1 or "." not in ent.text or ent.end >= len(doc):
        return False
    return doc[ent.end].is_digit


def _cut_short_place(ent: Span, taken: set[int]) -> bool:
    """Whether one more name word belongs to a place ("Storm" + "Cloud"), the name then
    ending ("ABC. Assistant Secretary", "Bangladesh Foreign Minister" are titles)."""
    doc = ent.doc
    end = ent.end
    if not ent[-1].is_alpha or end >= len(doc) or end in taken or not _is_name_word(doc[end]):
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return after is None or not (after.is_title or after.is_upper) or after.is_sent_start


def _is_title_word(token: Token) -> bool:
    """A word of a title or its portfolio ("President", "Intelligence")."""
    lower = token.lower_
    return lower in TITLE_WORDS or lower in TITLE_FIELD_WORDS or lower in patterns.EXTRA_TITLE_WORDS


def _before_possessive(ent: Span) -> Span | None:
    """A person's name ends before a possessive inside the span ("Roe’s Party" -> "Roe")."""
    mark = next((token.i for token in ent if token.tag_ == "POS"), None)
    if mark is None:
        return ent
    return Span(ent.doc, ent.start, mark, label="PERSON") if mark > ent.start else None


def _trim_title(ent: Span) -> Span:
    """A PERSON span without title words glued to its start ("Intelligence Sand Snow",
    "Assistant Secretary for Rain, Gold, and Migration Silver Copper")."""
    start = ent.start
    doc = ent.doc
    while ent.end - start > 2 and (_is_title_word(doc[start]) or _ends_a_title(doc, start)):
        start += 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="PERSON")


def _ends_a_title(doc: Doc, start: int) -> bool:
    """Whether the word at `start` closes a capitalised title before it ("… and Migration",
    "… of State"): it follows a joining word that itself follows a capitalised word (not
    "the wife of Maria Flint Clay")."""
    if start < 2 or doc[start - 1].lower_ not in _TITLE_JOINS:
        return False
    before = doc[start - 2]
    if before.text == "," and start >= 3:
        before = doc[start - 3]
    return before.is_title and before.pos_ == "PROPN"


_TITLE_JOINS = frozenset({"and", "for", "of", "on", "&"})


def _is_name_word(token: Token) -> bool:
    """A capitalised proper-noun word that could be part of a person's name."""
    text = token.text
    return (
        token.is_alpha
        and text[:1].isupper()
        and text[1:].islower()
        and token.pos_ == "PROPN"
        and not _is_title_word(token)
        and token.lower_ not in ORGANIZATION_WORDS
        and token.lower_ not in patterns.FACILITY_WORDS
    )


def _with_given_name(ent: Span, before: list[Span]) -> Span:
    """A two-word PERSON span with the given name the model left outside ("Marta")."""
    doc = ent.doc
    if len(ent) != 2 or ent.start == 0:
        return ent
    given = doc[ent.start - 1]
    if not _is_name_word(given) or given.is_sent_start or is_known_place(given.text):
        return ent
    if _ends_a_title(doc, given.i):
        return ent  # "… Gold, and Migration" Silver Copper
    if before and before[-1].end == given.i + 1 and len(before[-1]) > 1:
        return ent  # part of a longer entity ("Costa Rica")
    if before and before[-1].end == given.i + 1:
        before.pop()  # the model's one-word label on the given name ("Marta" as GPE)
    return Span(doc, given.i, ent.end, label="PERSON")


def _person_after_title(ent: Span, names: set[str]) -> Span:
    """The name at the end of an ORG span that swallowed a title ("Commerce for Export
    Enforcement Iron Bull" -> "Iron Bull", Bull being a person elsewhere)."""
    if len(ent) < 4 or ent[-1].text not in names:
        return ent
    if not (_is_name_word(ent[-2]) and _is_name_word(ent[-1])):
        return ent
    if ent[-3].is_punct or ent[-3].lower_ in {"of", "for", "and"}:
        return ent  # "Steel of Industry and Security"-like names end in their own words
    return Span(ent.doc, ent.end - 2, ent.end, label="PERSON")


# Labels the small model gives a person's name it does not know ("Ana Lima Costa is a Major").
_ROLE_MISLABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_MAX_NAME_WORDS = 5


def _person_by_role(ent: Span) -> Span:
    """A name the model labelled a place or an organization, relabelled PERSON when the
    sentence says it is a person: the subject of "is a/an/the <title>" ("Ana Lima Costa is a
    Major in the Army", "… is the Secretary General of …"), or a name followed by ", <title>
    of <body>"."""
    root = ent.root
    if not 2 <= len(ent) <= _MAX_NAME_WORDS or not all(_is_name_word(t) for t in ent):
        return ent
    title = next((c for c in root.children if c.dep_ == "appos" and c.i == ent.end + 1), None)
    if (
        title is not None
        and ent.doc[ent.end].text == ","
        and title.pos_ == "NOUN"
        and (_is_title_word(title) or title.lower_ in PERSON_NOUNS)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children)
    ):
        # "Ana Lima Costa, head of the Harbor Board, said …": a title of a body after a
        # comma names a person.
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return ent
    attribute = next((c for c in root.head.children if c.dep_ == "attr"), None)
    if attribute is None or not any(c.dep_ == "det" for c in attribute.children):
        return ent
    if not (_is_title_word(attribute) or attribute.lower_ in PERSON_NOUNS):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PERSON")


def _continues_name(previous: Span, ent: Span) -> bool:
    """Whether two PERSON spans are one name split in two ("Heath Field" + "Moor")."""
    return (
        previous.label_ == ent.label_ == "PERSON"
        and previous.end == ent.start
        and len(previous) + len(ent) <= 4
        and previous[-1].whitespace_ == " "
        and all(_is_name_word(token) for token in ent)
    )


def _name_words(entities: list[Span]) -> set[str]:
    """The words of person names ("Field", "Moor" from "Heath Field Moor"; "Bull")."""
    return {ent.text for ent in entities if ent.label_ == "PERSON"} | {
        token.text for ent in entities if ent.label_ == "PERSON" for token in ent
    }


def _not_a_person(ent: Span, names: set[str]) -> Span | None:
    """The span relabelled when the model took a place, a facility or a company for a person
    (None when it names nothing)."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and doc[end].lower_ in patterns.FACILITY_WORDS and doc[end].is_title:
        end += 1
    if end > ent.end:
        return Span(doc, ent.start, end, label="FAC")  # "Soto Cano Air Base"
    if any(token.lower_ in ORGANIZATION_WORDS or is_camel_case(token.text) for token in ent) or any(
        child.dep_ == "appos" and child.lemma_.lower() in patterns.ORGANIZATION_APPOSITION_NOUNS
        for child in ent.root.children
    ):
        return Span(doc, ent.start, ent.end, label="ORG")
    if _is_place_object(ent) and not _in_longer_name(ent[-1].text, names - {ent.text}):
        return Span(doc, ent.start, ent.end, label="GPE")  # "north of Grants Pass"
    if (
        len(ent) == 1
        and ent[0].is_sent_start
        and not _in_longer_name(ent.text, names)
        and getAllLemmas(ent.text.lower()).get("NOUN")
    ):
        return None  # "Turnout was 61%", "Measles spreads": a capitalised English noun
    return ent


def _in_longer_name(word: str, names: set[str]) -> bool:
    """Whether a word is part of a multi-word person name (entries "Heath Field Moor")."""
    return any(word in name.split() for name in names if " " in name)


def _is_place_object(ent: Span) -> bool:
    """Whether a name is the object of a place preposition ("near X", "north of X") or is
    followed by a state or country ("X, Lamb")."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == ",":
        # "Grants Pass, Lamb, said": the state closes the phrase; not "Thorn Wren, ABC.
        # Assistant Secretary", where the country modifies a title.
        following, closing = doc[ent.end + 1], doc[ent.end + 2]
        if following.text in _STATE_OR_COUNTRY_WORDS and closing.is_punct:
            return True
    root = ent.root
    if root.dep_ != "pobj" or doc[ent.end - 1].tag_ == "POS":
        return False
    preposition = root.head
    if preposition.lower_ in patterns.PLACE_PREPOSITIONS and preposition.head.pos_ == "VERB":
        # "in Grants Pass" after a verb of place; not "a talk with", "a letter to".
        return preposition.head.lemma_ in _PLACE_VERBS
    return preposition.lower_ == "of" and preposition.head.lower_ in patterns.DIRECTION_WORDS


# Verbs whose "in/near/from X" names a place ("evacuated from X", "landed near X").
_PLACE_VERBS = frozenset(
    {
        "live", "evacuate", "burn", "land", "arrive", "flee", "start", "spread", "hit",
        "strike", "occur", "base", "locate", "rise", "fall", "destroy", "reach", "head",
        "travel", "move", "shelter", "stay", "die", "kill", "arrest", "hold",
    }
)  # fmt: skip
# One-word states and countries that may close a "Town, State," phrase.
_STATE_OR_COUNTRY_WORDS = frozenset(
    name
    for name in (*distractor_lists.GAZETTEER_US_STATES, *distractor_lists.GAZETTEER_COUNTRIES)
    if name.isalpha()
)


def _is_known_surname(ent: Span, names: set[str]) -> bool:
    """A one-word entity that is a word of a person's multi-word name in the article."""
    return len(ent) == 1 and _in_longer_name(ent.text, names) and not is_known_place(ent.text)


def _is_number_token(token: object) -> bool:
    """Whether a token is a number in digits or words ("10", "80,000", "Eight")."""
    return bool(token.like_num or token.lower_ in patterns.NUMBER_WORDS)  # type: ignore[attr-defined]


def _fix_number_label(ent: Span) -> list[Span]:
    """Relabel a bare number the model called a name or money ("between 20 million and 25
    million" people); split "Eight North Korean" in two."""
    if ent.label_ == "MONEY" and all(
        _is_number_token(token) or token.lower_ in patterns.NUMBER_RANGE_WORDS for token in ent
    ):
        return [Span(ent.doc, ent.start, ent.end, label="CARDINAL")]
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
    # "Field" -> "Heath Field" -> "Heath Field Moor": follow to the fullest name.
    for short, full in names.items():
        seen = {short}
        while full in names and full not in seen:
            seen.add(full)
            full = names[full]
        names[short] = full
    return names


def _kinds(spans: dict[str, list[Span]]) -> dict[str, str]:
    """What each name of the article is: the majority kind of its mentions, except that the
    words of a multi-word person name are that person ("Vogel" of "Lena Vogel") unless they
    are a known place."""
    votes: dict[str, Counter[str]] = {}
    for kind, found in spans.items():
        for span in found:
            votes.setdefault(kind_key(span.text), Counter())[kind] += 1
    kinds = {key: _winner(counts) for key, counts in votes.items()}
    # One span per name: a person is mentioned many times under the same name.
    first_spans = {span.text: span for span in reversed(spans.get("PERSON", ()))}
    for span in first_spans.values():
        if len(span) < 2:
            continue
        for token in span:
            if _is_name_word(token) and not is_known_place(token.text):
                kinds[token.text] = "PERSON"
    return kinds


def _winner(counts: Counter[str]) -> str:
    """The majority kind; a tie with "PERSON" goes to the person (a name the model also called
    an organization once, in a list line, is still the person it named elsewhere)."""
    best = max(counts.values())
    if counts.get("PERSON", 0) == best:
        return "PERSON"
    return counts.most_common(1)[0][0]


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
