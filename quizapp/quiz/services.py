"""Quiz services: visible articles, starting or resuming attempts, saving answers and grading."""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import textstat
from sqlalchemy import ScalarSelect, Select, bindparam, case, func, null, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer, joinedload, selectinload

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response, User, utcnow
from quizapp.quiz.grading import CHOICE_FORMATS, expected_answer, is_correct
from quizapp.scores.services import score_ratio

MAX_TEXT_ANSWER = 500
QUESTION_CHANGED = "Your teacher has just changed this question. Please read it again and answer."
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


class QuestionChangedError(InvalidAnswerError):
    """The teacher changed the question's choices while the student had its page open."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the Articles page."""

    article: Article
    question_count: int
    best: Attempt | None
    open_attempt: Attempt | None


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """What an article's page shows a user besides the text."""

    article: Article
    question_count: int
    open_attempt: Attempt | None
    # How many questions the open attempt has (0 without one).
    open_attempt_questions: int
    submitted_attempts: list[Attempt]  # newest first

    @property
    def last(self) -> Attempt | None:
        """The most recent submitted attempt."""
        return self.submitted_attempts[0] if self.submitted_attempts else None

    @property
    def best(self) -> Attempt | None:
        """The best submitted attempt by share of the maximum (the earliest wins a tie)."""
        return max(reversed(self.submitted_attempts), key=_ratio, default=None)

    @property
    def can_retake(self) -> bool:
        """Whether a new attempt may start. Attempts are not limited today, so any time the
        user has submitted one and has none open."""
        return self.open_attempt is None and bool(self.submitted_attempts)


# An attempt's pages read its article and every response with its question: two statements
# (attempt joined to article, then responses joined to questions) instead of one lazy load per
# row. The pasted original text is never shown to students, so it stays in the database.
_ATTEMPT_WITH_QUESTIONS = (
    joinedload(Attempt.article).defer(Article.original_text),
    selectinload(Attempt.responses).joinedload(Response.question),
)


def _ratio(attempt: Attempt) -> float:
    return score_ratio(attempt.score, attempt.max_score)


def published_questions(article_id: int) -> list[Question]:
    """Return an article's published questions in the article's order."""
    query = (
        select(Question)
        .where(Question.article_id == article_id, Question.status == "published")
        .order_by(Question.position, Question.id)
    )
    return list(db.session.scalars(query))


def _published_count() -> ScalarSelect[int]:
    """The number of published questions of the article in the enclosing query."""
    return (
        select(func.count(Question.id))
        .where(Question.article_id == Article.id, Question.status == "published")
        .correlate(Article)
        .scalar_subquery()
    )


# The articles list is every student's first page: its statements are built once (the user is
# a bound parameter), not per request. The texts are not needed for a list.
_PUBLISHED_SUMMARIES = (
    select(Article, _published_count())
    .where(Article.published.is_(True))
    .options(defer(Article.text), defer(Article.original_text))
    .order_by(Article.created_at, Article.id)
)
_USER_ATTEMPTS = (
    select(Attempt).where(Attempt.user_id == bindparam("user_id")).order_by(Attempt.started_at)
)


def article_summaries(user: User | None) -> list[ArticleSummary]:
    """List the published articles with their question counts and the user's attempts."""
    rows = db.session.execute(_PUBLISHED_SUMMARIES).all()
    best: dict[int, Attempt] = {}
    open_attempts: dict[int, Attempt] = {}
    if user is not None:
        for attempt in db.session.scalars(_USER_ATTEMPTS, {"user_id": user.id}):
            if not attempt.is_submitted:
                open_attempts[attempt.article_id] = attempt
            elif attempt.article_id not in best or _ratio(attempt) > _ratio(
                best[attempt.article_id]
            ):
                best[attempt.article_id] = attempt
    return [
        ArticleSummary(
            article=article,
            question_count=count,
            best=best.get(article.id),
            open_attempt=open_attempts.get(article.id),
        )
        for article, count in rows
    ]


