"""The filters every candidate question passes: self-contained, answerable, not a duplicate."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz

from quizapp.generation.normalize import normalize
from quizapp.generation.question_filter import abbreviations
from quizapp.generation.types import Candidate, ParsedArticle
from quizapp.generation.words import (
    DEMONSTRATIVES,
    FIRST_AND_SECOND_PERSON_PRONOUNS,
    OWNER_POSSESSIVES,
    PRONOUNS,
)

MAX_QUESTION_WORDS = 30
# Questions this similar (rapidfuzz token-set ratio, 0-100) ask the same thing twice.
SIMILAR_QUESTION_RATIO = 90.0

# A pronoun outside quotation marks refers to something the question does not name ("that"
# mostly opens a clause; "I" and "you" only occur inside quotations).
UNRESOLVED_PRONOUNS = PRONOUNS - FIRST_AND_SECOND_PERSON_PRONOUNS - {"that"}
# A possessive needs an antecedent before it: the wh-word and at least one more word.
_MIN_WORDS_BEFORE_POSSESSIVE = 2
# Words after "her" that show it is an object pronoun, not a possessive ("told her to ...").
_NOT_A_NOUN = frozenset({"to", "and", "or", "of", "in", "on", "at", "for", "with", "that", "as"})
# Demonstratives that point at the reporting date, not back into the text ("this week").
_DEMONSTRATIVES = DEMONSTRATIVES - {"that"}
_TIME_NOUNS = frozenset(
    {"week", "weeks", "month", "months", "year", "years", "weekend", "morning", "afternoon"}
    | {"evening", "spring", "summer", "fall", "autumn", "winter", "season", "quarter", "decade"}
)
# Answers that are only a pronoun (or a word standing for nobody in particular).
PRONOUN_ANSWERS = PRONOUNS | frozenset(
    {"one", "someone", "somebody", "anyone", "everyone", "who", "whom", "which", "what"}
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Answers of these types are verdicts, not spans of the text.
_VERDICT_TYPES = frozenset({"true_false"})
_BRACKETS = {"(": ")", "[": "]"}
# Question types whose answer names somebody or something: never digits alone.
_NAMED_TYPES = frozenset({"who", "quote", "which_org", "which_law", "where"})
# What an answer may start with besides a letter or digit: a currency sign, a quotation mark.
_ANSWER_OPENERS = frozenset("$£€¥\"“‘'")
_OPEN_ONE_WORD_ASIDE = re.compile(r"\(([A-Z][A-Z0-9.&-]+) (?![^(]*\))")
_LEADING_PUNCTUATION = ",;:–— "
# True/false statements a quiz keeps even when they restate other questions' answers.
MIN_STATEMENTS = 2
# Answers shorter than this recur by chance ("DEF" aside, two letters say little).
_MIN_TELLING_ANSWER = 3
_LARGE_NUMBER = re.compile(r"\d{3}")
# Name words shorter than this are too common to give a person's answer away ("Al", "Li").
_MIN_NAME_WORD = 3


def rejection_reason(candidate: Candidate, article: ParsedArticle) -> str | None:
    """Why a candidate fails the quality bar, or None when it passes."""
    question, answer = candidate.question.strip(), candidate.answer.strip()
    if not question or not answer:
        return "empty question or answer"
    if candidate.type in _VERDICT_TYPES:
        if not question.endswith("."):
            return "statement does not end with a full stop"
    elif not question.endswith("?"):
        return "question does not end with a question mark"
    if len(question.split()) > MAX_QUESTION_WORDS:
        return f"question longer than {MAX_QUESTION_WORDS} words"
    if has_unresolved_pronoun(question):
        return "question has an unresolved pronoun"
    if _ORDER_WITHOUT_NUMBER.search(question):
        return "an executive order named without its number"  # "Which law does E.O. implement?"
    if _joins_sentences(question):
        return "a sentence's full stop inside the question"  # "… paid to DoF. of the total …"
    if not balanced(question) or not balanced(answer):
        return "a bracket opened or closed without its pair"  # "(HU won?", "HU) or Westland"
    if candidate.type in _VERDICT_TYPES:
        return None
    if not (answer[:1].isalnum() or answer[:1] in _ANSWER_OPENERS):
        return "answer starts with punctuation"  # ", 2022": a cut-off span
    if candidate.type in _NAMED_TYPES and not any(character.isalpha() for character in answer):
        return "a number asked as a name"  # "Which law is … made under? -> 2022"
    if answer.lower() in PRONOUN_ANSWERS:
        return "answer is only a pronoun"
    if candidate.type != "who" and _asks_what_a_person_is(question, article):
        return "a person's title asked as a thing"  # "Which organization is Ana Lima?"
    if answer not in article.text:
        return "answer is not a span of the cleaned text"
    if contains_answer(question, answer, candidate.kind):
        return "question contains its answer"
    return None


_WHICH_IS = re.compile(
    r"^(?:Which|What) (?:\w+ )?(?:is|was) (?P<subject>[^?]+?)(?: \([^()]*\))?\?$"
)


def _asks_what_a_person_is(question: str, article: ParsedArticle) -> bool:
    """ "Which organization is Ana Lima (Lima)?": the answer would be her title, not a thing."""
    found = _WHICH_IS.match(question)
    if found is None:
        return False
    return article.kind_of(found.group("subject")) == "PERSON"


_ORDER_WITHOUT_NUMBER = re.compile(r"\b(?:Executive Order|E\.O\.)(?!\s*(?:[()]|No\.|\d))")
_STOP_THEN_LOWER = re.compile(r"\b([A-Za-z]{2,}\.) (?=[a-z])")


def _joins_sentences(question: str) -> bool:
    """Whether a word ends with a full stop that is no abbreviation the tokenizer knows and
    the question goes on in lower case: the end of one sentence glued to the next."""
    known = abbreviations()
    return any(
        word not in known and word.lower() not in known
        for word in _STOP_THEN_LOWER.findall(_QUOTED.sub(" ", question))
    )


def balanced(text: str) -> bool:
    """Whether every bracket in the text is closed, in order ("(a)(3)(C)" is; "(HPA" is not)."""
    depth = {opening: 0 for opening in _BRACKETS}
    closing_of = {closing: opening for opening, closing in _BRACKETS.items()}
    for character in text:
        if character in depth:
            depth[character] += 1
        elif character in closing_of:
            opening = closing_of[character]
            if depth[opening] == 0:
                return False
            depth[opening] -= 1
    return not any(depth.values())


def _repaired(candidate: Candidate) -> Candidate:
    """The candidate with its question's open acronym aside closed, and its answer's span
    mended where a parse cut it badly: cut before a bracket it opens and never closes (an
    entity span often stops inside "Harbor Permits Agency (HPA)" at "(HPA"),
    without the punctuation it starts with (", 2022")."""
    question = _closed_aside(candidate.question.strip())
    if question != candidate.question.strip():
        candidate = replace(candidate, question=question)
    answer = candidate.answer.strip()
    mended = answer
    if not balanced(mended) and "(" in mended:
        mended = mended[: mended.rfind("(")].rstrip(" ,")
    mended = mended.lstrip(_LEADING_PUNCTUATION)
    if mended == answer or not mended or not balanced(mended):
        return candidate
    return replace(candidate, answer=mended)


def _closed_aside(question: str) -> str:
    """An acronym aside the wording left open closed again: "… Movement (HM won?" reads
    "… Movement (HM) won?"."""
    if balanced(question):
        return question
    mended = _OPEN_ONE_WORD_ASIDE.sub(r"(\1) ", question, count=1)
    return mended if balanced(mended) else question


def has_unresolved_pronoun(question: str) -> bool:
    """Whether a pronoun outside quotation marks stands for something the question never names.

    A possessive after the question's own subject is bound to it ("When did Costa Rica
    abolish its army?", "How many homes lost their roofs?") and is allowed.
    """
    words = _WORD.findall(_QUOTED.sub(" ", question))
    for index, word in enumerate(words):
        lower = word.lower()
        if lower not in UNRESOLVED_PRONOUNS or (word.isupper() and len(word) > 1):
            continue  # "GHI", "IT": an acronym, not a pronoun
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        if lower in _DEMONSTRATIVES and following in _TIME_NOUNS:
            continue
        if (
            lower in OWNER_POSSESSIVES
            and index >= _MIN_WORDS_BEFORE_POSSESSIVE
            and following
            and following not in _NOT_A_NOUN
        ):
            continue
        return True
    return False


def contains_answer(question: str, answer: str, kind: str = "") -> bool:
    """Whether the question gives its answer away (after normalising both)."""
    key, text = normalize(answer), normalize(question)
    # Normalised texts are words between single spaces: compare whole words, no regex.
    if key and _states(text, key):
        return True
    if kind == "PERSON":
        # Any part of a person's name in the question betrays the person ("Wren").
        question_words = set(text.split())
        return any(
            len(word) >= _MIN_NAME_WORD and word in question_words
            for word in normalize(answer).split()
        )
    return False


def filter_candidates(candidates: Iterable[Candidate], article: ParsedArticle) -> list[Candidate]:
    """Keep the candidates that pass the quality bar, one per fact, in their original order."""
    passing = [
        candidate
        for candidate in map(_repaired, candidates)
        if rejection_reason(candidate, article) is None
    ]
    # Most confident first, then generator order: the kept twin of a duplicate is the best one.
    ordered = sorted(range(len(passing)), key=lambda index: (-passing[index].confidence, index))
    kept: list[int] = []
    facts: set[tuple[str, str]] = set()
    asked: set[str] = set()
    for index in ordered:
        candidate = passing[index]
        # "Stone" and "Rita Stone" from one sentence are one fact.
        fact = (normalize(article.full_name(candidate.answer)), candidate.evidence.strip())
        # The same question for "by June 30" and "June 30" asks one thing twice.
        text = " ".join(candidate.question.lower().split()) + " | " + _bare_answer(candidate)
        if (
            fact in facts
            or text in asked
            or any(_same_question(candidate, passing[other], article) for other in kept)
        ):
            continue
        facts.add(fact)
        asked.add(text)
        kept.append(index)
    return [passing[index] for index in sorted(kept)]


_LEADING_PREPOSITIONS = frozenset({"by", "on", "in", "at", "since", "from", "until"})


def _bare_answer(candidate: Candidate) -> str:
    """The answer's key without a leading preposition."""
    words = normalize(candidate.answer).split()
    while len(words) > 1 and words[0] in _LEADING_PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


