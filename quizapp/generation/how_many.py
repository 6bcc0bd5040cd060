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
from quizapp.generation.words import DEMONSTRATIVES

# Entity labels whose numbers are not counts of things (DATE only counts durations).
_NOT_COUNTS = frozenset({"TIME", "MONEY", "PERCENT", "ORDINAL", "PERSON", "ORG", "GPE", "LAW"})
_NAME_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "NORP", "LOC", "LANGUAGE"})
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_MAX_PREP_TOKENS = 6
# Trust in a "How much is X worth?" question: a fixed, simple pattern.
_WORTH_CONFIDENCE = 0.8
# Longest phrase that names a deal or a plan ("to buy Activision Blizzard").
_MAX_NAMING_TOKENS = 8
# Words a range the model tagged DATE may hold besides numbers ("Between 55 and 60 boats").
_RANGE_WORDS = frozenset({"between", "and", "to", "about", "nearly", "some", "roughly"})
# A duration is a count only as an argument: "the shutdown lasted 35 days".
_DURATION_DEPS = frozenset({"dobj", "npadvmod", "attr", "nsubj", "nsubjpass"})
# Roles of a partitive number ("23 of the 57 seats").
_PARTITIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})


class HowManyGenerator:
    """Propose "How many …?" questions for numbers that count a noun."""

    type: ClassVar[str] = "how_many"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per counted noun phrase the grammar can turn into a question."""
        entity_of = article.memo("entity_of_token", lambda: _entity_of(article))
        resolve = grammar.person_resolver(article.doc, article.full_name)
        seen: set[int] = set()
        for index, sentence in enumerate(article.sentences):
            for token in sentence:
                if not token.like_num or token.i in seen:
                    continue
                counted = _counted(token, entity_of)
                measured = None if counted is not None else _measured(token, entity_of)
                if counted is not None:
                    number, phrase, target = counted
                    wh = f"How many {phrase}"
                elif measured is not None:
                    number, wh, target = measured
                else:
                    continue
                seen.update(t.i for t in number)
                if wh.startswith("How many of "):
                    # "Twelve of the country's 18 departments": 18 is the whole, not a count
                    # of what the clause says.
                    seen.update(t.i for t in target if t.like_num)
                candidate = _candidate(
                    number, wh, target, index, sentence, resolve, singular=measured is not None
                )
                if candidate is not None:
                    yield candidate
        yield from _amount_candidates(article, resolve)


def _entity_of(article: ParsedArticle) -> dict[int, Span]:
    """The entity each token belongs to, from the parse's cached spans (no `doc.ents`)."""
    return {token.i: ent for spans in article.spans.values() for ent in spans for token in ent}


def _amount_candidates(article: ParsedArticle, resolve: grammar.Resolver) -> Iterator[Candidate]:
    """ "How much …?" for sums of money and "What percentage of …?" / "By what percentage
    …?" for shares and changes, each answered by the verbatim amount ("more than $212
    million", "between 3.75% and 4%")."""
    for kind in ("MONEY", "PERCENT"):
        for amount in article.spans.get(kind, ()):
            if not any(t.like_num for t in amount) or any(_YEAR.match(t.text) for t in amount):
                continue
            if kind == "MONEY":
                asked = _ask_worth(amount) or _ask_price(amount) or _ask_money(amount, resolve)
            else:
                asked = _ask_share(amount, resolve)
            if asked is None or grammar.contains_answer(asked[0].text, amount.text):
                continue
            question, verb = asked
            index = article.sentence_index(amount.start_char)
            yield Candidate(
                type="how_many",
                question=question.text,
                answer=amount.text,
                evidence=grammar.clause_text(list(article.sentences[index]), verb),
                sentence_index=index,
                kind=kind,
                confidence=question.confidence,
            )


def _kept_modifiers(amount: Span) -> set[int]:
    """Tokens after an amount that qualify it and stay in the question ("in humanitarian
    assistance for Vale", "a year")."""
    return {
        t.i
        for token in amount
        for child in token.rights
        if child.i >= amount.end
        and (
            child.dep_ == "prep"
            or (child.dep_ == "npadvmod" and child.lemma_.lower() in lex.DURATION_UNITS)
        )
        for t in child.subtree
    }


def _is_given(amount: Span) -> bool:
    """Whether an amount points back to one already named ("the $20 million", "its $5
    billion"), so the sentence adds nothing new about it."""
    return any(
        child.dep_ in {"det", "poss"} and child.lower_ not in {"a", "an"}
        for token in amount
        for child in token.children
    ) or (amount.start > 0 and amount.doc[amount.start - 1].lower_ in {"the", "this"})


