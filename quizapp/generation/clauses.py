"""Overgenerates: every answer phrase of every clause becomes a candidate question.

Each sentence is read as clauses (coordinated clauses, relative and participial clauses and the
reported clause of "X said (that) S" each have their own verb); every answer phrase is asked in
the clause whose verb governs it, through the one wh-transformation of `grammar`. Where the
phrase is no argument of a verb, two general forms remain: an appositive read as "X is Y"
("Woods Lake, undersecretary for …" -> "Who is undersecretary for …?") and the speaker of a
quotation ("Who said …?"). The ranking model, not these rules, decides which ones a quiz serves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar, wh
from quizapp.generation.answers import AnswerPhrase, answer_phrases, list_kind, name_lists
from quizapp.generation.distractor_lists import NUMBER_WORDS
from quizapp.generation.lexicon_facts import REPORTING_VERBS
from quizapp.generation.normalize import normalize
from quizapp.generation.people import lower_moved_opener
from quizapp.generation.quote import MIN_QUOTE_WORDS
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import DEMONSTRATIVES

# "these actions", "this public designation": outside a quotation the question cannot point
# back into the article, so the noun phrase is definite instead.
_TIME_WORDS = "week|month|year|morning|afternoon|evening|time|spring|summer|fall|winter|decade"
_DEMONSTRATIVE = re.compile(
    r"(?<![“\"'‘])\b(?:[Tt]his|[Tt]hese|[Tt]hose)\b"
    rf"(?! (?:{_TIME_WORDS})s?\b)(?= [a-z][a-z-]+(?: [a-z-]+)? [a-z])"
)
_WHO_AFTER_PREPOSITION = re.compile(
    r"\b([Tt]o|[Ff]or|[Ff]rom|[Ww]ith|[Bb]y|[Oo]n|[Aa]t|[Aa]bout|[Aa]gainst|[Oo]f) who\b"
)
_QUOTE_MARK = re.compile(r"[\"“”]")
# Longest appositive asked as "Who is …?".
_MAX_APPOSITIVE_TOKENS = 14
_MIN_APPOSITIVE_TOKENS = 2
# Prepositions that tie a title to what it is the title of ("director of", "envoy to").
_POSSESSIVE_END = re.compile(r"\s*['’]s?$")
_TITLE_PREPOSITIONS = frozenset({"of", "at", "for", "to"})
_QUOTED_TEXT = re.compile(r"[“\"]([^”\"]*)[”\"]")
# Shortest quotation asked as one (as the quote generator's MIN_QUOTE_WORDS).
_MIN_QUOTED_WORDS = MIN_QUOTE_WORDS
# Longest stretch of a quotation a "Who said …?" question repeats.
_MAX_QUOTED_WORDS = 14


class ClauseGenerator:
    """Asks every answer phrase of the article in its clause (any question type)."""

    type: ClassVar[str] = "clause"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one candidate per answer phrase and form that renders cleanly."""
        resolve = grammar.person_resolver(article.doc, article.full_name)
        for phrase in answer_phrases(article):
            index = article.sentence_index(phrase.span.start_char)
            evidence = article.sentences[index].text
            yield from _moved(phrase, article, index, evidence, resolve)
            yield from _appositive(phrase, index, evidence)
            yield from _title_owner(phrase, index, evidence)
            yield from _speaker(phrase, index, evidence)
            yield from _reporter(phrase, index, evidence)
            yield from _with_count(phrase, index, evidence)
            yield from _amount_of(phrase, index, evidence)


def _candidate(
    phrase: AnswerPhrase,
    question: str,
    index: int,
    evidence: str,
    confidence: float,
    question_type: str | None = None,
    form: str = "moved",
) -> Candidate:
    return Candidate(
        type=question_type or phrase.type,
        question=question,
        answer=phrase.span.text.strip(),
        evidence=evidence,
        sentence_index=index,
        kind=phrase.kind,
        confidence=confidence,
        form=form,
        role=phrase.span.root.dep_,
    )


