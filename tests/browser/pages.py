"""Every page of the site that the accessibility test checks, in one list, with the data it needs.

To check a new page, add a `SitePage` to `PAGES`; when its URL needs an id that `build_site`
does not make yet, make it there and add it to `SiteIds`. A test fails when a GET route of the
app is in neither `PAGES` nor `NOT_PAGES`, so a new page cannot be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from quizapp.classes.codes import new_code
from quizapp.extensions import db
from quizapp.models import Article, Assignment, Membership, Question, SchoolClass, User, utcnow
from quizapp.quiz import services as quiz

VISITOR, STUDENT, TEACHER = "visitor", "student", "teacher"
UNKNOWN_ID = 987_654
# GET routes that are not pages a person reads: files, a redirect-only home, the health check.
NOT_PAGES = {
    "static",
    "bootstrap.static",
    "main.healthz",
    "results.attempts_csv",
    "results.responses_csv",
    "teacher.export_gift",
    "teacher.export_moodle_xml",
}


@dataclass(frozen=True)
class SitePage:
    """One page: a name for messages, who looks at it, and its URL with `{id}` placeholders."""

    name: str
    who: str
    path: str

    def url(self, ids: SiteIds) -> str:
        """The page's URL with the real ids of `build_site` filled in."""
        return self.path.format(**asdict(ids))


@dataclass(frozen=True)
class SiteIds:
    """Ids of the records `build_site` makes, named as the `{placeholders}` of `PAGES`."""

    seed_article: int
    teacher_article: int
    teacher_question: int
    open_attempt: int
    open_attempt_length: int
    submitted_attempt: int
    school_class: int
    assignment: int
    student: int
    unknown: int = UNKNOWN_ID


PAGES: list[SitePage] = [
    SitePage("home (articles)", VISITOR, "/"),
    SitePage("articles, logged out", VISITOR, "/quiz/"),
    SitePage("log in", VISITOR, "/auth/login"),
    SitePage("register", VISITOR, "/auth/register"),
    SitePage("articles", STUDENT, "/quiz/"),
    SitePage("article", STUDENT, "/quiz/articles/{seed_article}"),
    SitePage("question (answered)", STUDENT, "/quiz/attempts/{open_attempt}/questions/1"),
    SitePage("question (unanswered)", STUDENT, "/quiz/attempts/{open_attempt}/questions/2"),
    SitePage(
        "question (the last)",
        STUDENT,
        "/quiz/attempts/{open_attempt}/questions/{open_attempt_length}",
    ),
    SitePage("submit confirmation", STUDENT, "/quiz/attempts/{open_attempt}/finish"),
    SitePage("result", STUDENT, "/quiz/attempts/{submitted_attempt}"),
    SitePage("my scores", STUDENT, "/scores/"),
    SitePage("change password", STUDENT, "/auth/password"),
    SitePage("join a class", STUDENT, "/classes/join"),
    SitePage("error page (404)", STUDENT, "/quiz/articles/{unknown}"),
    SitePage("teacher home", TEACHER, "/teacher/"),
    SitePage("new article", TEACHER, "/teacher/articles/new"),
    SitePage("article review", TEACHER, "/teacher/articles/{teacher_article}"),
    SitePage("new question", TEACHER, "/teacher/articles/{teacher_article}/questions/new"),
    SitePage(
        "edit question",
        TEACHER,
        "/teacher/articles/{teacher_article}/questions/{teacher_question}/edit",
    ),
    SitePage(
        "delete confirmation",
        TEACHER,
        "/teacher/articles/{teacher_article}/questions/{teacher_question}/delete",
    ),
    SitePage("results", TEACHER, "/teacher/articles/{teacher_article}/results"),
    SitePage("article results", TEACHER, "/results/articles/{teacher_article}"),
    # One class's results (as with ?class_id=): who has not submitted, completion.
    SitePage("assignment results", TEACHER, "/results/assignments/{assignment}"),
    SitePage(
        "a student's attempts",
        TEACHER,
        "/results/articles/{teacher_article}/students/{student}",
    ),
    SitePage("classes", TEACHER, "/classes/"),
    SitePage("class", TEACHER, "/classes/{school_class}"),
    SitePage("delete class confirmation", TEACHER, "/classes/{school_class}/delete"),
    SitePage("assign", TEACHER, "/classes/assign"),
    SitePage("item statistics", TEACHER, "/teacher/articles/{teacher_article}/statistics"),
    SitePage(
        "replace a question",
        TEACHER,
        "/teacher/articles/{teacher_article}/questions/{teacher_question}/replace",
    ),
    SitePage("import GIFT", TEACHER, "/teacher/articles/{teacher_article}/import"),
    SitePage("article preview", TEACHER, "/quiz/articles/{teacher_article}"),
]

