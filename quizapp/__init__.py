"""QuizApp: reading-comprehension quizzes generated from news articles (the app factory)."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask
    from flask_talisman import Talisman

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build a configured QuizApp."""
    # The web stack is imported here, not at module level: `quizapp.generation` is a
    # Flask-free library, and importing it must not load Flask, the models or the views.
    from flask import Flask

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object("quizapp.config.Defaults")
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("QUIZAPP")
    if overrides:
        app.config.update(overrides)
    _init_instance(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_handlers_and_commands(app)
    return app


def _init_instance(app: Flask) -> None:
    """Fill in the settings that live in instance/: the database file and the secret key."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        db_path = Path(app.instance_path) / "quizapp.sqlite3"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if not str(app.config["SQLALCHEMY_DATABASE_URI"]).startswith("sqlite"):
        # A server can drop idle connections (restart, failover): test each one as it leaves
        # the pool. A SQLite file cannot, and the test would cost a statement per request.
        options.setdefault("pool_pre_ping", True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path) / "secret_key")
    if not app.config.get("SEEDS_DIR"):
        app.config["SEEDS_DIR"] = str(ROOT / "seeds")
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies:
        # Behind a reverse proxy, trust its X-Forwarded-* headers so rate limits and
        # redirects see the real client address and scheme.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )


def _instance_secret_key(path: Path) -> str:
    """Read the instance's secret key, creating a random one (mode 0600) on first start."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another worker of the same first start won the race; everyone uses its key.
        return _wait_for_key(path)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def _wait_for_key(path: Path, attempts: int = 50) -> str:
    """Read a key file another process has just created (it may still be empty for a moment)."""
    for _ in range(attempts):
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
        time.sleep(0.01)
    raise RuntimeError(f"{path} stayed empty; delete it and start again")


def _init_extensions(app: Flask) -> None:
    """Bind the unbound extensions to this app."""
    from quizapp import generation
    from quizapp.auth.services import load_user
    from quizapp.extensions import (
        bootstrap,
        csrf,
        db,
        limiter,
        login_manager,
        migrate,
        talisman,
    )
    from quizapp.sessions import CachedSerializerSessionInterface

    app.session_interface = CachedSerializerSessionInterface()
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    limiter.init_app(app)
    bootstrap.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    _init_security_headers(app, talisman)
    if app.config.get("SPACY_MODEL"):
        generation.configure(model_name=app.config["SPACY_MODEL"])


def _init_security_headers(app: Flask, talisman: Talisman) -> None:
    """CSP, frame, sniffing, referrer and (over HTTPS only) HSTS headers on every response."""
    talisman.init_app(
        app,
        force_https=bool(app.config["FORCE_HTTPS"]),
        content_security_policy=dict(app.config["CONTENT_SECURITY_POLICY"]),
        frame_options="DENY",
        referrer_policy="same-origin",
        strict_transport_security=True,
        strict_transport_security_max_age=int(app.config["HSTS_MAX_AGE"]),
        # Other sites of the school's domain may still be plain HTTP: leave them alone.
        strict_transport_security_include_subdomains=False,
        # Talisman would force these cookie settings; keep the app's own (see config.py).
        session_cookie_secure=bool(app.config.get("SESSION_COOKIE_SECURE")),
        session_cookie_samesite=app.config.get("SESSION_COOKIE_SAMESITE"),
    )


def _register_blueprints(app: Flask) -> None:
    """One blueprint per area; each carries its own URL prefix."""
    from quizapp.auth.views import bp as auth_bp
    from quizapp.classes.views import bp as classes_bp
    from quizapp.main import bp as main_bp
    from quizapp.quiz.views import bp as quiz_bp
    from quizapp.results.views import bp as results_bp
    from quizapp.scores.views import bp as scores_bp
    from quizapp.teacher.views import bp as teacher_bp

    for blueprint in (main_bp, auth_bp, quiz_bp, scores_bp, teacher_bp, classes_bp, results_bp):
        app.register_blueprint(blueprint)


def _register_handlers_and_commands(app: Flask) -> None:
    """Error pages, template helpers and the `flask` commands."""
    from quizapp.cli import register_cli
    from quizapp.errors import register_error_handlers
    from quizapp.templating import register_template_helpers

    register_error_handlers(app)
    register_template_helpers(app)
    register_cli(app)
