"""GIFT export and import, Moodle XML export, through the teacher's pages; hostile files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.exchange import parse_gift
from quizapp.extensions import db
from quizapp.models import Article, User
from tests.conftest import csrf_token, log_in
from tests.exchange.test_gift import SAMPLE
from tests.teacher.conftest import question_ids


def upload(
    client: FlaskClient, article_id: int, content: bytes, name: str = "quiz.gift"
) -> tuple[int, str]:
    url = f"/teacher/articles/{article_id}/import"
    data = {"csrf_token": csrf_token(client, url), "upload": (io.BytesIO(content), name)}
    response = client.post(url, data=data, content_type="multipart/form-data")
    if response.status_code == 302:
        response = client.get(response.headers["Location"])
    return response.status_code, response.get_data(as_text=True)


def records(text: str) -> list[tuple[object, ...]]:
    """What a GIFT text says about each question, titles aside."""
    return [
        (q.format, q.prompt, q.answer, q.accepted, q.choices, q.tolerance, q.evidence)
        for q in parse_gift(text).questions
    ]


def count(app: Flask, article_id: int) -> int:
    return len(question_ids(app, article_id))


@pytest.fixture
def empty(teacher: User, make_article: Callable[..., int]) -> int:
    """One of the teacher's articles, without questions."""
    return make_article(teacher, questions=[])


def test_gift_round_trip_keeps_every_supported_question(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    status, page = upload(teacher_client, empty, SAMPLE.encode("utf-8"))
    assert status == 200 and "Imported 6 questions as drafts." in page
    with app.app_context():
        article = db.session.get(Article, empty)
        assert article is not None
        assert {q.status for q in article.questions} == {"draft"}
        assert [q.position for q in article.questions] == [1, 2, 3, 4, 5, 6]
    exported = teacher_client.get(f"/teacher/articles/{empty}/export.gift")
    assert exported.status_code == 200
    assert exported.content_type == "text/plain; charset=utf-8"
    assert "attachment" in exported.headers["Content-Disposition"]
    text = exported.get_data(as_text=True)
    assert records(text) == records(SAMPLE)
    assert "::Sanctions on North Korea 1::" in text
    # Importing the export again adds nothing: every question is already there.
    status, page = upload(teacher_client, empty, text.encode("utf-8"))
    assert "Imported 0 questions" in page and "already in the article; skipped." in page
    assert count(app, empty) == 6


def test_unsupported_questions_are_reported_by_line_and_the_rest_imported(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    text = "Kept? {T}\n\nMatch. {=a -> b =c -> d}\n\nWrite. {}\n"
    _status, page = upload(teacher_client, empty, text.encode())
    assert "Imported 1 question as drafts." in page
    assert "Line 3: a matching question; skipped." in page
    assert "Line 5: an essay question (empty braces); skipped." in page
    assert count(app, empty) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Good? {T}\n\nBroken? {=a ~b\n\nAlso good? {F}\n", "Line 3: the braces { } are not"),
        (b"Fine? {T}\n\nTwice? {=a ~a}\n", "Line 3: Two choices are the same"),
        (b"Caf\xe9? {T}\n", "The file is not UTF-8 text"),
        (b"Nul\x00? {T}\n", "not a text file"),
        (b"", "No questions were found in the file"),
    ],
)
def test_a_hostile_file_imports_nothing_and_says_why(
    app: Flask, teacher_client: FlaskClient, empty: int, content: bytes, message: str
) -> None:
    status, page = upload(teacher_client, empty, content)
    assert status == 200, page
    assert message in page
    assert "Traceback" not in page
    assert count(app, empty) == 0


def test_a_file_of_nothing_but_unsupported_questions_says_so(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    _status, page = upload(teacher_client, empty, b"Nothing here\n")
    assert "Imported 0 questions" in page and "Line 1: a description" in page


def test_a_5_mb_file_gets_the_too_large_page_and_imports_nothing(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    block = b"Is this fine? {T}\n\n"
    status, page = upload(teacher_client, empty, block * (5 * 1024 * 1024 // len(block)))
    assert status == 413
    assert "That is too large to upload" in page
    assert count(app, empty) == 0


def test_over_the_import_cap_within_the_request_limit_is_a_form_message(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 8 * 1024 * 1024  # a deployment allowing big requests
    status, page = upload(teacher_client, empty, b"Fine? {T}\n\n" * 500_000)
    assert status == 200 and "The file is larger than 1 MB" in page
    assert count(app, empty) == 0


def test_moodle_xml_export_parses_with_the_right_structure(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    upload(teacher_client, empty, SAMPLE.encode("utf-8"))
    response = teacher_client.get(f"/teacher/articles/{empty}/export.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    quiz = ET.fromstring(response.data)
    types = [question.get("type") for question in quiz.findall("question")]
    assert types == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "truefalse",
        "shortanswer",
        "numerical",
    ]
    law = quiz.findall("question")[2]
    assert law.findtext("questiontext/text") == "Under which law was the report submitted?"
    right = [a.findtext("text") for a in law.findall("answer") if a.get("fraction") == "100"]
    assert right == ["North Korea Sanctions and Policy Enhancement Act of 2016"]
    assert "America&#x27;s" in "".join(a.findtext("text") or "" for a in law.findall("answer"))


def test_exports_and_imports_are_for_the_owner_only(
    app: Flask,
    teacher: User,
    make_article: Callable[..., int],
    make_user: Callable[..., User],
    student_client: FlaskClient,
) -> None:
    article_id = make_article(teacher)
    other = app.test_client()
    log_in(other, make_user("teacher").email)
    for path in ("export.gift", "export.xml", "import"):
        url = f"/teacher/articles/{article_id}/{path}"
        assert other.get(url).status_code == 403
        assert student_client.get(url).status_code == 403
    token = csrf_token(other, "/teacher/")
    response = other.post(
        f"/teacher/articles/{article_id}/import",
        data={"csrf_token": token, "upload": (io.BytesIO(b"Q? {T}\n"), "q.gift")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 403
    assert count(app, article_id) == 1


def test_importing_without_a_file_asks_for_one(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    url = f"/teacher/articles/{empty}/import"
    response = teacher_client.post(url, data={"csrf_token": csrf_token(teacher_client, url)})
    assert response.status_code == 200
    assert "Choose a GIFT file to import." in response.get_data(as_text=True)
    assert teacher_client.post(url, data={}).status_code == 400  # no CSRF token


def test_too_many_questions_in_one_file_are_refused_at_once(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    status, page = upload(teacher_client, empty, b"Fine? {T}\n\n" * 60_000)
    assert status == 200 and "The file has 60000 questions; import at most 500" in page
    assert count(app, empty) == 0


def test_a_file_full_of_errors_lists_the_first_fifty(
    app: Flask, teacher_client: FlaskClient, empty: int
) -> None:
    status, page = upload(teacher_client, empty, b"Broken? {=a ~b\n\n" * 200)
    assert status == 200 and "Line 399: the braces" not in page
    assert "Line 99: the braces" in page and "… and 150 more problems." in page
    assert count(app, empty) == 0
