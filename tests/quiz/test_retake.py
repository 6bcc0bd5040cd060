"""A student's article page: their last and best score, and "Retake" when attempts remain."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.quiz.conftest import Quiz, choose, start_attempt
from tests.quiz.test_take import submit


def scores_line(html: str) -> str:
    """The "Your last score … best …" line of the article page, spaces collapsed."""
    match = re.search(r'id="my-scores">(.*?)</p>', html, flags=re.S)
    assert match, "no score line"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_last_and_best_score_and_retake(student_client: FlaskClient, quiz: Quiz) -> None:
    url = f"/quiz/articles/{quiz.article_id}"
    html = student_client.get(url).get_data(as_text=True)
    assert "Start quiz" in html and "Retake quiz" not in html and 'id="my-scores"' not in html

    # First attempt: one right answer out of four.
    attempt_id, _ = start_attempt(student_client, quiz.article_id)
    choose(student_client, attempt_id, 1, "The United States")
    submit(student_client, attempt_id)
    html = student_client.get(url).get_data(as_text=True)
    assert scores_line(html) == "Your last score: 1 / 4 (25%) · best: 1 / 4 (25%)"
    assert "Retake quiz" in html

    # An open attempt is resumed, not retaken.
    second, _ = start_attempt(student_client, quiz.article_id)
    html = student_client.get(url).get_data(as_text=True)
    assert "Resume quiz" in html and "Retake quiz" not in html
    assert "You are on question 1 of 4" in html
    submit(student_client, second)

    html = student_client.get(url).get_data(as_text=True)
    assert scores_line(html) == "Your last score: 0 / 4 (0%) · best: 1 / 4 (25%)"
    assert "Retake quiz" in html
