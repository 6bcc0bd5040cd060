"""Turns a declarative clause of a parsed sentence into a wh-question with do-support and tense.

The caller names the tokens the answer occupies (a noun phrase such as "Eight North Korean
entities" or an adjunct such as "in February"); `locate` finds the clause and the answer's role
in it, and `ask` replaces the answer with a wh-phrase and reorders the clause:

    The Shore Ridge imposed sanctions on Banks and 10 other top officials Wednesday.
    -> How many other top officials did the Shore Ridge impose sanctions on?
    -> When did the Shore Ridge impose sanctions on Banks and 10 other top officials?

Anything the rules cannot turn into a clean question (quoted speech, a pronoun subject with no
certain antecedent, an infinitive clause, more than 30 words) gives None instead of bad text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from lemminflect import getInflection, getLemma
from spacy.tokens import Doc, Span, Token

from quizapp.generation import lexicon_facts as lex
from quizapp.generation.words import (
    DEMONSTRATIVES,
    OWNER_POSSESSIVES,
    PERSON_PRONOUNS,
    SINGULAR_AUX,
)

MAX_WORDS = 30
_MIN_WORDS = 3
# Beyond this many words a question drops optional adjuncts if it can.
_COMFORTABLE_WORDS = 20
# Longest quoted phrase a question may keep ("called the measures “illegal”").
_MAX_SCARE_QUOTE = 4
# Longest reporter a pronoun may be replaced by ("the Cross Brook Department of Health").
_MAX_REPORTER_TOKENS = 7
# Up to this many words a question with an unnamed indefinite subject says too little.
_BARE_WORDS = 7
# Longest adverbial clause kept in a question ("when a powerful earthquake struck Turkey").
_MAX_KEPT_CLAUSE = 12

Role = Literal["subject", "object", "adjunct", "agent"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "oprd", "npadvmod", "tmod", "obj"})
_AUX_DEPS = frozenset({"aux", "auxpass"})
# Children of the clause's verb that never belong in the question.
_DROPPED_DEPS = frozenset(
    {"advcl", "parataxis", "mark", "dep", "meta", "intj", "discourse", "cc", "preconj"}
)
_VERB_POS = frozenset({"VERB", "AUX"})
_PLAIN_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod"})
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
# Dependencies a verb heading a clause can have ("astronaut" tagged as a verb in a compound
# can not).
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "parataxis", "csubj"}
)
_DASHES = frozenset({"—", "–", "--"})
_HYPHENS = frozenset({"-", "–"})
# How far into a paragraph a dateline ("SAN JOSÉ, Costa Rica —") may run.
_DATELINE_TOKENS = 10
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "``", "''", "«", "»"})
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
# The do-support operator by the tense of the verb it stands for.
DO_BY_TAG = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# Dependents that only describe a noun ("a $40 million deal", "the 2016 vote").
NOUN_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod"})
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]}]|n't\b|'s\b|’s\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$])\s+")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:\w\.){2,}$")
_REPEATED_PUNCT = re.compile(r"([,;:])(\s*[,;:])+")

# Where `entities` keeps a doc's entity spans (the parse sets them once, before generators run).
_ENTITIES_KEY = "quizapp.entities"
# A resolver turns a pronoun token into the name it certainly stands for, or None.
Resolver = Callable[[Token], "str | None"]


@dataclass(frozen=True, slots=True)
class Slot:
    """Where an answer sits in a clause: its verb, role, tokens and a preposition to strand."""

    verb: Token
    role: Role
    remove: frozenset[int]
    strand: Token | None = None
    # A preposition moved to the front with the wh-phrase ("In how many states ...?").
    pied: Token | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A rendered question and how much the rules trust it (0..1)."""

    text: str
    confidence: float


def is_verb(token: Token) -> bool:
    """Whether a token can head a clause (a verb or a copula, tagged as one)."""
    return token.pos_ in _VERB_POS and (token.tag_.startswith("VB") or token.tag_ == "MD")


def locate(tokens: Sequence[Token], *, adjunct: bool = False) -> Slot | None:
    """Find the clause an answer belongs to and its role; None when it is not a verb's argument.

    With `adjunct`, a prepositional answer ("in February") is removed with its preposition;
    otherwise a prepositional object is asked with its preposition in front ("To which
    agency ...?"), or stranded at the end for "on"/"about" ("... impose sanctions on?").
    An infinitive without a subject is asked through the verb it complements ("did Field
    promise to hire").
    """
    slot = _locate(tokens, adjunct=adjunct)
    if slot is None:
        return None
    verb = slot.verb
    while verb.dep_ == "xcomp" and _subject(verb) is None and is_verb(verb.head):
        verb = verb.head
    if slot.pied is not None and slot.pied.lower_ in lex.EXAMPLE_PREPOSITIONS:
        return None  # "arrested 30 people, including two journalists": no "Including how many"
    if verb is slot.verb:
        return slot
    if slot.pied is not None and any(c.dep_ == "dobj" for c in verb.children):
        # "use part of the money to deliver food to 1.5 million people": a purpose clause the
        # parser read as a complement; "To how many people will it use ...?" misreads it.
        return None
    return replace(slot, verb=verb)


# Prepositions whose place, even on a noun, is where the event happened ("a forum in X").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})


def _locate(tokens: Sequence[Token], *, adjunct: bool) -> Slot | None:
    """The answer's clause verb and role, before infinitives are climbed."""
    if not tokens:
        return None
    doc = tokens[0].doc
    inside = {token.i for token in tokens}
    top = _top(tokens, inside)
    remove = set(inside) | {token.i for token in top.subtree}
    top, remove = _widen_coordination(doc, top, remove)
    head = top.head
    if (
        top.dep_ == "appos"
        and head.dep_ == "pobj"
        and head.head.dep_ == "agent"
        and head.pos_ == "NOUN"
        and head.i < top.i
    ):
        # "executed by his deputy Tom Reed": the name is the agent, its title goes with it.
        top, head = head, head.head
        remove |= {token.i for token in top.subtree}
    if top.dep_ in _SUBJECT_DEPS and is_verb(head):
        return Slot(head, "subject", frozenset(remove))
    if top.dep_ in _OBJECT_DEPS and is_verb(head):
        return Slot(head, "adjunct" if adjunct else "object", frozenset(remove))
    if top.dep_ == "prep" and is_verb(head) and top.i < head.i and _subject(head) is None:
        # "between 80,000 and 120,000 people are held": the parser made the subject a PP.
        return Slot(head, "subject", frozenset(remove))
    if top.dep_ == "prep" and is_verb(head) and top.i > head.i and top.lower_ == "between":
        # "destroyed between 2,000 and 3,500 homes": the object, read as a PP.
        return Slot(head, "adjunct" if adjunct else "object", frozenset(remove))
    if top.dep_ != "pobj" or head.dep_ not in {"prep", "agent", "dative"}:
        return None
    preposition, attached = head, head.head
    if preposition.dep_ == "agent" and not adjunct and is_verb(attached):
        # "approved by the committee" is asked in the active voice: "Which committee approved".
        remove.add(preposition.i)
        first = _first_of_pair(attached)
        if first is not None:
            # "was drafted and approved by the committee": the pair's first verb carries the
            # passive ("Which committee drafted the plan?"); the second goes.
            remove |= {attached.i, attached.i - 1}
            attached = first
        return Slot(attached, "agent", frozenset(remove))
    if adjunct:
        if (
            not is_verb(attached)
            and top.ent_type_ in {"GPE", "LOC"}
            and preposition.lower_ not in PLACE_PREPOSITIONS
        ):
            return None  # "aid to Westland", "sanctions on Westland": no place of the event
        remove |= {token.i for token in preposition.subtree}
        verb = _adjunct_verb(attached)
        return None if verb is None else Slot(verb, "adjunct", frozenset(remove))
    if is_verb(attached):
        verb = attached
    elif attached.dep_ == "dobj" and is_verb(attached.head) and preposition.lower_ != "of":
        verb = attached.head  # "impose sanctions on X": a preposition on the direct object
    else:
        return None
    if preposition.lower_ in lex.STRANDED_PREPOSITIONS:
        return Slot(verb, "object", frozenset(remove), strand=preposition)
    # "To which body did the department submit the report?", "In how many states ...?"
    remove |= {token.i for token in preposition.subtree}
    return Slot(verb, "adjunct", frozenset(remove), pied=preposition)


