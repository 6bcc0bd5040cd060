"""Same-kind wrong choices for a question: from the article, the caller's pool, or made up."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from text_to_num import text2num

from quizapp.generation import distractor_lists as lists
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.types import Candidate, ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span

DISTRACTOR_COUNT = 3
# Name words shorter than this are too common to tie a distractor to the question ("Al").
_MIN_NAME_WORD = 3
# A distractor longer than this is a clause, not an answer.
MAX_DISTRACTOR_WORDS = 12

_WORD_VALUES = {word: value for value, word in lists.NUMBER_WORDS.items()}
_NUMBER_WORD_PATTERN = "|".join(
    sorted(list(_WORD_VALUES) + list(lists.SCALE_WORDS.values()), key=len, reverse=True)
)
# A number in digits ("80,000", "2.5") or in words ("Eight", "twenty-one").
_NUMBER = re.compile(
    rf"\d[\d,]*(?:\.\d+)?|\b(?:{_NUMBER_WORD_PATTERN})(?:-(?:{_NUMBER_WORD_PATTERN}))?\b",
    re.I,
)
_SCALE_WORDS = frozenset(lists.SCALE_WORDS.values())
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"(?<![\d,])\b([1-9]|[12]\d|3[01])\b(?!,\d)(?!\d)")
_MONTH = re.compile(
    r"\b(" + "|".join(list(lists.MONTHS) + [re.escape(a) for a in lists.MONTH_ABBREVIATIONS]) + r")"
)
_WEEKDAY = re.compile(r"\b(" + "|".join(lists.WEEKDAYS) + r")\b")
_SECTION = re.compile(r"^Section (\d+)(.*)$")
_ORDER = re.compile(r"^Executive Order (?:No\. ?)?(\d+)$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_YEAR_ONLY = re.compile(r"^(?:1[89]|20)\d\d$")
_TIME = re.compile(r"\b(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\.?|\b(?:noon|midnight)\b", re.I)
_DANGLING_WORDS = frozenset({"for", "of", "and", "the", "in", "on", "to", "&"})


def seed_for(text: str) -> str:
    """A stable digest of the cleaned text: every shuffle for one article starts from it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def choices_for(candidate: Candidate, article: ParsedArticle, seed: str) -> tuple[str, ...] | None:
    """The answer and three distractors in a stable shuffled order; None when too few exist."""
    if candidate.choices:
        return candidate.choices  # the generator fixed them (true/false)
    rng = _rng(seed, candidate.question, candidate.answer)
    wrong = distractors(candidate.answer, candidate.kind, article, candidate.question, rng)
    if len(wrong) < DISTRACTOR_COUNT:
        return None
    choices = [candidate.answer, *wrong[:DISTRACTOR_COUNT]]
    rng.shuffle(choices)
    return tuple(choices)


def distractors(
    answer: str, kind: str, article: ParsedArticle, question: str, rng: random.Random
) -> list[str]:
    """Up to DISTRACTOR_COUNT wrong answers of the answer's kind, none a second right answer."""
    question_key = f" {normalize(question)} "
    chosen: list[str] = []
    fits = _FITS_BY_KIND.get(kind, _always)
    for source in (
        _from_article(kind, article),
        _from_pool(kind, article),
        _made_up(answer, kind, rng),
    ):
        for text in source:
            text = _same_case(" ".join(text.split()), answer, kind)
            if _acceptable(text, answer, chosen, question_key, kind) and fits(answer, text):
                chosen.append(text)
                if len(chosen) == DISTRACTOR_COUNT:
                    return chosen
    return chosen


def _rng(seed: str, question: str, answer: str) -> random.Random:
    """A private random generator seeded from the article and the question (never global)."""
    digest = hashlib.sha256(f"{seed}\0{question}\0{answer}".encode("utf-8", "surrogatepass"))
    return random.Random(int.from_bytes(digest.digest()[:8], "big"))