def _moved(
    phrase: AnswerPhrase,
    article: ParsedArticle,
    index: int,
    evidence: str,
    resolve: grammar.Resolver,
) -> Iterator[Candidate]:
    """The wh-question proper: the phrase replaced by its wh-word, moved to the front."""
    slot = grammar.locate(list(phrase.phrase), adjunct=phrase.adjunct)
    owner = phrase.span.root.dep_ == "poss"  # "which country's ports": never "Where"
    if slot is None and not phrase.adjunct and phrase.kind in {"DATE", "GPE"} and not owner:
        slot = grammar.locate(list(phrase.phrase), adjunct=True)
    asked = _strict(phrase, slot, resolve)
    if asked is not None:
        text, verb, confidence = asked
        form = "moved"
    else:
        counts = summaries(article)
        tokens = list(phrase.phrase)
        plain = wh.ask(tokens, phrase.wh, adjunct=phrase.adjunct, resolve=resolve, summaries=counts)
        form, confidence = "plain", 0.5
        if plain is None:
            plain = wh.ask_in_place(
                tokens, phrase.wh, adjunct=phrase.adjunct, summaries=counts, resolve=resolve
            )
            form, confidence = "in_place", 0.3
        if plain is None:
            return
        text, verb = plain
    owner_only = phrase.span.root.dep_ == "poss" and len(phrase.phrase) == len(phrase.span)
    if owner_only and form != "in_place":
        return  # "Who would the army obey orders?" for "Roe's orders": the owner asked bare
    others = _other_members(phrase)
    if phrase.kind == "GPE" and any(other.ent_type_ in {"ORG", "FAC"} for other in others):
        return  # "the Agency's Westport and … Divisions, and …": a place in a list of bodies
    if others and form != "in_place" and _ambiguous_among(phrase, others):
        return  # "Who made the announcement?" of one of six announcers: six right answers
    if len(others) > 1 and form == "in_place":
        return  # a list with one item asked in place reads as a garbled list
    root = phrase.span.root
    if root.dep_ == "oprd" and root.head.lemma_ in _NAMING_VERBS and phrase.kind == "PERSON":
        return  # "the capsule, named Endeavour": a thing's name, no "Who was it named?"
    if form == "in_place" and root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return  # "the operation who was coordinated?", "by his deputy who?": no question
    if not _QUOTE_MARK.search(text):  # "To whom …?", "… according to whom?"
        text = _WHO_AFTER_PREPOSITION.sub(r"\1 whom", text)
    if text.count("(") != text.count(")"):
        text = _balanced(text)
    text = _DEMONSTRATIVE.sub(lambda m: "The" if m.group(0)[0].isupper() else "the", text)
    text = _definite_that(text, verb.sent)
    if text.count('"') % 2 or "''" in text or " ' " in text:
        text = " ".join(text.replace("''", " ").replace('"', " ").replace(" ' ", " ").split())
    question_type = phrase.type
    if (
        phrase.kind == "PERSON"
        and text.startswith("Who ")
        and verb.lemma_ in REPORTING_VERBS
        and _quotes_in(verb.sent)
    ):
        question_type = "quote"
        quoted = _QUOTED_TEXT.search(text)
        if quoted is not None and len(quoted.group(1).split()) < _MIN_QUOTED_WORDS:
            return  # "Who said “Countries of Concern”?": a name in quotation marks, no quote
    yield _candidate(phrase, text, index, evidence, confidence, question_type, form)


# A list of names this long is read as a count in a question that does not ask it.
_MIN_SUMMED_ITEMS = 4
_LIST_NOUNS = {"GPE": "countries", "PERSON": "people", "ORG": "organizations"}


def summaries(article: ParsedArticle) -> wh.Summaries:
    """The article's long lists of names as counts ("re-designated A, B, C, D and E as …"
    -> "re-designated five countries as …"): a question that only passes through a list does
    not read it out (the filter rejects a question with a list to read through). Memoized."""
    return article.memo("summaries", lambda: _summaries(article))


