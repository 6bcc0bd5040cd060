"""Adding an article (pasted or uploaded), publishing it, and every bad input on the way."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, User
from tests.teacher.conftest import post

PASTED = (
    "Accessibility links\n\nUS Official Warns North Korean Leader\n\n"
    "The United States imposed sanctions on Kim Jong Un on Wednesday.\n\n"
    "Eight North Korean entities were also blacklisted."
)
NEW = "/teacher/articles/new"


def stored_articles(app: Flask) -> list[Article]:
    """Every article in the database."""
    with app.app_context():
        articles = list(db.session.scalars(select(Article)))
        for article in articles:
            _ = article.questions
        db.session.expunge_all()
        return articles


def test_teacher_adds_an_article_with_draft_questions(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    fake_generation: list[dict[str, Any]],
) -> None:
    response = post(teacher_client, NEW, {"title": "  Sanctions  ", "text": PASTED})

    [article] = stored_articles(app)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/teacher/articles/{article.id}"
    assert article.title == "Sanctions"
    assert article.owner_id == teacher.id
    assert article.published is False
    assert article.original_text == PASTED
    assert "\n\n" in article.text and "Eight North Korean entities" in article.text
    assert fake_generation[0]["text"] == article.text
    assert fake_generation[0]["limit"] == app.config["QUESTIONS_PER_ARTICLE"]
    assert [q.status for q in article.questions] == ["draft", "draft"]
    assert [q.position for q in article.questions] == [1, 2]
    assert [q.format for q in article.questions] == ["multiple_choice", "true_false"]
    assert article.questions[0].choices == ["The United States", "China", "Japan", "Russia"]
    assert article.questions[1].choices == ["True", "False"]
    assert {q.origin for q in article.questions} == {"generated"}

    page = teacher_client.get(f"/teacher/articles/{article.id}").get_data(as_text=True)
    assert "Article added with 2 draft questions" in page
    assert "Who imposed sanctions on Kim Jong Un?" in page
    assert "Draft" in page


def test_other_articles_answers_are_the_distractor_pool(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_article: Callable[..., int],
    fake_generation: list[dict[str, Any]],
) -> None:
    make_article(teacher, questions=[{"answer": "Moon Jae-in"}, {"type": "when", "answer": "May"}])
    post(teacher_client, NEW, {"title": "Sanctions", "text": PASTED})
    assert fake_generation[0]["pool"] == {"PERSON": ["Moon Jae-in"], "DATE": ["May"]}


def test_an_article_without_questions_asks_for_the_teachers_own(
    app: Flask, teacher_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizapp.teacher.services.generate_questions", lambda *a, **k: [])
    response = post(
        teacher_client,
        NEW,
        {"title": "Poem", "text": "Roses are red, violets are blue. Sugar is sweet."},
    )
    assert response.status_code == 302
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "no questions could be made" in page
    assert "Add question" in page
    assert len(stored_articles(app)) == 1


def test_a_text_file_upload_becomes_the_article(
    app: Flask, teacher_client: FlaskClient, fake_generation: list[dict[str, Any]]
) -> None:
    upload = (io.BytesIO(PASTED.encode("utf-8-sig")), "story.txt")
    response = post(teacher_client, NEW, {"title": "Uploaded", "upload": upload})
    assert response.status_code == 302
    [article] = stored_articles(app)
    assert article.original_text == PASTED


def test_an_html_upload_is_reduced_to_its_story(
    app: Flask, teacher_client: FlaskClient, fake_generation: list[dict[str, Any]]
) -> None:
    story = " ".join(["The United States imposed sanctions on Kim Jong Un on Wednesday."] * 4)
    html = (
        "<html><head><title>Page</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Sanctions</h1><p>{story}</p><p>{story}</p></article>"
        "<footer>Copyright 2016</footer></body></html>"
    )
    upload = (io.BytesIO(html.encode()), "page.html")
    response = post(teacher_client, NEW, {"title": "From the web", "upload": upload})
    assert response.status_code == 302
    [article] = stored_articles(app)
    assert "imposed sanctions on Kim Jong Un" in article.text
    assert "<p>" not in article.text and "Copyright" not in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "text": PASTED}, "Enter the article&#39;s title."),
        ({"title": "x" * 201, "text": PASTED}, "Keep the title under 200 characters."),
        (
            {"title": "Sanctions", "text": "   \n  "},
            "Paste the article&#39;s text or upload a file.",
        ),
        ({"title": "Sanctions", "text": "Home\nNews\nSport"}, "No story was found in that text"),
        (
            {"title": "Sanctions", "text": PASTED, "upload": (io.BytesIO(b"text"), "a.txt")},
            "Paste the text or upload a file, not both.",
        ),
        (
            {"title": "Sanctions", "upload": (io.BytesIO("café".encode("latin-1")), "a.txt")},
            "The file is not UTF-8 text",
        ),
        (
            {"title": "Sanctions", "upload": (io.BytesIO(b"%PDF-1.4"), "a.pdf")},
            "Upload a .txt or .html file.",
        ),
        (
            {"title": "Sanctions", "upload": (io.BytesIO(b"<html><body></body></html>"), "a.html")},
            "No article text could be found in that page.",
        ),
    ],
)
def test_bad_article_input_gets_a_form_error(
    app: Flask,
    teacher_client: FlaskClient,
    fake_generation: list[dict[str, Any]],
    data: dict[str, Any],
    message: str,
) -> None:
    response = post(teacher_client, NEW, data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert stored_articles(app) == []


def test_an_overlong_text_gets_a_form_error(
    app: Flask, teacher_client: FlaskClient, fake_generation: list[dict[str, Any]]
) -> None:
    app.config["MAX_ARTICLE_CHARS"] = 100
    response = post(teacher_client, NEW, {"title": "Long", "text": "word " * 50})
    assert response.status_code == 200
    assert "The article is too long (249 characters; the limit is 100)." in response.get_data(
        as_text=True
    )
    assert stored_articles(app) == []


def test_an_oversize_upload_gets_the_friendly_413_page(
    app: Flask, teacher_client: FlaskClient, fake_generation: list[dict[str, Any]]
) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 1024
    upload = (io.BytesIO(b"word " * 1000), "big.txt")
    response = post(teacher_client, NEW, {"title": "Big", "upload": upload})
    assert response.status_code == 413
    assert "That is too large to upload" in response.get_data(as_text=True)
    assert stored_articles(app) == []


def test_teacher_publishes_and_unpublishes_an_article(
    app: Flask, teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher, published=False)
    response = post(teacher_client, f"/teacher/articles/{article_id}/publish")
    assert response.headers["Location"] == f"/teacher/articles/{article_id}"
    assert stored_articles(app)[0].published is True
    page = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "Unpublish article" in page

    post(teacher_client, f"/teacher/articles/{article_id}/unpublish")
    assert stored_articles(app)[0].published is False


def test_index_lists_the_teachers_articles_with_counts(
    teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(
        teacher, published=False, questions=[{}, {"status": "draft"}, {"status": "draft"}]
    )
    html = teacher_client.get("/teacher/").get_data(as_text=True)
    assert "Sanctions on North Korea" in html
    assert "1 published, 2 draft" in html
    assert "Not published" in html
    assert f"/teacher/articles/{article_id}/results" in html
    assert "Add article" in html


def test_article_page_shows_the_cleaned_text_and_question_details(
    teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher)
    html = teacher_client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "The United States imposed sanctions." in html
    assert "<strong>The United States (right)</strong>" in html
    assert "Evidence:" in html
    assert "Edit" in html and "Unpublish" in html and "Delete" in html


def test_an_empty_form_names_every_missing_field_at_once(
    app: Flask, teacher_client: FlaskClient, fake_generation: list[dict[str, Any]]
) -> None:
    page = post(teacher_client, NEW, {"title": "", "text": ""}).get_data(as_text=True)
    assert "Enter the article&#39;s title." in page  # Jinja escapes the apostrophe
    assert "Paste the article&#39;s text or upload a file." in page
    assert stored_articles(app) == []
