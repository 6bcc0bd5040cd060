"""The "My scores" page: attempts, best score per article, review links and the chart."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

from flask.testing import FlaskClient

from quizapp.models import User
from tests.conftest import log_in

NOV = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)


def day(number: int) -> datetime:
    """A submission time on the given day of November 2026."""
    return NOV.replace(day=number)


def page(client: FlaskClient) -> str:
    """The HTML of "My scores" (asserting it opened)."""
    response = client.get("/scores/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def section(html: str, css_class: str) -> str:
    """The HTML of the table with that class."""
    match = re.search(rf'<table class="[^"]*{css_class}[^"]*">(.*?)</table>', html, re.S)
    assert match, f"no table {css_class}"
    return match.group(1)


def rows(table: str) -> list[str]:
    """The body rows of a table, tags stripped and spaces squeezed."""
    body = table.split("<tbody>", 1)[1]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_visitors_are_sent_to_log_in(client: FlaskClient) -> None:
    response = client.get("/scores/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fscores%2F"


def test_empty_state_points_to_the_articles(student_client: FlaskClient) -> None:
    html = page(student_client)

    assert "<h1" in html and "My scores</h1>" in html
    assert "You have not taken a quiz yet." in html
    assert 'href="/quiz/">Choose an article to start</a>' in html
    assert "<table" not in html
    assert "chart.umd.min.js" not in html


def test_lists_every_attempt_with_date_score_and_percent(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    article = make_article("Talks in Geneva", questions=10)
    make_attempt(student, article, 7, day(2))
    make_attempt(student, article, 9, day(5))

    table = section(page(student_client), "scores-attempts")
    attempts = rows(table)

    # The first date sits under the title for phones, the second in the Date column.
    review = "Review attempt of"
    fifth, second = "05 Nov 2026, 10:30 UTC", "02 Nov 2026, 10:30 UTC"
    assert attempts == [
        f"Talks in Geneva {fifth} 05 Nov 2026 10:30 UTC 9 / 10 (90%) 90% {review} {fifth}",
        f"Talks in Geneva {second} 02 Nov 2026 10:30 UTC 7 / 10 (70%) 70% {review} {second}",
    ]
    assert '<time datetime="2026-11-05T10:30:00+00:00">' in table


def test_open_attempt_is_in_progress_with_a_resume_link(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    article = make_article("Talks in Geneva", questions=10)
    attempt_id = make_attempt(student, article, None, None, started=day(3), current_position=4)

    html = page(student_client)
    table = section(html, "scores-attempts")

    assert "in progress" in table
    assert f'href="/quiz/attempts/{attempt_id}/questions/4">Resume' in table
    assert f'href="/quiz/attempts/{attempt_id}"' not in html
    assert "scores-best" not in html
    assert "scores-chart-data" not in html


def test_best_score_per_article(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    geneva = make_article("Talks in Geneva", questions=10)
    budget = make_article("A budget vote", questions=4)
    make_attempt(student, geneva, 5, day(2))
    best_geneva = make_attempt(student, geneva, 8, day(3))
    make_attempt(student, geneva, 6, day(4))
    best_budget = make_attempt(student, budget, 3, day(5))
    make_attempt(student, budget, None, None, started=day(6))

    table = section(page(student_client), "scores-best")

    assert rows(table) == [
        "A budget vote 3 / 4 (75%) 75% 1 Review your best attempt at A budget vote",
        "Talks in Geneva 8 / 10 (80%) 80% 3 Review your best attempt at Talks in Geneva",
    ]
    assert f'href="/quiz/attempts/{best_geneva}"' in table
    assert f'href="/quiz/attempts/{best_budget}"' in table


def test_every_submitted_attempt_links_to_its_review(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    article = make_article()
    ids = [make_attempt(student, article, score, day(score + 1)) for score in (2, 4, 6)]

    table = section(page(student_client), "scores-attempts")

    for attempt_id in ids:
        assert f'href="/quiz/attempts/{attempt_id}">Review' in table


def test_chart_uses_the_local_chart_js_and_embedded_json(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    article = make_article(questions=10)
    make_attempt(student, article, 9, day(9))
    make_attempt(student, article, 4, day(2))
    make_attempt(student, article, 6, day(5))

    html = page(student_client)

    sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    assert "/static/vendor/chartjs/chart.umd.min.js" in sources
    assert "/static/js/scores-chart.js" in sources
    assert not [src for src in sources if "http" in src or src.startswith("//")]
    data = re.search(
        r'<script type="application/json" id="scores-chart-data">(.*?)</script>', html, re.S
    )
    assert data
    points = json.loads(data.group(1))
    assert [point["percent"] for point in points] == [40, 60, 90]
    assert points[0]["submittedAt"].startswith("2026-11-02T10:30:00")
    assert 'id="scores-chart"' in html


def test_chart_files_are_served_by_the_app(client: FlaskClient) -> None:
    library = client.get("/static/vendor/chartjs/chart.umd.min.js")
    drawing = client.get("/static/js/scores-chart.js")

    assert library.status_code == 200
    assert b"Chart.js v4" in library.data
    assert drawing.status_code == 200
    assert b"scores-chart-data" in drawing.data
    assert client.get("/static/vendor/chartjs/LICENSE.md").status_code == 200
    library.close()
    drawing.close()


def test_article_titles_are_escaped_in_table_and_chart(
    student_client: FlaskClient, student: User, make_article, make_attempt
) -> None:
    article = make_article("<script>alert('x')</script> & more", questions=2)
    make_attempt(student, article, 1, day(2))

    html = page(student_client)

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in html
    data = re.search(r'id="scores-chart-data">(.*?)</script>', html, re.S)
    assert data
    assert json.loads(data.group(1))[0]["article"] == "<script>alert('x')</script> & more"


def test_another_users_attempts_never_appear(
    client: FlaskClient, make_user: Callable[..., User], make_article, make_attempt
) -> None:
    me = make_user("student")
    other = make_user("student")
    mine = make_article("My article")
    theirs = make_article("Their secret article")
    my_attempt = make_attempt(me, mine, 5, day(2))
    their_attempt = make_attempt(other, theirs, 10, day(3))
    their_open = make_attempt(other, mine, None, None, started=day(4))
    log_in(client, me.email)

    html = page(client)

    assert f'href="/quiz/attempts/{my_attempt}"' in html
    assert "Their secret article" not in html
    assert f"/quiz/attempts/{their_attempt}" not in html
    assert f"/quiz/attempts/{their_open}/" not in html
    assert len(rows(section(html, "scores-attempts"))) == 1
