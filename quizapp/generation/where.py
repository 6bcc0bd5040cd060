"""The where generator: questions about the place of an event ("Where did ... ?")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar, names
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Longest answer taken from the place's noun phrase ("the Gaza Strip", "the North").
_MAX_ANSWER_TOKENS = 6


class WhereGenerator:
    """Propose "Where …?" questions for places in a locative phrase on a verb."""

    type: ClassVar[str] = "where"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per place named by "in/at/near X" attached to a verb."""
        doc = article.doc
        resolve = grammar.person_resolver(doc, article.full_name)
        # The small model labels a city "PRODUCT" once and "GPE" in the dateline: trust the
        # place reading when the same name is a place elsewhere in the article.
        ents = grammar.entities(doc, article.ents)
        places = {ent.text.lower() for ent in ents if ent.label_ in _PLACE_LABELS}
        for ent in ents:
            # "signed in QRS" with the city called a PRODUCT (or "in Roe" a PERSON):
            # a place the gazetteer knows.
            if (
                ent.label_ not in _PLACE_LABELS
                and ent.text.lower() not in places
                and not names.is_known_place(ent.text)
            ):
                continue
            ent = _whole_name(ent)
            candidate = (
                _venue(article, ent) or _candidate(article, ent, resolve) or _seat(article, ent)
            )
            if candidate is not None:
                yield candidate


def _whole_name(ent: Span) -> Span:
    """A place the model cut short, made whole ("Storm" of "Storm Cloud")."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and not doc[end].ent_type_
    ):
        end += 1
    return ent if end == ent.end else doc[ent.start : end]


def _answer(ent: Span) -> Span | None:
    """The place as the text names it, with a leading "the" ("the North")."""
    root = ent.root
    if root.head.i == root.i or root.dep_ != "pobj":
        return None
    if root.right_edge.i != root.i and not _placed_further(root) and not _regioned(root):
        return None  # "in the Shore Ridge larger and ...": a misparse, or a longer phrase
    # The whole noun phrase: "the North", "the western Shore Ridge", "XYZ's Grove
    # Space Center".
    start = ent.start
    while start > root.left_edge.i and ent.doc[start - 1].dep_ in {"det", "amod", "compound"}:
        start -= 1
    owners = [c for c in root.lefts if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i < start]
    if owners and ent.label_ == "FAC" and owners[0].right_edge.i == start - 1:
        start = owners[0].left_edge.i
    phrase = ent.doc[start : ent.end]
    if len(phrase) > _MAX_ANSWER_TOKENS or any(t.is_space for t in phrase):
        return None
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in lex.FOCUS_ADVERBS:
        return None  # "in Nairobi alone": the adverb would dangle in the question
    # The place must be the whole object: "in Pyongyang", not "in the Pyongyang office".
    if root.i != ent.end - 1 or not _locates(root.head):
        return None
    if _regioned(root):
        return _with_region(phrase)  # "in Wausau, Wisconsin"
    if root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children):
        return None  # "in Kyrgyzstan and Armenia": one of several places
    return phrase


def _regioned(root: Token) -> bool:
    """Whether a place is followed only by its state or country ("Wausau, Wisconsin,")."""
    rights = list(root.rights)
    return any(c.dep_ == "appos" for c in rights) and all(
        c.is_punct or (c.dep_ == "appos" and c.ent_type_ == "GPE" and c.right_edge.i == c.i)
        for c in rights
    )


def _placed_further(root: Token) -> bool:
    """Whether everything after the place is one more locative phrase ("near Storm Cloud
    on Nicaragua's Caribbean coast"), which the question drops with the place."""
    rights = list(root.rights)
    return (
        len(rights) == 1
        and rights[0].dep_ == "prep"
        and rights[0].lower_ in {"on", "in"}
        and rights[0].i == root.i + 1
        and any(t.ent_type_ in _PLACE_LABELS or t.pos_ == "PROPN" for t in rights[0].subtree)
    )


def _locates(preposition: Token) -> bool:
    """Whether a preposition places an event: "in/at X", "to X" after a verb of motion, "from
    X" after a departure ("lifted off from X")."""
    if preposition.lower_ in lex.PLACE_PREPOSITIONS:
        return True
    verb = preposition.head
    if preposition.lower_ == "from":
        return grammar.is_verb(verb) and grammar.lemma(verb) in lex.DEPARTURE_VERBS
    return (
        preposition.lower_ == "to"
        and grammar.is_verb(verb)
        and grammar.lemma(verb) in lex.MOTION_VERBS
    )


def _place_verb(preposition: Token) -> Token:
    """The verb a locative phrase modifies, directly or through one noun."""
    attached = preposition.head
    if grammar.is_verb(attached):
        return attached
    if attached.dep_ == "pobj":
        return attached.head.head
    return attached.head


def _in_other_clause(token: Token, verb: Token) -> bool:
    """Whether a token belongs to a clause coordinated with or subordinate to `verb`."""
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"conj", "advcl", "parataxis", "ccomp"} and grammar.is_verb(token)


