"""The comparison key for answers: decides when two answers are the same answer."""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from decimal import Decimal

from babel import Locale
from rapidfuzz import fuzz
from text_to_num import alpha2digit, text2num

from quizapp.generation.words import MONTH_KEYS

# Country names from the CLDR data Babel ships (no place names written out here).
_TERRITORIES = Locale("en").territories
_STATES, _KINGDOM, _UNION = (_TERRITORIES[code.upper()].lower() for code in ("us", "gb", "eu"))
# Spellings of one country or body compared as one (applied after lower-casing, before
# punctuation is dropped).
_ALIASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bu\.\s?s\.\s?a\.?(?=\W|$)|\bu\.\s?s\.(?=\W|$)"), _STATES),
    (
        re.compile(r"\bu\.\s?k\.(?=\W|$)|\bunited kingdom of great britain and northern ireland\b"),
        _KINGDOM,
    ),
    (re.compile(r"\bu\.\s?n\.(?=\W|$)"), "united nations"),
    (re.compile(r"\bu\.\s?s\.\s?s\.\s?r\.(?=\W|$)"), "soviet union"),
    (re.compile(r"\be\.\s?u\.(?=\W|$)"), _UNION),
)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()).upper()


# Upper-case abbreviations that only mean a country when written in capitals: a two-word
# "United …" or "European …" country or body whose code is its initials, and the United
# Kingdom's "UK" (code GB).
_CAPITAL_ALIASES = {
    _initials(name): name.lower()
    for code, name in _TERRITORIES.items()
    if len(name.split()) == 2
    and name.split()[0] in {"United", "European"}  # not "AS", "PR", "SA": words in capitals
    and code in {_initials(name), "GB"}
}
_CAPITAL_ALIAS = re.compile(r"\b(?:" + "|".join(sorted(_CAPITAL_ALIASES)) + r")\b")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s|$|[^\w])")
_NUMBER_WITH_COMMAS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# Punctuation, except a decimal point between digits ("3.5" keeps its point): other marks
# first, then the full stops that are not decimal points.
_NON_WORD = re.compile(r"[^\w\s.]+")
_NON_DECIMAL_POINT = re.compile(r"(?<!\d)\.|\.(?!\d)")
# "%", "per cent" and "percent" are one word ("5.25%" is "5.25 percent").
_PERCENT_SIGN = re.compile(r"\s*%")
_PER_CENT = re.compile(r"\bper\s+cent\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_SINGLE_NUMBER_WORD = re.compile(r"\b(?:one|zero)\b")
_DIGITS = re.compile(r"\d")
# Words that make a longer name a different thing, not a fuller form ("Finch Lark" vs "Lark").
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
# Words naming a class of thing, not one thing: alone they are no short form of a name ("Ash"
# is not "the Fox Wolf Bear Ash"), and a name ending in one is a different thing from its
# first words ("Ford" is not "Ford Birch Elm").
_CLASS_WORDS = frozenset(
    {
        "act", "law", "code", "bill", "order", "section", "amendment", "treaty", "accord",
        "state", "states", "department", "ministry", "agency", "office", "bureau", "service",
        "administration", "commission", "committee", "council", "court", "university",
        "college", "school", "institute", "center", "centre", "hospital", "company", "group",
        "association", "organization", "foundation", "fund", "bank", "party", "union",
        "program", "programme", "authority", "county", "district", "city", "province",
        "region", "republic", "government", "station", "base", "airport", "port", "river",
        "island", "islands", "mountains", "club", "team", "corporation", "inc", "co", "ltd",
        "board", "force", "forces", "army", "police", "guard", "list",
    }
)  # fmt: skip
# Body names that stand for the whole body before "of" ("House" is "the ABC. House of
# Representatives"): only when the shorter answer is not a class word.
_NAME_CONTINUATION = "of"
# Months: a date with more words is a different date ("May" is not "May 8").
_MONTH_WORDS = MONTH_KEYS
# Words that qualify a number or a date without changing it ("by 2030", "at least 47").
_QUALIFIER_WORDS = frozenset(
    {
        "by", "in", "on", "at", "since", "until", "till", "through", "before", "after",
        "around", "about", "nearly", "almost", "roughly", "approximately", "some", "least",
        "most", "more", "than", "over", "under", "up", "to", "fewer", "less", "just", "only",
        "early", "late", "mid", "estimated", "an", "a", "the",
    }
)  # fmt: skip
# Function words that make a longer answer a phrase rather than a person's full name.
_PHRASE_WORDS = frozenset({"of", "and", "for", "the", "in", "on", "at", "to", "de", "del"})
# Trailing zeros of a decimal say nothing ("3.50" is "3.5", "2.0" is "2").
_DECIMAL_ZEROS = re.compile(r"(?<=\d)(?:(\.\d*?[1-9])0+|\.0+)\b")
_NUMBER_KEY = re.compile(r"^\d+(?:\.\d+)?$")
# "5 million", "2.5 billion", "$3bn": the scale word multiplies the digits before it ("5
# million" is "5000000", as alpha2digit makes "five million"; alone it would give "5 1000000").
_SCALED_NUMBER = re.compile(r"\b(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion|bn)\b")
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# A currency sign before an amount is written as its word after it, and a currency word is
# written one way: "$5 million", "5 million dollars" and "GHI$5,000,000" share one key.
_CURRENCY_SIGN = re.compile(
    r"(?:\b(?:[A-Z]{2}|U\.S\.)\s?)?([$€£])\s*(\d[\d,]*(?:\.\d+)?"
    r"(?:\s*(?:hundred|thousand|million|billion|trillion|bn)\b)?)"
)
_CURRENCY_WORDS = {"$": "dollars", "€": "euros", "£": "pounds"}
_CURRENCY_AFTER_AMOUNT = re.compile(
    rf"(?<=\d)\s+(?:{_STATES}\s+|us\s+)?(dollars?|usd|euros?|pounds? sterling|pounds?)\b"
)
# Small words an acronym leaves out ("DEF" for "the Doe Major").
_ACRONYM_SKIPPED_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "to", "a", "an", "&"})
# Fuzzy matching catches misspellings of names, only for answers this long or longer.
_MIN_FUZZY_LENGTH = 6
_FUZZY_THRESHOLD = 88.0


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Return the comparison key of an answer (case, "the", possessives, "ABC.", number words)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if "$" in text or "€" in text or "£" in text:
        text = _CURRENCY_SIGN.sub(
            lambda match: f"{match.group(2)} {_CURRENCY_WORDS[match.group(1)]}", text
        )
    text = _CAPITAL_ALIAS.sub(lambda match: _CAPITAL_ALIASES[match.group(0)], text)
    text = text.lower().replace("’", "'").replace("‘", "'")
    if "." in text or "united" in text:  # every alias has a full stop or "Shore"
        for pattern, replacement in _ALIASES:
            text = pattern.sub(replacement, text)
    text = _POSSESSIVE.sub("", text)
    text = _NUMBER_WITH_COMMAS.sub("", text)
    text = _PER_CENT.sub("percent", _PERCENT_SIGN.sub(" percent", text))
    text = _SCALED_NUMBER.sub(_scaled, _DECIMAL_ZEROS.sub(lambda m: m.group(1) or "", text))
    text = text.replace("-", " ") if not _DIGITS.search(text) else text
    # text2num rejects some odd inputs; the words then stay words.
    with contextlib.suppress(Exception):
        text = alpha2digit(text, "en")
    text = _SINGLE_NUMBER_WORD.sub(lambda match: str(text2num(match.group(0), "en")), text)
    text = _CURRENCY_AFTER_AMOUNT.sub(_currency_word, text)
    text = _NON_WORD.sub(" ", text)
    if "." in text:
        text = _NON_DECIMAL_POINT.sub(" ", text)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def _scaled(match: re.Match[str]) -> str:
    """ "2.5 million" as the whole number it names ("2500000")."""
    value = Decimal(match.group(1)) * _SCALES[match.group(2)]
    return str(int(value)) if value == value.to_integral_value() else match.group(0)


