"""Moodle's item statistics on a quiz's first attempts: pure arithmetic, no Flask, no database.

Definitions follow Moodle's quiz statistics report (see ITEM_ANALYSIS.md): for S attempts,
x_i is an attempt's mark on question i, T its total and X_i = T - x_i its rest-of-test score;
variances and covariances divide by S - 1.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Fewer first attempts than this are noise: figures are shown greyed and nothing is flagged.
MIN_ATTEMPTS = 10
TOO_EASY_ABOVE = 90.0  # facility, percent
TOO_HARD_BELOW = 20.0
FAULTY_AT_MOST = 5.0  # a facility this low usually means a wrong key or two right answers
WEAK_DISCRIMINATION_BELOW = 20.0  # discrimination index, percent
GOOD_DISCRIMINATION_FROM = 30.0

Marks = Mapping[int, float]  # question id -> one attempt's mark on it


@dataclass(frozen=True, slots=True)
class Flag:
    """Why a question deserves a look: a stable code, a short label and a sentence."""

    code: str
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class ItemStatistics:
    """One question's figures, in percent; None where they are undefined ("n/a")."""

    question_id: int
    attempts: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    flags: tuple[Flag, ...]

    @property
    def discrimination_word(self) -> str:
        """Moodle's reading of the discrimination index."""
        value = self.discrimination
        if value is None:
            return "n/a"
        if value < 0:
            return "negative"
        if value < WEAK_DISCRIMINATION_BELOW:
            return "weak"
        return "good" if value >= GOOD_DISCRIMINATION_FROM else "fair"


@dataclass(frozen=True, slots=True)
class QuizStatistics:
    """The whole quiz's figures over its counted attempts, in percent of the total."""

    attempts: int
    min_attempts: int
    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None  # Cronbach's alpha (Moodle's CIC), percent
    error_ratio: float | None
    standard_error: float | None
    alpha_questions: int  # how many questions alpha is computed over (those every attempt had)
    items: tuple[ItemStatistics, ...]

    @property
    def enough(self) -> bool:
        """Whether there are enough attempts to trust the figures and flag questions."""
        return self.attempts >= self.min_attempts

    def item(self, question_id: int) -> ItemStatistics | None:
        """The statistics of one question, if it was in any counted attempt."""
        return next((item for item in self.items if item.question_id == question_id), None)


def variance(values: Sequence[float]) -> float | None:
    """Sample variance (divides by S - 1); None for fewer than two values."""
    return statistics.variance(values) if len(values) >= 2 else None


def covariance(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Sample covariance (divides by S - 1); None for fewer than two pairs."""
    if len(xs) < 2:
        return None
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def analyse(
    attempts: Sequence[Marks],
    max_marks: Mapping[int, float],
    *,
    min_attempts: int = MIN_ATTEMPTS,
) -> QuizStatistics:
    """Item and quiz statistics of `attempts` (each a question -> mark mapping).

    `max_marks` names the questions to analyse, in order, with their maximum marks. An
    attempt that lacks a question (it was added later) counts only for the questions it had.
    """
    totals = [sum(marks.values()) for marks in attempts]
    maxima = [sum(max_marks.get(q, 1.0) for q in marks) for marks in attempts]
    items = tuple(
        _item(question_id, maximum, attempts, totals, min_attempts)
        for question_id, maximum in max_marks.items()
    )
    percents = [100 * t / m for t, m in zip(totals, maxima, strict=True) if m > 0]
    sd = math.sqrt(var) if (var := variance(percents)) is not None else None
    alpha, alpha_questions = _alpha(attempts, max_marks)
    error_ratio = 100 * math.sqrt(1 - alpha / 100) if alpha is not None else None
    return QuizStatistics(
        attempts=len(attempts),
        min_attempts=min_attempts,
        mean=statistics.fmean(percents) if percents else None,
        median=statistics.median(percents) if percents else None,
        sd=sd,
        alpha=alpha,
        error_ratio=error_ratio,
        standard_error=error_ratio * sd / 100 if error_ratio is not None and sd else None,
        alpha_questions=alpha_questions,
        items=items,
    )


def _item(
    question_id: int,
    maximum: float,
    attempts: Sequence[Marks],
    totals: Sequence[float],
    min_attempts: int,
) -> ItemStatistics:
    """One question's facility, SD, discrimination and efficiency, and its flags."""
    pairs = [
        (marks[question_id], total - marks[question_id])
        for marks, total in zip(attempts, totals, strict=True)
        if question_id in marks
    ]
    xs, rests = [x for x, _ in pairs], [rest for _, rest in pairs]
    facility = 100 * statistics.fmean(xs) / maximum if xs and maximum > 0 else None
    var_x, var_rest = variance(xs), variance(rests)
    sd = 100 * math.sqrt(var_x) / maximum if var_x is not None and maximum > 0 else None
    cov = covariance(xs, rests)
    discrimination = efficiency = None
    if cov is not None and var_x and var_rest:  # undefined when either variance is 0
        discrimination = 100 * cov / math.sqrt(var_x * var_rest)
        # The largest covariance these two distributions allow pairs them sorted.
        cov_max = covariance(sorted(xs), sorted(rests))
        efficiency = 100 * cov / cov_max if cov_max else None
    flags = _flags(facility, discrimination) if len(xs) >= min_attempts else ()
    return ItemStatistics(question_id, len(xs), facility, sd, discrimination, efficiency, flags)


def _flags(facility: float | None, discrimination: float | None) -> tuple[Flag, ...]:
    """The reasons, in words, that a question deserves the teacher's look."""
    flags = []
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(
            Flag(
                "too_easy",
                "Too easy",
                f"{facility:.0f}% got it right: above {TOO_EASY_ABOVE:.0f}%, it cannot tell "
                "students apart.",
            )
        )
    elif facility is not None and facility <= FAULTY_AT_MOST:
        flags.append(
            Flag(
                "too_hard",
                "Too hard: check the key",
                f"Only {facility:.0f}% got it right: {FAULTY_AT_MOST:.0f}% or less usually "
                "means a wrong key or two right answers.",
            )
        )
    elif facility is not None and facility < TOO_HARD_BELOW:
        flags.append(
            Flag(
                "too_hard",
                "Too hard",
                f"Only {facility:.0f}% got it right: below {TOO_HARD_BELOW:.0f}%.",
            )
        )
    if discrimination is not None and discrimination < 0:
        flags.append(
            Flag(
                "no_discrimination",
                "Does not discriminate",
                "Students who did well on the rest of the quiz got it wrong more often than "
                f"those who did badly (discrimination {discrimination:.0f}%): check the key.",
            )
        )
    elif discrimination is not None and discrimination < WEAK_DISCRIMINATION_BELOW:
        flags.append(
            Flag(
                "no_discrimination",
                "Does not discriminate",
                f"Discrimination {discrimination:.0f}% (below {WEAK_DISCRIMINATION_BELOW:.0f}%): "
                "getting it right says little about how well a student read the article.",
            )
        )
    return tuple(flags)


def _alpha(attempts: Sequence[Marks], max_marks: Mapping[int, float]) -> tuple[float | None, int]:
    """Cronbach's alpha in percent over the questions every attempt had, and their number."""
    common = [q for q in max_marks if attempts and all(q in marks for marks in attempts)]
    count = len(common)
    if count < 2 or len(attempts) < 2:
        return None, count
    item_variances = [variance([marks[q] for marks in attempts]) or 0.0 for q in common]
    var_total = variance([sum(marks[q] for q in common) for marks in attempts])
    if not var_total:
        return None, count
    return 100 * count / (count - 1) * (1 - sum(item_variances) / var_total), count