def _same_case(text: str, answer: str, kind: str) -> str:
    """A number word cased like the answer ("Seven" among "four" reads as a giveaway)."""
    if kind != "NUMBER" or not text[:1].isalpha() or not answer[:1].isalpha():
        return text
    return text[0].upper() + text[1:] if answer[0].isupper() else text[0].lower() + text[1:]


def _acceptable(text: str, answer: str, chosen: list[str], question_key: str, kind: str) -> bool:
    """Whether `text` can join the choices: a real, different, new option."""
    if not text or len(text.split()) > MAX_DISTRACTOR_WORDS:
        return False
    key = normalize(text)
    if not key or f" {key} " in question_key:
        return False
    if kind == "PERSON" and any(
        len(word) >= _MIN_NAME_WORD and f" {word} " in question_key for word in key.split()
    ):
        return False  # "Who did Malinowski call ...?" cannot offer "Tom Malinowski"
    return not same_answer(text, answer) and not any(same_answer(text, other) for other in chosen)


def _always(answer: str, text: str) -> bool:
    """Any mention of the kind fits."""
    return True


# ---- where the candidates come from -------------------------------------------------------


def _from_pool(kind: str, article: ParsedArticle) -> Iterator[str]:
    """The caller's same-kind texts (a lone string counts as one text, not its letters)."""
    texts = article.pool.get(kind, ())
    if isinstance(texts, str):
        texts = (texts,)
    yield from (text for text in texts if isinstance(text, str))


def _from_article(kind: str, article: ParsedArticle) -> Iterator[str]:
    """Mentions of the kind in the article, full names for people, fragments skipped."""
    if kind == "PERSON":
        for mention in article.mentions.get("PERSON", ()):
            yield article.full_name(mention)
        return
    if kind == "LAW":
        yield from (law.text for law in article.laws)
    if kind == "ORG":
        people = set(article.mentions.get("PERSON", ()))
        person_words = {word for person in people for word in person.split()}
        for span in article.spans.get("ORG", ()):
            if _is_fragment(span, person_words):
                continue
            if span.text in people or span.text.endswith(("'s", "’s")):
                continue
            yield span.text
        return
    if kind == "GPE":
        # A dateline in capitals ("WASHINGTON —") is not how a choice should read.
        yield from (text for text in article.mentions.get(kind, ()) if not _is_shouted(text))
        return
    if kind == "NUMBER":
        yield from (text for text in article.mentions.get(kind, ()) if not _YEAR_ONLY.match(text))
        return
    yield from article.mentions.get(kind, ())


def _is_shouted(text: str) -> bool:
    """A name written in capitals that is not an acronym ("WASHINGTON", "COSTA RICA")."""
    return text.isupper() and len(text.replace(".", "").replace(" ", "")) > 4


def _is_fragment(span: Span, person_words: set[str]) -> bool:
    """An entity cut out of a longer name ("Labor" in "Democracy, Human Rights and Labor")."""
    if span[-1].lower_ in _DANGLING_WORDS:
        return True  # "The U.S. Agency for"
    if len(span) == 1 and span.text in person_words:
        return True  # a surname the model called an organization
    if span.start < 2:
        return False
    before, earlier = span.doc[span.start - 1], span.doc[span.start - 2]
    if before.lower_ in {"of", "for", "and", "&", ","} and earlier.is_title:
        return True
    return before.is_title and not before.is_sent_start and before.lower_ != "the"


def _made_up(answer: str, kind: str, rng: random.Random) -> Iterator[str]:
    """Invented distractors of the answer's kind and style."""
    maker = _MAKERS.get(kind)
    if maker is not None:
        yield from maker(answer, rng)


def _shuffled(items: Sequence[str], rng: random.Random) -> list[str]:
    """A copy of `items` in an order drawn from the private generator."""
    copy = list(items)
    rng.shuffle(copy)
    return copy