def ask(
    slot: Slot,
    wh: str,
    *,
    singular: bool = False,
    resolve: Resolver | None = None,
) -> Question | None:
    """Render the question that replaces the slot's tokens by `wh` ("How many officials")."""
    verb = slot.verb
    if verb.dep_ not in _CLAUSE_DEPS or _object_relative(verb):
        return None
    if in_quotation(verb) or _is_frame(verb, slot) or _is_negated(verb):
        return None
    if any(c.dep_ == "mark" and c.lower_ in {"than", "as"} for c in verb.children):
        return None  # "fewer than the 175,000 economists had expected": an elliptical comparison
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if lemma(verb) == "do" and following is not None and following.lower_ == "so":
        return None  # "Eleven schools have done so": "so" points back into the story
    confidence = 0.9
    subject_tokens, subject_head, inherited = _subject_tokens(verb, slot)
    subject_tokens = before_list(subject_tokens, verb, slot.remove)
    if slot.role != "subject":
        if subject_head is None:
            return None
        confidence -= 0.15 if inherited else 0.0
    rest = _clause_tokens(verb, slot, subject_tokens)
    if rest is None:
        return None
    dateline = _dateline_end(verb)
    if dateline >= 0:
        # "NAIROBI, Park — The commission announced": the parser may take the city as the
        # subject and the real one as its apposition.
        subject_tokens = [t for t in subject_tokens if t.i > dateline]
        rest = [t for t in rest if t.i > dateline]
        if slot.role != "subject":
            if not subject_tokens:
                return None
            inside = {t.i for t in subject_tokens}
            subject_head = next(
                (t for t in subject_tokens if t.head.i not in inside), subject_tokens[0]
            )
    subject_text: str | None = None
    if slot.role != "subject":
        subject_text, resolved = _subject_text(subject_tokens, subject_head, resolve)
        if subject_text is None:
            return None
        confidence -= 0.1 if resolved else 0.0
    if not _pronouns_ok(rest, subject_tokens, slot, singular):
        return None
    front, rest, reduced = _front_material(verb, rest, subject_tokens, slot)
    if not _is_finite(verb, reduced):
        return None
    if verb.lemma_ in lex.REPORTING_VERBS and not any(
        child.dep_ in {"dobj", "ccomp", "xcomp", "dative"} for child in verb.children
    ):
        return None  # "Which department said in a statement?"
    if slot.pied is not None:
        wh = f"{slot.pied.lower_} {wh[:1].lower()}{wh[1:]}"
    optional = _optional_adjuncts(verb, rest, front, slot)
    while True:
        text = _compose(slot, wh, singular, subject_text, subject_head, rest, front, reduced)
        if text is None:
            return None
        if len(text.split()) <= _COMFORTABLE_WORDS or not optional:
            break
        # Too long: drop the last optional adjunct ("in accordance with ...") and retry.
        dropped_adjunct = optional.pop()
        last = {t.i for t in dropped_adjunct.subtree} | _measure_before(verb, dropped_adjunct)
        rest = [t for t in rest if t.i not in last]
        front = [t for t in front if t.i not in last]
    if len(text.split()) > MAX_WORDS:
        return None
    if slot.strand is not None:
        confidence -= 0.1
    if reduced:
        confidence -= 0.2
    if len(text.split()) > _COMFORTABLE_WORDS:
        confidence -= 0.1
    return Question(text, round(max(confidence, 0.1), 2))


def _compose(
    slot: Slot,
    wh: str,
    singular: bool,
    subject_text: str | None,
    subject_head: Token | None,
    rest: list[Token],
    front: list[Token],
    reduced: bool,
) -> str | None:
    """Put the question's parts in order and tidy the result."""
    verb = slot.verb
    if slot.role == "subject":
        words = [wh, *_agree(rest, verb, singular)]
    elif slot.role == "agent":
        active = _active(verb, rest, singular, reduced)
        if active is None or subject_text is None:
            return None
        verb_group, after = active
        words = [wh, verb_group, subject_text, _render_clause(after)]
    else:
        inverted = _invert(verb, rest, reduced, subject_head)
        if inverted is None:
            return None
        operator, parts = inverted
        words = [wh, operator, subject_text or "", *_render_parts(parts)]
    if slot.strand is not None:
        words.append(slot.strand.lower_)
    main = " ".join(word for word in words if word)
    if front:
        # "fall 3%, in Cross Bell": a comma left before a removed adjunct goes.
        main = main.rstrip(" ,;:") + " " + _render_clause(front)
    return _finish(main)


def _active(
    verb: Token, rest: list[Token], singular: bool, reduced: bool = False
) -> tuple[str, list[Token]] | None:
    """A passive verb group in the active voice ("was approved" -> "approved"), and the rest.

    A reduced passive ("a forum hosted by the mayor") reports what happened: past tense."""
    auxes = [t for t in rest if t.dep_ in _AUX_DEPS and t.head.i == verb.i and t.i < verb.i]
    passive = [t for t in auxes if t.dep_ == "auxpass"]
    if any(t.dep_ == "neg" for t in verb.children):
        return None
    if not passive and not (reduced and not auxes and verb.tag_ == "VBN"):
        return None
    kept = [t for t in auxes if t.dep_ == "aux"]
    if not passive:
        group = inflect(verb, "VBD")
    elif kept:
        last = kept[-1].lower_
        if last in {"has", "have", "had"}:
            form = verb.text
        elif kept[-1].lemma_ == "be":
            form = inflect(verb, "VBG")
        else:
            form = base_form(verb)
        words = [t.lower_ for t in kept]
        if singular and words[0] in SINGULAR_AUX:
            words[0] = SINGULAR_AUX[words[0]]
        group = " ".join([*words, form])
    else:
        tense = {"was": "VBD", "were": "VBD", "is": "VBZ", "are": "VBZ", "'s": "VBZ"}.get(
            passive[0].lower_
        )
        if tense is None:
            return None
        group = inflect(verb, tense)
    after = [t for t in rest if t.i > verb.i]
    if (
        after
        and after[0].dep_ in {"prep", "prt"}
        and after[0].head.i == verb.i
        and not after[0].n_rights
    ):
        # "were paid for by the fund": the preposition keeps its object in the active voice
        # ("paid for the purchases"), not "paid the purchases for".
        group, after = f"{group} {after[0].lower_}", after[1:]
    return group, after


