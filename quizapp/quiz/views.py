"""Quiz-taking views: articles, one question per page, submission and results."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("quiz", __name__, url_prefix="/quiz")


@bp.get("/")
def articles() -> str:
    """List published articles (placeholder until the quiz area lands)."""
    return "Articles"
