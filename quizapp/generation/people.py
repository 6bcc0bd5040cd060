"""Shared parse helpers: people's full names, speakers, text units and clause predicates."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizapp.generation.lexicon import (
    LAW_NAME_CONNECTORS,
    ORGANIZATION_WORDS,
    PERSON_REFERENCE_NOUNS,
    QUOTE_MARKS,
    TITLE_FIELD_WORDS,
    TITLE_WORDS,
)
from quizapp.generation.words import PERSON_PRONOUNS, PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from quizapp.generation.types import ParsedArticle

# How many sentences back a "he said" may look for the person it stands for.
RESOLUTION_WINDOW = 3
# The longest run of words a title before a name may have.
MAX_TITLE_RUN = 12
# Endings of the abstract nouns that close a portfolio ("Export Enforcement"), never of names.
_ABSTRACT_SUFFIXES = ("ment", "tion", "sion", "ity", "ance", "ence", "ship", "ness", "ics", "ure")

# Children of a verb that are not part of what a question asks about the subject.
_DROPPED_CHILD_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "csubjpass",
        "expl",
        "cc",
        "conj",
        "advcl",
        "parataxis",
        "mark",
        "punct",
        "dep",
        "intj",
        "meta",
        "preconj",
    }
)
# Left-hand children that stay before the verb ("has also imposed", "did not sign").
_KEPT_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_JOINING_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "--"})
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!%)])")


def word_count(text: str) -> int:
    """Count the words of a question the way the quality filter does."""
    return len(text.split())


def trim(span: Span) -> Span:
    """Drop leading and trailing whitespace tokens of a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def text_units(article: ParsedArticle) -> list[tuple[int, Span]]:
    """Each sentence split at paragraph breaks, with its sentence index (headings stay apart)."""
    units: list[tuple[int, Span]] = []
    tokens = article.tokens or tuple(article.doc)
    for index, sentence in enumerate(article.sentences):
        start = sentence.start
        for token in tokens[sentence.start : sentence.end]:
            if token.is_space and "\n" in token.text:
                piece = trim(sentence.doc[start : token.i])
                if len(piece):
                    units.append((index, piece))
                start = token.i + 1
        piece = trim(sentence.doc[start : sentence.end])
        if len(piece):
            units.append((index, piece))
    return units


def unit_of(token: Token, units: Sequence[tuple[int, Span]]) -> tuple[int, Span] | None:
    """The text unit that holds a token."""
    for index, span in units:
        if span.start <= token.i < span.end:
            return index, span
    return None


def is_unresolved_pronoun(token: Token) -> bool:
    """Whether a token is a pronoun a reader could not resolve out of context."""
    lower = token.lower_
    if lower == "one":
        # "closed the old one": a noun standing for something named elsewhere.
        return token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}
    if lower not in PRONOUNS:
        return False
    if token.tag_ in {"PRP", "PRP$"}:
        return True
    # "this"/"that" standing alone, not as a determiner ("this report") or relative ("that").
    return token.tag_ == "DT" and token.dep_ != "det"


def join_tokens(tokens: Sequence[Token], replace: Mapping[int, str] | None = None) -> str:
    """Join tokens back into text, with a space wherever the original had a gap.

    `replace` maps token indices to the text that stands for them ("it" -> "the ... Act").
    """
    parts: list[str] = []
    for position, token in enumerate(tokens):
        parts.append(replace.get(token.i, token.text) if replace else token.text)
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is None:
            break
        if following.i == token.i + 1:
            parts.append(token.whitespace_)
        else:
            parts.append(" ")
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def predicate(
    verb: Token, *, drop: Iterable[Token] = (), resolved: Collection[int] = ()
) -> list[Token] | None:
    """The verb phrase of a clause without its subject and loose adjuncts, or None if unusable.

    Left-hand adjuncts ("on Thursday threatened") move behind the complements so the phrase
    reads naturally after a question word; quotations and unresolved pronouns make it unusable.
    """
    removed: set[int] = set()
    for child in verb.children:
        if child.dep_ in _DROPPED_CHILD_DEPS:
            removed.update(t.i for t in child.subtree)
    for extra in drop:
        removed.update(t.i for t in extra.subtree)
    doc = verb.doc
    for token in verb.subtree:
        if token.i in removed or token.i <= verb.i:
            continue
        loose = token.dep_ in {"advcl", "parataxis"}
        nonrestrictive = token.dep_ == "relcl" and doc[token.left_edge.i - 1].text == ","
        if loose or nonrestrictive:
            removed.update(t.i for t in token.subtree)
    kept = [t for t in verb.subtree if t.i not in removed and not t.is_space]
    # A comma or dash left next to a removed stretch would dangle.
    kept = [
        t
        for t in kept
        if not (t.text in _JOINING_PUNCT and ((t.i - 1) in removed or (t.i + 1) in removed))
    ]
    while kept and kept[-1].is_punct and kept[-1].text not in {"%", ")"}:
        kept.pop()
    if not kept or any(
        t.text in QUOTE_MARKS or (is_unresolved_pronoun(t) and t.i not in resolved) for t in kept
    ):
        return None
    left = [t for t in kept if t.i < verb.i]
    right = [t for t in kept if t.i >= verb.i]
    before, after = [], []
    for token in left:
        top = token
        while top.head.i != verb.i and top.head.i != top.i:
            top = top.head
        (before if top.dep_ in _KEPT_LEFT_DEPS else after).append(token)
    return before + right + after


