"""Same-kind wrong choices for a question: from the article, the caller's pool, or made up."""

from __future__ import annotations

import calendar
import functools
import hashlib
import itertools
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import lemminflect
from text_to_num import text2num

from quizapp.generation import distractor_lists as lists
from quizapp.generation import distractor_roles as roles
from quizapp.generation import gazetteer, names, patterns, words
from quizapp.generation.lexicon import ORGANIZATION_WORDS, TITLE_FIELD_WORDS, TITLE_WORDS
from quizapp.generation.lexicon_facts import COUNTRY_HEADS, NOT_ORG_HEADS
from quizapp.generation.names import is_camel_case
from quizapp.generation.normalize import normalize, same_answer
from quizapp.generation.types import Candidate, ParsedArticle, kind_key

if TYPE_CHECKING:
    from spacy.tokens import Span

DISTRACTOR_COUNT = 3
# No choices at all: the question is asked as a short answer (the app stores it so).
SHORT_ANSWER: tuple[str, ...] = ()
# A single capital with a full stop: a middle initial ("Ana T. Ruiz").
_INITIAL = re.compile(r"^[A-Z]\.$")
_INITIALS = "ABCDEFGHJKLMNPRSTW"
# Courtesy titles a name may carry ("Dr. Ana Ruiz"), beside the titles of office.
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof"})
# "Who is the chief judge?" asks a title, not what the sentence's coordinated names did.
_IDENTITY_QUESTION = re.compile(r"^(?:Who|What|Which \w+) (?:is|was|are|were) (?:the|an?) ")
# A year offered beside a year is at most this far from it (no 1964 for a 2016 answer).
_YEAR_WINDOW = 12
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
    r"\b(" + "|".join(list(words.MONTHS) + [re.escape(a) for a in words.MONTH_ABBREVIATIONS]) + r")"
)
_WEEKDAY = re.compile(r"\b(" + "|".join(words.WEEKDAYS) + r")\b")
_SECTION = re.compile(r"^Section (\d+)(.*)$")
# "Executive Order 14250", "Executive Order No. 14250", "E.O. 14250", "Executive Order (E.O.)
# 14250": the number and the words before it.
_ORDER = re.compile(
    r"^(?P<prefix>(?:Executive Order|E\.O\.)(?: \(E\.O\.\))? (?:No\. ?)?)(?P<number>\d+)$"
)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_YEAR_ONLY = re.compile(r"^(?:1[89]|20)\d\d$")
_TIME = re.compile(r"\b(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\.?|\b(?:noon|midnight)\b", re.I)
_NAME_KINDS = frozenset({"PERSON", "ORG", "GPE"})
# Kinds whose names nest: a body and its office, a law and its section, a region and its town.
_NESTING_KINDS = frozenset({"ORG", "LAW", "GPE"})
# Organizations go by a clipped first word ("the Fed", "the Met"): that is no wrong answer.
_CLIPPING_KINDS = frozenset({"ORG"})
_MIN_CLIPPING = 3
_CLIPPING_SKIPPED_WORDS = frozenset({"the", "us", "uk", "un", "eu"})
_MAX_NAME_WORDS = 4
# A word of a person's name: "Núñez", "O'Brien", "Ki-moon", "J.", "Jr."
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*$")
# A score or a vote tally ("74-25", "2-1"): not a count.
_TALLY = re.compile(r"\b\d+\s?[-–]\s?\d+\b")
_CURRENCY = frozenset("$€£¥")
_DASHES = frozenset({"-", "–", "—"})
# The words after "How many": the counted noun is among the first three ("metric tons").
_HOW_MANY_NOUN = re.compile(
    r"^(?:[A-Z][a-z]* )?[Hh]ow (?:many|much) (?:more |other |[a-z]+-)?"
    r"([A-Za-z]+(?: [A-Za-z]+){0,2})"
)
_PERCENT_WORDS = frozenset({"%", "percent", "per", "cent"})
# The year a law's name ends with ("... Act of 2016", "... Act, 2026").
_LAW_YEAR = re.compile(r"(?:\bof|,)\s+((?:1[6-9]|20)\d\d)$")
_LAW_ERA_YEARS = 40
# A number of time units inside a date span: a duration, not a date ("to 13 years").
_DURATION = re.compile(
    r"\b\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\b(?!\s+(?:ago|earlier|later))", re.I
)
_DANGLING_WORDS = frozenset({"for", "of", "and", "the", "in", "on", "to", "&"})
# Answers that are amounts: sums of money ("$843 million") and shares ("3.5%").
_AMOUNT_KINDS = frozenset({"MONEY", "PERCENT"})
_SCALE_VALUES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# An amount in digits with an optional scale word: "843 million", "1.1 billion", "3.75".
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion)\b)?", re.I)
# Kinds that always have a last resort written in the answer's words (a count, a sum, a date).
_LAST_RESORT_KINDS = frozenset({"NUMBER", "MONEY", "PERCENT", "DATE"})
_FRACTION_WORD = re.compile(r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b", re.I)
_ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(lists.ORDINALS) + r")\b", re.I)
_VAGUE_SCALE = re.compile(r"\b(?:" + "|".join(lists.VAGUE_SCALES) + r")\b", re.I)
_LAST_RESORT_FACTORS = (2.0, 0.5, 3.0, 1.5, 4.0, 0.25, 5.0, 10.0)
_LAST_RESORT_YEARS = (4, -4, 5, -5, 6, -6, 10, -10)
# Wrong sums of money: a quarter to three times the answer, rounded like it.
_MONEY_FACTORS = (0.75, 1.3, 0.6, 1.6, 0.5, 2.0, 1.15, 0.4, 3.0)


def clear_caches() -> None:
    """Forget the memoised readings of numbers (benchmarks time a cold run with it)."""
    for cached in (_numbers_in, _style, _unit, _first_amount):
        cached.cache_clear()


