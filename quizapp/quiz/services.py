"""Quiz services: visible articles, starting or resuming attempts, saving answers and grading."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import textstat
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response, User, utcnow
from quizapp.quiz.grading import CHOICE_FORMATS, is_correct

MAX_TEXT_ANSWER = 500
# Keep the familiar True/False order: it says nothing about the answer, and reads naturally.
FIXED_ORDER_FORMATS = frozenset({"true_false"})


class QuizError(Exception):
    """Something a student asked of a quiz that cannot be done."""


class ArticleNotFoundError(QuizError):
    """No such article, or one this user may not see."""


class AttemptNotFoundError(QuizError):
    """No such attempt, or somebody else's."""


class QuestionNotFoundError(QuizError):
    """The attempt has no question at that position."""


class NoQuestionsError(QuizError):
    """The article has no published questions yet, so there is nothing to start."""


class AttemptSubmittedError(QuizError):
    """The attempt is final and cannot change any more."""


class InvalidAnswerError(QuizError):
    """The answer does not fit the question (a tampered or stale form)."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the Articles page."""

    article: Article
    question_count: int
    best: Attempt | None
    open_attempt: Attempt | None


def _percent(attempt: Attempt) -> float:
    return (attempt.score or 0) / attempt.max_score if attempt.max_score else 0.0


def published_questions(article_id: int) -> list[Question]:
    """Return an article's published questions in the article's order."""
    query = (
        select(Question)
        .where(Question.article_id == article_id, Question.status == "published")
        .order_by(Question.position, Question.id)
    )
    return list(db.session.scalars(query))


def article_summaries(user: User | None) -> list[ArticleSummary]:
    """List the published articles with their question counts and the user's attempts."""
    counts = dict(
        db.session.execute(
            select(Question.article_id, func.count(Question.id))
            .where(Question.status == "published")
            .group_by(Question.article_id)
        ).all()
    )
    articles = db.session.scalars(
        select(Article).where(Article.published.is_(True)).order_by(Article.created_at, Article.id)
    )
    best: dict[int, Attempt] = {}
    open_attempts: dict[int, Attempt] = {}
    if user is not None:
        for attempt in db.session.scalars(
            select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at)
        ):
            if not attempt.is_submitted:
                open_attempts[attempt.article_id] = attempt
            elif attempt.article_id not in best or _percent(attempt) > _percent(
                best[attempt.article_id]
            ):
                best[attempt.article_id] = attempt
    return [
        ArticleSummary(
            article=article,
            question_count=counts.get(article.id, 0),
            best=best.get(article.id),
            open_attempt=open_attempts.get(article.id),
        )
        for article in articles
    ]


def visible_article(user: User, article_id: int) -> Article:
    """Return an article the user may read: published, or a teacher's own draft."""
    article = db.session.get(Article, article_id)
    if article is None:
        raise ArticleNotFoundError(article_id)
    if not article.published and not (user.is_teacher and article.owner_id == user.id):
        raise ArticleNotFoundError(article_id)
    return article


