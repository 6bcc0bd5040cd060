"""Scores test fixtures: articles, attempts and responses written straight to the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from flask import Flask

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response, User


@pytest.fixture
def make_article(app: Flask) -> Callable[..., int]:
    """Create a published article with `questions` published questions; return its id."""

    def make(title: str = "Talks in Geneva", questions: int = 10) -> int:
        with app.app_context():
            article = Article(title=title, original_text="Text.", text="Text.", published=True)
            article.questions = [
                Question(
                    type="who",
                    format="short_answer",
                    prompt=f"Question {number}?",
                    answer=f"Answer {number}",
                    status="published",
                    origin="generated",
                    position=number,
                )
                for number in range(1, questions + 1)
            ]
            db.session.add(article)
            db.session.commit()
            return article.id

    return make


@pytest.fixture
def make_attempt(app: Flask) -> Callable[..., int]:
    """Store an attempt with one response per question, `score` of them right; return its id.

    `submitted=None` leaves the attempt open (no score), as a student mid-quiz would.
    """

    def make(
        user: User,
        article_id: int,
        score: int | None,
        submitted: datetime | None,
        started: datetime | None = None,
        current_position: int = 1,
    ) -> int:
        with app.app_context():
            article = db.session.get(Article, article_id)
            assert article is not None
            started = started or submitted or datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
            attempt = Attempt(
                user_id=user.id,
                article_id=article_id,
                started_at=started,
                submitted_at=submitted,
                score=score if submitted else None,
                max_score=len(article.questions),
                current_position=current_position,
            )
            right = score or 0

            def given(position: int, answer: str) -> str | None:
                if not submitted:
                    return None
                return answer if position <= right else "wrong"

            attempt.responses = [
                Response(
                    question_id=question.id,
                    position=position,
                    answer=given(position, question.answer),
                    correct=position <= right if submitted else None,
                )
                for position, question in enumerate(article.questions, start=1)
            ]
            db.session.add(attempt)
            db.session.commit()
            return attempt.id

    return make
