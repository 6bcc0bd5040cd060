"""Fixtures for the teacher area: stored articles and a fake, instant question generator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.generation.types import GeneratedQuestion
from quizapp.models import Article, Question, User
from tests.conftest import csrf_token

FAKE_QUESTIONS = [
    GeneratedQuestion(
        type="who",
        question="Who imposed sanctions on Kim Jong Un?",
        answer="The United States",
        choices=("The United States", "China", "Japan", "Russia"),
        evidence="The United States imposed sanctions on Kim Jong Un.",
        score=0.9,
    ),
    GeneratedQuestion(
        type="true_false",
        question="Eight North Korean entities were blacklisted.",
        answer="True",
        choices=("True", "False"),
        evidence="Eight North Korean entities were also blacklisted.",
        score=0.5,
    ),
]


@pytest.fixture
def fake_generation(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the spaCy-backed generator with two fixed questions; record each call."""
    calls: list[dict[str, Any]] = []

    def generate(text: str, *, limit: int | None = None, pool: Any = None) -> list[Any]:
        calls.append({"text": text, "limit": limit, "pool": pool})
        return FAKE_QUESTIONS[:limit]

    monkeypatch.setattr("quizapp.teacher.services.generate_questions", generate)
    return calls


@pytest.fixture
def make_article(app: Flask) -> Callable[..., int]:
    """Store an article with questions directly through the models; return its id."""

    def make(
        owner: User | None,
        *,
        published: bool = True,
        questions: list[dict[str, Any]] | None = None,
    ) -> int:
        with app.app_context():
            article = Article(
                title="Sanctions on North Korea",
                original_text="Sanctions on North Korea\n\nThe United States imposed sanctions.",
                text="The United States imposed sanctions.",
                owner_id=owner.id if owner else None,
                published=published,
            )
            specs = questions if questions is not None else [{}]
            for position, spec in enumerate(specs, start=1):
                fields: dict[str, Any] = {
                    "type": "who",
                    "format": "multiple_choice",
                    "prompt": f"Question {position}?",
                    "answer": "The United States",
                    "choices": ["The United States", "China", "Japan", "Russia"],
                    "evidence": "The United States imposed sanctions.",
                    "origin": "generated",
                    "status": "published",
                    "position": position,
                }
                fields.update(spec)
                article.questions.append(Question(**fields))
            db.session.add(article)
            db.session.commit()
            return article.id

    return make


def post(client: FlaskClient, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """POST a form with a valid CSRF token taken from the teacher's home page."""
    token = csrf_token(client, "/teacher/")
    return client.post(path, data={**(data or {}), "csrf_token": token}, **kwargs)


def question_ids(app: Flask, article_id: int) -> list[int]:
    """The ids of an article's questions in order."""
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article is not None
        return [question.id for question in article.questions]