def _check_visible(user: User, article: Article | None, article_id: int) -> Article:
    """The article when the user may read it (published, or a teacher's own draft)."""
    if article is None:
        raise ArticleNotFoundError(article_id)
    if not article.published and not (user.is_teacher and article.owner_id == user.id):
        raise ArticleNotFoundError(article_id)
    return article


def visible_article(user: User, article_id: int) -> Article:
    """Return an article the user may read: published, or a teacher's own draft."""
    return _check_visible(user, db.session.get(Article, article_id), article_id)


def article_page(user: User, article_id: int) -> ArticlePage:
    """Gather an article's page in two statements: the article with its question count, then
    the user's attempts at it with their question counts (however many there are)."""
    row = db.session.execute(
        select(Article, _published_count())
        .where(Article.id == article_id)
        .options(defer(Article.original_text))
    ).first()
    article = _check_visible(user, row[0] if row else None, article_id)
    attempts = db.session.execute(
        select(Attempt, func.count(Response.id))
        .outerjoin(Attempt.responses)
        .where(Attempt.user_id == user.id, Attempt.article_id == article.id)
        .group_by(Attempt.id)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    ).all()
    open_attempts = [(attempt, count) for attempt, count in attempts if not attempt.is_submitted]
    current, questions = open_attempts[0] if open_attempts else (None, 0)
    return ArticlePage(
        article=article,
        question_count=row[1] if row else 0,
        open_attempt=current,
        open_attempt_questions=questions,
        submitted_attempts=[attempt for attempt, _count in attempts if attempt.is_submitted],
    )


def _attempts_at(user: User, article_id: int, *, submitted: bool) -> Select[tuple[Attempt]]:
    """The user's submitted (or open) attempts at an article, newest first."""
    state = Attempt.submitted_at.is_not(None) if submitted else Attempt.submitted_at.is_(None)
    return (
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.article_id == article_id, state)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )


def open_attempt(user: User, article_id: int) -> Attempt | None:
    """Return the user's unsubmitted attempt at an article (the schema allows one)."""
    return db.session.scalars(_attempts_at(user, article_id, submitted=False).limit(1)).first()


def submitted_attempts(user: User, article_id: int) -> list[Attempt]:
    """Return the user's submitted attempts at an article, newest first."""
    return list(db.session.scalars(_attempts_at(user, article_id, submitted=True)))


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
        order = _shuffled_choices(question, shuffler)
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


def _shuffled_choices(question: Question, shuffler: random.Random) -> list[str]:
    """The order one attempt shows a question's choices in (none for a short answer)."""
    order = list(question.choices) if question.format in CHOICE_FORMATS else []
    if question.format not in FIXED_ORDER_FORMATS:
        shuffler.shuffle(order)
    return order


def choice_order_key(order: Sequence[str]) -> str:
    """A short fingerprint of the choices a page showed, to notice an edit made meanwhile.

    It is computed from every choice shown, so it tells nothing about which one is right.
    """
    return hashlib.sha256(json.dumps(list(order)).encode("utf-8")).hexdigest()[:16]


def refresh_open_responses(question: Question, rng: random.Random | None = None) -> int:
    """Bring the open attempts' rows for an edited question in line with it, without committing.

    Grading always compares the chosen text with the question's current answer, so a change
    of answer needs nothing here. When the choices themselves change, each open attempt gets
    a new shuffled order; a saved answer that is no longer a choice (or a choice saved before
    the question became a short answer) is cleared, so the student is asked again instead of
    being graded on something they never picked. Returns how many saved answers were cleared.
    """
    shuffler = rng or random.SystemRandom()
    rows = db.session.scalars(
        select(Response)
        .join(Attempt)
        .where(Response.question_id == question.id, Attempt.submitted_at.is_(None))
    )
    is_choice = question.format in CHOICE_FORMATS
    cleared = 0
    for response in rows:
        was_choice = bool(response.choice_order)
        if is_choice and Counter(response.choice_order) == Counter(question.choices):
            continue
        response.choice_order = _shuffled_choices(question, shuffler)
        still_valid = response.answer in question.choices if is_choice else not was_choice
        if response.answer is not None and not still_valid:
            response.answer = None
            response.answered_at = None
            cleared += 1
    return cleared


