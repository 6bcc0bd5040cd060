"""Every answer phrase of an article, with the question type and wh-phrase that ask for it.

An answer is an entity span of the parse (people, organizations, places, dates, numbers,
money, percents, laws) or a number with the noun it counts. `answer_phrases` lists them once,
in text order; the clause generator asks each one in every clause it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizapp.generation.lexicon import TITLE_WORDS
from quizapp.generation.lexicon_facts import COUNTRY_HEADS, NOT_ORG_HEADS
from quizapp.generation.names import place_sort
from quizapp.generation.types import ParsedArticle
from quizapp.generation.words import MONTH_KEYS, WEEKDAY_KEYS

# Entity label -> the kind distractors are chosen by.
KIND_BY_LABEL = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NORP": "ORG",
    "GPE": "GPE",
    "LOC": "GPE",
    "FAC": "GPE",
    "DATE": "DATE",
    "TIME": "DATE",
    "CARDINAL": "NUMBER",
    "QUANTITY": "NUMBER",
    "MONEY": "NUMBER",
    "PERCENT": "NUMBER",
    "LAW": "LAW",
}
# Head words of a law's name -> the noun a "which" question uses for it.
LAW_NOUNS = {
    "act": "law",
    "law": "law",
    "code": "law",
    "statute": "law",
    "bill": "bill",
    "amendment": "amendment",
    "order": "executive order",
    "section": "section",
    "treaty": "treaty",
    "convention": "convention",
    "accord": "agreement",
    "accords": "agreement",
    "agreement": "agreement",
    "compact": "agreement",
    "charter": "charter",
    "protocol": "protocol",
    "resolution": "resolution",
}
# Organization head words a "which" question may use as they are ("Which department").
ORG_NOUNS = frozenset(
    {"department", "ministry", "agency", "bank", "company", "court", "party", "council"}
    | {"committee", "commission", "office", "institute", "university", "army", "union"}
    | {"board", "government", "administration", "bureau", "service", "group", "corporation"}
    | {"fund", "organization", "association", "cartel", "force", "forces", "authority"}
    | {"parliament", "assembly", "congress", "senate", "house", "police", "navy", "network"}
    | {"directorate", "division"}
)
# Words in front of a number that belong to the count ("at least 47", "about 60").
COUNT_MODIFIERS = frozenset(
    {"at", "least", "about", "more", "than", "nearly", "almost", "some", "up", "to", "over"}
    | {"under", "roughly", "approximately", "around", "only", "just", "another", "fewer"}
)


@dataclass(frozen=True, slots=True)
class AnswerPhrase:
    """An answer and the tokens a question replaces by its wh-phrase."""

    span: Span  # the answer itself (what the student must give)
    phrase: tuple[Token, ...]  # the tokens replaced by the wh-phrase (answer + counted noun)
    label: str  # the entity label
    kind: str  # "PERSON", "ORG", "GPE", "DATE", "NUMBER", "LAW"
    type: str  # the question type
    wh: str  # "Who", "Which department", "How many officials", "When" …
    adjunct: bool  # removed with its preposition ("on Monday", "in Park")


def answer_phrases(article: ParsedArticle) -> list[AnswerPhrase]:
    """Every answer phrase of the article, in text order."""
    return article.memo("answer_phrases", lambda: list(_phrases(article)))


def _phrases(article: ParsedArticle) -> Iterator[AnswerPhrase]:
    yield from _single_phrases(article)
    yield from _coordinated(article)
    yield from _unlabelled_names(article)


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW", "FAC", "EVENT"})


def _unlabelled_names(article: ParsedArticle) -> Iterator[AnswerPhrase]:
    """Names the recognizer missed, read from the noun phrase's head word: "the Fields
    extradition treaty" is a law, "the Rivers Hill" an organization."""
    taken = {t.i for ent in article.ents for t in ent}
    for chunk in article.doc.noun_chunks:
        head = chunk.root
        if head.i in taken or not any(
            t.pos_ == "PROPN" or (t.i in taken and t.ent_type_ in _NAME_TYPES) for t in chunk
        ):
            continue  # "a $120 million loan agreement": an amount makes no name
        words = chunk[1:] if chunk[0].pos_ == "DET" else chunk
        if not words or words[0].pos_ == "PRON" or len(words) > 10:
            continue
        law_noun = LAW_NOUNS.get(head.lower_)
        if law_noun is not None and head.tag_ in {"NN", "NNP"}:
            yield AnswerPhrase(
                words, tuple(chunk), "LAW", "LAW", "which_law", f"Which {law_noun}", False
            )
        elif (
            head.lower_ in ORG_NOUNS
            and head.text[:1].isupper()
            and all(t.pos_ == "PROPN" or t.is_punct for t in words)
        ):
            yield AnswerPhrase(
                words, tuple(chunk), "ORG", "ORG", "which_org", f"Which {head.lower_}", False
            )


