"""The school's time zone from the config: due dates are typed and shown in it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app


def school_zone() -> ZoneInfo:
    """The configured IANA time zone (`SCHOOL_TIMEZONE`, default UTC)."""
    return ZoneInfo(str(current_app.config.get("SCHOOL_TIMEZONE") or "UTC"))