def _currency_word(match: re.Match[str]) -> str:
    """ "dollar", "USD" or "ABC. dollars" after an amount as "dollars" (and so on)."""
    word = match.group(1)
    if word.startswith("pound"):
        return " pounds"
    return " euros" if word.startswith("euro") else " dollars"


def clear_caches() -> None:
    """Forget every memoised comparison (benchmarks time a cold run with it)."""
    normalize.cache_clear()
    same_answer.cache_clear()
    _initials.cache_clear()


@functools.lru_cache(maxsize=16384)
def same_answer(first: str, second: str) -> bool:
    """Whether two answers name the same thing ("the ABC." and "Shore Ridge", "Banks" and
    "Banks Robin Hart", "DEF" and "the Doe Major", "House" and "the ABC. House of
    Representatives", "Field" and "Heath Field Moor")."""
    key_a, key_b = normalize(first), normalize(second)
    if not key_a or not key_b:
        return key_a == key_b
    if key_a == key_b:
        return True
    words_a, words_b = key_a.split(), key_b.split()
    if all(_NUMBER_KEY.match(word) for word in words_a + words_b):
        return False  # different numbers are different answers
    (short_text, shorter), (_, longer) = sorted(
        ((first, words_a), (second, words_b)), key=lambda pair: len(pair[1])
    )
    if (
        _is_fuller_form(shorter, longer)
        or _is_head_of(shorter, longer)
        or _is_inner_name(short_text, shorter, longer)
        or _is_acronym_of(first, second)
    ):
        return True
    if _DIGITS.search(key_a) or _DIGITS.search(key_b):
        return False  # "80000" and "80001" look alike but differ
    if min(len(key_a), len(key_b)) < _MIN_FUZZY_LENGTH:
        return False
    return fuzz.ratio(key_a, key_b) >= _FUZZY_THRESHOLD