def _coordinated(article: ParsedArticle) -> Iterator[AnswerPhrase]:
    """ "The ABC. and Doe Major", "Miles, Stone, … and Wells": a list of names."""
    yield from _adjacent_lists(article)
    for span, items in name_lists(article):
        kind, question_type, wh = _list_kind(items)
        yield AnswerPhrase(span, tuple(span), items[0].label_, kind, question_type, wh, False)


def name_lists(article: ParsedArticle) -> list[tuple[Span, list[Span]]]:
    """Every list of names the parse coordinates, as its span and its items (memoized)."""
    return article.memo("name_lists", lambda: list(_name_lists(article)))


def _name_lists(article: ParsedArticle) -> Iterator[tuple[Span, list[Span]]]:
    by_root = {ent.root.i: ent for ent in article.ents}
    for ent in article.ents:
        kind = KIND_BY_LABEL.get(ent.label_)
        if kind not in {"PERSON", "ORG", "GPE"} or ent.root.dep_ == "conj":
            continue
        items = [ent]
        frontier = [ent.root]
        while frontier:
            token = frontier.pop()
            for child in token.children:
                if child.dep_ == "conj" and child.i in by_root:
                    items.append(by_root[child.i])
                    frontier.append(child)
        if len(items) < 2 or len(items) > 12:
            continue
        doc = ent.doc
        start, end = _aside_start(ent), max(item.end for item in items)
        span = doc[start:end]
        if len(span) <= 40:
            yield span, items


def list_kind(items: list[Span]) -> str:
    """What most items of a list of names are: "PERSON", "GPE" or "ORG"."""
    return _list_kind(items)[0]


def _list_kind(items: list[Span]) -> tuple[str, str, str]:
    """A list's kind, type and wh-phrase by what most of its items are: ten countries with
    one the model called an organization are still countries."""
    kinds = [KIND_BY_LABEL.get(item.label_) for item in items]
    if all(kind == "PERSON" for kind in kinds):
        return "PERSON", "who", "Who"
    if kinds.count("GPE") * 2 > len(kinds):
        return "GPE", "where", "Which countries"
    return "ORG", "which_org", "Which organizations"


def _aside_start(first: Span) -> int:
    """Where a list starting with a bracketed acronym really starts: "the Harbor Union (HU)
    or Westland" is one list whose first item is the name before "(HU)"."""
    doc = first.doc
    start, end = first.start, first.end
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return start
    before = doc[start - 2]
    if before.ent_type_ and before.ent_iob_ != "O":
        index = before.i
        while index > 0 and doc[index].ent_iob_ == "I":
            index -= 1
        return index
    return start


_LIST_GLUE = frozenset({",", "and", "or", "the", "The"})


def _adjacent_lists(article: ParsedArticle) -> Iterator[AnswerPhrase]:
    """Names joined only by commas and "and" ("The ABC. and Doe Major"), when the parse
    does not coordinate them."""
    ents = [e for e in article.ents if KIND_BY_LABEL.get(e.label_) in {"PERSON", "ORG", "GPE"}]
    doc = article.doc
    index = 0
    while index < len(ents):
        group = [ents[index]]
        while index + 1 < len(ents):
            gap = doc[group[-1].end : ents[index + 1].start]
            if not gap or len(gap) > 3 or any(t.text not in _LIST_GLUE for t in gap):
                break
            group.append(ents[index + 1])
            index += 1
        index += 1
        if len(group) < 2 or not any(
            t.lower_ in {"and", "or"} for t in doc[group[0].start : group[-1].end]
        ):
            continue
        span = doc[_aside_start(group[0]) : group[-1].end]
        if any(e.root.dep_ == "conj" for e in group[1:]):
            continue  # the parse coordinates them: `_coordinated` asks the list
        kind, question_type, wh = _list_kind(group)
        yield AnswerPhrase(
            span, tuple(span), span.root.ent_type_ or "ORG", kind, question_type, wh, False
        )


