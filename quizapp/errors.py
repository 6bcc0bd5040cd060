"""Friendly error pages: every failure gets a page with a clear message, never a traceback."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from quizapp.extensions import db

MESSAGES = {
    400: "The request could not be understood. Please go back and try again.",
    403: "You do not have permission to see this page.",
    404: "We could not find that page.",
    405: "That action is not allowed here.",
    413: "That is too large to upload. Please send a smaller file or a shorter text.",
    429: "Too many attempts in a short time. Please wait a minute and try again.",
    500: "Something went wrong on our side. Your saved work is safe; please try again.",
}


def wants_json() -> bool:
    """Whether the request came from a script that reads JSON (autosave), not a page."""
    return request.is_json or request.accept_mimetypes.best == "application/json"


def error_response(code: int, message: str) -> tuple[str | Response, int]:
    """The error page, or `{"error": message}` for a script that asked for JSON."""
    if wants_json():
        return jsonify(error=message), code
    return render_template("errors/error.html", code=code, message=message), code


def register_error_handlers(app: Flask) -> None:
    """Render templates/errors/error.html for HTTP errors and unexpected exceptions."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str | Response, int]:
        message = "Your form had expired or was incomplete. Please reload the page and try again."
        return error_response(400, message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str | Response, int] | HTTPException:
        code = error.code or 500
        if code < 400 or request.path.startswith("/static/"):
            return error
        return error_response(code, MESSAGES.get(code, error.description or ""))

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> tuple[str | Response, int]:
        db.session.rollback()
        app.logger.exception("Unhandled error on %s", request.path, exc_info=error)
        code = InternalServerError.code
        return error_response(code, MESSAGES[code])
