"""The true_false generator: questions about true statements and their false twins.

A question reads `True or false: <statement>.`: the statement is an article sentence as
written (ending with its full stop), or the same sentence with one
fact (a number, person, organization, place or date) swapped for another of the same kind
from the article. Sentences alternate between true and false in text order, so the same
article always gives the same mix; a sentence with nothing to swap stays true.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation.lexicon import (
    CONNECTIVE_OPENERS,
    QUOTE_MARKS,
    SPEECH_VERBS,
)
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.people import (
    People,
    entities_of,
    is_unresolved_pronoun,
    people_of,
    subject_of,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import MONTH_NAME_KEYS, PERSON_PRONOUNS, WEEKDAY_KEYS

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
# Roles in which a mention is a fact of the clause (not a modifier like "ABC. citizens").
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "conj", "dative", "nummod"}
)
# Nouns that, with a bare "the", stand for a body or place named in an earlier sentence.
STAND_IN_NOUNS = frozenset(
    {"agency", "country", "nation", "group", "company", "organization", "department", "city"}
    | {"ministry", "firm", "bloc", "region"}
)
# Dependencies that complete a verb, so its adjuncts can go ("imposed sanctions [Wednesday]").
_COMPLEMENT_DEPS = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative"})
# How far apart a swapped number may be from the true one (a factor).
MAX_NUMBER_RATIO = 10
# Words many unrelated names share ("the Birch Pine", "the ABC. Ford"): sharing them
# does not make two names the same body.
GENERIC_NAME_WORDS = frozenset(
    {"united", "states", "state", "national", "federal", "international", "department", "of"}
    | {"and", "for", "the", "new", "north", "south", "east", "west", "office", "council", "city"}
    | {"county", "american", "world", "general", "agency", "service", "bureau", "ministry"}
)
# Kinds of facts the who, how_many and when questions ask about.
ASKED_KINDS = frozenset({"PERSON", "NUMBER", "DATE"})
GIVEAWAY_PENALTY = 0.08
MIN_CONFIDENCE = 0.3
# Side parts of a sentence a statement leaves out: appositions, non-restrictive clauses,
# trailing participles ("…, supported by 26 helicopters"). The statement keeps the main clause.
_SIDE_DEPS = frozenset({"appos", "relcl", "acl", "advcl"})
_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")
# "NAIROBI — ", "JKL (AP) - ": the dateline before a story's first sentence.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’]+(?:\([A-Za-z]+\))?\s*[—–-]+\s*")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention with the "the" the text gives it, ready to swap in or out."""

    start: int  # first token index, "the" included
    end: int
    kind: str
    core: str  # the name without a leading "the"
    has_article: bool
    confirmed: bool = True  # for a PERSON: the text shows it is a person (People.is_person)


