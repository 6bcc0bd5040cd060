"""Score services: a user's attempts, their best score per article and points for the chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, select

from quizapp.extensions import db
from quizapp.models import Article, Attempt, User


def percentage(score: int | None, maximum: int) -> int | None:
    """Whole-number percentage of a score, None when there is no score or nothing to score."""
    if score is None or maximum <= 0:
        return None
    return round(100 * score / maximum)


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One row of "My scores": an attempt and the article it belongs to."""

    id: int
    article_id: int
    article_title: str
    started_at: datetime
    submitted_at: datetime | None
    score: int | None
    max_score: int
    # The question to resume an open attempt on (1-based).
    current_position: int

    @property
    def is_submitted(self) -> bool:
        """Whether the attempt is final and has a score."""
        return self.submitted_at is not None

    @property
    def percent(self) -> int | None:
        """The score as a whole percentage, None while the attempt is open."""
        return percentage(self.score, self.max_score) if self.is_submitted else None


@dataclass(frozen=True, slots=True)
class BestScore:
    """A user's best submitted attempt on one article."""

    article_id: int
    article_title: str
    attempt_id: int
    score: int
    max_score: int
    percent: int | None
    submitted_at: datetime
    attempts: int


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One submitted attempt on the chart of scores over time."""

    attempt_id: int
    submitted_at: str  # ISO 8601, UTC
    percent: int
    article: str

    def as_json(self) -> dict[str, str | int]:
        """A dict fit for Jinja's |tojson."""
        return {
            "attemptId": self.attempt_id,
            "submittedAt": self.submitted_at,
            "percent": self.percent,
            "article": self.article,
        }


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """Everything the "My scores" page shows."""

    attempts: list[AttemptSummary]
    best: list[BestScore]
    chart: list[ChartPoint]


# Only the title of each article: joining whole articles would copy their texts per row.
# Built once; the user is a bound parameter.
_ATTEMPTS_WITH_TITLES = (
    select(Attempt, Article.title)
    .join(Attempt.article)
    .where(Attempt.user_id == bindparam("user_id"))
    .order_by(Attempt.started_at.desc(), Attempt.id.desc())
)


def attempts_of(user: User) -> list[AttemptSummary]:
    """Every attempt of `user`, newest first, with its article's title."""
    rows = db.session.execute(_ATTEMPTS_WITH_TITLES, {"user_id": user.id})
    return [
        AttemptSummary(
            id=attempt.id,
            article_id=attempt.article_id,
            article_title=title,
            started_at=_as_utc(attempt.started_at),
            submitted_at=_as_utc(attempt.submitted_at) if attempt.submitted_at else None,
            score=attempt.score,
            max_score=attempt.max_score,
            current_position=attempt.current_position,
        )
        for attempt, title in rows
    ]


def best_scores(attempts: list[AttemptSummary]) -> list[BestScore]:
    """The best submitted attempt per article (by percentage, the earliest wins a tie)."""
    finished = _submitted_in_order(attempts)
    best: dict[int, AttemptSummary] = {}
    counts: dict[int, int] = {}
    for attempt in finished:
        counts[attempt.article_id] = counts.get(attempt.article_id, 0) + 1
        current = best.get(attempt.article_id)
        if current is None or _ratio(attempt) > _ratio(current):
            best[attempt.article_id] = attempt
    return sorted(
        (
            BestScore(
                article_id=a.article_id,
                article_title=a.article_title,
                attempt_id=a.id,
                score=a.score or 0,
                max_score=a.max_score,
                percent=a.percent,
                submitted_at=a.submitted_at or a.started_at,
                attempts=counts[a.article_id],
            )
            for a in best.values()
        ),
        key=lambda b: (b.article_title.casefold(), b.article_id),
    )


def score_ratio(score: int | None, maximum: int) -> float:
    """Share of the maximum scored (0 to 1): compared instead of raw scores, since quizzes grow.

    Every "best attempt" in the app (Articles, My scores, a teacher's results) ranks by it.
    """
    return (score or 0) / maximum if maximum > 0 else 0.0


def _ratio(attempt: AttemptSummary) -> float:
    return score_ratio(attempt.score, attempt.max_score)


def chart_points(attempts: list[AttemptSummary]) -> list[ChartPoint]:
    """Submitted attempts in the order they were submitted, as percentages."""
    return [
        ChartPoint(
            attempt_id=a.id,
            submitted_at=(a.submitted_at or a.started_at).isoformat(),
            percent=a.percent,
            article=a.article_title,
        )
        for a in _submitted_in_order(attempts)
        if a.percent is not None
    ]


def _submitted_in_order(attempts: list[AttemptSummary]) -> list[AttemptSummary]:
    """The submitted, scored attempts, oldest submission first."""
    finished = [a for a in attempts if a.submitted_at is not None and a.score is not None]
    return sorted(finished, key=lambda a: (a.submitted_at or a.started_at, a.id))


def _as_utc(moment: datetime) -> datetime:
    """An aware UTC timestamp; SQLite hands back naive datetimes that are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def score_report(user: User) -> ScoreReport:
    """Gather the attempts, best scores and chart points of `user` from the stored rows."""
    attempts = attempts_of(user)
    return ScoreReport(attempts=attempts, best=best_scores(attempts), chart=chart_points(attempts))