def _single_phrases(article: ParsedArticle) -> Iterator[AnswerPhrase]:
    for ent in article.ents:
        kind = _org_kind(ent) if ent.label_ == "ORG" else KIND_BY_LABEL.get(ent.label_)
        if kind is None or not any(character.isalnum() for character in ent.text):
            continue
        if kind == "NUMBER":
            phrase = _number_phrase(ent)
            if phrase is not None:
                yield phrase
            continue
        if kind == "DATE":
            if not _is_time_expression(ent):
                law = _numbered_law(ent)  # "E.O. 14250" read as a date is an order
                if law is not None:
                    yield law
                length = _length_phrase(ent)
                if length is not None:
                    yield length
                continue
            if len(ent) > 1 and ent[0].pos_ == "ADP":
                ent = ent[1:]  # "by June 30, 2026": the date is the answer, "by" stays asked
            doc = ent.doc
            if (
                len(ent) == 1
                and ent[0].lower_ in _DAY_PARTS
                and ent.start > 0
                and doc[ent.start - 1].ent_type_ in {"DATE", "TIME"}
            ):
                continue  # the "afternoon" of "Thursday afternoon": asked with its day
            if ent.end < len(doc) and doc[ent.end].lower_ in _DAY_PARTS:
                ent = doc[ent.start : ent.end + 1]  # "Thursday afternoon", not "Thursday"
            asked = tuple(ent)
            if len(ent) > 1 and ent[0].lower_ in {"least", "most"} and ent.start > 0:
                before = ent.doc[ent.start - 1]
                if before.lower_ == "at":
                    # "since at least March 2016": the entity starts inside "at least"
                    asked = (before, *ent)
                    ent = ent[1:]
            yield AnswerPhrase(ent, asked, ent.label_, kind, "when", _when(ent), True)
            continue
        if kind == "PERSON":
            if ent.root.dep_ in {"compound", "amod"}:
                continue  # "the Roe regime": a name used as a modifier
            yield AnswerPhrase(ent, tuple(ent), ent.label_, kind, "who", "Who", False)
            owned = _possessed(ent, "Whose")
            if owned is not None:
                yield AnswerPhrase(ent, owned[0], ent.label_, kind, "who", owned[1], False)
            continue
        if kind == "LAW":
            yield AnswerPhrase(ent, tuple(ent), ent.label_, kind, "which_law", _law_wh(ent), False)
            continue
        if ent.label_ == "NORP" and ent.root.dep_ in {"amod", "compound", "nmod"}:
            continue  # "Nicaraguan officials": an adjective, not an answer
        if kind == "GPE":
            owned = (
                _possessed(ent, "Which country’s") if place_sort(ent.text) == "country" else None
            )
            if owned is not None:
                yield AnswerPhrase(ent, owned[0], ent.label_, kind, "where", owned[1], False)
            if ent.root.dep_ in {"compound", "poss", "nmod", "amod"}:
                continue  # "the ABC. Treasury", "Nicaragua's": part of another name
            preposition = ent.root.head if ent.root.dep_ == "pobj" else None
            if preposition is not None and preposition.lower_ in {"in", "at", "from", "to"}:
                yield AnswerPhrase(ent, tuple(ent), ent.label_, kind, "where", "Where", True)
                continue
            # A place the gazetteer does not know may be a road, a town or a building: the
            # question calls it a place, not a country ("north of which place?").
            sort = place_sort(ent.text) or ("country" if ent.label_ == "GPE" else "place")
            yield AnswerPhrase(ent, tuple(ent), ent.label_, kind, "where", f"Which {sort}", False)
            continue
        if ent.root.dep_ in {"compound", "nmod"}:
            continue
        asked = (*_left_modifiers(ent), *ent)
        yield AnswerPhrase(ent, asked, ent.label_, kind, "which_org", _org_wh(ent), False)


_MAX_OWNED_TOKENS = 6


