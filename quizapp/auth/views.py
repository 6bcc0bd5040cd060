"""Account views: register, log in, log out, change password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import services
from quizapp.auth.current import current_account
from quizapp.auth.forms import ChangePasswordForm, LoginForm, RegisterForm
from quizapp.auth.redirects import safe_next_url
from quizapp.extensions import limiter

bp = Blueprint("auth", __name__, url_prefix="/auth")

WRONG_CREDENTIALS = "The email or password is not right. Please try again."


def _next_or_articles() -> str:
    """The safe `next` of this request, else the articles page."""
    return safe_next_url(request.args.get("next")) or url_for("quiz.articles")


def _login_rate_limit() -> str:
    """The login limit from the config ("10 per minute"), read per request."""
    return str(current_app.config["LOGIN_RATE_LIMIT"])


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    """Let a student create an account, then log them in."""
    if current_user.is_authenticated:
        return redirect(_next_or_articles())
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(form.email.data, form.display_name.data, form.password.data)
        except services.EmailTakenError as error:
            form.email.errors.append(str(error))
        except services.InvalidUserError as error:
            form.form_errors.append(str(error))
        else:
            login_user(user)
            flash(f"Welcome to QuizApp, {user.display_name}!", "success")
            return redirect(_next_or_articles())
    next_url = safe_next_url(request.args.get("next"))
    return render_template("auth/register.html", form=form, next_url=next_url)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"])
def login() -> ResponseReturnValue:
    """Log a user in, then send them where they were going (inside the site only)."""
    if current_user.is_authenticated:
        return redirect(_next_or_articles())
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.AccountDisabledError as error:
            form.form_errors.append(str(error))
        else:
            if user is not None:
                login_user(user, remember=bool(form.remember.data))
                return redirect(_next_or_articles())
            form.form_errors.append(WRONG_CREDENTIALS)
    next_url = safe_next_url(request.args.get("next"))
    return render_template("auth/login.html", form=form, next_url=next_url)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """Log the user out everywhere (a POST with the CSRF token, so no link can do it)."""
    if current_user.is_authenticated:
        # A new session token: a copy of this session or remember-me cookie is now worthless.
        services.end_sessions(current_account())
    logout_user()
    flash("You have logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password() -> ResponseReturnValue:
    """Change the password; every other session of the account ends, this one carries on."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            user = services.change_password(
                current_account(), form.current_password.data, form.new_password.data
            )
        except services.WrongPasswordError as error:
            form.current_password.errors.append(str(error))
        except services.InvalidUserError as error:
            form.new_password.errors.append(str(error))
        else:
            remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
            login_user(user, remember=remember_cookie in request.cookies)
            flash("Your password is changed. Other devices have been logged out.", "success")
            return redirect(url_for("quiz.articles"))
    return render_template("auth/change_password.html", form=form)
