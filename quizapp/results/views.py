"""Results views: an article's or an assignment's results, one student's attempts, CSV exports."""

from __future__ import annotations

from typing import TypedDict

from flask import Blueprint, Response, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required

from quizapp.auth.current import current_account
from quizapp.classes import services as classes_services
from quizapp.errors import MESSAGES
from quizapp.results import export, services
from quizapp.teacher import services as teacher_services

bp = Blueprint("results", __name__, url_prefix="/results")


@bp.errorhandler(teacher_services.NotFoundError)
@bp.errorhandler(classes_services.NotFoundError)
def not_found(error: Exception) -> tuple[str, int]:
    """Unknown ids, and classes, assignments or students the teacher may not see: 404."""
    return render_template("errors/error.html", code=404, message=MESSAGES[404]), 404


@bp.errorhandler(teacher_services.PermissionDeniedError)
def forbidden(error: Exception) -> tuple[str, int]:
    """Another teacher's article, or a student on a teacher's page: 403."""
    return render_template("errors/error.html", code=403, message=MESSAGES[403]), 403


class TableArgs(TypedDict):
    """How to sort and page the student table."""

    sort: str
    descending: bool
    page: int
    per_page: int


def _table_args() -> TableArgs:
    """Sorting and paging from the query string (bad values fall back to the defaults)."""
    return {
        "sort": request.args.get("sort", services.DEFAULT_SORT),
        "descending": request.args.get("order") == "desc",
        "page": request.args.get("page", 1, type=int) or 1,
        "per_page": max(1, int(current_app.config["RESULTS_PER_PAGE"])),
    }


@bp.get("/articles/<int:article_id>")
@login_required
def article(article_id: int) -> ResponseReturnValue:
    """An article's results: everyone the teacher may see, or one class (`?class_id=`)."""
    page = services.results_page(
        current_account(),
        article_id,
        class_id=request.args.get("class_id", type=int),
        **_table_args(),
    )
    return render_template("results/article.html", results=page, now=classes_services.now_utc())


@bp.get("/assignments/<int:assignment_id>")
@login_required
def assignment(assignment_id: int) -> ResponseReturnValue:
    """An assignment's results: its class on its article, with who has not submitted."""
    page = services.assignment_results(
        current_account(),
        assignment_id,
        **_table_args(),
    )
    return render_template("results/article.html", results=page, now=classes_services.now_utc())


@bp.get("/articles/<int:article_id>/students/<int:user_id>")
@login_required
def student(article_id: int, user_id: int) -> ResponseReturnValue:
    """Every attempt of one student at the article, with each answer."""
    report = services.student_attempts(current_account(), article_id, user_id)
    return render_template("results/student.html", report=report)


def _csv(body: str, filename: str) -> Response:
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/articles/<int:article_id>/attempts.csv")
@login_required
def attempts_csv(article_id: int) -> ResponseReturnValue:
    """Download one row per attempt (`?class_id=` for one class)."""
    scope = services.scope_for(
        current_account(), article_id, request.args.get("class_id", type=int)
    )
    body = export.attempts_csv(services.attempt_lines(scope))
    return _csv(body, f"article-{article_id}-attempts.csv")


@bp.get("/articles/<int:article_id>/responses.csv")
@login_required
def responses_csv(article_id: int) -> ResponseReturnValue:
    """Download one row per student and question (`?class_id=` for one class)."""
    scope = services.scope_for(
        current_account(), article_id, request.args.get("class_id", type=int)
    )
    body = export.responses_csv(services.response_lines(scope))
    return _csv(body, f"article-{article_id}-responses.csv")