TEACHER_QUESTIONS = [
    {
        "format": "multiple_choice",
        "prompt": "Which city opened the new library?",
        "answer": "Springfield",
        "choices": ["Springfield", "Shelbyville", "Capital City", "Ogdenville"],
        "evidence": "The city of Springfield opened a new public library on Monday.",
    },
    {
        "format": "short_answer",
        "prompt": "How many books does the library hold?",
        "answer": "80,000",
        "accepted": ["eighty thousand"],
        "evidence": "The library holds 80,000 books.",
    },
    {
        "format": "true_false",
        "prompt": "True or false: the library closes at 5 p.m. on weekdays.",
        "answer": "False",
        "choices": ["True", "False"],
        "evidence": "The building would stay open until 9 p.m. on weekdays.",
    },
]
TEACHER_TEXT = (
    "The city of Springfield opened a new public library on Monday, Mayor Ana Lopez said.\n\n"
    "The library cost 12 million dollars and holds 80,000 books, according to the city council."
    "\n\nLopez said the building would stay open until 9 p.m. on weekdays so that students can "
    "study there."
)


def make_teacher_article(teacher: User) -> Article:
    """A published article of the teacher's: multiple choice, short answer, true/false."""
    article = Article(
        title=f"Springfield opens a library ({teacher.id})",
        original_text=TEACHER_TEXT,
        text=TEACHER_TEXT,
        owner_id=teacher.id,
        published=True,
    )
    for position, spec in enumerate(TEACHER_QUESTIONS, start=1):
        article.questions.append(
            Question(type="teacher", status="published", position=position, **spec)
        )
    db.session.add(article)
    db.session.commit()
    return article


def build_site(seed_article_id: int, student: User, teacher: User) -> SiteIds:
    """Make what every page needs (call inside the live app's context).

    The teacher owns a published article with one question of each format, assigned to the
    teacher's class the student is in; the student has submitted that quiz, and has one open at
    the (long) seed article with its first question answered.
    """
    article = make_teacher_article(teacher)
    done, _ = quiz.start_attempt(student, article.id)
    for position, response in enumerate(done.responses, start=1):
        value = "eighty thousand" if response.question.format == "short_answer" else 0
        quiz.save_answer(
            student, done.id, position, question_id=response.question_id, value=value, move_to=1
        )
    quiz.submit_attempt(student, done.id)
    open_attempt, _ = quiz.start_attempt(student, seed_article_id)
    first = open_attempt.responses[0]
    value = "an answer" if first.question.format == "short_answer" else 0
    quiz.save_answer(
        student, open_attempt.id, 1, question_id=first.question_id, value=value, move_to=1
    )
    school_class = SchoolClass(teacher_id=teacher.id, name="Year 9", join_code=new_code())
    school_class.memberships.append(Membership(user_id=student.id))
    school_class.assignments.append(Assignment(article_id=article.id, due_at=utcnow()))
    db.session.add(school_class)
    db.session.commit()
    return SiteIds(
        seed_article=seed_article_id,
        teacher_article=article.id,
        teacher_question=article.questions[0].id,
        open_attempt=open_attempt.id,
        open_attempt_length=len(open_attempt.responses),
        submitted_attempt=done.id,
        school_class=school_class.id,
        assignment=school_class.assignments[0].id,
        student=student.id,
    )


def endpoints_of(match: Callable[[str], str], ids: SiteIds) -> set[str]:
    """The endpoints the pages of `PAGES` reach (`match` maps a path to its endpoint)."""
    return {match(page.url(ids)) for page in PAGES}