def _match_article(answer: str, items: Iterable[str]) -> Iterator[str]:
    """Items with a leading "the" written the way the answer writes it."""
    prefix = answer[:4] if _LEADING_THE.match(answer) else ""
    for item in items:
        bare = _LEADING_THE.sub("", item)
        if not prefix:
            yield bare
        elif bare != item:
            yield prefix + bare
        else:
            yield item


# ---- numbers ------------------------------------------------------------------------------


def _numbers_in(text: str) -> list[re.Match[str]]:
    """The numbers written in a text ("2.5 million" is one number: the scale word rides along)."""
    numbers: list[re.Match[str]] = []
    for match in _NUMBER.finditer(text):
        if (
            numbers
            and match.group().lower() in _SCALE_WORDS
            and not text[numbers[-1].end() : match.start()].strip()
        ):
            continue
        numbers.append(match)
    return numbers


def _value(token: str) -> float | None:
    """The value of a number token in digits or words."""
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    try:
        return float(text2num(token.lower(), "en"))
    except ValueError:
        return None


def _style(text: str) -> str:
    """ "range", "words", "digits" or "vague": how a count is written."""
    numbers = _numbers_in(text)
    if len(numbers) >= 2:
        return "range"
    if not numbers:
        return "vague"
    return "digits" if numbers[0].group()[0].isdigit() else "words"


def _fits_number(answer: str, text: str) -> bool:
    """A number written in the answer's style and within a factor of ten of it."""
    if _style(answer) != _style(text):
        return False
    a, b = _first_amount(answer), _first_amount(text)
    if a is None or b is None or a <= 0 or b <= 0:
        return a == b == 0
    return 0.1 <= b / a <= 10


def _first_amount(text: str) -> float | None:
    """The value of the first number in a text, its scale word included ("2.5 million")."""
    numbers = _numbers_in(text)
    if not numbers:
        return None
    value = _value(numbers[0].group())
    scale = re.match(r"\s+(\w+)", text[numbers[0].end() :])
    if value is not None and scale and scale.group(1).lower() in _SCALE_WORDS:
        value *= _value(scale.group(1)) or 1.0
    return value


def _precision(value: float) -> int:
    """The power of ten a written number is rounded to (80,000 -> 10,000; 37 -> 1)."""
    whole = int(value)
    if whole != value or whole == 0:
        return 1
    step = 1
    while whole % (step * 10) == 0:
        step *= 10
    return step


def _near_values(value: float) -> list[float]:
    """Plausible wrong counts near a value, closest-looking first."""
    if value == int(value) and 0 < value <= 20:
        whole = int(value)
        offsets = (-2, 2, 4, -4, 1, -1, 3, 6)
        return [float(whole + offset) for offset in offsets if whole + offset > 0]
    return [value * factor for factor in (0.5, 1.5, 0.75, 2, 1.25, 3, 0.25)]


def _format_like(template: str, value: float, precision: int) -> str | None:
    """Write a value the way `template` writes its number (words, commas, decimals)."""
    if value <= 0:
        return None
    if not template[0].isdigit():
        words = _number_words(round(value))
        if words is None:
            return None
        if template.isupper() and len(template) > 1:
            return words.upper()
        return words.capitalize() if template[0].isupper() else words
    decimals = len(template.split(".")[1]) if "." in template else 0
    if decimals:
        return f"{value:,.{decimals}f}" if "," in template else f"{value:.{decimals}f}"
    rounded = int(round(value / precision) * precision) if precision > 1 else round(value)
    if rounded <= 0:
        return None
    # News style groups thousands once a number has five digits, whatever the template did.
    return f"{rounded:,}" if "," in template or rounded >= 10_000 else str(rounded)


def _number_words(value: int) -> str | None:
    """English words for a count below a hundred, or a round scale ("two million")."""
    if value in lists.NUMBER_WORDS:
        return lists.NUMBER_WORDS[value]
    if 20 < value < 100:
        return f"{lists.NUMBER_WORDS[value - value % 10]}-{lists.NUMBER_WORDS[value % 10]}"
    for scale, word in sorted(lists.SCALE_WORDS.items(), reverse=True):
        if value >= scale and value % scale == 0 and value // scale in lists.NUMBER_WORDS:
            return f"{lists.NUMBER_WORDS[value // scale]} {word}"
    return None