def _summaries(article: ParsedArticle) -> wh.Summaries:
    found: dict[int, tuple[int, str]] = {}
    for span, items in name_lists(article):
        word = NUMBER_WORDS.get(len(items))
        if len(items) >= _MIN_SUMMED_ITEMS and word is not None:
            found[span.start] = (span.end, f"{word} {_LIST_NOUNS[list_kind(items)]}")
    return found


def summed_lists(candidate: Candidate, article: ParsedArticle) -> Candidate:
    """The candidate with each long list its question reads out, and its answer is not
    part of, as the list's count (any generator's question: the transformations read the
    clause as it stands)."""
    if candidate.type == "true_false":
        return candidate
    question = candidate.question
    answer = normalize(candidate.answer)
    for start, (end, words) in summaries(article).items():
        listed = article.doc[start:end]
        rendered = grammar.render(listed)
        if rendered in question and answer not in normalize(listed.text):
            question = question.replace(rendered, words, 1)
    return candidate if question == candidate.question else replace(candidate, question=question)


_NAMING_VERBS = frozenset({"name", "call", "dub", "rename", "christen"})


def _definite_that(text: str, sentence: Span) -> str:
    """ "submitted that request" -> "submitted the request": the determiner "that" (the parse
    tells it from the conjunction of "said that") points back into the article, so outside a
    quotation the question makes its noun definite."""
    for token in sentence:
        if (
            token.lower_ == "that"
            and token.dep_ == "det"
            and token.head.i > token.i
            and not grammar.in_quotation(token)
        ):
            following = re.escape(token.doc[token.i + 1].text)
            text = re.sub(
                rf"\b([Tt])hat (?={following}\b)", lambda m: f"{m.group(1)}he ", text, count=1
            )
    return text


# Kinds whose answer, one of several coordinated ones, leaves the others as right answers.
_NAMED_KINDS = frozenset({"PERSON", "ORG", "GPE"})


_GENERIC_WH_NOUNS = frozenset(
    {"organization", "organizations", "country", "countries", "group", "groups"}
)


def _ambiguous_among(phrase: AnswerPhrase, others: list[Token]) -> bool:
    """Whether the question would fit the other coordinated items too: always for people and
    a bare "where"; for a "which" question when its noun is generic or another item has the
    same head ("which institute" among a military, an institute and a company is clear)."""
    if phrase.kind not in _NAMED_KINDS:
        return False
    words = phrase.wh.lower().split()
    if phrase.kind == "PERSON" or len(words) < 2 or words[-1] in _GENERIC_WH_NOUNS:
        return True
    head = phrase.span.root.lemma_.lower()
    return any(other.lemma_.lower() == head for other in others)


def _other_members(phrase: AnswerPhrase) -> list[Token]:
    """The heads of the other items of the coordination the answer stands in (none when the
    answer covers the whole coordination, "the Board and the Guild")."""
    root = phrase.span.root
    inside = {t.i for t in phrase.span}
    while (
        root.dep_ in _MEMBER_DEPS
        and root.head.i not in inside
        and _is_member(root)
        and (root.dep_ != "appos" or root.head.pos_ != "NOUN")
    ):
        root = root.head  # (a name after its title, "his deputy Tom Reed", is no list)
    members = [root]
    stack = [root]
    coordinated = False
    while stack:
        token = stack.pop()
        for child in token.children:
            coordinated = coordinated or child.dep_ == "cc"
            if child.dep_ in _MEMBER_DEPS and _is_member(child):
                members.append(child)
                stack.append(child)
    if not coordinated:
        members = [m for m in members if m.dep_ != "appos"] or [root]
    return [m for m in members if m.i not in inside]


# The parser often reads the second name of "A, B and C" as an apposition of the first.
_MEMBER_DEPS = frozenset({"conj", "appos"})


