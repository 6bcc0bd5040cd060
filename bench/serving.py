"""Serving speed: QuizApp's student pages against a hello-world Flask app, same gunicorn, wrk.

Both apps run under the same gunicorn settings (2 sync workers, the same logging) on free
loopback ports. QuizApp gets a fresh SQLite database in a temporary folder, migrated and seeded
as `make run` does (other QUIZAPP_* settings come from the environment, as in production). A
student registers and logs in through the real forms (CSRF tokens read from the pages) and
starts the seed quiz; then wrk loads each page with 50 connections and the student's cookie, in
interleaved rounds (hello, question, articles, scores, repeated) so that load from other
processes drifting during the run slows every page alike. Printed per page: the median req/s
over the rounds, p50 and p99 latency (wrk --latency, median over the rounds) and the ratio of
req/s to hello-world's.

Targets: the question page at least 0.30x hello-world, its p99 at most 50 ms. The process exits 1
when the question page misses either.

    .venv/bin/python bench/serving.py [--rounds 3] [--seconds 3] [--connections 50]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WRK = os.environ.get("WRK", "/usr/bin/wrk")
TARGET_RATIO = 0.30
TARGET_P99_MS = 50.0
PASSWORD = "bench password 1"
# One User-Agent for the login and for wrk: Flask-Login ties a session to it, and a changed one
# would make every response re-sign and re-send the session cookie, which no browser causes.
USER_AGENT = "quizapp-bench"
# The same for both apps, so the comparison is of the apps, not of the servers.
GUNICORN_SETTINGS = ["--workers", "2", "--worker-class", "sync", "--log-level", "warning"]


def free_port() -> int:
    """A port nobody listens on right now (the kernel's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 60.0) -> None:
    """Poll until the server answers (any HTTP status)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def gunicorn(app: str, env: dict[str, str], *extra: str) -> Iterator[str]:
    """Serve `app` ("module:variable") under the shared settings; yield its base URL."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        *GUNICORN_SETTINGS,
        "--bind",
        f"127.0.0.1:{port}",
        *extra,
        app,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def prepare_database(env: dict[str, str]) -> None:
    """Create the schema with the migrations and load the seed articles, as `make run` does."""
    flask = [str(BIN / "flask"), "--app", "quizapp"]
    for command in (["db", "upgrade"], ["seed"]):
        subprocess.run([*flask, *command], cwd=ROOT, env=env, check=True, capture_output=True)


class Browser:
    """A cookie-keeping HTTP client that follows redirects, enough for the app's forms."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.opener.addheaders = [("User-Agent", USER_AGENT)]

    def get(self, path: str) -> tuple[str, str]:
        """GET a page; return the final URL's path and the HTML."""
        with self.opener.open(self.base + path, timeout=30) as response:
            return urllib.parse.urlsplit(response.url).path, response.read().decode()

    def post(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        """POST a form; return the final URL's path (after redirects) and the HTML."""
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=30) as response:
            return urllib.parse.urlsplit(response.url).path, response.read().decode()

    def submit_form(self, path: str, fields: dict[str, str], action: str | None = None) -> str:
        """Fetch the page at `path`, post its form with its CSRF token; return the final path."""
        _, html = self.get(path)
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        final, _ = self.post(action or path, {**fields, "csrf_token": match.group(1)})
        return final

    def cookie_header(self) -> str:
        """The Cookie header a browser would send."""
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)


def student_session(base: str) -> tuple[str, str]:
    """Register a student, log in through the login form, start the seed quiz.

    Returns the Cookie header and the question page's path.
    """
    email = f"bench-{secrets.token_hex(4)}@example.org"
    account = {"email": email, "password": PASSWORD}
    registration = Browser(base)
    registration.submit_form(
        "/auth/register", {**account, "display_name": "Bench Student", "confirm": PASSWORD}
    )
    browser = Browser(base)
    if browser.submit_form("/auth/login", account) != "/quiz/":
        raise RuntimeError("logging in did not land on the articles page")
    _, articles = browser.get("/quiz/")
    match = re.search(r'href="(/quiz/articles/(\d+))"', articles)
    if not match:
        raise RuntimeError("no article on the articles page")
    question = browser.submit_form(match.group(1), {}, action=f"{match.group(1)}/start")
    if not re.fullmatch(r"/quiz/attempts/\d+/questions/\d+", question):
        raise RuntimeError(f"starting the quiz landed on {question}")
    return browser.cookie_header(), question


