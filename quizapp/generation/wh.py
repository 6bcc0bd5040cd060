"""The general wh-transformation for a clause and an answer phrase the strict rules refuse.

`grammar.ask` renders the careful question (optional adjuncts dropped, passives made active,
many refusals). This one covers the rest of the clauses with one plain rule set:

- the clause is the answer's governing verb with its own dependents: sub-clauses that do not
  hold the answer (adverbial, coordinated, parenthetical, quoted ones) are left out;
- a subject answer is replaced by the wh-phrase in place, the verb agreeing with it;
- any other answer goes to the front: "aux/do + subject + verb …", the verb in its base form
  after do-support (lemminflect); an object of a preposition takes its preposition along
  ("On how many officials did …?", "whom" after a preposition);
- an adjunct answer (a date or a place with its preposition) is removed and asked by
  "When"/"Where".

Nothing here knows a question type; the generators pass the wh-phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lemminflect import getInflection
from spacy.tokens import Token

from quizapp.generation import grammar
from quizapp.generation.lexicon_facts import REPORTING_VERBS

MAX_WORDS = 30
MIN_WORDS = 4
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "relcl", "advcl", "acl", "xcomp", "pcomp"})
# Dependents of the clause verb that are clauses of their own (or talk about the text).
_DROPPED = frozenset({"advcl", "parataxis", "ccomp", "mark", "cc", "punct", "dep", "meta"})
_DROPPED |= frozenset({"intj", "discourse", "preconj", "prt_"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_SINGULAR_BE = {"are": "is", "were": "was", "have": "has"}
_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``"})
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]}]|n't\b|'s\b|’s\b)")
_SPACE_AFTER = re.compile(r"([(\[{$])\s+")


def governing_verb(token: Token) -> Token | None:
    """The verb of the clause a token belongs to."""
    current = token
    for _ in range(40):
        if grammar.is_verb(current) and current.dep_ in _CLAUSE_DEPS | {"ROOT"}:
            return current
        if current.head.i == current.i:
            return current if grammar.is_verb(current) else None
        current = current.head
    return None


def ask(
    phrase: list[Token],
    wh: str,
    *,
    adjunct: bool,
    singular: bool = True,
    resolve: grammar.Resolver | None = None,
    summaries: Summaries | None = None,
) -> tuple[str, Token] | None:
    """The question asking for `phrase` in its clause, and the clause verb; None if unclear.

    `summaries` are lists of names a question may pass through as a count ("ten countries"):
    their first token's index -> (the index after the list, the words)."""
    if not phrase:
        return None
    inside = {t.i for t in phrase}
    top = min(phrase, key=lambda t: _depth(t))
    doc = top.doc
    before = doc[phrase[0].i - 1] if phrase[0].i > 0 else None
    after = doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(doc) else None
    if (before is not None and before.lower_ in {"and", "or"}) or (
        after is not None and after.lower_ in {"and", "or"} and after.head.i in inside
    ):
        return None
    if top.dep_ in {"conj", "appos"} or any(
        c.dep_ == "conj" and c.i not in inside for c in top.children
    ):
        return None  # one item of a list: the others would stay behind ("X and ?")
    if _modifies_a_noun(top, inside, wh):
        return None
    verb = governing_verb(top)
    if verb is None or verb.i in inside:
        return None
    removed = set(inside) | {t.i for t in top.subtree}
    preposition = top.head if top.dep_ == "pobj" and top.head.dep_ in {"prep", "agent"} else None
    if adjunct and preposition is not None:
        if _not_where(preposition, verb, wh):
            return None
        removed |= {t.i for t in preposition.subtree}
    summed = _clause_tokens(verb, removed, summaries)
    if summed is None:
        return None
    clause, texts = summed
    if any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} and t.i not in removed for t in clause):
        return None
    if _says_nothing(verb, clause, removed):
        return None
    subject = _subject(verb)
    is_subject = subject is not None and subject.i in removed
    if is_subject or (subject is None and top.i < verb.i and not adjunct):
        words = _in_place(clause, removed, wh, verb, singular, texts)
    else:
        if subject is None:
            return None
        if preposition is not None and not adjunct and preposition.i not in removed:
            if preposition.lower_ == "of" or preposition.head.i != verb.i:
                return None  # "control over X": a noun's preposition cannot lead the question
            removed |= {preposition.i}
            wh = f"{preposition.lower_} {_object_form(wh)}"
        words = _fronted(clause, removed, wh, verb, subject, resolve, texts)
        if words is None:
            return None
    text = _finish(" ".join(words))
    if text is None:
        return None
    return text, verb