def _competing_place(slot: grammar.Slot, ent: Span) -> bool:
    """Whether the clause names another place the same way ("in Stone, six in Turkey")."""
    for token in slot.verb.subtree:
        if token.i in slot.remove or token.ent_type_ not in _PLACE_LABELS:
            continue
        if _in_other_clause(token, slot.verb):
            continue  # "arrested in Frost and extradited to Rose": another event
        if token.dep_ == "pobj" and _locates(token.head):
            return True
        if token.dep_ == "conj" and token.head.i == ent.root.i:
            return True
    return False


def _candidate(article: ParsedArticle, ent: Span, resolve: grammar.Resolver) -> Candidate | None:
    """The question for one place mention, or None when it is not where something happened."""
    answer = _answer(ent)
    if answer is None:
        return None
    slot = grammar.locate(list(answer), adjunct=True)
    if slot is None:
        return None
    owner = ent.root.head.head
    if owner.dep_ == "pobj" and owner.head.lower_ not in lex.PLACE_PREPOSITIONS:
        return None  # "infected during a stay in Africa": the place belongs to the stay
    if _competing_place(slot, ent) or _place_verb(ent.root.head) != slot.verb:
        return None  # the place belongs to an infinitive ("voted to extend the mission in Mali")
    wh = "From where" if ent.root.head.lower_ == "from" else "Where"
    question = grammar.ask(slot, wh, resolve=resolve) or grammar.ask_announcement(slot, wh, resolve)
    if question is None or grammar.contains_answer(question.text, ent.text):
        return None
    if grammar.is_bare(slot, question):
        return None
    sentence_index, sentence = article.sentence_at(ent.start_char)
    confidence = question.confidence
    if ent.root.head.head.i != slot.verb.i:
        confidence -= 0.15  # the place modifies a noun on the verb ("camps in the North")
    return Candidate(
        type="where",
        question=question.text,
        answer=answer.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="GPE",
        confidence=round(max(confidence, 0.1), 2),
    )


def _seat(article: ParsedArticle, ent: Span) -> Candidate | None:
    """ "Where is X based?" for an organization or site named with its place: "the National
    Hurricane Center in Cliff", "Volga Avionika, a company in Roe", "the Reed Ash
    in Birch"."""
    root = ent.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "in":
        return None
    if any(not (c.is_punct or (c.dep_ == "appos" and c.ent_type_ == "GPE")) for c in root.rights):
        return None  # "in Cliff and Tampa", "in Cliff last year": not a plain "city, state"
    if root.i != ent.end - 1 or any(c.dep_ in {"conj", "poss"} for c in root.children):
        return None
    owner = _named_owner(preposition.head)
    if owner is None or grammar.in_quotation(root):
        return None
    answer = _with_region(_answer_phrase(ent))
    if answer is None:
        return None
    name = grammar.render(owner)
    if name.startswith("The "):
        name = "the" + name[3:]
    facility = owner.label_ == "FAC" or owner.root.lower_ in lex.FACILITY_HEADS
    verb = "located" if facility else "based"
    question = f"Where is {name} {verb}?"
    if grammar.contains_answer(question, ent.text) or len(question.split()) > grammar.MAX_WORDS:
        return None
    return _sentence_candidate(article, ent, question, answer, 0.6)


