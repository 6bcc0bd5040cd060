"""Score services: computed from stored rows, per user, best by percentage."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from quizapp.models import User
from quizapp.scores import services
from quizapp.scores.services import AttemptSummary


def summary(
    attempt_id: int,
    article_id: int,
    score: int | None,
    max_score: int,
    submitted_day: int | None,
    title: str = "Article",
) -> AttemptSummary:
    """An attempt as the services see it, submitted on a day of November 2026 (None: open)."""
    submitted = datetime(2026, 11, submitted_day, tzinfo=UTC) if submitted_day else None
    return AttemptSummary(
        id=attempt_id,
        article_id=article_id,
        article_title=title,
        started_at=datetime(2026, 11, 1, tzinfo=UTC),
        submitted_at=submitted,
        score=score,
        max_score=max_score,
        current_position=1,
    )


def test_percentage() -> None:
    assert services.percentage(7, 10) == 70
    assert services.percentage(2, 3) == 67
    assert services.percentage(0, 5) == 0
    assert services.percentage(None, 5) is None
    assert services.percentage(3, 0) is None


def test_best_compares_percentages_when_the_quiz_grew() -> None:
    attempts = [summary(1, 1, 8, 10, 2), summary(2, 1, 9, 12, 3)]

    [best] = services.best_scores(attempts)

    assert (best.attempt_id, best.score, best.max_score, best.percent) == (1, 8, 10, 80)
    assert best.attempts == 2


def test_best_keeps_the_earliest_of_equal_scores() -> None:
    attempts = [summary(5, 1, 6, 10, 9), summary(4, 1, 6, 10, 3)]

    assert services.best_scores(attempts)[0].attempt_id == 4


def test_open_attempts_count_for_neither_best_nor_chart() -> None:
    attempts = [summary(1, 1, None, 10, None)]

    assert services.best_scores(attempts) == []
    assert services.chart_points(attempts) == []
    assert attempts[0].percent is None


def test_chart_points_are_in_submission_order() -> None:
    attempts = [summary(1, 1, 5, 10, 20), summary(2, 2, 1, 4, 3), summary(3, 1, 10, 10, 7)]

    points = services.chart_points(attempts)

    assert [(p.attempt_id, p.percent) for p in points] == [(2, 25), (3, 100), (1, 50)]
    assert points[0].as_json() == {
        "attemptId": 2,
        "submittedAt": "2026-11-03T00:00:00+00:00",
        "percent": 25,
        "article": "Article",
    }


def test_score_report_reads_only_that_users_rows(
    app: Flask, make_user, make_article, make_attempt
) -> None:
    me: User = make_user("student")
    other: User = make_user("student")
    article = make_article("Shared article", questions=5)
    make_attempt(me, article, 4, datetime(2026, 11, 2, tzinfo=UTC))
    make_attempt(other, article, 5, datetime(2026, 11, 3, tzinfo=UTC))

    with app.app_context():
        report = services.score_report(me)

    assert [(a.score, a.max_score, a.percent) for a in report.attempts] == [(4, 5, 80)]
    assert [(b.article_title, b.score) for b in report.best] == [("Shared article", 4)]
    assert [p.percent for p in report.chart] == [80]
