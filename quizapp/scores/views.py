"""Score views: a student's attempts, their chart and each attempt's review."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("scores", __name__, url_prefix="/scores")