def _is_acronym_of(first: str, second: str) -> bool:
    """Whether one answer is the other's acronym ("DEF" and "the Doe Major", "PQR" and
    "the Swan for Drake Hawk and Crane")."""
    for short, long in ((first, second), (second, first)):
        letters = short.replace(".", "").strip()
        if (
            2 <= len(letters) <= 6
            and letters.isupper()
            and letters.isalpha()
            and (letters in _initials(long))
        ):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _initials(name: str) -> tuple[str, ...]:
    """The acronyms a name may go by: the initials of the whole name and of its first part
    before "and" ("PQR" for "the Swan for Drake Hawk and Crane")."""
    found = []
    for part in (name, re.split(r"\s(?:and|&)\s", name)[0]):
        initials = "".join(
            word[0]
            for word in re.findall(r"[A-Za-z][\w'’-]*", part)
            if word.lower() not in _ACRONYM_SKIPPED_WORDS
        )
        found.append(initials.upper())
    return tuple(found)


def _is_fuller_form(shorter: list[str], longer: list[str]) -> bool:
    """Whether `longer` is `shorter` with words added before or after ("Thorn Wren").

    Not when the added words make another thing: a place ("Finch Lark"), a date ("May 8"),
    a time ("3:17 a.m."), a named body ("Ford Birch Elm"), or when the shorter answer
    is only a class word ("Ash") or a number at the end of a name ("... Ash, 2026").
    """
    if len(shorter) == len(longer):
        return False
    if len(shorter) == 1 and shorter[0] in _CLASS_WORDS:
        return False
    if longer[: len(shorter)] == shorter:
        extra = longer[len(shorter) :]
        # "Ford" / "Ford Birch Elm"; "the Oak" / "the Oak Pine" stays one.
        if extra[-1] in _CLASS_WORDS and extra not in (["department"], ["ministry"]):
            return False
    elif longer[-len(shorter) :] == shorter:
        extra = longer[: -len(shorter)]
        if any(_NUMBER_KEY.match(word) for word in shorter) and not all(
            word in _QUALIFIER_WORDS for word in extra
        ):
            # "2026" is not "Cliff Reed Ash, 2026"; it is "by 2030" and
            # "at least 47" with the qualifier dropped.
            return False
    else:
        return False
    if any(_DIGITS.search(word) or word in _MONTH_WORDS for word in extra):
        return False
    return not any(word in _DISTINGUISHING_WORDS for word in extra)


def _is_head_of(shorter: list[str], longer: list[str]) -> bool:
    """Whether `shorter` is the head of a body's name before "of" ("House" in "the ABC. House
    of Representatives"; not "Bank" in "Bank of England": a class word names no one body)."""
    size = len(shorter)
    if any(word in _CLASS_WORDS or _DIGITS.search(word) for word in shorter):
        return False
    for start in range(1, len(longer) - size):
        if longer[start : start + size] == shorter and longer[start + size] == _NAME_CONTINUATION:
            return not any(word in _DISTINGUISHING_WORDS for word in longer[:start])
    return False


def _is_inner_name(short_text: str, shorter: list[str], longer: list[str]) -> bool:
    """Whether a one-word answer is an inner part of a three- or four-word personal name
    ("Field" in "Heath Field Moor", "Crest" in "Haven Crest Bay")."""
    if len(shorter) != 1 or not 3 <= len(longer) <= 4 or not short_text.strip()[:1].isupper():
        return False
    word = shorter[0]
    if word not in longer[1:-1] or _DIGITS.search(word):
        return False
    return not any(
        other in _CLASS_WORDS or other in _PHRASE_WORDS or other in _DISTINGUISHING_WORDS
        for other in longer
    )
