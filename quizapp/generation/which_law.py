"""The which_law generator: questions about which named law."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from quizapp.generation import grammar
from quizapp.generation.lexicon import (
    LAW_AUTHORITY_PHRASES,
    LAW_HEAD_WORDS,
    LAW_KIND_NOUNS,
    LAW_REFERENCE_NOUNS,
    QUOTE_MARKS,
)
from quizapp.generation.normalize import normalize
from quizapp.generation.people import (
    is_unresolved_pronoun,
    join_tokens,
    lower_moved_opener,
    passive_owner,
    people_of,
    word_count,
)
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import DEMONSTRATIVES, PERSON_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 30
# "as required by …": verbs of a law demanding something.
REQUIRING = frozenset({"require", "mandate"})
# Amounts the text judges ("enough public hearings"): what the law requires is the thing itself.
REQUIREMENT_QUANTIFIERS = frozenset({"enough", "sufficient", "more", "any", "no", "fewer"})
MAX_REQUIRED_SUBJECT = 5
# Words that join the laws of a list: "the X Ash, the Y Ash and the Z Ash".
LIST_JOINERS = frozenset({"and", "or", ",", "the", "as", "well"})
# Nouns for legislation still under way: they do not refer back to an enacted "... Ash of 2023".
PENDING_NOUNS = frozenset({"bill", "measure"})
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# "... Ash of 1962": the year a law's name ends with.
_YEAR_SUFFIX = re.compile(r"\bof ((?:1[6-9]|20)\d\d)$")
# Auxiliaries of a passive clause -> the active verb form: "was paid" -> "paid".
PASSIVE_TENSES = {
    ("was",): "VBD",
    ("were",): "VBD",
    ("is",): "VBZ",
    ("are",): "VBZ",
    ("will", "be"): "will",
}
# Verbs that report a fact the question may state: "…, officials said" (not "argued").
REPORTING_VERBS = frozenset({"say", "tell", "announce", "confirm"})
# How many sentences back "The law requires ..." may look for the law's name.
REFERENCE_WINDOW = 2


class WhichLawGenerator:
    """Propose "Which law requires ...?" and "Under which law did ...?" questions."""

    type: ClassVar[str] = "which_law"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield candidates about named laws and "the law" references to them."""
        laws = [law for law in article.laws if _is_named(law)]
        if not laws:
            return
        seen: set[str] = set()
        for index, sentence in enumerate(article.sentences):
            for candidate in self._sentence_questions(article, index, sentence, laws):
                key = candidate.question.lower()
                if key in seen or word_count(candidate.question) > MAX_WORDS:
                    continue
                if grammar.contains_answer(candidate.question, candidate.answer):
                    continue
                seen.add(key)
                yield candidate

    def _sentence_questions(
        self, article: ParsedArticle, index: int, sentence: Span, laws: list[Span]
    ) -> Iterator[Candidate]:
        """The questions one sentence supports: named laws in it, or "the law" referring back."""
        here = [law for law in laws if sentence.start <= law.start < sentence.end]
        resolve = _resolver(article)
        for law in here:
            year = _coordinated_year(law, here)
            if year is not None:
                asked = _coordinated_question(law, here, year, resolve)
                if asked is not None:
                    yield self._candidate(asked[0], law, sentence, index, asked[1])
                continue
            if len(_law_group(law, here)) > 1:
                continue  # "under the X Ash and the Y Ash": two right answers
            required = _required_question(law, _kind_noun(law))
            if required is not None:
                yield self._candidate(required, law, sentence, index, 0.65)
            tokens = _with_determiner(law)
            for question, confidence in _questions_about(tokens, _kind_noun(law), resolve=resolve):
                yield self._candidate(question, law, sentence, index, confidence)
        reference = _law_reference(article.tokens[sentence.start : sentence.end] or sentence)
        if reference is None:
            return
        noun = LAW_REFERENCE_NOUNS[reference.lemma_.lower()]
        law = _referent(article, index, laws, noun)
        if law is not None and reference.lemma_.lower() in PENDING_NOUNS and _YEAR.search(law.text):
            return  # "the bill" is legislation under way, not the "… Ash of 2023" named before
        if law is None:
            return
        tokens = [t for t in reference.subtree if not t.is_space]
        for question, confidence in _questions_about(tokens, noun, subject_only=True):
            yield self._candidate(question, law, sentence, index, confidence - 0.1)

    def _candidate(
        self, question: str, law: Span, sentence: Span, index: int, confidence: float
    ) -> Candidate:
        """A which_law candidate answered by a law's full name."""
        return Candidate(
            type=self.type,
            question=question,
            answer=law.text,
            evidence=sentence.text.strip(),
            sentence_index=index,
            kind="LAW",
            confidence=round(confidence, 2),
        )


