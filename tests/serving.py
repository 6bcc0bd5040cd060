"""Test helpers for real servers on loopback: gunicorn serving QuizApp, a throwaway redis-server."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REDIS_SERVER = Path(os.environ.get("QUIZAPP_REDIS_SERVER", "/usr/bin/redis-server"))


def free_port() -> int:
    """A loopback port nobody listens on right now (the kernel's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """A redis-server on a free loopback port, keeping nothing on disk; yields its URI."""
    port = free_port()
    command = [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(directory)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def redis_available() -> bool:
    """Whether a redis-server binary is installed here."""
    return REDIS_SERVER.exists() or shutil.which("redis-server") is not None


@dataclass
class Gunicorn:
    """QuizApp served by gunicorn on loopback; `access_log` lists "pid status method path"."""

    url: str
    port: int
    access_log: Path
    error_log: Path

    def served_by(self) -> list[tuple[int, int, str, str]]:
        """(worker pid, status, method, path) of each request served so far."""
        rows = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            pid, status, method, path = line.split(" ")[:4]
            rows.append((int(pid.strip("<>")), int(status), method, path))
        return rows


@contextmanager
def gunicorn(env: Mapping[str, str], logs: Path, *, workers: int = 2) -> Iterator[Gunicorn]:
    """Serve wsgi:app with `workers` sync workers and QUIZAPP_* settings from `env`."""
    port = free_port()
    access_log, error_log = logs / "access.log", logs / "error.log"
    command = [
        str(BIN / "gunicorn"),
        "--workers", str(workers),
        "--worker-class", "sync",
        "--bind", f"127.0.0.1:{port}",
        "--timeout", "120",
        "--access-logfile", str(access_log),
        "--access-logformat", "%(p)s %(s)s %(m)s %(U)s %(D)s",
        "--error-logfile", str(error_log),
        "wsgi:app",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    try:
        _wait_for_port(port, process)
        _wait_for_workers(error_log, workers)
        yield Gunicorn(f"http://127.0.0.1:{port}", port, access_log, error_log)
    finally:
        _stop(process)


def _wait_for_workers(error_log: Path, workers: int, timeout: float = 60) -> None:
    """Wait until every worker has booted (gunicorn logs one line per worker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = error_log.read_text(encoding="utf-8") if error_log.exists() else ""
        if len(re.findall(r"Booting worker with pid", text)) >= workers:
            return
        time.sleep(0.1)
    raise TimeoutError(f"gunicorn did not boot {workers} workers in {timeout} s")


@dataclass(frozen=True)
class Reply:
    """One HTTP response, read in full."""

    status: int
    headers: dict[str, str]
    body: str
    set_cookies: list[str]


def request(
    port: int,
    method: str,
    path: str,
    *,
    cookie: str = "",
    form: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Reply:
    """Send one request on a fresh connection (`Connection: close`), so gunicorn's workers
    each take their share of them; redirects are not followed."""
    headers = {"Connection": "close"}
    if cookie:
        headers["Cookie"] = cookie
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        return Reply(
            status=response.status,
            headers={k.lower(): v for k, v in response.getheaders()},
            body=text,
            set_cookies=response.headers.get_all("Set-Cookie") or [],
        )
    finally:
        connection.close()


class Visitor:
    """A cookie-keeping client of a live server that opens a new connection per request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def _send(self, method: str, path: str, form: Mapping[str, str] | None = None) -> Reply:
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        reply = request(self.port, method, path, cookie=cookie, form=form)
        for header in reply.set_cookies:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return reply

    def get(self, path: str) -> Reply:
        """GET a path (no redirect followed)."""
        return self._send("GET", path)

    def post(self, path: str, form: Mapping[str, str]) -> Reply:
        """POST a form (no redirect followed)."""
        return self._send("POST", path, form)


def csrf_token(html: str) -> str:
    """The CSRF token of the page's form."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if not match:
        raise AssertionError("no CSRF token on the page")
    return match.group(1)
