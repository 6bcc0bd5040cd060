"""The generator on the hand-written evaluation set (bench/articles/) and the seed article.

Every question must stand up on its own (no answer given away, a question mark, at most 30
words), every answer must be a span of the cleaned text, every multiple-choice question needs
three distinct distractors, and recall of the gold facts must not fall below the floor.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from quizapp.generation import clean_text, generate_questions
from quizapp.generation.types import GeneratedQuestion

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_ARTICLE = ROOT / "seeds" / "us-official-warns-north-korean-leader.txt"
# Measured recall over the evaluation set (bench/evaluate.py) minus a margin, so that a
# regression in any generator fails here rather than in a teacher's quiz.
RECALL_FLOOR = 0.76
MAX_QUESTION_WORDS = 30


def _load_bench() -> ModuleType:
    """Import bench/evaluate.py (a script, not a package) so the test scores as the bench does."""
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
ARTICLES = [*bench.article_paths(), SEED_ARTICLE]
GOLD_FILES = sorted(bench.ARTICLES_DIR.glob("*.gold.json"))


@functools.cache
def _generation(path: Path) -> tuple[str, tuple[GeneratedQuestion, ...], tuple[str, ...]]:
    """Cleaned text, ranked questions and swallowed generator failures, once per session."""
    raw = path.read_text(encoding="utf-8")
    with bench.swallowed_failures() as failures:
        questions = tuple(generate_questions(raw))
    return clean_text(raw), questions, tuple(failures)


def generated(path: Path) -> tuple[str, tuple[GeneratedQuestion, ...]]:
    """The cleaned text and the ranked questions of one article."""
    cleaned, questions, _ = _generation(path)
    return cleaned, questions


def _multiple_choice(path: Path) -> list[GeneratedQuestion]:
    """The questions of an article that are not true/false."""
    return [question for question in generated(path)[1] if question.type != "true_false"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_generator_returns_questions(path: Path) -> None:
    """The generator never raises on a real article and finds at least a few questions in it."""
    questions = generated(path)[1]
    assert len(questions) >= 5, f"only {len(questions)} questions for {path.name}"
    assert all(isinstance(question, GeneratedQuestion) for question in questions)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_no_generator_fails_on_the_article(path: Path) -> None:
    """No generator raises (the pipeline would log it, skip it and lose its questions)."""
    assert _generation(path)[2] == ()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_no_question_contains_its_answer(path: Path) -> None:
    """A question never gives its own answer away."""
    leaks = [
        f"{question.question} -> {question.answer}"
        for question in generated(path)[1]
        if bench.contains_answer(question)
    ]
    assert leaks == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_answers_are_verbatim_in_the_cleaned_text(path: Path) -> None:
    """Every answer (true/false aside) is a span of the text the reader sees."""
    cleaned = generated(path)[0]
    missing = [q.answer for q in _multiple_choice(path) if not bench.is_verbatim(q, cleaned)]
    assert missing == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_evidence_is_a_sentence_of_the_cleaned_text(path: Path) -> None:
    """Every question cites text the reader can see."""
    cleaned, questions = generated(path)
    assert [q.evidence for q in questions if not q.evidence or q.evidence not in cleaned] == []


def _page_furniture(raw: str) -> list[str]:
    """Lines of a pasted article that are not the story: everything above the lead paragraph
    (navigation, headline, photo captions), lines repeated verbatim, and the closing credit."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    lead = next(index for index, line in enumerate(lines) if len(line.split()) >= 25)
    repeated = [line for line in lines if lines.count(line) > 1]
    credits = [line for line in lines[-2:] if "contributed to this report" in line]
    return [*lines[:lead], *repeated, *credits]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_cleaning_drops_page_furniture(path: Path) -> None:
    """No navigation line, headline, photo caption, repeated line or credit line survives."""
    cleaned = generated(path)[0]
    paragraphs = set(cleaned.split("\n\n"))
    kept = [
        line
        for line in _page_furniture(path.read_text(encoding="utf-8"))
        if line in paragraphs or (len(line.split()) >= 6 and line in cleaned)
    ]
    assert kept == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_multiple_choice_questions_have_three_distinct_distractors(path: Path) -> None:
    """The answer appears once among the choices, with 3+ distinct wrong ones unlike it."""
    problems = [
        f"{question.question} {list(question.choices)}: {problem}"
        for question in _multiple_choice(path)
        if question.choices  # none: too few good distractors, asked as a short answer
        and (problem := bench.choices_problem(question))
    ]
    assert problems == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_true_false_questions_store_their_answer(path: Path) -> None:
    """A true/false question offers exactly "True" and "False" and its answer is one of them."""
    for question in generated(path)[1]:
        if question.type == "true_false":
            assert sorted(question.choices) == ["False", "True"]
            assert question.answer in ("True", "False")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_questions_are_short_questions(path: Path) -> None:
    """Every question ends with a question mark and has at most 30 words."""
    bad = [
        question.question
        for question in generated(path)[1]
        if not question.question.rstrip().endswith("." if question.type == "true_false" else "?")
        or len(question.question.split()) > MAX_QUESTION_WORDS
    ]
    assert bad == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: path.name.removesuffix(".gold.json"))
def test_gold_file_is_well_formed(path: Path) -> None:
    """Gold facts have a known type, a question and an answer found in the cleaned article."""
    name = path.name.removesuffix(".gold.json")
    article = next(
        (
            candidate
            for candidate in (bench.ARTICLES_DIR / f"{name}.txt", bench.SEEDS_DIR / f"{name}.txt")
            if candidate.exists()
        ),
        None,
    )
    assert article is not None, f"no article for {path.name}"
    items = json.loads(path.read_text(encoding="utf-8"))
    assert 8 <= len(items) <= 15
    cleaned = clean_text(article.read_text(encoding="utf-8"))
    for item in items:
        assert set(item) <= {"type", "question", "answer", "accept"}, item
        assert item["type"] in bench.GOLD_TYPES, item
        assert item["question"].endswith("?"), item
        assert isinstance(item.get("accept", []), list), item
        assert item["answer"] in cleaned, f"gold answer not in the cleaned text: {item['answer']}"


def test_the_same_article_gives_the_same_quiz() -> None:
    """Generation is deterministic, so the bench figures are reproducible."""
    path = bench.article_paths()[0]
    again = tuple(generate_questions(path.read_text(encoding="utf-8")))
    assert again == generated(path)[1]


def test_every_evaluation_article_has_gold_facts() -> None:
    """The set holds at least 8 articles and each has a gold file."""
    articles = bench.article_paths()
    assert len(articles) >= 8
    assert [path for path in articles if not bench.gold_path(path).exists()] == []


def test_recall_over_the_set_stays_above_the_floor() -> None:
    """Recall of the gold facts among the first ceil(words / 20) questions does not regress."""
    scores = []
    for path in bench.article_paths():
        cleaned, questions = generated(path)
        gold = bench.load_gold(bench.gold_path(path))
        scores.append(
            bench.score(bench.Evaluated(path.stem, "", cleaned, list(questions), gold, 0))
        )
    recall = bench.totals(scores)["recall"]
    missed = [line for item in scores for line in item.missed]
    assert recall >= RECALL_FLOOR, f"recall {recall:.3f} < {RECALL_FLOOR}; missed: {missed[:10]}"