def _is_named(law: Span) -> bool:
    """One law named by at least two words ("Patriot Ash", "Major Miles 13694").

    A match with two head words ("Clean Air Ash and the Clean Water Ash") is two laws run
    together, and asking for "which law" would have two answers.
    """
    heads = [t for t in law if t.text in LAW_HEAD_WORDS]
    words = [t for t in law if not t.is_punct]
    return len(words) >= 2 and len(heads) <= 1 and "\n" not in law.text


def _kind_noun(law: Span) -> str:
    """What to call a legal text in the question: "law", "executive order", "treaty" …

    A numbered part ("Wren 218 of the Treaty ...") is named by its first words, a named
    text by its last head word ("... Agreement Implementation Ash" is a law).
    """
    words = [t.lower_ for t in law]
    heads = [t.lower_ for t in law if t.text in LAW_HEAD_WORDS]
    for pattern, noun in LAW_KIND_NOUNS:
        if tuple(words[: len(pattern)]) == pattern:
            return noun
        if heads and (heads[-1],) == pattern:
            return noun
    return "law"


def _law_group(law: Span, laws: list[Span]) -> list[Span]:
    """The named laws listed together with this one ("the X Ash of 1961 and the Y Ash of
    1962"), itself included. Found by the words between them, as the parser often hangs the
    second law on the verb."""
    ordered = sorted(laws, key=lambda other: other.start)
    position = next(i for i, other in enumerate(ordered) if other.start == law.start)
    first = last = position
    while first > 0 and _only_joiners(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and _only_joiners(ordered[last], ordered[last + 1]):
        last += 1
    return ordered[first : last + 1]


def _only_joiners(left: Span, right: Span) -> bool:
    """Whether only "and", "or", commas and "the" stand between two laws."""
    between = left.doc[left.end : right.start]
    return len(between) <= 4 and all(t.lower_ in LIST_JOINERS for t in between)


def _coordinated_year(law: Span, laws: list[Span]) -> str | None:
    """The year that tells a coordinated law from the others, when each has its own year."""
    group = _law_group(law, laws)
    if len(group) < 2:
        return None
    years = [_YEAR_SUFFIX.search(other.text) for other in group]
    if any(y is None for y in years):
        return None
    distinct = {y.group(1) for y in years if y is not None}
    if len(distinct) != len(group):
        return None
    found = _YEAR_SUFFIX.search(law.text)
    return None if found is None else found.group(1)


def _coordinated_question(
    law: Span, laws: list[Span], year: str, resolve: grammar.Resolver
) -> tuple[str, float] | None:
    """ "provided under the X Ash of 1961 and the Y Ash of 1962" -> "Under which 1961 law is
    the assistance provided?": the year tells the right answer from the other."""
    group = sorted(_law_group(law, laws), key=lambda other: other.start)
    authority = _authority_phrase(_before_possessor(_with_determiner(group[0])[0]))
    if authority is None:
        return None
    verb, phrase = authority
    remove = phrase | {t.i for other in group for t in _with_determiner(other)}
    asked = _ask(
        grammar.Slot(verb, "adjunct", remove), f"Under which {year} {_kind_noun(law)}", resolve
    )
    return None if asked is None else (asked[0], asked[1] - 0.1)


def _required_question(law: Span, noun: str) -> str | None:
    """ "Parliament had not held enough public hearings, as required by Wren 118 …" ->
    "Which provision requires Parliament to hold public hearings?": what the law demands,
    whether or not it was done."""
    by = law.root.head
    verb = by.head
    if law.root.dep_ != "pobj" or by.dep_ != "agent" or verb.lemma_.lower() not in REQUIRING:
        return None
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    clause = verb.head
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    if clause.pos_ != "VERB" or len(subjects) != 1 or len(objects) != 1:
        return None
    subject = [t for t in subjects[0].subtree if not t.is_space]
    if len(subject) > MAX_REQUIRED_SUBJECT or not (
        subjects[0].pos_ == "PROPN" or subject[0].lower_ == "the"
    ):
        return None
    thing = [
        t
        for t in objects[0].subtree
        if not (t.head.i == objects[0].i and t.lower_ in REQUIREMENT_QUANTIFIERS)
    ]
    particles = [c for c in clause.children if c.dep_ == "prt"]
    words = [*subject, *particles, *thing]
    if any(t.text in QUOTE_MARKS or is_unresolved_pronoun(t) or t.is_punct for t in words):
        return None
    subject_text = join_tokens(subject)
    if subject[0].is_sent_start and subject[0].pos_ != "PROPN":
        subject_text = subject_text[:1].lower() + subject_text[1:]
    action = " ".join([clause.lemma_, *(t.text for t in particles)])
    return f"Which {noun} requires {subject_text} to {action} {join_tokens(thing)}?"


def _with_determiner(law: Span) -> list[Token]:
    """The law's tokens with the "the" the text puts before it."""
    doc = law.doc
    start = law.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return list(doc[start : law.end])


def _questions_about(
    tokens: list[Token],
    noun: str,
    *,
    subject_only: bool = False,
    resolve: grammar.Resolver | None = None,
) -> Iterator[tuple[str, float]]:
    """Questions that ask for the law the tokens name, by its role in the clause."""
    law_root = _root(tokens)
    if law_root.dep_ == "conj" or any(c.dep_ == "conj" for c in law_root.children):
        return  # "The Clean Air Ash and the Clean Water Ash were passed": two right answers
    slot = grammar.locate(tokens)
    if slot is not None and slot.role == "subject":
        asked = _ask(slot, f"Which {noun}", resolve)
        if asked is not None:
            yield asked
        return
    if subject_only:
        return
    authority = _authority_phrase(_before_possessor(tokens[0]))
    if authority is not None:
        verb, phrase = authority
        remove = phrase | {t.i for t in tokens}
        asked = _ask(grammar.Slot(verb, "adjunct", remove), f"Under which {noun}", resolve)
        if asked is not None:
            yield asked
    elif slot is not None and slot.role == "object" and slot.strand is None:
        asked = _ask(slot, f"Which {noun}", resolve)
        if asked is not None:
            yield asked
    elif slot is not None and slot.role == "agent":
        made = _agent_question(slot.verb, noun)
        if made is not None:
            yield made
    passive = _passive_modifier(law_root)
    if passive is not None:
        yield f"Which {noun} was {passive}?", 0.7


def _ask(
    slot: grammar.Slot, wh: str, resolve: grammar.Resolver | None = None
) -> tuple[str, float] | None:
    """Ask with the grammar helper; if too long, again without relative clauses."""
    # The sentence's closing punctuation must not end up before moved adjuncts, and an
    # adjunct leaning on an earlier sentence ("through that year") is left out.
    final = {t.i for t in slot.verb.children if t.is_punct and t.i == t.sent.end - 1}
    leaning = {
        t.i
        for child in slot.verb.subtree
        if child.dep_ in {"prep", "npadvmod"}
        and child.i not in slot.remove
        and _has_demonstrative(child)
        # Only an adjunct the clause reads well without: "keep the station operating [through
        # that year]", not "to get [around those caps]".
        and (child.head.i == slot.verb.i or child.head.tag_ == "VBG")
        for t in child.subtree
    }
    slot = grammar.Slot(slot.verb, slot.role, slot.remove | final | leaning, slot.strand)
    question = grammar.ask(slot, wh, singular=True, resolve=resolve)
    if question is None:
        clauses = {
            t.i
            for token in slot.verb.subtree
            if token.dep_ in {"relcl", "acl"} and token.i > slot.verb.i
            for t in token.subtree
        }
        if not clauses:
            return None
        shorter = grammar.Slot(slot.verb, slot.role, slot.remove | clauses, slot.strand)
        question = grammar.ask(shorter, wh, singular=True, resolve=resolve)
        if question is None:
            return None
        return lower_moved_opener(question.text, slot.verb), question.confidence - 0.1
    return lower_moved_opener(question.text, slot.verb), question.confidence


def _resolver(article: ParsedArticle) -> grammar.Resolver:
    """Resolve "he"/"she" as the grammar helper does, or as the named speaker whose reported
    clause it opens ("Thorn said she would also seek …")."""
    people = people_of(article)
    named_before = grammar.person_resolver(article.doc, article.full_name)

    def resolve(pronoun: Token) -> str | None:
        found = named_before(pronoun)
        if found is not None or pronoun.lower_ not in PERSON_PRONOUNS:
            return found
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return None
        speaker = people.subject_person(clause.head)
        return None if speaker is None else speaker.text

    return resolve


def _has_demonstrative(phrase: Token) -> bool:
    """Whether a phrase has "that"/"this" as a determiner ("through that year")."""
    return any(t.dep_ == "det" and t.lower_ in DEMONSTRATIVES for t in phrase.subtree)


def _before_possessor(law_start: Token) -> Token:
    """The first token of an owner before a law ("the state’s Oak Pine Ash" -> "the")."""
    doc = law_start.doc
    index = law_start.i
    if index >= 2 and doc[index - 1].tag_ == "POS":
        index -= 2
        while index > 0 and doc[index].ent_iob_ == "I":
            index -= 1
        if index > 0 and doc[index - 1].lower_ == "the":
            index -= 1
    return doc[index]


def _agent_question(verb: Token, noun: str) -> tuple[str, float] | None:
    """ "the … account authorized by the Wells Elm Ash" -> "Which law authorized the
    … account?": a passive modifier with the law as its agent, asked in the active voice."""
    phrase = passive_owner(verb)
    if phrase is None:
        return _passive_clause_question(verb, noun)
    owner_text = join_tokens(phrase)
    first = phrase[0]
    if first.i == first.sent.start and first.pos_ != "PROPN":
        owner_text = owner_text[:1].lower() + owner_text[1:]
    modifiers = len([t for t in phrase if t.dep_ not in {"det"} and t.head.i != t.i])
    confidence = 0.75 if len(phrase) > 2 or modifiers > 1 else 0.6  # "the limits" says little
    return f"Which {noun} {grammar.inflect(verb, 'VBD')} {owner_text}?", confidence


def _passive_clause_question(verb: Token, noun: str) -> tuple[str, float] | None:
    """ "The funding was provided by the … Ash" -> "Which law provided the funding?": a
    passive main clause with a definite subject, asked in the active voice."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"ROOT", "conj", "ccomp"}:
        return None
    if verb.dep_ == "ccomp" and (
        verb.head.lemma_.lower() not in REPORTING_VERBS
        or any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children)
    ):
        return None  # "asked whether the search was allowed by …" states no fact
    if grammar.in_quotation(verb):
        return None  # what a speaker claims is not what the article says happened
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if len(subjects) != 1 or any(c.dep_ == "neg" for c in verb.children):
        return None
    form = PASSIVE_TENSES.get(tuple(auxiliaries))
    subject = [t for t in subjects[0].subtree if not t.is_space]
    if form is None or len(subject) > MAX_REQUIRED_SUBJECT or subject[0].lower_ != "the":
        return None
    if any(t.is_punct or t.text in QUOTE_MARKS or is_unresolved_pronoun(t) for t in subject):
        return None
    active = grammar.inflect(verb, form) if form in {"VBD", "VBZ"} else f"{form} {verb.lemma_}"
    if form == "VBZ" and subjects[0].tag_ == "NNS":
        return None  # "the grants are paid by …": the law does them, one law, singular verb
    owner = join_tokens(subject)
    return f"Which {noun} {active} the{owner[3:]}?", 0.7


def _root(tokens: list[Token]) -> Token:
    """The token of a run whose head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1]


