"""Taking a quiz: saving every step, resuming, submitting, results and attempts on their own."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import User
from tests.conftest import csrf_token, log_in
from tests.quiz.conftest import (
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


def answer_all_right(client: FlaskClient, attempt_id: int, *, submit: bool = True) -> None:
    """Answer the default quiz's four questions rightly, pressing "Submit quiz" at the end."""
    choose(client, attempt_id, 1, "The United States")
    post_answer(client, attempt_id, 2, "ten")
    choose(client, attempt_id, 3, "True")
    last = "go_finish" if submit else "go_previous"
    choose(client, attempt_id, 4, "Tom Malinowski", button=last)


def submit(client: FlaskClient, attempt_id: int, **extra: str) -> FlaskClient:
    """Press "Submit quiz" on the confirmation page."""
    token = csrf_token(client, f"/quiz/attempts/{attempt_id}/finish")
    response = client.post(
        f"/quiz/attempts/{attempt_id}/submit", data={"csrf_token": token, **extra}
    )
    assert response.status_code == 302
    return response


def test_start_lands_on_question_one_of_the_published_questions(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, n = start_attempt(student_client, quiz.article_id)
    assert n == 1
    html = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    assert "Question 1 of 4" in html
    assert 'value="1" max="4">1 of 4</progress>' in html
    assert QUESTIONS[0]["prompt"] in html
    assert (
        '<input class="btn btn-primary" id="go_next" name="go_next" type="submit" value="Next">'
        in html
    )
    assert "Previous" not in html  # nothing before the first question
    assert "Submit quiz" not in html


def test_every_step_saves_and_a_refresh_loses_no_answer(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    moved = choose(student_client, attempt_id, 1, "The United States")
    assert moved.headers["Location"] == question_url(attempt_id, 2)
    moved = post_answer(student_client, attempt_id, 2, "ten", button="go_previous")
    assert moved.headers["Location"] == question_url(attempt_id, 1)

    assert stored_answers(app, attempt_id) == ["The United States", "ten", None, None]
    # Refreshing the pages shows what was saved.
    first = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    value = radio_values(first)["The United States"]
    assert re.search(rf'<input checked[^>]*value="{value}"', first)
    assert first.count("checked") == 1
    second = student_client.get(question_url(attempt_id, 2)).get_data(as_text=True)
    assert 'value="ten"' in second


def test_logging_in_again_resumes_the_open_attempt_where_it_was(
    app: Flask, student_client: FlaskClient, student: User, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    post_answer(student_client, attempt_id, 2, "nine")
    token = csrf_token(student_client, "/quiz/")
    student_client.post("/auth/logout", data={"csrf_token": token})

    client = app.test_client()
    log_in(client, student.email)
    page = client.get(f"/quiz/articles/{quiz.article_id}").get_data(as_text=True)
    assert "Resume quiz" in page
    assert "Start quiz" not in page
    assert start_attempt(client, quiz.article_id) == (attempt_id, 3)
    assert stored_answers(app, attempt_id) == ["China", "nine", None, None]


def test_submitting_with_everything_answered_shows_the_result(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "The United States")
    post_answer(student_client, attempt_id, 2, "ten")
    choose(student_client, attempt_id, 3, "False")
    last = student_client.get(question_url(attempt_id, 4)).get_data(as_text=True)
    assert "Submit quiz" in last and 'name="go_next"' not in last
    done = choose(student_client, attempt_id, 4, "Tom Malinowski", button="go_finish")

    assert done.headers["Location"] == f"/quiz/attempts/{attempt_id}"
    result = student_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "3 / 4 (75%)" in result
    for spec in QUESTIONS:
        assert spec["prompt"] in result
        assert spec["answer"] in result
        if spec["evidence"]:
            assert spec["evidence"] in result
    assert "ten" in result and "False" in result  # the student's own answers
    assert load_attempt(app, attempt_id)["score"] == 3


def test_the_last_page_and_the_confirmation_warn_about_unanswered_questions(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "The United States")
    last = student_client.get(question_url(attempt_id, 4)).get_data(as_text=True)
    assert "2 questions are unanswered" in last

    moved = choose(student_client, attempt_id, 4, "Tom Malinowski", button="go_finish")
    assert moved.headers["Location"] == f"/quiz/attempts/{attempt_id}/finish"
    assert not load_attempt(app, attempt_id)["submitted"]
    confirm = student_client.get(moved.headers["Location"]).get_data(as_text=True)
    assert "2 questions are unanswered." in confirm
    assert f'href="{question_url(attempt_id, 2)}"' in confirm
    assert f'href="{question_url(attempt_id, 3)}"' in confirm
    assert "Submit quiz" in confirm

    result = student_client.get(submit(student_client, attempt_id).headers["Location"])
    html = result.get_data(as_text=True)
    assert "2 / 4 (50%)" in html
    assert "Not answered" in html


def test_one_unanswered_question_is_named_in_the_singular(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    post_answer(student_client, attempt_id, 2, "ten")
    confirm = student_client.get(f"/quiz/attempts/{attempt_id}/finish").get_data(as_text=True)
    assert "2 questions are unanswered." in confirm
    choose(student_client, attempt_id, 3, "True")
    confirm = student_client.get(f"/quiz/attempts/{attempt_id}/finish").get_data(as_text=True)
    assert "1 question is unanswered." in confirm


def test_a_second_attempt_is_scored_on_its_own(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    first, _ = start_attempt(student_client, quiz.article_id)
    answer_all_right(student_client, first)
    second, n = start_attempt(student_client, quiz.article_id)
    assert second != first and n == 1
    assert stored_answers(app, second) == [None, None, None, None]
    choose(student_client, second, 1, "China")
    submit(student_client, second)

    assert load_attempt(app, first)["score"] == 4
    assert load_attempt(app, second)["score"] == 0
    listing = student_client.get("/quiz/").get_data(as_text=True)
    assert "Your best score: 4 / 4" in listing
    assert "(100%)" in listing


def test_a_submitted_attempt_refuses_changes_with_a_message(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    answer_all_right(student_client, attempt_id)
    url = question_url(attempt_id, 1)
    token = csrf_token(student_client, f"/quiz/articles/{quiz.article_id}")
    question_id = str(quiz.question_ids[0])

    changed = student_client.post(
        url, data={"csrf_token": token, "question_id": question_id, "choice": "0", "go_next": "1"}
    )
    assert changed.status_code == 302
    assert changed.headers["Location"] == f"/quiz/attempts/{attempt_id}"
    page = student_client.get(changed.headers["Location"]).get_data(as_text=True)
    assert "This attempt has already been submitted." in page
    assert "4 / 4 (100%)" in page

    again = student_client.post(
        f"/quiz/attempts/{attempt_id}/submit", data={"csrf_token": token}, follow_redirects=True
    )
    assert again.status_code == 200
    assert "This attempt has already been submitted." in again.get_data(as_text=True)
    assert stored_answers(app, attempt_id)[0] == "The United States"
    assert load_attempt(app, attempt_id)["score"] == 4

    reopened = student_client.get(url)
    assert reopened.headers["Location"] == f"/quiz/attempts/{attempt_id}"


def test_the_score_is_computed_on_the_server_and_a_forged_score_is_ignored(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China", extra={"score": "4", "correct": "1"})
    submit(student_client, attempt_id, score="4", max_score="4", correct="1")
    stored = load_attempt(app, attempt_id)
    assert (stored["score"], stored["max_score"]) == (0, 4)


def test_the_result_of_an_open_attempt_sends_back_to_the_questions(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "China")
    response = student_client.get(f"/quiz/attempts/{attempt_id}")
    assert response.headers["Location"] == question_url(attempt_id, 2)
    page = student_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Submit this quiz to see its review." in page


def test_a_question_number_out_of_range_goes_back_to_the_quiz(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    for n in (0, 5, 999):
        response = student_client.get(question_url(attempt_id, n))
        assert response.status_code == 302
        assert response.headers["Location"] == question_url(attempt_id, 1)
    page = student_client.get(question_url(attempt_id, 1)).get_data(as_text=True)
    assert "This quiz has no question 999." in page


def test_an_article_without_published_questions_has_no_quiz(
    app: Flask, student_client: FlaskClient, make_quiz: Callable[..., Quiz]
) -> None:
    empty = make_quiz(questions=[])
    token = csrf_token(student_client, f"/quiz/articles/{empty.article_id}")
    response = student_client.post(
        f"/quiz/articles/{empty.article_id}/start",
        data={"csrf_token": token},
        follow_redirects=True,
    )
    assert "This article has no questions yet" in response.get_data(as_text=True)
    assert student_client.get("/quiz/attempts/1").status_code == 404  # no attempt was made


def test_the_article_page_shows_the_text_reading_level_and_past_attempts(
    student_client: FlaskClient, quiz: Quiz
) -> None:
    page = student_client.get(f"/quiz/articles/{quiz.article_id}").get_data(as_text=True)
    assert "<h1" in page and "Sanctions on North Korea" in page
    assert page.count("<p>") >= 3  # one paragraph per blank-line-separated block
    assert re.search(r"Reading level: grade \d+", page)
    assert "4 questions" in page
    assert "Start quiz" in page

    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    answer_all_right(student_client, attempt_id)
    page = student_client.get(f"/quiz/articles/{quiz.article_id}").get_data(as_text=True)
    assert f'href="/quiz/attempts/{attempt_id}"' in page
    assert "4 / 4 (100%)" in page


def test_the_articles_page_lists_published_articles_for_everyone(
    client: FlaskClient, quiz: Quiz, make_quiz: Callable[..., Quiz]
) -> None:
    make_quiz(published=False, title="A draft nobody may see")
    page = client.get("/quiz/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'<a href="/quiz/articles/{quiz.article_id}">Sanctions on North Korea</a>' in html
    assert "4 questions" in html  # the draft question is not counted
    assert "A draft nobody may see" not in html


def test_article_text_is_escaped(
    student_client: FlaskClient, make_quiz: Callable[..., Quiz], app: Flask
) -> None:
    from quizapp.extensions import db
    from quizapp.models import Article

    made = make_quiz(title="<b>Bold</b> title")
    with app.app_context():
        article = db.session.get(Article, made.article_id)
        assert article is not None
        article.text = "<script>alert(1)</script>\n\nSecond paragraph."
        db.session.commit()
    page = student_client.get(f"/quiz/articles/{made.article_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in page


def test_the_csrf_token_is_required_to_save_an_answer(
    app: Flask, student_client: FlaskClient, quiz: Quiz
) -> None:
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    fields = page_form(student_client, question_url(attempt_id, 1))
    response = student_client.post(
        question_url(attempt_id, 1),
        data={"question_id": fields["question_id"], "choice": "0", "go_next": "1"},
    )
    assert response.status_code == 400
    assert stored_answers(app, attempt_id)[0] is None