def _made_up_numbers(answer: str, rng: random.Random) -> Iterator[str]:
    """Counts near the answer, written in its style (words, digits, a range)."""
    numbers = _numbers_in(answer)
    values = [_value(match.group()) for match in numbers]
    if not numbers or any(value is None for value in values):
        yield from _shuffled(lists.VAGUE_AMOUNTS, rng)
        return
    first = values[0] or 0.0
    for target in _near_values(first):
        factor = target / first if first else 1.0
        text = _replace_numbers(answer, numbers, [v * factor for v in values if v is not None])
        if text is not None:
            yield text


def _replace_numbers(
    answer: str, numbers: list[re.Match[str]], new_values: list[float]
) -> str | None:
    """The answer with each number replaced by a new value in the same style."""
    pieces: list[str] = []
    last = 0
    for match, value in zip(numbers, new_values, strict=True):
        old_value = _value(match.group()) or 1.0
        # Small counts move by ones; larger ones keep the rounding they were written with.
        precision = 1 if old_value <= 20 else _precision(old_value)
        written = _format_like(match.group(), value, precision)
        if written is None:
            return None
        pieces.append(answer[last : match.start()])
        pieces.append(written)
        last = match.end()
    pieces.append(answer[last:])
    text = "".join(pieces)
    if len(new_values) >= 2:
        # A range must still run from low to high with distinct ends.
        low, high = (_value(m.group()) for m in _numbers_in(text)[:2])
        if low is None or high is None or not low < high:
            return None
    return text


# ---- dates --------------------------------------------------------------------------------


def _date_shape(text: str) -> str:
    """The sort of date a text names: "time", "weekday", "month day year", "year", "relative"."""
    if _TIME.search(text):
        return "time"
    if _WEEKDAY.search(text):
        return "weekday"
    month = _MONTH.search(text)
    if month:
        day = " day" if _DAY.search(text, month.end()) else ""
        year = " year" if _YEAR.search(text) else ""
        return f"month{day}{year}"
    if _YEAR.search(text):
        return "year"
    return "relative"


def _fits_date(answer: str, text: str) -> bool:
    """A date of the same shape (a weekday for a weekday, a month date for a month date)."""
    return _date_shape(answer) == _date_shape(text)


def _made_up_dates(answer: str, rng: random.Random) -> Iterator[str]:
    """Neighbouring weekdays, months, days and years, in the answer's wording."""
    time = _TIME.search(answer)
    if time and time.group(1):
        hour = int(time.group(1))
        for offset in (2, -2, 4, -3, 5):
            shifted = (hour + offset - 1) % 12 + 1
            yield answer[: time.start(1)] + str(shifted) + answer[time.end(1) :]
        return
    weekday = _WEEKDAY.search(answer)
    if weekday:
        index = lists.WEEKDAYS.index(weekday.group())
        for offset in (1, -1, 2, -2, 3):
            yield _swap(answer, weekday, lists.WEEKDAYS[(index + offset) % 7])
        return
    month = _MONTH.search(answer)
    if month:
        name = lists.MONTH_ABBREVIATIONS.get(month.group(), month.group())
        index = lists.MONTHS.index(name)
        for offset in (1, -1, 2, -3):
            yield _swap(answer, month, lists.MONTHS[(index + offset) % 12])
        year = _YEAR.search(answer)
        if year:
            yield _swap(answer, year, str(int(year.group()) - 1))
        day = _DAY.search(answer, month.end())
        if day and int(day.group()) <= 25:
            yield _swap(answer, day, str(int(day.group()) + 3))
        return
    year = _YEAR.search(answer)
    if year:
        for offset in (-1, 1, -2, 2, -3):
            yield _swap(answer, year, str(int(year.group()) + offset))
        return
    yield from _shuffled(lists.RELATIVE_DATES, rng)


