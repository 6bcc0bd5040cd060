"""Flask extensions, created unbound and initialised by the app factory."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import request
from flask_bootstrap import Bootstrap5
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose constraints get stable names for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


@event.listens_for(Engine, "connect")
def _enforce_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    """SQLite ignores foreign keys unless asked per connection; the schema relies on them."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


# Every limit of this app is on a POST (log-in, joining a class): a GET or HEAD skips
# Flask-Limiter's per-request lookup of the route's limits (7 % of the question page's time).
# A limit declared for GET would be skipped too: tests/auth/test_rate_limit_methods.py fails
# when a `limiter.limit` without `methods=["POST"]` appears.
UNLIMITED_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@limiter.request_filter
def _safe_method() -> bool:
    """True for the request methods no limit of this app applies to."""
    return request.method in UNLIMITED_METHODS


bootstrap = Bootstrap5()
talisman = Talisman()