def _possessed(ent: Span, owner_wh: str) -> tuple[tuple[Token, ...], str] | None:
    """A possessive name with what it owns, asked together: "Westland’s coastal ports" ->
    "which country’s coastal ports", "Roe's orders" -> "whose orders" (the owner alone
    cannot be asked: "Who would the army obey orders?")."""
    root = ent.root
    owned = root.head
    if root.dep_ != "poss" or owned.pos_ not in {"NOUN", "PROPN"} or owned.i < root.i:
        return None
    if any(child.i > owned.i for child in owned.children):
        return None  # "Roe's orders to the army": the rest would be left behind
    start = ent.start
    if start > 0 and ent.doc[start - 1].dep_ == "det":
        return None  # "the Westland's …": not a plain possessive
    tokens = tuple(ent.doc[start : owned.i + 1])
    words = [
        t.text
        for t in ent.doc[ent.end : owned.i + 1]
        if t.dep_ != "case" and t.text not in {"’", "'"}
    ]
    if not words or len(tokens) > _MAX_OWNED_TOKENS:
        return None
    return tokens, f"{owner_wh} {' '.join(words)}"


def _left_modifiers(ent: Span) -> list[Token]:
    """The article and adjectives before a name that the question replaces with it ("the
    state-owned [Harbor Mining Company]" -> "which company", not "the state-owned which
    company")."""
    start = ent.start
    for child in sorted(ent.root.lefts, key=lambda t: -t.i):
        if child.i >= ent.start:
            continue
        if child.dep_ not in {"det", "amod"} or child.right_edge.i != start - 1:
            break
        if child.dep_ == "det" and child.lower_ not in {"the", "a", "an"}:
            break
        start = child.left_edge.i
    return list(ent.doc[start : ent.start])


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _in_a_title(ent: Span) -> bool:
    """Whether a one-word name ends a title: "Secretary of State", "Minister of Finance"."""
    doc = ent.doc
    if len(ent) != 1 or ent.text.isupper() or ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return False  # an acronym after "of" is a body ("Secretary of NATO")
    return doc[ent.start - 2].lower_ in TITLE_WORDS


def _org_kind(ent: Span) -> str | None:
    """What a name the model calls an organization is, from its head noun: an agreement is
    a law ("the Lakeside Accords"), a country's formal name a place ("the Republic of X");
    a thing or an event is no answer (None); anything else a body."""
    head = ent.root.lower_
    if _in_a_title(ent):
        return None  # "the Secretary of State": "State" is part of the title, no body
    if head in LAW_NOUNS and ent.root.text[:1].isupper():
        return "LAW"
    if head in COUNTRY_HEADS or place_sort(ent.text) == "country":
        return "GPE"
    if head in NOT_ORG_HEADS:
        return None
    return "ORG"


# Words that make a DATE entity a time expression (months and weekdays come from words.py).
_TIME_WORDS = frozenset(
    {"today", "yesterday", "tomorrow", "tonight", "day", "days", "week", "weeks", "month"}
    | {"months", "year", "years", "decade", "century", "annually", "weekly", "monthly", "daily"}
    | {"spring", "summer", "fall", "autumn", "winter", "morning", "afternoon", "evening"}
    | {"night", "noon", "midnight", "quarter", "weekend", "a.m.", "p.m.", "now", "recently"}
)


_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "decades", "hours", "minutes"})


def _length_phrase(ent: Span) -> AnswerPhrase | None:
    """A length of time after a preposition ("repaid in 35 years", "a penalty of 20 years")
    asked as a count of its unit: "In how many years …?". (A length that is the verb's own
    argument, "the shutdown lasted 35 days", is the how_many generator's.)"""
    if ent[0].pos_ == "ADP":
        ent = ent[1:]  # "in 35 years": the preposition stays in the question
    if not ent or ent.root.dep_ != "pobj":
        return None
    numbers = [t for t in ent if t.like_num]
    unit = ent[-1]
    if len(numbers) != 1 or unit.lower_ not in _PLURAL_UNITS or numbers[0].i != unit.i - 1:
        return None
    if any(t.lower_ not in COUNT_MODIFIERS for t in ent[: numbers[0].i - ent.start]):
        return None
    return AnswerPhrase(
        ent, tuple(ent), "DATE", "NUMBER", "how_many", f"How many {unit.lower_}", False
    )


def _is_time_expression(ent: Span) -> bool:
    """Whether a DATE/TIME entity names a time: a month, weekday, year, time word or clock.

    A length or a rate is no time: "a 10-year note", "99,000 tons a year", "repaid in 35
    years" (a "When …?" would be answered by a duration)."""
    if ent.root.dep_ in {"amod", "compound", "nmod"} and "-" in ent.text:
        return False
    words = [token.lower_ for token in ent]
    if len(words) == 2 and words[0] in _RATE_WORDS:
        return False
    core = [t for t in ent if not (t.pos_ == "ADP" or t.lower_ in COUNT_MODIFIERS)]
    if len(core) == 2 and core[0].like_num and core[1].lower_ in _PLURAL_UNITS:
        return False  # "up to 60 days", "35 years": a length of time
    for token in ent:
        word = token.lower_.rstrip(".")
        if word in MONTH_KEYS or word in WEEKDAY_KEYS or token.lower_ in _TIME_WORDS:
            return True
        if token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100:
            return True
        if ":" in token.text and token.text.replace(":", "").isdigit():
            return True
    return False


