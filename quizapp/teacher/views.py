"""Teacher views: articles, generated questions, a teacher's own questions and results."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("teacher", __name__, url_prefix="/teacher")