def _same_question(first: Candidate, second: Candidate, article: ParsedArticle) -> bool:
    """Whether two candidates ask near-identical questions with the same answer (a surname
    and the full name are one answer)."""
    if first.type == "true_false" or second.type == "true_false":
        # A statement and its false twin read alike but test different facts.
        return first.question == second.question
    # The cheap answer test first: the fuzzy ratio only matters for the same answer.
    if normalize(article.full_name(first.answer)) != normalize(article.full_name(second.answer)):
        return False
    return fuzz.token_set_ratio(first.question, second.question) >= SIMILAR_QUESTION_RATIO


def drop_giveaway_statements(candidates: list[Candidate]) -> list[Candidate]:
    """Drop true/false statements that state the answer of another question of the quiz.

    A statement restates a whole sentence: "XYZ astronaut Brook Shore is commanding the
    mission" answers "Who is commanding the mission?" for a student who reads both. The
    other question tests the fact directly, so the statement goes.
    """
    answers = {
        key
        for candidate in candidates
        if candidate.type not in _VERDICT_TYPES
        and (key := normalize(candidate.answer))
        and is_telling_answer(key, candidate.type)
    }
    leaks = {
        index: sum(_states(normalize(candidate.question), answer) for answer in answers)
        for index, candidate in enumerate(candidates)
        if candidate.type in _VERDICT_TYPES
    }
    kept = {index for index, count in leaks.items() if count == 0}
    # A quiz keeps a few statements even when every sentence is asked about otherwise: those
    # that give the fewest answers away (the ranking then places them after those questions).
    spare = sorted(
        (index for index in leaks if index not in kept),
        key=lambda index: (leaks[index], -candidates[index].confidence, index),
    )
    kept.update(spare[: max(MIN_STATEMENTS - len(kept), 0)])
    return [
        candidate
        for index, candidate in enumerate(candidates)
        if candidate.type not in _VERDICT_TYPES or index in kept
    ]


def is_telling_answer(key: str, question_type: str) -> bool:
    """Whether an answer key seen in another question gives that answer away ("907",
    "Banks Robin Hart"; not a small count like "2", which recurs by chance)."""
    if len(key) < _MIN_TELLING_ANSWER:
        return False
    return not (question_type == "how_many" and not _LARGE_NUMBER.search(key))


def _states(text_key: str, answer_key: str) -> bool:
    """Whether a normalised text contains a normalised answer as whole words."""
    return f" {answer_key} " in f" {text_key} "
