"""Classes through the web layer: create, rename, delete, join codes, joining and the roster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp import create_app
from quizapp.classes.codes import ALPHABET, LENGTH, display_code, new_code
from quizapp.extensions import db, limiter
from quizapp.models import SchoolClass, User
from tests.classes.conftest import class_code, make_class, post_as, roster_ids
from tests.conftest import database_uri, log_in


def stored_classes(app: Flask) -> list[tuple[str, int]]:
    """(name, teacher id) of every stored class."""
    with app.app_context():
        return [(c.name, c.teacher_id) for c in db.session.scalars(select(SchoolClass))]


def test_join_codes_are_random_readable_and_shown_in_groups() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert not set("0O1IL") & set(ALPHABET)
    assert display_code("KQ7MARTA") == "KQ7M-ARTA"


def test_a_teacher_creates_renames_and_deletes_a_class(
    app: Flask, teacher: User, teacher_client: FlaskClient
) -> None:
    response = post_as(teacher_client, "/classes/", {"name": "  Year 9   Blue "})
    assert response.status_code == 302
    class_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert stored_classes(app) == [("Year 9 Blue", teacher.id)]
    page = teacher_client.get(f"/classes/{class_id}").get_data(as_text=True)
    assert display_code(class_code(app, class_id)) in page
    assert "No student has joined yet" in page

    empty = post_as(teacher_client, "/classes/", {"name": "   "})
    assert empty.status_code == 200
    assert "Give the class a name." in empty.get_data(as_text=True)

    post_as(teacher_client, f"/classes/{class_id}/rename", {"name": "Year 9 Red"})
    assert stored_classes(app) == [("Year 9 Red", teacher.id)]
    assert "Year 9 Red" in teacher_client.get("/classes/").get_data(as_text=True)

    assert teacher_client.get(f"/classes/{class_id}/delete").status_code == 200
    response = post_as(teacher_client, f"/classes/{class_id}/delete")
    assert response.headers["Location"] == "/classes/"
    assert stored_classes(app) == []


def test_a_student_joins_with_the_code_and_a_wrong_code_says_so(
    app: Flask,
    teacher: User,
    student: User,
    student_client: FlaskClient,
) -> None:
    class_id = make_class(app, teacher, "Year 9")
    code = class_code(app, class_id)

    wrong = post_as(student_client, "/classes/join", {"code": "ACDE-FGHJ"})
    assert wrong.status_code == 200
    assert "No class has that code" in wrong.get_data(as_text=True)
    assert roster_ids(app, class_id) == []

    # Typed as read aloud: lower case, with a space in the middle.
    typed = f"{code[:4].lower()} {code[4:].lower()}"
    response = post_as(student_client, "/classes/join", {"code": typed})
    assert response.status_code == 302
    assert roster_ids(app, class_id) == [student.id]
    assert "You joined Year 9." in student_client.get("/quiz/").get_data(as_text=True)
    again = post_as(student_client, "/classes/join", {"code": code})
    assert again.status_code == 302
    assert roster_ids(app, class_id) == [student.id]
    assert "Year 9" in student_client.get("/classes/join").get_data(as_text=True)


def test_a_new_code_replaces_the_old_one(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    student_client: FlaskClient,
) -> None:
    class_id = make_class(app, teacher, "Year 9")
    old = class_code(app, class_id)
    post_as(teacher_client, f"/classes/{class_id}/code")
    new = class_code(app, class_id)
    assert new != old
    refused = post_as(student_client, "/classes/join", {"code": old})
    assert "No class has that code" in refused.get_data(as_text=True)
    assert post_as(student_client, "/classes/join", {"code": new}).status_code == 302


def test_a_teacher_sees_the_roster_and_removes_a_student(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
) -> None:
    ana = make_user("student", name="Ana Able")
    ben = make_user("student", name="Ben Baker")
    class_id = make_class(app, teacher, "Year 9", (ana, ben))
    page = teacher_client.get(f"/classes/{class_id}").get_data(as_text=True)
    assert "Students (2)" in page and "Ana Able" in page and "Ben Baker" in page

    response = post_as(teacher_client, f"/classes/{class_id}/students/{ana.id}/remove")
    assert response.status_code == 302
    assert roster_ids(app, class_id) == [ben.id]
    assert (
        post_as(teacher_client, f"/classes/{class_id}/students/{ana.id}/remove").status_code == 404
    )


def test_classes_belong_to_their_teacher(
    app: Flask,
    teacher: User,
    make_user: Callable[..., User],
    student_client: FlaskClient,
) -> None:
    class_id = make_class(app, teacher, "Year 9")
    other = make_user("teacher")
    other_client = app.test_client()
    log_in(other_client, other.email)

    assert "Year 9" not in other_client.get("/classes/").get_data(as_text=True)
    for client in (other_client, student_client):
        assert client.get(f"/classes/{class_id}").status_code == 404
        assert client.get(f"/classes/{class_id}/delete").status_code == 404
        for action in ("rename", "code", "delete"):
            response = post_as(client, f"/classes/{class_id}/{action}", {"name": "Mine now"})
            assert response.status_code == 404, action
    assert stored_classes(app) == [("Year 9", teacher.id)]
    assert student_client.get("/classes/").status_code == 403
    assert post_as(student_client, "/classes/", {"name": "Mine"}).status_code == 403
    # Teachers do not join classes.
    code = class_code(app, class_id)
    assert post_as(other_client, "/classes/join", {"code": code}).status_code == 403


def test_a_student_in_no_class_sees_the_articles_page_as_before(
    student_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    make_article(None)
    html = student_client.get("/quiz/").get_data(as_text=True)
    assert "Assigned to you" not in html
    assert "Other articles" not in html
    assert "Sanctions on North Korea" in html
    assert "Join a class" in html


@pytest.fixture
def limited_app(tmp_path: Path) -> Iterator[Flask]:
    """An app with the rate limits on: three join tries a minute."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path),
            "RATELIMIT_ENABLED": True,
            "JOIN_RATE_LIMIT": "3 per minute",
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
        user = User(email="s@example.org", display_name="S", role="student")
        user.set_password("correct horse battery")
        db.session.add(user)
        db.session.commit()
    limiter.reset()
    yield app
    limiter.reset()
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_joining_is_rate_limited_with_a_clear_page(limited_app: Flask) -> None:
    client = limited_app.test_client()
    log_in(client, "s@example.org")
    statuses = [
        post_as(client, "/classes/join", {"code": f"WRONG{n}"}).status_code for n in range(3)
    ]
    blocked = post_as(client, "/classes/join", {"code": "WRONG9"})
    assert statuses == [200, 200, 200]
    assert blocked.status_code == 429
    html = blocked.get_data(as_text=True)
    assert "Too many attempts in a short time" in html and "<!doctype html>" in html
    assert client.get("/classes/join").status_code == 200
