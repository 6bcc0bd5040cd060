"""What a quiz must never allow: leaked answers, tampered forms, other people's attempts."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import User
from tests.conftest import csrf_token, log_in
from tests.quiz.conftest import (
    DRAFT_PROMPT,
    QUESTIONS,
    Quiz,
    choose,
    load_attempt,
    page_form,
    post_answer,
    question_url,
    radio_values,
    start_attempt,
    stored_answers,
)

RADIO = re.compile(r"<input [^>]*type=\"radio\"[^>]*>")


def test_a_question_page_holds_no_trace_of_the_right_choice(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    for n, spec in enumerate(QUESTIONS, start=1):
        html = student_client.get(question_url(attempt_id, n)).get_data(as_text=True)
        lowered = html.lower()
        for word in ("correct", "evidence", "is-valid", "right answer"):
            assert word not in lowered, (n, word)
        form = re.search(r'<form method="post" action="/quiz/attempts.*?</form>', html, re.S)
        assert form and "data-" not in form.group(0)
        if n < len(QUESTIONS):  # the last page names "unanswered" questions
            assert "answer" not in lowered, n
        # The evidence sentence shows only where the article itself says it.
        if spec["evidence"]:
            assert html.count(spec["evidence"]) == 1
        for variant in spec.get("accepted", []):
            assert variant not in html
        assert DRAFT_PROMPT not in html
        if spec["format"] == "short_answer":
            assert not RADIO.search(html)
            continue
        radios = RADIO.findall(html)
        assert len(radios) == len(spec["choices"])
        # Values are bare indices, and every radio is the same markup but for its index.
        values = radio_values(html)
        assert sorted(values.values()) == [str(i) for i in range(len(radios))]
        assert set(values) == set(spec["choices"])
        shapes = {re.sub(r"\d+", "#", radio) for radio in radios}
        assert len(shapes) == 1, shapes


def shown_order(client: FlaskClient, attempt_id: int, n: int) -> list[str]:
    """The choice texts of question n in the order the page shows them."""
    html = client.get(question_url(attempt_id, n)).get_data(as_text=True)
    return [text for text, _ in sorted(radio_values(html).items(), key=lambda kv: int(kv[1]))]


def test_choice_order_is_shuffled_per_attempt_and_stable_within_one(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    first, _ = start_attempt(student_client, quiz.article_id)
    orders = load_attempt(app, first)["choice_orders"]
    for n, order in enumerate(orders, start=1):
        assert sorted(order) == sorted(QUESTIONS[n - 1].get("choices", []))
        if order:
            # The page shows the stored order, and a refresh keeps it.
            assert shown_order(student_client, first, n) == order
            assert shown_order(student_client, first, n) == order
    assert orders[2] == ["True", "False"]  # true/false keeps its natural order

    choose(student_client, first, 4, "Kim Jong Un", button="go_finish")
    token = csrf_token(student_client, f"/quiz/attempts/{first}/finish")
    student_client.post(f"/quiz/attempts/{first}/submit", data={"csrf_token": token})
    assert load_attempt(app, first)["choice_orders"] == orders

    # Two six-choice questions: the same orders again by chance is a 1 in 518,400 event.
    second, _ = start_attempt(student_client, quiz.article_id)
    assert second != first
    assert load_attempt(app, second)["choice_orders"] != orders


@pytest.mark.parametrize("value", ["abc", "6", "99", "-1", "1.5", "<script>"])
def test_a_tampered_choice_value_is_a_form_error(
    app: Flask, student_client: FlaskClient, quiz: Quiz, value: str
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    response = post_answer(student_client, attempt_id, 1, value)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Please choose one of the choices shown." in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert stored_answers(app, attempt_id)[0] is None
    assert load_attempt(app, attempt_id)["current_position"] == 1


def test_an_overlong_text_answer_is_a_form_error(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    response = post_answer(student_client, attempt_id, 2, "x" * 501)
    assert response.status_code == 200
    assert "Please keep your reply under 500 characters." in response.get_data(as_text=True)
    assert stored_answers(app, attempt_id)[1] is None
    accepted = post_answer(student_client, attempt_id, 2, "y" * 500)
    assert accepted.status_code == 302
    assert stored_answers(app, attempt_id)[1] == "y" * 500


def test_a_question_id_from_another_question_or_article_is_a_form_error(
    app: Flask, student_client: FlaskClient, quiz: Quiz, make_quiz: Callable[..., Quiz]
) -> None:
    other = make_quiz(title="Another article")
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    for forged in (quiz.question_ids[1], other.question_ids[0], "abc", ""):
        response = post_answer(
            student_client, attempt_id, 1, "0", extra={"question_id": str(forged)}
        )
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "That answer was for a different question." in html
    assert stored_answers(app, attempt_id) == [None, None, None, None]


def test_another_students_attempt_is_not_found(
    app: Flask,
    student_client: FlaskClient,
    make_user: Callable[..., User],
    quiz: Quiz,
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    intruder = app.test_client()
    log_in(intruder, make_user("student").email)
    token = csrf_token(intruder, "/quiz/")

    for url in (
        question_url(attempt_id, 1),
        f"/quiz/attempts/{attempt_id}/finish",
        f"/quiz/attempts/{attempt_id}",
    ):
        assert intruder.get(url).status_code == 404
    forged = {"csrf_token": token, "question_id": str(quiz.question_ids[0]), "choice": "1"}
    assert intruder.post(question_url(attempt_id, 1), data=forged).status_code == 404
    assert (
        intruder.post(f"/quiz/attempts/{attempt_id}/submit", data={"csrf_token": token})
    ).status_code == 404
    assert stored_answers(app, attempt_id)[0] == "China"
    assert not load_attempt(app, attempt_id)["submitted"]


def test_a_teacher_cannot_see_a_students_attempt_either(
    app: Flask, student_client: FlaskClient, teacher_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    assert teacher_client.get(question_url(attempt_id, 1)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/quiz/articles/{article}",
        "/quiz/attempts/1/questions/1",
        "/quiz/attempts/1/finish",
        "/quiz/attempts/1",
    ],
)
def test_visitors_are_sent_to_log_in(client: FlaskClient, quiz: Quiz, path: str) -> None:
    url = path.format(article=quiz.article_id)
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_visitors_cannot_start_or_submit(client: FlaskClient, quiz: Quiz) -> None:
    token = csrf_token(client, "/auth/login")
    started = client.post(f"/quiz/articles/{quiz.article_id}/start", data={"csrf_token": token})
    assert started.headers["Location"].startswith("/auth/login")
    submitted = client.post("/quiz/attempts/1/submit", data={"csrf_token": token})
    assert submitted.headers["Location"].startswith("/auth/login")


def test_unpublished_articles_are_hidden_from_students(
    student_client: FlaskClient, make_quiz: Callable[..., Quiz]
) -> None:
    draft = make_quiz(published=False, title="Draft article")
    assert student_client.get(f"/quiz/articles/{draft.article_id}").status_code == 404
    token = csrf_token(student_client, "/quiz/")
    started = student_client.post(
        f"/quiz/articles/{draft.article_id}/start", data={"csrf_token": token}
    )
    assert started.status_code == 404
    assert "Draft article" not in student_client.get("/quiz/").get_data(as_text=True)
    assert student_client.get("/quiz/articles/9999").status_code == 404


def test_a_teacher_may_preview_only_their_own_unpublished_article(
    teacher_client: FlaskClient,
    teacher: User,
    make_user: Callable[..., User],
    make_quiz: Callable[..., Quiz],
    app: Flask,
) -> None:
    own = make_quiz(published=False, owner_id=teacher.id, title="My draft")
    page = teacher_client.get(f"/quiz/articles/{own.article_id}")
    assert page.status_code == 200
    assert "Preview: this article is not published" in page.get_data(as_text=True)

    colleague = make_user("teacher")
    theirs = make_quiz(published=False, owner_id=colleague.id, title="Their draft")
    assert teacher_client.get(f"/quiz/articles/{theirs.article_id}").status_code == 404


def test_draft_questions_are_not_part_of_an_attempt(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    for n in range(1, 5):
        html = student_client.get(question_url(attempt_id, n)).get_data(as_text=True)
        assert f"Question {n} of 4" in html
        assert DRAFT_PROMPT not in html
    assert page_form(student_client, question_url(attempt_id, 1))["question_id"] == str(
        quiz.question_ids[0]
    )