def _is_member(token: Token) -> bool:
    if token.dep_ == "appos" and token.i > 0 and token.doc[token.i - 1].text == "(":
        return False  # "the Harbor Act (HA)": the acronym of the same thing
    return token.pos_ in {"PROPN", "NUM"} or (token.dep_ == "conj" and token.pos_ == "NOUN")


def _balanced(text: str) -> str:
    """ "… agreement with the Association (TUV?" -> "… agreement with the Association?"."""
    text = re.sub(r"\s*\([^()]*(?=\?$)", "", text)
    if text.count("(") != text.count(")"):
        text = " ".join(text.replace("(", " ").replace(")", " ").split()).replace(" ?", "?")
    return text


def _strict(
    phrase: AnswerPhrase, slot: grammar.Slot | None, resolve: grammar.Resolver
) -> tuple[str, Token, float] | None:
    """The careful wh-question of `grammar`, when its rules accept the clause."""
    if slot is None:
        return None
    wh = phrase.wh
    if slot.role == "adjunct" and phrase.kind == "GPE" and slot.pied is None:
        wh = "Where"
    if slot.pied is not None and phrase.kind == "GPE" and slot.pied.lower_ in {"in", "at"}:
        slot = grammar.Slot(slot.verb, "adjunct", slot.remove | {slot.pied.i})
        wh = "Where"
    asked = grammar.ask(slot, wh, singular=phrase.kind != "NUMBER", resolve=resolve)
    if asked is None:
        return None
    return lower_moved_opener(asked.text, slot.verb), slot.verb, asked.confidence


_MAX_OWNER_TOKENS = 8


def _with_count(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """ "The port reflects an old design, with 14 docks made up of …" -> "How many docks
    does the port have?": a count in a "with" phrase after the clause is what its subject
    has."""
    if phrase.type != "how_many" or not phrase.wh.startswith("How many "):
        return
    noun = max(phrase.phrase, key=lambda t: t.i)
    with_ = noun.head
    if noun.dep_ == "nsubj" and with_.dep_ == "pcomp" and with_.tag_ == "VBN":
        with_ = with_.head  # "with 14 docks made up of …": the participle says what they are
    elif noun.dep_ != "pobj" or any(c.tag_ == "VBG" for c in noun.children):
        return  # "with 300 shops losing money" says what happened, not what was had
    verb = with_.head
    doc = noun.doc
    if (
        with_.lower_ != "with"
        or with_.dep_ != "prep"
        or with_.i == 0
        or doc[with_.i - 1].text != ","
    ):
        return
    do = grammar.DO_BY_TAG.get(verb.tag_) if verb.pos_ in {"VERB", "AUX"} else None
    owner = _plain_subject(verb)
    if (
        do is None
        or owner is None
        or len(owner) > _MAX_OWNER_TOKENS
        or any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children)
    ):
        return
    text = grammar.decapitalize(owner[0], grammar.render(owner))
    question = f"{phrase.wh} {do} {text} have?"
    yield _candidate(phrase, question, index, evidence, 0.6, form="with_count")


