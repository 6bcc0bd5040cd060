"""No article-specific knowledge in the generator: no corpus name in `quizapp/generation/`.

Every gold answer (and accepted variant) of the development corpus beside the repository
(`../shared/corpus/dev`) and of `bench/articles` is read; the proper nouns in them (people,
places, organizations, laws) are collected, and no file of the generation package (source or
data, JSON weights included) may contain one, case-insensitively, as a whole word. A general
word ("Act", "Department", a month, a title) is never collected: only names are.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import lemminflect
import pytest
from babel import Locale

from quizapp.generation.nlp import load_nlp

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
GENERATION = REPO / "quizapp" / "generation"
# The development corpus lives beside the repository; QUIZAPP_DEV_CORPUS points elsewhere.
DEV_CORPUS = Path(os.environ.get("QUIZAPP_DEV_CORPUS") or REPO.parent / "shared" / "corpus" / "dev")
BENCH_ARTICLES = REPO / "bench" / "articles"

# Gold types whose whole answer is a name (a person, a place, an organization or a law).
NAME_TYPES = frozenset({"who", "quote", "where", "which_org", "which_law"})
# Entity labels that name a person, a place, an organization or a law.
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "LAW"})
# Gold types whose lists ("A, B, and C") are lists of names, not one long name.
LIST_TYPES = frozenset({"who", "quote", "where", "which_org"})
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
# A word too short to be a name on its own ("Dr", "Mr", "El", "Jr").
_MIN_WORD = 3
# Nationality adjectives inside a body's name ("Bolivarian", "Nicaraguan") are no names.
_DEMONYM = re.compile(r"(?:ian|ean|an|ese|ish|i)$")
# General words no dictionary here knows (titles, place words, a legal abbreviation).
GENERAL_WORDS = frozenset(
    {"county", "congressman", "congresswoman", "congressional", "cosmodrome", "e.o."}
)
# Files that hold text: everything else (caches, compiled files) is skipped.
_SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo", ".so"})


@dataclass(frozen=True)
class Violation:
    """A corpus name found in a generation file."""

    path: str
    line: int
    name: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name!r} in {self.text.strip()[:90]!r}"


def gold_files() -> list[Path]:
    """Every gold file: the development corpus (when present) and the bench articles."""
    files = sorted(BENCH_ARTICLES.glob("*.gold.json"))
    if DEV_CORPUS.is_dir():
        files += sorted(DEV_CORPUS.glob("*.gold.json"))
    return files


def gold_answers(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(type, text) for every gold answer and every accepted variant."""
    for path in paths:
        items = json.loads(path.read_text(encoding="utf-8"))
        for item in items:
            question_type = str(item.get("type", ""))
            for text in (item.get("answer", ""), *(item.get("accept") or ())):
                if isinstance(text, str) and text.strip():
                    yield question_type, " ".join(text.split())


@cache
def _month_and_day_words() -> frozenset[str]:
    """Month and weekday names and abbreviations (from the standard library)."""
    words = [*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr]
    return frozenset(word.lower() for word in words if word)


@cache
def _lowercase_words() -> frozenset[str]:
    """Words the articles themselves write in lower case ("county", "congressman"): general
    words, whatever a dictionary misses."""
    words: set[str] = set()
    for path in gold_files():
        article = path.with_name(path.name.removesuffix(".gold.json") + ".txt")
        if article.is_file():
            words.update(re.findall(r"\b[a-z][a-z-]+\b", article.read_text(encoding="utf-8")))
    return frozenset(words)


@cache
def _country_names() -> frozenset[str]:
    """Country names (from Babel's territory names): a country is a name even when its
    name is also a word ("Turkey")."""
    names = Locale("en").territories
    return frozenset(name for code, name in names.items() if code.isalpha())


def is_common_word(word: str) -> bool:
    """A general English word (lemminflect knows it, or the articles write it in lower case),
    a month or day, or too short a word; never a country."""
    bare = word.strip(".,;:'’()").lower()
    if word.strip(".,;:'’()") in _country_names():
        return False
    if len(bare.replace(".", "")) < _MIN_WORD or bare in GENERAL_WORDS:
        return True
    if bare in _month_and_day_words():
        return True
    return bool(lemminflect.getAllLemmas(bare)) or bare in _lowercase_words()


def _is_acronym(text: str) -> bool:
    """All capitals ("OFAC", "U.S.", "EU"): matched with its case, since "US" is also "us"."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return len(letters) >= 2 and letters.isupper()


def _clean(text: str) -> str:
    """A name without a leading "the", a possessive or surrounding punctuation."""
    text = _LEADING_THE.sub("", text.strip(" ,;:"))
    return _POSSESSIVE.sub("", text).strip(" ,;:")


def _phrases(question_type: str, text: str) -> Iterator[str]:
    """The names a gold answer of a name type holds: the whole, its list items, an acronym
    in parentheses ("Office of Foreign Assets Control (OFAC)")."""
    yield from _PARENTHESES.findall(text)
    whole = _PARENTHESES.sub("", text)
    yield whole
    if question_type in LIST_TYPES:
        yield from _LIST_SEPARATOR.split(whole)


def _keep_phrase(phrase: str, label: str) -> bool:
    """A phrase that names something: not a single general word (a place always counts)."""
    if not phrase or not any(char.isupper() for char in phrase):
        return False
    if phrase.lower() in GENERAL_WORDS:
        return False
    if " " not in phrase and not _is_acronym(phrase):
        return not is_common_word(phrase)
    return True  # a name of several words ("World Food Programme") is a name


def _name_words(phrase: str, label: str) -> Iterator[str]:
    """Words of a name that are names on their own: a person's given name and surname, a
    rare word of a body's name ("Sinaloa"), an acronym; never "Act", "Department" or a title."""
    for raw in re.split(r"[\s,/()]+", phrase):
        if raw.endswith(".") and not _is_acronym(raw):
            continue  # an abbreviated title ("Gen.", "Maj.") or an initial
        word = _POSSESSIVE.sub("", raw.strip(".,;:()"))
        if not word[:1].isupper() or is_common_word(word):
            continue
        if label != "PERSON" and not _is_acronym(word) and _DEMONYM.search(word):
            continue  # "Bolivarian" in a body's name describes it
        yield word


