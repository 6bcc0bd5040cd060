"""Jinja filters and globals shared by every template."""

from __future__ import annotations

from datetime import datetime

from flask import Flask

from quizapp.quiz.numbers import format_number
from quizapp.scores.services import percentage


def percent(score: int | None, maximum: int | None) -> str:
    """Format a score as a whole percentage ("70%"), "–" when there is none."""
    value = percentage(score, maximum or 0)
    return "–" if value is None else f"{value}%"


def local_date(moment: datetime | None) -> str:
    """Format a timestamp for people ("29 Nov 2026, 14:05 UTC")."""
    return moment.strftime("%d %b %Y, %H:%M UTC") if moment else ""


def day_date(moment: datetime | None) -> str:
    """Format the day of a timestamp ("29 Nov 2026"), for narrow table cells."""
    return moment.strftime("%d %b %Y") if moment else ""


def clock_time(moment: datetime | None) -> str:
    """Format the time of day of a timestamp ("14:05 UTC")."""
    return moment.strftime("%H:%M UTC") if moment else ""


def number(value: float | None) -> str:
    """Format a stored number plainly ("1200", "0.5"), "–" when there is none."""
    return "–" if value is None else format_number(value)


def register_template_helpers(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(percent)
    app.add_template_filter(local_date)
    app.add_template_filter(day_date)
    app.add_template_filter(clock_time)
    app.add_template_filter(number)
