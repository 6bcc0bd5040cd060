"""Scores the question generator against the hand-written gold facts in bench/articles/.

For every article it reports: recall of the gold facts among the first ceil(words / 20) ranked
questions (words of the cleaned text), the share of questions that contain their own answer, the
share of answers found verbatim in the cleaned text (true/false excluded) and the share of
multiple-choice questions with at least 3 distinct distractors and the answer exactly once.
It also prints, for reading the quiz as a whole: type agreement of the found facts, heuristic
style warnings, and how many top questions give away another's answer or reuse its sentence.
A generator that raises is caught and logged by the pipeline; the bench reports it as an error.

    .venv/bin/python bench/evaluate.py [--show] [--json] [--seed] [--only NAME] [--dir FOLDER]
    .venv/bin/python bench/evaluate.py --corpora   # the headline table, fitted vs cross-validated
    .venv/bin/python bench/evaluate.py --nested    # cross-validated with C chosen in each fold

`--corpora` scores every gold corpus (the real dev set in ../shared/corpus/dev, the team's
bench/articles, the seed) the way ../shared/corpus/score.py does (its answer matching,
K = ceil(words / 20)), twice: with the ranker fitted on all articles (what ships) and with
leave-one-article-out cross-validation (each article ranked by weights fitted on all the
others). The cross-validated figure is the one to quote. `--nested` also chooses the
regularization inside each fold (by the other articles' own leave-one-out recall@K), so
nothing tuned ever sees the article it is scored on; it takes a few minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = ROOT / "bench" / "articles"
SEEDS_DIR = ROOT / "seeds"
if str(ROOT) not in sys.path:  # run as a script: make the quizapp package importable
    sys.path.insert(0, str(ROOT))

from quizapp.generation import clean_text, generate_questions  # noqa: E402
from quizapp.generation.types import QUESTION_TYPES, GeneratedQuestion  # noqa: E402

GOLD_TYPES = tuple(kind for kind in QUESTION_TYPES if kind != "true_false")
WORDS_PER_QUESTION = 20
MIN_DISTRACTORS = 3
# Words a count may carry and still be the same count ("at least 47", "about 60", "all 12").
NUMBER_MODIFIERS = frozenset(
    {"at", "least", "about", "more", "than", "nearly", "almost", "some", "up", "to", "over"}
    | {"under", "roughly", "approximately", "all", "other", "only", "just"}
)


def _fallback_normalize(text: str) -> str:
    """Comparison key when the library has none: case, "the", possessives, punctuation."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\bu\.\s?s\.(?=\W|$)", "united states", text)
    text = re.sub(r"(?<=\w)'s?\b", "", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = " ".join(re.sub(r"[^\w\s]+", " ", text).split())
    return re.sub(r"^(?:the|a|an)\s+", "", text)


try:  # the library's own key, so the bench judges answers the way the app grades them
    from quizapp.generation.normalize import normalize as _normalize
    from quizapp.generation.normalize import same_answer as _same_answer

    NORMALIZER = "quizapp.generation.normalize"
except ImportError:  # pragma: no cover - only before normalize.py exists
    _normalize = _fallback_normalize

    def _same_answer(first: str, second: str) -> bool:
        """Whether two answers have the same comparison key."""
        return _fallback_normalize(first) == _fallback_normalize(second)

    NORMALIZER = "bench fallback"

normalize: Callable[[str], str] = _normalize
same_answer: Callable[[str, str], bool] = _same_answer


@dataclass(frozen=True, slots=True)
class GoldFact:
    """A fact a teacher would ask about, written by hand."""

    type: str
    question: str
    answer: str
    accept: tuple[str, ...] = ()

    @property
    def answers(self) -> tuple[str, ...]:
        """The gold answer and its accepted variants."""
        return (self.answer, *self.accept)


@dataclass(slots=True)
class ArticleScore:
    """The figures of one article."""

    name: str
    words: int
    cutoff: int
    questions: int
    gold: int = 0
    found: int = 0
    type_agree: int = 0
    contains_answer: int = 0
    verbatim_checked: int = 0
    verbatim: int = 0
    mc_checked: int = 0
    mc_ok: int = 0
    style_warned: int = 0
    top_questions: int = 0
    given_away: int = 0
    same_sentence: int = 0
    seconds: float = 0.0
    error: str | None = None
    types: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Evaluated:
    """One article with its generated questions and its gold facts."""

    name: str
    raw: str
    cleaned: str
    questions: list[GeneratedQuestion]
    gold: list[GoldFact]
    seconds: float
    error: str | None = None


def article_paths(include_seed: bool = False, directory: Path = ARTICLES_DIR) -> list[Path]:
    """The evaluation articles (and the seeds when asked), in name order."""
    paths = sorted(directory.glob("*.txt"))
    if include_seed:
        paths += sorted(SEEDS_DIR.glob("*.txt"))
    return paths


def gold_path(article: Path) -> Path:
    """Where the gold facts of an article live: beside it, else in bench/articles/ (the seed's)."""
    beside = article.with_name(f"{article.stem}.gold.json")
    return beside if beside.exists() else ARTICLES_DIR / beside.name


def load_gold(path: Path) -> list[GoldFact]:
    """Read a gold file: a JSON list of {type, question, answer, accept}."""
    if not path.exists():
        return []
    return [
        GoldFact(
            type=item["type"],
            question=item["question"],
            answer=item["answer"],
            accept=tuple(item.get("accept", ())),
        )
        for item in json.loads(path.read_text(encoding="utf-8"))
    ]


def word_count(cleaned: str) -> int:
    """Words of the cleaned text, as the recall cut-off counts them."""
    return len(cleaned.split())


def cutoff(cleaned: str) -> int:
    """How many ranked questions recall looks at: ceil(words / 20)."""
    return math.ceil(word_count(cleaned) / WORDS_PER_QUESTION)


def contains_answer(question: GeneratedQuestion) -> bool:
    """Whether the question gives its own answer away (whole words, after normalising)."""
    if question.type == "true_false":
        return False
    key = normalize(question.answer)
    return bool(key) and f" {key} " in f" {normalize(question.question)} "


def is_verbatim(question: GeneratedQuestion, cleaned: str) -> bool:
    """Whether the answer is a span of the cleaned text."""
    return bool(question.answer) and question.answer in cleaned


def choices_problem(question: GeneratedQuestion) -> str | None:
    """What is wrong with a multiple-choice question's choices, or None when they are fine."""
    if question.choices.count(question.answer) != 1:
        return f"answer appears {question.choices.count(question.answer)} times among choices"
    distractors = [choice for choice in question.choices if choice != question.answer]
    equal = [choice for choice in distractors if same_answer(choice, question.answer)]
    if equal:
        return f"distractor equals the answer after normalising: {equal[0]!r}"
    distinct = {normalize(choice) for choice in distractors}
    if len(distinct) < MIN_DISTRACTORS or len(distinct) != len(distractors):
        return f"{len(distinct)} distinct distractors among {len(distractors)}"
    return None


def _digits(key: str) -> set[str]:
    """The numbers in a comparison key."""
    return set(re.findall(r"\d+", key))


def matches_gold(answer: str, variant: str) -> bool:
    """Whether a generated answer is a gold answer (or an accepted variant of it).

    `same_answer`, guarded: numbers must agree and a "fuller form" may be at most twice as long,
    so "Three" is not "3:17 a.m. EST", "Eight" is not "May 8" and "Ohio" is not "Ohio State
    University" (a number may only gain words like "at least" or "about"). Surnames and
    other short forms are listed in the gold file's `accept` instead.
    """
    key, gold_key = normalize(answer), normalize(variant)
    if key == gold_key:
        return bool(key)
    if not same_answer(answer, variant) or _digits(key) != _digits(gold_key):
        return False
    shorter, longer = sorted((key.split(), gold_key.split()), key=len)
    if _digits(key):  # "at least 47" is 47, but "May 8" is not "Eight"
        return set(longer) - set(shorter) <= NUMBER_MODIFIERS
    return 2 * len(shorter) >= len(longer)


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_PRONOUN = re.compile(r"\b(?:he|she|it|they|him|his|its|them|their|this|these|those)\b", re.I)
_MID_SENTENCE_STOP = re.compile(r"[a-z]{3,}\. [A-Z]")
_DANGLING_END = re.compile(r"\b(?:of|in|with|to|for|that|which|and|the|a)\?$", re.I)


def style_warnings(question: GeneratedQuestion) -> list[str]:
    """Heuristic signs of a question that does not stand alone (for --show; not a hard check)."""
    text = _QUOTED.sub('"…"', question.question)
    warnings = []
    if pronoun := _PRONOUN.search(text):
        warnings.append(f"pronoun {pronoun.group(0)!r}")
    if _MID_SENTENCE_STOP.search(text):
        warnings.append("full stop inside the question")
    if _DANGLING_END.search(text.rstrip()):
        warnings.append("ends on a function word")
    return warnings


def matching_question(
    fact: GoldFact, questions: Sequence[GeneratedQuestion]
) -> GeneratedQuestion | None:
    """The first question whose answer is the fact's answer, preferring one of the same type."""
    hits = [
        question
        for question in questions
        if question.type != "true_false"
        and any(matches_gold(question.answer, variant) for variant in fact.answers)
    ]
    same_type = [question for question in hits if question.type == fact.type]
    return (same_type or hits or [None])[0]


class _Collector(logging.Handler):
    """Keeps the failures the pipeline logs and swallows (a generator that raised)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the record when it reports an exception or an error."""
        if record.exc_info or record.levelno >= logging.ERROR:
            self.records.append(record)


@contextlib.contextmanager
def swallowed_failures() -> Iterator[list[str]]:
    """Collect the exceptions and errors quizapp.generation logs while the block runs."""
    collector = _Collector()
    logger = logging.getLogger("quizapp.generation")
    logger.addHandler(collector)
    messages: list[str] = []
    try:
        yield messages
    finally:
        logger.removeHandler(collector)
        for record in collector.records:
            detail = f"{record.getMessage()}"
            if record.exc_info and record.exc_info[1] is not None:
                error = record.exc_info[1]
                detail += f": {type(error).__name__}: {error}"
            messages.append(detail)


def evaluate_article(path: Path) -> Evaluated:
    """Generate the questions of one article, timing it; never raises."""
    raw = path.read_text(encoding="utf-8")
    gold = load_gold(gold_path(path))
    started = time.perf_counter()
    with swallowed_failures() as failures:
        try:
            cleaned = clean_text(raw)
            questions = generate_questions(raw)
            error = None
        except Exception:  # the bench reports a crash instead of stopping
            cleaned, questions, error = "", [], traceback.format_exc(limit=3)
    seconds = time.perf_counter() - started
    if failures and error is None:
        error = "logged by the pipeline: " + " | ".join(failures)
    return Evaluated(path.stem, raw, cleaned, questions, gold, seconds, error)


def given_away(questions: Sequence[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """The questions whose answer another question of the same quiz states (or asks about).

    Small counts are left out: "two" in "the two blocs" is a coincidence, not a give-away;
    "between 80,000 and 120,000" or "907" in another question is one.
    """
    texts = [f" {normalize(question.question)} " for question in questions]
    leaked = []
    for index, question in enumerate(questions):
        key = normalize(question.answer)
        small_count = question.type == "how_many" and not re.search(r"\d{3}", key)
        if question.type == "true_false" or small_count or len(key) < 3:
            continue
        if any(f" {key} " in text for other, text in enumerate(texts) if other != index):
            leaked.append(question)
    return leaked


def score(evaluated: Evaluated) -> ArticleScore:
    """The figures of one evaluated article."""
    questions, cleaned = evaluated.questions, evaluated.cleaned
    top = questions[: cutoff(cleaned)]
    result = ArticleScore(
        name=evaluated.name,
        words=word_count(cleaned),
        cutoff=cutoff(cleaned),
        questions=len(questions),
        gold=len(evaluated.gold),
        seconds=round(evaluated.seconds, 3),
        error=evaluated.error,
        types=dict(Counter(question.type for question in questions)),
    )
    for fact in evaluated.gold:
        hit = matching_question(fact, top)
        if hit is None:
            result.missed.append(f"{fact.type}: {fact.question} -> {fact.answer}")
            continue
        result.found += 1
        result.type_agree += hit.type == fact.type
    result.top_questions = len(top)
    result.given_away = len(given_away(top))
    result.same_sentence = len(top) - len({question.evidence for question in top})
    for question in questions:
        result.contains_answer += contains_answer(question)
        result.style_warned += bool(style_warnings(question))
        if question.type == "true_false":
            continue
        result.verbatim_checked += 1
        result.verbatim += is_verbatim(question, cleaned)
        result.mc_checked += 1
        result.mc_ok += choices_problem(question) is None
    return result


def share(part: int, whole: int) -> float | None:
    """Return part / whole rounded, or None when there is nothing to count."""
    return round(part / whole, 3) if whole else None


def totals(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """The figures over the whole set (micro-averaged over facts and questions)."""

    def total(name: str) -> int:
        return sum(getattr(item, name) for item in scores)

    return {
        "articles": len(scores),
        "errors": sum(item.error is not None for item in scores),
        "questions": total("questions"),
        "gold": total("gold"),
        "found": total("found"),
        "recall": share(total("found"), total("gold")),
        "type_agreement": share(total("type_agree"), total("found")),
        "contains_answer_share": share(total("contains_answer"), total("questions")),
        "verbatim_share": share(total("verbatim"), total("verbatim_checked")),
        "mc_choices_ok_share": share(total("mc_ok"), total("mc_checked")),
        "style_warning_share": share(total("style_warned"), total("questions")),
        "given_away_in_top_share": share(total("given_away"), total("top_questions")),
        "same_sentence_in_top_share": share(total("same_sentence"), total("top_questions")),
        "seconds": round(sum(item.seconds for item in scores), 3),
        "types": dict(sum((Counter(item.types) for item in scores), Counter())),
    }


def run(paths: Sequence[Path]) -> tuple[list[Evaluated], list[ArticleScore]]:
    """Evaluate and score every article."""
    evaluated = [evaluate_article(path) for path in paths]
    return evaluated, [score(item) for item in evaluated]


def _percent(value: float | None) -> str:
    """A share as a percentage, or "-" when undefined."""
    return "   -" if value is None else f"{value * 100:5.1f}%"


def print_table(scores: Sequence[ArticleScore], overall: dict[str, Any]) -> None:
    """The human-readable report."""
    print(f"normaliser: {NORMALIZER}")
    header = f"{'article':42} {'words':>5} {'top':>3} {'qs':>3} {'recall':>11} {'type':>6}"
    print(header + f" {'contains':>8} {'verbatim':>8} {'mc-ok':>6} {'secs':>5}")
    for item in scores:
        recall = f"{item.found}/{item.gold} " + _percent(share(item.found, item.gold)).strip()
        print(
            f"{item.name[:42]:42} {item.words:5} {item.cutoff:3} {item.questions:3} {recall:>11}"
            f" {_percent(share(item.type_agree, item.found)):>6}"
            f" {_percent(share(item.contains_answer, item.questions)):>8}"
            f" {_percent(share(item.verbatim, item.verbatim_checked)):>8}"
            f" {_percent(share(item.mc_ok, item.mc_checked)):>6} {item.seconds:5.2f}"
            + ("  ERROR" if item.error else "")
        )
    for item in scores:
        if item.error:
            print(f"  ERROR in {item.name}: {item.error.strip().splitlines()[-1][:300]}")
    print()
    print(
        f"OVERALL  recall {overall['found']}/{overall['gold']} = {_percent(overall['recall'])}"
        f" | type agreement {_percent(overall['type_agreement'])}"
        f" | contains answer {_percent(overall['contains_answer_share'])}"
        f" | verbatim {_percent(overall['verbatim_share'])}"
        f" | MC >=3 distractors & answer once {_percent(overall['mc_choices_ok_share'])}"
    )
    print(
        f"heuristic style warnings (pronoun, inner full stop, dangling end):"
        f" {_percent(overall['style_warning_share'])}"
        f" | top questions whose answer another top question states:"
        f" {_percent(overall['given_away_in_top_share'])}"
        f" | top questions asking again about an earlier one's sentence:"
        f" {_percent(overall['same_sentence_in_top_share'])}"
    )
    print(
        f"questions {overall['questions']} by type {overall['types']}; errors {overall['errors']}"
    )


def print_questions(item: Evaluated, result: ArticleScore) -> None:
    """Every generated question of one article, with the checks that failed."""
    print(f"\n=== {item.name} ({result.words} words, recall cut-off {result.cutoff})")
    if item.error:
        print(item.error)
    leaked = given_away(item.questions[: result.cutoff])
    seen_evidence: dict[str, int] = {}
    for rank, question in enumerate(item.questions, start=1):
        flags = []
        if contains_answer(question):
            flags.append("CONTAINS-ANSWER")
        if question.type != "true_false":
            if not is_verbatim(question, item.cleaned):
                flags.append("NOT-VERBATIM")
            problem = choices_problem(question)
            if problem:
                flags.append(f"CHOICES: {problem}")
        if not question.question.rstrip().endswith("?"):
            flags.append("NO-QMARK")
        if len(question.question.split()) > 30:
            flags.append("TOO-LONG")
        flags += [f"STYLE? {warning}" for warning in style_warnings(question)]
        if rank <= result.cutoff and question in leaked:
            flags.append("GIVEN-AWAY by another top question")
        if question.evidence in seen_evidence:
            flags.append(f"SAME SENTENCE as #{seen_evidence[question.evidence]}")
        seen_evidence.setdefault(question.evidence, rank)
        gold = [
            fact.answer
            for fact in item.gold
            if question.type != "true_false"
            and any(matches_gold(question.answer, variant) for variant in fact.answers)
        ]
        marker = "*" if rank <= result.cutoff else " "
        print(f"{marker}{rank:3} [{question.type}] {question.score:.3f} {question.question}")
        print(f"       A: {question.answer}   choices: {list(question.choices)}")
        if gold:
            print(f"       gold: {gold[0]}")
        if flags:
            print("       !! " + "; ".join(flags))
    if result.missed:
        print("  missed gold facts (not in the top cut-off):")
        for line in result.missed:
            print(f"    - {line}")


CORPUS_COLUMNS = ("recall", "typed", "all", "p@K", "p@12", "leak", "span", "mc_ok", "q/100w")


def corpus_report() -> dict[str, dict[str, dict[str, float]]]:
    """Per corpus: the scorer's figures with the fitted and the cross-validated ranker."""
    sys.path.insert(0, str(ROOT / "bench"))
    import train
    from corpus import Tally

    tables = train.all_tables()
    fitted_weights = train.fit(tables)
    crossed = train.cross_validate(tables)
    report: dict[str, dict[str, dict[str, float]]] = {}
    for corpus in dict.fromkeys(table.article.corpus for table in tables):
        report[corpus] = {}
        for label in ("fitted", "cv"):
            tally, at_12 = Tally(), Tally()
            for table in tables:
                if table.article.corpus != corpus:
                    continue
                key = f"{corpus}/{table.article.name}"
                ranked = train.ranked(table, fitted_weights) if label == "fitted" else crossed[key]
                tally.add(table.article, ranked)
                at_12.add(table.article, ranked, 12)
            figures = tally.figures()
            figures["p@12"] = at_12.figures()["p@K"]
            report[corpus][label] = figures
    return report


def print_nested_report() -> None:
    """Per corpus: the scorer's figures under nested cross-validation (C chosen inside each
    fold; a few minutes on two cores)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import train
    from corpus import Tally

    tables = train.all_tables()
    rankings, chosen = train.nested_cross_validate(tables)
    print(f"{'corpus':<8}{'ranker':<8}" + "".join(f"{name:>8}" for name in CORPUS_COLUMNS))
    for corpus in dict.fromkeys(table.article.corpus for table in tables):
        tally, at_12 = Tally(), Tally()
        for table in tables:
            if table.article.corpus == corpus:
                key = f"{corpus}/{table.article.name}"
                tally.add(table.article, rankings[key])
                at_12.add(table.article, rankings[key], 12)
        figures = tally.figures()
        figures["p@12"] = at_12.figures()["p@K"]
        print(f"{corpus:<8}{'nested':<8}" + "".join(f"{figures[n]:>8}" for n in CORPUS_COLUMNS))
    counts = Counter(chosen.values())
    print(
        "C chosen per held-out article: "
        + ", ".join(f"{c}: {n}" for c, n in sorted(counts.items()))
    )


def print_corpus_report() -> None:
    """Print the fitted and cross-validated figures of every corpus side by side."""
    report = corpus_report()
    print(f"{'corpus':<8}{'ranker':<8}" + "".join(f"{name:>8}" for name in CORPUS_COLUMNS))
    for corpus, rows in report.items():
        for label, figures in rows.items():
            cells = "".join(f"{figures[name]:>8}" for name in CORPUS_COLUMNS)
            print(f"{corpus:<8}{label:<8}{cells}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every generated question")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--seed", action="store_true", help="also score the seed articles")
    parser.add_argument("--only", metavar="NAME", help="only articles whose name contains NAME")
    parser.add_argument(
        "--dir",
        type=Path,
        default=ARTICLES_DIR,
        help="score the *.txt articles (with NAME.gold.json beside them) of another folder",
    )
    parser.add_argument(
        "--corpora",
        action="store_true",
        help="score the gold corpora with the fitted and the cross-validated ranker",
    )
    parser.add_argument(
        "--nested",
        action="store_true",
        help="score the gold corpora under nested cross-validation (C chosen in each fold)",
    )
    args = parser.parse_args(argv)
    if args.nested:
        print_nested_report()
        return 0
    if args.corpora:
        print_corpus_report()
        return 0

    paths = [
        path
        for path in article_paths(args.seed, args.dir)
        if not args.only or args.only in path.stem
    ]
    evaluated, scores = run(paths)
    overall = totals(scores)
    if args.json:
        print(json.dumps({"overall": overall, "articles": [asdict(s) for s in scores]}, indent=2))
        return 0
    if args.show:
        for item, result in zip(evaluated, scores, strict=True):
            print_questions(item, result)
        print()
    print_table(scores, overall)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
