"""Results computed in SQL: scores per student, completion, distractors and every attempt.

Every function here issues a fixed number of statements, whatever the number of students:
aggregates and window functions do the per-student work inside the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from math import ceil
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    Subquery,
    case,
    cast,
    distinct,
    exists,
    func,
    select,
)
from sqlalchemy.orm import selectinload

from quizapp.classes.services import as_utc, owned_assignment, owned_class
from quizapp.extensions import db
from quizapp.generation.normalize import normalize
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Membership,
    Question,
    Response,
    SchoolClass,
    User,
)
from quizapp.scores.services import percentage
from quizapp.teacher.services import NotFoundError, managed_article

SORTS = ("name", "best", "attempts", "last")
DEFAULT_SORT = "name"
# Typed wrong answers listed per short-answer question.
TOP_WRONG = 3


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose attempts a results page counts: one class's students, or all the teacher may see."""

    article: Article
    school_class: SchoolClass | None
    # A condition on Attempt.user_id; None means every student (the teacher's own article).
    condition: ColumnElement[bool] | None

    def where(self) -> list[ColumnElement[bool]]:
        """The WHERE terms selecting the scope's submitted attempts at the article."""
        terms = [Attempt.article_id == self.article.id, Attempt.submitted_at.is_not(None)]
        return [*terms, self.condition] if self.condition is not None else terms


@dataclass(frozen=True, slots=True)
class StudentRow:
    """One student's submitted attempts at an article, summarised."""

    user_id: int
    name: str
    email: str
    attempts: int
    best_score: int
    best_max: int
    last_score: int
    last_max: int
    last_submitted: datetime | None

    @property
    def best_percent(self) -> int | None:
        """The best score as a whole percentage."""
        return percentage(self.best_score, self.best_max)

    @property
    def last_percent(self) -> int | None:
        """The latest score as a whole percentage."""
        return percentage(self.last_score, self.last_max)


@dataclass(frozen=True, slots=True)
class StudentPage:
    """One page of the student table, in the requested order."""

    rows: list[StudentRow]
    total: int
    page: int
    per_page: int
    sort: str
    descending: bool

    @property
    def pages(self) -> int:
        """How many pages the table has (at least one)."""
        return max(1, ceil(self.total / self.per_page))


@dataclass(frozen=True, slots=True)
class ChoiceCount:
    """How often one answer was given to a question."""

    text: str
    count: int
    right: bool
    percent: int | None


@dataclass(frozen=True, slots=True)
class QuestionStat:
    """Percent right and the distribution of answers for one question."""

    question: Question
    seen: int
    answered: int
    correct: int
    choices: list[ChoiceCount] = field(default_factory=list)  # choice questions
    other: int = 0  # choice answers no longer among the choices (edited since)
    wrong_answers: list[ChoiceCount] = field(default_factory=list)  # short answers, grouped

    @property
    def percent_correct(self) -> int | None:
        """Right answers as a whole percentage of the attempts that had the question."""
        return round(100 * self.correct / self.seen) if self.seen else None

    @property
    def top_wrong(self) -> ChoiceCount | None:
        """The most popular wrong answer (the strongest distractor)."""
        wrong = [c for c in self.choices if not c.right and c.count] or self.wrong_answers
        return max(wrong, key=lambda c: c.count, default=None)


@dataclass(frozen=True, slots=True)
class Totals:
    """Submitted attempts and distinct students in the scope."""

    attempts: int
    students: int


@dataclass(frozen=True, slots=True)
class NotSubmitted:
    """A roster member with no submitted attempt at the article."""

    user_id: int
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class ResultsPage:
    """Everything a results page shows."""

    scope: Scope
    totals: Totals
    students: StudentPage
    questions: list[QuestionStat]
    not_submitted: list[NotSubmitted] | None  # None when no class is chosen
    roster_size: int | None
    classes: list[SchoolClass]
    assignment: Assignment | None = None


# ---------------------------------------------------------------- scope


def _teacher_students(user: User) -> ColumnElement[bool]:
    members = (
        select(Membership.user_id)
        .join(SchoolClass, SchoolClass.id == Membership.class_id)
        .where(SchoolClass.teacher_id == user.id)
    )
    return Attempt.user_id.in_(members)


def _class_students(school_class: SchoolClass) -> ColumnElement[bool]:
    members = select(Membership.user_id).where(Membership.class_id == school_class.id)
    return Attempt.user_id.in_(members)


def scope_for(user: User, article_id: int, class_id: int | None = None) -> Scope:
    """What the teacher may see of an article's results, optionally narrowed to one class.

    On their own article a teacher sees every student; on a shared (seeded) article only the
    students of their classes. A class must be the teacher's own (else NotFoundError).
    """
    article = managed_article(user, article_id)
    if class_id is not None:
        school_class = owned_class(user, class_id)
        return Scope(article, school_class, _class_students(school_class))
    if article.owner_id == user.id:
        return Scope(article, None, None)
    return Scope(article, None, _teacher_students(user))