def _is_absolute(verb: Token) -> bool:
    """Whether a clause is an absolute phrase ("with 96% of polling stations counted"), whose
    amount a question would misread as the subject of a finite verb."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return True
    return any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)


def _ask_money(amount: Span, resolve: grammar.Resolver) -> tuple[grammar.Question, Token] | None:
    """ "How much is the Shore Ridge providing in humanitarian assistance for Vale?" for
    a sum that is the subject or the object of its clause."""
    target = list(amount)
    root = amount.root
    whole = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and whole.lower_ in lex.TOTAL_NOUNS:
        # "pledged a total of $1.4 billion": the total is the verb's object.
        if whole.left_edge.lower_ not in {"a", "an"} or whole.dep_ not in {"dobj", "attr"}:
            return None
        target = [*whole.doc[whole.left_edge.i : root.head.i + 1], *amount]
    slot = grammar.locate(target)
    if slot is None or slot.strand:
        return None
    if slot.pied is not None and not (
        slot.pied.lower_ == "by" and grammar.lemma(slot.verb) in lex.CHANGE_VERBS
    ):
        return None  # "reduce spending by about $21 billion": "By how much …?"; nothing else
    if slot.role not in {"subject", "object", "adjunct"} or _is_absolute(slot.verb):
        return None
    if _is_given(amount):
        return None
    if slot.role == "subject" and amount.root.dep_ != "nsubjpass":
        return None  # "the sum would pay for food": "How much would pay …?" is no English
    kept = _kept_modifiers(amount)
    wh = "How much"
    part = amount.doc[amount.end] if amount.end < len(amount.doc) else None
    if part is not None and part.lower_ == "of" and part.i in kept:
        # "recovered about $7 million of the ransom payments": "How much of the ransom
        # payments had agents recovered?"
        group = list(part.subtree)
        if len(group) > lex.MAX_SHARE_TOKENS + 1 or any(t.pos_ == "PRON" for t in group):
            return None
        wh = f"How much {grammar.render(group)}"
        kept -= {t.i for t in group}
    slot = replace(slot, remove=slot.remove - kept)
    question = grammar.ask(slot, wh, singular=True, resolve=resolve)
    return None if question is None else (question, slot.verb)


def _ask_worth(amount: Span) -> tuple[grammar.Question, Token] | None:
    """ "How much is the contract worth over five years?" for "The contract is worth $1.2
    billion over five years"; only a plain named subject of a finite "be"."""
    worth = amount.root.head
    verb = worth.head
    if amount.root.dep_ != "npadvmod" or worth.lower_ != "worth" or worth.dep_ != "acomp":
        return None
    if grammar.lemma(verb) != "be" or verb.dep_ not in {"ROOT", "ccomp"}:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    allowed = {"nsubj", "aux", "acomp", "punct"}
    if len(subjects) != 1 or len(auxes) > 1 or any(c.dep_ not in allowed for c in verb.children):
        return None
    subject = list(subjects[0].subtree)
    if subject[0].lower_ not in {"the", "its", "their"} or len(subject) > lex.MAX_SHARE_TOKENS:
        return None  # "a deal", "it", "which": the question would not say what is meant
    if any(t.pos_ == "PRON" or t.is_punct or t.is_space for t in subject[1:]):
        return None
    rest = [t for c in worth.rights if c.i >= amount.end and c.dep_ == "prep" for t in c.subtree]
    if any(t.is_punct or t.pos_ == "PRON" or t.is_space for t in rest):
        return None
    head = subject[0].text.lower()
    subject_text = " ".join([head, grammar.render(subject[1:])])
    if auxes:
        words = [auxes[0].text.lower(), subject_text, verb.text, "worth"]
    else:
        words = [verb.text.lower(), subject_text, "worth"]
    text = " ".join(["How much", *words, *([grammar.render(rest)] if rest else [])]) + "?"
    return grammar.Question(text, _WORTH_CONFIDENCE), verb


def _ask_price(amount: Span) -> tuple[grammar.Question, Token] | None:
    """ "How much is the deal to buy Activision Blizzard worth?" / "How much does the plan for
    a new subway line cost?" for a sum in front of a deal or a plan that a phrase after the
    noun names; without such a phrase "the plan" would not say which one."""
    noun = amount.root.head
    if amount.root.dep_ != "nummod" or noun.i != amount.end or noun.tag_ != "NN":
        return None
    word = noun.lower_
    if word not in lex.VALUED_NOUNS and word not in lex.COSTED_NOUNS:
        return None
    if amount.start == 0 or amount.doc[amount.start - 1].lower_ not in {"a", "an"}:
        return None
    if noun.left_edge.i != amount.start - 1 or noun.dep_ not in {"dobj", "pobj", "attr"}:
        return None
    naming = [
        c for c in noun.rights if (c.dep_ == "prep" and c.lower_ == "for") or _is_infinitive(c)
    ]
    if not naming or naming[0].left_edge.i != noun.i + 1:
        return None
    phrase = list(naming[0].subtree)
    if len(phrase) > _MAX_NAMING_TOKENS or any(
        t.pos_ == "PRON" or t.is_punct or t.is_space or t.lower_ in DEMONSTRATIVES for t in phrase
    ):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not grammar.is_verb(verb) or grammar.in_quotation(verb):
        return None
    named = f"the {word} {grammar.render(phrase)}"
    if word in lex.VALUED_NOUNS:
        text = f"How much is {named} worth?"
    else:
        text = f"How much does {named} cost?"
    return grammar.Question(text, _WORTH_CONFIDENCE), verb


