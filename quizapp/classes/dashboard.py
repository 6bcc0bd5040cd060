"""The teacher's dashboard: classes, assignments due this week, questions flagged for a look."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from quizapp.classes.services import (
    AssignmentProgress,
    ClassSummary,
    assignments_due,
    teacher_classes,
    week_window,
)
from quizapp.models import User
from quizapp.teacher.items import FlaggedQuestion, flagged_questions


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What the teacher's home page shows above their articles."""

    classes: list[ClassSummary]
    due: list[AssignmentProgress]
    flagged: list[FlaggedQuestion]
    week_start: datetime
    week_end: datetime


def dashboard(user: User, now: datetime, zone: tzinfo) -> Dashboard:
    """The teacher's classes, what is due from today for seven days, and flagged questions."""
    start, end = week_window(now, zone)
    return Dashboard(
        classes=teacher_classes(user),
        due=assignments_due(user, start, end),
        flagged=flagged_questions(user.id),
        week_start=start,
        week_end=end,
    )
