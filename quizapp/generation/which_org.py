"""The which_org generator: questions about organizations ("Which department submitted ...?")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from spacy.tokens import Span, Token

from quizapp.generation import grammar
from quizapp.generation import lexicon_facts as lex
from quizapp.generation.types import Candidate, ParsedArticle

# Verbs whose prepositional object is an attribution, not a fact ("according to").
_ATTRIBUTION_VERBS = frozenset({"accord"})


class WhichOrgGenerator:
    """Propose "Which organization …?" questions for organizations that act or are acted on."""

    type: ClassVar[str] = "which_org"

    def generate(self, article: ParsedArticle) -> Iterator[Candidate]:
        """Yield one question per organization that is a subject or object of a verb."""
        doc = article.doc
        resolve = grammar.person_resolver(doc, article.full_name)
        law_tokens = {token.i for law in article.laws for token in law}
        person_words = {
            word for name in article.mentions.get("PERSON", []) for word in name.split()
        }
        for ent in grammar.entities(doc, article.ents):
            if ent.label_ != "ORG" or any(token.i in law_tokens for token in ent):
                continue
            words = [token for token in ent if token.lower_ != "the"]
            if len(words) == 1 and words[0].is_lower:
                continue  # "cooperatives": a common noun the model called an organization
            if _looks_like_a_person(ent, person_words) or _after_a_title(ent):
                continue
            name = _full_name(ent)
            for candidate in (
                _candidate(article, ent, name, resolve),
                _part_of(article, ent, name, resolve),
                _affiliation(article, ent, name),
                _relative_subject(article, ent, name, resolve),
                _attribution(article, ent, name, resolve),
                _later_reference(article, ent, name, resolve),
            ):
                if candidate is not None:
                    yield candidate


def _looks_like_a_person(ent: Span, person_words: set[str]) -> bool:
    """A name the model called an organization that the text also uses for a person."""
    words = [token.text for token in ent if token.lower_ != "the"]
    if any(token.lower_ in lex.ORG_KIND_BY_HEAD for token in ent):
        return False
    return bool(words) and all(word in person_words for word in words)


def _after_a_title(ent: Span) -> bool:
    """A name after a person's title ("Governors Marcus Bell", "Gov. Bell"): a person the model
    called an organization."""
    if ent[0].lower_ == "the":
        return False
    if len(ent) > 1 and ent[0].lower_.rstrip(".") in lex.PERSON_TITLES:
        return True  # "Governors Marcus Bell" as one entity
    return ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in lex.PERSON_TITLES


def kind_word(head: Token) -> str:
    """The noun a question uses for an organization: "department", "court", "organization"."""
    return lex.ORG_KIND_BY_HEAD.get(head.lower_, "organization")


def _described_kind(root: Token) -> str | None:
    """The kind an apposition gives ("the Alliance, a trade group that ..." -> "trade group")."""
    for child in root.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        modifiers = [
            t
            for t in child.lefts
            if t.dep_ in {"compound", "amod"}
            and t.lower_ not in lex.NON_KIND_ADJECTIVES
            and t.tag_ not in {"JJS", "RBS", "JJR"}  # "the world's biggest carmaker"
        ]
        if any(t.pos_ not in {"NOUN", "ADJ"} for t in modifiers) or len(modifiers) > 2:
            return None
        return " ".join(t.lower_ for t in [*modifiers, child])
    return None


def _full_name(ent: Span) -> Span:
    """The name with an owner or a second name the model split off: "the Gold Rose Silver
    Crane", "the ABC. Lark of Swan for the 6th Iron"."""
    doc = ent.doc
    root = ent.root
    start, end = ent.start, ent.end
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and start <= doc[start - 1].head.i < end
    ):
        start -= 1  # "the Africa PQR": the model left out "Africa"
    if start < ent.start and start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    owner = _org_child(root, {"poss"}) or _place_owner(root)
    if owner is not None and owner.end + 1 == start and doc[owner.end].tag_ == "POS":
        start = owner.start
        determiner = doc[start - 1] if start > 0 else None
        owned_by = {root.i, owner.root.i}
        if determiner is not None and determiner.dep_ == "det" and determiner.head.i in owned_by:
            start -= 1  # "The Gold Rose Silver Crane"
    if end + 1 < len(doc) and doc[end].lower_ in {"for", "of"} and doc[end].dep_ == "prep":
        # The parser may hang "for the 6th Iron" on a noun before the court.
        second = next(
            (e for e in grammar.entities(doc) if e.start == end + 1 and e.label_ == "ORG"), None
        )
        if second is not None and second.root.head.i == end:
            end = second.end
    return doc[start:end]


