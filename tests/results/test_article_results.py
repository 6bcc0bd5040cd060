"""An article's results page: students and questions computed in SQL, sorted and paged."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.models import User
from tests.classes.conftest import (
    add_attempt,
    cells,
    count_statements,
    make_class,
    question_ids,
)


def test_results_summarise_submitted_attempts(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(
        teacher,
        questions=[
            {"prompt": "Who imposed the sanctions?"},
            {"prompt": "Where?", "format": "short_answer", "answer": "Pyongyang", "choices": []},
        ],
    )
    first, second = question_ids(app, article_id)
    ana = make_user("student", email="ana@example.org", name="Ana")
    ben = make_user("student", email="ben@example.org", name="Ben")
    add_attempt(
        app, ana, article_id, [(first, "China", False), (second, "Pyongyang", True)], minutes=1
    )
    add_attempt(
        app,
        ana,
        article_id,
        [(first, "The United States", True), (second, "Pyongyang", True)],
        minutes=30,
    )
    add_attempt(app, ana, article_id, [(first, "China", False), (second, None, False)], minutes=60)
    add_attempt(
        app, ben, article_id, [(first, "Japan", False), (second, "seoul ", False)], minutes=10
    )
    # An open attempt does not count.
    add_attempt(
        app,
        ben,
        article_id,
        [(first, "Russia", False), (second, "", False)],
        minutes=90,
        submitted=False,
    )

    # The old address still leads to the page.
    old = teacher_client.get(f"/teacher/articles/{article_id}/results")
    assert old.status_code == 302
    assert old.headers["Location"] == f"/results/articles/{article_id}"
    html = teacher_client.get(f"/results/articles/{article_id}").get_data(as_text=True)

    assert "4 submitted attempts by 2 students." in html
    assert cells(html, "question-results") == [
        [
            "Who imposed the sanctions? Answer: The United States",
            "4",
            "4",
            "1",
            "25%",
            "Right The United States: 1× Most picked wrong China: 2× Japan: 1× Russia: 0×",
        ],
        ["Where? Answer: Pyongyang", "4", "3", "2", "50%", "seoul: 1×"],
    ]
    assert cells(html, "student-results") == [
        ["Ana ana@example.org", "3", "2 / 2 (100%)", "0 / 2 (0%)", "02 Nov 2026, 10:00 UTC"],
        ["Ben ben@example.org", "1", "0 / 2 (0%)", "0 / 2 (0%)", "02 Nov 2026, 09:10 UTC"],
    ]


def test_results_without_attempts_say_so(
    teacher: User, teacher_client: FlaskClient, make_article: Callable[..., int]
) -> None:
    article_id = make_article(teacher)
    response = teacher_client.get(f"/results/articles/{article_id}")
    assert response.status_code == 200
    assert "No student has submitted this quiz yet." in response.get_data(as_text=True)


def _students(app: Flask, make_user: Callable[..., User], article_id: int, scores: list[int]):
    """One student per score (out of 2), named so that name order differs from score order."""
    first, second = question_ids(app, article_id)
    users = []
    for number, score in enumerate(scores):
        user = make_user("student", name=f"Student {chr(ord('A') + number)}")
        answers = [(first, "x", score >= 1), (second, "y", score >= 2)]
        add_attempt(app, user, article_id, answers, minutes=10 * (len(scores) - number))
        users.append(user)
    return users


def test_results_sort_and_page(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    app.config["RESULTS_PER_PAGE"] = 2
    article_id = make_article(teacher, questions=[{}, {}])
    _students(app, make_user, article_id, [1, 2, 0])
    url = f"/results/articles/{article_id}"

    def names(query: str) -> list[str]:
        html = teacher_client.get(url + query).get_data(as_text=True)
        return [row[0].split(" student")[0] for row in cells(html, "student-results")]

    assert names("") == ["Student A", "Student B"]
    assert names("?page=2") == ["Student C"]
    assert names("?sort=best&order=desc") == ["Student B", "Student A"]
    assert names("?sort=best&order=desc&page=2") == ["Student C"]
    assert names("?sort=last&order=desc") == ["Student A", "Student B"]
    assert names("?sort=name&order=desc") == ["Student C", "Student B"]
    # Nonsense falls back to the defaults instead of an error.
    assert names("?sort=drop+table&page=99") == ["Student C"]
    html = teacher_client.get(url).get_data(as_text=True)
    assert "Page 1 of 2" in html


def test_the_statement_count_does_not_grow_with_the_students(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    counts = []
    for students in (3, 30):
        article_id = make_article(teacher, questions=[{}, {}])
        users = _students(app, make_user, article_id, [n % 3 for n in range(students)])
        class_id = make_class(app, teacher, f"Class {students}", tuple(users))
        for url in (
            f"/results/articles/{article_id}",
            f"/results/articles/{article_id}?class_id={class_id}",
        ):
            with count_statements(app) as statements:
                response = teacher_client.get(url)
            assert response.status_code == 200
            counts.append(len(statements))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
    assert max(counts) <= 10, counts


def test_a_class_filter_lists_who_has_not_submitted(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=[{}, {}])
    done, other = _students(app, make_user, article_id, [2, 1])
    idle = make_user("student", name="Idle Ida")
    class_id = make_class(app, teacher, "9B", (done, idle))

    html = teacher_client.get(f"/results/articles/{article_id}?class_id={class_id}").get_data(
        as_text=True
    )
    assert "1 of 2" in html
    assert [row[0].split(" student")[0] for row in cells(html, "student-results")] == ["Student A"]
    missing = html.split('id="not-submitted"', 1)[1].split("</ul>", 1)[0]
    assert "Idle Ida" in missing and "Student A" not in missing
    assert other.display_name not in html
