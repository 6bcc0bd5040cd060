"""The last filter: candidate questions parsed with the article's own pipeline, in batches.

A question in the ranked list is kept only when its parse reads as a question: a finite verb,
no preposition doubled ("on on"), no cut-off end ("… and?"), no bare demonstrative pointing
back into the article ("these designations"), no first-person pronoun outside a quotation, no
semicolon list, at most 30 words. Only the part of the list that can be returned is parsed (it
is cut at the question cap anyway), every generator's questions alike; true/false statements
pass their own rules. Batches go through `nlp.pipe`, tagging only (the checks read
fine-grained tags), so the filter costs a fraction of the article's parse.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from spacy.tokens import Doc, Token

from quizapp.generation.nlp import load_nlp
from quizapp.generation.parsing import retokenized
from quizapp.generation.words import DEMONSTRATIVES

T = TypeVar("T")

MAX_WORDS = 30
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_VERB_TAGS = _FINITE_TAGS | {"VB", "VBN", "VBG"}
# Pipes the checks do not need: they read the tagger's fine-grained tags only, which keeps the
# filter at a fraction of the article's parse.
_SKIPPED_PIPES = ("parser", "attribute_ruler", "lemmatizer", "ner")
_BATCH_EXTRA = 8
# A number and a lone capital letter, what is left of "(a)(3)(C)" once its brackets went.
_CUT_REFERENCE = re.compile(r"\b\d+ [A-Z](?=[ ?])")
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_BARE_DEMONSTRATIVES = DEMONSTRATIVES - {"that"}
_TIME_NOUNS = frozenset({"week", "month", "year", "morning", "evening", "time", "weekend"})
_TIME_PLURALS = frozenset({"days", "weeks", "months", "years", "times", "hours", "day"})
_WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "how"})
# Wh-words that stand alone (no noun after them): in place, only at the end of a question.
_ADVERB_WH = frozenset({"who", "whom", "when", "where"})
# Wh-words that open a question about an object ("Which law did … sign?").
_OBJECT_WH = frozenset({"which", "what", "who", "whom", "how"})
_OPERATORS = frozenset({"do", "does", "did", "has", "have", "had", "will", "would", "can", "could"})
_MAX_COMMAS = 2
_WORD_WITH_STOP = re.compile(r"[A-Za-z]{2,}\.")
_SAY = frozenset({"say", "says", "said"})
_FUNCTION_TAGS = frozenset({"RB", "IN", "MD", "CC", "VB", "VBD", "VBP", "VBZ", "VBG", "VBN"})
_SUBJECT_START_TAGS = frozenset({"DT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "CD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_OBJECT_START_TAGS = frozenset({"DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "VBN"})


def rejection(doc: Doc) -> str | None:
    """Why a parsed question (not a true/false statement) is no clean question, or None."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) > MAX_WORDS:
        return "over 30 words"
    if ";" in doc.text:
        return "a list or second clause after a semicolon"
    if not any(t.tag_ in _FINITE_TAGS for t in doc):
        return "no finite verb"
    for left, right in itertools.pairwise(doc):
        if {left.tag_, right.tag_} <= {"IN", "RP"} and left.lower_ == right.lower_:
            return "doubled preposition"
    if _CUT_REFERENCE.search(doc.text):
        return "pieces of a cut reference"  # "… a 3 C of which law …" from "212(a)(3)(C)"
    lowered = [t.lower_ for t in doc if not t.is_punct]
    if any(lowered[i : i + 2] == lowered[i + 2 : i + 4] for i in range(len(lowered) - 3)):
        return "repeated words"  # "… be read a press release press release?"
    quoted = False
    for token, following in itertools.pairwise(doc):
        if token.text in {"“", "”", '"'}:
            quoted = token.text != "”" and not (token.text == '"' and quoted)
            continue
        demonstrative = token.lower_ in _BARE_DEMONSTRATIVES or (
            token.lower_ == "that" and token.tag_ == "DT"  # "that request", not "said that"
        )
        if (
            not quoted
            and demonstrative
            and following.tag_.startswith("NN")
            and following.lower_ not in _TIME_NOUNS
        ):
            return "bare demonstrative"
    if not quoted_spans(doc) and any(
        t.lower_ in _FIRST_PERSON for t in doc if t.tag_.startswith("PRP")
    ):
        return "first-person pronoun outside a quotation"
    last = words[-1] if words else None
    if last is not None and last.lower_ in {"the", "a", "an", "and", "or", "of"}:
        return "cut-off question"
    if words and (
        (words[0].tag_ in _VERB_TAGS and not _fronted_participle(words)) or words[0].lower_ == "aka"
    ):
        return "no subject"  # "Will have an interest rate of what percentage …?"
    first_comma = next((t for t in doc if t.text == ","), None)
    if first_comma is not None and 1 < first_comma.i < len(doc) - 1:
        before, after = doc[first_comma.i - 1], doc[first_comma.i + 1]
        if (
            after.tag_ in _FINITE_TAGS
            and not any(t.tag_ in _FINITE_TAGS for t in doc[: first_comma.i])
            and (before.text == ")" or (before.tag_ in _NOUN_TAGS and before.text != "%"))
        ):
            return "a comma between subject and verb"  # "Rita Stone, said in …?"
    return (
        _no_wh_word(doc)
        or _objectless_preposition(doc)
        or _misplaced_wh(doc)
        or _second_object(doc)
        or _stray_capital(doc)
        or _inner_full_stop(doc)
        or _reported_object(doc)
    )


