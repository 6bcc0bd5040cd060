"""Teacher views: articles, questions, results, item statistics and GIFT / Moodle XML exchange."""

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
from quizapp.teacher import exchange, items, ordering, services, suggestions
from quizapp.teacher.forms import ArticleForm, GiftImportForm, QuestionForm, ReplacementForm

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
    flags = items.flags_by_question(current_account(), article_id)
    return render_template(
        "teacher/article.html", article=article, paragraphs=paragraphs, flags=flags
    )


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


@bp.post("/articles/<int:article_id>/questions/reject-drafts")
@teacher_required
def reject_drafts(article_id: int) -> ResponseReturnValue:
    """Reject every draft question of the article at once (they can be restored)."""
    count = services.reject_drafts(current_account(), article_id)
    flash(
        f"Rejected {count} draft question{'s' if count != 1 else ''}. They are listed under "
        "“Rejected questions”, where you can restore any of them.",
        "info",
    )
    return _to_article(article_id)


@bp.route("/articles/<int:article_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question(article_id: int) -> ResponseReturnValue:
    """Add a teacher's own question: multiple choice, short answer or true/false."""
    article = services.managed_article(current_account(), article_id)
    form = QuestionForm()
    if form.validate_on_submit() and form.checked:
        try:
            services.add_question(
                current_account(), article.id, form.checked, publish=form.publish.data
            )
        except services.InvalidQuestionError as error:
            form.show_errors(error)
        else:
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
        try:
            cleared = services.update_question(
                current_account(), article_id, question_id, form.checked
            )
        except services.InvalidQuestionError as error:
            form.show_errors(error)
        else:
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


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/reject")
@teacher_required
def reject_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Turn a question down: hidden from students, never suggested again, restorable."""
    services.reject_question(current_account(), article_id, question_id)
    flash("The question was rejected; it is listed under “Rejected questions”.", "info")
    return _to_article(article_id)


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/restore")
@teacher_required
def restore_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Bring a rejected question back as a draft."""
    try:
        services.restore_question(current_account(), article_id, question_id)
    except services.InvalidQuestionError as error:
        flash(str(error), "warning")
    else:
        flash("The question is back as a draft at the end of the quiz.", "success")
    return _to_article(article_id)


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/move-up")
@teacher_required
def move_question_up(article_id: int, question_id: int) -> ResponseReturnValue:
    """Move a question one place earlier in the quiz."""
    return _moved(article_id, question_id, -1)


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/move-down")
@teacher_required
def move_question_down(article_id: int, question_id: int) -> ResponseReturnValue:
    """Move a question one place later in the quiz."""
    return _moved(article_id, question_id, +1)


def _moved(article_id: int, question_id: int, offset: int) -> Response:
    number = ordering.move_question(current_account(), article_id, question_id, offset)
    flash(f"The question is now number {number}.", "success")
    # Land on the moved question, so keyboard users keep their place.
    return redirect(url_for("teacher.article", article_id=article_id) + f"#question-{question_id}")


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


# ---------------------------------------------------------------- item analysis and feedback


@bp.get("/articles/<int:article_id>/statistics")
@teacher_required
def statistics(article_id: int) -> ResponseReturnValue:
    """Facility, discrimination and alpha on first attempts, with flags and replacements."""
    summary = items.article_statistics(current_account(), article_id)
    return render_template("teacher/statistics.html", stats=summary, article=summary.article)


@bp.route("/articles/<int:article_id>/questions/<int:question_id>/replace", methods=["GET", "POST"])
@teacher_required
def replace_question(article_id: int, question_id: int) -> ResponseReturnValue:
    """Offer the next-best generated questions; the one picked takes the question's place."""
    form = ReplacementForm()
    if form.validate_on_submit():
        try:
            new = suggestions.replace_question(
                current_account(), article_id, question_id, form.key.data or ""
            )
        except suggestions.SuggestionGoneError as error:
            flash(str(error), "warning")
        else:
            flash(
                f"Question {new.position} was replaced. The old one is under “Rejected "
                "questions”; attempts that had it keep it in their review.",
                "success",
            )
            return redirect(
                url_for("teacher.article", article_id=article_id) + f"#question-{new.id}"
            )
    question, offered = suggestions.replacements(current_account(), article_id, question_id)
    stats = items.article_statistics(current_account(), article_id)
    row = next((row for row in stats.rows if row.question.id == question.id), None)
    return render_template(
        "teacher/replace.html",
        article=question.article,
        question=question,
        number=services.active_questions(question.article).index(question) + 1,
        row=row,
        suggestions=offered,
        form=form,
    )


@bp.post("/articles/<int:article_id>/questions/more")
@teacher_required
def more_questions(article_id: int) -> ResponseReturnValue:
    """Add the next-ranked generated questions the article does not have yet, as drafts."""
    added = suggestions.more_questions(current_account(), article_id)
    if added:
        flash(f"Added {added} new draft question{'s' if added != 1 else ''} at the end.", "success")
    else:
        flash(
            "No new questions are left: every question QuizApp can make from this article is "
            "already in the quiz or was rejected. Add your own with “Add question”.",
            "info",
        )
    return _to_article(article_id)


# ---------------------------------------------------------------- GIFT and Moodle XML


@bp.route("/articles/<int:article_id>/import", methods=["GET", "POST"])
@teacher_required
def import_gift(article_id: int) -> ResponseReturnValue:
    """Import questions from a GIFT file as drafts: all of them, or none when one is wrong."""
    article = services.managed_article(current_account(), article_id)
    form = GiftImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            report = exchange.import_gift(current_account(), article.id, form.gift_text)
        except exchange.ImportRefusedError as error:
            problems = error.problems
        else:
            flash(
                f"Imported {report.added} question{'s' if report.added != 1 else ''} as drafts.",
                "success",
            )
            for issue in report.skipped:
                flash(str(issue), "warning")
            return _to_article(article.id)
    return render_template("teacher/import.html", article=article, form=form, problems=problems)


@bp.get("/articles/<int:article_id>/export.gift")
@teacher_required
def export_gift(article_id: int) -> ResponseReturnValue:
    """Download the article's questions as GIFT."""
    return _download(exchange.export_gift(current_account(), article_id))


@bp.get("/articles/<int:article_id>/export.xml")
@teacher_required
def export_moodle_xml(article_id: int) -> ResponseReturnValue:
    """Download the article's questions as Moodle XML."""
    return _download(exchange.export_moodle_xml(current_account(), article_id))


def _download(file: exchange.ExportFile) -> Response:
    response = Response(file.content, mimetype=file.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response
