"""Import and export of an article's questions: GIFT in and out, Moodle XML out.

The formats live in `quizapp.exchange` (pure functions); this service maps them onto the
article's questions, checks them like the question form does, and imports in one
transaction: a file with any error imports nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.exchange import ExchangeQuestion, GiftIssue, parse_gift, write_gift, write_moodle_xml
from quizapp.extensions import db
from quizapp.models import Article, Question, User
from quizapp.quiz.numbers import format_number
from quizapp.teacher.services import (
    InvalidQuestionError,
    QuestionInput,
    TeacherError,
    active_questions,
    check_question,
    managed_article,
    question_key,
    renumber_questions,
)

MAX_IMPORT_QUESTIONS = 500
MAX_PROBLEMS_SHOWN = 50
TITLE_CHARS = 60


class ImportRefusedError(TeacherError):
    """The file cannot be imported; `problems` says why, line by line. Nothing was imported."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: how many drafts it added and what it skipped (by line)."""

    added: int
    skipped: list[GiftIssue]


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A download: its file name, media type and content."""

    filename: str
    mimetype: str
    content: bytes


def _record(article: Article, number: int, question: Question) -> ExchangeQuestion:
    """A stored question as an interchange record, titled after the article."""
    return ExchangeQuestion(
        format=question.format,
        prompt=question.prompt,
        answer=question.answer,
        accepted=tuple(question.accepted) if question.format == "short_answer" else (),
        choices=tuple(question.choices) if question.format == "multiple_choice" else (),
        tolerance=question.tolerance,
        evidence=question.evidence,
        title=f"{article.title[:TITLE_CHARS]} {number}",
    )


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:60] or "questions"


def _records(article: Article) -> list[ExchangeQuestion]:
    return [_record(article, n, q) for n, q in enumerate(active_questions(article), start=1)]


def _category(article: Article) -> str:
    # A slash starts a subcategory in Moodle; the title is one category.
    return "QuizApp/" + article.title.replace("/", "-")


def export_gift(user: User, article_id: int) -> ExportFile:
    """The article's quiz (drafts and published questions) as a GIFT file."""
    article = managed_article(user, article_id)
    text = write_gift(_records(article), category=_category(article))
    return ExportFile(f"{_slug(article.title)}.gift.txt", "text/plain", text.encode("utf-8"))


def export_moodle_xml(user: User, article_id: int) -> ExportFile:
    """The article's quiz (drafts and published questions) as Moodle XML."""
    article = managed_article(user, article_id)
    content = write_moodle_xml(_records(article), category=_category(article))
    return ExportFile(f"{_slug(article.title)}.moodle.xml", "application/xml", content)


def _checked(record: ExchangeQuestion) -> QuestionInput:
    """The record checked by the same rules as the question form."""
    choices = list(record.choices)
    return check_question(
        record.format,
        record.prompt,
        choices=choices,
        right=choices.index(record.answer) if record.answer in choices else None,
        accepted=[record.answer, *record.accepted],
        truth=record.answer,
        evidence=record.evidence,
        number=record.answer,
        tolerance=format_number(record.tolerance or 0.0),
    )


def import_gift(user: User, article_id: int, text: str) -> ImportReport:
    """Add a GIFT file's supported questions to the article as drafts, all or nothing.

    Unsupported kinds and questions the article already has are skipped and reported.
    Any malformed or invalid question refuses the whole file (ImportRefusedError).
    """
    article = managed_article(user, article_id)
    parsed = parse_gift(text)
    if len(parsed.questions) > MAX_IMPORT_QUESTIONS:
        raise ImportRefusedError(
            [
                f"The file has {len(parsed.questions)} questions; import at most "
                f"{MAX_IMPORT_QUESTIONS} at a time."
            ]
        )
    problems = [str(issue) for issue in parsed.errors]
    skipped = list(parsed.skipped)
    checked: list[QuestionInput] = []
    taken = {question_key(q.prompt, q.answer) for q in active_questions(article)}
    for record in parsed.questions:
        try:
            data = _checked(record)
        except InvalidQuestionError as error:
            problems.extend(f"Line {record.line}: {message}" for message in error.errors.values())
            continue
        key = question_key(data.prompt, data.answer)
        if key in taken:
            skipped.append(
                GiftIssue(record.line, "this question is already in the article; skipped.")
            )
            continue
        taken.add(key)
        checked.append(data)
    if not problems and not checked and not skipped:
        problems.append("No questions were found in the file. Is it a GIFT file?")
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown.append(f"… and {len(problems) - MAX_PROBLEMS_SHOWN} more problems.")
        raise ImportRefusedError(shown)
    start = len(active_questions(article))
    for offset, data in enumerate(checked, start=1):
        article.questions.append(
            Question(
                type="teacher",
                origin="teacher",
                status="draft",
                position=start + offset,
                score=0.0,
                format=data.format,
                prompt=data.prompt,
                answer=data.answer,
                accepted=list(data.accepted),
                choices=list(data.choices),
                evidence=data.evidence,
                tolerance=data.tolerance if data.format == "numeric" else None,
            )
        )
    renumber_questions(article)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return ImportReport(len(checked), skipped)
