"""Teacher services: articles, their generated and own questions, and how students did."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.generation import clean_text, generate_questions
from quizapp.generation.normalize import normalize
from quizapp.generation.types import KIND_BY_TYPE, GeneratedQuestion
from quizapp.models import ACTIVE_STATUSES, TITLE_MAX, Article, Question, Response, User
from quizapp.quiz.numbers import format_number, parse_number
from quizapp.quiz.services import refresh_open_responses

MIN_CHOICES = 2
MAX_CHOICES = 6
TRUE_FALSE_CHOICES = ("True", "False")
PROMPT_MAX = 500
ANSWER_MAX = 200
EVIDENCE_MAX = 2000


class TeacherError(Exception):
    """Base class of the teacher area's domain errors."""


class NotFoundError(TeacherError):
    """The article or question does not exist (or not where the URL says)."""


class PermissionDeniedError(TeacherError):
    """The user may not manage that article."""


class InvalidArticleError(TeacherError):
    """The article's title or text cannot be used."""


class QuestionArchivedError(TeacherError):
    """The question was deleted after students answered it; it can no longer change."""


class QuestionRejectedError(QuestionArchivedError):
    """The question was rejected; it must be restored before it can change."""


class InvalidQuestionError(TeacherError):
    """A question's fields break rules; `errors` maps each field to blame to its message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = dict(errors)


@dataclass(frozen=True, slots=True)
class QuestionInput:
    """A checked, normalised question as a teacher wrote it."""

    format: str
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    evidence: str = ""
    tolerance: float | None = None  # numeric questions only


# ---------------------------------------------------------------- authorization


def can_manage(user: User, article: Article) -> bool:
    """Whether a user may manage an article: a teacher, on their own or a seeded article."""
    return user.is_teacher and article.owner_id in (None, user.id)


def managed_article(user: User, article_id: int) -> Article:
    """Return the article if the user may manage it, else raise NotFound/PermissionDenied."""
    article = db.session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article {article_id}.")
    if not can_manage(user, article):
        raise PermissionDeniedError("You may only manage your own articles.")
    return article


def managed_question(user: User, article_id: int, question_id: int) -> Question:
    """Return a question of that article if the user may manage the article."""
    article = managed_article(user, article_id)
    question = db.session.get(Question, question_id)
    if question is None or question.article_id != article.id:
        raise NotFoundError(f"Article {article_id} has no question {question_id}.")
    return question


def editable_question(user: User, article_id: int, question_id: int) -> Question:
    """Like managed_question, but refuse an archived (deleted) question."""
    question = managed_question(user, article_id, question_id)
    _refuse_archived(question)
    return question


def managed_articles(user: User) -> list[Article]:
    """The articles a teacher manages, newest first: their own and the seeded ones."""
    if not user.is_teacher:
        return []
    query = (
        select(Article)
        .where((Article.owner_id == user.id) | Article.owner_id.is_(None))
        .order_by(Article.created_at.desc(), Article.id.desc())
    )
    return list(db.session.scalars(query))


# ---------------------------------------------------------------- articles


def distractor_pool() -> dict[str, list[str]]:
    """Answers of the stored articles' questions grouped by kind: same-kind wrong choices."""
    query = select(Question.type, Question.answer).where(
        Question.type.in_(KIND_BY_TYPE), Question.status.in_(ACTIVE_STATUSES)
    )
    pool: dict[str, list[str]] = {}
    for question_type, answer in db.session.execute(query):
        answers = pool.setdefault(KIND_BY_TYPE[question_type], [])
        if answer not in answers:
            answers.append(answer)
    return pool


