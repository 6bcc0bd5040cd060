"""Jinja filters and globals shared by every template."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for
from markupsafe import Markup

from quizapp.quiz.numbers import format_number
from quizapp.scores.services import percentage


def percent(score: int | None, maximum: int | None) -> str:
    """Format a score as a whole percentage ("70%"), "–" when there is none."""
    value = percentage(score, maximum or 0)
    return "–" if value is None else f"{value}%"


def local_date(moment: datetime | None) -> str:
    """Format a timestamp for people ("29 Nov 2026, 14:05 UTC")."""
    return moment.strftime("%d %b %Y, %H:%M UTC") if moment else ""


def day_date(moment: datetime | None) -> str:
    """Format the day of a timestamp ("29 Nov 2026"), for narrow table cells."""
    return moment.strftime("%d %b %Y") if moment else ""


def clock_time(moment: datetime | None) -> str:
    """Format the time of day of a timestamp ("14:05 UTC")."""
    return moment.strftime("%H:%M UTC") if moment else ""


def number(value: float | None) -> str:
    """Format a stored number plainly ("1200", "0.5"), "–" when there is none."""
    return "–" if value is None else format_number(value)


# Links a template builds are the same for every request served under one URL root (the
# SCRIPT_NAME a proxy mounts the app at): the navbar's thirteen `url_for` calls were 5 % of
# the question page. Kept per app, emptied when full (per-attempt links are many).
MAX_CACHED_URLS = 4096
_URLS = "quizapp.urls"


def cached_url_for(endpoint: str, **values: Any) -> str:
    """`url_for` for templates, remembered per URL root, endpoint and arguments.

    Relative endpoints (".index"), the special arguments (`_external`, `_anchor`, …) and
    unhashable values go straight to Flask's `url_for`, as does a call outside a request.
    """
    if (
        not has_request_context()
        or endpoint.startswith(".")
        or any(name.startswith("_") for name in values)
    ):
        return url_for(endpoint, **values)
    try:
        key = (request.script_root, endpoint, frozenset(values.items()))
        cache: dict[object, str] = current_app.extensions[_URLS]
        cached = cache.get(key)
    except TypeError:  # an unhashable argument
        return url_for(endpoint, **values)
    if cached is None:
        if len(cache) >= MAX_CACHED_URLS:
            cache.clear()
        cached = cache[key] = url_for(endpoint, **values)
    return cached


def _per_url_root(build: Callable[[], str]) -> Callable[[], Markup]:
    """A template global whose markup depends only on the URL root: built once per root."""
    built: dict[str, Markup] = {}

    def cached() -> Markup:
        root = request.script_root if has_request_context() else ""
        if root not in built:
            built[root] = Markup(build())
        return built[root]

    return cached


def register_template_helpers(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.extensions[_URLS] = {}
    app.jinja_env.globals["url_for"] = cached_url_for
    bootstrap = app.extensions["bootstrap"]
    # Bootstrap-Flask's <link>/<script> tags for its locally served files, built once per root.
    app.add_template_global(_per_url_root(bootstrap.load_css), "bootstrap_css")
    app.add_template_global(_per_url_root(bootstrap.load_js), "bootstrap_js")
    app.add_template_filter(percent)
    app.add_template_filter(local_date)
    app.add_template_filter(day_date)
    app.add_template_filter(clock_time)
    app.add_template_filter(number)