def _optional_adjuncts(
    verb: Token, rest: list[Token], front: list[Token], slot: Slot
) -> list[Token]:
    """Adjuncts after the verb a long question may drop, in text order.

    The first complement after the verb stays (it carries the verb's meaning), as do
    adjuncts holding the stranded preposition.
    """
    kept = {t.i for t in rest}
    after = [c for c in verb.children if c.i > verb.i and c.i in kept and not c.is_punct]
    optional = [
        child
        for position, child in enumerate(after)
        if position > 0
        and child.dep_ in {"prep", "npadvmod", "advcl", "advmod"}
        and (slot.strand is None or slot.strand.i not in {t.i for t in child.subtree})
    ]
    moved = {t.i for t in front}
    before = [c for c in verb.children if c.i in moved and c.dep_ == "prep"]
    return before + optional


def render(tokens: Iterable[Token], texts: Mapping[int, str] | None = None) -> str:
    """Join tokens as the text spells them, one space where the text had any gap; `texts`
    gives some tokens (by index) other words (a list summed up as "ten countries")."""
    out: list[str] = []
    previous: Token | None = None
    for token in sorted(tokens, key=lambda t: t.i):
        if token.is_space:
            continue
        if previous is not None and (previous.whitespace_ or token.i != previous.i + 1):
            out.append(" ")
        out.append(token.text if texts is None else texts.get(token.i, token.text))
        previous = token
    return "".join(out)


def in_quotation(token: Token) -> bool:
    """Whether a token stands inside quotation marks in its paragraph."""
    depth = 0
    for other in _paragraph_tokens_before(token):
        if other.text in {"“", "‘‘", "``"}:
            depth = 1
        elif other.text in {"”", "''"}:
            depth = 0
        elif other.text == '"':
            depth = 1 - depth
    return depth > 0


def clause_text(sentence_tokens: Sequence[Token], verb: Token) -> str:
    """The part of a sentence that holds `verb`, without a heading glued on by a line break."""
    start = 0
    for position, token in enumerate(sentence_tokens):
        if token.i >= verb.i:
            break
        if token.is_space and "\n" in token.text:
            start = position + 1
    end = len(sentence_tokens)
    for position in range(start, len(sentence_tokens)):
        token = sentence_tokens[position]
        if token.i > verb.i and token.is_space and "\n" in token.text:
            end = position
            break
    return render(sentence_tokens[start:end]).strip()


def base_form(verb: Token) -> str:
    """The bare infinitive of a verb ("imposed" -> "impose"), via lemminflect."""
    return inflect(verb, "VB")


def lemma(verb: Token) -> str:
    """A verb's lemma by lemminflect (spaCy's small model reads "hopes" as "hop")."""
    lemmas = getLemma(verb.text.lower(), upos="VERB")
    return lemmas[0] if lemmas else verb.lemma_


def inflect(verb: Token, tag: str) -> str:
    """The verb in another form ("VB", "VBZ", "VBD", "VBG"), the text as it is if unknown."""
    forms = getInflection(lemma(verb), tag=tag)
    return forms[0] if forms else verb.text


def entities(doc: Doc, known: Sequence[Span] = ()) -> Sequence[Span]:
    """The doc's entity spans, built once per doc: every `doc.ents` read builds new spans.

    `known` is the parse's own list (`ParsedArticle.ents`) when the caller has it.
    """
    if known:
        return known
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None:
        cached = doc.user_data[_ENTITIES_KEY] = tuple(doc.ents)
    return cached


# Sentences a "he"/"she" may point back over (beyond the first, inside its paragraph).
RESOLVER_SENTENCES = 2


def person_resolver(doc: Doc, full_name: Callable[[str], str]) -> Resolver:
    """A resolver for "he"/"she": the one person named in the same or the previous sentence,
    or up to RESOLVER_SENTENCES back inside one paragraph ("X is a major. He has worked with …
    In 2019, he was sanctioned …")."""

    def resolve(pronoun: Token) -> str | None:
        if pronoun.lower_ not in PERSON_PRONOUNS:
            return None
        window_start = pronoun.sent.start
        for step in range(RESOLVER_SENTENCES):
            if window_start == 0:
                break
            previous = doc[window_start - 1].sent
            if step and "\n" in doc[previous.start : window_start].text_with_ws:
                break  # beyond the previous sentence, a paragraph break ends the window
            window_start = previous.start
        people = [
            ent
            for ent in entities(doc)
            if ent.label_ == "PERSON" and window_start <= ent.start and ent.end <= pronoun.i
        ]
        if not people:
            return None
        names = {full_name(ent.text) for ent in people}
        surnames = {name.split()[-1] for name in names}
        if len(surnames) != 1:
            return None
        return max(names, key=len)

    return resolve


# --- locating -------------------------------------------------------------------------------


def before_list(tokens: list[Token], verb: Token, remove: Iterable[int]) -> list[Token]:
    """The tokens before the first colon or semicolon after the verb and the answer: "…, and
    involved 14 officials: A; B; C" hangs the names anywhere in the parse (even on the
    subject); the question ends before them."""
    last = max(max(remove, default=verb.i), verb.i)
    stop = next((t.i for t in verb.sent if t.i > last and t.text in {";", ":"}), None)
    return tokens if stop is None else [t for t in tokens if t.i < stop]


def _first_of_pair(verb: Token) -> Token | None:
    """The passive verb a participle is paired with by a bare "and" ("was drafted and
    approved"), which shares its subject and auxiliary."""
    head = verb.head
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.tag_ == "VBN"
        and verb.i == head.i + 2
        and verb.doc[head.i + 1].lower_ in {"and", "or"}
        and any(child.dep_ == "auxpass" for child in head.children)
        and not any(child.dep_ in _SUBJECT_DEPS for child in verb.children)
    ):
        return head
    return None


def _top(tokens: Sequence[Token], inside: set[int]) -> Token:
    """The answer's highest token: the one whose head lies outside the answer."""
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def _widen_coordination(doc: Doc, top: Token, remove: set[int]) -> tuple[Token, set[int]]:
    """Grow an answer to its whole coordination ("Banks and 10 other top officials").

    The small model often hangs the second conjunct on the wrong noun ("sanctions on Banks and 10
    officials" as "sanctions ... and officials"); the noun right before the conjunction is the
    real partner then.
    """
    while top.dep_ == "conj":
        first = top.left_edge.i
        conjunction = doc[first - 1] if first > 0 else None
        partner = top.head
        if (
            conjunction is not None
            and conjunction.dep_ == "cc"
            and conjunction.i >= 1
            and doc[conjunction.i - 1].text != ","  # "A, B, and C": the parse's list holds
        ):
            before = doc[conjunction.i - 1]
            while before.head.i != before.i and before.head.right_edge.i == before.i:
                if before.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass", "conj"}:
                    break
                before = before.head
            if before.i != partner.i and before.i in {t.i for t in partner.subtree}:
                partner = before
        remove |= set(range(partner.left_edge.i, top.right_edge.i + 1))
        if partner.i == top.head.i:
            remove |= {token.i for token in partner.subtree}
        top = partner
    return top, remove