def passive_owner(verb: Token, *, indefinite: bool = False) -> list[Token] | None:
    """The noun phrase a passive modifier describes, for asking it in the active voice.

    "the International Disaster Assistance account authorized by …" -> "the International
    Disaster Assistance account"; "$4.5 million in emergency funds released by …" -> the whole
    amount. None when the phrase names nothing in particular ("a program created by …"); with
    `indefinite`, "an WXY team led by …" counts, a name qualifying it.
    """
    if verb.dep_ not in {"acl", "relcl"} or verb.tag_ != "VBN":
        return None
    owner = verb.head
    if owner.pos_ not in {"NOUN", "PROPN", "NUM"} or verb.i < owner.i:
        return None
    while owner.dep_ == "pobj" and owner.head.dep_ == "prep":
        above = owner.head.head
        # "the federal Vaccines for Children program": the parser may hang a name's last word
        # under "for"; "$4.5 million in emergency funds": the amount is the thing released.
        preposition = owner.head.lower_
        name = above.pos_ in {"PROPN", "NOUN"} and above.text[:1].isupper()
        name = name and preposition in {"for", "of"}
        amount = (above.like_num or above.tag_ == "CD") and preposition in {"in", "of"}
        if above.i > owner.i or not (name or amount):
            break
        owner = above
    start = verb.left_edge.i
    if start > 0 and verb.doc[start - 1].text == ",":
        start -= 1
    skipped = {
        t.i
        for child in owner.children
        if child.dep_ in {"acl", "relcl", "appos", "punct", "cc", "conj"} and child.i > owner.i
        for t in child.subtree
    }
    phrase = [t for t in owner.subtree if t.i not in skipped and t.i < start and not t.is_space]
    if not phrase:
        return None
    first = phrase[0]
    # "An WXY team led by …" is one team in particular only when a name qualifies it.
    named = (
        indefinite and first.lower_ in {"a", "an"} and phrase[1:2] and phrase[1].text[:1].isupper()
    )
    definite = first.lower_ == "the" or first.pos_ == "PROPN" or first.like_num or first.text == "$"
    if not (definite or named):
        return None
    unusable = any(
        t.text in QUOTE_MARKS or is_unresolved_pronoun(t) or t.tag_ == "PRP$" for t in phrase
    )
    if unusable or any(t.pos_ in {"VERB", "AUX"} for t in phrase):
        return None
    return phrase


def lower_moved_opener(question: str, verb: Token) -> str:
    """ "... provide aid In the Shore Ridge?" -> "... in the Shore Ridge?".

    An adjunct that opened the sentence moves to the end of a question, keeping its capital.
    """
    first = verb.sent[0]
    if first.pos_ not in {"ADP", "DET", "ADV"} or not first.text[:1].isupper():
        return question
    marker = f" {first.text} "
    position = question.rfind(marker)
    if position <= 0:
        return question
    return question[:position] + f" {first.lower_} " + question[position + len(marker) :]


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of a verb, if it has exactly one."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if len(subjects) == 1 else None


@dataclass(frozen=True, slots=True)
class Quotation:
    """The tokens between a pair of quotation marks (marks excluded)."""

    start: int
    end: int


