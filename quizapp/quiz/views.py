"""Quiz-taking views: articles, one question per page, submission and results."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from quizapp.auth.current import current_account, optional_account
from quizapp.classes.student import assigned_and_others, now_utc
from quizapp.models import Attempt
from quizapp.quiz import forms, services

bp = Blueprint("quiz", __name__, url_prefix="/quiz")

ALREADY_SUBMITTED = "This attempt has already been submitted."
LOGGED_OUT = "You are logged out, so your answer was not saved. Please log in again."


def _own_attempt(attempt_id: int) -> Attempt:
    """The user's attempt, or a 404 that does not tell whether somebody else's exists."""
    try:
        return services.get_attempt(current_account(), attempt_id)
    except services.AttemptNotFoundError:
        abort(404)


def _to_result(attempt_id: int) -> ResponseReturnValue:
    flash(ALREADY_SUBMITTED, "info")
    return redirect(url_for("quiz.result", attempt_id=attempt_id))


def _unanswered_message(count: int) -> str:
    """Say how many questions are unanswered ("2 questions are unanswered")."""
    if count == 1:
        return "1 question is unanswered."
    return f"{count} questions are unanswered."


@bp.get("/")
def articles() -> ResponseReturnValue:
    """Assigned articles first (for students in a class), then the other published articles."""
    user = optional_account()
    assigned, others = assigned_and_others(services.article_summaries(user), user)
    return render_template("quiz/articles.html", summaries=others, assigned=assigned, now=now_utc())


@bp.get("/articles/<int:article_id>")
@login_required
def article(article_id: int) -> ResponseReturnValue:
    """Show an article's text with a button to start (or resume) its quiz."""
    try:
        page = services.article_page(current_account(), article_id)
    except services.ArticleNotFoundError:
        abort(404)
    return render_template(
        "quiz/article.html",
        article=page.article,
        paragraphs=services.paragraphs(page.article.text),
        grade=services.reading_grade(page.article.text),
        question_count=page.question_count,
        open_attempt=page.open_attempt,
        open_attempt_questions=page.open_attempt_questions,
        attempts=page.submitted_attempts,
        progress=page,
        form=forms.ActionForm(),
    )


@bp.post("/articles/<int:article_id>/start")
@login_required
def start(article_id: int) -> ResponseReturnValue:
    """Resume the open attempt at an article, or start a new one."""
    if not forms.ActionForm().validate_on_submit():
        abort(400)
    try:
        attempt, resumed = services.start_attempt(current_account(), article_id)
    except services.ArticleNotFoundError:
        abort(404)
    except services.NoQuestionsError:
        flash("This article has no questions yet, so there is no quiz to take.", "warning")
        return redirect(url_for("quiz.article", article_id=article_id))
    if resumed:
        flash("Welcome back: your quiz continues where you left it.", "info")
    return redirect(url_for("quiz.question", attempt_id=attempt.id, n=attempt.current_position))


@bp.route("/attempts/<int:attempt_id>/questions/<int:n>", methods=["GET", "POST"])
@login_required
def question(attempt_id: int, n: int) -> ResponseReturnValue:
    """Show one question of an open attempt; save its answer before moving on."""
    try:
        page = services.question_page(current_account(), attempt_id, n)
    except services.AttemptNotFoundError:
        abort(404)
    if page.submitted:
        return _to_result(attempt_id)
    if page.shown is None:
        flash(f"This quiz has no question {n}.", "warning")
        return redirect(url_for("quiz.question", attempt_id=attempt_id, n=page.current_position))
    total = page.total
    form = forms.answer_form(page.shown)
    if form.shows_stale_choices():
        # The radio values are indices into choices that changed: ask again, save nothing.
        flash(services.QUESTION_CHANGED, "warning")
        return redirect(url_for("quiz.question", attempt_id=attempt_id, n=n))
    if form.validate_on_submit():
        target = max(n - 1, 1) if form.go_previous.data else min(n + 1, total)
        try:
            attempt = services.save_answer(
                current_account(),
                attempt_id,
                n,
                question_id=page.shown.question_id,
                value=form.value(),
                move_to=target,
                order_key=form.order_key.data or None,
            )
        except services.AttemptSubmittedError:
            return _to_result(attempt_id)
        except services.QuestionChangedError as error:
            flash(str(error), "warning")
            return redirect(url_for("quiz.question", attempt_id=attempt_id, n=n))
        except services.InvalidAnswerError as error:
            form.form_errors.append(str(error))
        else:
            if form.go_finish.data:
                return _finish(attempt)
            return redirect(url_for("quiz.question", attempt_id=attempt_id, n=target))
    # The last page warns about the other questions still open (this one is posted with it).
    others = [p for p in page.unanswered if p != n] if n == total else []
    return render_template(
        "quiz/question.html",
        page=page,
        form=form,
        n=n,
        total=total,
        unanswered=others,
        warning=_unanswered_message(len(others)) if others else None,
        paragraphs=services.paragraphs(page.article_text),
    )


