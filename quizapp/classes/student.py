"""The student's side of classes: what is assigned to them, ahead of the other articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizapp.classes.services import is_overdue, now_utc, student_assignments
from quizapp.models import User
from quizapp.quiz.services import ArticleSummary

__all__ = ["AssignedArticle", "assigned_and_others", "now_utc"]


@dataclass(frozen=True, slots=True)
class AssignedArticle:
    """One line of "Assigned to you": the article's summary and the class that set it."""

    summary: ArticleSummary
    class_name: str
    due_at: datetime | None

    @property
    def done(self) -> bool:
        """Whether the student has submitted an attempt at the article."""
        return self.summary.best is not None

    def overdue(self, now: datetime) -> bool:
        """Whether the due time has passed without a submission."""
        return not self.done and is_overdue(self.due_at, now)


def assigned_and_others(
    summaries: list[ArticleSummary], user: User | None
) -> tuple[list[AssignedArticle], list[ArticleSummary]]:
    """Split the Articles page: the user's assignments (soonest due first) and the rest.

    One statement (the assignments) on top of the summaries; a visitor, a teacher or a
    student in no class gets no assignments and every article in the usual list.
    """
    if user is None or user.is_teacher:
        return [], summaries
    by_article = {summary.article.id: summary for summary in summaries}
    assigned = [
        AssignedArticle(by_article[row.article_id], row.class_name, row.due_at)
        for row in student_assignments(user)
        if row.article_id in by_article
    ]
    taken = {item.summary.article.id for item in assigned}
    return assigned, [summary for summary in summaries if summary.article.id not in taken]