class TrueFalseGenerator:
    """Propose true statements from article sentences and false twins with one fact swapped."""

    type: ClassVar[str] = "true_false"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one statement per usable sentence, alternating true and false."""
        people = people_of(article)
        entities = entities_of(article)
        mentions = [m for ent in entities if (m := _mention(ent, people)) is not None]
        named = {t.i for ent in entities for t in ent}
        make_false = False
        for index, sentence in enumerate(article.sentences):
            replacements = _usable_statement(sentence, people, article)
            if replacements is None:
                continue
            removed = _side_parts(sentence)
            words = article.tokens[sentence.start : sentence.end] or sentence
            if len([t for t in words if t.i not in removed and not t.is_space]) < (
                MIN_STATEMENT_WORDS
            ):
                continue
            facts = [
                m
                for m in mentions
                if sentence.start <= m.start
                and m.end <= sentence.end
                and not any(i in removed for i in range(m.start, m.end))
            ]
            if not facts:
                continue
            statement: str | None = None
            answer = "True"
            kept_named: set[int] = set()
            if make_false:
                twin = _false_twin(sentence, replacements, removed, facts, mentions, named)
                if twin is not None:
                    statement, answer = twin[0], "False"
                    # The swapped-in fact is wrong, so it gives nothing away.
                    kept_named = twin[1] - set(range(twin[2].start, twin[2].end))
            if statement is None:
                # A true statement without the adjuncts that name things ("on Friday", "in
                # Rose"): what is left stays true and states fewer answers.
                extra = _named_adjuncts(sentence, removed, named, keep=set())
                if not any(m.start not in extra for m in facts):
                    extra = set()  # keep at least one fact to judge
                statement = _render(sentence, replacements, removed | extra)
                kept_named = (
                    {i for i in named if sentence.start <= i < sentence.end} - removed - extra
                )
            make_false = not make_false
            if word_count(f"{PREFIX} {statement}.") > MAX_WORDS:
                continue
            if len(statement.split()) < MIN_STATEMENT_WORDS - 1:
                continue
            # Each name left in the statement may be another question's answer.
            stated = len({_entity_start(i, entities) for i in kept_named})
            yield Candidate(
                type=self.type,
                question=f"{PREFIX} {statement}.",
                answer=answer,
                evidence=sentence.text.strip(),
                sentence_index=index,
                kind="BOOL",
                confidence=round(max(0.6 - GIVEAWAY_PENALTY * stated, MIN_CONFIDENCE), 2),
                choices=CHOICES,
            )


def _entity_start(token_index: int, entities: list[Span]) -> int:
    """The first token of the entity holding a token (entities counted once)."""
    starts = [ent.start for ent in entities if ent.start <= token_index < ent.end]
    return starts[0] if starts else token_index


def _named_adjuncts(sentence: Span, removed: set[int], named: set[int], keep: set[int]) -> set[int]:
    """Optional phrases of the main verbs that name something ("in Frost", "on Friday",
    "under the … Act"): leaving them out keeps a statement true and its answers unstated.
    Phrases holding a token of `keep` (the swapped fact) stay."""
    doc = sentence.doc
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    dropped: set[int] = set()
    for verb in verbs:
        # "lasted 35 days", "was arrested in Frost": without a complement the verb needs them.
        if not any(c.dep_ in _COMPLEMENT_DEPS for c in verb.children):
            continue
        for child in verb.children:
            if child.dep_ not in {"prep", "npadvmod", "agent"} or child.i in removed:
                continue
            # Only a phrase that is a name ("in Frost", "on Friday"), not one that merely
            # holds a name deeper down ("blamed the killings on gangs from Brook").
            objects = [c for c in child.children if c.dep_ == "pobj"]
            head = objects[0] if child.dep_ != "npadvmod" and objects else child
            part = {t.i for t in child.subtree}
            if head.i not in named or part & keep or part & removed:
                continue
            left, right = min(part), max(part)
            before = doc[left - 1] if left > sentence.start else None
            after = doc[right + 1] if right + 1 < sentence.end else None
            if child.i < verb.i:
                # Only an opening phrase set off by a comma: "In 2019, …".
                if left != sentence.start or after is None or after.text != ",":
                    continue
                part.add(after.i)
            elif before is not None and before.text == ",":
                part.add(before.i)
            dropped |= part
    return dropped


def _usable_statement(
    sentence: Span, people: People, article: ParsedArticle
) -> dict[int, str] | None:
    """Token replacements that make a sentence a stand-alone statement, or None if it can't be."""
    everything = article.tokens[sentence.start : sentence.end] if article.tokens else sentence
    tokens = [t for t in everything if not t.is_space]
    if len(tokens) < MIN_STATEMENT_WORDS or tokens[-1].text != ".":
        return None
    # A quotation is the speaker's claim, not the article's: no statement, so no swap in one.
    if any(t.text in QUOTE_MARKS or t.text in {"?", "!", "(", ")", "‘"} for t in tokens):
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
        if not is_unresolved_pronoun(token) or _owned_by_the_subject(token, root):
            continue
        if token.lower_ not in PERSON_PRONOUNS or token.dep_ != "nsubj" or token.i != first.i:
            return None
        person = people.resolve_reference(token, article.sentences)
        if person is None:
            return None
        replacements[token.i] = person.text
    return replacements