_SAID_DEPS = frozenset({"dobj", "ccomp", "xcomp", "dative"})
# Longest reported clause a question keeps after its reporting verb.
_MAX_REPORT_WORDS = 14


def _short_report(verb: Token, clause: Token, tokens: set[int]) -> bool:
    """Whether a reporting verb's clause ("that the army would obey the orders") is short
    and plain enough to stay in the question (no quotation, no pronoun)."""
    if verb.lemma_ not in REPORTING_VERBS or clause.i < verb.i or len(tokens) > _MAX_REPORT_WORDS:
        return False
    words = [verb.doc[i] for i in sorted(tokens)]
    return not any(t.text in _QUOTE_MARKS or t.pos_ == "PRON" for t in words)


def _modifies_a_noun(top: Token, inside: set[int], wh: str) -> bool:
    """An amount that only describes a noun ("signed a $120 million loan agreement"): "How
    much has the government signed a loan agreement …?" asks something the text never says."""
    return (
        wh.split(" ", 1)[0] in {"How", "What"}
        and top.dep_ in grammar.NOUN_MODIFIER_DEPS
        and top.head.i not in inside
        and top.head.pos_ in {"NOUN", "PROPN"}
    )


def _says_nothing(verb: Token, clause: list[Token], removed: set[int]) -> bool:
    """A reporting verb whose report the question left out: "When did the agency report?",
    "Which organization reported in November?" (unless the answer is what was said)."""
    if verb.lemma_ not in REPORTING_VERBS:
        return False
    said = [c for c in verb.children if c.dep_ in _SAID_DEPS]
    if any(c.i < verb.i and c.dep_ == "ccomp" for c in said):
        return True  # "…, the Harbor News reported": a date in the report is not the report's date
    kept = {t.i for t in clause}
    return not any(c.i in kept or c.i in removed or c.i > verb.i for c in said)


def _not_where(preposition: Token, verb: Token, wh: str) -> bool:
    """ "his extradition from Westland", "aid to Westland": a place on a noun, after another
    preposition than "in"/"at", is not where the clause happened."""
    return (
        wh == "Where"
        and preposition.head.i != verb.i
        and preposition.lower_ not in grammar.PLACE_PREPOSITIONS
    )


def _finite_clause(verb: Token | None) -> Token | None:
    """The nearest clause with a finite verb: a participle or infinitive ("using 12 smart
    technologies") is asked inside the clause it hangs from."""
    for _ in range(6):
        if verb is None:
            return None
        if _is_finite(verb):
            return verb
        if verb.head.i == verb.i:
            return None
        verb = governing_verb(verb.head)
    return None


def _is_finite(verb: Token) -> bool:
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or grammar.active_conjunct(verb):
        return True
    return any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        for c in verb.children
    )


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.dep_ == "conj" and grammar.is_verb(verb.head):
        return _subject(verb.head)  # "X announced … and said …": the shared subject
    return None


# A list of names summed up in a question: first token -> (index after the list, words).
Summaries = Mapping[int, tuple[int, str]]


def _clause_tokens(
    verb: Token, keep: set[int], summaries: Summaries | None = None
) -> tuple[list[Token], dict[int, str]] | None:
    """The verb's own clause: its subtree without sub-clauses that hold no answer, and the
    words a summed-up list's first token stands for."""
    dropped: set[int] = set()
    for child in verb.children:
        sub = {t.i for t in child.subtree}
        if sub & keep:
            continue
        if child.dep_ == "ccomp" and _short_report(verb, child, sub):
            continue  # "stated that the army would obey …": what was said is the question
        if (
            child.dep_ in _DROPPED
            or (child.dep_ == "conj" and grammar.is_verb(child))
            or (child.dep_ == "prep" and any(_quoted(t) for t in child.subtree))
        ):
            dropped |= sub
    tokens = [t for t in verb.subtree if t.i not in dropped and not t.is_space]
    subject = _subject(verb)
    if subject is not None and subject.i not in {t.i for t in tokens}:
        # A conjunct verb borrows its subject: "… and said" -> "<subject> said".
        tokens = [*subject.subtree, *tokens]
    if verb.dep_ == "relcl":
        tokens = _resolve_relative(verb, tokens)
        if tokens is None:
            return None
    tokens = [t for t in tokens if t.text not in _QUOTE_MARKS or grammar.is_possessive_mark(t)]
    tokens = grammar.before_list(tokens, verb, keep)
    tokens = _without_bracketed_asides(tokens, keep)
    tokens, texts = _summed(tokens, keep, summaries or {})
    tokens = _compressed(tokens, verb, keep)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "mark"}):
        tokens = tokens[1:]
    while (
        tokens
        and tokens[-1].is_punct
        and tokens[-1].i not in keep
        and tokens[-1].text not in grammar.WORD_SIGNS
    ):
        tokens = tokens[:-1]
    return (tokens, texts) if tokens else None