# ---------------------------------------------------------------- students


def _ratio() -> ColumnElement[float]:
    """An attempt's share of the maximum (0 to 1), as every "best attempt" ranks by."""
    return case((Attempt.max_score > 0, cast(Attempt.score, Float) / Attempt.max_score), else_=0.0)


def _ranked(scope: Scope, users: Select[tuple[int]] | None = None) -> Subquery:
    """The scope's submitted attempts (of `users` only, if given), numbered per student from
    the best and from the newest."""
    ratio = _ratio()
    query = select(
        Attempt.id.label("attempt_id"),
        Attempt.user_id.label("user_id"),
        Attempt.score.label("score"),
        Attempt.max_score.label("max_score"),
        Attempt.submitted_at.label("submitted_at"),
        func.row_number()
        .over(
            partition_by=Attempt.user_id,
            order_by=(ratio.desc(), Attempt.score.desc(), Attempt.submitted_at, Attempt.id),
        )
        .label("best_rank"),
        func.row_number()
        .over(
            partition_by=Attempt.user_id,
            order_by=(Attempt.submitted_at.desc(), Attempt.id.desc()),
        )
        .label("last_rank"),
    ).where(*scope.where())
    if users is not None:
        query = query.where(Attempt.user_id.in_(users))
    return query.subquery("ranked")


def totals(scope: Scope) -> Totals:
    """Submitted attempts and students in the scope (one statement)."""
    attempts, students = db.session.execute(
        select(func.count(Attempt.id), func.count(distinct(Attempt.user_id))).where(*scope.where())
    ).one()
    return Totals(attempts=int(attempts), students=int(students))


def student_page(
    scope: Scope,
    *,
    sort: str = DEFAULT_SORT,
    descending: bool = False,
    page: int = 1,
    per_page: int = 50,
    total: int,
) -> StudentPage:
    """One page of students with attempts, best and latest score (one statement).

    Plain aggregates pick and order the page's students (`chosen`); only their attempts are
    then ranked to find each one's best and latest score, so the window sorts stay page-sized.
    """
    sort = sort if sort in SORTS else DEFAULT_SORT
    per_student = (
        select(
            Attempt.user_id.label("user_id"),
            func.count(Attempt.id).label("attempts"),
            func.max(_ratio()).label("best_ratio"),
            func.max(Attempt.submitted_at).label("last_submitted"),
        )
        .where(*scope.where())
        .group_by(Attempt.user_id)
        .subquery("per_student")
    )
    name = func.lower(User.display_name)
    pages = max(1, ceil(total / per_page))
    page = min(max(page, 1), pages)
    chosen = (
        select(
            User.id.label("user_id"),
            User.display_name.label("display_name"),
            User.email.label("email"),
            name.label("sort_name"),
            per_student.c.attempts,
            per_student.c.best_ratio,
            per_student.c.last_submitted,
        )
        .join(per_student, per_student.c.user_id == User.id)
        .order_by(*_student_order(per_student.c, name, User.id, sort, descending))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .cte("chosen")
    )
    ranked = _ranked(scope, select(chosen.c.user_id))
    is_best, is_last = ranked.c.best_rank == 1, ranked.c.last_rank == 1
    rows = db.session.execute(
        select(
            chosen.c.user_id,
            chosen.c.display_name,
            chosen.c.email,
            chosen.c.attempts,
            func.max(case((is_best, ranked.c.score))),
            func.max(case((is_best, ranked.c.max_score))),
            func.max(case((is_last, ranked.c.score))),
            func.max(case((is_last, ranked.c.max_score))),
            chosen.c.last_submitted,
        )
        .select_from(chosen)
        .join(ranked, ranked.c.user_id == chosen.c.user_id)
        .group_by(*chosen.c)
        .order_by(*_student_order(chosen.c, chosen.c.sort_name, chosen.c.user_id, sort, descending))
    )
    students = [
        StudentRow(
            user_id=user_id,
            name=display_name,
            email=email,
            attempts=int(attempts),
            best_score=int(best_score or 0),
            best_max=int(best_max),
            last_score=int(last_score or 0),
            last_max=int(last_max),
            last_submitted=as_utc(submitted),
        )
        for (
            user_id,
            display_name,
            email,
            attempts,
            best_score,
            best_max,
            last_score,
            last_max,
            submitted,
        ) in rows
    ]
    return StudentPage(students, total, page, per_page, sort, descending)