def find_quotations(doc: Doc) -> list[Quotation]:
    """Every balanced quotation inside one paragraph, in text order."""
    found: list[Quotation] = []
    opened: int | None = None
    for token in doc:
        if token.is_space and "\n" in token.text:
            opened = None  # an unclosed quotation runs into the next paragraph: not ours
        elif token.text == "“" or (token.text == '"' and opened is None):
            opened = token.i
        elif token.text in {"”", '"'} and opened is not None:
            if token.i > opened + 1:
                found.append(Quotation(opened + 1, token.i))
            opened = None
    return found


def quotations_of(article: ParsedArticle) -> list[Quotation]:
    """The article's quotations, found once and shared by the generators."""
    return article.memo("quotations", lambda: find_quotations(article.doc))


def quoted_tokens_of(article: ParsedArticle) -> set[int]:
    """The indices of all tokens inside quotation marks, found once per article."""
    return article.memo(
        "quoted_tokens", lambda: {i for q in quotations_of(article) for i in range(q.start, q.end)}
    )


def people_of(article: ParsedArticle) -> People:
    """The article's People index, built once and shared by every generator of one call."""
    return article.memo("people", lambda: People(article.doc, entities_of(article)))


def entities_of(article: ParsedArticle) -> list[Span]:
    """All entity spans of the article in text order, read from `article.spans` (no doc.ents)."""
    if article.ents:
        return list(article.ents)
    return article.memo(
        "entities",
        lambda: sorted(
            (span for spans in article.spans.values() for span in spans),
            key=lambda span: span.start,
        ),
    )