def _ask_share(amount: Span, resolve: grammar.Resolver) -> tuple[grammar.Question, Token] | None:
    """ "What percentage of voters backed the measure?" for a share of a named group, "By what
    percentage did inflation rise in March?" for a change; anything else is skipped."""
    root = amount.root
    groups = [c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if groups:
        group = [t for t in groups[0].subtree][1:]
        if not group or len(group) > lex.MAX_SHARE_TOKENS:
            return None
        if any(t.pos_ == "PRON" or t.is_punct or t.lower_ in DEMONSTRATIVES for t in group):
            return None  # "of them", "of those": the group is not named
        slot = grammar.locate([*amount, groups[0], *group])
        if slot is None or slot.role not in {"subject", "object"} or slot.strand or slot.pied:
            return None
        if _is_absolute(slot.verb):
            return None
        wh = f"What percentage of {grammar.render(group)}"
        singular = group[-1].tag_ not in {"NNS", "NNPS"}
    else:
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if not grammar.is_verb(verb) or grammar.lemma(verb) not in lex.CHANGE_VERBS:
            return None
        if root.dep_ not in {"npadvmod", "dobj", "pobj"}:
            return None
        if root.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != root.i for c in verb.children):
            return None
        slot = grammar.locate(list(amount))
        if slot is None or slot.strand:
            return None
        if slot.pied is None:
            wh = "By what percentage"
            slot = replace(slot, role="object")
        elif slot.pied.lower_ == "by":
            wh = "What percentage"
        elif slot.pied.lower_ == "to" and not any(c.lower_ == "from" for c in verb.children):
            wh = "What level"  # "raised the tax to 16%": "To what level did … raise the tax?"
        else:
            return None
        singular = False
    question = grammar.ask(slot, wh, singular=singular, resolve=resolve)
    return None if question is None else (question, slot.verb)


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
        if ent.label_ == "DATE" and not (
            _is_duration_count(ent, noun) or _is_misread_range(ent, noun)
        ):
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


def _is_misread_range(ent: Span, noun: Token) -> bool:
    """Whether a DATE entity is really a count the model misread ("Between 55 and 60 boats")."""
    words = [t for t in ent if t.i < noun.i]
    return (
        noun.lemma_.lower() not in lex.DURATION_UNITS
        and any(t.like_num for t in words)
        and all(t.like_num or t.lower_ in _RANGE_WORDS for t in words)
        and not any(_YEAR.match(t.text) for t in words)
    )


def _measured(token: Token, entity_of: dict[int, Span]) -> tuple[Span, str, list[Token]] | None:
    """A measured amount of a substance ("42,000 acre-feet of water"): "How much water …?"
    answered by the whole quantity."""
    ent = entity_of.get(token.i)
    unit = token.head
    if ent is None or ent.label_ != "QUANTITY" or token.dep_ != "nummod" or unit.i != ent.end - 1:
        return None
    preps = [c for c in unit.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not preps or preps[0].i != unit.i + 1:
        return None
    substance = [c for c in preps[0].children if c.dep_ == "pobj"]
    if len(substance) != 1 or substance[0].tag_ != "NN" or substance[0].i != preps[0].i + 1:
        return None  # only a bare mass noun: "of water", "of grain"
    if not _is_count(ent) or any(t.is_space for t in ent):
        return None
    target = sorted({*ent, *unit.subtree}, key=lambda t: t.i)
    return ent, f"How much {substance[0].text}", target


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
    if noun.lower_ in lex.UNCOUNTED_NOUNS and not _is_frequency(noun):
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


def _is_frequency(noun: Token) -> bool:
    """Whether "<number> times" says how often a verb happened ("raised rates 11 times"), not
    a multiple ("three times as many", "four times faster")."""
    if noun.lower_ not in lex.FREQUENCY_NOUNS or noun.dep_ not in {"npadvmod", "dobj"}:
        return False
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and (
        following.tag_ in {"JJR", "RBR", "DT", "PDT"} or following.lower_ in {"as", "more", "less"}
    ):
        return False
    return grammar.is_verb(noun.head) and not any(c.dep_ != "nummod" for c in noun.children)


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
    if group and group[0].lower_ == "them":
        return _partitive_of_them(token, group[0], entity_of)
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
    pointing = {t.i for t in phrase_tokens if t.lower_ in DEMONSTRATIVES and t.dep_ == "det"}
    if len(phrase_tokens) > _MAX_PREP_TOKENS or any(
        t.pos_ == "PRON"
        or t.is_punct
        or t.is_space
        or (t.lower_ in DEMONSTRATIVES and t.i not in pointing)
        for t in phrase_tokens
    ):
        return None  # "of them": the group is not named
    ent = entity_of.get(token.i)
    if ent is not None and (ent.label_ != "CARDINAL" or ent.end > token.i + 1):
        return None
    start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ == "quantmod")])
    number = token.doc[start : token.i + 1]
    if not _is_count(number):
        return None
    # "of those patients" -> "of the patients": outside the article the question cannot
    # point back, so the group is definite.
    phrase = "of " + grammar.render(phrase_tokens[1:], {i: "the" for i in pointing})
    return number, phrase, sorted({*token.subtree, *extra}, key=lambda t: t.i)