def _student_order(
    columns: Any, name: ColumnElement[str], user_id: ColumnElement[int], sort: str, descending: bool
) -> tuple[ColumnElement[Any], ...]:
    """ORDER BY terms for the student table: the chosen key, then name and id to break ties."""
    key = {
        "name": name,
        "best": columns.best_ratio,
        "attempts": columns.attempts,
        "last": columns.last_submitted,
    }[sort]
    return (key.desc() if descending else key, name, user_id)


def not_submitted(scope: Scope) -> list[NotSubmitted]:
    """The chosen class's students with no submitted attempt at the article (one statement)."""
    if scope.school_class is None:
        return []
    # NOT IN an uncorrelated subquery: computed once, not once per roster member.
    submitted = select(Attempt.user_id).where(
        Attempt.article_id == scope.article.id, Attempt.submitted_at.is_not(None)
    )
    rows = db.session.execute(
        select(User.id, User.display_name, User.email)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.class_id == scope.school_class.id, User.id.not_in(submitted))
        .order_by(func.lower(User.display_name), User.id)
    )
    return [NotSubmitted(*row) for row in rows]


def roster_size(school_class: SchoolClass) -> int:
    """How many students a class has."""
    return int(
        db.session.scalar(
            select(func.count(Membership.id)).where(Membership.class_id == school_class.id)
        )
        or 0
    )


# ---------------------------------------------------------------- questions


def _answer_key(text: str) -> str:
    """What makes two typed answers the same ("the U.S." = "United States", "China " = "china")."""
    return normalize(text) or text.casefold()


def question_stats(scope: Scope) -> list[QuestionStat]:
    """Percent right and answer counts per question: one aggregate query over the responses."""
    questions = list(
        db.session.scalars(
            select(Question)
            .where(Question.article_id == scope.article.id)
            .order_by(Question.position, Question.id)
        )
    )
    counts: dict[int, list[tuple[str | None, bool | None, int]]] = {}
    for question_id, answer, correct, count in db.session.execute(
        # From the article's questions through ix_responses_question_answer, so the answers
        # are read from the index in group order.
        select(Question.id, Response.answer, Response.correct, func.count())
        .join(Response, Response.question_id == Question.id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Question.article_id == scope.article.id, *scope.where())
        .group_by(Question.id, Response.answer, Response.correct)
    ):
        counts.setdefault(question_id, []).append((answer, correct, int(count)))
    return [
        _question_stat(question, counts.get(question.id, []))
        for question in questions
        if question.status == "published" or question.id in counts
    ]


def _percent(count: int, seen: int) -> int | None:
    return round(100 * count / seen) if seen else None


def _question_stat(
    question: Question, rows: list[tuple[str | None, bool | None, int]]
) -> QuestionStat:
    """Fold one question's (answer, correct, count) groups into its statistics."""
    seen = sum(count for _, _, count in rows)
    given = [(" ".join(a.split()), right, n) for a, right, n in rows if a and a.strip()]
    answered = sum(n for _, _, n in given)
    correct = sum(count for _, right, count in rows if right)
    if question.choices:
        picked: Counter[str] = Counter()
        for answer, _, count in given:
            picked[answer] += count
        choices = [
            ChoiceCount(text, picked[text], text == question.answer, _percent(picked[text], seen))
            for text in question.choices
        ]
        other = answered - sum(choice.count for choice in choices)
        return QuestionStat(question, seen, answered, correct, choices, other=other)
    groups: dict[str, Counter[str]] = {}
    for answer, right, count in given:
        if not right:
            groups.setdefault(_answer_key(answer), Counter())[answer] += count
    wrong = sorted(
        (
            ChoiceCount(
                group.most_common(1)[0][0], group.total(), False, _percent(group.total(), seen)
            )
            for group in groups.values()
        ),
        key=lambda choice: (-choice.count, choice.text.casefold()),
    )
    return QuestionStat(question, seen, answered, correct, wrong_answers=wrong[:TOP_WRONG])


# ---------------------------------------------------------------- pages


def results_page(
    user: User,
    article_id: int,
    *,
    class_id: int | None = None,
    sort: str = DEFAULT_SORT,
    descending: bool = False,
    page: int = 1,
    per_page: int = 50,
) -> ResultsPage:
    """The results of an article: everyone the teacher may see, or one class of theirs."""
    scope = scope_for(user, article_id, class_id)
    return _page(user, scope, sort=sort, descending=descending, page=page, per_page=per_page)


def assignment_results(
    user: User,
    assignment_id: int,
    *,
    sort: str = DEFAULT_SORT,
    descending: bool = False,
    page: int = 1,
    per_page: int = 50,
) -> ResultsPage:
    """The results of one assignment: its class's students on its article."""
    assignment = owned_assignment(user, assignment_id)
    scope = scope_for(user, assignment.article_id, assignment.class_id)
    return _page(
        user,
        scope,
        sort=sort,
        descending=descending,
        page=page,
        per_page=per_page,
        assignment=assignment,
    )


