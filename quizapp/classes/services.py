"""Class services: classes and join codes, rosters, assignments and what each student is set."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import Select, and_, bindparam, case, exists, func, select
from sqlalchemy.exc import IntegrityError

from quizapp.classes.codes import new_code, normalize_code
from quizapp.extensions import db
from quizapp.models import (
    CLASS_NAME_MAX,
    Article,
    Assignment,
    Attempt,
    Membership,
    SchoolClass,
    User,
    utcnow,
)
from quizapp.teacher.services import can_manage

CODE_TRIES = 10
# A due date given without a time means the end of that day in the school's time zone.
END_OF_DAY = time(23, 59)


class ClassesError(Exception):
    """Base class of the classes area's domain errors."""


class NotFoundError(ClassesError):
    """No such class or assignment, or one this user does not own (never says which)."""


class PermissionDeniedError(ClassesError):
    """The user may not do this (a student creating a class, a teacher joining one)."""


class InvalidClassError(ClassesError):
    """The class name cannot be used."""


class WrongCodeError(ClassesError):
    """No class has that join code."""


class InvalidAssignmentError(ClassesError):
    """The assignment's article, classes or due date cannot be used."""


@dataclass(frozen=True, slots=True)
class ClassSummary:
    """One line of a teacher's list of classes."""

    school_class: SchoolClass
    students: int
    assignments: int


@dataclass(frozen=True, slots=True)
class AssignmentProgress:
    """An assignment with how many of the class's students have submitted it."""

    assignment: Assignment
    class_name: str
    article_title: str
    students: int
    submitted: int

    @property
    def percent(self) -> int | None:
        """Submitted students as a whole percentage of the roster."""
        return round(100 * self.submitted / self.students) if self.students else None


@dataclass(frozen=True, slots=True)
class StudentAssignment:
    """One assignment as a student sees it (done-ness comes from their article summary)."""

    assignment_id: int
    article_id: int
    class_name: str
    due_at: datetime | None


# ---------------------------------------------------------------- time


def as_utc(moment: datetime | None) -> datetime | None:
    """An aware UTC timestamp; SQLite hands back naive datetimes that are UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def due_from_local(day: date | None, at: time | None, zone: tzinfo) -> datetime | None:
    """The UTC moment of a due date typed in the school's time zone (None when no date)."""
    if day is None:
        if at is not None:
            raise InvalidAssignmentError("Give a due date with the due time.")
        return None
    local = datetime.combine(day, at or END_OF_DAY).replace(tzinfo=zone)
    return local.astimezone(UTC)


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    """Whether a due time has passed."""
    due = as_utc(due_at)
    return due is not None and due < now


# ---------------------------------------------------------------- classes


def _require_teacher(user: User) -> None:
    if not user.is_teacher:
        raise PermissionDeniedError("Only teachers have classes.")


def _check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InvalidClassError("Give the class a name.")
    if len(name) > CLASS_NAME_MAX:
        raise InvalidClassError(f"Keep the class name under {CLASS_NAME_MAX} characters.")
    return name


def owned_class(user: User, class_id: int) -> SchoolClass:
    """The teacher's own class; anything else (unknown, another's) is NotFoundError."""
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or school_class.teacher_id != user.id or not user.is_teacher:
        raise NotFoundError(f"There is no class {class_id}.")
    return school_class


def teacher_classes(user: User) -> list[ClassSummary]:
    """The teacher's classes by name, with roster and assignment counts (one query)."""
    students = (
        select(func.count(Membership.id))
        .where(Membership.class_id == SchoolClass.id)
        .correlate(SchoolClass)
        .scalar_subquery()
    )
    assignments = (
        select(func.count(Assignment.id))
        .where(Assignment.class_id == SchoolClass.id)
        .correlate(SchoolClass)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(SchoolClass, students, assignments)
        .where(SchoolClass.teacher_id == user.id)
        .order_by(func.lower(SchoolClass.name), SchoolClass.id)
    )
    return [ClassSummary(row[0], row[1], row[2]) for row in rows]


def _unique_code() -> str:
    """A join code no class uses yet (the unique constraint still guards the race)."""
    for _ in range(CODE_TRIES):
        code = new_code()
        if not db.session.scalar(select(exists().where(SchoolClass.join_code == code))):
            return code
    raise RuntimeError("could not find a free join code")  # 25^8 codes: never in practice


