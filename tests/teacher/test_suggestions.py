"""Feeding item statistics back into generation: replacing a flagged question, more questions."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.generation.types import GeneratedQuestion
from quizapp.models import Article, Attempt, Question, User
from tests.conftest import log_in
from tests.teacher.conftest import post, question_ids
from tests.teacher.test_statistics import SIX, TEN, open_attempt, record_attempts


def candidate(n: int, prompt: str | None = None, answer: str = "Japan") -> GeneratedQuestion:
    return GeneratedQuestion(
        type="who",
        question=prompt or f"Generated question {n}?",
        answer=answer,
        choices=(answer, "China", "Russia", "Chile"),
        evidence=f"Sentence {n}.",
        score=1 - n / 10,
    )


# Ranked best first; the first one repeats question 1 of the article (spelled differently).
RANKED = [
    candidate(0, "question 1 ?", "the United States"),
    *(candidate(n) for n in range(1, 8)),
]


@pytest.fixture
def ranked(monkeypatch: pytest.MonkeyPatch) -> list[GeneratedQuestion]:
    """Make the generator answer RANKED for any article (a copy the test may shorten)."""
    items = list(RANKED)

    def generate(text: str, *, limit: int | None = None, pool: Any = None) -> list[Any]:
        return items[:limit]

    monkeypatch.setattr("quizapp.teacher.suggestions.generate_questions", generate)
    return items


def prompts(app: Flask, article_id: int, *statuses: str) -> list[str]:
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article is not None
        return [q.prompt for q in article.questions if q.status in statuses]


def active_positions(app: Flask, article_id: int) -> list[int]:
    with app.app_context():
        query = (
            select(Question.position)
            .where(Question.article_id == article_id, Question.status.in_(("draft", "published")))
            .order_by(Question.position)
        )
        return list(db.session.scalars(query))


def test_a_flagged_question_is_replaced_by_the_next_best_candidate_in_its_place(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
    ranked: list[GeneratedQuestion],
) -> None:
    article_id = make_article(teacher, questions=SIX)
    record_attempts(app, make_user, article_id, TEN)
    flagged = question_ids(app, article_id)[1]  # "Too hard: check the key"
    url = f"/teacher/articles/{article_id}/questions/{flagged}/replace"
    html = teacher_client.get(url).get_data(as_text=True)
    assert "Replace question 2" in html and "Too hard: check the key" in html
    # Question 1 is already in the quiz, so the suggestions start with candidate 1.
    offered = re.findall(r'<h3 class="h6 card-title">([^<]+)</h3>', html)
    assert offered == ["Generated question 1?", "Generated question 2?", "Generated question 3?"]
    keys = re.findall(r'name="key" value="([0-9a-f]+)"', html)
    response = post(teacher_client, url, {"key": keys[1]})
    assert response.status_code == 302
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Question 2 was replaced" in page
    assert prompts(app, article_id, "published", "draft")[1] == "Generated question 2?"
    assert prompts(app, article_id, "rejected") == ["Question 2?"]
    assert active_positions(app, article_id) == [1, 2, 3, 4, 5, 6]
    with app.app_context():
        # The graded reviews still point at the old question, with what they were graded on.
        old = db.session.get(Question, flagged)
        assert old is not None and old.status == "rejected"
        assert len(old.responses) == len(TEN)
    # The replaced question is never offered again, nor the one just used.
    again = teacher_client.get(
        f"/teacher/articles/{article_id}/questions/{question_ids(app, article_id)[0]}/replace"
    ).get_data(as_text=True)
    offered = re.findall(r'<h3 class="h6 card-title">([^<]+)</h3>', again)
    assert offered == ["Generated question 1?", "Generated question 3?", "Generated question 4?"]


def test_an_open_attempt_keeps_the_replaced_question(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    student: User,
    make_article: Callable[..., int],
    ranked: list[GeneratedQuestion],
) -> None:
    article_id = make_article(teacher, questions=SIX[:2])
    before = question_ids(app, article_id)
    first = before[0]
    attempt_id = open_attempt(app, student, article_id)
    url = f"/teacher/articles/{article_id}/questions/{first}/replace"
    key = re.findall(r'name="key" value="([0-9a-f]+)"', teacher_client.get(url).get_data(True))[0]
    assert post(teacher_client, url, {"key": key}).status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None
        assert [r.question_id for r in attempt.responses] == before
    # New attempts get the replacement in the first place.
    assert question_ids(app, article_id)[0] not in before


def test_a_stale_suggestion_is_refused_with_a_message(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    ranked: list[GeneratedQuestion],
) -> None:
    article_id = make_article(teacher, questions=SIX[:2])
    first = question_ids(app, article_id)[0]
    url = f"/teacher/articles/{article_id}/questions/{first}/replace"
    response = post(teacher_client, url, {"key": "0123456789abcdef"})
    assert response.status_code == 200
    assert "That suggestion is no longer available" in response.get_data(as_text=True)
    assert prompts(app, article_id, "rejected") == []


def test_more_questions_adds_the_next_unused_candidates_as_drafts_then_says_none_are_left(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    ranked: list[GeneratedQuestion],
) -> None:
    article_id = make_article(teacher, questions=SIX[:1])
    url = f"/teacher/articles/{article_id}/questions/more"
    page = post(teacher_client, url, follow_redirects=True).get_data(as_text=True)
    assert "Added 5 new draft questions at the end." in page
    assert prompts(app, article_id, "draft") == [f"Generated question {n}?" for n in range(1, 6)]
    # Reject one: it does not come back.
    rejected = question_ids(app, article_id)[1]
    post(teacher_client, f"/teacher/articles/{article_id}/questions/{rejected}/reject")
    page = post(teacher_client, url, follow_redirects=True).get_data(as_text=True)
    assert "Added 2 new draft questions" in page
    assert prompts(app, article_id, "draft")[-2:] == [
        "Generated question 6?",
        "Generated question 7?",
    ]
    page = post(teacher_client, url, follow_redirects=True).get_data(as_text=True)
    assert "No new questions are left" in page
    assert active_positions(app, article_id) == list(range(1, 8))


def test_other_teachers_cannot_replace_or_add(
    app: Flask,
    teacher: User,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
    ranked: list[GeneratedQuestion],
) -> None:
    article_id = make_article(teacher, questions=SIX[:1])
    other = app.test_client()
    log_in(other, make_user("teacher").email)
    first = question_ids(app, article_id)[0]
    assert other.get(f"/teacher/articles/{article_id}/questions/{first}/replace").status_code == 403
    assert post(other, f"/teacher/articles/{article_id}/questions/more").status_code == 403
    assert prompts(app, article_id, "draft") == []