def _without_bracketed_asides(tokens: list[Token], keep: set[int]) -> list[Token]:
    """The clause without bracketed asides of more than one word that hold no answer ("to be
    repaid in 35 years (with a grace period of five years)"); an acronym's brackets stay."""
    dropped: set[int] = set()
    doc = tokens[0].doc if tokens else None
    for token in tokens:
        if token.text != "(" or doc is None:
            continue
        close = next((t.i for t in doc[token.i + 1 : token.sent.end] if t.text == ")"), None)
        if close is None or close - token.i <= 2:
            continue
        inside = set(range(token.i, close + 1))
        if not inside & keep:
            dropped |= inside
    return [t for t in tokens if t.i not in dropped] if dropped else tokens


def _summed(
    tokens: list[Token], keep: set[int], summaries: Summaries
) -> tuple[list[Token], dict[int, str]]:
    """The clause with each whole list that holds no answer read as its count."""
    present = {t.i for t in tokens}
    texts: dict[int, str] = {}
    for start, (end, words) in summaries.items():
        inside = set(range(start, end))
        if inside <= present and not inside & keep:
            present -= inside - {start}
            texts[start] = words
    return [t for t in tokens if t.i in present], texts


# Dependents a long question may lose (the longest first) to fit in MAX_WORDS.
_OPTIONAL = frozenset({"prep", "appos", "relcl", "acl", "advmod", "npadvmod", "advcl"})
_COMFORTABLE = 24


def _compressed(tokens: list[Token], verb: Token, keep: set[int]) -> list[Token]:
    """Drop the longest optional phrases that hold no answer until the question is short."""
    present = {t.i for t in tokens}
    for _ in range(8):
        if len(present) <= _COMFORTABLE:
            break
        options = [
            t
            for t in tokens
            if t.i in present
            and t.dep_ in _OPTIONAL
            and t.i != verb.i
            and not ({s.i for s in t.subtree} & keep)
            and not (t.dep_ == "prep" and t.head.i == verb.i and _only_complement(verb, t))
        ]
        if not options:
            break
        longest = max(options, key=lambda t: len([s for s in t.subtree if s.i in present]))
        present -= {s.i for s in longest.subtree}
        if longest.i > 0 and longest.doc[longest.i - 1].text in _ASIDE_OPENERS:
            present.discard(longest.i - 1)  # the comma before a dropped aside
    return [t for t in tokens if t.i in present]


# Punctuation that opens an aside (never "%" or a closing bracket, which belong to a word).
_ASIDE_OPENERS = frozenset({",", ";", ":", "—", "–", "-", "("})


def _only_complement(verb: Token, prep: Token) -> bool:
    return (
        not any(c.dep_ in {"dobj", "attr", "oprd", "ccomp", "xcomp"} for c in verb.children)
        and sum(1 for c in verb.children if c.dep_ == "prep") == 1
    )


def _quoted(token: Token) -> bool:
    return token.text in _QUOTE_MARKS


def _resolve_relative(verb: Token, tokens: list[Token]) -> list[Token] | None:
    """ "officials, who were …" -> "officials were …": the relative word stands for its noun."""
    noun = verb.head
    relative = [t for t in tokens if t.lower_ in _RELATIVE and t.i < verb.i]
    if not relative:
        return None
    if noun.dep_ == "conj" or any(c.dep_ in {"cc", "conj"} for c in noun.children):
        return None  # "children and adults who …": which of them the clause is about is unclear
    antecedent = _antecedent(noun)
    if not antecedent or len(antecedent) > 8:
        return None
    word = relative[0]
    position = word.i
    preposition = word.head if word.dep_ == "pobj" and word.head.i == position - 1 else None
    if preposition is None and position > 0 and word.doc[position - 1].pos_ == "ADP":
        return None  # "seats for which result is …" misparsed: no clause to rebuild
    if preposition is not None and preposition.dep_ == "prep":
        # "seats for which result is revealed" -> "result is revealed for the seats": the
        # preposition and its noun close the clause instead of opening it.
        before = [t for t in tokens if t.i < preposition.i]
        after = [t for t in tokens if t.i > position]
        return [*before, *after, preposition, *antecedent]
    before = [t for t in tokens if t.i < position]
    after = [t for t in tokens if t.i > position]
    return [*before, *antecedent, *after]