def _venue(article: ParsedArticle, ent: Span) -> Candidate | None:
    """ "Where was the two-day summit held?" for a gathering named with its place ("The
    two-day summit in Doha ended ...", "announced at a pledging conference in Bay")."""
    root = ent.root
    preposition = root.head
    event = preposition.head
    if root.dep_ != "pobj" or preposition.lower_ != "in" or preposition.dep_ != "prep":
        return None
    if event.lower_ not in lex.HELD_EVENT_NOUNS or event.pos_ != "NOUN" or preposition.i < event.i:
        return None
    if root.right_edge.i != root.i and not _regioned(root):
        return None
    if root.i != ent.end - 1 or any(c.dep_ in {"conj", "poss"} for c in root.children):
        return None
    if grammar.in_quotation(root):
        return None
    answer = _with_region(_answer_phrase(ent))
    before = list(event.doc[event.left_edge.i : event.i])
    if before and before[0].dep_ == "det" and before[0].head.i == event.i:
        before = before[1:]  # "a pledging conference" is asked as "the pledging conference"
    if answer is None or len(before) > _MAX_ANSWER_TOKENS:
        return None
    if any(
        t.dep_ not in {"amod", "compound", "nummod", "punct", "npadvmod"}
        or t.pos_ in {"PRON", "PROPN", "DET"}
        or (t.is_punct and t.text not in {"-", "–"})
        for t in before
    ):
        return None  # "Monday’s conference", "its meeting": an owner or date the question loses
    governor = event.head.head if event.dep_ == "pobj" else event.head
    if governor.tag_ != "VBD":
        return None  # only events the story reports as past
    phrase = grammar.render([*before, event])
    be = "were" if event.tag_ == "NNS" or event.lower_ == "talks" else "was"
    question = f"Where {be} the {phrase} held?"
    if grammar.contains_answer(question, ent.text):
        return None
    return _sentence_candidate(article, ent, question, answer, 0.55)


def _sentence_candidate(
    article: ParsedArticle, ent: Span, question: str, answer: Span, confidence: float
) -> Candidate:
    """A where candidate whose evidence is the whole sentence holding `ent`."""
    sentence_index, sentence = article.sentence_at(ent.start_char)
    return Candidate(
        type="where",
        question=question,
        answer=answer.text,
        evidence=sentence.text.strip(),
        sentence_index=sentence_index,
        kind="GPE",
        confidence=confidence,
    )


def _named_owner(noun: Token) -> Span | None:
    """The organization or site a place phrase hangs on, directly or through an apposition
    ("Volga Avionika, a company in Roe")."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN":
        noun = noun.head
    if noun.pos_ != "PROPN":
        return None
    for ent in grammar.entities(noun.doc):
        if ent.start <= noun.i < ent.end:
            if ent.label_ not in {"ORG", "FAC"} or ent.root.i != noun.i:
                return None
            start = ent.start
            if start > 0 and noun.doc[start - 1].lower_ == "the" and ent[0].lower_ != "the":
                start -= 1
            span = noun.doc[start : ent.end]
            return None if any(t.is_space or t.pos_ == "PRON" for t in span) else span
    return None


def _answer_phrase(ent: Span) -> Span:
    """The place with a determiner or adjectives before it ("the Gaza Strip")."""
    start = ent.start
    while start > ent.root.left_edge.i and ent.doc[start - 1].dep_ in {"det", "amod", "compound"}:
        start -= 1
    return ent.doc[start : ent.end]


def _with_region(phrase: Span) -> Span | None:
    """A city with its state or country when the text adds it ("Crest, Haven")."""
    doc = phrase.doc
    end = phrase.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE":
        region_end = end + 2
        while region_end < len(doc) and doc[region_end].ent_iob_ == "I":
            region_end += 1
        if region_end < len(doc) and not doc[region_end].is_punct:
            return None  # "in Crest, Haven officials said": not a plain "city, state"
        return doc[phrase.start : region_end]
    if len(phrase) > _MAX_ANSWER_TOKENS:
        return None
    return phrase