def _commit_with_fresh_code(school_class: SchoolClass) -> None:
    """Commit, drawing another code if a concurrent request took the same one."""
    for _ in range(CODE_TRIES):
        try:
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()
            db.session.add(school_class)
            school_class.join_code = _unique_code()
    raise RuntimeError("could not store a unique join code")


def create_class(user: User, name: str) -> SchoolClass:
    """Make a class for the teacher, with a fresh join code."""
    _require_teacher(user)
    school_class = SchoolClass(teacher_id=user.id, name=_check_name(name), join_code=_unique_code())
    db.session.add(school_class)
    _commit_with_fresh_code(school_class)
    return school_class


def rename_class(user: User, class_id: int, name: str) -> SchoolClass:
    """Give the teacher's class a new name."""
    school_class = owned_class(user, class_id)
    school_class.name = _check_name(name)
    db.session.commit()
    return school_class


def delete_class(user: User, class_id: int) -> str:
    """Delete the class, its roster and its assignments (attempts stay); return its name."""
    school_class = owned_class(user, class_id)
    name = school_class.name
    db.session.delete(school_class)
    db.session.commit()
    return name


def regenerate_code(user: User, class_id: int) -> str:
    """Give the class a new join code; the old one stops working at once."""
    school_class = owned_class(user, class_id)
    school_class.join_code = _unique_code()
    _commit_with_fresh_code(school_class)
    return school_class.join_code


def join_class(user: User, typed_code: str) -> tuple[SchoolClass, bool]:
    """Put a student in the class with that code; returns it and whether they were new."""
    if user.is_teacher:
        raise PermissionDeniedError("Teachers do not join classes; students do.")
    code = normalize_code(typed_code)
    school_class = (
        db.session.scalars(select(SchoolClass).where(SchoolClass.join_code == code)).first()
        if code
        else None
    )
    if school_class is None:
        raise WrongCodeError("No class has that code. Check it with your teacher and try again.")
    already = db.session.scalar(
        select(
            exists().where(Membership.class_id == school_class.id, Membership.user_id == user.id)
        )
    )
    if already:
        return school_class, False
    db.session.add(Membership(class_id=school_class.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # a double click: the unique membership already holds
        db.session.rollback()
        return school_class, False
    return school_class, True


def student_classes(user: User) -> list[SchoolClass]:
    """The classes a student has joined, by name."""
    return list(
        db.session.scalars(
            select(SchoolClass)
            .join(Membership, Membership.class_id == SchoolClass.id)
            .where(Membership.user_id == user.id)
            .order_by(func.lower(SchoolClass.name), SchoolClass.id)
        )
    )


def roster(school_class: SchoolClass) -> list[User]:
    """The class's students by name."""
    return list(
        db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.class_id == school_class.id)
            .order_by(func.lower(User.display_name), User.id)
        )
    )


def remove_student(user: User, class_id: int, student_id: int) -> User:
    """Take a student off the teacher's class roster (their attempts stay); return them."""
    school_class = owned_class(user, class_id)
    membership = db.session.scalars(
        select(Membership).where(
            Membership.class_id == school_class.id, Membership.user_id == student_id
        )
    ).first()
    if membership is None:
        raise NotFoundError(f"Student {student_id} is not in class {class_id}.")
    student = membership.user
    db.session.delete(membership)
    db.session.commit()
    return student


# ---------------------------------------------------------------- assignments


def assignable_articles(user: User) -> list[Article]:
    """The published articles a teacher may assign: their own and the seeded ones."""
    if not user.is_teacher:
        return []
    return list(
        db.session.scalars(
            select(Article)
            .where(
                Article.published.is_(True),
                (Article.owner_id == user.id) | Article.owner_id.is_(None),
            )
            .order_by(func.lower(Article.title), Article.id)
        )
    )