def get_attempt(user: User, attempt_id: int) -> Attempt:
    """Return one of the user's own attempts, its article and responses with their questions."""
    # From the identity map when this request already loaded it (a view, then its service).
    attempt = db.session.get(Attempt, attempt_id, options=_ATTEMPT_WITH_QUESTIONS)
    if attempt is None or attempt.user_id != user.id:
        raise AttemptNotFoundError(attempt_id)
    return attempt


@dataclass(frozen=True, slots=True)
class ShownQuestion:
    """What a question page shows of one response: never the answer key or the evidence."""

    question_id: int
    position: int
    format: str
    prompt: str
    # The choices in this attempt's order (empty for a short answer or a number).
    choice_order: list[str]
    # The student's saved answer (the chosen choice's text, or what they typed).
    answer: str | None


@dataclass(frozen=True, slots=True)
class QuestionPage:
    """One question page of an attempt, read as plain rows (no ORM objects to build)."""

    attempt_id: int
    submitted: bool
    current_position: int
    article_title: str
    article_text: str
    total: int
    # The question at the page's position, None when the attempt has no such position.
    shown: ShownQuestion | None
    unanswered: list[int]


# The busiest page of the app reads only the columns it shows, as Core rows: building the
# attempt, its article, 12 responses and 12 questions as ORM objects cost more than the rest
# of the request together. Built once; the attempt id is a bound parameter.
_PAGE_ATTEMPT = (
    select(
        Attempt.user_id,
        Attempt.submitted_at,
        Attempt.current_position,
        Article.title,
        Article.text,
    )
    .join(Article, Article.id == Attempt.article_id)
    .where(Attempt.id == bindparam("attempt_id"))
)
# Every response says whether it is answered; only the shown one brings its choices (a JSON
# list to decode) and its prompt.
_SHOWN = Response.position == bindparam("position")
_PAGE_RESPONSES = (
    select(
        Response.position,
        Response.question_id,
        Response.answer,
        case((_SHOWN, Response.choice_order), else_=null()).label("choice_order"),
        Question.format,
        case((_SHOWN, Question.prompt), else_=null()).label("prompt"),
    )
    .join(Question, Question.id == Response.question_id)
    .where(Response.attempt_id == bindparam("attempt_id"))
    .order_by(Response.position)
)


def question_page(user: User, attempt_id: int, position: int) -> QuestionPage:
    """Read one of the user's own attempts for its question page at a 1-based position.

    Two statements: the attempt with its article's title and text, then its responses with
    their questions' format and prompt (the answer key is not read at all).
    """
    # On the session's connection, in its transaction: plain rows need no ORM result handling.
    connection = db.session.connection()
    row = connection.execute(_PAGE_ATTEMPT, {"attempt_id": attempt_id}).first()
    if row is None or row.user_id != user.id:
        raise AttemptNotFoundError(attempt_id)
    responses = connection.execute(
        _PAGE_RESPONSES, {"attempt_id": attempt_id, "position": position}
    ).all()
    shown = None
    if 1 <= position <= len(responses):
        r = responses[position - 1]
        shown = ShownQuestion(
            question_id=r.question_id,
            position=position,
            format=r.format,
            prompt=r.prompt,
            choice_order=list(r.choice_order or []),
            answer=r.answer,
        )
    return QuestionPage(
        attempt_id=attempt_id,
        submitted=row.submitted_at is not None,
        current_position=row.current_position,
        article_title=row.title,
        article_text=row.text,
        total=len(responses),
        shown=shown,
        unanswered=[n for n, r in enumerate(responses, start=1) if r.answer is None],
    )


def get_response(attempt: Attempt, position: int) -> Response:
    """Return the attempt's response row at a 1-based position."""
    if not 1 <= position <= len(attempt.responses):
        raise QuestionNotFoundError(position)
    return attempt.responses[position - 1]