def seed_for(text: str) -> str:
    """A stable digest of the cleaned text: every shuffle for one article starts from it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def choices_for(
    candidate: Candidate, article: ParsedArticle, seed: str, *, short_answer: bool = True
) -> tuple[str, ...] | None:
    """The answer and three distractors in a stable shuffled order. Only when not even the
    last fallback of its kind gives three (rather than offer a choice of another kind) the
    question becomes a short answer, SHORT_ANSWER (no choices); with `short_answer=False` it
    gets None instead, for a caller that drops such questions."""
    if candidate.choices:
        return candidate.choices  # the generator fixed them (true/false)
    rng = _rng(seed, candidate.question, candidate.answer)
    kind = answer_kind(candidate, article)
    wrong = distractors(
        candidate.answer,
        kind,
        article,
        candidate.question,
        rng,
        sentence_index=candidate.sentence_index,
    )
    if len(wrong) < DISTRACTOR_COUNT:
        return SHORT_ANSWER if short_answer else None
    choices = [candidate.answer, *wrong[:DISTRACTOR_COUNT]]
    rng.shuffle(choices)
    return tuple(choices)


def answer_kind(candidate: Candidate, article: ParsedArticle) -> str:
    """The kind the answer really has in the article: a generator's "PERSON" for a company
    gets organizations as distractors, its "ORG" for a person's surname gets people; a
    "NUMBER" written with a currency sign or a percent is an amount of money or a share."""
    if candidate.kind == "NUMBER":
        currency, percent, _ = _unit(candidate.answer)
        return "MONEY" if currency else "PERCENT" if percent else "NUMBER"
    if candidate.kind not in _NAME_KINDS:
        return candidate.kind
    if candidate.kind == "GPE" and names.is_formal_country_name(candidate.answer):
        return "GPE"  # "the Republic of X" is a country whatever the model called it
    found = article.kind_of(candidate.answer)
    if found == "PERSON" or kind_key(candidate.answer) in article.kinds:
        # The article's own mentions decide; a guess from the words alone does not override a
        # generator (a "Space Center" stays a place for a where-question).
        return found if found in _NAME_KINDS else candidate.kind
    return candidate.kind


def distractors(
    answer: str,
    kind: str,
    article: ParsedArticle,
    question: str,
    rng: random.Random,
    *,
    sentence_index: int | None = None,
) -> list[str]:
    """Up to DISTRACTOR_COUNT wrong answers of the answer's kind and role, none a second right
    answer: the article's own first, then the caller's pool, then made up. People are all
    real or all invented (three invented when fewer than three real ones fit: an invented
    person beside real ones is a giveaway); organizations end with real bodies of another
    sort when no sibling can be made up.

    `sentence_index` is the answer's sentence: a name coordinated with the answer there ("A
    and B were sanctioned") is right too, so it is never offered."""
    question_key = f" {normalize(question)} "
    chosen: list[str] = []
    fits = _FITS_BY_KIND.get(kind, _always)
    # Another name the article gives the answer (its full name, its acronym, a short form)
    # is a second right answer; so is a name coordinated with it in its sentence.
    aliases = _aliases(answer, kind, article)
    if sentence_index is not None and not _IDENTITY_QUESTION.match(question):
        aliases = [*aliases, *roles.coordinated_with(answer, article, sentence_index)]
    counted = (
        article.memo("counted_nouns", lambda: _counted_nouns(article)) if kind == "NUMBER" else {}
    )
    question_noun = _question_noun(question) if kind == "NUMBER" else ""
    if kind == "NUMBER" and not question_noun:
        question_noun = counted.get(answer, "")
    rank = _ranker(answer, kind, article, question)
    tried: set[str] = set()

    def take(source: Iterable[str], *, check_fit: bool = True) -> bool:
        """Add the acceptable texts of a source to `chosen`; True once there are enough (a
        last resort written in the answer's own words skips the kind's fit check)."""
        for text in source:
            text = _same_case(" ".join(text.split()), answer, kind)
            if kind == "LAW":
                text = next(_match_article(answer, (text,)))
            if check_fit and text in tried:
                continue  # the same text from another source fails or passes the same way
            tried.add(text)
            if (
                _acceptable(text, answer, chosen, question_key, kind)
                and (not check_fit or fits(answer, text, article))
                and not any(same_answer(text, alias) for alias in aliases)
                and not any(roles.same_thing(text, alias, kind) for alias in aliases)
                and not _unit_clash(question_noun, counted.get(text))
                and not (kind == "ORG" and _parts_of_one_name(text, chosen, article))
            ):
                chosen.append(text)
                if len(chosen) == DISTRACTOR_COUNT:
                    return True
        return False

    mentions = article.memo(
        f"distractor_mentions:{kind}", lambda: list(dict.fromkeys(_from_article(kind, article)))
    )
    pooled = list(dict.fromkeys(_from_pool(kind, article)))
    if kind == "ORG" and _is_group(answer, article):
        # A group of people ("Republicans") stands beside other groups, never beside bodies;
        # none is made up.
        take(_groups_like(answer, [*_from_groups(article), *pooled], article), check_fit=False)
        return chosen
    if take(_in_rank_order(mentions, rank)) or take(_in_rank_order(pooled, rank)):
        return chosen
    if (
        kind == "PERSON"
        and len(answer.split()) == 1
        and take(_surnames(_in_rank_order(mentions, rank), article))
    ):
        return chosen  # a surname beside the article's other people's surnames
    if kind == "PERSON":
        # Too few real people: three invented ones, never one beside a real person.
        return invented_people(answer, article, question)
    if take(_made_up(answer, kind, rng, article)):
        return chosen
    if kind in _LAST_RESORT_KINDS and take(_last_resort(answer, kind), check_fit=False):
        return chosen
    if kind == "ORG":
        # Last: real bodies of another sort (never a group of people, a title or a thing).
        take(_other_sorts([*mentions, *pooled], rank, article))
    return chosen


# Between the names of a list ("A, B and C").
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _is_group(text: str, article: ParsedArticle) -> bool:
    """A nationality, a party's members or another group of people (or a list of them), not
    a body."""
    groups = article.memo("group_mentions", lambda: set(_from_groups(article)))
    parts = [part for part in _LIST_SEPARATOR.split(text) if part]
    return all(part in groups or roles.is_group_of_people(part, article=article) for part in parts)


def _from_groups(article: ParsedArticle) -> Iterator[str]:
    """The article's groups of people used as nouns ("the Democrats", not "Democratic")."""
    for span in article.spans.get("NORP", ()):
        if span.root.dep_ not in {"amod", "compound", "nmod"} and span.root.pos_ != "ADJ":
            yield span.text


def _groups_like(answer: str, texts: Iterable[str], article: ParsedArticle) -> list[str]:
    """The groups of people among `texts` written like the answer (a plural for a plural;
    none for a list of groups, which single groups would not stand beside)."""
    if len(_LIST_SEPARATOR.split(answer)) > 1:
        return []
    plural = normalize(answer).endswith("s")
    return list(
        dict.fromkeys(
            text
            for text in texts
            if _is_group(text, article) and normalize(text).endswith("s") == plural
        )
    )


def _parts_of_one_name(text: str, chosen: list[str], article: ParsedArticle) -> bool:
    """Whether `text` and a chosen body are two pieces of one name the article gives ("the
    Court of Claims" "for" "the 2nd District", or both inside one longer mention): two forms
    of one court, not two courts."""
    key = normalize(text)
    longer = [
        name
        for name in article.memo(
            "org_mention_keys",
            lambda: list(dict.fromkeys(normalize(m) for m in article.mentions.get("ORG", ()))),
        )
        if len(name) > len(key) and _nested(key, name)
    ]
    joined = article.memo("joined_org_names", lambda: _joined_org_names(article))
    return any(
        (key, normalize(other)) in joined
        or any(_nested(normalize(other), name) and normalize(other) != name for name in longer)
        for other in chosen
    )


# Words that run one piece of a name into the next ("X for Y"); a possessive joins a parent
# body to its unit, which are two bodies.
_NAME_JOINERS = frozenset({"for", "of"})


def _joined_org_names(article: ParsedArticle) -> set[tuple[str, str]]:
    """Pairs of the article's body names that run into one another ("the Court of Claims"
    "for" "the 2nd District"): the model's two pieces of one name, each way round."""
    pairs: set[tuple[str, str]] = set()
    spans = sorted(article.spans.get("ORG", ()), key=lambda span: span.start)
    for first, second in itertools.pairwise(spans):
        gap = article.doc[first.end : second.start]
        if len(gap) == 0 or (len(gap) == 1 and gap[0].lower_ in _NAME_JOINERS):
            a, b = normalize(first.text), normalize(second.text)
            pairs.update({(a, b), (b, a)})
    return pairs


def _other_sorts(
    texts: Iterable[str], rank: Callable[[str], int | None], article: ParsedArticle
) -> list[str]:
    """The bodies the answer's ranking left out whose name tells what body they are (a court,
    an agency, an acronym): the last real choices for an organization."""
    found: list[str] = []
    for text in dict.fromkeys(texts):
        if rank(text) is not None:
            continue  # offered already, or turned down for its own reasons
        sort = roles.sort_in_article(text, article)
        if sort == "country" or (sort is None and not roles.is_acronym(text)):
            continue
        found.append(text)
    return found


