"""The seed loader: every seeds/*.txt becomes a published article with published questions, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.generation.types import GeneratedQuestion
from quizapp.models import Article, Question
from quizapp.seeding import load_seeds, readable_name
from tests.conftest import SEED_ARTICLE


@pytest.mark.slow
def test_seed_article_is_loaded_with_published_questions_once(app: Flask) -> None:
    with app.app_context():
        [article] = load_seeds(SEED_ARTICLE.parent, limit=12)
        assert article.title == "US Official Warns North Korean Leader Over Human Rights Abuses"
        assert article.seed_name == SEED_ARTICLE.name
        assert article.owner_id is None
        assert article.published is True
        assert article.original_text == SEED_ARTICLE.read_text(encoding="utf-8")
        assert "Accessibility links" not in article.text
        assert 4 <= len(article.questions) <= 12
        assert {question.status for question in article.questions} == {"published"}
        assert [question.position for question in article.questions] == list(
            range(1, len(article.questions) + 1)
        )
        for question in article.questions:
            if question.format != "short_answer":  # too few real distractors: no choices
                assert question.answer in question.choices
            assert question.evidence

        assert load_seeds(SEED_ARTICLE.parent, limit=12) == []
        assert db.session.scalar(select(func.count(Article.id))) == 1
        assert db.session.scalar(select(func.count(Question.id))) == len(article.questions)


def test_a_seed_without_a_headline_is_named_after_its_file(
    app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "b_second-story.txt").write_text("Second story text, long enough to keep.\n")
    (tmp_path / "a_first_story.txt").write_text("First story text, long enough to keep.\n")
    (tmp_path / "notes.md").write_text("Not an article.\n")
    monkeypatch.setattr("quizapp.seeding.guess_title", lambda text: None)
    question = GeneratedQuestion("who", "Who?", "Kim", ("Kim", "Moon"), "Kim spoke.", 1.0)

    def generate(text: str, **kwargs: Any) -> list[GeneratedQuestion]:
        return [question]

    monkeypatch.setattr("quizapp.teacher.services.generate_questions", generate)
    with app.app_context():
        added = load_seeds(tmp_path)
        assert [article.title for article in added] == ["A first story", "B second story"]
        assert [article.seed_name for article in added] == [
            "a_first_story.txt",
            "b_second-story.txt",
        ]
        assert added[0].questions[0].status == "published"


def test_readable_name() -> None:
    assert (
        readable_name(Path("us-official-warns_north  korea.txt")) == "Us official warns north korea"
    )
