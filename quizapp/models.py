"""Typed SQLAlchemy 2.0 models: users, articles, questions, attempts and responses."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db

ROLES = ("student", "teacher")
QUESTION_FORMATS = ("multiple_choice", "short_answer", "true_false", "numeric")
QUESTION_ORIGINS = ("generated", "teacher")
# "archived": deleted after students answered it; "rejected": a teacher turned it down (kept so
# the generator never offers it again, and so reviews of attempts that had it stay intact).
QUESTION_STATUSES = ("draft", "published", "archived", "rejected")
# Statuses of the questions that make up an article's quiz (shown, ordered, exported).
ACTIVE_STATUSES = ("draft", "published")

EMAIL_MAX = 254
NAME_MAX = 80
TITLE_MAX = 200
SESSION_TOKEN_BYTES = 32
SESSION_TOKEN_MAX = 64


def new_session_token() -> str:
    """A fresh random session token (43 URL-safe characters)."""
    return secrets.token_urlsafe(SESSION_TOKEN_BYTES)


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class User(UserMixin, db.Model):
    """A student or a teacher; the email is the login name."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), unique=True)
    display_name: Mapped[str] = mapped_column(String(NAME_MAX))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Flask-Login's "alternative id": the session and remember-me cookies carry this token, not
    # the user id, so replacing it (log out, new password, account disabled) ends every session.
    session_token: Mapped[str] = mapped_column(
        String(SESSION_TOKEN_MAX), unique=True, default=new_session_token
    )
    # A disabled account cannot log in, and its sessions end (see auth.services.set_active).
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    articles: Mapped[list[Article]] = relationship(back_populates="owner")
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def set_password(self, password: str) -> None:
        """Store a Werkzeug hash of the password, never the password itself."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Tell whether the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """Flask-Login stores this in the session cookie: the session token, never the id."""
        return self.session_token

    def rotate_session_token(self) -> None:
        """Replace the session token, so every cookie that carries the old one stops working."""
        self.session_token = new_session_token()

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        """Flask-Login refuses to log in an inactive (disabled) account."""
        return self.active is not False  # None: not stored yet, so the default (True) applies

    @property
    def is_teacher(self) -> bool:
        """Whether the user may manage articles and questions."""
        return self.role == "teacher"


class Article(db.Model):
    """A news article: the text as pasted and the cleaned text shown to readers."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    original_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # The seed file an article was loaded from, so seeding twice adds nothing.
    seed_name: Mapped[str | None] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    owner: Mapped[User | None] = relationship(back_populates="articles")
    questions: Mapped[list[Question]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="Question.position",
    )
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )


class Question(db.Model):
    """One question about an article, generated or written by a teacher."""

    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint(_in("format", QUESTION_FORMATS), name="format"),
        CheckConstraint(_in("origin", QUESTION_ORIGINS), name="origin"),
        CheckConstraint(_in("status", QUESTION_STATUSES), name="status"),
        # A numeric question has a tolerance (0 for an exact value); no other format has one.
        CheckConstraint(
            "(format = 'numeric' AND tolerance IS NOT NULL AND tolerance >= 0)"
            " OR (format != 'numeric' AND tolerance IS NULL)",
            name="tolerance",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    # Generator type ("who", "how_many", …) or "teacher" for a teacher's own question.
    type: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(20), default="multiple_choice")
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    # Further answers a short-answer question accepts, besides `answer`.
    accepted: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Every choice, the right one included, in the author's order (shuffled per attempt).
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    evidence: Mapped[str] = mapped_column(Text, default="")
    # Numeric questions only: how far from `answer` (a plain number) a reply may be.
    tolerance: Mapped[float | None] = mapped_column(Float)
    origin: Mapped[str] = mapped_column(String(16), default="teacher")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    position: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float] = mapped_column(Float, default=0.0)

    article: Mapped[Article] = relationship(back_populates="questions")
    responses: Mapped[list[Response]] = relationship(back_populates="question")


class Attempt(db.Model):
    """One student's sitting of an article's quiz; the score is set on submission."""

    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= max_score)", name="score"),
        # At most one open attempt per student and article, even under double-clicks.
        Index(
            "uq_attempts_open_user_article",
            "user_id",
            "article_id",
            unique=True,
            sqlite_where=text("submitted_at IS NULL"),
            postgresql_where=text("submitted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    score: Mapped[int | None] = mapped_column(Integer)
    max_score: Mapped[int] = mapped_column(Integer, default=0)
    # The question the student last looked at (1-based), so a resume lands there.
    current_position: Mapped[int] = mapped_column(Integer, default=1)

    user: Mapped[User] = relationship(back_populates="attempts")
    article: Mapped[Article] = relationship(back_populates="attempts")
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="Response.position"
    )

    @property
    def is_submitted(self) -> bool:
        """Whether the attempt is final."""
        return self.submitted_at is not None


class Response(db.Model):
    """A student's answer to one question within one attempt.

    Rows are created when the attempt starts (answer empty), fixing the question order and
    the shuffled choice order for that attempt.
    """

    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id", name="uq_responses_attempt_question"),
        UniqueConstraint("attempt_id", "position", name="uq_responses_attempt_position"),
        # Covers the distractor count of a results page (answers per question) without
        # touching the table: its cost stays small when a school's students all submit.
        Index("ix_responses_question_answer", "question_id", "answer", "correct", "attempt_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    choice_order: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str | None] = mapped_column(Text)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    # The right answer this response was graded against, so a teacher's later edit of the
    # question cannot make a submitted review contradict its own mark.
    expected: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship(back_populates="responses")


# ---------------------------------------------------------------- classes and assignments
CLASS_NAME_MAX = 80
# Join codes are stored without separators, upper case (see quizapp/classes/codes.py).
JOIN_CODE_MAX = 16


class SchoolClass(db.Model):
    """A teacher's class: students join it with its code and get its assignments."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(CLASS_NAME_MAX))
    join_code: Mapped[str] = mapped_column(String(JOIN_CODE_MAX), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    teacher: Mapped[User] = relationship()
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan", passive_deletes=True
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="school_class", cascade="all, delete-orphan", passive_deletes=True
    )


class Membership(db.Model):
    """A student's place in a class's roster."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("class_id", "user_id", name="uq_memberships_class_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()


class Assignment(db.Model):
    """A published article a teacher set for one class, with an optional due time (UTC)."""

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("class_id", "article_id", name="uq_assignments_class_article"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="assignments")
    article: Mapped[Article] = relationship()