_LAW_ABBREVIATIONS = frozenset({"e.o.", "no.", "sec.", "art."})


def _numbered_law(ent: Span) -> AnswerPhrase | None:
    """ "Executive Order (E.O.) 13884": a number after a law's name is the law's number."""
    doc = ent.doc
    start = ent.start
    while start > 0 and start > ent.start - 6:
        previous = doc[start - 1]
        if previous.text[:1].isupper() or previous.text in {"(", ")"}:
            start -= 1
        else:
            break
    words = {t.lower_ for t in doc[start : ent.start]}
    if not words & (set(LAW_NOUNS) | _LAW_ABBREVIATIONS):
        return None
    span = doc[start : ent.end]
    wh = "Which executive order" if words & {"order", "e.o."} else _law_wh(span)
    return AnswerPhrase(span, tuple(span), "LAW", "LAW", "which_law", wh, False)


def _when(ent: Span) -> str:
    words = [t.lower_ for t in ent]
    if len(words) == 1 and words[0].isdigit() and len(words[0]) == 4:
        return "In what year"
    return "When"


def _law_wh(ent: Span) -> str:
    for token in reversed(ent):
        noun = LAW_NOUNS.get(token.lower_)
        if noun:
            return f"Which {noun}"
    return "Which law"


def _org_wh(ent: Span) -> str:
    if ent.label_ == "NORP":
        return "Which group"
    head = ent.root.lower_
    if head in ORG_NOUNS:
        return f"Which {head}"
    for token in ent:
        if token.lower_ in ORG_NOUNS:
            return f"Which {token.lower_}"
    return "Which organization"


def _number_phrase(ent: Span) -> AnswerPhrase | None:
    """ "six Nicaraguan officials" -> answer "six", asked "How many Nicaraguan officials"."""
    if ent.label_ in {"MONEY", "PERCENT"}:
        # "over $23 million": the modifier goes with the amount the wh-phrase replaces.
        doc, start = ent.doc, ent.start
        while start > 0 and doc[start - 1].lower_ in COUNT_MODIFIERS:
            start -= 1
        wh = "How much" if ent.label_ == "MONEY" else "What percentage"
        return AnswerPhrase(
            ent, tuple(doc[start : ent.end]), ent.label_, "NUMBER", "how_many", wh, False
        )
    root = ent.root
    noun = root.head if root.dep_ in {"nummod", "quantmod"} else None
    if noun is not None and noun.dep_ == "nummod":
        noun = noun.head
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.i < ent.start:
        if root.pos_ == "NOUN" and root.i == ent.end - 1 and len(ent) > 1:
            # "10 million people" read as one QUANTITY: ask for the number before the noun.
            counted = [root]
            return _counted(ent, ent, counted)
        return None
    counted = [
        t
        for t in noun.lefts
        if t.i >= ent.end and t.dep_ in {"amod", "compound", "nmod"} and not t.like_num
    ]
    return _counted(ent, ent, [*counted, noun])


def _counted(ent: Span, number: Span, counted: list[Token]) -> AnswerPhrase | None:
    noun = counted[-1]
    if noun.lower_ in {"percent", "%", "times", "years", "year", "months", "days", "weeks"}:
        if noun.lower_ in {"percent", "%"}:
            wh = "What percentage"
            return AnswerPhrase(ent, tuple(ent), "PERCENT", "NUMBER", "how_many", wh, False)
        return None
    if noun.tag_ not in {"NNS", "NNPS"} and noun.lower_ not in {"people", "police"}:
        return None  # "one official" reads as a name count, "a 10 percent" as something else
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].lower_ in COUNT_MODIFIERS:
        start -= 1
    phrase = tuple(doc[start : noun.i + 1])
    wh = "How many " + " ".join(t.text for t in counted)
    answer = doc[start : ent.end] if start < ent.start else number
    return AnswerPhrase(answer, phrase, ent.label_, "NUMBER", "how_many", wh, False)
