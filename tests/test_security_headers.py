"""Security headers (flask-talisman) on every GET route, error pages and static files."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Assignment, Membership, Question, SchoolClass, User
from quizapp.quiz import services as quiz
from tests.conftest import csrf_token, database_uri

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
STATIC_FILES = {"static": "css/app.css", "bootstrap.static": "css/bootstrap.min.css"}
UNKNOWN_ID = 987_654
# The old results address only sends teachers on to /results/….
REDIRECT_ONLY = {"main.index", "teacher.results"}
# Areas whose pages only a teacher sees (the student's join page aside).
TEACHER_AREAS = ("teacher.", "classes.", "results.")
STUDENT_PAGES = {"classes.join"}


def csp(response: TestResponse) -> dict[str, str]:
    """The response's Content-Security-Policy as {directive: sources}."""
    header = response.headers.get("Content-Security-Policy", "")
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def assert_secure_headers(response: TestResponse, what: str) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (what, name, response.headers.get(name))
    policy = csp(response)
    for directive, sources in CSP_DIRECTIVES.items():
        assert policy.get(directive) == sources, (what, directive, policy)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"], what
    # Plain HTTP: HSTS would mean nothing (and must not be sent), see the HTTPS test.
    assert "Strict-Transport-Security" not in response.headers, what


@pytest.fixture
def ids(app: Flask, student: User, teacher: User) -> dict[str, int]:
    """Real ids for the URL arguments: a teacher's article, its question, a student's attempts."""
    with app.app_context():
        article = Article(
            title="Sanctions",
            original_text="Text.",
            text="Text.",
            owner_id=teacher.id,
            published=True,
        )
        article.questions.append(
            Question(
                type="teacher",
                format="multiple_choice",
                prompt="Who?",
                answer="A",
                choices=["A", "B"],
                status="published",
                position=1,
            )
        )
        db.session.add(article)
        db.session.commit()
        student_row = db.session.get(User, student.id)
        assert student_row is not None
        submitted, _ = quiz.start_attempt(student_row, article.id)
        quiz.submit_attempt(student_row, submitted.id)
        attempt, _ = quiz.start_attempt(student_row, article.id)
        school_class = SchoolClass(teacher_id=teacher.id, name="9A", join_code="ACDEFGHJ")
        school_class.memberships.append(Membership(user_id=student.id))
        school_class.assignments.append(Assignment(article_id=article.id))
        db.session.add(school_class)
        db.session.commit()
        return {
            "article_id": article.id,
            "question_id": article.questions[0].id,
            "attempt_id": attempt.id,
            "n": 1,
            "submitted_attempt_id": submitted.id,
            "class_id": school_class.id,
            "assignment_id": school_class.assignments[0].id,
            "user_id": student.id,
        }


def test_every_get_route_sends_the_security_headers(
    app: Flask,
    client: FlaskClient,
    student_client: FlaskClient,
    teacher_client: FlaskClient,
    ids: dict[str, int],
) -> None:
    checked: set[str] = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or set()):
            continue
        values = {name: ids.get(name, 0) for name in rule.arguments}
        if rule.endpoint == "quiz.result":  # only a submitted attempt has a result page
            values["attempt_id"] = ids["submitted_attempt_id"]
        if rule.endpoint in STATIC_FILES:
            values = {"filename": STATIC_FILES[rule.endpoint]}
        url = rule.build(values, append_unknown=False)[1]
        teachers = rule.endpoint.startswith(TEACHER_AREAS) and rule.endpoint not in STUDENT_PAGES
        owner = teacher_client if teachers else student_client
        statuses = set()
        for who, visitor in (("owner", owner), ("visitor", client)):
            response = visitor.get(url)
            statuses.add(response.status_code)
            assert response.status_code < 500, (rule.endpoint, who, response.status_code)
            assert_secure_headers(response, f"{who} GET {url}")
        if rule.endpoint not in REDIRECT_ONLY:  # somebody saw the real page, not only redirects
            assert 200 in statuses, (rule.endpoint, statuses)
        checked.add(rule.endpoint)
    assert {"quiz.question", "teacher.results", "auth.change_password", "static"} <= checked


def test_error_pages_send_the_security_headers_too(
    app: Flask, student_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_secure_headers(student_client.get(f"/quiz/articles/{UNKNOWN_ID}"), "404")
    assert_secure_headers(student_client.get("/no/such/page"), "404 routing")
    assert_secure_headers(student_client.get("/teacher/"), "403")
    assert_secure_headers(student_client.get("/static/no-such-file.css"), "static 404")
    assert_secure_headers(student_client.delete("/quiz/"), "405")
    assert_secure_headers(student_client.post("/auth/logout", data={}), "CSRF 400")

    def broken(user: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("quizapp.quiz.services.article_summaries", broken)
    response = student_client.get("/quiz/")
    assert response.status_code == 500
    assert_secure_headers(response, "500")


def test_hsts_is_sent_over_https_only(app: Flask, client: FlaskClient) -> None:
    plain = client.get("/auth/login")
    secure = client.get("/auth/login", base_url="https://localhost")

    assert plain.status_code == secure.status_code == 200  # force_https is off by default
    assert "Strict-Transport-Security" not in plain.headers
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_force_https_redirects_plain_http_and_trusts_the_proxy_scheme(tmp_path: Path) -> None:
    app = create_app(
        {
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path),
            "FORCE_HTTPS": True,
            "PROXY_COUNT": 1,
        }
    )
    client = app.test_client()

    plain = client.get("/auth/login")
    assert plain.status_code == 302
    assert plain.headers["Location"] == "https://localhost/auth/login"
    proxied = client.get("/auth/login", headers={"X-Forwarded-Proto": "https"})
    assert proxied.status_code == 200
    assert proxied.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_the_forms_still_post_under_the_policy(client: FlaskClient) -> None:
    # form-action 'self' and the CSRF token: the login form posts to this site.
    token = csrf_token(client, "/auth/login")
    response = client.post("/auth/login", data={"csrf_token": token, "email": "", "password": ""})
    assert response.status_code == 200
    assert_secure_headers(response, "POST /auth/login")