def assign(
    user: User, article_id: int, class_ids: Iterable[int], due_at: datetime | None
) -> list[Assignment]:
    """Set a published article for some of the teacher's classes, with one due time.

    A class that already has the article keeps its assignment with the new due time.
    """
    _require_teacher(user)
    article = db.session.get(Article, article_id)
    if article is None or not can_manage(user, article) or not article.published:
        raise InvalidAssignmentError("Choose one of your published articles.")
    wanted = sorted(set(class_ids))
    if not wanted:
        raise InvalidAssignmentError("Choose at least one class.")
    classes = list(
        db.session.scalars(
            select(SchoolClass).where(SchoolClass.id.in_(wanted), SchoolClass.teacher_id == user.id)
        )
    )
    if len(classes) != len(wanted):
        raise InvalidAssignmentError("Choose among your own classes.")
    existing = {
        assignment.class_id: assignment
        for assignment in db.session.scalars(
            select(Assignment).where(
                Assignment.article_id == article.id, Assignment.class_id.in_(wanted)
            )
        )
    }
    assignments = []
    for school_class in classes:
        assignment = existing.get(school_class.id) or Assignment(
            class_id=school_class.id, article_id=article.id
        )
        assignment.due_at = due_at
        db.session.add(assignment)
        assignments.append(assignment)
    db.session.commit()
    return assignments


def owned_assignment(user: User, assignment_id: int) -> Assignment:
    """An assignment of one of the teacher's classes, else NotFoundError."""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or not user.is_teacher or assignment.school_class.teacher_id != user.id:
        raise NotFoundError(f"There is no assignment {assignment_id}.")
    return assignment


def unassign(user: User, class_id: int, assignment_id: int) -> Assignment:
    """Withdraw an assignment from the teacher's class (the attempts stay)."""
    school_class = owned_class(user, class_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.class_id != school_class.id:
        raise NotFoundError(f"Class {class_id} has no assignment {assignment_id}.")
    db.session.delete(assignment)
    db.session.commit()
    return assignment


def _progress_query() -> Select[tuple[Assignment, str, str, int, int]]:
    """Assignments with class name, article title, roster size and submitted count."""
    done = exists().where(
        Attempt.user_id == Membership.user_id,
        Attempt.article_id == Assignment.article_id,
        Attempt.submitted_at.is_not(None),
    )
    return (
        select(
            Assignment,
            SchoolClass.name,
            Article.title,
            func.count(Membership.id),
            func.count(case((done, Membership.id))),
        )
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .join(Article, Article.id == Assignment.article_id)
        .outerjoin(Membership, Membership.class_id == Assignment.class_id)
        .group_by(Assignment.id, SchoolClass.name, Article.title)
    )


def _progress(rows: Iterable[tuple[Assignment, str, str, int, int]]) -> list[AssignmentProgress]:
    return [AssignmentProgress(*row) for row in rows]


def class_assignments(school_class: SchoolClass) -> list[AssignmentProgress]:
    """A class's assignments with their completion, soonest due first (one query)."""
    query = _progress_query().where(Assignment.class_id == school_class.id)
    order = (Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
    return _progress(db.session.execute(query.order_by(*order)))


def assignments_due(user: User, start: datetime, end: datetime) -> list[AssignmentProgress]:
    """The teacher's assignments due between start and end, soonest first (one query)."""
    query = _progress_query().where(
        SchoolClass.teacher_id == user.id,
        Assignment.due_at >= start,
        Assignment.due_at < end,
    )
    return _progress(db.session.execute(query.order_by(Assignment.due_at, Assignment.id)))


# Read on every articles list a student opens: built once, the student a bound parameter.
_STUDENT_ASSIGNMENTS = (
    select(Assignment.id, Assignment.article_id, SchoolClass.name, Assignment.due_at)
    .join(SchoolClass, SchoolClass.id == Assignment.class_id)
    .join(
        Membership,
        and_(Membership.class_id == SchoolClass.id, Membership.user_id == bindparam("user_id")),
    )
    .join(Article, Article.id == Assignment.article_id)
    .where(Article.published.is_(True))
    .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
)


def student_assignments(user: User) -> list[StudentAssignment]:
    """What the student's classes have set them, on published articles (one query)."""
    rows = db.session.execute(_STUDENT_ASSIGNMENTS, {"user_id": user.id})
    return [
        StudentAssignment(assignment_id, article_id, class_name, as_utc(due_at))
        for assignment_id, article_id, class_name, due_at in rows
    ]


def week_window(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """From the start of today (school time) to seven days later, in UTC."""
    local_today = now.astimezone(zone).date()
    start = datetime.combine(local_today, time(0, 0)).replace(tzinfo=zone).astimezone(UTC)
    return start, start + timedelta(days=7)


def now_utc() -> datetime:
    """The current time, aware, in UTC (a seam for tests)."""
    return utcnow()