def _adjunct_verb(attached: Token) -> Token | None:
    """The verb an adjunct modifies, through one noun ("held in camps in the North")."""
    if is_verb(attached):
        return attached
    if attached.dep_ == "dobj" and is_verb(attached.head):
        return attached.head
    if attached.dep_ == "pobj" and attached.head.dep_ == "prep" and is_verb(attached.head.head):
        return attached.head.head
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's own subject token, if it has one (the nearest, past a dateline's city)."""
    subjects = [child for child in verb.children if child.dep_ in _SUBJECT_DEPS]
    before = [child for child in subjects if child.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def _is_frame(verb: Token, slot: Slot) -> bool:
    """Whether the clause only frames a quotation or report ("a senior official said Thursday")."""
    if verb.lemma_ not in lex.REPORTING_VERBS:
        return False
    return any(
        child.dep_ in {"ccomp", "parataxis"} and child.i not in slot.remove
        for child in verb.children
    )


def _object_relative(verb: Token) -> bool:
    """Whether a relative clause relativizes a non-subject ("the rotation that SpaceX flew")."""
    if verb.dep_ != "relcl":
        return False
    if any(child.tag_ == "WRB" for child in verb.children):
        return False  # "counties where an outbreak has sickened 126 people": a whole clause
    subject = _subject(verb)
    return subject is not None and subject.lower_ not in lex.RELATIVE_PRONOUNS


def _dateline_end(token: Token) -> int:
    """The index of the dash ending a dateline ("QRS, Uruguay —") in the paragraph, or -1."""
    doc = token.doc
    start = token.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    for position in range(start, min(start + _DATELINE_TOKENS, len(doc))):
        if doc[position].text in _DASHES:
            before = doc[start:position]
            if all(t.is_punct or t.pos_ == "PROPN" or t.text.isupper() for t in before):
                return position
            return -1
    return -1


def _is_negated(verb: Token) -> bool:
    """Whether the clause is negated ("did not buy"): its facts are not events to ask about."""
    return any(child.dep_ == "neg" for child in verb.children)


def _is_purpose(clause: Token) -> bool:
    """Whether an adverbial clause is a bare "to" infinitive of purpose ("to settle the case")."""
    first = clause.left_edge
    return (
        clause.tag_ == "VB"
        and first.tag_ == "TO"
        and first.head.i == clause.i
        and first.i == clause.i - 1
        and clause.doc[first.i - 1].lower_ not in {"in", "order", ","}
    )


def _keeps_adverbial(clause: Token) -> bool:
    """Whether an adverbial clause is a short time frame worth keeping ("when a quake struck")."""
    tokens = list(clause.subtree)
    if _is_purpose(clause):
        # "paid $40 million to settle the case": the purpose says what the sum was for.
        return len(tokens) <= _MAX_KEPT_CLAUSE and not any(
            t.pos_ == "PRON" or t.is_punct or t.is_space for t in tokens
        )
    marks = [child for child in clause.children if child.dep_ in {"mark", "advmod"}]
    if (
        not marks
        or marks[0].lower_ not in lex.KEPT_CLAUSE_MARKS
        or marks[0].i != clause.left_edge.i
    ):
        return False
    return len(tokens) <= _MAX_KEPT_CLAUSE and not any(
        t.lower_ in lex.UNRESOLVED_PRONOUNS and t.pos_ == "PRON" for t in tokens
    )


def _paragraph_tokens_before(token: Token) -> Iterable[Token]:
    """The tokens of the token's paragraph that precede it."""
    doc = token.doc
    start = token.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    return doc[start : token.i]


# --- rendering ------------------------------------------------------------------------------


def _subject_tokens(verb: Token, slot: Slot) -> tuple[list[Token], Token | None, bool]:
    """The subject's tokens and head (inherited from a coordinated or modified noun)."""
    subject = _subject(verb)
    if subject is not None:
        asides = _asides(subject, slot.remove)
        tokens = [
            t
            for t in subject.subtree
            if t.i not in asides and (t.i not in slot.remove or slot.role == "subject")
        ]
        return strip_punct(tokens), subject, False
    if verb.dep_ == "conj" and is_verb(verb.head):
        shared = _subject(verb.head)
        between = verb.doc[verb.head.i + 1 : verb.i]
        # "X began after Y returned and attended": "attended" may belong to Y, not X.
        if shared is not None and not any(
            t.dep_ in _SUBJECT_DEPS or t.pos_ == "VERB" for t in between
        ):
            return strip_punct(list(shared.subtree)), shared, True
    frame = _participle_frame(verb)
    if frame is not None:
        # "The fire destroyed 230 homes, forcing 14,000 people to leave": the fire forced them.
        shared = _subject(frame)
        if shared is not None:
            return strip_punct(list(shared.subtree)), shared, True
    for child in verb.lefts:
        # "between 80,000 and 120,000 people are held": a subject the parser made a PP.
        if child.dep_ == "prep" and child.i not in slot.remove:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects and any(t.dep_ == "nummod" for t in objects[0].children):
                return strip_punct(list(child.subtree)), objects[0], False
    if _is_reduced_passive(verb):
        noun = verb.head
        tokens = [
            t
            for t in noun.subtree
            if t.i not in {v.i for v in verb.subtree} and not _is_clause_child(t, noun)
        ]
        return strip_punct(tokens), noun, True
    return [], None, False


def _asides(root: Token, protect: frozenset[int]) -> set[int]:
    """Comma-set-off relative clauses and appositions under `root`, with their commas.

    "the dam, which was built in 1962, holds ..." -> "the dam holds ...": the aside is a
    second fact, and half of its commas would be lost in a question.
    """
    doc = root.doc
    dropped: set[int] = set()
    for token in root.subtree:
        if token.i == root.i:
            continue
        # A conjunct with no conjunction is an aside too ("in 2023, a record"), as is a noun
        # phrase after a comma on the verb ("lasted 35 days, the longest in ABC. history").
        bare_conj = token.dep_ == "conj" and not any(t.dep_ == "cc" for t in token.head.subtree)
        verb_aside = token.head.pos_ in _VERB_POS and (
            token.dep_ == "npadvmod" or (token.dep_ == "advmod" and token.n_rights > 0)
        )  # "..., more than in all of 2024"
        # "raised its rate on Thursday, its ninth increase in a row": a second object after a
        # comma renames the event.
        verb_aside = verb_aside or (
            token.dep_ == "dobj"
            and token.head.pos_ in _VERB_POS
            and any(c.dep_ == "dobj" and c.i < token.i for c in token.head.children)
        )
        # "a new strain, known as clade Ib, was found": a participle set off by commas.
        participle = token.dep_ == "acl" and token.tag_ == "VBN"
        # "$764 billion for other programs, roughly equal to last year": an adjective phrase
        # after its noun.
        postnominal = token.dep_ == "amod" and token.i > token.head.i
        # "fled their homes, including 3.4 million who crossed ...": an example list.
        example = token.dep_ == "prep" and token.lower_ in lex.EXAMPLE_PREPOSITIONS
        if token.dep_ not in {"relcl", "appos"} and not (
            bare_conj or verb_aside or participle or postnominal or example
        ):
            continue
        start, end = token.left_edge.i, token.right_edge.i
        if start == 0 or doc[start - 1].text != ",":
            continue
        if any(i in protect for i in range(start, end + 1)):
            continue
        dropped |= set(range(start - 1, end + 1))
        if end + 1 < len(doc) and doc[end + 1].text == ",":
            dropped.add(end + 1)
    return dropped


