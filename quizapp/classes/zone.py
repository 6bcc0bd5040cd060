"""The school's time zone from the config: due dates are typed and shown in it."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, current_app


def school_zone() -> ZoneInfo:
    """The configured IANA time zone (`SCHOOL_TIMEZONE`, default UTC)."""
    return ZoneInfo(str(current_app.config.get("SCHOOL_TIMEZONE") or "UTC"))


def check_school_zone(app: Flask) -> None:
    """Refuse to start with a `SCHOOL_TIMEZONE` that is not a time zone, rather than fail later."""
    name = str(app.config.get("SCHOOL_TIMEZONE") or "UTC")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"SCHOOL_TIMEZONE {name!r} is not a time zone; use an IANA name like 'Europe/Paris'."
        ) from error