@bp.post("/attempts/<int:attempt_id>/questions/<int:n>/autosave")
def autosave(attempt_id: int, n: int) -> ResponseReturnValue:
    """Save an answer as it is chosen or typed (static/js/autosave.js); answers JSON.

    The same checks as the page's own Next/Previous save (`services.save_answer`): the user's
    own attempt, still open, the question shown, its choices unchanged. The student stays on
    the question they are at.
    """
    if not current_user.is_authenticated:
        return jsonify(error=LOGGED_OUT), 401
    try:
        attempt = services.get_attempt(current_account(), attempt_id)
        data = forms.autosave_data(request.get_json(silent=True))
        services.save_answer(
            current_account(),
            attempt.id,
            n,
            question_id=data.question_id,
            value=data.value,
            move_to=attempt.current_position,
            order_key=data.order_key,
        )
    except (services.AttemptNotFoundError, services.QuestionNotFoundError):
        return jsonify(error="There is no such question in your quizzes."), 404
    except services.AttemptSubmittedError:
        return jsonify(error=ALREADY_SUBMITTED, submitted=True), 409
    except services.QuestionChangedError as error:
        return jsonify(error=str(error), changed=True), 409
    except (forms.AutosaveDataError, services.InvalidAnswerError) as error:
        return jsonify(error=str(error)), 400
    return jsonify(saved=True)


def _finish(attempt: Attempt) -> ResponseReturnValue:
    """After the last page: submit at once if all is answered, else ask to confirm."""
    if services.unanswered_positions(attempt):
        return redirect(url_for("quiz.finish", attempt_id=attempt.id))
    return _submit(attempt.id)


def _submit(attempt_id: int) -> ResponseReturnValue:
    try:
        services.submit_attempt(current_account(), attempt_id)
    except services.AttemptSubmittedError:
        return _to_result(attempt_id)
    flash("Your quiz is submitted. Here is how you did.", "success")
    return redirect(url_for("quiz.result", attempt_id=attempt_id))


@bp.get("/attempts/<int:attempt_id>/finish")
@login_required
def finish(attempt_id: int) -> ResponseReturnValue:
    """Ask to confirm the submission, listing the questions still unanswered."""
    attempt = _own_attempt(attempt_id)
    if attempt.is_submitted:
        return _to_result(attempt.id)
    unanswered = services.unanswered_positions(attempt)
    return render_template(
        "quiz/finish.html",
        attempt=attempt,
        unanswered=unanswered,
        warning=_unanswered_message(len(unanswered)) if unanswered else None,
        form=forms.ActionForm(),
    )


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int) -> ResponseReturnValue:
    """Grade the attempt on the server and show its result."""
    attempt = _own_attempt(attempt_id)
    if not forms.ActionForm().validate_on_submit():
        abort(400)
    return _submit(attempt.id)


@bp.get("/attempts/<int:attempt_id>")
@login_required
def result(attempt_id: int) -> ResponseReturnValue:
    """Review a submitted attempt: the score and every question with its right answer."""
    attempt = _own_attempt(attempt_id)
    if not attempt.is_submitted:
        flash("Submit this quiz to see its review.", "info")
        return redirect(url_for("quiz.question", attempt_id=attempt.id, n=attempt.current_position))
    return render_template("quiz/result.html", attempt=attempt)