def open_attempt(user: User, article_id: int) -> Attempt | None:
    """Return the user's unsubmitted attempt at an article (the schema allows one)."""
    query = (
        select(Attempt)
        .where(
            Attempt.user_id == user.id,
            Attempt.article_id == article_id,
            Attempt.submitted_at.is_(None),
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        .limit(1)
    )
    return db.session.scalars(query).first()


def start_attempt(
    user: User, article_id: int, rng: random.Random | None = None
) -> tuple[Attempt, bool]:
    """Resume the user's open attempt at an article or start a new one.

    Returns the attempt and whether it was resumed. A new attempt gets one response row per
    published question, in article order, each with its own shuffled choice order.
    """
    article = visible_article(user, article_id)
    existing = open_attempt(user, article.id)
    if existing is not None:
        return existing, True
    questions = published_questions(article.id)
    if not questions:
        raise NoQuestionsError(article.id)
    shuffler = rng or random.SystemRandom()
    attempt = Attempt(
        user_id=user.id, article_id=article.id, max_score=len(questions), current_position=1
    )
    for position, question in enumerate(questions, start=1):
        order = list(question.choices) if question.format in CHOICE_FORMATS else []
        if question.format not in FIXED_ORDER_FORMATS:
            shuffler.shuffle(order)
        attempt.responses.append(Response(question=question, position=position, choice_order=order))
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # Another request started one a moment ago: the schema allows one open attempt.
        db.session.rollback()
        existing = open_attempt(user, article.id)
        if existing is None:
            raise
        return existing, True
    return attempt, False


def get_attempt(user: User, attempt_id: int) -> Attempt:
    """Return one of the user's own attempts."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != user.id:
        raise AttemptNotFoundError(attempt_id)
    return attempt


def get_response(attempt: Attempt, position: int) -> Response:
    """Return the attempt's response row at a 1-based position."""
    if not 1 <= position <= len(attempt.responses):
        raise QuestionNotFoundError(position)
    return attempt.responses[position - 1]


def chosen_index(response: Response) -> int | None:
    """Return the index, in this attempt's order, of the choice the student picked."""
    if response.answer is None or response.answer not in response.choice_order:
        return None
    return response.choice_order.index(response.answer)


def _answer_text(response: Response, value: int | str | None) -> str | None:
    """Turn a submitted value into the text to store, refusing what cannot be an answer."""
    if value is None or value == "":
        return None
    if response.question.format in CHOICE_FORMATS:
        if not isinstance(value, int) or not 0 <= value < len(response.choice_order):
            raise InvalidAnswerError("Please choose one of the answers shown.")
        return response.choice_order[value]
    if not isinstance(value, str):
        raise InvalidAnswerError("Please type your answer in the box.")
    text = value.strip()
    if len(text) > MAX_TEXT_ANSWER:
        raise InvalidAnswerError(f"Please keep your answer under {MAX_TEXT_ANSWER} characters.")
    return text or None


def save_answer(
    user: User,
    attempt_id: int,
    position: int,
    *,
    question_id: int,
    value: int | str | None,
    move_to: int,
) -> Attempt:
    """Store the answer at a position and remember where the student goes next.

    `value` is a choice index in this attempt's order for choice questions, the typed text
    for short answers, or None for no answer. `move_to` is clamped to the attempt's range.
    """
    attempt = get_attempt(user, attempt_id)
    if attempt.is_submitted:
        raise AttemptSubmittedError(attempt.id)
    response = get_response(attempt, position)
    if response.question_id != question_id:
        raise InvalidAnswerError("That answer was for a different question. Please try again.")
    answer = _answer_text(response, value)
    if answer != response.answer:
        response.answer = answer
        response.answered_at = utcnow() if answer is not None else None
    attempt.current_position = min(max(move_to, 1), len(attempt.responses))
    db.session.commit()
    return attempt


def unanswered_positions(attempt: Attempt) -> list[int]:
    """Return the numbers (1-based) of the attempt's questions that have no answer yet."""
    return [n for n, response in enumerate(attempt.responses, start=1) if response.answer is None]


def submit_attempt(user: User, attempt_id: int) -> Attempt:
    """Grade every response from the stored rows and make the attempt final."""
    attempt = get_attempt(user, attempt_id)
    if attempt.is_submitted:
        raise AttemptSubmittedError(attempt.id)
    score = 0
    for response in attempt.responses:
        response.correct = is_correct(response.question, response.answer)
        score += int(response.correct)
    # Only the request that flips submitted_at wins, so a double click cannot grade twice.
    finished = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(score=score, max_score=len(attempt.responses), submitted_at=utcnow())
    )
    if finished.rowcount != 1:
        db.session.rollback()
        raise AttemptSubmittedError(attempt.id)
    db.session.commit()
    db.session.refresh(attempt)
    return attempt


def paragraphs(text: str) -> list[str]:
    """Split cleaned article text into its paragraphs (separated by blank lines)."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


MIN_WORDS_FOR_GRADE = 30


def reading_grade(text: str) -> int | None:
    """The Flesch-Kincaid school grade of a text (textstat), or None for too little text."""
    if textstat.lexicon_count(text) < MIN_WORDS_FOR_GRADE:
        return None
    return max(1, round(textstat.flesch_kincaid_grade(text)))
