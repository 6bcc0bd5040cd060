"""Item analysis service: first attempts fetched in SQL, statistics from `item_stats`, flags.

`article_statistics` feeds the statistics page; `flagged_questions` lists, for a teacher's
dashboard, every question of their articles that the statistics flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import ACTIVE_STATUSES, Article, Attempt, Question, Response, User
from quizapp.teacher.item_stats import Flag, ItemStatistics, QuizStatistics, analyse
from quizapp.teacher.services import managed_article


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One line of the statistics page: the question, its figures and its guess score."""

    question: Question
    stats: ItemStatistics
    guess: float | None  # percent a blind guess gets right (None for typed answers)

    @property
    def can_replace(self) -> bool:
        """Whether the question is still in the quiz, so a replacement can take its place."""
        return self.question.status in ACTIVE_STATUSES


@dataclass(frozen=True, slots=True)
class ArticleStatistics:
    """An article's item analysis on its students' first attempts."""

    article: Article
    quiz: QuizStatistics
    rows: list[ItemRow]

    @property
    def flagged(self) -> list[ItemRow]:
        """The rows of questions still in the quiz that carry a flag."""
        return [row for row in self.rows if row.stats.flags and row.can_replace]


@dataclass(frozen=True, slots=True)
class FlaggedQuestion:
    """A question waiting for the teacher's look, and why."""

    article: Article
    question: Question
    reason: str
    flags: tuple[Flag, ...]


def guess_score(question: Question) -> float | None:
    """The facility a blind guess reaches: 1/choices for multiple choice, 50% for true/false."""
    if question.format in ("multiple_choice", "true_false") and question.choices:
        return 100 / len(question.choices)
    return None


def first_attempt_marks(article_ids: Sequence[int]) -> dict[int, list[dict[int, float]]]:
    """Each article's submitted first attempts as question -> mark maps, in one query.

    A student's first attempt is their earliest submitted one: later attempts follow a review
    of the answers, which is why Moodle leaves them out by default.
    """
    if not article_ids:
        return {}
    ranked = (
        select(
            Attempt.id.label("attempt_id"),
            Attempt.article_id.label("article_id"),
            func.row_number()
            .over(
                partition_by=(Attempt.user_id, Attempt.article_id),
                order_by=(Attempt.started_at, Attempt.id),
            )
            .label("rank"),
        )
        .where(Attempt.article_id.in_(article_ids), Attempt.submitted_at.is_not(None))
        .subquery()
    )
    rows = db.session.execute(
        select(ranked.c.article_id, Response.attempt_id, Response.question_id, Response.correct)
        .join(ranked, ranked.c.attempt_id == Response.attempt_id)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.article_id, Response.attempt_id, Response.position)
    )
    attempts: dict[int, dict[int, dict[int, float]]] = {}
    for article_id, attempt_id, question_id, correct in rows:
        marks = attempts.setdefault(article_id, {}).setdefault(attempt_id, {})
        marks[question_id] = 1.0 if correct else 0.0
    return {article_id: list(by_attempt.values()) for article_id, by_attempt in attempts.items()}


def _analysed(
    article: Article, attempts: list[dict[int, float]]
) -> tuple[QuizStatistics, list[ItemRow]]:
    """Statistics of the questions in the quiz or in any counted attempt, in quiz order."""
    seen = {question_id for marks in attempts for question_id in marks}
    questions = [
        question
        for question in sorted(article.questions, key=lambda q: (q.position, q.id))
        if question.id in seen or question.status == "published"
    ]
    quiz = analyse(attempts, {question.id: 1.0 for question in questions})
    rows = [
        ItemRow(question, stats, guess_score(question))
        for question, stats in zip(questions, quiz.items, strict=True)
    ]
    return quiz, rows


def article_statistics(user: User, article_id: int) -> ArticleStatistics:
    """The item analysis of an article the user manages."""
    article = managed_article(user, article_id)
    attempts = first_attempt_marks([article.id]).get(article.id, [])
    quiz, rows = _analysed(article, attempts)
    return ArticleStatistics(article, quiz, rows)


def flags_by_question(user: User, article_id: int) -> dict[int, tuple[Flag, ...]]:
    """The flags of an article's questions that are still in its quiz, by question id."""
    return {
        row.question.id: row.stats.flags for row in article_statistics(user, article_id).flagged
    }


def flagged_questions(teacher_id: int) -> list[FlaggedQuestion]:
    """Every flagged question of the articles a teacher manages, article by article.

    Three queries whatever the number of articles and attempts: the articles, their
    questions and the first attempts' marks.
    """
    articles = list(
        db.session.scalars(
            select(Article)
            .options(selectinload(Article.questions))
            .where((Article.owner_id == teacher_id) | Article.owner_id.is_(None))
            .order_by(Article.created_at.desc(), Article.id.desc())
        )
    )
    marks = first_attempt_marks([article.id for article in articles])
    flagged = []
    for article in articles:
        if article.id not in marks:
            continue
        _quiz, rows = _analysed(article, marks[article.id])
        for row in rows:
            if row.stats.flags and row.can_replace:
                reason = " ".join(flag.reason for flag in row.stats.flags)
                flagged.append(FlaggedQuestion(article, row.question, reason, row.stats.flags))
    return flagged