def _page(
    user: User,
    scope: Scope,
    *,
    sort: str,
    descending: bool,
    page: int,
    per_page: int,
    assignment: Assignment | None = None,
) -> ResultsPage:
    counted = totals(scope)
    classes = list(
        db.session.scalars(
            select(SchoolClass)
            .where(SchoolClass.teacher_id == user.id)
            .order_by(func.lower(SchoolClass.name), SchoolClass.id)
        )
    )
    students = student_page(
        scope,
        sort=sort,
        descending=descending,
        page=page,
        per_page=per_page,
        total=counted.students,
    )
    missing = not_submitted(scope) if scope.school_class is not None else None
    size = len(missing) + counted.students if missing is not None else None
    return ResultsPage(
        scope=scope,
        totals=counted,
        students=students,
        questions=question_stats(scope),
        not_submitted=missing,
        roster_size=size,
        classes=classes,
        assignment=assignment,
    )


# ---------------------------------------------------------------- one student


@dataclass(frozen=True, slots=True)
class StudentAttempts:
    """Every attempt of one student at an article, answers included."""

    article: Article
    student: User
    attempts: list[Attempt]  # newest first, responses and questions loaded


def student_attempts(user: User, article_id: int, student_id: int) -> StudentAttempts:
    """One student's attempts with their answers, for a teacher allowed to see them.

    The teacher must manage the article and the student must be in one of the teacher's
    classes or have taken the teacher's own article; otherwise NotFoundError.
    """
    scope = scope_for(user, article_id)
    student = db.session.get(User, student_id)
    if student is None or student.is_teacher:
        raise NotFoundError(f"There is no student {student_id}.")
    condition = Attempt.user_id == student.id
    query = (
        select(Attempt)
        .where(Attempt.article_id == scope.article.id, condition)
        .options(selectinload(Attempt.responses).joinedload(Response.question))
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    if scope.condition is not None:
        query = query.where(scope.condition)
    attempts = list(db.session.scalars(query))
    if not attempts:
        in_classes = db.session.scalar(
            select(
                exists().where(
                    Membership.user_id == student.id,
                    Membership.class_id.in_(
                        select(SchoolClass.id).where(SchoolClass.teacher_id == user.id)
                    ),
                )
            )
        )
        if not in_classes:
            raise NotFoundError(f"Student {student_id} has no results you may see here.")
    return StudentAttempts(scope.article, student, attempts)


# ---------------------------------------------------------------- exports


@dataclass(frozen=True, slots=True)
class AttemptLine:
    """One attempt of the CSV export of attempts."""

    name: str
    email: str
    attempt_id: int
    started_at: datetime | None
    submitted_at: datetime | None
    score: int | None
    max_score: int


@dataclass(frozen=True, slots=True)
class ResponseLine:
    """One student × question of the CSV export (from the student's best attempt)."""

    name: str
    email: str
    attempt_id: int
    position: int
    prompt: str
    answer: str | None
    correct: bool | None
    expected: str


def attempt_lines(scope: Scope) -> list[AttemptLine]:
    """Every attempt in the scope, submitted or not, by student then time (one statement)."""
    terms = [Attempt.article_id == scope.article.id]
    if scope.condition is not None:
        terms.append(scope.condition)
    rows = db.session.execute(
        select(
            User.display_name,
            User.email,
            Attempt.id,
            Attempt.started_at,
            Attempt.submitted_at,
            Attempt.score,
            Attempt.max_score,
        )
        .join(User, User.id == Attempt.user_id)
        .where(*terms)
        .order_by(func.lower(User.display_name), User.id, Attempt.started_at, Attempt.id)
    )
    return [
        AttemptLine(name, email, aid, as_utc(started), as_utc(submitted), score, max_score)
        for name, email, aid, started, submitted, score, max_score in rows
    ]


def response_lines(scope: Scope) -> list[ResponseLine]:
    """Each student's best submitted attempt, one line per question (one statement)."""
    ranked = _ranked(scope)
    rows = db.session.execute(
        select(
            User.display_name,
            User.email,
            ranked.c.attempt_id,
            Response.position,
            Question.prompt,
            Response.answer,
            Response.correct,
            func.coalesce(Response.expected, Question.answer),
        )
        .select_from(ranked)
        .join(User, User.id == ranked.c.user_id)
        .join(Response, Response.attempt_id == ranked.c.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .where(ranked.c.best_rank == 1)
        .order_by(func.lower(User.display_name), User.id, Response.position)
    )
    return [ResponseLine(*row) for row in rows]