def _plain_subject(verb: Token) -> list[Token] | None:
    """The verb's subject when a question can repeat it as it stands (no pronoun, no
    demonstrative, no quotation)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    owner = list(subject.subtree)
    if any(t.pos_ == "PRON" or t.lower_ in DEMONSTRATIVES or t.is_quote for t in owner):
        return None
    return owner


_KEPT_AFTER_OBJECT = frozenset({"prep", "npadvmod", "advmod"})
_MAX_AMOUNT_WORDS = 24


def _amount_of(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """ "The city signed a $40 million deal with Acme" -> "How much is the deal that the city
    signed with Acme?": an amount that describes the clause's object is asked of it."""
    if phrase.kind != "NUMBER" or not phrase.wh.startswith("How much"):
        return
    asked = {t.i for t in phrase.phrase}
    top = phrase.span.root
    noun = top.head
    verb = noun.head
    if top.dep_ not in grammar.NOUN_MODIFIER_DEPS or noun.i in asked or noun.dep_ != "dobj":
        return
    owner = _plain_subject(verb)
    finite = verb.tag_ in grammar.DO_BY_TAG or any(c.dep_ == "aux" for c in verb.children)
    if owner is None or not finite or any(c.dep_ == "neg" for c in verb.children):
        return
    clauses = {t.i for c in noun.children if c.dep_ in {"acl", "relcl", "appos"} for t in c.subtree}
    named = [t for t in noun.subtree if t.i not in asked | clauses and not t.is_quote]
    if not named or any(t.is_punct and t.text not in {"’", "'", "-", "(", ")"} for t in named):
        return
    if named[0].lower_ in {"a", "an"}:
        named = named[1:]  # "a $40 million deal" -> "the deal"
    if not named:
        return
    determined = named[0].dep_ in {"det", "poss"} or any(t.dep_ == "case" for t in named)
    words = grammar.render(named) if determined else "the " + grammar.render(named)
    auxes = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    after = [
        t
        for child in verb.children
        if child.i > noun.i and child.dep_ in _KEPT_AFTER_OBJECT
        for t in child.subtree
    ]
    clause = grammar.render([*owner, *auxes, verb, *after])
    question = f"How much is {words} that {grammar.decapitalize(owner[0], clause)}?"
    if len(question.split()) <= _MAX_AMOUNT_WORDS and question.count("(") == question.count(")"):
        yield _candidate(phrase, question, index, evidence, 0.6, form="amount_of")