def chosen_index(response: Response | ShownQuestion) -> int | None:
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
    order_key: str | None = None,
) -> Attempt:
    """Store the answer at a position and remember where the student goes next.

    `value` is a choice index in this attempt's order for choice questions, the typed text
    for short answers, or None for no answer. `order_key`, when given, is the
    `choice_order_key` of the choices the page showed: if the teacher has changed them since,
    the index would point at another choice, so QuestionChangedError is raised instead.
    `move_to` is clamped to the attempt's range.
    """
    attempt = get_attempt(user, attempt_id)
    if attempt.is_submitted:
        raise AttemptSubmittedError(attempt.id)
    response = get_response(attempt, position)
    if response.question_id != question_id:
        raise InvalidAnswerError("That answer was for a different question. Please try again.")
    if order_key is not None and order_key != choice_order_key(response.choice_order):
        raise QuestionChangedError(QUESTION_CHANGED)
    answer = _answer_text(response, value)
    # Claim the attempt while it is still open before touching the response: the UPDATE locks
    # its row (PostgreSQL) or the database (SQLite), so a submit running at the same moment
    # either grades this answer or makes this save fail; it never grades around it.
    position_after = min(max(move_to, 1), len(attempt.responses))
    if not _update_open_attempt(attempt.id, current_position=position_after):
        raise AttemptSubmittedError(attempt.id)
    if answer != response.answer:
        response.answer = answer
        response.answered_at = utcnow() if answer is not None else None
    db.session.commit()
    return attempt


def _update_open_attempt(attempt_id: int, **values: object) -> bool:
    """Set columns of an attempt only while it is unsubmitted; False (rolled back) otherwise.

    Meant to run first in its transaction: it takes the lock that orders saves and submits.
    """
    done = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt_id, Attempt.submitted_at.is_(None))
        .values(**values)
    )
    if done.rowcount != 1:
        db.session.rollback()
        return False
    return True


def unanswered_positions(attempt: Attempt) -> list[int]:
    """Return the numbers (1-based) of the attempt's questions that have no answer yet."""
    return [n for n, response in enumerate(attempt.responses, start=1) if response.answer is None]


def submit_attempt(user: User, attempt_id: int) -> Attempt:
    """Grade every response from the stored rows and make the attempt final."""
    attempt = get_attempt(user, attempt_id)
    if attempt.is_submitted:
        raise AttemptSubmittedError(attempt.id)
    # Only the request that flips submitted_at wins, so a double click cannot grade twice; the
    # flip comes first so that its lock stops any answer from being saved meanwhile.
    if not _update_open_attempt(attempt.id, submitted_at=utcnow()):
        raise AttemptSubmittedError(attempt.id)
    # Grade the responses as they are now, under that lock: an answer saved a moment ago counts.
    responses = db.session.scalars(
        select(Response)
        .where(Response.attempt_id == attempt.id)
        .options(joinedload(Response.question))
        .order_by(Response.position)
        .execution_options(populate_existing=True)
    ).all()
    score = 0
    for response in responses:
        response.correct = is_correct(response.question, response.answer)
        response.expected = expected_answer(response.question)
        score += int(response.correct)
    attempt.score = score
    attempt.max_score = len(responses)
    db.session.commit()
    db.session.refresh(attempt)
    return attempt


# Article texts change rarely and are read on every question page: split and grade each once
# per process (keyed by the text itself, so an edited article is simply a new entry).
TEXT_CACHE_SIZE = 256


def paragraphs(text: str) -> list[str]:
    """Split cleaned article text into its paragraphs (separated by blank lines)."""
    return list(_paragraphs(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"\n\s*\n", text) if part.strip())


MIN_WORDS_FOR_GRADE = 30


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def reading_grade(text: str) -> int | None:
    """The Flesch-Kincaid school grade of a text (textstat), or None for too little text."""
    if textstat.lexicon_count(text) < MIN_WORDS_FOR_GRADE:
        return None
    return max(1, round(textstat.flesch_kincaid_grade(text)))