# Prepositions that never stand before another one ("related to in total" lost its object);
# "out of", "because of", "from within" and the like start with other words.
_BARE_BEFORE_PREPOSITION = frozenset({"to", "for", "with", "by", "at", "on", "about", "into"})
_ADJUNCT_PREPOSITIONS = frozenset({"in", "on", "at", "for", "by", "with", "from", "during"})
# Words tagged IN that open a clause, not a prepositional phrase ("whether or not").
_COMPLEMENTIZERS = frozenset({"whether", "if", "that", "because", "than", "as", "while"})


def _objectless_preposition(doc: Doc) -> str | None:
    """A preposition whose object the wording dropped: before a comma or a conjunction
    ("responsible for, or complicit?", "within or transiting?") or before another
    preposition ("related to in total?")."""
    quoted = _quoted(list(doc))
    for token, following in itertools.pairwise(doc):
        if token.tag_ not in {"IN", "TO"} or token.i in quoted:
            continue
        if token.lower_ in _COMPLEMENTIZERS:
            continue
        if following.text == "," or following.tag_ == "CC":
            return "a preposition without its object"
        if token.lower_ in _BARE_BEFORE_PREPOSITION and following.lower_ in _ADJUNCT_PREPOSITIONS:
            return "a preposition without its object"
    return None


def _inner_full_stop(doc: Doc) -> str | None:
    """A word with a full stop the tokenizer knows as no abbreviation, with the question going
    on in lower case ("… be paid DoF. of the total …"): two sentences joined into one."""
    known = abbreviations()
    for token, following in itertools.pairwise(doc):
        if (
            _WORD_WITH_STOP.fullmatch(token.text)
            and token.text not in known
            and token.text.lower() not in known
            and following.is_lower
        ):
            return "a full stop inside the question"
    return None


def _reported_object(doc: Doc) -> str | None:
    """ "Which organization does the chief executive say?": a name is no thing one says."""
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) > 2 and words[-1].lower_ in _SAY and words[0].lower_ != "who":
        return "a name asked as what somebody says"
    return None


@functools.cache
def abbreviations() -> frozenset[str]:
    """The tokenizer's own abbreviations ("Dr.", "Inc.", "Gov.")."""
    return frozenset(key for key in load_nlp().tokenizer.rules if key.endswith("."))