def corpus_names(answers: Iterable[tuple[str, str]]) -> set[str]:
    """The proper nouns of the gold answers: whole names and the words that are names alone."""
    answers = list(answers)
    nlp = load_nlp()
    found: set[tuple[str, str]] = set()
    for (question_type, text), doc in zip(
        answers, nlp.pipe(text for _, text in answers), strict=True
    ):
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                found.add((_clean(ent.text), ent.label_))
        if question_type in NAME_TYPES:
            people = any(ent.label_ == "PERSON" for ent in doc.ents)
            label = "PERSON" if question_type in {"who", "quote"} and people else ""
            found.update((_clean(phrase), label) for phrase in _phrases(question_type, text))
    names: set[str] = set()
    for phrase, label in found:
        if _keep_phrase(phrase, label):
            names.add(phrase)
        names.update(_name_words(phrase, label))
    return names


def _pattern(names: Iterable[str], *, case_sensitive: bool) -> re.Pattern[str] | None:
    """One regex matching any of the names as whole words (any spacing, either apostrophe)."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        escaped = r"\s+".join(re.escape(word) for word in name.split())
        parts.append(escaped.replace("'", "['’]").replace("’", "['’]"))
    if not parts:
        return None
    return re.compile(
        r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", 0 if case_sensitive else re.IGNORECASE
    )


def text_files(root: Path) -> list[Path]:
    """Every text file under `root` (source and data), caches left out."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix not in _SKIPPED_SUFFIXES
        and "__pycache__" not in path.parts
    )


def find_names(paths: Iterable[Path], names: Iterable[str], root: Path) -> list[Violation]:
    """Every occurrence of a name in the files, with its file and line."""
    names = set(names)
    patterns = [
        pattern
        for pattern in (
            _pattern({n for n in names if _is_acronym(n)}, case_sensitive=True),
            _pattern({n for n in names if not _is_acronym(n)}, case_sensitive=False),
        )
        if pattern is not None
    ]
    found: list[Violation] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file holds no written name
        for number, line in enumerate(text.splitlines(), 1):
            for pattern in patterns:
                for match in pattern.finditer(line):
                    relative = str(path.relative_to(root))
                    found.append(Violation(relative, number, match.group(), line))
    return found


@pytest.fixture(scope="module")
def names() -> set[str]:
    """The corpus's proper nouns (skipped, saying where it looked, without the dev corpus)."""
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"No development corpus at {DEV_CORPUS}: set QUIZAPP_DEV_CORPUS")
    collected = corpus_names(gold_answers(gold_files()))
    assert len(collected) > 100, "the gold files yield the corpus's names"
    return collected


def test_the_names_are_names_not_general_words(names: set[str]) -> None:
    lowered = {name.lower() for name in names}
    # People (whole and surname), places, bodies, laws and acronyms are all collected ...
    for expected in ("steven mnuchin", "mnuchin", "paraguay", "ofac", "world food programme"):
        assert expected in lowered
    assert "global magnitsky human rights accountability act" in lowered
    # ... general words never are, even where a gold answer is made of them.
    for general in ("act", "department", "treasury", "september", "monday", "president", "dr"):
        assert general not in lowered


@pytest.mark.parametrize("path", text_files(GENERATION), ids=lambda path: path.name)
def test_no_corpus_name_in_a_generation_file(path: Path, names: set[str]) -> None:
    violations = find_names([path], names, REPO)
    assert not violations, "corpus names in generation code:\n" + "\n".join(map(str, violations))


def test_a_planted_corpus_name_is_caught(names: set[str], tmp_path: Path) -> None:
    """The check flags a corpus name put into a copy of a generation module."""
    copy = tmp_path / "quizapp" / "generation" / "who.py"
    copy.parent.mkdir(parents=True)
    shutil.copy(GENERATION / "who.py", copy)
    planted = sorted(name for name in names if " " in name and not _is_acronym(name))[0]
    with copy.open("a", encoding="utf-8") as handle:
        handle.write(f'\nKNOWN_ANSWER = "{planted.upper()}"  # planted by the test\n')
    flagged = find_names(text_files(tmp_path), names, tmp_path)
    assert any(
        violation.name.lower() == planted.lower() and violation.path.endswith("who.py")
        for violation in flagged
    )


def test_a_planted_surname_and_acronym_are_caught(names: set[str], tmp_path: Path) -> None:
    module = tmp_path / "weights.json"
    module.write_text('{"bias": 0.1, "mnuchin": 0.5}\n{"acronym": "OFAC"}\n', encoding="utf-8")
    flagged = {violation.name for violation in find_names([module], names, tmp_path)}
    assert flagged == {"mnuchin", "OFAC"}


def test_general_words_and_lowercase_acronyms_are_not_flagged(
    names: set[str], tmp_path: Path
) -> None:
    module = tmp_path / "words.py"
    module.write_text(
        '"""The Act of the Department, signed in September by the President."""\n'
        'LETTERS = "us ofac"  # an acronym only counts in capitals\n',
        encoding="utf-8",
    )
    assert find_names([module], names, tmp_path) == []
