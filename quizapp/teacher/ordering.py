"""Question order: moving one question up or down an article's quiz, positions kept 1..n.

Attempts fix their own order when they start (`Response.position`), so a move changes the
order of attempts started afterwards and never the one a student is in the middle of.
"""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import User
from quizapp.teacher.services import active_questions, editable_question, renumber_questions


def move_question(user: User, article_id: int, question_id: int, offset: int) -> int:
    """Move a question `offset` places (-1 up, +1 down), clamped; return its new number."""
    question = editable_question(user, article_id, question_id)
    order = active_questions(question.article)
    current = order.index(question)
    target = min(max(current + offset, 0), len(order) - 1)
    order.insert(target, order.pop(current))
    for position, item in enumerate(order, start=1):
        item.position = position
    renumber_questions(question.article)
    db.session.commit()
    return target + 1
