"""Default settings; instance/config.py and QUIZAPP_* environment variables override them."""

from __future__ import annotations

from typing import ClassVar


class Defaults:
    """Settings every QuizApp starts from."""

    # None means: read instance/secret_key, writing a fresh random one on first start.
    SECRET_KEY: str | None = None
    # None means: a SQLite file in instance/ (set QUIZAPP_SQLALCHEMY_DATABASE_URI for PostgreSQL).
    SQLALCHEMY_DATABASE_URI: str | None = None
    # Server databases also get `pool_pre_ping` (see quizapp/__init__.py); SQLite does not.
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, object]] = {}

    # Pasted articles and uploads larger than this are refused with a clear message.
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    MAX_ARTICLE_CHARS = 200_000

    # spaCy pipeline: the official package when installed, else the PyPI re-upload.
    SPACY_MODEL: str | None = None
    # How many generated questions an article keeps.
    QUESTIONS_PER_ARTICLE = 12

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"

    WTF_CSRF_TIME_LIMIT = None  # a long quiz must not expire its own form tokens

    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"
    # Tries at a class join code per client address (same store as the login limit), so codes
    # cannot be guessed by brute force.
    JOIN_RATE_LIMIT = "10 per minute"

    # The school's time zone (an IANA name): due dates are typed and shown in it, stored in UTC.
    SCHOOL_TIMEZONE = "UTC"
    # Students per page on a results page.
    RESULTS_PER_PAGE = 50

    # How many reverse proxies stand in front of the app (0: none, trust no X-Forwarded-*).
    PROXY_COUNT = 0

    # Security headers (flask-talisman). HSTS is sent only on requests that came over HTTPS.
    # FORCE_HTTPS redirects http:// to https://; turn it on only where HTTPS is really served
    # (behind a proxy, with PROXY_COUNT set so the app sees the original scheme).
    FORCE_HTTPS = False
    HSTS_MAX_AGE = 365 * 24 * 60 * 60
    # No 'unsafe-inline' anywhere: every script and style is a file in static/.
    # `data:` images are Bootstrap's own (the check mark of a radio button, the navbar icon).
    CONTENT_SECURITY_POLICY: ClassVar[dict[str, str]] = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }

    BOOTSTRAP_SERVE_LOCAL = True
    SEEDS_DIR: str | None = None  # default: seeds/ beside the package