def create_article(
    owner: User | None,
    title: str,
    text: str,
    *,
    publish: bool = False,
    seed_name: str | None = None,
    limit: int | None = None,
) -> Article:
    """Store a pasted article, cleaned, with its generated questions (drafts unless publish)."""
    if owner is not None and not owner.is_teacher:
        raise PermissionDeniedError("Only teachers can add articles.")
    title = " ".join(title.split())
    if not title:
        raise InvalidArticleError("The article needs a title.")
    if len(title) > TITLE_MAX:
        raise InvalidArticleError(f"The title can have at most {TITLE_MAX} characters.")
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InvalidArticleError(
            "No story was found in that text, only page furniture (menus, captions, short "
            "lines). Paste the article's paragraphs."
        )
    generated = generate_questions(cleaned, limit=limit, pool=distractor_pool())
    article = Article(
        title=title,
        original_text=text,
        text=cleaned,
        owner=owner,
        published=publish,
        seed_name=seed_name,
    )
    status = "published" if publish else "draft"
    article.questions = [
        generated_row(item, position, status) for position, item in enumerate(generated, 1)
    ]
    db.session.add(article)
    db.session.commit()
    return article


def generated_row(item: GeneratedQuestion, position: int, status: str) -> Question:
    """A Question row for one generated question.

    A question for which no wrong choices were found is kept as a short-answer question
    rather than a multiple choice with a single, giveaway option.
    """
    if item.type == "true_false":
        format, choices = "true_false", list(TRUE_FALSE_CHOICES)
    else:
        choices = _unique([item.answer, *item.choices])
        if len(choices) >= MIN_CHOICES:
            format, choices = "multiple_choice", list(item.choices)
            if item.answer not in choices:
                choices.insert(0, item.answer)
        else:
            format, choices = "short_answer", []
    return Question(
        type=item.type,
        format=format,
        prompt=item.question,
        answer=item.answer,
        accepted=[],
        choices=choices,
        evidence=item.evidence,
        score=item.score,
        origin="generated",
        status=status,
        position=position,
    )


def set_article_published(user: User, article_id: int, published: bool) -> Article:
    """Publish an article to students, or take it back."""
    article = managed_article(user, article_id)
    article.published = published
    db.session.commit()
    return article


def publish_drafts(user: User, article_id: int) -> int:
    """Publish every draft question of an article; return how many were published."""
    article = managed_article(user, article_id)
    drafts = [question for question in article.questions if question.status == "draft"]
    for question in drafts:
        question.status = "published"
    db.session.commit()
    return len(drafts)


def reject_drafts(user: User, article_id: int) -> int:
    """Reject every draft question of an article; return how many were rejected.

    Rejected questions are kept (hidden) so that "More questions" never offers them again.
    """
    article = managed_article(user, article_id)
    drafts = [question for question in article.questions if question.status == "draft"]
    for question in drafts:
        question.status = "rejected"
    renumber_questions(article)
    db.session.commit()
    return len(drafts)


def reject_question(user: User, article_id: int, question_id: int) -> Question:
    """Turn one question down: students stop seeing it and it is never suggested again."""
    question = editable_question(user, article_id, question_id)
    question.status = "rejected"
    renumber_questions(question.article)
    db.session.commit()
    return question


def restore_question(user: User, article_id: int, question_id: int) -> Question:
    """Bring a rejected question back as a draft at the end of the quiz."""
    question = managed_question(user, article_id, question_id)
    if question.status != "rejected":
        raise QuestionArchivedError("Only a rejected question can be restored.")
    _refuse_duplicate(question.article, question.prompt, question.answer, ignore=question)
    question.status = "draft"
    question.position = len(active_questions(question.article)) + 1
    renumber_questions(question.article)
    db.session.commit()
    return question


def active_questions(article: Article) -> list[Question]:
    """The questions that make up an article's quiz (drafts and published), in order."""
    kept = [question for question in article.questions if question.status in ACTIVE_STATUSES]
    return sorted(kept, key=_order)


def _order(question: Question) -> tuple[int, float]:
    """Sort key of the quiz order; a row not yet flushed (no id) goes after its equals."""
    return question.position or 0, question.id if question.id is not None else math.inf


def renumber_questions(article: Article) -> None:
    """Number the quiz's questions 1..n in their order; the others follow, without committing."""
    active = active_questions(article)
    others = sorted(
        (question for question in article.questions if question.status not in ACTIVE_STATUSES),
        key=_order,
    )
    for position, question in enumerate([*active, *others], start=1):
        question.position = position


# ---------------------------------------------------------------- questions