def invented_people(answer: str, article: ParsedArticle, question: str = "") -> list[str]:
    """Three invented people shaped like the answer (a surname for a surname, given name and
    surname, a middle initial, a title kept), each from another origin's common names, none
    sharing a word with a name of the article or the question. Drawn from a generator seeded
    by the answer alone, so a question always gets the same three. [] for an answer that is
    not shaped like a person's name."""
    words = answer.split()
    titles = 0
    while titles < len(words) - 1 and _is_title_word(words[titles]):
        titles += 1
    name = words[titles:]
    if not name or not is_person_like(" ".join(name)):
        return []
    taken = _article_name_words(article) | {
        word.lower() for word in re.findall(r"[\w'’-]+", f"{answer} {question}")
    }
    digest = hashlib.sha256(answer.encode("utf-8", "surrogatepass")).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    # Nor a longer form of one of the answer's words ("Tomas" for "Tom").
    stems = tuple(word.lower() for word in name if len(word) >= _MIN_NAME_WORD)
    taken |= {
        word.lower()
        for origin in lists.PERSON_NAME_ORIGINS
        for word in (word for names in origin for word in names)
        if word.lower().startswith(stems)
    }
    # A woman among three men is a giveaway: the article's pronouns tell the answer's.
    gender = _gender_of(words, article)
    origins = list(lists.PERSON_NAME_ORIGINS)
    rng.shuffle(origins)
    # Unknown: a woman and a man at least, so that either answer has company.
    genders = [gender] * DISTRACTOR_COUNT if gender is not None else [0, 1, rng.randrange(2)]
    rng.shuffle(genders)
    people: list[str] = []
    for women, men, surnames in origins:
        given_names = (women, men)[genders[len(people)]]
        given = [word for word in _shuffled(given_names, rng) if word.lower() not in taken]
        family = [
            word
            for word in _shuffled(surnames, rng)
            if word.lower() not in taken and not (given and word[:4] == given[0][:4])
        ]
        shaped = _shape_name(name, given, family, rng)
        if shaped is None:
            continue
        taken.update(word.lower() for word in shaped)
        people.append(" ".join([*words[:titles], *shaped]))
        if len(people) == DISTRACTOR_COUNT:
            return people
    return []


def _gender_of(words: list[str], article: ParsedArticle) -> int | None:
    """0 for a woman, 1 for a man, None when unknown: from a courtesy title in or before
    the name, else the first personal pronoun after a mention (up to the end of the next
    sentence, before any other person is named)."""
    spans = [
        span
        for span in article.spans.get("PERSON", ())
        if article.full_name(span.text) == article.full_name(" ".join(words))
        or span.text == " ".join(words)
    ]
    before = [span.doc[span.start - 1].text for span in spans if span.start > 0]
    for word in (*words, *before):
        if word.lower() in lists.FEMALE_WORDS:
            return 0
        if word.lower() in lists.MALE_WORDS:
            return 1
    for span in spans:
        doc = span.doc
        end = span.sent.end
        if end < len(doc):
            end = doc[end].sent.end
        for token in doc[span.end : end]:
            if token.ent_type_ == "PERSON":
                break
            if token.lower_ in lists.FEMALE_WORDS:
                return 0
            if token.lower_ in lists.MALE_WORDS:
                return 1
    return None


def _is_title_word(word: str) -> bool:
    """A title before a name ("Judge", "Dr.", "President")."""
    bare = word.lower().strip(".,")
    return bare in TITLE_WORDS or bare in _COURTESY_TITLES or roles.is_title(bare)


def _shape_name(
    name: list[str], given: list[str], family: list[str], rng: random.Random
) -> list[str] | None:
    """Words for a name shaped like `name`: its last word a surname, its first (of several) a
    given name, a middle initial an initial, another middle word a given name, the third of
    four words a second surname; None when the lists run short."""
    if len(name) == 1:
        return family[:1] or None
    middle = name[1:-1]
    second_surname = len(name) >= _MAX_NAME_WORDS
    if second_surname:
        middle = middle[:-1]
    given_needed = 1 + sum(not _INITIAL.match(word) for word in middle)
    if len(given) < given_needed or len(family) < 1 + second_surname:
        return None
    given_left = iter(given)
    shaped = [next(given_left)]
    shaped += [
        f"{rng.choice(_INITIALS)}." if _INITIAL.match(word) else next(given_left) for word in middle
    ]
    if second_surname:
        shaped.append(family[1])
    shaped.append(family[0])
    return shaped


def _article_name_words(article: ParsedArticle) -> set[str]:
    """Every capitalised word of the article, lower-cased: an invented name shares none."""
    return article.memo(
        "article_name_words",
        lambda: {
            word.lower()
            for token in article.tokens
            if token.text[:1].isupper()
            for word in re.findall(r"[\w'’]+", token.text)
        },
    )


def _ranker(
    answer: str, kind: str, article: ParsedArticle, question: str
) -> Callable[[str], int | None]:
    """How close a candidate is to the answer's role (0 best), None for another kind: a
    judge's choices are judges first, a court's are courts, a ministry's bodies of state."""
    if kind == "PERSON":
        person_roles = roles.person_roles(article)
        wanted = person_roles.get(article.full_name(answer)) or roles.role_of_words(
            question.split()
        )

        def person_rank(text: str) -> int | None:
            if wanted is None:
                return 0
            return 0 if person_roles.get(text) == wanted else 1

        return person_rank
    if kind == "ORG":
        answer_sort = roles.sort_in_article(answer, article)
        return lambda text: roles.org_rank(answer_sort, roles.sort_in_article(text, article), text)
    if kind == "DATE" and _YEAR_ONLY.match(answer.strip()):
        year = int(answer.strip())

        def year_rank(text: str) -> int | None:
            if not _YEAR_ONLY.match(text.strip()):
                return None
            distance = abs(int(text.strip()) - year)
            return distance if distance <= _YEAR_WINDOW else None

        return year_rank
    return lambda text: 0


def _in_rank_order(texts: Iterable[str], rank: Callable[[str], int | None]) -> list[str]:
    """The texts of a kind other than None, best rank first, in text order within a rank."""
    ranked = [(rank(text), index, text) for index, text in enumerate(texts)]
    kept = [(value, index, text) for value, index, text in ranked if value is not None]
    return [text for _, _, text in sorted(kept, key=lambda item: (item[0], item[1]))]


def _aliases(answer: str, kind: str, article: ParsedArticle) -> list[str]:
    """The article's other mentions of the answer (its full name, acronym or short form)."""
    return article.memo(f"aliases:{kind}:{answer}", lambda: _find_aliases(answer, kind, article))


def _find_aliases(answer: str, kind: str, article: ParsedArticle) -> list[str]:
    """Mentions that share a word with the answer, or are an acronym, and name the same."""
    aliases = [article.full_name(answer)] if kind == "PERSON" else []
    words = set(normalize(answer).split())
    short = _is_acronym_like(answer)
    for text in dict.fromkeys(article.mentions.get(kind, ())):
        if text == answer or not (
            short or _is_acronym_like(text) or words & set(normalize(text).split())
        ):
            continue  # no word in common and no acronym: cannot be the same name
        if same_answer(text, answer):
            aliases.append(text)
    return aliases


def _is_acronym_like(text: str) -> bool:
    """A short all-capitals name that may stand for a longer one ("UN", "U.K.", "NATO")."""
    letters = text.replace(".", "").strip()
    return 2 <= len(letters) <= 6 and letters.isupper()


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
    # A long answer ("Section 12(b) of the Clean Rivers Act, …") may have long twins.
    if not text or len(text.split()) > max(MAX_DISTRACTOR_WORDS, len(answer.split())):
        return False
    key = normalize(text)
    if not key or f" {key} " in question_key:
        return False
    if text.count("(") != text.count(")"):
        return False  # a name cut inside its parentheses ("the Directorate of X (")
    if kind == "PERSON" and any(
        len(word) >= _MIN_NAME_WORD and f" {word} " in question_key for word in key.split()
    ):
        return False  # "Who did Lindqvar call ...?" cannot offer "Ann Lindqvar"
    if kind in _NESTING_KINDS and _nested(key, normalize(answer)):
        return False  # "the Agency" for "the Agency’s Field Office": a part is not wrong
    if kind in _CLIPPING_KINDS and any(_is_clipping(text, other) for other in (answer, *chosen)):
        return False  # "Fed" and "the Federal Reserve" name one body
    # Two forms of one thing ("OTA" and "the Office of Tidal Affairs", a surname and the full
    # name) are never two choices, nor a choice and the answer.
    return not any(
        same_answer(text, other) or roles.same_thing(text, other, kind)
        for other in (answer, *chosen)
    )