def _owned_by_the_subject(token: Token, root: Token) -> bool:
    """ "Park spends a third of its tax revenue", "12 million people have fled their homes":
    a possessive in the main clause that can only mean the clause's named subject."""
    if token.tag_ != "PRP$" or token.lower_ not in {"its", "their"}:
        return False
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or subjects[0].i > token.i:
        return False
    subject = subjects[0]
    plural = subject.tag_ in {"NNS", "NNPS"}
    if (token.lower_ == "their") != plural or subject.ent_type_ == "PERSON":
        return False
    if subject.pos_ not in {"NOUN", "PROPN"} or any(
        c.dep_ == "det" and c.lower_ in {"this", "that", "these", "those"} for c in subject.children
    ):
        return False
    # Only objects and phrases of the main verb: another clause may have a subject of its own.
    head = token.head
    while head.i != root.i:
        if head.dep_ not in {"dobj", "pobj", "prep", "attr", "npadvmod", "conj", "appos"}:
            return False
        head = head.head
    return True


def _refers_back(token: Token) -> bool:
    """ "that year", "these schools", "have done so": words that lean on an earlier sentence."""
    if token.lower_ in {"this", "that", "these", "those"} and token.dep_ == "det":
        return True
    if token.lemma_.lower() in STAND_IN_NOUNS and token.pos_ == "NOUN":
        # "the agency deployed …", "the country’s 18 departments": which one is named before.
        return [c.lower_ for c in token.children if c.dep_ not in {"case", "punct"}] == ["the"]
    if token.lower_ == "then" and token.i > 0 and token.nbor(-1).lower_ == "since":
        return True  # "since then"
    if token.like_num and token.dep_ in {"nsubj", "nsubjpass"}:
        # "The three will replace …": a number standing for people named before.
        return any(c.dep_ == "det" for c in token.children)
    previous = token.nbor(-1) if token.i > 0 else None
    return token.lower_ == "so" and previous is not None and previous.lemma_ == "do"


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
    if kind == "NUMBER" and not _swappable_number(ent):
        return None
    if kind != "PERSON" and _modifies_or_is_modified(ent):
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
        core = full_name.text  # swap in "Glen Dale", not a bare "Dale"
    if not core:
        return None
    confirmed = full_name is None or people.is_person(full_name)
    return Mention(start, ent.end, kind, core, has_article, confirmed)


def _swappable_number(ent: Span) -> bool:
    """A count in its own right: not a year ("the 2025 season") or part of a tally ("286-134")."""
    if not all(t.like_num for t in ent) or _YEAR.fullmatch(ent.text):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text in {"-", "–"} and not before.whitespace_:
        return False
    return not (after is not None and after.text in {"-", "–"} and not ent[-1].whitespace_)