def check_question(
    format: str,
    prompt: str,
    *,
    choices: Sequence[str] = (),
    right: int | None = None,
    accepted: Iterable[str] = (),
    truth: str | None = None,
    evidence: str = "",
    number: str | None = None,
    tolerance: str | None = None,
) -> QuestionInput:
    """Check a teacher's question and return it normalised, or raise InvalidQuestionError.

    `choices` are the multiple-choice texts as typed (blanks allowed) and `right` the index
    of the right one among them; `accepted` the short answers; `truth` "True" or "False";
    `number` and `tolerance` a numeric question's value and margin as typed ("1,200", "50").
    Every field's problem is reported at once.
    """
    prompt, evidence = prompt.strip(), evidence.strip()
    errors: dict[str, str] = {}
    if not prompt:
        errors["prompt"] = "Write the question."
    elif len(prompt) > PROMPT_MAX:
        errors["prompt"] = f"Keep the question under {PROMPT_MAX} characters."
    if len(evidence) > EVIDENCE_MAX:
        errors["evidence"] = f"Keep the evidence under {EVIDENCE_MAX} characters."
    margin: float | None = None
    try:
        if format == "numeric":
            answer, others, kept = _check_number(number), (), ()
        else:
            answer, others, kept = _check_answer(format, choices, right, accepted, truth)
    except InvalidQuestionError as error:
        errors.update(error.errors)
    if format == "numeric":
        try:
            margin = _check_tolerance(tolerance)
        except InvalidQuestionError as error:
            errors.update(error.errors)
    if errors:
        raise InvalidQuestionError(errors)
    return QuestionInput(format, prompt, answer, others, kept, evidence, margin)


def _check_number(number: str | None) -> str:
    """A numeric question's right value, written plainly ("1,200" → "1200")."""
    text = (number or "").strip()
    if not text:
        raise _invalid("number", "Give the right value.")
    value = parse_number(text)
    if value is None:
        raise _invalid(
            "number", f"“{text[:40]}” is not a number. Write digits, e.g. 1200, 1,200 or 3.5."
        )
    return format_number(value)


def _check_tolerance(tolerance: str | None) -> float:
    """How far either side of the value still counts as right (empty: exactly the value)."""
    text = (tolerance or "").strip()
    if not text:
        return 0.0
    number = parse_number(text)
    if number is None:
        raise _invalid("tolerance", "The tolerance must be a number, e.g. 0, 5 or 0.5.")
    if number < 0:
        raise _invalid("tolerance", "The tolerance cannot be negative.")
    return number


