"""Site-wide pages that belong to no area: the home page and the health check."""

from __future__ import annotations

from flask import Blueprint, redirect, url_for
from sqlalchemy import text
from werkzeug.wrappers import Response

from quizapp.extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> Response:
    """Send everyone to the list of articles, the app's real front page."""
    return redirect(url_for("quiz.articles"))


@bp.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    """Tell a load balancer whether the app and its database answer."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}, 200
