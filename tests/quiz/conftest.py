"""Quiz fixtures: articles and questions built straight from the models, and quiz-taking helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response
from tests.conftest import csrf_token

ARTICLE_TEXT = (
    "The United States imposed sanctions on Kim Jong Un and 10 other top officials on "
    "Wednesday for grossly violating human rights.\n\n"
    "Eight North Korean entities were also blacklisted. The penalties freeze the assets of the "
    "sanctioned individuals and bar them from financial transactions with U.S. citizens.\n\n"
    "Tom Malinowski, an assistant secretary of state, said the person most responsible is the "
    "leader of the country. About eighty thousand people are held in prison camps."
)

QUESTIONS: list[dict[str, Any]] = [
    {
        "format": "multiple_choice",
        "prompt": "Which country imposed the sanctions?",
        "answer": "The United States",
        "choices": ["The United States", "China", "Russia", "Japan", "France", "Canada"],
        "evidence": "The United States imposed sanctions on Kim Jong Un and 10 other top "
        "officials on Wednesday for grossly violating human rights.",
    },
    {
        "format": "short_answer",
        "prompt": "How many other top officials were sanctioned with Kim?",
        "answer": "10",
        "accepted": ["ten top officials"],
        "evidence": "",
    },
    {
        "format": "true_false",
        "prompt": "True or false: eight North Korean entities were blacklisted.",
        "answer": "True",
        "choices": ["True", "False"],
        "evidence": "Eight North Korean entities were also blacklisted.",
    },
    {
        "format": "multiple_choice",
        "prompt": "Who said the leader is the person most responsible?",
        "answer": "Tom Malinowski",
        "choices": [
            "Tom Malinowski",
            "Kim Jong Un",
            "John Kerry",
            "Ban Ki-moon",
            "Moon Jae-in",
            "Barack Obama",
        ],
        "evidence": "Tom Malinowski, an assistant secretary of state, said the person most "
        "responsible is the leader of the country.",
    },
]

DRAFT_PROMPT = "Which draft question must students never see?"


@dataclass(frozen=True)
class Quiz:
    """Ids of an article built for a test and of its published questions, in order."""

    article_id: int
    question_ids: list[int]


@pytest.fixture
def make_quiz(app: Flask) -> Callable[..., Quiz]:
    """Build an article with questions: published ones from QUESTIONS plus one draft."""

    def make(
        *,
        published: bool = True,
        questions: list[dict[str, Any]] | None = None,
        owner_id: int | None = None,
        title: str = "Sanctions on North Korea",
    ) -> Quiz:
        with app.app_context():
            article = Article(
                title=title,
                original_text=ARTICLE_TEXT,
                text=ARTICLE_TEXT,
                published=published,
                owner_id=owner_id,
            )
            specs = QUESTIONS if questions is None else questions
            for position, spec in enumerate(specs, start=1):
                article.questions.append(
                    Question(type="teacher", status="published", position=position, **spec)
                )
            article.questions.append(
                Question(
                    type="teacher",
                    format="short_answer",
                    prompt=DRAFT_PROMPT,
                    answer="draft",
                    status="draft",
                    position=0,
                )
            )
            db.session.add(article)
            db.session.commit()
            ids = [q.id for q in article.questions if q.status == "published"]
            return Quiz(article.id, ids)

    return make


@pytest.fixture
def quiz(make_quiz: Callable[..., Quiz]) -> Quiz:
    """The default four-question quiz on a published article."""
    return make_quiz()


def start_attempt(client: FlaskClient, article_id: int) -> tuple[int, int]:
    """Start or resume a quiz; return (attempt id, question number) from the redirect."""
    token = csrf_token(client, f"/quiz/articles/{article_id}")
    response = client.post(f"/quiz/articles/{article_id}/start", data={"csrf_token": token})
    match = re.search(r"/quiz/attempts/(\d+)/questions/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1)), int(match.group(2))


def question_url(attempt_id: int, n: int) -> str:
    """The URL of question n of an attempt."""
    return f"/quiz/attempts/{attempt_id}/questions/{n}"


def page_form(client: FlaskClient, url: str) -> dict[str, str]:
    """Fetch a question page and return its hidden fields (CSRF token, question id, order key)."""
    html = client.get(url).get_data(as_text=True)
    fields = dict(
        re.findall(r'name="(csrf_token|question_id|order_key)"[^>]*value="([^"]*)"', html)
    )
    assert set(fields) == {"csrf_token", "question_id", "order_key"}, html
    return fields


def radio_values(html: str) -> dict[str, str]:
    """Map each radio's label text to its submitted value."""
    inputs = dict(re.findall(r'id="(choice-\d+)"[^>]*value="([^"]*)"', html))
    labels = re.findall(r'<label class="form-check-label" for="(choice-\d+)">([^<]*)</label>', html)
    return {text: inputs[field_id] for field_id, text in labels}


def post_answer(
    client: FlaskClient,
    attempt_id: int,
    n: int,
    value: str | None = None,
    *,
    button: str = "go_next",
    field: str | None = None,
    extra: dict[str, str] | None = None,
) -> Any:
    """Answer question n through its page: `value` goes in the question's own input."""
    url = question_url(attempt_id, n)
    html = client.get(url).get_data(as_text=True)
    data = page_form(client, url)
    if value is not None:
        data[field or ("choice" if 'name="choice"' in html else "reply")] = value
    data[button] = "1"
    data.update(extra or {})
    return client.post(url, data=data)


def choose(client: FlaskClient, attempt_id: int, n: int, text: str, **kwargs: Any) -> Any:
    """Pick the radio labelled `text` on question n."""
    html = client.get(question_url(attempt_id, n)).get_data(as_text=True)
    return post_answer(client, attempt_id, n, radio_values(html)[text], **kwargs)


def stored_answers(app: Flask, attempt_id: int) -> list[str | None]:
    """The answers stored for an attempt, by position."""
    with app.app_context():
        query = (
            select(Response.answer)
            .where(Response.attempt_id == attempt_id)
            .order_by(Response.position)
        )
        return list(db.session.scalars(query))


def load_attempt(app: Flask, attempt_id: int) -> dict[str, Any]:
    """The stored attempt's score, maximum, submission time and position."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None
        return {
            "score": attempt.score,
            "max_score": attempt.max_score,
            "submitted": attempt.submitted_at is not None,
            "current_position": attempt.current_position,
            "choice_orders": [list(r.choice_order) for r in attempt.responses],
        }