def _appositive(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """ "Woods Lake, undersecretary for terrorism …," -> "Who is undersecretary for …?"."""
    if phrase.kind not in {"PERSON", "ORG"}:
        return
    root = phrase.span.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < root.i:
            continue
        tokens = [t for t in child.subtree if not t.is_punct or t.text in {"-", "’", "'"}]
        if not _MIN_APPOSITIVE_TOKENS <= len(tokens) <= _MAX_APPOSITIVE_TOKENS:
            continue
        if any(t.pos_ == "PRON" or t.ent_type_ == "PERSON" for t in tokens):
            continue
        described = grammar.render(tokens)
        first = tokens[0]
        if first.pos_ == "DET":
            described = first.lower_ + described[len(first.text) :]
        elif first.pos_ not in {"PROPN"} and first.text[:1].isupper():
            described = first.text.lower() + described[len(first.text) :]
        wh = "Who" if phrase.kind == "PERSON" else "What"
        question = f"{wh} is {described}?"
        yield _candidate(phrase, question, index, evidence, 0.7, form="appositive")


def _title_owner(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """The organization or place of a person's title in an appositive, as "X is Y" with the
    owner asked: "Rita Stone, the Board's chief counsel" -> "Of which organization is Rita
    Stone the chief counsel?"; "…, director of the Harbor Agency" -> "Of which agency …"."""
    if phrase.kind not in {"ORG", "GPE"} or phrase.wh.split(" ", 1)[0] != "Which":
        return
    root = phrase.span.root
    if root.dep_ == "poss":
        title, preposition = root.head, "Of"
    elif root.dep_ == "pobj" and root.head.lower_ in _TITLE_PREPOSITIONS:
        title, preposition = root.head.head, root.head.text.capitalize()
    else:
        return
    person = title.head
    if title.dep_ != "appos" or title.pos_ not in {"NOUN", "PROPN"}:
        return
    if person.ent_type_ != "PERSON" or title.ent_type_ == "PERSON":
        return
    asked = {t.i for t in root.subtree} | ({root.head.i} if root.dep_ == "pobj" else set())
    words = [
        t
        for t in title.subtree
        if t.i not in asked
        and not (t.is_punct and t.text not in {"-", "’", "'"})
        and t.tag_ != "POS"
    ]
    if not words or len(words) > _MAX_APPOSITIVE_TOKENS or words[-1].i < title.i:
        return
    if any(t.pos_ in {"PRON", "VERB"} or t.ent_type_ == "PERSON" for t in words):
        return
    described = grammar.render(words)
    if words[0].pos_ != "DET":
        described = "the " + described
    elif words[0].text[:1].isupper():
        described = words[0].lower_ + described[len(words[0].text) :]
    name = next((ent.text for ent in person.doc.ents if ent.start <= person.i < ent.end), None)
    if name is None:
        return
    wh_phrase = phrase.wh[:1].lower() + phrase.wh[1:]
    question = f"{preposition} {wh_phrase} is {name} {described}?"
    candidate = _candidate(phrase, question, index, evidence, 0.7, form="appositive")
    owner = _POSSESSIVE_END.sub("", candidate.answer)
    yield replace(candidate, answer=owner) if owner else candidate


def _speaker(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """ "'The regime continues …,' Woods Lake said" -> "Who said that the regime …?"."""
    if phrase.kind != "PERSON":
        return
    root = phrase.span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in REPORTING_VERBS:
        return
    quoted = _quoted_clause(verb)
    if quoted is None:
        return
    question = f"Who said {quoted}?"
    yield _candidate(phrase, question, index, evidence, 0.6, "quote", form="speaker")


# Longest reported clause a "Which office said that …?" question repeats.
_MAX_REPORTED_WORDS = 22


def _reporter(phrase: AnswerPhrase, index: int, evidence: str) -> Iterator[Candidate]:
    """ "The Harbor Office said the boats were seized under the Ports Act" -> "Which office
    said that the boats were seized under the Ports Act?" (reported speech, no quotation)."""
    if phrase.kind not in {"ORG", "PERSON"}:
        return
    root = phrase.span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in REPORTING_VERBS or _quotes_in(verb.sent):
        return
    reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if reported is None or grammar.in_quotation(reported):
        return
    tokens = _without_bracketed(t for t in reported.subtree if not t.is_space)
    if tokens and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    tokens = grammar.strip_punct(tokens)
    words = [t for t in tokens if not t.is_punct]
    if not 3 <= len(words) <= _MAX_REPORTED_WORDS:
        return
    if any(t.pos_ == "PRON" or t.lower_ in DEMONSTRATIVES for t in tokens):
        return  # "said it would …": the question cannot say who "it" is
    clause = grammar.decapitalize(tokens[0], grammar.render(tokens))
    verb_text = verb.lower_ if verb.tag_ in {"VBD", "VBZ"} else "said"
    if phrase.kind == "PERSON":
        question, question_type = f"Who {verb_text} that {clause}?", "quote"
    else:
        question, question_type = f"{phrase.wh} {verb_text} that {clause}?", "which_org"
    yield _candidate(phrase, question, index, evidence, 0.6, question_type, form="speaker")


def _without_bracketed(tokens: Iterable[Token]) -> list[Token]:
    """The tokens without bracketed asides ("the Ports Act (PA)" -> "the Ports Act")."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(token)
    return kept


def _quotes_in(sentence: Span) -> bool:
    return any(t.text in {'"', "“", "”", "'", "‘", "’"} and t.is_punct for t in sentence)


def _quoted_clause(verb: Token) -> str | None:
    """The start of the quotation a reporting verb introduces, in quotation marks."""
    sentence = verb.sent
    marks = [t for t in sentence if t.is_quote or t.text in {"“", "”", '"', "‘", "’", "'"}]
    if len(marks) < 2:
        return None
    start, end = marks[0], marks[1]
    inside = [t for t in sentence if start.i < t.i < end.i]
    words = [t for t in inside if not t.is_punct]
    if len(words) < _MIN_QUOTED_WORDS:
        return None  # "as “Ports of Particular Concern”": a name in quotation marks
    if len(words) > _MAX_QUOTED_WORDS:
        cut = words[_MAX_QUOTED_WORDS - 1].i
        inside = [t for t in inside if t.i <= cut]
        text = grammar.render(inside).rstrip(",;: ")
        return f"“{text} …”"
    return f"“{grammar.render(inside).rstrip(',;:. ')}”"