def _modifies_or_is_modified(ent: Span) -> bool:
    """A name that describes a noun ("Mercosur countries", "the Vaccines for Children program")
    or that an adjective narrows ("the western Shore Ridge"): a swap would read wrong."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text.islower() and before.pos_ != "DET":
        narrows = before.pos_ == "ADJ" or before.dep_ in {"amod", "compound", "nmod"}
        if narrows and ent.start <= before.head.i < ent.end:
            return True  # "the military-style [Special Intervention Unit]"
    return after is not None and after.pos_ == "NOUN" and after.text.islower()


def _inside_longer_name(doc: Doc, start: int, end: int, kind: str) -> bool:
    """Whether a mention is owned or part of a bigger name: "the BCD’s [Rose] office",
    "Agency for [Sun Star]"."""
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
        return True  # "Oak Grove Glen Dale": a title before a name is fine
    if before.lower_ == "as":
        return True  # "known as WIC": a name for the thing just described
    joined = kind in {"ORG", "GPE"} and before.lower_ in {"of", "for", "and", "&"} and start > 1
    return joined and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper()


def _render(
    sentence: Span,
    replacements: dict[int, str],
    removed: set[int],
    swap: tuple[Mention, str] | None = None,
) -> str:
    """The sentence as a statement: side parts left out, replacements applied, no period."""
    parts: list[str] = []
    doc = sentence.doc
    index = sentence.start
    while index < sentence.end:
        token = doc[index]
        if swap is not None and index == swap[0].start:
            parts.append(swap[1] + doc[swap[0].end - 1].whitespace_)
            index = swap[0].end
            continue
        if index in removed:
            # A left-out part keeps the gap after it ("Shore[, a pilot,] is").
            if index + 1 not in removed and parts and not parts[-1].endswith(" "):
                parts.append(" ")
            index += 1
            continue
        parts.append(replacements.get(index, token.text) + token.whitespace_)
        index += 1
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = _DATELINE.sub("", text)
    text = text.removesuffix(".").rstrip()
    return text[:1].upper() + text[1:]


def _false_twin(
    sentence: Span,
    replacements: dict[int, str],
    removed: set[int],
    facts: list[Mention],
    mentions: list[Mention],
    named: set[int],
) -> tuple[str, set[int], Mention] | None:
    """The statement with one fact replaced by another of the same kind, the name tokens it
    still shows, and the fact swapped.

    Facts other questions ask about (people, numbers, dates) are swapped first, so the
    statement does not state their answers; adjuncts naming other things are left out. A
    replacement that names the same thing (an alias, an acronym, a part of the name) would
    keep the statement true: never used.
    """
    aliases: dict[str, set[str]] = {}

    def names_of(mention: Mention) -> set[str]:
        """Every name the article gives a mention's referent ("DEF", "the Doe Major")."""
        if mention.core not in aliases:
            aliases[mention.core] = {mention.core} | {
                m.core
                for m in mentions
                if m.kind == mention.kind and same_answer(m.core, mention.core)
            }
        return aliases[mention.core]

    in_sentence = {
        name for m in mentions if sentence.start <= m.start < sentence.end for name in names_of(m)
    }
    ordered = sorted(facts, key=lambda m: (m.kind not in ASKED_KINDS, m.start))
    for fact in ordered:
        for other in mentions:
            if other.kind != fact.kind or not _compatible(fact, other):
                continue
            # "DEF" is also "the Doe Major", which shares "Doe" with "the Doe
            # Commission": compare every name the article gives either.
            names = names_of(other)
            if any(_names_same_thing(name, core) for name in names for core in in_sentence):
                continue
            if other.kind == "PERSON" and not other.confirmed:
                continue  # "Grants Pass", a town the model took for a person
            text = f"the {other.core}" if other.has_article else other.core
            if fact.kind == "NUMBER" and fact.start != sentence.start:
                text = text[:1].lower() + text[1:]  # "Nine" inside a sentence is "nine"
            keep = set(range(fact.start, fact.end))
            extra = _named_adjuncts(sentence, removed, named, keep)
            shown = {i for i in named if sentence.start <= i < sentence.end} - removed - extra
            statement = _render(sentence, replacements, removed | extra, (fact, text))
            return statement, shown, fact
    return None


def _names_same_thing(new: str, old: str) -> bool:
    """Whether a replacement could name what it replaces: the same answer, an acronym, a part
    of the name or the name with words added ("House" / "ABC. House of Representatives")."""
    if normalize(new) == normalize(old) or same_answer(new, old):
        return True
    new_words, old_words = set(normalize(new).split()), set(normalize(old).split())
    if not new_words or not old_words:
        return True
    if new_words.isdisjoint(old_words):
        return False
    if all(w.isdigit() for w in new_words | old_words):
        return False
    if new_words <= old_words or old_words <= new_words:
        return True
    # "Doe Commission" / "Doe Major": a body and its parent share a telling word.
    return bool((new_words & old_words) - GENERIC_NAME_WORDS)


