"""Generated questions fed back into a quiz: replacements for a flagged question, and more.

The generator ranks more candidates than an article keeps. The ones not yet in the quiz
(compared by `question_key`, against every question the article ever had, rejected ones
included, so a rejected question is never offered again) are the next best suggestions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from quizapp.extensions import db
from quizapp.generation import generate_questions
from quizapp.generation.types import GeneratedQuestion
from quizapp.models import ACTIVE_STATUSES, Article, Question, User
from quizapp.teacher.services import (
    TeacherError,
    active_questions,
    distractor_pool,
    editable_question,
    generated_row,
    managed_article,
    question_key,
    renumber_questions,
)

SUGGESTIONS = 3  # replacements offered for one question
MORE_QUESTIONS = 5  # drafts added by one "More questions"


class SuggestionGoneError(TeacherError):
    """The chosen suggestion is no longer available (already added, or the text changed)."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A generated question not yet in the quiz, as the teacher will see it once added."""

    key: str  # stable across requests: identifies the suggestion in a form
    question: Question  # a transient row (never added to the session)


def suggestion_key(item: GeneratedQuestion) -> str:
    """A short, stable identifier of a generated question (from its prompt and answer)."""
    prompt, answer = question_key(item.question, item.answer)
    return hashlib.sha256(f"{prompt}\x1f{answer}".encode()).hexdigest()[:16]


def unused_candidates(article: Article) -> list[GeneratedQuestion]:
    """The article's generated questions, best first, that it does not have (or had) yet."""
    taken = {question_key(question.prompt, question.answer) for question in article.questions}
    unused = []
    for item in generate_questions(article.text, pool=distractor_pool()):
        key = question_key(item.question, item.answer)
        if key not in taken:
            taken.add(key)
            unused.append(item)
    return unused


def _preview(item: GeneratedQuestion) -> Suggestion:
    return Suggestion(suggestion_key(item), generated_row(item, 0, "draft"))


def replacements(
    user: User, article_id: int, question_id: int, limit: int = SUGGESTIONS
) -> tuple[Question, list[Suggestion]]:
    """A question of the quiz and the best unused generated questions to replace it with."""
    question = editable_question(user, article_id, question_id)
    candidates = unused_candidates(question.article)[:limit]
    return question, [_preview(item) for item in candidates]


def replace_question(user: User, article_id: int, question_id: int, key: str) -> Question:
    """Put the suggestion `key` in the question's place; the old question is rejected.

    The old row stays (rejected, never suggested again), so attempts in progress keep asking
    it and graded reviews keep what they were graded against; attempts started from now on
    get the replacement, at the same position and with the same status.
    """
    question = editable_question(user, article_id, question_id)
    item = next((i for i in unused_candidates(question.article) if suggestion_key(i) == key), None)
    if item is None:
        raise SuggestionGoneError(
            "That suggestion is no longer available. Pick another one from the list."
        )
    status = question.status if question.status in ACTIVE_STATUSES else "draft"
    replacement = generated_row(item, question.position, status)
    question.status = "rejected"
    question.article.questions.append(replacement)
    renumber_questions(question.article)
    db.session.commit()
    return replacement


def more_questions(user: User, article_id: int, limit: int = MORE_QUESTIONS) -> int:
    """Add the next-ranked unused generated questions as drafts; return how many were added."""
    article = managed_article(user, article_id)
    candidates = unused_candidates(article)[:limit]
    start = len(active_questions(article))
    for offset, item in enumerate(candidates, start=1):
        article.questions.append(generated_row(item, start + offset, "draft"))
    renumber_questions(article)
    db.session.commit()
    return len(candidates)
