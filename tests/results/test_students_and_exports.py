"""An assignment's results, one student's attempts, distractors, CSV exports and who sees what."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Assignment, User
from tests.classes.conftest import add_attempt, cells, make_class, question_ids


def assignment_for(app: Flask, class_id: int, article_id: int) -> int:
    """Store an assignment through the models; return its id."""
    with app.app_context():
        assignment = Assignment(class_id=class_id, article_id=article_id)
        db.session.add(assignment)
        db.session.commit()
        return assignment.id


def rows(body: bytes) -> list[list[str]]:
    """The rows of a CSV download (its UTF-8 BOM removed)."""
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_an_assignment_shows_completion_and_who_has_not_submitted(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=[{}, {}])
    first, second = question_ids(app, article_id)
    ana, ben, cat = (make_user(name=name) for name in ("Ana", "Ben", "Cat"))
    outsider = make_user(name="Outsider")
    class_id = make_class(app, teacher, "9A", (ana, ben, cat))
    assignment_id = assignment_for(app, class_id, article_id)
    add_attempt(
        app,
        ana,
        article_id,
        [(first, "The United States", True), (second, "China", False)],
        minutes=1,
    )
    add_attempt(app, ben, article_id, [(first, "Japan", False)], minutes=2, submitted=False)
    add_attempt(
        app, outsider, article_id, [(first, "China", False), (second, "China", False)], minutes=3
    )

    html = teacher_client.get(f"/results/assignments/{assignment_id}").get_data(as_text=True)
    assert "1 of 3</strong> students submitted" in html
    assert [row[0].split(" student")[0] for row in cells(html, "student-results")] == ["Ana"]
    missing = html.split('id="not-submitted"', 1)[1].split("</ul>", 1)[0]
    assert "Ben" in missing and "Cat" in missing and "Ana" not in missing
    assert "Outsider" not in html
    class_page = teacher_client.get(f"/classes/{class_id}").get_data(as_text=True)
    assert "1 of 3" in class_page


def test_distractor_counts_per_question(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=[{"prompt": "Who?"}])
    [question] = question_ids(app, article_id)
    picks = ["China", "China", "China", "Japan", "The United States", None]
    for minutes, pick in enumerate(picks, start=1):
        add_attempt(
            app,
            make_user(),
            article_id,
            [(question, pick, pick == "The United States")],
            minutes=minutes,
        )

    html = teacher_client.get(f"/results/articles/{article_id}").get_data(as_text=True)
    [row] = cells(html, "question-results")
    assert row[1:5] == ["6", "5", "1", "17%"]
    assert row[5] == "Right The United States: 1× Most picked wrong China: 3× Japan: 1× Russia: 0×"


def test_a_teacher_opens_one_students_attempts_with_their_answers(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(
        teacher, questions=[{"prompt": "Who imposed them?"}, {"prompt": "Where?"}]
    )
    first, second = question_ids(app, article_id)
    ana = make_user(name="Ana")
    add_attempt(app, ana, article_id, [(first, "China", False), (second, None, False)], minutes=1)
    add_attempt(
        app,
        ana,
        article_id,
        [(first, "The United States", True), (second, "Japan", False)],
        minutes=20,
    )

    html = teacher_client.get(f"/results/articles/{article_id}/students/{ana.id}").get_data(
        as_text=True
    )
    assert "2 attempts" in html
    assert html.index("1 / 2 (50%)") < html.index("0 / 2 (0%)")  # newest first
    first_attempt = html.split("0 / 2 (0%)", 1)[1]
    assert (
        "China" in first_attempt
        and "No answer" in first_attempt
        and "Not answered" in first_attempt
    )
    assert "Who imposed them?" in first_attempt


def test_results_are_only_for_the_teacher_who_may_see_them(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    student: User,
    student_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
    log_in_as: Callable[[User], FlaskClient],
) -> None:
    article_id = make_article(teacher)
    [question] = question_ids(app, article_id)
    add_attempt(app, student, article_id, [(question, "China", False)], minutes=1)
    class_id = make_class(app, teacher, "9A", (student,))
    assignment_id = assignment_for(app, class_id, article_id)
    other_teacher = log_in_as(make_user("teacher"))
    classmate = log_in_as(make_user())

    pages = (
        f"/results/articles/{article_id}",
        f"/results/articles/{article_id}/students/{student.id}",
        f"/results/articles/{article_id}/attempts.csv",
        f"/results/articles/{article_id}/responses.csv",
    )
    for page in pages:
        assert teacher_client.get(page).status_code == 200, page
        assert other_teacher.get(page).status_code == 403, page
        assert classmate.get(page).status_code == 403, page
        assert student_client.get(page).status_code == 403, page
    for client in (other_teacher, classmate):
        assert client.get(f"/results/assignments/{assignment_id}").status_code == 404
    # Another teacher's class cannot narrow one's own article either.
    other_class = make_class(app, make_user("teacher"), "Theirs")
    assert (
        teacher_client.get(f"/results/articles/{article_id}?class_id={other_class}").status_code
        == 404
    )
    # A student the teacher has nothing to do with is not theirs to open.
    stranger = make_user(name="Stranger")
    assert (
        teacher_client.get(f"/results/articles/{article_id}/students/{stranger.id}").status_code
        == 404
    )


def test_on_a_shared_article_a_teacher_sees_only_their_own_students(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    seeded = make_article(None)
    [question] = question_ids(app, seeded)
    mine, theirs = make_user(name="Mine Student"), make_user(name="Their Student")
    make_class(app, teacher, "9A", (mine,))
    for user in (mine, theirs):
        add_attempt(app, user, seeded, [(question, "China", False)], minutes=1)

    html = teacher_client.get(f"/results/articles/{seeded}").get_data(as_text=True)
    assert "Mine Student" in html and "Their Student" not in html
    csv_body = teacher_client.get(f"/results/articles/{seeded}/attempts.csv").data
    assert [row[0] for row in rows(csv_body)[1:]] == ["Mine Student"]
    assert teacher_client.get(f"/results/articles/{seeded}/students/{theirs.id}").status_code == 404


def test_csv_exports_one_row_per_attempt_and_per_student_question_without_formulas(
    app: Flask,
    teacher: User,
    teacher_client: FlaskClient,
    make_user: Callable[..., User],
    make_article: Callable[..., int],
) -> None:
    article_id = make_article(teacher, questions=[{"prompt": "Who?"}, {"prompt": "=Where?"}])
    first, second = question_ids(app, article_id)
    evil = make_user(email="@evil@example.org", name='=HYPERLINK("http://x","Hi")')
    plus = make_user(name="+1 Plus")
    minus = make_user(name="-Minus")
    tab = make_user(name="\tTabby")
    plain = make_user(name="Zoe")
    add_attempt(
        app, evil, article_id, [(first, "=1+1", False), (second, "China", False)], minutes=1
    )
    add_attempt(
        app,
        evil,
        article_id,
        [(first, "The United States", True), (second, None, False)],
        minutes=5,
    )
    for minutes, user in enumerate((plus, minus, tab, plain), start=10):
        add_attempt(
            app,
            user,
            article_id,
            [(first, "Japan", False), (second, "China", False)],
            minutes=minutes,
        )
    add_attempt(
        app,
        plain,
        article_id,
        [(first, "Japan", False), (second, None, False)],
        minutes=30,
        submitted=False,
    )

    response = teacher_client.get(f"/results/articles/{article_id}/attempts.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    attempts = rows(response.data)
    assert attempts[0][:3] == ["student", "email", "attempt"]
    assert len(attempts) == 1 + 7  # every attempt, the open one included
    names = [row[0] for row in attempts[1:]]
    assert names.count('\'=HYPERLINK("http://x","Hi")') == 2
    assert {"'+1 Plus", "'-Minus", "'\tTabby", "Zoe"} <= set(names)
    assert {row[1] for row in attempts if row[0].startswith("'=HYPERLINK")} == {
        "'@evil@example.org"
    }
    open_row = next(row for row in attempts if row[0] == "Zoe" and not row[4])
    assert open_row[5] == "" and open_row[7] == ""
    assert ["1", "2", "50"] in [row[5:] for row in attempts]

    answers = rows(teacher_client.get(f"/results/articles/{article_id}/responses.csv").data)
    assert answers[0] == [
        "student",
        "email",
        "attempt",
        "question_number",
        "question",
        "answer",
        "correct",
        "right_answer",
    ]
    assert len(answers) == 1 + 5 * 2  # five students × two questions, from each best attempt
    evil_rows = [row for row in answers if row[0].startswith("'=HYPERLINK")]
    # The best attempt is the second one (1 of 2), not the first with its formula answer.
    assert [row[3:7] for row in evil_rows] == [
        ["1", "Who?", "The United States", "yes"],
        ["2", "'=Where?", "", "no"],
    ]
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in answers for cell in row
    )