def _is_reduced_passive(verb: Token) -> bool:
    """Whether a participle modifying a noun is a reduced passive ("the Act enacted in May")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    # "astronauts lifted off", "companies acquired X": active verbs the parser misattached.
    return not any(child.dep_ in {"prt", "dobj", "nsubj"} for child in verb.children)


def _is_clause_child(token: Token, noun: Token) -> bool:
    """Whether a token hangs off `noun` through a relative clause or apposition."""
    while token.i != noun.i and token.head.i != token.i:
        if token.head.i == noun.i and token.dep_ in {"relcl", "acl", "appos", "punct"}:
            return True
        token = token.head
    return False


# Punctuation that belongs to the word before it ("7.5%"): never trimmed off a run's end.
WORD_SIGNS = frozenset({"%"})


def strip_punct(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and spaces at both ends of a token run (a bracket that closes one
    opened inside the run stays: "the Office of Tides (OT)"; so does a "%")."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        if tokens[-1].text in WORD_SIGNS or (tokens[-1].text == ")" and _opens_more(tokens[:-1])):
            break
        tokens = tokens[:-1]
    return tokens


def _bracket_balance(tokens: Sequence[Token]) -> int:
    return sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)


def _opens_more(tokens: Sequence[Token]) -> bool:
    return _bracket_balance(tokens) > 0


def brackets_balanced(tokens: Sequence[Token]) -> bool:
    """Whether a token run closes as many round brackets as it opens."""
    return _bracket_balance(tokens) == 0


def _clause_tokens(verb: Token, slot: Slot, subject_tokens: list[Token]) -> list[Token] | None:
    """The verb's clause without its subject, the answer and material a question drops."""
    dropped: set[int] = set(slot.remove) | {t.i for t in subject_tokens}
    for child in verb.children:
        if child.i in slot.remove:
            continue
        # A conjunct of the verb is a second predicate, even one the tagger read as a noun
        # ("has been in recess since Feb. 9 and returns on Feb. 28").
        coordinated_clause = child.dep_ == "conj"
        if child.dep_ == "advcl" and child.i > verb.i and _keeps_adverbial(child):
            continue
        if child.dep_ in _DROPPED_DEPS or coordinated_clause or child.dep_ in _SUBJECT_DEPS:
            dropped |= {t.i for t in child.subtree}
            dropped |= _measure_before(verb, child)
        elif child.dep_ == "punct" and child.text in _QUOTES:
            dropped.add(child.i)  # closes a quotation inside a dropped clause
        elif _is_deictic_time(child) or (_is_attribution(child) and _is_adverbial(verb)):
            # An attribution hung on an adverbial clause vouches for the whole sentence.
            dropped |= {t.i for t in child.subtree}
            dropped |= _measure_before(verb, child)
    dropped |= _asides(verb, slot.remove)
    dropped |= _participle_asides(verb, slot.remove)
    dropped |= _coordinated_clauses(verb, slot.remove)
    kept = [
        t
        for t in verb.subtree
        if t.i not in dropped and not t.is_space and t.text not in _SENTENCE_END
    ]
    kept = before_list(kept, verb, slot.remove)
    # "arrested [30 people, including two journalists], on Friday": the comma that closed an
    # aside inside the answer goes with it.
    doc = verb.doc
    if any(doc[i].text == "," for i in slot.remove):
        kept = [
            t for t in kept if not (t.text == "," and t.i - 1 in slot.remove and t.i - 1 > verb.i)
        ]
    if slot.strand is not None:
        if slot.strand.i < verb.i:
            return None  # "on Tuesday upheld ...": nothing to strand after
        edge = slot.strand.right_edge.i
        kept = [t for t in kept if t.i <= edge and t.i != slot.strand.i]
    doc = verb.doc
    if kept and any("\n" in t.text for t in doc[kept[0].i : kept[-1].i] if t.is_space):
        return None  # a heading or caption glued to the clause
    if not _scare_quotes_only([t for t in kept if t.i not in slot.remove]):
        return None
    if any(t.tag_ in {"-LRB-", "-RRB-"} for t in kept):
        return None
    if any(
        t.lower_ == "then" and t.dep_ in {"pobj", "pcomp"} and t.i not in slot.remove for t in kept
    ):
        return None  # "since then": the time it points back to is not in the question
    if _cuts_a_hyphenated_word(kept, slot.remove):
        return None  # "which was co[-hosted by ...]": half a word
    if any(t.tag_ in {"WDT", "WP", "WP$"} and t.i < verb.i for t in kept):
        return None  # "bills that Congress is supposed to pass": the object is the pronoun
    return kept


def _is_adverbial(verb: Token) -> bool:
    """Whether a clause is subordinated by a conjunction ("since the protests began")."""
    return verb.dep_ != "ROOT" and any(
        c.dep_ == "mark" and c.lower_ not in {"that", "whether", "if"} for c in verb.children
    )


def _is_attribution(child: Token) -> bool:
    """Whether a verb's modifier is an "according to X" phrase."""
    return child.dep_ == "prep" and child.lower_ == "according"


def _is_deictic_time(child: Token) -> bool:
    """Whether a verb's adjunct is a time counted from the day of writing ("this week", "this
    year"): its demonstrative would read as an unresolved pronoun, and a quiz read later
    loses nothing without it."""
    if child.dep_ not in {"npadvmod", "tmod"} or child.lemma_.lower() not in lex.DURATION_UNITS:
        return False
    return any(c.dep_ == "det" and c.lower_ in {"this", "these"} for c in child.children)


def _participle_asides(verb: Token, protect: frozenset[int]) -> set[int]:
    """Comma-set-off participle clauses deeper in the clause ("ruled that X, reversing a lower
    court that ..."): a second fact, often with pronouns of its own."""
    doc = verb.doc
    dropped: set[int] = set()
    for token in verb.subtree:
        if token.dep_ != "advcl" or token.tag_ != "VBG" or token.head.i == verb.i:
            continue
        start, end = token.left_edge.i, token.right_edge.i
        if (
            start == 0
            or doc[start - 1].text != ","
            or any(i in protect for i in range(start, end + 1))
        ):
            continue
        dropped |= set(range(start - 1, end + 1))
    return dropped


def _cuts_a_hyphenated_word(kept: list[Token], removed: frozenset[int]) -> bool:
    """Whether the question keeps one part of a hyphenated word and leaves out the other."""
    if not kept:
        return False
    doc = kept[0].doc
    inside = {t.i for t in kept} | set(removed)
    for token in kept:
        for other, glued in (
            (token.i + 1, not token.whitespace_),
            (token.i - 1, token.i > 0 and not doc[token.i - 1].whitespace_),
        ):
            if not glued or not 0 <= other < len(doc) or other in inside:
                continue
            if token.text in _HYPHENS or doc[other].text in _HYPHENS:
                return True
    return False


