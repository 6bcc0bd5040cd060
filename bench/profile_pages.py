"""Per-request cost of the student pages, in-process: independent of the machine's load.

bench/serving.py measures through gunicorn and wrk, whose figures move with whatever else the
machine runs. This script measures the work itself: it builds QuizApp on a fresh SQLite database
in a temporary folder (schema from the models, seed articles loaded as `flask seed` does),
registers and logs a student in through the real forms with Flask's test client, starts the seed
quiz, then times N GETs of the question page, the articles list and "My scores" against N GETs
of bench/hello_app.py's route, each through its own test client. Printed: CPU ms per request
(process time, so time spent waiting for a core does not count; the fastest of 10 batches),
the ratio to hello-world, Python function calls per request (cProfile; these do not depend on
the load at all), and optionally a cProfile of one page (top functions by total and
cumulative time).

    .venv/bin/python bench/profile_pages.py [-n 500] [--profile] [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

PASSWORD = "bench password 1"
USER_AGENT = "quizapp-bench"


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if not match:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


def build(tmp: Path) -> tuple[Callable[[str], object], dict[str, str]]:
    """A logged-in student's GET and the pages to time (name → path)."""
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.seeding import load_seeds

    app = create_app(
        {
            "SECRET_KEY": "profile-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'profile.sqlite3'}",
        }
    )
    with app.app_context():
        db.create_all()
        load_seeds(Path(app.config["SEEDS_DIR"]))
    client = app.test_client()
    headers = {"User-Agent": USER_AGENT}
    account = {"email": "profile@example.org", "password": PASSWORD}
    html = client.get("/auth/register", headers=headers).get_data(as_text=True)
    client.post(
        "/auth/register",
        headers=headers,
        data={
            **account,
            "display_name": "Bench Student",
            "confirm": PASSWORD,
            "csrf_token": _token(html),
        },
    )
    client.post("/auth/logout", headers=headers, data={"csrf_token": _token(html)})
    html = client.get("/auth/login", headers=headers).get_data(as_text=True)
    client.post("/auth/login", headers=headers, data={**account, "csrf_token": _token(html)})
    articles = client.get("/quiz/", headers=headers).get_data(as_text=True)
    match = re.search(r'href="(/quiz/articles/\d+)"', articles)
    if not match:
        raise RuntimeError("no article on the articles page")
    page = client.get(match.group(1), headers=headers).get_data(as_text=True)
    started = client.post(
        match.group(1) + "/start", headers=headers, data={"csrf_token": _token(page)}
    )
    question = started.headers["Location"]

    def get(path: str) -> object:
        response = client.get(path, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        if "Set-Cookie" in response.headers:
            raise RuntimeError(f"{path} sets a cookie on every request")
        return response

    return get, {"question": question, "articles": "/quiz/", "scores": "/scores/"}


def hello_get() -> Callable[[str], object]:
    """GET on the hello-world app, through a test client like QuizApp's."""
    from hello_app import app

    client = app.test_client()
    return lambda path: client.get(path, headers={"User-Agent": USER_AGENT})


def per_request_ms(get: Callable[[str], object], path: str, n: int) -> float:
    """Time n GETs in 10 batches; return the fastest batch's CPU ms per request."""
    for _ in range(20):  # warm caches (templates, compiled statements)
        get(path)
    size = max(n // 10, 1)
    best = float("inf")
    for _ in range(10):
        start = time.process_time()
        for _ in range(size):
            get(path)
        best = min(best, (time.process_time() - start) / size)
    return best * 1000


def calls_per_request(get: Callable[[str], object], path: str, n: int = 50) -> int:
    """Python function calls per GET (cProfile): the same on a busy machine as on an idle one."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        get(path)
    profiler.disable()
    return round(pstats.Stats(profiler).total_calls / n)  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="cProfile the question page")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--page", default="question", help="page to profile")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="quizapp-profile-") as tmp:
        get, pages = build(Path(tmp))
        hello = per_request_ms(hello_get(), "/", args.n)
        hello_calls = calls_per_request(hello_get(), "/")
        print(f"{'page':<12} {'CPU ms/req':>10} {'x hello':>8} {'calls/req':>10}")
        print(f"{'hello-world':<12} {hello:>10.3f} {1:>8.1f} {hello_calls:>10}")
        for name, path in pages.items():
            cost = per_request_ms(get, path, args.n)
            calls = calls_per_request(get, path)
            print(f"{name:<12} {cost:>10.3f} {cost / hello:>8.1f} {calls:>10}")
        if args.profile:
            profiler = cProfile.Profile()
            path = pages[args.page]
            profiler.enable()
            for _ in range(args.n):
                get(path)
            profiler.disable()
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
                stats.print_stats(args.top)
                print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