class People:
    """The people named in one article: their mentions, full names and roles as speakers."""

    def __init__(self, doc: Doc, entities: Sequence[Span] | None = None) -> None:
        """Index the PERSON entities of a parsed article (`entities` defaults to `doc.ents`)."""
        self.doc = doc
        # Reading doc.ents builds new spans each time: keep one list.
        self.entities: list[Span] = list(doc.ents if entities is None else entities)
        self.mentions: list[Span] = []
        self._by_token: dict[int, Span] = {}
        self._full_names: dict[tuple[int, int], Span | None] = {}
        for ent in self.entities:
            if ent.label_ != "PERSON":
                continue
            person = _clean_person(ent)
            if person is None:
                continue
            self.mentions.append(person)
            for token in person:
                self._by_token[token.i] = person
        self._join_split_names()
        self._add_mislabelled_surnames()

    def _join_split_names(self) -> None:
        """Mend names the model cut in two: "Heath Field" + "Moor", "Marta" + "Quesada Rojas"."""
        joined: list[Span] = []
        for mention in self.mentions:
            if joined and joined[-1].end == mention.start and len(joined[-1]) + len(mention) <= 4:
                joined[-1] = self.doc[joined[-1].start : mention.end]
            else:
                joined.append(mention)
        for position, mention in enumerate(joined):
            before = self.doc[mention.start - 1] if mention.start > 0 else None
            given = before is not None and len(mention) >= 2 and _is_given_name(before)
            if given and before is not None and not _ends_title_run(before):
                joined[position] = self.doc[before.i : mention.end]
        self.mentions = joined
        self._by_token = {token.i: mention for mention in joined for token in mention}

    def _add_mislabelled_surnames(self) -> None:
        """Count a known surname the model labelled otherwise ("Wren" as ORG) as a person."""
        surnames = {m[-1].text for m in self.mentions if len(m) > 1}
        if not surnames:
            return
        for token in self.doc:
            if token.i in self._by_token or token.text not in surnames:
                continue
            if token.pos_ not in {"PROPN", "NOUN"}:
                continue
            if token.ent_type_ and (token.ent_iob_ != "B" or _entity_length(token) != 1):
                continue
            mention = self.doc[token.i : token.i + 1]
            self.mentions.append(mention)
            self._by_token[token.i] = mention
        self._add_titled_names()
        self.mentions.sort(key=lambda span: span.start)

    def _add_titled_names(self) -> None:
        """Count a name the model mislabelled as a person when a title is apposed to it.

        "Herve Verhoosel, a spokesman for the agency": only people are spokesmen.
        """
        for ent in self.entities:
            if ent.label_ == "PERSON" or any(t.i in self._by_token for t in ent):
                continue
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) or len(ent) > 4:
                continue
            titled = any(
                child.dep_ == "appos" and child.lemma_.lower() in PERSON_REFERENCE_NOUNS
                for child in ent.root.children
            )
            if titled and len(ent) > 1:
                self.mentions.append(ent)
                for token in ent:
                    self._by_token[token.i] = ent

    def at(self, token: Token) -> Span | None:
        """The person mention a token belongs to."""
        return self._by_token.get(token.i)

    def full_name(self, mention: Span) -> Span | None:
        """The longest form of a person's name in the article, or None when ambiguous.

        "Wren" → "Thorn Wren"; "Banks" → "Banks Robin Hart" when that is the only "Banks"
        named before (Korean names put the family name first); "Field" → "Heath Field Moor"
        (Spanish names carry two family names).
        """
        key = (mention.start, mention.end)
        if key not in self._full_names:
            self._full_names[key] = self._longest_form(mention)
        return self._full_names[key]

    def _longest_form(self, mention: Span) -> Span | None:
        """The uncached work of `full_name`."""
        words = [t.text for t in mention]
        forms: dict[str, Span] = {}
        for other in self.mentions:
            texts = [t.text for t in other]
            if len(texts) < len(words):
                continue
            size = len(words)
            if any(texts[i : i + size] == words for i in range(len(texts) - size + 1)):
                forms.setdefault(other.text, other)
        if not forms:
            return None
        longest = max(len(span) for span in forms.values())
        if longest < 2:
            return None  # a lone capitalised word ("Measles", "Turnout") is no sure name
        best = [span for span in forms.values() if len(span) == longest]
        if len(best) > 1:
            earlier = [span for span in best if span.start <= mention.start]
            if len(earlier) != 1:
                return None
            best = earlier
        return best[0]

    def is_person(self, person: Span) -> bool:
        """Whether the text shows a full name is a person's, not a place or a title the model
        tagged PERSON ("Grants Pass", "Cross Bell Field"): some mention of it is the
        subject of a verb, follows a title or is a shortened form of it."""
        if any(t.lower_ in TITLE_WORDS or t.lower_ in ORGANIZATION_WORDS for t in person):
            return False
        for mention in self.mentions:
            if self.full_name(mention) != person:
                continue
            if len(mention) < len(person) or mention.root.dep_ in {"nsubj", "nsubjpass"}:
                return True
            before = self.doc[mention.start - 1] if mention.start > 0 else None
            if before is not None and (before.lower_ in TITLE_WORDS or before.text == ","):
                return True
            if any(c.dep_ == "appos" for c in mention.root.children):
                return True
        return False

    def subject_person(self, verb: Token) -> Span | None:
        """The person named as the subject of a verb (directly or by apposition), full form."""
        subject = subject_of(verb)
        if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl":
            subject = verb.head  # "Uhuru Kenyatta, who was declared the winner"
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            return None
        mention = self.at(subject)
        if mention is None:
            appositions = [c for c in subject.children if c.dep_ == "appos" and self.at(c)]
            if len(appositions) != 1:
                return None
            mention = self.at(appositions[0])
        if mention is None or any(t.dep_ == "poss" or t.tag_ == "POS" for t in mention):
            return None
        if mention.end < len(self.doc) and self.doc[mention.end].tag_ == "POS":
            return None
        return self.full_name(mention)

    def resolve_reference(self, subject: Token, sentences: Sequence[Span]) -> Span | None:
        """The named person a "he"/"the official" subject stands for, when that is certain.

        It is the person last named as a subject in the few sentences before, provided no
        other person is named (outside quotation marks) between that mention and `subject`.
        """
        if not _is_person_reference(subject):
            return None
        current = subject.sent.start
        earlier = [s for s in sentences if s.start < current][-RESOLUTION_WINDOW:]
        for sentence in reversed(earlier):
            named = [
                person
                for token in sentence
                if token.pos_ in {"VERB", "AUX"}
                and (person := self.subject_person(token)) is not None
            ]
            if named:
                return self._alone_since(named[-1], subject)
        return None

    def _alone_since(self, person: Span, subject: Token) -> Span | None:
        """`person` if nobody else is named outside quotes from its mention up to `subject`."""
        start = max(
            (m.start for m in self.mentions if m.start < subject.i and self.full_name(m) == person),
            default=subject.i,
        )
        for token in _outside_quotes(self.doc, start, subject.i):
            mention = self.at(token)
            if mention is not None and self.full_name(mention) != person:
                return None
        return person


