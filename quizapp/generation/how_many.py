"""The how_many generator: questions about counts and ranges ("How many entities ...?" -> Eight)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

# Entity labels whose numbers are not counts of things (DATE only counts durations).
_NOT_COUNTS = frozenset({"TIME", "MONEY", "PERCENT", "ORDINAL", "PERSON", "ORG", "GPE", "LAW"})
_NAME_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "NORP", "LOC", "LANGUAGE"})
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_MAX_PREP_TOKENS = 6
# A duration is a count only as an argument: "the shutdown lasted 35 days".
_DURATION_DEPS = frozenset({"dobj", "npadvmod", "attr", "nsubj", "nsubjpass"})
# Roles of a partitive number ("23 of the 57 seats").
_PARTITIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})


class HowManyGenerator:
    """Propose "How many …?" questions for numbers that count a noun."""

    type: ClassVar[str] = "how_many"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per counted noun phrase the grammar can turn into a question."""
        doc = article.doc
        entity_of = {token.i: ent for ent in doc.ents for token in ent}
        resolve = grammar.person_resolver(doc, article.full_name)
        seen: set[int] = set()
        for index, sentence in enumerate(article.sentences):
            for token in sentence:
                if not token.like_num or token.i in seen:
                    continue
                counted = _counted(token, entity_of)
                if counted is None:
                    continue
                number, phrase, target = counted
                seen.update(t.i for t in number)
                if phrase.startswith("of "):
                    # "Twelve of the country's 18 departments": 18 is the whole, not a count
                    # of what the clause says.
                    seen.update(t.i for t in target if t.like_num)
                candidate = _candidate(number, phrase, target, index, sentence, resolve)
                if candidate is not None:
                    yield candidate


