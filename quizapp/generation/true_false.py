"""The true_false generator: questions about true statements and their false twins.

A question reads `True or false: <statement>?`: the statement is an article sentence as
written (its closing period replaced by the question mark), or the same sentence with one
fact (a number, person, organization, place or date) swapped for another of the same kind
from the article. Sentences alternate between true and false in text order, so the same
article always gives the same mix; a sentence with nothing to swap stays true.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation.lexicon import CONNECTIVE_OPENERS, QUOTE_MARKS, SPEAKER_PRONOUNS
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.people import People, is_unresolved_pronoun, word_count
from quizapp.generation.types import Candidate, ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PREFIX = "True or false:"
CHOICES = ("True", "False")
MAX_WORDS = 30
MIN_STATEMENT_WORDS = 6
# Entity labels whose mentions may be swapped, grouped into kinds that are interchangeable.
SWAP_KINDS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "GPE",
    "DATE": "DATE",
    "CARDINAL": "NUMBER",
}
# Roles in which a mention is a fact of the clause (not a modifier like "U.S. citizens").
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "conj", "dative", "nummod"}
)
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")
# "NAIROBI — ", "WASHINGTON (AP) - ": the dateline before a story's first sentence.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’]+(?:\([A-Za-z]+\))?\s*[—–-]+\s*")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention with the "the" the text gives it, ready to swap in or out."""

    start: int  # first token index, "the" included
    end: int
    kind: str
    core: str  # the name without a leading "the"
    has_article: bool


class TrueFalseGenerator:
    """Propose true statements from article sentences and false twins with one fact swapped."""

    type: ClassVar[str] = "true_false"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one statement per usable sentence, alternating true and false."""
        people = People(article.doc)
        mentions = [m for ent in article.doc.ents if (m := _mention(ent, people)) is not None]
        make_false = False
        for index, sentence in enumerate(article.sentences):
            replacements = _usable_statement(sentence, people, article)
            if replacements is None:
                continue
            facts = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
            if not facts:
                continue
            statement = _render(sentence, replacements)
            if word_count(f"{PREFIX} {statement}?") > MAX_WORDS:
                continue
            answer = "True"
            if make_false:
                twin = _false_twin(sentence, replacements, facts, mentions)
                if twin is not None and word_count(f"{PREFIX} {twin}?") <= MAX_WORDS:
                    statement, answer = twin, "False"
            make_false = not make_false
            question = f"{PREFIX} {statement}?"
            yield Candidate(
                type=self.type,
                question=question,
                answer=answer,
                evidence=sentence.text.strip(),
                sentence_index=index,
                kind="BOOL",
                confidence=round(0.45 + 0.05 * min(len(facts), 3), 2),
                choices=CHOICES,
            )


def _usable_statement(
    sentence: Span, people: People, article: ParsedArticle
) -> dict[int, str] | None:
    """Token replacements that make a sentence a stand-alone statement, or None if it can't be."""
    tokens = [t for t in sentence if not t.is_space]
    if len(tokens) < MIN_STATEMENT_WORDS or tokens[-1].text != ".":
        return None
    if any(t.text in QUOTE_MARKS or t.text in {"?", "!", "(", ")"} for t in tokens):
        return None
    first = tokens[0]
    if first.lower_ in CONNECTIVE_OPENERS or not first.text[:1].isupper():
        return None
    root = sentence.root
    if root.pos_ not in {"VERB", "AUX"} or not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in root.children
    ):
        return None
    if any(_refers_back(token) for token in tokens):
        return None
    replacements: dict[int, str] = {}
    for token in tokens:
        if not is_unresolved_pronoun(token):
            continue
        if token.lower_ not in SPEAKER_PRONOUNS or token.dep_ != "nsubj" or token.i != first.i:
            return None
        person = people.resolve_reference(token, article.sentences)
        if person is None:
            return None
        replacements[token.i] = person.text
    return replacements


def _refers_back(token: Token) -> bool:
    """ "that year", "these schools", "have done so": words that lean on an earlier sentence."""
    if token.lower_ in {"this", "that", "these", "those"} and token.dep_ == "det":
        return True
    return token.lower_ == "so" and token.head.lemma_ == "do"