def _place_owner(root: Token) -> Span | None:
    """The country or city owning an organization ("Lamb Bull Steel"): without it
    the name is ambiguous."""
    for child in root.children:
        if child.dep_ == "poss" and child.ent_type_ == "GPE" and child.i < root.i:
            return root.doc[child.left_edge.i : child.i + 1]
    return None


def _org_child(token: Token, deps: set[str]) -> Span | None:
    """The organization entity a child of `token` (with one of `deps`) heads, if any."""
    for child in token.children:
        if child.dep_ not in deps:
            continue
        for ent in grammar.entities(token.doc):
            if ent.label_ == "ORG" and ent.root.i == child.i:
                return ent
    return None


def _noun_phrase(ent: Span, name: Span) -> list[Token] | None:
    """The organization's noun phrase: the name, a determiner and comma-set-off asides."""
    root = ent.root
    if root.dep_ in {"compound", "poss", "nmod", "amod", "appos"}:
        return None  # "the Birch Pine's report": a modifier, not an actor
    if root.lower_ in lex.NOT_ORG_HEADS or root.lower_ in lex.COUNTRY_HEADS:
        return None  # "The Cedar Ridge Fire" started: an event the model called an ORG
    phrase = sorted(root.subtree, key=lambda t: t.i)
    if any(t.is_space for t in phrase):
        return None
    for token in phrase:
        if name.start <= token.i < name.end or (token.dep_ == "det" and token.head.i == root.i):
            continue
        if not _in_aside(token, root):
            return None
    return phrase


def _in_aside(token: Token, root: Token) -> bool:
    """Whether a token sits in a comma-set-off apposition or relative clause of `root`."""
    while token.head.i != root.i:
        if token.head.i == token.i:
            return False
        token = token.head
    if token.dep_ == "punct":
        return True
    return token.dep_ in {"appos", "relcl"} and root.doc[token.left_edge.i - 1].text == ","


def _candidate(
    article: ParsedArticle, ent: Span, name: Span, resolve: grammar.Resolver
) -> Candidate | None:
    """The question for one organization mention, or None."""
    phrase = _noun_phrase(ent, name)
    if phrase is None or _cut_short(name):
        return None
    if ent.root.dep_ == "conj" or any(c.dep_ == "conj" for c in ent.root.children):
        return None  # "X and Y dissented": the other one is a second right answer
    slot = grammar.locate(phrase)
    if slot is None or (slot.role == "adjunct" and slot.pied is None):
        return None
    preposition = slot.strand or slot.pied
    if preposition is not None and (
        preposition.lower_ not in lex.ORG_PREPOSITIONS
        or preposition.head.lemma_ in _ATTRIBUTION_VERBS
    ):
        return None
    if slot.verb.lemma_ == "be" and slot.role == "object":
        return None  # "X is the Y": a definition, asked by the who/true-false generators
    return _make(article, ent, name, slot, _wh(ent.root), resolve)


def _make(
    article: ParsedArticle,
    ent: Span,
    name: Span,
    slot: grammar.Slot,
    wh: str,
    resolve: grammar.Resolver,
) -> Candidate | None:
    """The candidate asking `wh` in the slot's clause, or None when it cannot be asked well."""
    if grammar.is_hypothetical(slot.verb):
        return None
    question = grammar.ask(slot, wh, singular=True, resolve=resolve)
    if question is None or grammar.contains_answer(question.text, ent.text):
        return None
    sentence_index, sentence = article.sentence_at(ent.start_char)
    confidence = question.confidence - (0.1 if slot.role == "object" else 0.0)
    if len(ent) == 1 and not ent.text.isupper():
        confidence -= 0.2  # a lone capitalized word ("Field") is often a person the model missed
    return Candidate(
        type="which_org",
        question=question.text,
        answer=name.text,
        evidence=grammar.clause_text(list(sentence), slot.verb),
        sentence_index=sentence_index,
        kind="ORG",
        confidence=round(max(confidence, 0.1), 2),
    )


DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "associate"})


def _deputy(title: Token) -> bool:
    """Whether a leader's title is qualified as a second-in-command ("vice president")."""
    return any(
        child.lower_ in DEPUTY_WORDS or child.lower_.startswith("vice-")
        for child in title.children
        if child.i < title.i
    )


def _affiliation(article: ParsedArticle, ent: Span, name: Span) -> Candidate | None:
    """ "Which agency does Kenji Morita work for?" from "Kenji Morita of the Japan Aerospace
    Exploration Agency" or "Priya Raman, a law professor at Ford Birch Elm"."""
    root = ent.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in {"of", "at"} or name.end != ent.end:
        return None
    holder = preposition.head
    title: Token | None = None
    if (
        holder.dep_ == "appos"
        and holder.pos_ == "NOUN"
        and (preposition.lower_ == "at" or holder.i + 1 == preposition.i)
    ):
        # "Priya Raman, a law professor at ...", "Wolf Bear, general counsel of ..."
        title, holder = holder, holder.head
    person = next(
        (
            e
            for e in grammar.entities(article.doc, article.ents)
            if e.label_ == "PERSON" and e.root.i == holder.i
        ),
        None,
    )
    if person is None or grammar.in_quotation(root) or _cut_short(name):
        return None
    kind = _described_kind(root) or kind_word(root)
    who = article.full_name(person.text)
    if title is not None and title.lower_ in lex.LEADER_TITLES and not _deputy(title):
        question = f"Which {kind} does {who} lead?"
    elif (title is None and root.lower_ in lex.MEMBERSHIP_KINDS) or (
        title is not None and title.lower_ == "member"
    ):
        question = f"Of which {kind} is {who} a member?"
    else:
        question = f"Which {kind} employs {who}?"
    if grammar.contains_answer(question, ent.text):
        return None
    sentence_index, sentence = article.sentence_at(ent.start_char)
    return Candidate(
        type="which_org",
        question=question,
        answer=name.text,
        evidence=sentence.text.strip(),
        sentence_index=sentence_index,
        kind="ORG",
        confidence=0.55,
    )


def _cut_short(name: Span) -> bool:
    """Whether the model cut a longer name ("Computer Crime [and Intellectual Property
    Section]")."""
    doc = name.doc
    end = name.end
    return (
        end + 1 < len(doc)
        and doc[end].lower_ in {"and", "&"}
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].is_title
        and doc[end + 1].ent_iob_ != "B"  # "XYZ and SpaceX", "... Agency and Lena Vogel"
    )


def _relative_subject(
    article: ParsedArticle, ent: Span, name: Span, resolve: grammar.Resolver
) -> Candidate | None:
    """The organization as the subject of its relative clause or reported clause: "an analysis
    by the Drake Hawk Crane, which estimated that ..." -> "Which office estimated
    that ...?"; "The Robin Hart Pine Fox said it was sending ..." -> "Which
    organization was sending ...?"."""
    root = ent.root
    if root.lower_ in lex.NOT_ORG_HEADS or root.lower_ in lex.COUNTRY_HEADS:
        return None
    for clause in root.children:
        if clause.dep_ != "relcl" or not grammar.is_verb(clause):
            continue
        if root.doc[clause.left_edge.i - 1].text != ",":
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].lower_ in {"which", "that"} and subjects[0].i < clause.i:
            slot = grammar.Slot(clause, "subject", frozenset({subjects[0].i}))
            return _make(article, ent, name, slot, _wh(root), resolve)
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in lex.REPORTING_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].lower_ == "it":
            slot = grammar.Slot(clause, "subject", frozenset({subjects[0].i}))
            return _make(article, ent, name, slot, _wh(root), resolve)
    return None


