"""Template helpers: links and Bootstrap's tags are built once per URL root, and stay right."""

from __future__ import annotations

import re

from flask import Flask, render_template_string, url_for
from flask.testing import FlaskClient

from quizapp.templating import MAX_CACHED_URLS, cached_url_for


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="([^"]+)"', html)


def test_cached_links_are_the_links_flask_builds(app: Flask) -> None:
    cases = [
        ("quiz.articles", {}),
        ("quiz.question", {"attempt_id": 7, "n": 3}),
        ("static", {"filename": "css/app.css"}),
        ("quiz.articles", {"page": 2}),  # not in the rule: a query string
    ]
    with app.test_request_context("/"):
        for endpoint, values in cases:
            assert cached_url_for(endpoint, **values) == url_for(endpoint, **values)
            assert cached_url_for(endpoint, **values) == url_for(endpoint, **values)  # cached
        assert cached_url_for("quiz.question", attempt_id=8, n=3).startswith("/quiz/attempts/8/")
        assert cached_url_for("quiz.articles", _external=True).startswith("http://localhost/")


def test_an_app_mounted_under_a_prefix_links_under_it_after_links_without_it(
    client: FlaskClient,
) -> None:
    plain = client.get("/auth/login").get_data(as_text=True)
    mounted = client.get("/auth/login", base_url="http://localhost/school/")
    links = _links(mounted.get_data(as_text=True))

    assert "/static/css/app.css" in _links(plain)
    assert links and all(link.startswith("/school/") or link.startswith("#") for link in links)
    assert any("bootstrap" in link for link in links)  # Bootstrap's own tags follow the root


def test_the_cache_is_emptied_when_full_and_keeps_answering(app: Flask) -> None:
    with app.test_request_context("/"):
        for attempt in range(MAX_CACHED_URLS + 10):
            assert cached_url_for("quiz.question", attempt_id=attempt, n=1) == (
                f"/quiz/attempts/{attempt}/questions/1"
            )
        assert len(app.extensions["quizapp.urls"]) <= MAX_CACHED_URLS


def test_templates_use_the_cached_url_for(app: Flask) -> None:
    with app.test_request_context("/"):
        assert render_template_string("{{ url_for('quiz.articles') }}") == "/quiz/"
        assert app.jinja_env.globals["url_for"] is cached_url_for