def _counted(token: Token, entity_of: dict[int, Span]) -> tuple[Span, str, list[Token]] | None:
    """The number, the words after "How many" and the tokens the wh-phrase replaces."""
    head = token.head
    if token.dep_ in {"nummod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
        number = _number_span(token, head, entity_of)
        phrase = None if number is None else _counted_phrase(number, head)
        if number is None or phrase is None:
            return None
        target = sorted({*number, *head.subtree}, key=lambda t: t.i)
        return number, phrase, target
    if token.dep_ == "pobj" and head.lower_ == "between":
        return _between_range(token, entity_of)
    if token.dep_ in _PARTITIVE_DEPS:
        return _partitive(token, entity_of)
    return None


def _is_infinitive(token: Token) -> bool:
    """Whether a noun's modifier is a "to" infinitive ("days to sign it")."""
    return token.dep_ in {"acl", "relcl"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children
    )


def _between_range(
    token: Token, entity_of: dict[int, Span]
) -> tuple[Span, str, list[Token]] | None:
    """A range the parser hung on "between" ("between 2,000 and 3,500 homes")."""
    preposition = token.head
    nouns = [c for c in preposition.children if c.dep_ == "pobj" and c.i > token.i]
    ent = entity_of.get(token.i)
    if not nouns or ent is None or ent.label_ != "CARDINAL" or ent.start != preposition.i:
        return None
    noun = nouns[-1]
    if ent.end != noun.left_edge.i and ent.end > noun.i:
        return None
    number = token.doc[ent.start : ent.end]
    phrase = _counted_phrase(number, noun)
    if phrase is None:
        return None
    return number, phrase, list(preposition.subtree)


def _number_span(token: Token, noun: Token, entity_of: dict[int, Span]) -> Span | None:
    """The verbatim number or range counting `noun`, or None if it is no count."""
    doc = token.doc
    ent = entity_of.get(token.i)
    if ent is not None:
        if ent.label_ in _NOT_COUNTS or ent.label_ in _NAME_LABELS:
            return None
        if ent.label_ == "DATE" and not _is_duration_count(ent, noun):
            return None
        start, end = ent.start, min(ent.end, noun.i) if ent.start < noun.i else ent.end
        if ent.label_ == "DATE":
            start = token.i  # "Tuesday to 13 years": the model ran a date into the duration
    else:
        start, end = token.i, token.i + 1
    # Quantifiers the entity missed ("more than", "about").
    for child in token.children:
        if child.dep_ in {"quantmod", "advmod"} and child.i < start:
            start = min(start, child.left_edge.i)
    while end < noun.i and doc[end].like_num:
        end += 1
    while end > start and not doc[end - 1].like_num:
        end -= 1  # "40 million cubic meters": the unit's adjective is not part of the number
    if start >= end or end > noun.i:
        return None
    span = doc[start:end]
    if not _is_count(span):
        return None
    if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in {noun.i, token.i}:
        return None  # part of a name: "the Apollo 11 astronauts", "Boeing 737 jets"
    if noun.lemma_.lower() in lex.DURATION_UNITS and not _is_duration_count(span, noun):
        return None
    return span


def _is_count(span: Span) -> bool:
    """Whether a number span is a plain count (no year, no "one", no symbols)."""
    words = [t for t in span if t.like_num]
    if not words or any(_YEAR.match(t.text) for t in words):
        return False
    if len(span) == 1 and span.text.lower() in lex.NON_COUNT_NUMBERS:
        return False
    return not any(t.is_space or t.text in {"%", "$", "€", "£"} for t in span)


def _is_duration_count(span: Span, noun: Token) -> bool:
    """Whether "<number> <days/years>" is a length the clause is about ("lasted 35 days")."""
    if noun.lemma_.lower() not in lex.DURATION_UNITS:
        return False
    if noun.dep_ not in _DURATION_DEPS and not _sentence_length(noun):
        return False
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    words = {t.lower_ for t in span} | ({following.lower_} if following is not None else set())
    return not words & lex.POINT_IN_TIME_WORDS


def _sentence_length(noun: Token) -> bool:
    """Whether a duration is a penalty a verb hands down ("sentenced to 13 years")."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ == "to"
        and grammar.is_verb(preposition.head)
        and grammar.lemma(preposition.head) in lex.SENTENCING_VERBS
    )


def _counted_phrase(number: Span, noun: Token) -> str | None:
    """The words after "How many": the noun with its modifiers ("other top officials")."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return None
    if noun.pos_ == "PROPN" and noun.ent_type_ != "NORP":
        return None  # "31 Republicans" counts people; "10 Downing" is a name
    if noun.lower_ in lex.UNCOUNTED_NOUNS:
        return None
    if number.text.lower() == "two" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    ):
        return None  # "the two sides" means "both sides", not a count worth asking
    if any(child.dep_ == "poss" for child in noun.children):
        return None  # "its 500 workers": the owner would be lost
    if any(child.lower_ in lex.RATE_WORDS for child in noun.rights):
        return None  # "80 kilometers per hour": a rate, not a count
    middle = [t for t in noun.doc[number.end : noun.i] if t.i in {s.i for s in noun.subtree}]
    if len(middle) != noun.i - number.end:
        return None
    tokens = [*middle, noun, *_conjoined_nouns(noun)]
    if _sentence_length(noun):
        # "To how many years in federal prison was he sentenced?"
        places = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "in"]
        if places and len(list(places[0].subtree)) <= _MAX_PREP_TOKENS:
            tokens.extend(places[0].subtree)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            phrase = list(child.subtree)
            if len(phrase) <= _MAX_PREP_TOKENS and not any(t.pos_ == "PRON" for t in phrase):
                tokens.extend(phrase)
            break
    if any((t.is_punct and t.text != ",") or t.pos_ == "PRON" or t.is_space for t in tokens):
        return None
    return grammar.render(tokens)


def _conjoined_nouns(noun: Token) -> list[Token]:
    """Plural nouns counted with `noun` ("15,000 children and adults", "60 hospitals, clinics
    and nursing homes"), or nothing when the list has counts or owners of its own."""
    last = noun
    while True:
        conjuncts = [c for c in last.rights if c.dep_ == "conj"]
        if not conjuncts:
            break
        last = conjuncts[0]
        if last.tag_ not in {"NNS", "NNPS"} or any(
            child.dep_ in {"nummod", "det", "poss"} for child in last.children
        ):
            return []  # "10 officials and 8 entities": two counts
    if last is noun:
        return []
    listed = list(noun.doc[noun.i + 1 : last.right_edge.i + 1])
    members = {t.i for t in noun.subtree}
    if any(t.i not in members or t.pos_ == "PRON" for t in listed):
        return []
    if not any(t.dep_ == "cc" for t in listed):
        return []
    return listed