def _is_clipping(first: str, second: str) -> bool:
    """Whether one name is a single word clipped from the first word of the other's name
    ("Fed" and "The Federal Reserve"), the short form news writers use for a body."""
    for short, long in ((first, second), (second, first)):
        if " " in short.strip() or len(short) < _MIN_CLIPPING or not short[:1].isupper():
            continue
        words = [
            word
            for word in long.replace(".", "").split()
            if word[:1].isupper() and word.lower() not in _CLIPPING_SKIPPED_WORDS
        ]
        if words and len(words[0]) > len(short) and words[0].lower().startswith(short.lower()):
            return True
    return False


def _nested(first: str, second: str) -> bool:
    """Whether one name's words run inside the other's ("court of claims" in "court
    of claims for the 9th district")."""
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _always(answer: str, text: str, article: ParsedArticle) -> bool:
    """Any mention of the kind fits."""
    return True


# ---- where the candidates come from -------------------------------------------------------


def _from_pool(kind: str, article: ParsedArticle) -> Iterator[str]:
    """The caller's same-kind texts (a lone string counts as one text, not its letters); sums
    of money and percentages also come from its numbers (the app pools them as "NUMBER")."""
    texts = article.pool.get(kind, ())
    if kind in _AMOUNT_KINDS and not texts:
        texts = article.pool.get("NUMBER", ())
    if isinstance(texts, str):
        texts = (texts,)
    yield from (text for text in texts if isinstance(text, str))


def _from_article(kind: str, article: ParsedArticle) -> Iterator[str]:
    """Mentions of the kind in the article, full names for people, fragments skipped."""
    if kind == "PERSON":
        for span in article.spans.get("PERSON", ()):
            name = article.full_name(span.text)
            if is_person_like(name) and article.kind_of(name) in {"PERSON", None}:
                yield name
        return
    if kind == "LAW":
        yield from (law.text for law in article.laws)
    if kind == "ORG":
        people = set(article.mentions.get("PERSON", ()))
        person_words = {word for person in people for word in person.split()}
        for span in article.spans.get("ORG", ()):
            if _is_fragment(span, person_words) or not _is_organization_like(span, article):
                continue
            if span.text in people or span.text.endswith(("'s", "’s")):
                continue
            if roles.is_group_of_people(span.text, span, article):
                continue  # "Democrats" are members, not a body
            yield span.text
        return
    if kind == "GPE":
        # A dateline in capitals ("LAKESIDE —") is not how a choice should read.
        yield from (
            text
            for text in article.mentions.get(kind, ())
            if not _is_shouted(text) and _is_place_like(text, article)
        )
        return
    if kind == "NUMBER":
        for span in article.spans.get(kind, ()):
            if not _YEAR_ONLY.match(span.text) and not _is_tally_part(span):
                yield span.text
        return
    if kind in _AMOUNT_KINDS:
        # The model's MONEY span may start at "more than"; a bare amount reads as a choice.
        yield from (text for text in article.mentions.get(kind, ()) if _numbers_in(text))
        return
    yield from article.mentions.get(kind, ())


def _is_tally_part(span: Span) -> bool:
    """A number joined to another by a dash: one side of a vote or a score ("286-134")."""
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    after = doc[span.end : span.end + 2] if span.end + 2 <= len(doc) else None
    return any(
        pair is not None
        and pair[0 if pair is after else 1].text in _DASHES
        and any(token.like_num for token in pair)
        for pair in (before, after)
    )


def _counted_nouns(article: ParsedArticle) -> dict[str, str]:
    """The noun each number mention of the article counts ("35" -> "day" in "35 days")."""
    nouns: dict[str, str] = {}
    doc = article.doc
    for span in article.spans.get("NUMBER", ()):
        following = doc[span.end] if span.end < len(doc) else None
        noun = (
            following.lemma_.lower() if following is not None and following.pos_ == "NOUN" else ""
        )
        if nouns.get(span.text, "") == "":
            nouns[span.text] = noun
    return nouns


def _question_noun(question: str) -> str:
    """The noun a how-many question counts ("How many days ..." -> "day", "How many metric
    tons ..." -> "ton"), or ""."""
    match = _HOW_MANY_NOUN.match(question)
    if not match:
        return ""
    written = match.group(1).split()
    words = [_singular(word.lower()) for word in written]
    measure = next((word for word in words if word in lists.MEASURE_UNITS), None)
    if measure is not None:
        return measure
    # The first word in lower case is the noun ("How many North Korean entities ...").
    noun = next((word for word in written if word.islower()), written[0]).lower()
    lemmas = lemminflect.getLemma(noun, upos="NOUN")
    return lemmas[0] if lemmas else _singular(noun)


