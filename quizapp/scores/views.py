"""Score views: "My scores", a user's attempts, best scores and their chart."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import login_required

from quizapp.auth.current import current_account
from quizapp.scores import services

bp = Blueprint("scores", __name__, url_prefix="/scores")


@bp.get("/")
@login_required
def index() -> str:
    """Show the logged-in user's attempts, their best score per article and a chart."""
    report = services.score_report(current_account())
    chart_data = [point.as_json() for point in report.chart]
    return render_template("scores/index.html", report=report, chart_data=chart_data)