def _part_of(
    article: ParsedArticle, ent: Span, name: Span, resolve: grammar.Resolver
) -> Candidate | None:
    """ "A three-judge panel of which court ruled ...?" for a subject that is part of the
    organization ("A three-judge panel of the ABC. Lark of Swan ruled ...")."""
    root = ent.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
        return None
    part = preposition.head
    if part.dep_ not in {"nsubj", "nsubjpass"} or part.lemma_.lower() not in lex.PART_NOUNS:
        return None
    before = [t for t in part.subtree if t.i < preposition.i]
    if any(t.pos_ in {"PRON", "PROPN"} or t.is_space for t in before):
        return None
    if before and before[0].lower_ in {"a", "an"}:
        before = before[1:]
        article_word = "an" if before and before[0].lower_[:1] in "aeiou" else "a"
    else:
        article_word = ""
    words = " ".join(w for w in (article_word, grammar.render(before)) if w)
    wh = f"{words} of {_wh(root).lower()}"
    slot = grammar.Slot(part.head, "subject", frozenset(t.i for t in part.subtree))
    return _make(article, ent, name, slot, wh, resolve)


def _attribution(
    article: ParsedArticle, ent: Span, name: Span, resolve: grammar.Resolver
) -> Candidate | None:
    """ "According to which department did consumer prices rise 2.9%?" for the source a clause
    cites ("Consumer prices rose 2.9%, according to the Finch Pine")."""
    root = ent.root
    preposition = root.head
    according = preposition.head
    if (
        root.dep_ != "pobj"
        or preposition.lower_ != "to"
        or according.lemma_ not in (_ATTRIBUTION_VERBS)
    ):
        return None
    if _noun_phrase(ent, name) is None or _cut_short(name) or according.dep_ != "prep":
        return None
    verb = according.head
    if verb.dep_ != "ROOT":
        # ", according to X." closing a sentence vouches for all of it, whichever verb the
        # parser hung it on; inside a subordinate clause it may belong to either.
        verb = according.sent.root if _closes_sentence(according) else verb
    if verb.dep_ != "ROOT" or not grammar.is_verb(verb):
        return None
    if any(c.dep_ == "conj" for c in root.children):
        return None
    slot = grammar.Slot(verb, "adjunct", frozenset(t.i for t in according.subtree))
    return _make(article, ent, name, slot, f"According to {_wh(root).lower()}", resolve)


def _later_reference(
    article: ParsedArticle, ent: Span, name: Span, resolve: grammar.Resolver
) -> Candidate | None:
    """ "Which agency will review the data?" from "The Food and Drug Administration approved the
    drug in 2019. The agency will review the data ...": the next sentence's subject "the
    agency" is the organization named just before, when no other one could be meant."""
    if _noun_phrase(ent, name) is None or _cut_short(name):
        return None
    index = article.sentence_index(ent.start_char)
    if index + 1 >= len(article.sentences):
        return None
    following = article.sentences[index + 1]
    kinds = {ent.root.lower_, kind_word(ent.root)}
    start = article.sentences[index].start
    if any(
        other.label_ == "ORG"
        and other.start != ent.start
        and (other.start > ent.start or kinds & {other.root.lower_, kind_word(other.root)})
        for other in grammar.entities(article.doc, article.ents)
        if start <= other.start < following.end
    ):
        return None  # another organization nearby: "the agency" may be that one
    for token in following:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.lower_ not in kinds:
            continue
        if token.pos_ != "NOUN" or [c.lower_ for c in token.children] != ["the"]:
            return None  # "the state agency", "the agency's chief": not a plain reference
        slot = grammar.Slot(token.head, "subject", frozenset(t.i for t in token.subtree))
        candidate = _make(article, ent, name, slot, f"Which {token.lower_}", resolve)
        if candidate is None:
            return None
        return replace(
            candidate,
            sentence_index=index + 1,
            evidence=grammar.clause_text(list(following), token.head),
            confidence=round(max(candidate.confidence - 0.15, 0.1), 2),
        )
    return None


def _closes_sentence(phrase: Token) -> bool:
    """Whether a phrase is set off by a comma and ends its sentence."""
    doc = phrase.doc
    start, end = phrase.left_edge.i, phrase.right_edge.i + 1
    if start == 0 or doc[start - 1].text != ",":
        return False
    return end >= len(doc) or doc[end].is_sent_start or doc[end].text in {".", "!", "?"}


def _wh(root: Token) -> str:
    """ "Which office", "Which trade group": the wh-phrase for an organization."""
    return f"Which {_described_kind(root) or kind_word(root)}"