def _mention(ent: Span, people: People) -> Mention | None:
    """A swappable mention: a kind we swap, used as an argument, a whole name on its own."""
    kind = SWAP_KINDS.get(ent.label_)
    person = people.at(ent.root)
    full_name = people.full_name(person) if person is not None else None
    if full_name is not None:
        kind = "PERSON"  # a known name, whatever label the model gave it
    elif kind == "PERSON":
        return None  # not a name People is sure of ("Turnout", "Measles")
    if kind is None or "\n" in ent.text:
        return None
    if kind == "ORG" and len(ent) == 1 and not ent.text.isupper():
        return None  # one capitalised word is as often a fragment of a title as a body
    if ent.root.dep_ not in _ARGUMENT_DEPS or (kind == "DATE" and ent.root.dep_ == "conj"):
        return None
    if kind == "NUMBER" and not all(t.like_num for t in ent):
        return None
    doc = ent.doc
    start = ent.start
    named = kind in {"ORG", "GPE", "PERSON"}
    if named and start > 0 and doc[start].lower_ != "the" and doc[start - 1].lower_ == "the":
        start -= 1
    if _inside_longer_name(doc, start, ent.end, kind):
        return None
    has_article = doc[start].lower_ == "the"
    core_start = start + 1 if has_article else start
    core = doc[core_start : ent.end].text
    if full_name is not None:
        core = full_name.text  # swap in "Steven Mnuchin", not a bare "Mnuchin"
    if not core:
        return None
    return Mention(start, ent.end, kind, core, has_article)


def _inside_longer_name(doc: Doc, start: int, end: int, kind: str) -> bool:
    """Whether a mention is owned or part of a bigger name: "the FBI’s [Pittsburgh] office",
    "Agency for [International Development]"."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if after is not None and after.tag_ == "POS":
        return True
    if after is not None and after.pos_ == "PROPN" and kind != "NUMBER":
        return True  # "Eight North Korean entities" is a count before a name, not in it
    if before is None:
        return False
    if before.tag_ == "POS" or before.text.endswith(("’s", "'s", "’")):
        return True
    if before.pos_ == "PROPN" and kind != "PERSON":
        return True  # "Treasury Secretary Steven Mnuchin": a title before a name is fine
    if before.lower_ == "as":
        return True  # "known as WIC": a name for the thing just described
    joined = kind in {"ORG", "GPE"} and before.lower_ in {"of", "for", "and", "&"} and start > 1
    return joined and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper()


def _render(
    sentence: Span, replacements: dict[int, str], swap: tuple[Mention, str] | None = None
) -> str:
    """The sentence as a statement: replacements applied, closing period dropped."""
    parts: list[str] = []
    doc = sentence.doc
    index = sentence.start
    while index < sentence.end:
        token = doc[index]
        if swap is not None and index == swap[0].start:
            parts.append(swap[1] + doc[swap[0].end - 1].whitespace_)
            index = swap[0].end
            continue
        parts.append(replacements.get(index, token.text) + token.whitespace_)
        index += 1
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    text = _DATELINE.sub("", text)
    text = text.removesuffix(".").rstrip()
    return text[:1].upper() + text[1:]


def _false_twin(
    sentence: Span,
    replacements: dict[int, str],
    facts: list[Mention],
    mentions: list[Mention],
) -> str | None:
    """The statement with its first swappable fact replaced by another of the same kind."""
    in_sentence = {normalize(m.core) for m in facts}
    for fact in facts:
        for other in mentions:
            if other.kind != fact.kind or not _compatible(fact, other):
                continue
            if normalize(other.core) in in_sentence or same_answer(other.core, fact.core):
                continue
            text = f"the {other.core}" if other.has_article else other.core
            return _render(sentence, replacements, (fact, text))
    return None


def _compatible(fact: Mention, other: Mention) -> bool:
    """Whether one mention can stand in for another without breaking the grammar."""
    if fact.kind == "DATE":
        return _date_shape(fact.core) == _date_shape(other.core) is not None
    if fact.kind == "NUMBER":
        return _is_plural_number(fact.core) == _is_plural_number(other.core)
    return True


def _date_shape(text: str) -> str | None:
    """ "weekday", "month", "year" or "full" for dates we can swap; None for others."""
    lower = text.lower()
    if lower in _WEEKDAYS:
        return "weekday"
    if lower in _MONTHS:
        return "month"
    if _YEAR.fullmatch(lower):
        return "year"
    words = lower.replace(",", " ").split()
    if words and words[0] in _MONTHS and _YEAR.search(lower):
        return "full"
    return None


def _is_plural_number(text: str) -> bool:
    """Whether a number takes a plural noun ("one official" vs "two officials")."""
    return normalize(text) not in {"1", "one"}