def _partitive_of_them(
    token: Token, pronoun: Token, entity_of: dict[int, Span]
) -> tuple[Span, str, list[Token]] | None:
    """ "Twelve of them expect ..." after "Nineteen Fed officials submitted ...": the group is
    the counted noun just before, so the question asks "How many Fed officials expect ...?"."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or pronoun.i != token.i + 2:
        return None
    ent = entity_of.get(token.i)
    if ent is not None and (ent.label_ != "CARDINAL" or ent.end > token.i + 1):
        return None
    number = token.doc[token.i : token.i + 1]
    noun = _counted_antecedent(token)
    if noun is None or not _is_count(number):
        return None
    modifiers = [t for t in noun.lefts if t.dep_ in {"compound", "amod"}]
    if any(t.i != m.i for m in modifiers for t in m.subtree) or any(
        t.is_punct or t.pos_ == "PRON" for t in modifiers
    ):
        return None  # only plain one-word modifiers travel ("Fed officials", "rural schools")
    return number, grammar.render([*modifiers, noun]), list(token.subtree)


def _counted_antecedent(token: Token) -> Token | None:
    """The plural noun a number counted last, in the same or the previous sentence, when it is
    the only counted noun there: the group "them" stands for."""
    doc = token.doc
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    counted = [
        t.head
        for t in doc[start : token.i]
        if t.dep_ == "nummod" and t.head.tag_ in {"NNS", "NNPS"} and t.head.i < token.i
    ]
    if len({t.i for t in counted}) != 1:
        return None
    noun = counted[0]
    if noun.lower_ in lex.UNCOUNTED_NOUNS or noun.lemma_.lower() in lex.DURATION_UNITS:
        return None
    return noun


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


def _through_container(noun: Token) -> grammar.Slot | None:
    """The slot of "a Disaster Assistance Response Team of 16 specialists" as a whole when the
    team is the verb's object: "How many specialists did the agency deploy?"."""
    preposition = noun.head
    container = preposition.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or container.dep_ != "dobj":
        return None
    if container.lemma_.lower() not in lex.CONTAINER_NOUNS:
        return None
    if container.left_edge.lower_ not in {"a", "an"} or preposition.i != container.i + 1:
        return None
    slot = grammar.locate(list(container.subtree))
    return slot if slot is not None and slot.role == "object" else None


def _of_phrase_end(noun: Token) -> int:
    """The last token of the noun's "of" phrase, or the noun itself."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return child.right_edge.i
    return noun.i


def _candidate(
    number: Span,
    wh: str,
    target: list[Token],
    index: int,
    sentence: Span,
    resolve: grammar.Resolver,
    *,
    singular: bool = False,
) -> Candidate | None:
    """The question for one counted noun phrase, or None when it cannot be asked well."""
    slot = grammar.locate(target)
    noun = number.root.head
    if slot is None:
        slot = _through_container(noun)
    if slot is None:
        return None
    # "30 days to declare the result": the purpose stays in the question.
    purpose = {t.i for c in noun.rights if _is_infinitive(c) for t in c.subtree}
    if purpose:
        slot = replace(slot, remove=slot.remove - purpose)
    if noun.dep_ == "attr" and any(child.dep_ == "expl" for child in noun.head.children):
        # "There were 14 candidates on the ballot": the place stays after "there".
        kept = {t.i for t in target if t.i > _of_phrase_end(noun)}
        slot = replace(slot, remove=slot.remove - kept)
    question = grammar.ask(slot, wh, singular=singular, resolve=resolve)
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