def _swap(text: str, match: re.Match[str], replacement: str) -> str:
    """`text` with the matched part replaced."""
    return text[: match.start()] + replacement + text[match.end() :]


# ---- places, organizations, people, laws --------------------------------------------------


def _place_sort(text: str) -> str | None:
    """ "country", "city", "state" or "region" for a place in the built-in lists."""
    key = normalize(text)
    for sort, names in (
        ("country", lists.COUNTRIES),
        ("city", lists.CITIES),
        ("state", lists.US_STATES),
        ("region", lists.REGIONS),
    ):
        if any(normalize(name) == key for name in names):
            return sort
    return None


def _fits_place(answer: str, text: str) -> bool:
    """A place not known to be of another sort (no city among countries)."""
    sorts = (_place_sort(answer), _place_sort(text))
    return None in sorts or sorts[0] == sorts[1]


def _made_up_places(answer: str, rng: random.Random) -> Iterator[str]:
    """Places of the answer's sort from the built-in lists."""
    names = {
        "city": lists.CITIES,
        "state": lists.US_STATES,
        "region": lists.REGIONS,
    }.get(_place_sort(answer) or "country", lists.COUNTRIES)
    yield from _match_article(answer, _shuffled(names, rng))


def _org_sort(text: str) -> str | None:
    """The sort of an organization guessed from the words in its name."""
    words = set(normalize(text).split())
    for sort, markers in lists.ORG_SORT_WORDS.items():
        if words & set(markers):
            return sort
    return None


def _made_up_orgs(answer: str, rng: random.Random) -> Iterator[str]:
    """Organizations of the answer's sort, then of any sort."""
    sort = _org_sort(answer)
    first = lists.ORGANIZATIONS_BY_SORT.get(sort or "", ())
    rest = [name for names in lists.ORGANIZATIONS_BY_SORT.values() for name in names]
    yield from _match_article(answer, _shuffled(first, rng))
    yield from _match_article(answer, _shuffled(rest, rng))


def _fits_person(answer: str, text: str) -> bool:
    """A single surname for a single surname, a full name for a full name."""
    return (len(answer.split()) == 1) == (len(text.split()) == 1)


def _made_up_people(answer: str, rng: random.Random) -> Iterator[str]:
    """Names of public figures, surnames only when the answer is a surname."""
    names = lists.SURNAMES if len(answer.split()) == 1 else lists.PEOPLE
    yield from _shuffled(names, rng)


def _made_up_laws(answer: str, rng: random.Random) -> Iterator[str]:
    """Numbered references near a numbered answer, else other well-known laws."""
    section = _SECTION.match(answer)
    if section:
        number = int(section.group(1))
        for offset in (1, -1, 2, 10):
            yield f"Section {number + offset}{section.group(2)}"
    order = _ORDER.match(answer)
    if order:
        number = int(order.group(1))
        for offset in (-7, 28, 116, 3):
            yield f"Executive Order {number + offset}"
    yield from _match_article(answer, _shuffled(lists.LAWS, rng))


def _fits_law(answer: str, text: str) -> bool:
    """A numbered reference for a numbered reference, a named law for a named law."""
    numbered = (_SECTION.match(answer) or _ORDER.match(answer)) is not None
    return numbered == ((_SECTION.match(text) or _ORDER.match(text)) is not None)


_MAKERS: dict[str, Callable[[str, random.Random], Iterator[str]]] = {
    "NUMBER": _made_up_numbers,
    "DATE": _made_up_dates,
    "GPE": _made_up_places,
    "ORG": _made_up_orgs,
    "PERSON": _made_up_people,
    "LAW": _made_up_laws,
}
_FITS_BY_KIND: dict[str, Callable[[str, str], bool]] = {
    "NUMBER": _fits_number,
    "DATE": _fits_date,
    "GPE": _fits_place,
    "PERSON": _fits_person,
    "LAW": _fits_law,
}