def _side_parts(sentence: Span) -> set[int]:
    """Token indices of a sentence's side parts set off by commas (see _SIDE_DEPS), and of an
    "according to ..." attribution: what is left is the main clause."""
    removed: set[int] = set()
    doc = sentence.doc
    for token in sentence:
        if token.i in removed:
            continue
        attribution = token.lower_ == "according" and token.dep_ == "prep"
        if token.dep_ not in _SIDE_DEPS and not attribution:
            continue
        if token.head.i == token.i or (token.dep_ == "advcl" and token.i < token.head.i):
            continue  # an opening "After the vote, ..." clause carries the statement's sense
        left, right = token.left_edge.i, token.right_edge.i
        before = doc[left - 1] if left > sentence.start else None
        after = doc[right + 1] if right + 1 < sentence.end else None
        if before is None or before.text != ",":
            continue  # restrictive: "the rotation that SpaceX has flown" is part of the fact
        if token.dep_ == "appos" and any(c.dep_ in {"cc", "conj"} for c in token.children):
            continue  # ", an increase of 3%, and $764 billion for ...": a list, not an aside
        part = set(range(left - 1, right + 1))
        if after is not None and after.text == ",":
            following = after.nbor(1) if after.i + 1 < sentence.end else None
            # ", according to X, down from …" after the verb: the comma before "down" stays.
            loose_after_verb = attribution and token.i > sentence.root.i
            if (following is None or following.pos_ != "CCONJ") and not loose_after_verb:
                part.add(after.i)  # the closing comma of the pair goes; ", but" stays
        elif after is not None and not (after.is_punct and after.i == sentence.end - 1):
            continue  # the part does not end where its comma pair does: leave it
        removed |= part
    return removed | _trailing_attribution(sentence)


def _trailing_attribution(sentence: Span) -> set[int]:
    """ "…, state officials said." after the reported clause: the tokens from the comma on."""
    root = sentence.root
    if root.lemma_.lower() not in SPEECH_VERBS:
        return set()
    reported = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    subject = subject_of(root)
    if not reported or subject is None or subject.i < reported[0].i:
        return set()
    comma = subject.left_edge.i - 1
    if comma <= reported[0].right_edge.i - 1 or sentence.doc[comma].text != ",":
        return set()
    end = sentence.end - 1 if sentence.doc[sentence.end - 1].is_punct else sentence.end
    return set(range(comma, end))


def _compatible(fact: Mention, other: Mention) -> bool:
    """Whether one mention can stand in for another without breaking the grammar."""
    if fact.kind == "DATE":
        return _date_shape(fact.core) == _date_shape(other.core) is not None
    if fact.kind == "NUMBER":
        if _is_plural_number(fact.core) != _is_plural_number(other.core):
            return False
        values = (_value(fact.core), _value(other.core))
        if None in values:
            return True
        low, high = sorted(values)  # type: ignore[type-var]
        # "won 4,000 of the 57 seats" gives itself away: keep the size of the number.
        return low > 0 and high / low <= MAX_NUMBER_RATIO
    return True


def _value(text: str) -> float | None:
    """The value of a count ("Twelve", "1,100"), or None if it is no plain number."""
    key = normalize(text)
    return float(key) if key.isdigit() else None


def _date_shape(text: str) -> str | None:
    """ "weekday", "month", "year" or "full" for dates we can swap; None for others."""
    lower = text.lower()
    if lower in WEEKDAY_KEYS:
        return "weekday"
    if lower in MONTH_NAME_KEYS:
        return "month"
    if _YEAR.fullmatch(lower):
        return "year"
    words = lower.replace(",", " ").split()
    if words and words[0] in MONTH_NAME_KEYS and _YEAR.search(lower):
        return "full"
    return None


def _is_plural_number(text: str) -> bool:
    """Whether a number takes a plural noun ("one official" vs "two officials")."""
    return normalize(text) not in {"1", "one"}