def _no_wh_word(doc: Doc) -> str | None:
    """A question must ask something: a wh-word outside the quotation (the wording may have
    removed a bracketed alias and asked nothing); asked in place, not inside a long list."""
    tokens = [t for t in doc if not t.is_space]
    quoted = _quoted(tokens)
    outside = [t for index, t in enumerate(tokens) if index not in quoted]
    if not any(t.lower_ in _WH_WORDS for t in outside):
        return "no wh-word"
    asked_in_place = not (outside and outside[0].lower_ in _WH_WORDS)
    if asked_in_place and sum(1 for t in outside if t.text == ",") > _MAX_COMMAS:
        return "a list of more than three items to read through"  # "A, B, which C, and D …?"
    return None


def _stray_capital(doc: Doc) -> str | None:
    """A function word capitalized inside the question and followed by a common word, as
    when a sentence's start was joined on ("… of State Also announce …", "… As a result …").
    In a name the next word is capitalized too ("… Adversaries Through Sanctions Act")."""
    tokens = [t for t in doc if not t.is_space]
    quoted = _quoted(tokens)
    for index in range(1, len(tokens) - 1):
        token, previous, following = tokens[index], tokens[index - 1], tokens[index + 1]
        if (
            index not in quoted
            and token.is_title
            and token.tag_ in _FUNCTION_TAGS
            and previous.text not in {":", "“", '"', "(", "—", "–"}
            and following.is_lower
        ):
            return "a capitalized word inside the question"
    return None


def _fronted_participle(words: list[Token]) -> bool:
    """ "According to which …", "Building upon which law did …": a participle leading the
    wh-phrase, before the inverted clause and its subject."""
    return (
        words[0].tag_ == "VBG"
        and len(words) > 2
        and words[1].tag_ in {"IN", "TO", "RP"}
        and any(t.lower_ in _WH_WORDS for t in words[1:4])
    )


def _misplaced_wh(doc: Doc) -> str | None:
    """A wh-word the transformation put where English cannot have it: "when's crisis",
    "who policy", "the which law", an in-place "who" or "when" with words after it."""
    tokens = [t for t in doc if not t.is_space]
    quoted = _quoted(tokens)
    # "How many firefighters were hurt when a tree fell?": after a fronted wh-phrase a
    # later "when" or "who" joins a clause; it is no second, in-place wh-word.
    fronted = next((i for i, t in enumerate(tokens[:3]) if t.lower_ in _WH_WORDS), None)
    for index, token in enumerate(tokens):
        if token.lower_ not in _WH_WORDS or index in quoted:
            continue
        if (
            fronted is not None
            and index > fronted + 1
            and token.lower_ in {"when", "who"}
            and any(not t.is_punct for t in tokens[index + 1 :])
        ):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        previous = tokens[index - 1] if index > 0 else None
        if following is not None and following.lower_ in {"'s", "’s"}:
            return "possessive of a wh-word"
        if (
            token.lower_ in {"who", "whom"}
            and following is not None
            and following.tag_ in _NOUN_TAGS
        ):
            return "who before a noun"
        if previous is not None and previous.tag_ in {"DT", "PRP$"}:
            return "determiner before a wh-word"
        in_place = index > 0 and not (index == 1 and previous is not None and previous.tag_ == "IN")
        if not in_place:
            continue
        rest = [t for t in tokens[index + 1 :] if not t.is_punct]
        # After a verb or preposition it is the answer's slot ("including who (Mr.) have …");
        # after a noun it may be a relative pronoun ("the official who signed …").
        if (
            token.lower_ in _ADVERB_WH
            and rest
            and previous is not None
            and (previous.tag_.startswith("VB") or previous.tag_ == "IN" or token.lower_ == "when")
        ):
            return "in-place wh-word with words after it"  # "A court when recommended …?"
        if token.lower_ == "when":
            return "in-place when"  # "… spending bills when?": the moved form asks it well
        if token.lower_ in {"who", "whom"} and not rest and _tag(previous) in _NOUN_TAGS:
            return "in-place who after a noun"  # "… is the leader of the country who?"
        if (following is not None and following.text in {",", "(", "["}) or (
            previous is not None and previous.text in {"(", "[", ":"}
        ):
            return "in-place wh-word inside a list or parenthesis"
    return None