def _is_given_name(token: Token) -> bool:
    """A lone name-shaped word before a two-word name ("Marta" in "Marta Quesada Rojas")."""
    if not (token.is_alpha and token.text[:1].isupper() and token.text[1:].islower()):
        return False
    if token.pos_ != "PROPN" or (token.is_sent_start and token.ent_type_ != "PERSON"):
        return False
    lower = token.lower_
    if lower in TITLE_WORDS or lower in TITLE_FIELD_WORDS or lower in ORGANIZATION_WORDS:
        return False
    return not token.ent_type_ or (_entity_length(token) == 1 and token.ent_type_ != "NORP")


def _ends_title_run(token: Token) -> bool:
    """Whether a capitalised word closes a title or list rather than opening a name: "... for
    Population, Refugees, and [Migration] Silver Copper", "Secretary of [State] Ana Ruiz"."""
    # Not "-ence"/"-ance": "Lawrence", "Constance" are given names.
    if token.lower_.endswith(("tion", "sion", "ment", "ness", "ship", "ics")):
        return True
    return token.i > 0 and token.doc[token.i - 1].lower_ in LAW_NAME_CONNECTORS


def _entity_length(token: Token) -> int:
    """The number of tokens of the entity a token begins."""
    length = 1
    doc = token.doc
    while token.i + length < len(doc) and doc[token.i + length].ent_iob_ == "I":
        length += 1
    return length


def _outside_quotes(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens between two positions that are not inside quotation marks."""
    tokens: list[Token] = []
    inside = False
    for token in doc[start:end]:
        if token.text in {"“", "”", '"'}:
            inside = token.text == "“" or (token.text == '"' and not inside)
            continue
        if not inside:
            tokens.append(token)
    return tokens


def _continues_title(doc: Doc, index: int) -> bool:
    """Whether the token at `index` ends a title that runs into a name: "Assistant Secretary of
    Commerce for Export [Enforcement] Iron Bull" (not "President [Marta] Quesada Rojas")."""
    position = index - 1
    if position < 0 or doc[position].lower_ in TITLE_WORDS:
        return False
    if not doc[index].lower_.endswith(_ABSTRACT_SUFFIXES):
        return False  # a given name ("Minister for Risk Management [Haven] Crest Bay")
    while position >= max(index - MAX_TITLE_RUN, 0):
        token = doc[position]
        if token.is_space or not (token.text[:1].isupper() or token.lower_ in LAW_NAME_CONNECTORS):
            return False
        if token.lower_ in TITLE_WORDS:
            return True
        position -= 1
    return False


def _is_person_reference(token: Token) -> bool:
    """ "he", "she" or a definite title noun ("the official", "the spokesman")."""
    if token.lower_ in PERSON_PRONOUNS:
        return True
    if token.pos_ != "NOUN" or token.lemma_.lower() not in PERSON_REFERENCE_NOUNS:
        return False
    determiners = [c for c in token.children if c.dep_ == "det"]
    others = [c for c in token.children if c.dep_ not in {"det", "amod", "compound"}]
    return len(determiners) == 1 and determiners[0].lower_ == "the" and not others


def _clean_person(ent: Span) -> Span | None:
    """A PERSON entity without a trailing possessive or punctuation, or None if implausible."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].pos_ == "DET"):
        start += 1
    # "... for Terrorism and Financial Intelligence Sand Snow": the end of a title.
    # "Engineer Faith Njeri": a title the model took into the name.
    while end - start > 2 and (
        doc[start].lower_ in TITLE_FIELD_WORDS
        or doc[start].lower_ in TITLE_WORDS
        or _continues_title(doc, start)
    ):
        start += 1
    span = doc[start:end]
    if not len(span) or len(span) > 5:
        return None
    if not all(t.text[:1].isupper() and not t.like_num for t in span):
        return None
    if not any(t.pos_ == "PROPN" for t in span):
        return None
    if any(t.lower_ in ORGANIZATION_WORDS for t in span):
        return None  # "Axiom Space": a company the model took for a person
    return span