def _partitive(token: Token, entity_of: dict[int, Span]) -> tuple[Span, str, list[Token]] | None:
    """A count of part of a group: "23 of the 57 seats" -> "How many of the 57 seats"."""
    of_phrases = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not of_phrases:
        return None
    group = [c for c in of_phrases[0].children if c.dep_ == "pobj"]
    extra: list[Token] = []
    if group and group[0].tag_ not in {"NNS", "NNPS"}:
        owned = _owned_group(group[0], token)
        if owned is None:
            return None
        extra = [t for t in owned.subtree if t.i <= owned.i]
        group = [owned]
    if not group or group[0].tag_ not in {"NNS", "NNPS"}:
        return None
    # "of the 57 seats [in the Legislative Assembly]": the group up to its noun.
    phrase_tokens = sorted(
        {*(t for t in of_phrases[0].subtree if t.i <= group[0].i), *extra}, key=lambda t: t.i
    )
    if [t.i for t in phrase_tokens] != list(range(of_phrases[0].i, group[0].i + 1)):
        return None
    if len(phrase_tokens) > _MAX_PREP_TOKENS or any(
        t.pos_ == "PRON" or t.is_punct or t.is_space or t.lower_ in lex.DEMONSTRATIVES
        for t in phrase_tokens
    ):
        return None  # "of them", "of those patients": the group is not named
    ent = entity_of.get(token.i)
    if ent is not None and (ent.label_ != "CARDINAL" or ent.end > token.i + 1):
        return None
    start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ == "quantmod")])
    number = token.doc[start : token.i + 1]
    if not _is_count(number):
        return None
    phrase = "of " + grammar.render(phrase_tokens[1:])
    return number, phrase, sorted({*token.subtree, *extra}, key=lambda t: t.i)


def _owned_group(owner: Token, number: Token) -> Token | None:
    """The counted group of "Twelve of the country's 18 departments", which the parser splits
    into "Twelve of the country" and a second subject "'s 18 departments"."""
    case = [c for c in owner.children if c.dep_ == "case"]
    if not case or case[0].i + 2 >= len(owner.doc):
        return None
    amount = owner.doc[case[0].i + 1]
    noun = amount.head
    if amount.dep_ != "nummod" or noun.tag_ not in {"NNS", "NNPS"} or noun.i - amount.i > 2:
        return None
    if noun.head.i != number.head.i or noun.dep_ != number.dep_:
        return None
    return noun


def _of_phrase_end(noun: Token) -> int:
    """The last token of the noun's "of" phrase, or the noun itself."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return child.right_edge.i
    return noun.i


def _candidate(
    number: Span,
    phrase: str,
    target: list[Token],
    index: int,
    sentence: Span,
    resolve: grammar.Resolver,
) -> Candidate | None:
    """The question for one counted noun phrase, or None when it cannot be asked well."""
    slot = grammar.locate(target)
    if slot is None:
        return None
    noun = number.root.head
    # "30 days to declare the result": the purpose stays in the question.
    purpose = {t.i for c in noun.rights if _is_infinitive(c) for t in c.subtree}
    if purpose:
        slot = replace(slot, remove=slot.remove - purpose)
    if noun.dep_ == "attr" and any(child.dep_ == "expl" for child in noun.head.children):
        # "There were 14 candidates on the ballot": the place stays after "there".
        kept = {t.i for t in target if t.i > _of_phrase_end(noun)}
        slot = replace(slot, remove=slot.remove - kept)
    question = grammar.ask(slot, f"How many {phrase}", resolve=resolve)
    if question is None or grammar.contains_answer(question.text, number.text):
        return None
    return Candidate(
        type="how_many",
        question=question.text,
        answer=number.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=index,
        kind="NUMBER",
        confidence=question.confidence,
    )