def _tag(token: Token | None) -> str:
    return "" if token is None else token.tag_


def _quoted(tokens: Sequence[Token]) -> set[int]:
    """Indices of the tokens inside quotation marks (the article's words, not the question's)."""
    inside: set[int] = set()
    open_quote = False
    for index, token in enumerate(tokens):
        if token.text in {"“", "”", '"'}:
            open_quote = token.text == "“" or (token.text == '"' and not open_quote)
            continue
        if open_quote:
            inside.add(index)
    return inside


def _second_object(doc: Doc) -> str | None:
    """A fronted wh-object whose verb still has an object: "Which organization did the
    actions undermine the stability of …?" (the answer's slot is taken twice). Read up to
    the first comma; a time phrase ("each month"), an infinitive's object ("have 30 days to
    declare the result") and a second object that is a name ("How much has the city paid
    Acme?") are no second object."""
    tokens = [t for t in doc if not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 4 or words[0].lower_ not in _OBJECT_WH or words[-1].tag_ in {"IN", "RP", "TO"}:
        return None
    if words[0].lower_ == "how" and words[2].lower_ in _TIME_NOUNS | _TIME_PLURALS:
        return None  # "How many times did …": an adverbial, not an object
    operator = next((t for t in words[1:4] if t.lower_ in _OPERATORS), None)
    if operator is None:
        return None
    clause = list(itertools.takewhile(lambda t: t.text != ",", tokens[operator.i + 1 :]))
    following = next((t for t in clause if t.tag_ != "RB"), None)
    if following is None or following.tag_ not in _SUBJECT_START_TAGS:
        return None  # no subject after the operator ("Which country had up to …"): the
        # wh-phrase is the subject and the verb's object is its own
    verbs = [
        index
        for index, t in enumerate(clause)
        if index > 0
        and t.tag_ in {"VB", "VBN"}
        and t.lower_ not in {"be", "been"}
        and clause[index - 1].tag_ != "TO"
    ]
    if not verbs:
        return None
    after = [t for t in clause[verbs[0] + 1 :] if not t.is_punct]
    if after and after[0].tag_ == "RB" and len(after) > 1:
        after = after[1:]
    if not after or after[0].tag_ not in _OBJECT_START_TAGS:
        return None
    if any(t.lower_ in _TIME_NOUNS | _TIME_PLURALS for t in after[:3]):
        return None  # "… add last month", "… serve each month"
    if all(t.tag_ in {"NNP", "NNPS"} for t in after):
        return None  # a name as the second object of "pay", "give", "send"
    return "a second object after a fronted wh-object"


def keep_clean(
    items: Sequence[T],
    question: Callable[[T], str],
    trusted: Callable[[T], bool],
    limit: int,
) -> list[T]:
    """The first `limit` items, in order, that are `trusted` or whose question passes
    `rejection` (only the others are tagged)."""
    kept: list[T] = []
    position = 0
    while len(kept) < limit and position < len(items):
        size = limit - len(kept) + _BATCH_EXTRA
        batch = items[position : position + size]
        position += len(batch)
        asked = [item for item in batch if not trusted(item)]
        docs = iter(_parse([question(item) for item in asked]))
        for item in batch:
            if trusted(item) or rejection(next(docs)) is None:
                kept.append(item)
                if len(kept) >= limit:
                    break
    return kept


def _parse(texts: list[str]) -> Iterator[Doc]:
    nlp = load_nlp()
    disabled = [name for name in _SKIPPED_PIPES if name in nlp.pipe_names]
    # Tokenized as the article was (a split "re - designate" misparses the question).
    docs = (retokenized(nlp.make_doc(text)) for text in texts)
    return nlp.pipe(docs, disable=disabled, batch_size=64)


def quoted_spans(doc: Doc) -> bool:
    """Whether the question quotes the article (a quotation may say "we")."""
    return any(t.text in {"“", '"'} for t in doc)
