"""The comparison key for answers: decides when two answers are the same answer."""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata

from rapidfuzz import fuzz
from text_to_num import alpha2digit, text2num

# Spellings of one country or body compared as one (applied after lower-casing, before
# punctuation is dropped).
_ALIASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bu\.\s?s\.\s?a\.?(?=\W|$)|\bu\.\s?s\.(?=\W|$)|\bunited states of america\b"),
        "united states",
    ),
    (
        re.compile(r"\bu\.\s?k\.(?=\W|$)|\bunited kingdom of great britain and northern ireland\b"),
        "united kingdom",
    ),
    (re.compile(r"\bu\.\s?n\.(?=\W|$)"), "united nations"),
    (re.compile(r"\bu\.\s?s\.\s?s\.\s?r\.(?=\W|$)"), "soviet union"),
    (re.compile(r"\be\.\s?u\.(?=\W|$)"), "european union"),
)
# Upper-case abbreviations that only mean a country when written in capitals ("US", "UK").
_CAPITAL_ALIASES = {"US": "united states", "USA": "united states", "UK": "united kingdom"}
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s|$|[^\w])")
_NUMBER_WITH_COMMAS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NON_WORD = re.compile(r"[^\w\s]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_SINGLE_NUMBER_WORD = re.compile(r"\b(?:one|zero)\b")
_DIGITS = re.compile(r"\d")
# Words that make a longer name a different thing, not a fuller form ("North Korea" vs "Korea").
_DISTINGUISHING_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "new",
        "old",
        "upper",
        "lower",
        "greater",
        "little",
        "former",
        "vice",
        "deputy",
        "assistant",
        "acting",
        "junior",
        "senior",
    }
)
# Small words an acronym leaves out ("EU" for "the European Union").
_ACRONYM_SKIPPED_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "to", "a", "an", "&"})
# Fuzzy matching catches misspellings of names, only for answers this long or longer.
_MIN_FUZZY_LENGTH = 6
_FUZZY_THRESHOLD = 88.0


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Return the comparison key of an answer (case, "the", possessives, "U.S.", number words)."""
    text = unicodedata.normalize("NFKC", text).strip()
    for short, long in _CAPITAL_ALIASES.items():
        text = re.sub(rf"\b{short}\b", long, text)
    text = text.lower().replace("’", "'").replace("‘", "'")
    for pattern, replacement in _ALIASES:
        text = pattern.sub(replacement, text)
    text = _POSSESSIVE.sub("", text)
    text = _NUMBER_WITH_COMMAS.sub("", text)
    text = text.replace("-", " ") if not _DIGITS.search(text) else text
    # text2num rejects some odd inputs; the words then stay words.
    with contextlib.suppress(Exception):
        text = alpha2digit(text, "en")
    text = _SINGLE_NUMBER_WORD.sub(lambda match: str(text2num(match.group(0), "en")), text)
    text = _NON_WORD.sub(" ", text)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def same_answer(first: str, second: str) -> bool:
    """Whether two answers name the same thing ("the U.S." and "United States", "Kim" and
    "Kim Jong Un")."""
    key_a, key_b = normalize(first), normalize(second)
    if not key_a or not key_b:
        return key_a == key_b
    if key_a == key_b:
        return True
    words_a, words_b = key_a.split(), key_b.split()
    if all(word.isdigit() for word in words_a + words_b):
        return False  # different numbers are different answers
    shorter, longer = sorted((words_a, words_b), key=len)
    if _is_fuller_form(shorter, longer) or _is_acronym_of(first, second):
        return True
    if _DIGITS.search(key_a) or _DIGITS.search(key_b):
        return False  # "80000" and "80001" look alike but differ
    if min(len(key_a), len(key_b)) < _MIN_FUZZY_LENGTH:
        return False
    return fuzz.ratio(key_a, key_b) >= _FUZZY_THRESHOLD


def _is_acronym_of(first: str, second: str) -> bool:
    """Whether one answer is the other's acronym ("EU" and "the European Union")."""
    for short, long in ((first, second), (second, first)):
        letters = short.replace(".", "").strip()
        if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
            initials = "".join(
                word[0]
                for word in re.findall(r"[A-Za-z][\w'’-]*", long)
                if word.lower() not in _ACRONYM_SKIPPED_WORDS
            )
            if initials.upper() == letters:
                return True
    return False


def _is_fuller_form(shorter: list[str], longer: list[str]) -> bool:
    """Whether `longer` is `shorter` with words added before or after ("Tom Malinowski")."""
    if len(shorter) == len(longer):
        return False
    if longer[: len(shorter)] == shorter:
        extra = longer[len(shorter) :]
    elif longer[-len(shorter) :] == shorter:
        extra = longer[: -len(shorter)]
    else:
        return False
    return not any(word in _DISTINGUISHING_WORDS for word in extra)
