"""Browser-test fixtures: a live QuizApp on a seeded temporary database, driven by Chromium."""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest
from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, User
from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright
    from playwright.sync_api import Response as PageResponse

CHROMIUM = Path(os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium"))
# The flags that let Chromium start as root on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ACTION_TIMEOUT_MS = 15_000


def _browser_required() -> bool:
    """Whether a missing browser is a failure (CI) rather than a reason to skip."""
    return os.environ.get("QUIZAPP_REQUIRE_BROWSER", "") not in ("", "0")


def _skip_or_fail(reason: str) -> NoReturn:
    """Skip the browser tests, or fail them loudly when QUIZAPP_REQUIRE_BROWSER=1."""
    if _browser_required():
        pytest.fail(f"{reason} (QUIZAPP_REQUIRE_BROWSER=1 makes this a failure)", pytrace=False)
    pytest.skip(reason)


class _ErrorLog(logging.Handler):
    """Collects the app's ERROR log records: an unhandled exception is logged there."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))


@dataclass
class LiveServer:
    """A QuizApp served over real HTTP on 127.0.0.1 for the browser to use."""

    app: Flask
    url: str
    seed_article_ids: list[int]
    server_errors: _ErrorLog = field(default_factory=_ErrorLog)

    def seed_article(self) -> Article:
        """The customer's seed article, freshly loaded from the database."""
        with self.app.app_context():
            article = db.session.get(Article, self.seed_article_ids[0])
            assert article is not None
            db.session.expunge(article)
            return article

    def run(self, function: Callable[[], Any]) -> Any:
        """Call `function` inside the live app's context (for set-up and database checks)."""
        with self.app.app_context():
            return function()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app on a temporary SQLite file, seeded, served from a thread on a free port."""
    from quizapp.seeding import load_seeds

    db_file = tmp_path_factory.mktemp("live") / "live.sqlite3"
    app = create_app(
        {
            "SECRET_KEY": "browser-test-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_file}",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        # As `flask seed` (and so `make run`) does it.
        articles = load_seeds(
            Path(app.config["SEEDS_DIR"]), limit=app.config["QUESTIONS_PER_ARTICLE"]
        )
        seed_ids = [article.id for article in articles]
    assert seed_ids, "load_seeds() loaded no article from seeds/"

    # Port 0: the kernel picks a free port, so parallel pytest-xdist workers never collide.
    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True)
    live = LiveServer(
        app=app, url=f"http://127.0.0.1:{server.server_port}", seed_article_ids=seed_ids
    )
    app.logger.addHandler(live.server_errors)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield live
    server.shutdown()
    thread.join(timeout=10)
    app.logger.removeHandler(live.server_errors)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """Playwright's sync API, started once per test process."""
    if not CHROMIUM.exists():
        _skip_or_fail(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a pinned dev dependency
        _skip_or_fail("the playwright package is not installed")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium (never a browser that Playwright downloads)."""
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@dataclass
class PageProblems:
    """What went wrong in the browser or on the server while a test ran."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    broken_resources: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)

    def report(self) -> str:
        """One readable paragraph per kind of problem, empty when there were none."""
        parts = []
        for title, items in (
            ("JavaScript console errors", self.console_errors),
            ("uncaught page errors", self.page_errors),
            ("stylesheets, scripts or images that failed to load", self.broken_resources),
            ("server errors (5xx responses or logged exceptions)", self.server_errors),
        ):
            if items:
                parts.append(f"{title}:\n  " + "\n  ".join(items))
        return "\n".join(parts)


def _new_context(browser: Browser, live_server: LiveServer, **options: Any) -> BrowserContext:
    """A fresh, cookie-less browser profile pointed at the live server."""
    context = browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


def watch_page(page: Page, problems: PageProblems) -> None:
    """Record console errors, uncaught exceptions, broken assets and 5xx responses of a page."""

    def on_console(message: ConsoleMessage) -> None:
        # Failed loads are judged by on_response, which knows a page from a stylesheet.
        if message.type != "error" or message.text.startswith("Failed to load resource"):
            return
        if message.text.startswith("Refused to") and "MIME type" in message.text:
            # A stylesheet or script of the wrong type, refused under X-Content-Type-Options:
            # nosniff, never gets a response event.
            problems.broken_resources.append(message.text)
        else:
            problems.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_response(response: PageResponse) -> None:
        request = response.request
        if response.status >= 500:
            problems.server_errors.append(f"{response.status} {request.method} {response.url}")
        elif (
            response.status >= 400
            and request.resource_type != "document"
            and not response.url.endswith("/favicon.ico")
        ):
            # A page may answer 403 or 404 on purpose; its stylesheets and scripts may not.
            problems.broken_resources.append(
                f"{response.status} {request.resource_type} {response.url}"
            )

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("response", on_response)


@pytest.fixture
def page_problems(live_server: LiveServer) -> Iterator[PageProblems]:
    """Fails the test when anything on the way produced a server or JavaScript error."""
    problems = PageProblems()
    live_server.server_errors.records.clear()
    yield problems
    problems.server_errors.extend(live_server.server_errors.records)
    report = problems.report()
    if report:
        pytest.fail(f"errors on the way:\n{report}", pytrace=False)


@pytest.fixture
def new_page(
    browser: Browser, live_server: LiveServer, page_problems: PageProblems
) -> Iterator[Callable[..., Page]]:
    """Open pages in fresh browser profiles (one per person), all watched for errors."""
    contexts: list[BrowserContext] = []

    def open_page(**options: Any) -> Page:
        context = _new_context(browser, live_server, **options)
        contexts.append(context)
        page = context.new_page()
        watch_page(page, page_problems)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A page in a fresh browser profile at a desktop size."""
    return new_page(viewport={"width": 1280, "height": 900})


_account_numbers = itertools.count(1)


@pytest.fixture
def unique_email(worker_id: str) -> Callable[[str], str]:
    """Make an email no other test of this run uses (tests share the live database)."""

    def make(role: str) -> str:
        return f"{role}-{worker_id}-{os.getpid()}-{next(_account_numbers)}@example.org"

    return make


@pytest.fixture
def make_account(
    live_server: LiveServer, unique_email: Callable[[str], str]
) -> Callable[..., User]:
    """Create an account through the auth service, as `flask create-user` does."""
    from quizapp.auth.services import create_user

    def make(role: str = "student", name: str | None = None) -> User:
        def create() -> User:
            user = create_user(unique_email(role), name or f"Test {role}", PASSWORD, role=role)
            db.session.refresh(user)
            db.session.expunge(user)
            return user

        return live_server.run(create)

    return make