def _authority_phrase(law_start: Token) -> tuple[Token, frozenset[int]] | None:
    """The verb of "<clause> in accordance with / under / pursuant to <law>" and the phrase.

    Matched on the words before the law (the parse of "pursuant to" varies); the verb is the
    nearest verb above the phrase's first word.
    """
    doc = law_start.doc
    end = law_start.i
    for pattern in LAW_AUTHORITY_PHRASES:
        start = end - len(pattern)
        if start < 0 or tuple(t.lower_ for t in doc[start:end]) != pattern:
            continue
        verb = doc[start]
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in {"VERB", "AUX"}:
            # "barred them from entering the Shore Ridge under …": the law authorizes the
            # main action, not the gerund the parser attached it to.
            verb = verb.head.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        phrase = {t.i for t in doc[start:end]}
        for token in doc[start:end]:
            phrase |= {t.i for t in token.subtree}
        return verb, frozenset(phrase)
    return None


def _passive_modifier(law_root: Token) -> str | None:
    """ "the ... Ash enacted in February" -> "enacted in February"."""
    for child in law_root.children:
        if child.dep_ != "acl" or child.tag_ != "VBN":
            continue
        tokens = [t for t in child.subtree if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < 2:
            continue
        if any(t.text in QUOTE_MARKS or is_unresolved_pronoun(t) for t in tokens):
            continue
        return join_tokens(tokens)
    return None


def _law_reference(sentence: Span | Sequence[Token]) -> Token | None:
    """A subject "the law" / "the act" that refers back to a law named before."""
    for token in sentence:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.lemma_.lower() not in (
            LAW_REFERENCE_NOUNS
        ):
            continue
        if token.ent_type_:
            continue
        children = list(token.children)
        if len(children) == 1 and children[0].lower_ == "the":
            return token
    return None


def _referent(article: ParsedArticle, index: int, laws: list[Span], kind: str) -> Span | None:
    """The law of this kind that "the law" refers to: the one the nearest sentence names.

    Sentences are searched back from the previous one; the first that names laws of the kind
    decides, and only if it names exactly one.
    """
    for back in range(index - 1, max(index - 1 - REFERENCE_WINDOW, -1), -1):
        sentence = article.sentences[back]
        named = [
            law
            for law in laws
            if sentence.start <= law.start < sentence.end and _kind_noun(law) == kind
        ]
        if named:
            return named[-1] if len({normalize(law.text) for law in named}) == 1 else None
    return None