@dataclass(frozen=True, slots=True)
class Run:
    """One wrk run's figures."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS_MS[unit]


def wrk(url: str, *, cookie: str | None, seconds: int, connections: int) -> Run:
    """Load one URL with wrk and read req/s and the latency percentiles from its output."""
    command = [WRK, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["-H", f"User-Agent: {USER_AGENT}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)) + int(
        m.group(1) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    )
    return Run(rate, p50, p99, errors)


def check_page(url: str, cookie: str, expected: str) -> None:
    """Make sure the logged-in cookie really reaches the page (not the login form)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, "User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=30) as response:
        html = response.read().decode()
    if expected not in html or 'name="password"' in html:
        raise RuntimeError(f"{url} did not show {expected!r} to the logged-in student")
    if response.headers.get("Set-Cookie"):
        raise RuntimeError(f"{url} sets a cookie on every request")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if not os.access(WRK, os.X_OK):
        print(f"{WRK} not found: install wrk (apt-get install -y wrk) or set WRK", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        env = {
            **os.environ,
            "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "QUIZAPP_SECRET_KEY": os.environ.get("QUIZAPP_SECRET_KEY", secrets.token_hex(32)),
        }
        print("preparing a fresh database (migrations, seed articles) …", flush=True)
        prepare_database(env)
        with (
            gunicorn("hello_app:app", env, "--pythonpath", str(ROOT / "bench")) as hello,
            gunicorn("wsgi:app", env) as quizapp,
        ):
            cookie, question = student_session(quizapp)
            pages = {
                "hello-world": (hello + "/", None),
                "question": (quizapp + question, cookie),
                "articles": (quizapp + "/quiz/", cookie),
                "scores": (quizapp + "/scores/", cookie),
            }
            check_page(pages["question"][0], cookie, "Question 1 of")
            check_page(pages["scores"][0], cookie, "My scores")
            runs: dict[str, list[Run]] = {name: [] for name in pages}
            for number in range(1, args.rounds + 1):
                print(f"round {number}/{args.rounds} …", flush=True)
                for name, (url, page_cookie) in pages.items():
                    runs[name].append(
                        wrk(
                            url,
                            cookie=page_cookie,
                            seconds=args.seconds,
                            connections=args.connections,
                        )
                    )
    return report(runs, args.connections)


def report(runs: dict[str, list[Run]], connections: int) -> int:
    """Print the table; return 1 when the question page misses a target."""
    floor = statistics.median(run.requests_per_second for run in runs["hello-world"])
    print(f"\n{connections} connections, medians of {len(runs['hello-world'])} interleaved rounds")
    print(f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x hello':>8} {'errors':>7}")
    figures = {}
    for name, page_runs in runs.items():
        rate = statistics.median(run.requests_per_second for run in page_runs)
        p50 = statistics.median(run.p50_ms for run in page_runs)
        p99 = statistics.median(run.p99_ms for run in page_runs)
        errors = sum(run.errors for run in page_runs)
        figures[name] = (rate / floor, p99)
        print(f"{name:<12} {rate:>8.0f} {p50:>8.1f} {p99:>8.1f} {rate / floor:>7.2f}x {errors:>7}")
    ratio, p99 = figures["question"]
    ok = ratio >= TARGET_RATIO and p99 <= TARGET_P99_MS
    print(
        f"\nquestion page: {ratio:.2f}x hello-world (target >= {TARGET_RATIO:.2f}x), "
        f"p99 {p99:.1f} ms (target <= {TARGET_P99_MS:.0f} ms): {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