def _singular(word: str) -> str:
    """A plural noun's rough singular ("days" -> "day", "kilometers" -> "kilometer")."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _unit_clash(question_noun: str, counted: str | None) -> bool:
    """Whether a number of the article counts another measure than the question ("nearly 12"
    percentage points for a count of observers; "all 12" bills for "How many days ...?").
    `counted` is None for a number from elsewhere (made up in the answer's own words)."""
    if counted is None or not question_noun or question_noun == counted:
        return False
    if question_noun in lists.MEASURE_UNITS:
        return True  # a measure needs the same measure, not a bare count
    # A count of another noun ("167 observers" for a count of seats) is another kind.
    return bool(counted)


def is_person_like(text: str) -> bool:
    """Whether a text is shaped like a person's name: one to four capitalised words, none a
    title, an organization's or a facility's word ("Soto Cano Air Base", "USAID
    Administrator", "Intelligence Ann Lindqvar" are not)."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS:
        return False
    for word in words:
        bare = word.strip(".")
        lower = bare.lower()
        if not _NAME_WORD.match(word) or is_camel_case(bare):
            return False
        if lower in TITLE_WORDS or lower in ORGANIZATION_WORDS or lower in TITLE_FIELD_WORDS:
            return False
        if lower in patterns.FACILITY_WORDS:
            return False
    return True


def _is_organization_like(span: Span, article: ParsedArticle) -> bool:
    """An ORG mention that names a body: not a title ("Agency Administrator"), a piece of a
    title ("Lakeside State Health" Secretary), a thing ("Entity List", "the International Space
    Station", "Falcon" 9) or a name used only to modify a noun ("MMR" vaccine)."""
    last = span[-1].lower_
    if last in TITLE_WORDS or last in NOT_ORG_HEADS or last in patterns.FACILITY_WORDS:
        return False
    if span.root.lower_ in NOT_ORG_HEADS or span.root.lower_ in COUNTRY_HEADS:
        return False  # "the Lakeside Accords", "the Republic of Lakeside": no bodies
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None:
        if following.is_title and following.lower_ in TITLE_WORDS:
            return False  # "Lakeside State Health Secretary"
        if following.like_num and not following.is_punct:
            return False  # "Falcon 9"
        if (
            len(span) == 1
            and following.pos_ == "NOUN"
            and following.is_lower
            and not any(
                other.start != span.start and other.text == span.text
                for other in article.spans.get("ORG", ())
            )
        ):
            return False  # "the MMR vaccine", never the body itself
    if (
        len(span) > 1
        and span[0].lower_ == "the"
        and span.root.dep_ == "compound"
        and span.root.head.is_lower
    ):
        return False  # "the International Disaster Assistance" account
    return article.kind_of(span.text) in {"ORG", None}


def _is_place_like(text: str, article: ParsedArticle) -> bool:
    """A place, not a body the model called one ("Mercosur" is also an ORG in the text) nor a
    person ("Helen Park", whose words are a person's name in the article)."""
    if article.kind_of(text) not in {"GPE", None}:
        return False
    key = kind_key(text)
    org_keys = article.memo(
        "org_keys", lambda: {kind_key(span.text) for span in article.spans.get("ORG", ())}
    )
    if key in org_keys:
        return False
    words = key.split()
    return not all(article.kinds.get(word) == "PERSON" for word in words)


def _is_shouted(text: str) -> bool:
    """A name written in capitals that is not an acronym ("LAKESIDE", "SAN MARINO")."""
    return text.isupper() and len(text.replace(".", "").replace(" ", "")) > 4


def _is_fragment(span: Span, person_words: set[str]) -> bool:
    """An entity cut out of a longer name ("Labor" in "Democracy, Human Rights and Labor")."""
    if span[-1].lower_ in _DANGLING_WORDS:
        return True  # "The Agency for"
    if len(span) == 1 and span.text in person_words:
        return True  # a surname the model called an organization
    if span.start < 2:
        return False
    if span[0].lower_ == "the" or roles.org_sort(span[-1].text) is not None:
        return False  # "..., the College of X", "... and Y University": names of their own
    before, earlier = span.doc[span.start - 1], span.doc[span.start - 2]
    if before.lower_ in {"of", "for", "and", "&", ","} and earlier.is_title:
        return True
    return before.is_title and not before.is_sent_start and before.lower_ != "the"


def _made_up(
    answer: str, kind: str, rng: random.Random, article: ParsedArticle | None = None
) -> Iterator[str]:
    """Invented distractors of the answer's kind and style."""
    if kind in _AMOUNT_KINDS:
        yield from _made_up_amounts(answer, rng, kind)
        return
    if kind == "GPE":
        yield from _made_up_places(answer, rng, article)  # the article tells a town's level
        return
    maker = _MAKERS.get(kind)
    if maker is not None:
        yield from maker(answer, rng)
    if kind == "ORG":
        yield from _place_swapped_bodies(answer, rng, article)


# Country names that take "the" in English ("the United Kingdom", "the Cayman Islands"):
# "the University of United Kingdom" would give itself away.
_TAKES_THE = re.compile(r"^(?:the |The |United )|\b(?:Islands|Republic|Netherlands|Emirates)$")
_PLACE_WORDS = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")


def _place_swapped_bodies(
    answer: str, rng: random.Random, article: ParsedArticle | None
) -> Iterator[str]:
    """A body named after a place with another place of that sort, the article's first ("the
    Agency's Lakeside Field Office" -> "the Agency's Riverton Field Office")."""
    mentions = article.mentions.get("GPE", ()) if article is not None else ()
    # A place written with "the" ("the Gambia") reads badly inside another name.
    known = list(dict.fromkeys(text for text in mentions if not _LEADING_THE.match(text)))
    for match in _PLACE_WORDS.finditer(answer):
        words = match.group().split()
        # The longest run of capitalised words that is a place ("New Caledonia", not a part).
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                place = " ".join(words[start : start + size]).strip(".,")
                if place.endswith(("'s", "’s")):
                    continue
                if (
                    place in known
                    or gazetteer.country_of(place)
                    or place in gazetteer.state_names()
                ):
                    offset = answer.find(place, match.start())
                    others = [
                        text
                        for text in known
                        if text != place and _fits_place(place, text, article)
                    ]
                    for other in [*others, *_made_up_places(place, rng, article)]:
                        if other != place and not _TAKES_THE.search(other):
                            yield answer[:offset] + other + answer[offset + len(place) :]
                    return


def _shuffled(items: Sequence[str], rng: random.Random) -> list[str]:
    """A copy of `items` in an order drawn from the private generator."""
    copy = list(items)
    rng.shuffle(copy)
    return copy


def _match_article(answer: str, items: Iterable[str]) -> Iterator[str]:
    """Named laws with a leading "the" written the way the answer writes it ("the Water Act"
    beside "the Clean Air Act"); a numbered reference never takes one."""
    prefix = answer[:4] if _LEADING_THE.match(answer) else ""
    for item in items:
        bare = _LEADING_THE.sub("", item)
        if not prefix or _SECTION.match(bare) or _ORDER.match(bare):
            yield bare
        else:
            yield prefix + bare


# ---- numbers ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # the same mentions are weighed for every question
def _numbers_in(text: str) -> tuple[re.Match[str], ...]:
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
    return tuple(numbers)


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


@functools.lru_cache(maxsize=4096)  # the same mentions are weighed for every question
def _style(text: str) -> str:
    """ "range", "words", "digits" or "vague": how a count is written."""
    numbers = _numbers_in(text)
    if len(numbers) >= 2:
        return "range"
    if not numbers:
        return "vague"
    return "digits" if numbers[0].group()[0].isdigit() else "words"


def _fits_number(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """A number written in the answer's style and unit, within a factor of ten of it, and not
    the same amount ("80 kilometers" is no wrong choice for "up to 80"; nor is "215
    kilometers" for a count of people, or a tally "74-25" for a count)."""
    if _style(answer) != _style(text) or _unit(answer) != _unit(text):
        return False
    if _TALLY.search(text) and not _TALLY.search(answer):
        return False
    if _style(answer) == "vague":
        return True  # "dozens" beside "hundreds": no value to compare
    a, b = _first_amount(answer), _first_amount(text)
    if a is None or b is None or a <= 0 or b <= 0:
        return a == b == 0
    return a != b and 0.1 <= b / a <= 10


@functools.lru_cache(maxsize=4096)  # the same mentions are weighed for every question
def _unit(text: str) -> tuple[bool, bool, str]:
    """What a number counts: (currency, percent, the counted noun) — "$60 million" is
    (True, False, ""), "61%" (False, True, ""), "215 kilometers" (False, False, "kilometer"),
    a bare "at least 47" (False, False, "")."""
    numbers = _numbers_in(text)
    if not numbers:
        return (False, False, "")
    currency = any(char in _CURRENCY for char in text[: numbers[0].start()])
    tail = re.findall(r"[\w%]+", text[numbers[-1].end() :].lower())
    percent = any(word in _PERCENT_WORDS for word in tail)
    nouns = [
        word
        for word in tail
        if word not in _SCALE_WORDS and word not in _PERCENT_WORDS and not word.isdigit()
    ]
    noun = nouns[-1] if nouns else ""
    return (currency, percent, noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun)


@functools.lru_cache(maxsize=4096)  # the same mentions are weighed for every question
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
    """Counts near the answer, written in its style (words, digits, a range); other shares,
    ranks or scales for a share, a rank or a bare scale ("a third", "first", "a million")."""
    if _FRACTION_WORD.search(answer) or _ORDINAL_WORD.search(answer):
        yield from _last_resort(answer, "NUMBER")
        return
    numbers = _numbers_in(answer)
    if numbers and all(match.group().lower() in _SCALE_WORDS for match in numbers):
        for scale in ("dozen", *lists.SCALE_WORDS.values()):
            if scale != numbers[0].group().lower():
                yield _swap(answer, numbers[0], _like_case((scale,), numbers[0].group()).__next__())
        return
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
    answer: str, numbers: Sequence[re.Match[str]], new_values: list[float]
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


# ---- money and percentages ---------------------------------------------------------------


def _amounts_in(text: str) -> list[tuple[re.Match[str], float]]:
    """Each amount in a text with its value, scale word included ("$1.1 billion" -> 1.1e9)."""
    found: list[tuple[re.Match[str], float]] = []
    for match in _AMOUNT.finditer(text):
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        if match.group(2):
            value *= _SCALE_VALUES[match.group(2).lower()]
        found.append((match, value))
    return found


def _decimals(number: str) -> int:
    """How many decimals a written number has ("3.75" -> 2)."""
    return len(number.split(".")[1]) if "." in number else 0


def _significant(number: str) -> int:
    """How many significant digits a written number has ("843" -> 3, "1.1" -> 2, "30" -> 1)."""
    digits = number.replace(",", "").replace(".", "").lstrip("0")
    if "." not in number:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def _write_money(value: float, template: re.Match[str]) -> str:
    """A sum of money written like `template` ("843 million"): its scale word or the next one
    up or down, the same number of significant digits."""
    figure = template.group(1)
    if not template.group(2):
        return _format_like(figure, value, _precision(_value(figure) or 1.0)) or ""
    scale_word = template.group(2)
    scales = sorted(
        (scale, word) for word, scale in _SCALE_VALUES.items() if scale >= _SCALE_VALUES["million"]
    )
    scale, word = scales[0]
    for candidate_scale, candidate_word in scales:
        if value >= candidate_scale:
            scale, word = candidate_scale, candidate_word
    amount = value / scale
    digits = max(_significant(figure), 2 if amount >= 10 else 1)
    places = max(digits - len(str(int(amount))), 0)
    text = f"{amount:,.{places}f}".rstrip("0").rstrip(".") if places else f"{round(amount):,}"
    word = word.capitalize() if scale_word[0].isupper() else word
    return f"{text} {word}"


def _write_percent(value: float, template: str) -> str:
    """A share written with the decimals of `template` ("3.75" -> "4.25"), more when the value
    needs them ("4" moved by a quarter point -> "4.25")."""
    places = max(_decimals(template), len(f"{value:.2f}".rstrip("0").split(".")[1]))
    return f"{value:.{places}f}" if places else str(round(value))


def _amount_offsets(figure: str, value: float) -> list[float]:
    """Steps to move a percentage by: a quarter point for "3.75", half a point for "3.5",
    a point or two for "16"."""
    places = _decimals(figure)
    step = 0.25 if places >= 2 else 0.5 if places == 1 else 1.0 if value <= 10 else 2.0
    return [step * k for k in (1, -1, 2, -2, 3, -3, 4)]


def _made_up_amounts(answer: str, rng: random.Random, kind: str) -> Iterator[str]:
    """Sums of money or percentages near the answer, written the same way: "$843 million" ->
    "$632 million", "$1.1 billion"; "3.5%" -> "4.0%"; a range stays a range."""
    amounts = _amounts_in(answer)
    if not amounts:
        return
    values = [value for _, value in amounts]
    if kind == "PERCENT":
        offsets = _amount_offsets(amounts[0][0].group(1), values[0])
        targets = [[v + offset for v in values] for offset in offsets]
    else:
        targets = [[v * factor for v in values] for factor in _MONEY_FACTORS]
    seen = {tuple(values)}
    for new_values in targets:
        if any(v <= 0 or (kind == "PERCENT" and v > 100) for v in new_values):
            continue
        pieces: list[str] = []
        last = 0
        for (match, _), value in zip(amounts, new_values, strict=True):
            if kind == "PERCENT":
                written = _write_percent(value, match.group(1))
            else:
                written = _write_money(value, match)
            if not written:
                break
            pieces += [answer[last : match.start()], written]
            last = match.end()
        else:
            text = "".join(pieces) + answer[last:]
            written_values = tuple(value for _, value in _amounts_in(text))
            # Rounding may bring a value back to the answer's or make a range run backwards.
            if written_values in seen or list(written_values) != sorted(written_values):
                continue
            if len(set(written_values)) < len(written_values):
                continue
            seen.add(written_values)
            yield text


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


def _fits_date(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """A date of the same shape (a weekday for a weekday, a month date for a month date),
    not a span the model ran on ("Tuesday to 13 years") nor one holding the answer."""
    if _DURATION.search(text) and not _DURATION.search(answer):
        return False
    answer_key, text_key = normalize(answer), normalize(text)
    if answer_key and f" {answer_key} " in f" {text_key} ":
        return False
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
        index = words.WEEKDAYS.index(weekday.group())
        for offset in (1, -1, 2, -2, 3):
            yield _swap(answer, weekday, words.WEEKDAYS[(index + offset) % 7])
        return
    month = _MONTH.search(answer)
    if month:
        name = words.MONTH_ABBREVIATIONS.get(month.group(), month.group())
        index = words.MONTHS.index(name)
        day = _DAY.search(answer, month.end())
        for offset in (1, -1, 2, -3, 4, -4):
            other = (index + offset) % 12
            if day is None or int(day.group()) <= calendar.monthrange(2000, other + 1)[1]:
                yield _swap(answer, month, words.MONTHS[other])  # no "February 31"
        year = _YEAR.search(answer)
        if year:
            yield _swap(answer, year, str(int(year.group()) - 1))
        if day and int(day.group()) <= 25:
            yield _swap(answer, day, str(int(day.group()) + 3))
        return
    if _YEAR.search(answer):
        yield from _shift_years(answer, (-1, 1, -2, 2, -3))
        return
    yield from _shuffled(lists.RELATIVE_DATES, rng)


def _shift_years(answer: str, offsets: Iterable[int]) -> Iterator[str]:
    """The answer with every year moved by each offset ("2016-2017" -> "2015-2016")."""
    for offset in offsets:
        yield _YEAR.sub(lambda match, by=offset: str(int(match.group()) + by), answer)


# ---- last resorts: same-kind choices written in the answer's own words ---------------------


def _last_resort(answer: str, kind: str) -> Iterator[str]:
    """Choices of the answer's kind built from its own words, for when the article, the pool
    and the made-up neighbours gave too few: other shares, ranks, scales, multiples, clock
    times, years further off."""
    if kind == "DATE":
        yield from _last_resort_dates(answer)
    elif _FRACTION_WORD.search(answer) and kind == "NUMBER":
        yield from _like_case(lists.FRACTIONS, answer)
    elif (ordinal := _ORDINAL_WORD.search(answer)) is not None:
        index = lists.ORDINALS.index(ordinal.group().lower())
        for offset in (1, -1, 2, 3, -2, 4):
            if 0 <= index + offset < len(lists.ORDINALS):
                word = lists.ORDINALS[index + offset]
                yield _swap(
                    answer, ordinal, word.capitalize() if ordinal.group()[0].isupper() else word
                )
    elif (
        kind == "NUMBER"
        and (numbers := _numbers_in(answer))
        and all(match.group().lower() in _SCALE_WORDS for match in numbers)
    ):
        yield from _made_up_numbers(answer, random.Random(0))  # its scales, not its values
    elif (scale := _VAGUE_SCALE.search(answer)) is not None:
        yield from _other_scales(answer, scale)
    else:
        yield from _multiples(answer, kind)


def _like_case(items: Iterable[str], answer: str) -> Iterator[str]:
    """Items capitalised when the answer is."""
    for item in items:
        yield item[0].upper() + item[1:] if answer[:1].isupper() else item


def _other_scales(answer: str, scale: re.Match[str]) -> Iterator[str]:
    """A vague amount at another scale ("hundreds of millions" -> "tens of millions",
    "hundreds of thousands"): the scales still grow from left to right."""
    order = {word: index for index, word in enumerate(lists.VAGUE_SCALES)}
    for other in lists.VAGUE_SCALES:
        if other == scale.group().lower():
            continue
        text = _swap(answer, scale, other)
        found = [order[match.group().lower()] for match in _VAGUE_SCALE.finditer(text)]
        if len(found) == len(set(found)) and found == sorted(found):
            yield text


def _multiples(answer: str, kind: str) -> Iterator[str]:
    """The answer with its numbers doubled, halved, tripled ..., written in its style with
    whatever precision keeps them apart; "1", "2", "3" for a zero; vague amounts for none."""
    if kind in _AMOUNT_KINDS:
        numbers = tuple(match for match, _ in _amounts_in(answer))
        values: list[float | None] = [value for _, value in _amounts_in(answer)]
        values = [_value(match.group(1)) for match in numbers]
    else:
        numbers = _numbers_in(answer)
        values = [_value(match.group()) for match in numbers]
    if not numbers or any(value is None for value in values):
        if kind == "NUMBER":  # a vague sum of money or share ("half a percent") gets none
            yield from lists.VAGUE_AMOUNTS
        return
    first = values[0] or 0.0
    targets = [[offset + (value or 0.0) for value in values] for offset in (1.0, 2.0, 3.0, 5.0)]
    if first:
        targets = [[(value or 0.0) * factor for value in values] for factor in _LAST_RESORT_FACTORS]
    for new_values in targets:
        if kind == "PERCENT" and any(value > 100 for value in new_values):
            continue
        pieces: list[str] = []
        last = 0
        for match, value in zip(numbers, new_values, strict=True):
            figure = match.group(1) if kind in _AMOUNT_KINDS else match.group()
            start = match.start(1) if kind in _AMOUNT_KINDS else match.start()
            written = _format_like(figure, value, 1) if value >= 1 or "." in figure else None
            if written is None:
                written = f"{value:.2f}".rstrip("0").rstrip(".")
            pieces += [answer[last:start], written]
            last = start + len(figure)
        yield "".join(pieces) + answer[last:]


def _last_resort_dates(answer: str) -> Iterator[str]:
    """Clock times for a time without a number ("noon"), years further off for a year,
    weekdays and months further off for those."""
    shape = _date_shape(answer)
    if shape == "time":
        yield from lists.CLOCK_TIMES
    elif shape == "weekday":
        weekday = _WEEKDAY.search(answer)
        if weekday is not None:
            index = words.WEEKDAYS.index(weekday.group())
            for offset in (3, -3, 4, 5, 6):
                yield _swap(answer, weekday, words.WEEKDAYS[(index + offset) % 7])
    elif _YEAR.search(answer):
        yield from _shift_years(answer, _LAST_RESORT_YEARS)
    elif shape == "relative":
        yield from lists.RELATIVE_DATES
    else:
        month = _MONTH.search(answer)
        if month is not None:
            name = words.MONTH_ABBREVIATIONS.get(month.group(), month.group())
            index = words.MONTHS.index(name)
            for offset in (5, -5, 6):
                yield _swap(answer, month, words.MONTHS[(index + offset) % 12])


def _swap(text: str, match: re.Match[str], replacement: str) -> str:
    """`text` with the matched part replaced."""
    return text[: match.start()] + replacement + text[match.end() :]


# ---- places, organizations, people, laws --------------------------------------------------


def _place_sort(text: str, article: ParsedArticle | None = None) -> str | None:
    """ "country", "state", "city" or "region" for a place the gazetteer or the article knows
    ("Lakeside, Nevada" makes Lakeside a city; a LOC mention is a region); None if unknown."""
    known = names.place_sort(text)
    bare = _LEADING_THE.sub("", text.strip())
    if known is None and bare in gazetteer.state_names():
        return "state"
    if known is not None or article is None:
        return known
    sorts = article.memo("place_sorts", lambda: _article_place_sorts(article))
    return sorts.get(bare)


def _article_place_sorts(article: ParsedArticle) -> dict[str, str]:
    """Sorts the article shows: in "X, Y" X is a city and Y its state when Y is no country;
    a LOC mention is a region."""
    sorts: dict[str, str] = {}
    doc = article.doc
    for span in article.spans.get("GPE", ()):
        bare = _LEADING_THE.sub("", span.text)
        if span.label_ == "LOC":
            sorts.setdefault(bare, "region")
            continue
        after = doc[span.end : span.end + 3].text if span.end < len(doc) else ""
        match = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)", after)
        if match is None or names.place_sort(bare) not in {None, "city"}:
            continue
        higher = match.group(1)
        if higher in lists.GAZETTEER_COUNTRIES or higher in lists.GAZETTEER_US_STATES:
            sorts[bare] = "city"
        elif any(other.text == higher for other in article.spans.get("GPE", ())):
            sorts[bare] = "city"
            sorts.setdefault(higher, "state")
    return sorts


def _fits_place(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """A place at the answer's level: a country for a country, a state for a state, a city
    (or an unknown town) for a city or a town."""
    mine, theirs = _place_sort(answer, article), _place_sort(text, article)
    local = {None, "city"}
    if mine in local:
        return theirs in local
    return mine == theirs


def _made_up_places(
    answer: str, rng: random.Random, article: ParsedArticle | None = None
) -> Iterator[str]:
    """Places of the answer's sort from the libraries' gazetteer, its neighbours first: the
    countries of its continent, the cities of its country, the states the tz database names
    (its own country's first); an unknown town gets the cities nearest the country the
    article names."""
    sort = _place_sort(answer, article) or "city"
    bare = _LEADING_THE.sub("", answer.strip())
    if sort == "state":
        places = gazetteer.state_choices(_article_country(article))
    elif sort == "region":
        places = _shuffled(gazetteer.region_names(), rng)
    elif sort == "country":
        places = gazetteer.neighbours_first(
            bare, tuple(_shuffled(gazetteer.country_choices(), rng))
        )
    else:
        near = bare if gazetteer.country_of(bare) else _article_country(article)
        cities = tuple(_shuffled(gazetteer.city_choices(), rng))
        places = gazetteer.neighbours_first(near, cities) if near else list(cities)
    # A place's "the" belongs to its name: a bare answer gets bare choices.
    keep_the = _LEADING_THE.match(answer) is not None
    for place in places:
        yield place if keep_the else _LEADING_THE.sub("", place)


def _article_country(article: ParsedArticle | None) -> str | None:
    """The first country the article names, to place its towns' made-up neighbours."""
    if article is None:
        return None
    for text in article.mentions.get("GPE", ()):
        bare = _LEADING_THE.sub("", text)
        if bare in gazetteer.country_names():
            return bare
    return None


_MINISTRY = re.compile(r"^(?P<before>.*?\bMinistry of )(?P<field>[A-Z][a-z]+(?: Affairs)?)$")
# A numbered reference other than a section or an order: "Title IX", "Article 5", "Public
# Law 115-44", "Resolution 2231".
_NUMBERED_LAW = re.compile(
    r"^(?P<before>(?:(?:the|The) )?(?:[A-Z][\w.]* )*?"
    r"(?:Title|Article|Chapter|Rule|Resolution|Law|Directive|Regulation|Part|No\.) )"
    r"(?P<number>\d+|[IVXL]+)\b(?P<after>.*)$"
)
# A named law: "the Clean Rivers Act of 2016", "Water Code", "the Data Act, 2026".
_NAMED_LAW = re.compile(
    r"^(?P<the>(?:the|The) )?(?P<name>[A-Z].*?) (?P<act>Act|Law|Code)"
    r"(?P<tail>(?: of|,) (?:1[6-9]|20)\d\d)?$"
)
_DEPARTMENT = re.compile(r"^(?P<before>(?:.*\s)?)(?P<field>[A-Z][a-z]+)(?P<after> Department)$")


def _made_up_orgs(answer: str, rng: random.Random) -> Iterator[str]:
    """Sibling bodies in the answer's own pattern: a ministry or department with another
    portfolio ("the Ministry of Trade" -> "the Ministry of Health"), a court of another sort
    ("the District Court" -> "the Bankruptcy Court"), an agency, board, office or commission
    with another subject ("the Water Development Board" -> "the Energy Development Board");
    nothing for a body whose name has no such word."""
    for pattern, portfolios in (
        (_MINISTRY, lists.MINISTRY_PORTFOLIOS),
        (_DEPARTMENT, lists.DEPARTMENT_PORTFOLIOS),
    ):
        match = pattern.match(answer.strip())
        if match is None or match.group("field") not in portfolios:
            continue
        after = match.groupdict().get("after") or ""
        for field in _shuffled(portfolios, rng):
            if field != match.group("field"):
                yield f"{match.group('before')}{field}{after}"
        return
    bare = _LEADING_THE.sub("", answer.strip())
    if " " not in bare and roles.org_sort(bare) == "ministry":
        # A ministry named by its portfolio alone ("Treasury"): departments beside it.
        taken = {word.lower() for word in answer.split()}
        for field in _shuffled(lists.DEPARTMENT_PORTFOLIOS, rng):
            if field.lower() not in taken:
                yield f"the {field} Department"
        return
    yield from _made_up_subject_bodies(answer, rng)


def _made_up_subject_bodies(answer: str, rng: random.Random) -> Iterator[str]:
    """The answer with the subject word nearest its head swapped ("the National Customs
    Service" -> "the National Postal Service"); a court's sort word (a command's region or
    task) stands right before "Court" ("Command")."""
    words = answer.strip().split()
    heads = [
        index
        for index, word in enumerate(words)
        if word.lower().strip(".,") in lists.ORG_PATTERN_HEADS
    ]
    if not heads:
        yield from _made_up_schools(answer, rng)
        return
    head = heads[0]
    head_word = words[head].lower().strip(".,")
    if head_word in {"court", "tribunal", "command"}:
        subjects = lists.COMMAND_SUBJECTS if head_word == "command" else lists.COURT_SUBJECTS
        slots = [(head - 1, subjects)] if head > 0 else []
    else:
        slots = [
            (index, subjects)
            for index in reversed(range(len(words)))
            for subjects in (lists.ORG_SUBJECT_NOUNS, lists.ORG_SUBJECT_ADJECTIVES)
            if words[index] in subjects
        ]
    for index, subjects in slots[:1]:
        if words[index] not in subjects:
            return
        taken = {word.lower() for word in words}
        for subject in _shuffled(subjects, rng):
            if subject.lower() not in taken:
                yield " ".join([*words[:index], subject, *words[index + 1 :]])


_SCHOOL_OF = re.compile(r"^(?P<before>(?:the |The )?(?:University|College) of )(?P<place>.+)$")
_PLACE_SCHOOL = re.compile(
    r"^(?P<before>(?:the |The )?)(?P<place>.+?)(?P<after> (?:State )?(?:University|College))$"
)


def _made_up_schools(answer: str, rng: random.Random) -> Iterator[str]:
    """A university named after a place, with another place of its country ("the University
    of Lyon" -> "the University of Lille"); nothing for one named otherwise."""
    match = _SCHOOL_OF.match(answer.strip()) or _PLACE_SCHOOL.match(answer.strip())
    if match is None:
        return
    place = match.group("place")
    if gazetteer.country_of(place) is None and place not in gazetteer.state_names():
        return
    if place in gazetteer.state_names():
        places = gazetteer.state_choices(place)
    elif place in gazetteer.country_names():
        places = gazetteer.neighbours_first(
            place, tuple(_shuffled(gazetteer.country_choices(), rng))
        )
    else:
        places = gazetteer.neighbours_first(place, tuple(_shuffled(gazetteer.city_choices(), rng)))
    after = match.groupdict().get("after") or ""
    for other in places:
        if other != place and not _TAKES_THE.search(other):
            yield f"{match.group('before')}{other}{after}"


def _fits_org(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """An organization's name, not a title, a thing, a person or a group of people (pool
    texts come unparsed: "Agency Administrator", "Entity List", "Space Center", "Democrats")."""
    words = text.split()
    last = words[-1].lower().strip(".,") if words else ""
    if last in TITLE_WORDS or last in NOT_ORG_HEADS or last in patterns.FACILITY_WORDS:
        return False
    head = roles.head_word(text)
    if head in NOT_ORG_HEADS or head in COUNTRY_HEADS or names.place_sort(text) == "country":
        return False  # "the Lakeside Accords", "the Republic of Lakeside": no bodies
    if roles.is_title(last) and not any(roles.is_title(word) for word in answer.split()[-1:]):
        return False  # "Political Commissar", a title the model took for a body
    if roles.is_group_of_people(text, article=article) and not roles.is_group_of_people(
        answer, article=article
    ):
        return False
    return article is None or article.kind_of(text) in {"ORG", None}


def _surnames(names: Iterable[str], article: ParsedArticle) -> Iterator[str]:
    """The one-word forms of the article's people: the surname the article itself uses for a
    full name, else its last word."""
    short_forms = article.memo("short_forms", lambda: _short_forms(article))
    for name in names:
        words = name.split()
        if len(words) > 1:
            yield short_forms.get(name, words[-1])


def _short_forms(article: ParsedArticle) -> dict[str, str]:
    """Full name -> the one-word form the article uses for it."""
    short_forms: dict[str, str] = {}
    for mention, full in article.person_names.items():
        if len(mention.split()) == 1 and mention != full:
            short_forms.setdefault(full, mention)
    return short_forms


def _fits_person(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """A person's name (a surname for a surname, a full name for a full name)."""
    return is_person_like(text) and (len(answer.split()) == 1) == (len(text.split()) == 1)


def _made_up_laws(answer: str, rng: random.Random) -> Iterator[str]:
    """Numbered references near a numbered answer ("Section 7", "Executive Order 13"); for a
    named law, laws in its pattern made of general words ("the Consumer Protection Act of
    2008" for "the … Act of 2008"), none sharing a telling word with the answer."""
    section = _SECTION.match(answer)
    if section:
        number = int(section.group(1))
        for offset in (1, -1, 2, 10, 3):
            if number + offset > 0:
                yield f"Section {number + offset}{section.group(2)}"
    order = _ORDER.match(answer)
    if order:
        number = int(order.group("number"))
        for offset in (-7, 28, 116, 3):
            yield f"{order.group('prefix')}{number + offset}"
    if section or order:
        return
    numbered = _NUMBERED_LAW.match(answer.strip())
    if numbered is not None:
        yield from _other_numbers(numbered)
        return
    amendment = _ORDINAL_WORD.match(_LEADING_THE.sub("", answer.strip()))
    if amendment is not None and answer.rstrip().endswith("Amendment"):
        yield from _last_resort(answer, "LAW")  # "the Fifth Amendment" for "the First"
        return
    named = _NAMED_LAW.match(answer.strip())
    if named is None:
        return
    taken = {word.lower() for word in re.findall(r"\w+", named.group("name"))}
    subjects = [
        subject
        for subject in _shuffled(lists.LAW_SUBJECTS, rng)
        if not taken & set(subject.lower().split())
    ]
    purposes = [
        purpose for purpose in _shuffled(lists.LAW_PURPOSES, rng) if purpose.lower() not in taken
    ]
    for subject, purpose in zip(subjects, purposes, strict=False):
        yield f"{named.group('the') or ''}{subject} {purpose} {named.group('act')}" + (
            named.group("tail") or ""
        )


def _other_numbers(numbered: re.Match[str]) -> Iterator[str]:
    """A numbered reference with nearby numbers, in its numerals ("Title IX" -> "Title VII",
    "Article 5" -> "Article 6")."""
    written = numbered.group("number")
    roman = not written.isdigit()
    value = _roman_value(written) if roman else int(written)
    for offset in (1, -1, 2, -2, 3, 4, -4, 5):
        number = value + offset
        if number > 0:
            text = _roman(number) if roman else str(number)
            yield f"{numbered.group('before')}{text}{numbered.group('after')}"


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    """A number below forty in Roman numerals."""
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text, number = text + letters, number - value
    return text


def _roman_value(text: str) -> int:
    """The value of Roman numerals ("IX" -> 9)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, letter in enumerate(text):
        value = values[letter]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _fits_law(answer: str, text: str, article: ParsedArticle | None = None) -> bool:
    """A numbered reference for a numbered reference, a named law for a named law, a year
    in the name for a year in the name, from the same era (no 1964 act for a 2024 law)."""
    numbered = (_SECTION.match(answer) or _ORDER.match(answer)) is not None
    if numbered != ((_SECTION.match(text) or _ORDER.match(text)) is not None):
        return False
    years = [_LAW_YEAR.search(item) for item in (answer, text)]
    if (years[0] is None) != (years[1] is None):
        return False
    if years[0] is not None and years[1] is not None:
        return abs(int(years[0].group(1)) - int(years[1].group(1))) <= _LAW_ERA_YEARS
    return True


_MAKERS: dict[str, Callable[[str, random.Random], Iterator[str]]] = {
    "NUMBER": _made_up_numbers,
    "DATE": _made_up_dates,
    "GPE": _made_up_places,
    "ORG": _made_up_orgs,
    "LAW": _made_up_laws,
}
_FITS_BY_KIND: dict[str, Callable[[str, str, ParsedArticle], bool]] = {
    "NUMBER": _fits_number,
    "MONEY": _fits_number,
    "PERCENT": _fits_number,
    "DATE": _fits_date,
    "GPE": _fits_place,
    "PERSON": _fits_person,
    "LAW": _fits_law,
    "ORG": _fits_org,
}
