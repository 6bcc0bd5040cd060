"""Class views: a teacher's classes, rosters and assignments; a student joining by code."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

from quizapp.auth.current import current_account
from quizapp.auth.decorators import teacher_required
from quizapp.classes import services
from quizapp.classes.codes import display_code
from quizapp.classes.forms import ActionForm, AssignForm, ClassForm, JoinForm
from quizapp.classes.zone import check_school_zone, school_zone
from quizapp.errors import MESSAGES
from quizapp.extensions import limiter

bp = Blueprint("classes", __name__, url_prefix="/classes")
bp.record_once(lambda state: check_school_zone(state.app))


@bp.app_template_filter("school_time")
def school_time(moment: datetime | None) -> str:
    """A UTC timestamp in the school's time zone ("05 Dec 2026, 23:59 CET")."""
    aware = services.as_utc(moment)
    if aware is None:
        return ""
    return aware.astimezone(school_zone()).strftime("%d %b %Y, %H:%M %Z")


@bp.app_template_filter("join_code")
def join_code(code: str) -> str:
    """A stored join code in readable groups."""
    return display_code(code)


@bp.errorhandler(services.NotFoundError)
def not_found(error: services.NotFoundError) -> tuple[str, int]:
    """Unknown ids and other teachers' classes look alike: 404."""
    return render_template("errors/error.html", code=404, message=MESSAGES[404]), 404


@bp.errorhandler(services.PermissionDeniedError)
def forbidden(error: services.PermissionDeniedError) -> tuple[str, int]:
    """A student on a teacher's action, or a teacher joining a class: 403."""
    return render_template("errors/error.html", code=403, message=str(error)), 403


def _to_class(class_id: int) -> ResponseReturnValue:
    return redirect(url_for("classes.detail", class_id=class_id))


def _require_action() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


# ---------------------------------------------------------------- teacher side


@bp.route("/", methods=["GET", "POST"])
@teacher_required
def index() -> ResponseReturnValue:
    """The teacher's classes and a form to make a new one."""
    form = ClassForm()
    if form.validate_on_submit():
        try:
            school_class = services.create_class(current_account(), form.name.data or "")
        except services.InvalidClassError as error:
            form.name.errors.append(str(error))
        else:
            code = display_code(school_class.join_code)
            flash(
                f"Class “{school_class.name}” created. Students join with code {code}.", "success"
            )
            return _to_class(school_class.id)
    classes = services.teacher_classes(current_account())
    return render_template("classes/index.html", classes=classes, form=form)


@bp.get("/<int:class_id>")
@login_required
def detail(class_id: int) -> ResponseReturnValue:
    """A class: its join code, roster and assignments with their completion."""
    school_class = services.owned_class(current_account(), class_id)
    return render_template(
        "classes/detail.html",
        school_class=school_class,
        students=services.roster(school_class),
        assignments=services.class_assignments(school_class),
        rename_form=ClassForm(name=school_class.name),
        now=services.now_utc(),
    )


@bp.post("/<int:class_id>/rename")
@login_required
def rename(class_id: int) -> ResponseReturnValue:
    """Give the class a new name."""
    school_class = services.owned_class(current_account(), class_id)
    form = ClassForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        for error in form.name.errors:
            flash(str(error), "warning")
        return _to_class(school_class.id)
    try:
        services.rename_class(current_account(), class_id, form.name.data or "")
    except services.InvalidClassError as error:
        flash(str(error), "warning")
    else:
        flash("The class was renamed.", "success")
    return _to_class(class_id)


@bp.post("/<int:class_id>/code")
@login_required
def new_code(class_id: int) -> ResponseReturnValue:
    """Replace the class's join code; the old one stops working."""
    services.owned_class(current_account(), class_id)
    _require_action()
    code = services.regenerate_code(current_account(), class_id)
    flash(f"New join code: {display_code(code)}. The old code no longer works.", "success")
    return _to_class(class_id)


@bp.route("/<int:class_id>/delete", methods=["GET", "POST"])
@login_required
def delete(class_id: int) -> ResponseReturnValue:
    """Ask to confirm, then delete the class with its roster and assignments."""
    school_class = services.owned_class(current_account(), class_id)
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        name = services.delete_class(current_account(), class_id)
        flash(f"Class “{name}” was deleted. Its students' attempts are kept.", "success")
        return redirect(url_for("classes.index"))
    return render_template("classes/delete.html", school_class=school_class, form=form)


@bp.post("/<int:class_id>/students/<int:user_id>/remove")
@login_required
def remove_student(class_id: int, user_id: int) -> ResponseReturnValue:
    """Take a student off the roster."""
    services.owned_class(current_account(), class_id)
    _require_action()
    student = services.remove_student(current_account(), class_id, user_id)
    flash(f"{student.display_name} was removed from the class.", "success")
    return _to_class(class_id)


@bp.route("/assign", methods=["GET", "POST"])
@teacher_required
def assign() -> ResponseReturnValue:
    """Assign a published article to some of the teacher's classes, with a due date."""
    user = current_account()
    form = AssignForm()
    articles = services.assignable_articles(user)
    classes = services.teacher_classes(user)
    form.article.choices = [(article.id, article.title) for article in articles]
    form.classes.choices = [(row.school_class.id, row.school_class.name) for row in classes]
    if request.method == "GET":
        form.article.data = request.args.get("article_id", type=int)
        form.classes.data = [cid] if (cid := request.args.get("class_id", type=int)) else []
    if form.validate_on_submit():
        try:
            due = services.due_from_local(form.due_date.data, form.due_time.data, school_zone())
            done = services.assign(user, form.article.data, form.classes.data or [], due)
        except services.InvalidAssignmentError as error:
            form.form_errors.append(str(error))
        else:
            names = ", ".join(assignment.school_class.name for assignment in done)
            flash(f"Assigned to {names}.", "success")
            return (
                _to_class(done[0].class_id)
                if len(done) == 1
                else redirect(url_for("teacher.index"))
            )
    return render_template(
        "classes/assign.html",
        form=form,
        has_articles=bool(articles),
        has_classes=bool(classes),
        zone=school_zone().key,
    )


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/remove")
@login_required
def unassign(class_id: int, assignment_id: int) -> ResponseReturnValue:
    """Withdraw an assignment from the class."""
    services.owned_class(current_account(), class_id)
    _require_action()
    services.unassign(current_account(), class_id, assignment_id)
    flash("The assignment was withdrawn. Attempts already made are kept.", "success")
    return _to_class(class_id)


# ---------------------------------------------------------------- student side


def _join_rate_limit() -> str:
    """The join limit from the config ("10 per minute"), read per request."""
    return str(current_app.config["JOIN_RATE_LIMIT"])


@bp.route("/join", methods=["GET", "POST"])
@login_required
@limiter.limit(_join_rate_limit, methods=["POST"])
def join() -> ResponseReturnValue:
    """Join a class with the code the teacher gave; list the classes already joined."""
    user = current_account()
    form = JoinForm()
    if form.validate_on_submit():
        try:
            school_class, new = services.join_class(user, form.code.data or "")
        except services.WrongCodeError as error:
            form.code.errors.append(str(error))
        else:
            message = "You joined" if new else "You are already in"
            flash(f"{message} {school_class.name}.", "success" if new else "info")
            return redirect(url_for("quiz.articles"))
    classes = [] if user.is_teacher else services.student_classes(user)
    return render_template("classes/join.html", form=form, classes=classes)