def _antecedent(noun: Token) -> list[Token]:
    """The noun a relative clause hangs from, with its words before it ("the six officials")
    and the name or number after it ("Executive Order (E.O.) 14250")."""
    clauses = {t.i for c in noun.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    after = {
        t.i
        for c in noun.rights
        if c.dep_ in {"appos", "nummod", "compound"} and c.i < min(clauses, default=c.i + 1)
        for t in c.subtree
    }
    if noun.ent_type_ == "PERSON":
        after = set()  # "Rita Stone (Stone), who …": the short form adds nothing
    tokens = [
        t
        for t in noun.subtree
        if t.i not in clauses and (t.i <= noun.i or t.i in after) and t.text != ","
    ]
    if not grammar.brackets_balanced(tokens):
        tokens = [t for t in tokens if not t.is_punct]
    while tokens and tokens[-1].is_punct and tokens[-1].text != ")":
        tokens = tokens[:-1]
    return tokens


def _in_place(
    clause: list[Token],
    removed: set[int],
    wh: str,
    verb: Token,
    singular: bool,
    texts: Mapping[int, str] | None = None,
) -> list[str]:
    """The answer replaced where it stands (a subject: "Which department accused …")."""
    words: list[str] = []
    placed = False
    previous_removed = False
    for token in sorted(clause, key=lambda t: t.i):
        if token.i in removed:
            if not placed:
                words.append(wh if not words else wh[:1].lower() + wh[1:])
                placed = True
            previous_removed = True
            continue
        text = texts.get(token.i, token.text) if texts else token.text
        if previous_removed and singular and token.i == _first_verb_index(verb):
            text = _singular(token)
        if not words:
            text = grammar.decapitalize(token, text)
        words.append(text)
        previous_removed = False
    return words


def _first_verb_index(verb: Token) -> int:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    return auxes[0].i if auxes else verb.i


def _singular(token: Token) -> str:
    if token.lower_ in _SINGULAR_BE:
        return _SINGULAR_BE[token.lower_]
    if token.tag_ == "VBP":
        inflected = getInflection(token.lemma_, tag="VBZ")
        return inflected[0] if inflected else token.text
    return token.text


def _object_form(wh: str) -> str:
    low = wh[:1].lower() + wh[1:]
    return "whom" if low == "who" else low


def _fronted(
    clause: list[Token],
    removed: set[int],
    wh: str,
    verb: Token,
    subject: Token,
    resolve: grammar.Resolver | None = None,
    texts: Mapping[int, str] | None = None,
) -> list[str] | None:
    """ "When did the ABC. announce sanctions on six officials?" (do-support, inversion)."""
    subject_ids = {t.i for t in subject.subtree} - removed
    if verb.dep_ == "relcl" and subject.lower_ in _RELATIVE:
        # "students who had been imprisoned in May 2014": `_resolve_relative` put the noun
        # where "who" stood, so the noun is the subject to invert.
        subject_ids = {t.i for t in _antecedent(verb.head)} - removed
        subject = verb.head
    if verb.i in subject_ids or verb.i in removed:
        return None  # a misparse: the verb inside its own subject
    auxes = [
        c
        for c in verb.children
        if c.dep_ in {"aux", "auxpass"} and c.i < verb.i and c.i not in removed
    ]
    negation = any(c.dep_ == "neg" for c in verb.children)
    if negation:
        return None
    subject_text = grammar.render([t for t in clause if t.i in subject_ids], texts)
    if not subject_text:
        return None
    first = subject.doc[min(subject_ids)] if subject_ids else None
    if subject.pos_ == "PRON" and len(subject_ids) == 1:
        name = resolve(subject) if resolve is not None else None
        if name is None:
            return None
        subject_text = name  # "he" -> the one person the story just named
    elif first is not None:
        subject_text = grammar.decapitalize(first, subject_text)
    rest = [t for t in clause if t.i not in subject_ids and t.i not in removed]
    if auxes:
        operator = auxes[0]
        if operator.tag_ == "TO":
            return None  # "to be repaid": an infinitive has no operator to invert
        body = [t for t in rest if t.i != operator.i and not (t.i < operator.i and t.is_punct)]
        return [wh, operator.lower_, subject_text, grammar.render(body, texts).strip(" ,;:")]
    if verb.lemma_ == "be":
        body = [t for t in rest if t.i != verb.i]
        return [wh, verb.lower_, subject_text, grammar.render(body, texts)]
    do = grammar.DO_BY_TAG.get(verb.tag_)
    if do is None:
        return None
    before = [t for t in rest if t.i < verb.i]
    # A fronted phrase ("After the elections, …") goes after the verb; a lone adverb stays.
    kept = [t for t in before if t.dep_ in {"advmod", "neg"} and not list(t.children)]
    moved = [t for t in before if t not in kept and not t.is_punct]
    after = [t for t in rest if t.i > verb.i]
    words = [wh, do, subject_text]
    if kept:
        words.append(grammar.render(kept, texts))
    words.append(verb.lemma_.lower() if verb.pos_ == "VERB" else verb.lower_)
    if after:
        words.append(grammar.render(after, texts).rstrip(" ,;:"))
    if moved:
        words.append(grammar.decapitalize(moved[0], grammar.render(moved, texts)).rstrip(" ,;:"))
    return words


def _finish(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip()
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"(?<=s) ([’'])(?= )", r"\1", text)  # "countries ’ economic" -> "countries’"
    text = re.sub(r"([,;:])(\s*[,;:])+", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    # Tokens joined by spaces split hyphenated words ("state - owned"): join them again.
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
    if text.count("(") != text.count(")"):
        text = re.sub(r"\s*\([^()]*$", "", text)  # "… (TUV" cut by the answer: drop the aside
    text = text.strip(" ,;:-–—.")
    text = re.sub(r"(?:,?\s+(?:and|or|but))+$", "", text)  # a list or clause cut after "and"
    if not text:
        return None
    text = text[0].upper() + text[1:] + "?"
    count = len(text.split())
    return text if MIN_WORDS <= count <= MAX_WORDS else None


_ARTICLES = frozenset({"the", "a", "an"})


def _fronted_phrase(
    clause: list[Token],
    removed: set[int],
    wh: str,
    verb: Token,
    subject: Token,
    texts: Mapping[int, str] | None = None,
) -> tuple[str, Token] | None:
    """The question led by the fronted phrase that holds the answer, the clause inverted."""
    phrase = next(
        (
            child
            for child in verb.children
            if child.i < subject.i and child.dep_ in {"prep", "advcl"} and _ids(child) & removed
        ),
        None,
    )
    if phrase is None:
        return None
    own = _ids(phrase)
    lead: list[str] = []
    placed = False
    for token in clause:
        if token.i not in own:
            continue
        if token.i in removed:
            if not placed:
                lead.append(wh[:1].lower() + wh[1:])
                placed = True
            continue
        lead.append(token.text if lead else token.text[:1].upper() + token.text[1:])
    rest = [t for t in clause if t.i not in own and not (t.is_punct and t.i < subject.i)]
    words = _fronted(rest, set(), " ".join(lead), verb, subject, texts=texts)
    if words is None or not placed:
        return None
    text = _finish(" ".join(words))
    return None if text is None else (text, verb)


def _title_before(top: Token, inside: set[int]) -> Token | None:
    """The article of a title right before a name ("the late congressman" of "the late
    congressman Tom Roe"): asked in place, the title takes "which" and the name goes."""
    before = sorted(
        (t for t in top.subtree if t.i < min(inside) and t.i not in inside), key=lambda t: t.i
    )
    if len(before) < 2 or before[-1].i != min(inside) - 1:
        return None
    if before[-1].tag_ != "NN" or before[0].lower_ not in _ARTICLES:
        return None
    if any(t.is_punct or t.tag_ not in {"DT", "JJ", "NN", "NNP"} for t in before):
        return None
    return before[0]


def _ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _without_gap_commas(clause: list[Token], verb: Token) -> list[Token]:
    """A comma whose aside was dropped goes when the verb follows it: "Roe (Roe), who was
    named in May, is the head of …" reads "Roe (Roe) is the head of …"."""
    heads = {verb.i} | {c.i for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    kept: list[Token] = []
    for position, token in enumerate(clause):
        following = clause[position + 1] if position + 1 < len(clause) else None
        if (
            token.text == ","
            and following is not None
            and following.i in heads
            and following.i != token.i + 1
            and _in_aside(token.doc[token.i + 1], verb)
        ):
            continue
        kept.append(token)
    return kept


_ASIDE_DEPS = frozenset({"relcl", "acl", "appos", "advcl"})


def _in_aside(token: Token, verb: Token) -> bool:
    """Whether the token belongs to a relative clause, participle or apposition (below the
    verb's clause)."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in _ASIDE_DEPS:
            return True
        token = token.head
    return False


def ask_in_place(
    phrase: list[Token],
    wh: str,
    *,
    adjunct: bool,
    summaries: Summaries | None = None,
    resolve: grammar.Resolver | None = None,
) -> tuple[str, Token] | None:
    """The last resort: the clause with the answer replaced by the wh-phrase where it stands
    ("The officials sanctioned Monday are from the military and which company?")."""
    if not phrase:
        return None
    inside = {t.i for t in phrase}
    top = min(phrase, key=lambda t: _depth(t))
    verb = _finite_clause(governing_verb(top))
    if verb is None or verb.i in inside or _modifies_a_noun(top, inside, wh):
        return None
    removed = set(inside)
    if adjunct and top.dep_ == "pobj" and top.head.dep_ == "prep":
        if _not_where(top.head, verb, wh):
            return None
        removed |= {t.i for t in top.head.subtree}
    title = _title_before(top, inside) if wh == "Who" else None
    if title is not None:
        removed.add(title.i)  # "the late congressman Tom Roe" -> "which late congressman"
        wh = "Which"
    first = min(removed)
    if title is None and first > 1:
        article, before = top.doc[first - 1], top.doc[first - 2]
        if (
            article.dep_ == "det"
            and article.head.i in inside
            and article.lower_ in _ARTICLES
            and before.dep_ == "prep"
        ):
            removed.add(article.i)  # "out of the 436 seats" -> "out of how many seats"
    summed = _clause_tokens(verb, removed, summaries)
    if summed is None or not any(t.i in removed for t in summed[0]):
        return None
    clause, texts = summed
    if _says_nothing(verb, clause, removed):
        return None
    if clause[0].i == verb.i and clause[0].i not in removed:
        return None  # "Said Heath. Moor …, who?": an inverted clause reads as no question
    subject = _subject(verb)
    if subject is not None and min(removed) < subject.i and top.i not in _ids(subject):
        # "Under the terms of which treaty the city had 60 days …": the fronted phrase leads
        # and the clause after it is inverted ("… which treaty did the city have …?").
        return _fronted_phrase(clause, removed, wh, verb, subject, texts)
    clause = _without_gap_commas(clause, verb)
    low = wh[:1].lower() + wh[1:]
    words: list[str] = []
    placed = False
    speaker = _speaker(verb) if any(t.lower_ == "i" for t in clause) else None
    for token in clause:
        if token.i in removed:
            if not placed:
                words.append(low if words else wh)
                placed = True
            continue
        text = texts.get(token.i, token.text)
        if (
            resolve is not None
            and subject is not None
            and token.i == subject.i
            and token.pos_ == "PRON"
            and (name := resolve(token)) is not None
        ):
            text = name  # "He has worked with …" -> the one person the story just named
        elif token.lower_ == "i" and speaker is not None:
            text = speaker  # "'I am happy to announce …,' Roe said": the speaker
        elif token.lower_ == "am" and speaker is not None and words and words[-1] == speaker:
            text = "is"
        elif not words:
            text = grammar.decapitalize(token, text)
        words.append(text)
    text = _finish(" ".join(words))
    return None if text is None else (text, verb)


def _speaker(verb: Token) -> str | None:
    """The person a quotation's "I" stands for: the named subject of the sentence's reporting
    verb ("…,' said Dr. Jane Roe"), when the clause is inside the quotation."""
    if not grammar.in_quotation(verb):
        return None
    for token in verb.sent:
        if token.lemma_ not in REPORTING_VERBS or token.i == verb.i:
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.ent_type_ == "PERSON":
                words = [t for t in child.subtree if t.ent_type_ == "PERSON"]
                return grammar.render(words) if words else None
    return None
