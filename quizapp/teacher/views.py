"""Teacher views: articles, generated questions, a teacher's own questions and results."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from quizapp.auth.current import current_account
from quizapp.auth.decorators import teacher_required
from quizapp.classes.dashboard import dashboard
from quizapp.classes.services import now_utc
from quizapp.classes.zone import school_zone
from quizapp.errors import MESSAGES
from quizapp.quiz import services as quiz_services
from quizapp.teacher import services
from quizapp.teacher.forms import ArticleForm, QuestionForm

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.errorhandler(services.NotFoundError)
def not_found(error: services.NotFoundError) -> tuple[str, int]:
    """An unknown article, or a question id from another article: 404."""
    return render_template("errors/error.html", code=404, message=MESSAGES[404]), 404


@bp.errorhandler(services.PermissionDeniedError)
def forbidden(error: services.PermissionDeniedError) -> tuple[str, int]:
    """Another teacher's article: 403."""
    return render_template("errors/error.html", code=403, message=MESSAGES[403]), 403


@bp.errorhandler(services.QuestionArchivedError)
def archived(error: services.QuestionArchivedError) -> Response:
    """A deleted (archived) question cannot change: say so and go back to the article."""
    flash(str(error), "warning")
    article_id = (request.view_args or {}).get("article_id")
    return _to_article(article_id) if article_id else redirect(url_for("teacher.index"))


def _to_article(article_id: int) -> Response:
    return redirect(url_for("teacher.article", article_id=article_id))


@bp.get("/")
@teacher_required
def index() -> ResponseReturnValue:
    """The dashboard (classes, what is due, flagged questions) and the teacher's articles."""
    user = current_account()
    return render_template(
        "teacher/index.html",
        articles=services.managed_articles(user),
        dashboard=dashboard(user, now_utc(), school_zone()),
    )


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article() -> ResponseReturnValue:
    """Add an article from pasted text or an uploaded file; its questions become drafts."""
    form = ArticleForm()
    if form.validate_on_submit():
        try:
            article = services.create_article(
                current_account(),
                form.title.data or "",
                form.article_text,
                limit=current_app.config["QUESTIONS_PER_ARTICLE"],
            )
        except services.InvalidArticleError as error:
            (form.upload if form.upload.data else form.text).errors.append(str(error))
        else:
            if article.questions:
                count = len(article.questions)
                flash(f"Article added with {count} draft questions to review.", "success")
            else:
                flash(
                    "Article added, but no questions could be made from its text. "
                    "Add your own with “Add question”.",
                    "warning",
                )
            return _to_article(article.id)
    return render_template("teacher/new_article.html", form=form)


@bp.get("/articles/<int:article_id>")
@teacher_required
def article(article_id: int) -> ResponseReturnValue:
    """An article's cleaned text and its questions with their status and actions."""
    article = services.managed_article(current_account(), article_id)
    paragraphs = quiz_services.paragraphs(article.text)
    return render_template("teacher/article.html", article=article, paragraphs=paragraphs)


@bp.post("/articles/<int:article_id>/publish")
@teacher_required
def publish_article(article_id: int) -> ResponseReturnValue:
    """Show the article to students."""
    services.set_article_published(current_account(), article_id, True)
    flash("The article is published: students can see it and its published questions.", "success")
    return _to_article(article_id)


@bp.post("/articles/<int:article_id>/unpublish")
@teacher_required
def unpublish_article(article_id: int) -> ResponseReturnValue:
    """Hide the article from students."""
    services.set_article_published(current_account(), article_id, False)
    flash("The article is hidden from students.", "info")
    return _to_article(article_id)


@bp.post("/articles/<int:article_id>/questions/publish-drafts")
@teacher_required
def publish_drafts(article_id: int) -> ResponseReturnValue:
    """Publish every draft question of the article at once."""
    count = services.publish_drafts(current_account(), article_id)
    flash(f"Published {count} draft question{'s' if count != 1 else ''}.", "success")
    return _to_article(article_id)


@bp.route("/articles/<int:article_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question(article_id: int) -> ResponseReturnValue:
    """Add a teacher's own question: multiple choice, short answer or true/false."""
    article = services.managed_article(current_account(), article_id)
    form = QuestionForm()
    if form.validate_on_submit() and form.checked:
        services.add_question(
            current_account(), article.id, form.checked, publish=form.publish.data
        )
        state = "published" if form.publish.data else "saved as a draft"
        flash(f"Your question was added and {state}.", "success")
        return _to_article(article.id)
    return render_template("teacher/question_form.html", form=form, article=article, question=None)


@bp.route("/articles/<int:article_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Edit a question's wording, answers and choices."""
    question = services.editable_question(current_account(), article_id, question_id)
    form = QuestionForm()
    if form.validate_on_submit() and form.checked:
        cleared = services.update_question(current_account(), article_id, question_id, form.checked)
        flash("The question was saved.", "success")
        if cleared:
            flash(_cleared_message(cleared), "info")
        return _to_article(article_id)
    if not form.is_submitted():
        form.fill_from(question)
    return render_template(
        "teacher/question_form.html", form=form, article=question.article, question=question
    )


def _cleared_message(count: int) -> str:
    """Tell the teacher that quizzes in progress will ask the edited question again."""
    students = "1 student" if count == 1 else f"{count} students"
    return (
        f"{students} in the middle of this quiz had picked a choice that no longer exists; "
        "their answer was cleared and they will be asked again."
    )


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/publish")
@teacher_required
def publish_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Show a question to students."""
    services.set_question_published(current_account(), article_id, question_id, True)
    flash("The question is published.", "success")
    return _to_article(article_id)


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/unpublish")
@teacher_required
def unpublish_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Take a question back to draft."""
    services.set_question_published(current_account(), article_id, question_id, False)
    flash("The question is back to draft; students no longer see it.", "info")
    return _to_article(article_id)


@bp.route("/articles/<int:article_id>/questions/<int:question_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Ask to confirm, then delete the question (or archive it when students answered it)."""
    question = services.editable_question(current_account(), article_id, question_id)
    if request.method == "POST":
        if services.delete_question(current_account(), article_id, question_id):
            flash("The question was deleted.", "success")
        else:
            flash(
                "Students have answered this question, so it was archived: they no longer "
                "see it, and their past attempts keep it in their review.",
                "info",
            )
        return _to_article(article_id)
    return render_template("teacher/delete_question.html", question=question)


@bp.get("/articles/<int:article_id>/results")
@teacher_required
def results(article_id: int) -> ResponseReturnValue:
    """The results moved to the results area (computed in SQL): send the teacher there."""
    services.managed_article(current_account(), article_id)
    return redirect(url_for("results.article", article_id=article_id))