def _measure_before(verb: Token, clause: Token) -> set[int]:
    """A measure phrase that only modifies a dropped clause ("weeks [before the law ...]")."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "advmod"} and child.right_edge.i == clause.left_edge.i - 1:
            return {t.i for t in child.subtree}
    return set()


def _coordinated_clauses(verb: Token, protect: frozenset[int]) -> set[int]:
    """Verbs coordinated inside the clause ("promised to hire X and to expand Y"), with "and"."""
    dropped: set[int] = set()
    for token in verb.subtree:
        if token.dep_ != "conj" or not is_verb(token) or not is_verb(token.head):
            continue
        if token.head.i == verb.i or any(t.i in protect for t in token.subtree):
            continue
        dropped |= {t.i for t in token.subtree}
        for sibling in token.head.children:
            if sibling.dep_ in {"cc", "punct"} and token.head.i < sibling.i < token.i:
                dropped.add(sibling.i)
            elif sibling.dep_ == "dobj" and sibling.i > token.i:
                # "line canals and repair aging dams" parsed with "dams" on "line": the object
                # after the dropped verb is that verb's, and would be left stranded.
                dropped |= {t.i for t in sibling.subtree}
    return dropped


def _scare_quotes_only(tokens: list[Token]) -> bool:
    """Whether every quotation mark pairs up around a short phrase ("called it “illegal”")."""
    marks = [
        position
        for position, t in enumerate(tokens)
        if t.text in _QUOTES and not is_possessive_mark(t)
    ]
    if len(marks) % 2:
        return False
    for opening, closing in zip(marks[::2], marks[1::2], strict=True):
        if closing - opening - 1 > _MAX_SCARE_QUOTE or tokens[opening].text in {"”", "’"}:
            return False
    return True


def is_possessive_mark(token: Token) -> bool:
    """Whether an apostrophe ends a plural or s-final possessive ("Honduras’ commission")."""
    if token.text not in {"’", "'"} or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text[-1:] in {"s", "S"} and not before.whitespace_ and bool(token.whitespace_)


def _subject_text(
    tokens: list[Token], head: Token | None, resolve: Resolver | None
) -> tuple[str | None, bool]:
    """The subject as the question spells it; pronouns resolved or refused."""
    if head is None or not tokens:
        return None, False
    if len(tokens) == 1 and head.pos_ == "PRON":
        lower = head.lower_
        if lower == "there" or head.dep_ == "expl":
            return "there", False
        if lower in lex.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            return _relative_owner(head.head.head), True
        name = resolve(head) if resolve is not None else None
        if name is None:
            name = _reporter(head)
        return name, name is not None
    for token in tokens:
        if token.pos_ == "PRON" and token.tag_ not in {"WDT", "WP", "WP$"}:
            return None, False  # "its workers", "one of them": the owner is unknown
        if token.pos_ == "DET" and token.lower_ in DEMONSTRATIVES and token.i != tokens[0].i:
            return None, False  # "all these reports": which ones depend on the story
    if tokens[0].pos_ == "DET" and tokens[0].lower_ in DEMONSTRATIVES and len(tokens) > 1:
        # "This operation was led by …" -> "Who led the operation?": outside the article
        # the question cannot point back, so the noun phrase is definite (as `clauses`).
        return "the " + render(tokens[1:]), False
    return decapitalize(tokens[0], render(tokens)), False


def _reporter(pronoun: Token) -> str | None:
    """ "they"/"it" as the subject of what a named group reports ("Police said they had
    arrested 612 people" -> "police"), when the reporter agrees with the pronoun."""
    clause = pronoun.head
    if pronoun.lower_ not in {"they", "it"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    frame = clause.head
    if clause.dep_ != "ccomp" or frame.lemma_ not in lex.REPORTING_VERBS:
        return None
    reporter = _subject(frame)
    if reporter is None or reporter.i > frame.i or reporter.ent_type_ == "PERSON":
        return None
    plural = reporter.tag_ in {"NNS", "NNPS"} or reporter.lower_ in lex.COLLECTIVE_NOUNS
    if (pronoun.lower_ == "they") != plural:
        return None
    tokens = strip_punct([t for t in reporter.subtree if t.i not in _asides(reporter, frozenset())])
    if not tokens or len(tokens) > _MAX_REPORTER_TOKENS:
        return None
    if any(t.pos_ == "PRON" or t.lower_ in DEMONSTRATIVES for t in tokens):
        return None
    if tokens[0].lower_ in {"a", "an"} and not any(t.pos_ == "PROPN" for t in tokens):
        return None  # "a spokesman said it ...": which one?
    return decapitalize(tokens[0], render(tokens))


def _relative_owner(noun: Token) -> str | None:
    """The noun a relative pronoun stands for, if it is a plain noun phrase ("the new law")."""
    of_phrase = noun.dep_ == "pobj" and noun.head.lower_ == "of"
    if of_phrase or any(child.dep_ == "conj" for child in noun.children):
        return None  # "property of the people and companies that are ...": which one?
    if noun.ent_type_ in {"DATE", "TIME"} or noun.lower_ in lex.TIME_NOUNS:
        return None  # "flooding since March, which has killed 200": not March
    modifiers = [t for t in noun.lefts]
    if any(t.dep_ not in _PLAIN_MODIFIER_DEPS or t.pos_ == "PRON" for t in modifiers):
        return None
    if any(any(True for _ in t.children) for t in modifiers):
        return None
    tokens = [*modifiers, noun, *_name_after(noun)]
    if tokens[0].lower_ in {"a", "an"}:
        # The antecedent is known by now: "a budget that ..." -> "the budget".
        return "the " + render(tokens[1:])
    return decapitalize(tokens[0], render(tokens))


def _name_after(noun: Token) -> list[Token]:
    """The number or acronym that completes a name after its head ("Executive Order (E.O.)
    14250" of "Order"); none after a person's name ("Rita Stone (Stone)")."""
    if noun.ent_type_ == "PERSON":
        return []
    after = sorted(
        (
            t
            for child in noun.rights
            if child.dep_ in {"nummod", "appos"}
            and not any(not right.is_punct for right in child.rights)
            for t in child.subtree
        ),
        key=lambda t: t.i,
    )
    if not after or after[0].i - noun.i > 2:
        return []
    tokens = list(noun.doc[noun.i + 1 : after[-1].i + 1])
    if any(t.text == "," for t in tokens):
        return []
    return tokens if brackets_balanced(tokens) else []


def decapitalize(first: Token, text: str) -> str:
    """Lower-case a sentence-initial common word ("The law" -> "the law"), not a name."""
    after_dash = first.i > 0 and first.doc[first.i - 1].text in _DASHES
    if not (first.is_sent_start or _after_line_break(first) or after_dash):
        return text
    if first.pos_ == "PROPN" or first.text == "I" or (len(first.text) > 1 and first.text.isupper()):
        return text
    if first.ent_type_ in _NAME_LABELS and first.pos_ != "DET":
        return text  # the first word of a name ("Cross Bell") keeps its capital
    if first.text in _capitalized_inside(first.doc):
        return text  # "Trump met ...": a name the model missed here but the text capitalizes
    return text[:1].lower() + text[1:]


def _capitalized_inside(doc: Doc) -> frozenset[str]:
    """Capitalized words the text uses inside sentences and never in lower case (names),
    computed once per doc."""
    key = "quizapp_capitalized_inside"
    found = doc.user_data.get(key)
    if found is None:
        lower = {token.text for token in doc if token.is_lower}
        found = frozenset(
            token.text
            for token in doc
            if token.lower_ not in lower  # "Trade Commissioner" but "free trade": a common word
            and token.is_title
            and not token.is_stop
            and not token.is_sent_start
            and token.i > 0
            and not doc[token.i - 1].is_space
            and doc[token.i - 1].text not in _DASHES
            and doc[token.i - 1].text not in _QUOTES
            and doc[token.i - 1].text not in {":", "(", "["}
        )
        doc.user_data[key] = found
    return found


def _after_line_break(token: Token) -> bool:
    """Whether a token opens a line."""
    return token.i == 0 or (token.doc[token.i - 1].is_space and "\n" in token.doc[token.i - 1].text)


def _pronouns_ok(
    rest: list[Token], subject_tokens: list[Token], slot: Slot, singular: bool
) -> bool:
    """No pronoun without a referent; a possessive needs a matching noun before it.

    "How many people have fled their homes?", "the company hired workers at its plant" keep
    their possessive; "Which department offered a reward for their arrest?" does not.
    """
    earlier = sorted([*subject_tokens, *rest], key=lambda t: t.i)
    for token in rest:
        lower = token.lower_
        if lower not in lex.UNRESOLVED_PRONOUNS and lower not in OWNER_POSSESSIVES:
            continue
        if token.pos_ not in {"PRON", "DET"} or token.tag_ in {"WDT", "WP"}:
            continue
        if token.dep_ == "det" and token.head.lemma_.lower() in lex.TIME_NOUNS:
            continue  # "so far this year"
        if token.tag_ != "PRP$" or lower not in OWNER_POSSESSIVES:
            return False
        before = [t for t in earlier if t.i < token.i and t.i not in slot.remove]
        if not _has_antecedent(lower, before, slot, singular):
            return False
    return True


def _has_antecedent(possessive: str, before: list[Token], slot: Slot, singular: bool) -> bool:
    """Whether a noun of the right number (or the wh-subject) can own the possessive."""
    if slot.role == "subject" and possessive in {"its", "their"}:
        return possessive == ("its" if singular else "their")
    for token in before:
        if possessive == "their" and (
            token.tag_ in {"NNS", "NNPS"} or token.lower_ in lex.COLLECTIVE_NOUNS
        ):
            return True
        if possessive == "its" and token.tag_ in {"NN", "NNP"} and token.ent_type_ != "PERSON":
            return True
        if possessive in {"his", "her"} and (
            token.ent_type_ == "PERSON"
            or token.lower_ in PERSON_PRONOUNS
            or token.lower_ in lex.PERSON_NOUNS
        ):
            return True
    return False


def _front_material(
    verb: Token, rest: list[Token], subject_tokens: list[Token], slot: Slot
) -> tuple[list[Token], list[Token], bool]:
    """Split off adjuncts before the subject (moved to the end) and drop sentence adverbs."""
    reduced = _subject(verb) is None and _is_reduced_passive(verb)
    if not subject_tokens or slot.role == "subject":
        subject_start = min(slot.remove) if slot.role == "subject" and slot.remove else verb.i
    else:
        subject_start = subject_tokens[0].i
    moved: list[Token] = []
    kept: list[Token] = []
    for token in rest:
        if token.i >= verb.i:
            kept.append(token)
            continue
        top = _child_of(verb, token)
        if top is not None and top.dep_ in {"prep", "npadvmod", "tmod"}:
            moved.append(token)  # "On Thursday, X did Y" / "X on Thursday did Y": at the end
        elif token.i >= subject_start and not token.is_punct:
            kept.append(token)
        # Sentence adverbs ("However,") and their commas are dropped.
    if slot.strand is not None:
        moved = []
    return strip_punct(moved), kept, reduced


def _child_of(verb: Token, token: Token) -> Token | None:
    """The child of `verb` whose subtree holds `token`."""
    while token.head.i != verb.i:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _agree(rest: list[Token], verb: Token, singular: bool) -> list[str]:
    """A subject question's words, the finite verb made singular for "Which agency …"."""
    finite = next((t for t in rest if t.dep_ in _AUX_DEPS and t.head.i == verb.i), verb)
    words = []
    for part_tokens, is_finite in _split_on(rest, finite):
        if is_finite and singular and finite.tag_ == "VBP":
            lower = finite.lower_
            if lower in SINGULAR_AUX:
                words.append(SINGULAR_AUX[lower])
            else:
                words.append(inflect(finite, "VBZ"))
        elif is_finite and singular and finite.lower_ == "were":
            words.append("was")
        elif part_tokens:
            words.append(_render_clause(part_tokens))
    return words


def _split_on(tokens: list[Token], pivot: Token) -> list[tuple[list[Token], bool]]:
    """Split tokens into (before, [pivot], after) parts, flagging the pivot part."""
    before = [t for t in tokens if t.i < pivot.i]
    after = [t for t in tokens if t.i > pivot.i]
    middle = [t for t in tokens if t.i == pivot.i]
    return [(before, False), (middle, True), (after, False)]


def _invert(
    verb: Token, rest: list[Token], reduced: bool, subject_head: Token | None
) -> tuple[str, list[Token | str]] | None:
    """The operator moved before the subject, and the remaining clause (do-support applied)."""
    if reduced:
        plural = subject_head is not None and subject_head.tag_ in {"NNS", "NNPS"}
        return ("were" if plural else "was"), list(rest)
    auxes = [t for t in rest if t.dep_ in _AUX_DEPS and t.head.i == verb.i and t.i < verb.i]
    if auxes:
        first = auxes[0]
        if first.tag_ == "TO" or first.lower_ == "to":
            return None
        remaining: list[Token | str] = [
            "not" if t.lower_ in {"n't", "not"} else t for t in rest if t.i != first.i
        ]
        return _operator_text(first), remaining
    shared = _shared_auxes(verb)
    if shared:
        # "was arrested in Frost and extradited to Rose": "was ... extradited".
        return _operator_text(shared[0]), [*(t.lower_ for t in shared[1:]), *rest]
    frame = _participle_frame(verb)
    if frame is not None:
        return _frame_operator(frame, verb, rest)
    if verb.lemma_ == "be":
        return _operator_text(verb), [t for t in rest if t.i != verb.i]
    operator = "did" if active_conjunct(verb) else DO_BY_TAG.get(verb.tag_)
    if operator is None:
        return None
    if operator == "do" and _past_by_context(verb):
        operator = "did"  # "after cases spread to four countries": "spread" is past here
    return operator, [base_form(verb) if t.i == verb.i else t for t in rest]


def _participle_frame(verb: Token) -> Token | None:
    """The finite verb a trailing participle clause hangs on (", forcing 14,000 people to
    leave"), whose subject and tense the participle shares; None for any other verb."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and head.tag_ == "VBG" and head.i < verb.i:
        # ", killing 12 people and destroying 300 homes": the second shares the first's frame.
        if any(c.dep_ in _SUBJECT_DEPS | _AUX_DEPS for c in verb.children):
            return None
        return _participle_frame(head)
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i > verb.i or not is_verb(head):
        return None
    if any(c.dep_ in _SUBJECT_DEPS | _AUX_DEPS | {"mark"} for c in verb.children):
        return None
    start = verb.left_edge.i
    if start != verb.i or start == 0 or verb.doc[start - 1].text != ",":
        return None
    if _subject(head) is None or any(c.dep_ == "auxpass" for c in head.children):
        return None  # "was hit, killing …": the storm, not the town, killed
    if head.lemma_ == "be" or head.dep_ not in {"ROOT", "conj", "ccomp"}:
        return None
    if head.tag_ in DO_BY_TAG or any(c.dep_ == "aux" and c.i < head.i for c in head.children):
        return head
    return None


def _frame_operator(
    frame: Token, verb: Token, rest: list[Token]
) -> tuple[str, list[Token | str]] | None:
    """A trailing participle in the tense of its frame ("has destroyed …, forcing" -> "has …
    forced", "won …, defeating" -> "did … defeat")."""
    auxes = [c for c in frame.children if c.dep_ == "aux" and c.i < frame.i]
    if auxes:
        first = auxes[0]
        if first.tag_ == "TO" or first.lemma_ == "be":
            return None
        form = inflect(verb, "VBN") if first.lemma_ == "have" else base_form(verb)
        return _operator_text(first), [form if t.i == verb.i else t for t in rest]
    operator = DO_BY_TAG.get(frame.tag_)
    if operator is None:
        return None
    return operator, [base_form(verb) if t.i == verb.i else t for t in rest]


def _past_by_context(verb: Token) -> bool:
    """Whether a present-tagged verb whose past form is the same word ("spread", "cut", "hit")
    sits in a subordinate clause of a past-tense verb, where it must be past."""
    if verb.tag_ != "VBP" or inflect(verb, "VBD").lower() != verb.lower_:
        return False
    return verb.dep_ in {"advcl", "conj", "ccomp"} and verb.head.tag_ == "VBD"


def _shared_auxes(verb: Token) -> list[Token]:
    """The auxiliaries a coordinated participle shares with the verb before it."""
    if verb.dep_ != "conj" or not is_verb(verb.head):
        return []
    passive_head = any(child.dep_ == "auxpass" for child in verb.head.children)
    # "was arrested ... and extradited": the tagger often reads the second participle as VBD.
    if verb.tag_ not in {"VBN", "VBG"} and not (verb.tag_ == "VBD" and passive_head):
        return []
    if any(child.dep_ in _AUX_DEPS | _SUBJECT_DEPS for child in verb.children):
        return []
    if active_conjunct(verb):
        return []
    return [c for c in verb.head.children if c.dep_ in _AUX_DEPS and c.i < verb.head.i]


def active_conjunct(verb: Token) -> bool:
    """A participle-tagged conjunct of a passive verb that takes an object of its own: "was
    led by X, and involved 14 officials" is "involved" in the past tense, not "was involved"."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and any(child.dep_ == "auxpass" for child in verb.head.children)
        and any(child.dep_ == "dobj" for child in verb.children)
    )


def _is_finite(verb: Token, reduced: bool) -> bool:
    """Whether the clause has a tensed verb group (not "to suspend", not a bare participle)."""
    if reduced or _shared_auxes(verb) or _participle_frame(verb) is not None:
        return True
    auxes = [t for t in verb.children if t.dep_ in _AUX_DEPS and t.i < verb.i]
    if auxes:
        return auxes[0].tag_ != "TO" and auxes[0].lower_ != "to"
    return verb.tag_ in DO_BY_TAG or verb.tag_ == "MD" or active_conjunct(verb)


def _operator_text(token: Token) -> str:
    """An auxiliary as the question's operator, contractions spelled out."""
    lower = token.lower_
    return {"'s": "is", "’s": "is", "'re": "are", "’re": "are", "'ve": "have", "wo": "will"}.get(
        lower, lower
    )


def _render_parts(parts: list[Token | str]) -> list[str]:
    """Render a mix of tokens and replacement words, token runs joined as the text had them."""
    words: list[str] = []
    run: list[Token] = []
    for part in parts:
        if isinstance(part, str):
            if run:
                words.append(_render_clause(run))
                run = []
            words.append(part)
        else:
            run.append(part)
    if run:
        words.append(_render_clause(run))
    return words


def _render_clause(tokens: list[Token]) -> str:
    """Render clause tokens, lower-casing a sentence-initial common word."""
    if not tokens:
        return ""
    return decapitalize(tokens[0], render(tokens))


def _finish(text: str) -> str | None:
    """Tidy spacing and punctuation, capitalize, add "?"; None when too little is left."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(r"\1", text)
    abbreviation = _ABBREVIATION_END.search(text)
    text = text.strip(" ,;:-–—.")
    # "… the rule of law and" once a second predicate was dropped: the conjunction goes too.
    text = re.sub(r"(?:,?\s+(?:and|or|but))+$", "", text)
    if abbreviation:
        text += "."  # "at 10 a.m.?" keeps the abbreviation's dot
    if not text:
        return None
    text = text[0].upper() + text[1:] + "?"
    return text if len(text.split()) >= _MIN_WORDS else None


def ask_announcement(slot: Slot, wh: str, resolve: Resolver | None = None) -> Question | None:
    """ "When did Deputy Secretary N make the announcement?" for a date or place on the frame
    of an announcement ("X will get $Y, N announced Monday at a conference in Paris"), whose
    content is too long to repeat."""
    verb = slot.verb
    if lemma(verb) != "announce" or verb.tag_ != "VBD":
        return None
    if not (_is_frame(verb, slot) or _is_trailing_frame(verb)):
        return None
    if in_quotation(verb) or _is_negated(verb) or verb.dep_ not in _CLAUSE_DEPS:
        return None
    subject_tokens, subject_head, _ = _subject_tokens(verb, slot)
    dateline = _dateline_end(verb)
    subject_tokens = [t for t in subject_tokens if t.i > dateline]
    if not subject_tokens or any(t.i in slot.remove for t in subject_tokens):
        return None
    subject_text, resolved = _subject_text(subject_tokens, subject_head, resolve)
    if subject_text is None or len(subject_tokens) > _MAX_REPORTER_TOKENS:
        return None
    if not any(t.pos_ == "PROPN" for t in subject_tokens):
        return None  # "the company made the announcement": which company, which announcement?
    text = _finish(f"{wh} did {subject_text} make the announcement")
    return None if text is None else Question(text, 0.6 if resolved else 0.7)


def _is_trailing_frame(verb: Token) -> bool:
    """Whether a reporting verb closes the sentence after a comma ("X will get $Y, the minister
    announced Monday"), however the parser attached it."""
    if verb.dep_ not in {"conj", "parataxis", "ccomp"} or verb.head.i > verb.i:
        return False
    if any(c.dep_ in {"dobj", "ccomp", "xcomp", "cc"} for c in verb.children):
        return False
    subject = _subject(verb)
    if subject is None or subject.left_edge.i == 0:
        return False
    return verb.doc[subject.left_edge.i - 1].text == ","


def is_hypothetical(verb: Token) -> bool:
    """Whether a clause states no fact: a condition ("if the Senate passes it"), or a
    conjecture ("the court would take up the case", "the count would begin Monday")."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in lex.CONDITION_MARKS for c in verb.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in lex.CONJECTURE_MODALS for c in verb.children):
            return True
        if verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return False
        verb = verb.head


def is_bare(slot: Slot, question: Question) -> bool:
    """Whether a short question hangs on an unnamed indefinite subject ("When was a political
    agreement reached?": which agreement?), so it cannot stand alone."""
    if slot.role == "subject" or len(question.text.split()) > _BARE_WORDS:
        return False
    subject = _subject(slot.verb)
    reduced = subject is None and _is_reduced_passive(slot.verb)
    if reduced:
        subject = slot.verb.head  # "weapons sent to Ukraine in December"
    if subject is None:
        return False
    clause = {t.i for t in slot.verb.subtree} if reduced else set()
    tokens = [t for t in subject.subtree if t.i not in clause]
    bare_plural = reduced and tokens == [subject] and subject.tag_ == "NNS"
    if tokens[0].lower_ not in {"a", "an", "some"} and not bare_plural:
        return False
    return not any(t.pos_ in {"PROPN", "NUM"} or t.ent_type_ for t in tokens)


def contains_answer(question: str, answer: str) -> bool:
    """Whether the answer (case-insensitive, without a leading "the") occurs in the question."""
    core = re.sub(r"^(the|a|an)\s+", "", answer.strip(), flags=re.IGNORECASE).lower()
    if not core:
        return True
    pattern = r"(?<!\w)" + re.escape(core) + r"(?!\w)"
    return re.search(pattern, question.lower()) is not None