def _check_answer(
    format: str,
    choices: Sequence[str],
    right: int | None,
    accepted: Iterable[str],
    truth: str | None,
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The answer, the other accepted answers and the choices of one format's fields."""
    if format == "multiple_choice":
        answer, kept = _check_choices(choices, right)
        return answer, (), kept
    if format == "short_answer":
        answers = _unique(answer.strip() for answer in accepted)
        if not answers:
            raise _invalid("accepted", "Give at least one accepted answer.")
        if any(len(answer) > ANSWER_MAX for answer in answers):
            raise _invalid("accepted", f"Keep each answer under {ANSWER_MAX} characters.")
        return answers[0], tuple(answers[1:]), ()
    if format == "true_false":
        if truth not in TRUE_FALSE_CHOICES:
            raise _invalid("truth", "Choose whether the statement is true or false.")
        return truth, (), TRUE_FALSE_CHOICES
    raise _invalid("format", "Choose the kind of question.")


def _check_choices(choices: Sequence[str], right: int | None) -> tuple[str, tuple[str, ...]]:
    """The right answer and the non-empty choices of a multiple-choice question."""
    texts = [choice.strip() for choice in choices]
    kept = [text for text in texts if text]
    if len(kept) < MIN_CHOICES:
        raise _invalid("choices", f"Give at least {MIN_CHOICES} choices.")
    if len(kept) > MAX_CHOICES:
        raise _invalid("choices", f"Give at most {MAX_CHOICES} choices.")
    if any(len(text) > ANSWER_MAX for text in kept):
        raise _invalid("choices", f"Keep each choice under {ANSWER_MAX} characters.")
    if len({_answer_key(text) for text in kept}) < len(kept):
        raise _invalid("choices", "Two choices are the same; make each one different.")
    if right is None or not 0 <= right < len(texts):
        raise _invalid("right", "Mark the right choice.")
    if not texts[right]:
        raise _invalid("right", "The choice marked right is empty.")
    return texts[right], tuple(kept)


def _invalid(field: str, message: str) -> InvalidQuestionError:
    return InvalidQuestionError({field: message})


def _answer_key(text: str) -> str:
    """What makes two answers the same ("the U.S." = "United States", "eight" = "8")."""
    return normalize(text) or text.casefold()


def _unique(texts: Iterable[str]) -> list[str]:
    """Non-empty texts without case-insensitive repeats, first spelling kept."""
    seen: set[str] = set()
    kept = []
    for text in texts:
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return kept


def add_question(user: User, article_id: int, data: QuestionInput, *, publish: bool) -> Question:
    """Add a teacher's own question at the end of the article's quiz.

    A question identical to one already in the article is refused (InvalidQuestionError).
    """
    article = managed_article(user, article_id)
    _refuse_duplicate(article, data.prompt, data.answer)
    question = Question(
        article=article,
        type="teacher",
        origin="teacher",
        status="published" if publish else "draft",
        position=len(active_questions(article)) + 1,
        score=0.0,
    )
    _apply(question, data)
    db.session.add(question)
    renumber_questions(article)
    db.session.commit()
    return question


def question_key(prompt: str, answer: str) -> tuple[str, str]:
    """What makes two questions the same: the prompt's words and the answer's meaning."""
    words = " ".join(re.sub(r"[^\w\s]", " ", prompt.casefold()).split())
    return words, _answer_key(answer.strip())


def _refuse_duplicate(
    article: Article, prompt: str, answer: str, *, ignore: Question | None = None
) -> None:
    """Raise InvalidQuestionError when the article's quiz already has this question."""
    key = question_key(prompt, answer)
    for number, other in enumerate(active_questions(article), start=1):
        if other is not ignore and question_key(other.prompt, other.answer) == key:
            raise _invalid(
                "prompt",
                f"Question {number} of this article already asks this, with the same answer. "
                f"Change the question or its answer, or edit question {number} instead.",
            )


def update_question(user: User, article_id: int, question_id: int, data: QuestionInput) -> int:
    """Replace a question's wording, answers and choices (its status stays).

    Quizzes in progress follow the edit (see `refresh_open_responses`); returns how many of
    their saved answers had to be cleared because the chosen choice no longer exists.
    """
    question = editable_question(user, article_id, question_id)
    _refuse_duplicate(question.article, data.prompt, data.answer, ignore=question)
    _apply(question, data)
    cleared = refresh_open_responses(question)
    db.session.commit()
    return cleared


def _apply(question: Question, data: QuestionInput) -> None:
    """Copy checked fields onto a row."""
    question.format = data.format
    question.prompt = data.prompt
    question.answer = data.answer
    question.accepted = list(data.accepted)
    question.choices = list(data.choices)
    question.evidence = data.evidence
    question.tolerance = data.tolerance if data.format == "numeric" else None


def set_question_published(
    user: User, article_id: int, question_id: int, published: bool
) -> Question:
    """Show a question to students, or take it back to draft."""
    question = editable_question(user, article_id, question_id)
    question.status = "published" if published else "draft"
    db.session.commit()
    return question


def delete_question(user: User, article_id: int, question_id: int) -> bool:
    """Delete a question; one that students answered is archived instead (returns False)."""
    question = editable_question(user, article_id, question_id)
    answered = db.session.scalar(
        select(func.count(Response.id)).where(Response.question_id == question.id)
    )
    if answered:
        question.status = "archived"
        db.session.commit()
        return False
    db.session.delete(question)
    db.session.commit()
    return True


def _refuse_archived(question: Question) -> None:
    if question.status == "rejected":
        raise QuestionRejectedError("That question was rejected; restore it first to change it.")
    if question.status == "archived":
        raise QuestionArchivedError("That question was deleted and can no longer change.")
